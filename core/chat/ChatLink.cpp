#include "core/Logging.h"
#include "core/channel/SecureChannel.h"
#include "core/chat/ChatLink_p.h"
#include "core/session/PeerSession.h"

namespace Peerlink {

ChatLink::ChatLink(PeerSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_peer(session->peerBareJid().toLower())
{
    connect(session, &PeerSession::connected, this, &ChatLink::start);
    connect(session, &PeerSession::ended, this, [this] { close(QStringLiteral("the session ended")); });
    connect(session, &QObject::destroyed, this, [this] { close(QStringLiteral("the session is gone")); });
    if (session->state() == PeerSession::State::Connected)
        start();
    else if (session->state() == PeerSession::State::Ended)
        m_state = State::Closed;
}

ChatLink::~ChatLink() = default;

void ChatLink::start()
{
    if (m_state != State::Waiting || !m_session)
        return;
    m_channel = m_session->channel();
    if (!m_channel) {
        close(QStringLiteral("the session has no channel"));
        return;
    }
    connect(m_channel, &SecureChannel::dataReceived, this, &ChatLink::onData);
    connect(m_channel, &SecureChannel::streamReset, this, [this](qint64 stream, quint64 code) {
        if (stream == ChatStream)
            close(QStringLiteral("the peer reset the chat stream (code %1)").arg(code));
    });
    connect(m_channel, &SecureChannel::streamFinished, this, [this](qint64 stream) {
        if (stream == ChatStream)
            close(QStringLiteral("the peer finished the chat stream"));
    });
    connect(m_channel, &SecureChannel::closed, this, [this] { close(QStringLiteral("the channel closed")); });
    connect(m_channel, &SecureChannel::writable, this, [this](qint64 stream, qint64 buffered) {
        if (stream == ChatStream && m_full && buffered < MaxBufferedBytes / 2 && m_state == State::Ready) {
            m_full = false;
            Q_EMIT writable();
        }
    });
    m_state = State::Handshake;
    m_initiator = m_session->isInitiator(); // known once the session runs, not when it is added
    if (m_initiator) {
        const qint64 stream = m_channel->openStream();
        if (stream != ChatStream) {
            const QString error = stream < 0
                ? QStringLiteral("the chat stream could not be opened")
                : QStringLiteral("the chat stream got id %1 instead of 0 (another stream was opened first)")
                      .arg(stream);
            qCWarning(lcChat).noquote() << "chat with" << m_peer << "stays on the server:" << error;
            close(error);
            return;
        }
        write(ChatFrame::hello());
    }
}

void ChatLink::close(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    const bool readyBefore = m_state == State::Ready;
    m_state = State::Closed;
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    if (readyBefore)
        qCInfo(lcChat).noquote() << "chat stream with" << m_peer << "closed:" << reason;
    Q_EMIT closed();
}

bool ChatLink::write(const ChatFrame &frame)
{
    return m_channel && m_channel->write(ChatStream, frame.encode());
}

bool ChatLink::send(const ChatFrame &frame)
{
    return m_state == State::Ready && write(frame);
}

bool ChatLink::hasRoom()
{
    if (!m_channel || m_state != State::Ready)
        return false;
    if (m_channel->bufferedBytes(ChatStream) < MaxBufferedBytes)
        return true;
    m_full = true;
    return false;
}

bool ChatLink::hasSent(const QString &id, int revision) const
{
    const auto it = m_sent.constFind(id);
    return it != m_sent.constEnd() && *it >= revision;
}

void ChatLink::noteSent(const QString &id, int revision)
{
    int &sent = m_sent[id];
    sent = std::max(sent, revision);
}

void ChatLink::reportError(const QString &error, const QString &id)
{
    qCWarning(lcChat).noquote() << QStringLiteral("malformed frame on the chat stream from %1: %2").arg(m_peer, error);
    write(ChatFrame::error(error, id));
    Q_EMIT protocolError(error);
}

void ChatLink::onData(qint64 stream, const QByteArray &data)
{
    if (stream != ChatStream || m_state == State::Closed || m_state == State::Waiting)
        return; // other streams belong to file transfers
    const QPointer<ChatLink> guard(this);
    const auto items = m_reader.feed(data);
    for (const ChatFrameReader::Item &item : items) {
        if (!guard || m_state == State::Closed)
            return;
        if (item.frame)
            handle(*item.frame);
        else
            reportError(item.error);
    }
}

void ChatLink::handle(const ChatFrame &frame)
{
    if (frame.type == ChatFrame::Type::Error) {
        // Never answered, so two sides cannot bounce errors forever.
        qCWarning(lcChat).noquote() << m_peer << "refused a chat frame:" << frame.text
                                    << (frame.id.isEmpty() ? QString() : QStringLiteral("(message %1)").arg(frame.id));
        return;
    }
    if (m_state == State::Handshake) {
        if (frame.type != ChatFrame::Type::Hello) {
            reportError(QStringLiteral("a %1 frame came before the hello").arg(ChatFrame::typeName(frame.type)));
            return;
        }
        if (frame.version != ChatFrame::ProtocolVersion) {
            const QString error = QStringLiteral("chat protocol version %1 is not supported (this device speaks %2)")
                                      .arg(frame.version)
                                      .arg(ChatFrame::ProtocolVersion);
            reportError(error);
            close(error);
            return;
        }
        if (!m_initiator)
            write(ChatFrame::hello());
        m_state = State::Ready;
        m_wasReady = true;
        qCInfo(lcChat).noquote() << "chat stream with" << m_peer << "ready";
        Q_EMIT ready();
        return;
    }
    if (frame.type == ChatFrame::Type::Hello) {
        reportError(QStringLiteral("a second hello frame"));
        return;
    }
    Q_EMIT frameReceived(frame);
}

} // namespace Peerlink
