#include "core/chat/ChatFrameReader.h"

#include <QtEndian>

#include <algorithm>

namespace Peerlink {

QList<ChatFrameReader::Item> ChatFrameReader::feed(const QByteArray &data)
{
    QList<Item> items;
    QByteArrayView input(data);
    while (!input.isEmpty() || m_buffer.size() >= ChatFrame::HeaderSize) {
        if (m_skip > 0) {
            const auto n = qsizetype(std::min<quint64>(m_skip, quint64(input.size())));
            m_skip -= quint64(n);
            input = input.sliced(n);
            continue;
        }
        // Gather the header, then the payload, taking only what this frame needs.
        if (m_buffer.size() < ChatFrame::HeaderSize) {
            const qsizetype n = std::min(ChatFrame::HeaderSize - m_buffer.size(), input.size());
            m_buffer.append(input.first(n));
            input = input.sliced(n);
            if (m_buffer.size() < ChatFrame::HeaderSize)
                break;
        }
        const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
        if (length == 0) {
            m_buffer.clear();
            items.append({ std::nullopt, QStringLiteral("an empty frame (length 0) was skipped") });
            continue;
        }
        if (qsizetype(length) > ChatFrame::MaxPayloadSize) {
            m_buffer.clear();
            m_skip = length;
            items.append({ std::nullopt,
                           QStringLiteral("a frame of %1 bytes exceeds the limit of %2 bytes and was skipped")
                               .arg(length)
                               .arg(ChatFrame::MaxPayloadSize) });
            continue;
        }
        const qsizetype total = ChatFrame::HeaderSize + qsizetype(length);
        const qsizetype n = std::min(total - m_buffer.size(), input.size());
        m_buffer.append(input.first(n));
        input = input.sliced(n);
        if (m_buffer.size() < total)
            break;
        QString error;
        std::optional<ChatFrame> frame = ChatFrame::decode(m_buffer.sliced(ChatFrame::HeaderSize), &error);
        m_buffer.clear();
        if (frame)
            items.append({ std::move(frame), QString() });
        else if (!error.isEmpty())
            items.append({ std::nullopt, error });
    }
    return items;
}

} // namespace Peerlink
