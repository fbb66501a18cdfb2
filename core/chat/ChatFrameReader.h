// ChatFrameReader: cuts the bytes of the chat stream into frames (see ChatFrame). Memory stays
// bounded: a frame that declares a payload larger than ChatFrame::MaxPayloadSize is not
// buffered but skipped as its bytes arrive, and reported once; a malformed payload is reported
// and the next frame is read as usual.
#pragma once

#include "core/chat/ChatFrame.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Peerlink {

class ChatFrameReader
{
public:
    struct Item
    {
        std::optional<ChatFrame> frame; // a frame, or
        QString error; // what was wrong with the bytes of one frame
    };

    // Appends stream bytes; returns the frames and errors they complete, in stream order.
    // Frames of unknown types are dropped silently.
    QList<Item> feed(const QByteArray &data);

    // Bytes of an incomplete frame held so far (at most HeaderSize + MaxPayloadSize).
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    // Bytes still to skip of an oversize frame.
    quint64 skipping() const { return m_skip; }

private:
    QByteArray m_buffer;
    quint64 m_skip = 0;
};

} // namespace Peerlink
