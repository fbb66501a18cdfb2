// ChatLink: the chat stream of one peer session (stream 0 of its QUIC channel, docs/chat.md).
// The session initiator is the QUIC client: it opens stream 0 as soon as the session is
// connected and sends its hello; the responder answers the hello with its own. The link is
// ready once the peer's hello has arrived with a compatible version; from then on frames go
// both ways. Malformed frames are reported (protocolError) and answered with an error frame,
// the stream goes on. Private to core/chat.
#pragma once

#include "core/chat/ChatFrame.h"
#include "core/chat/ChatFrameReader.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Peerlink {

class PeerSession;
class SecureChannel;

class ChatLink : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 ChatStream = 0;
    // Messages are written while less than this is unacknowledged on the stream; the rest
    // follow as the peer acknowledges (writable()), so a long outbox never sits in memory twice.
    static constexpr qint64 MaxBufferedBytes = 512 * 1024;

    explicit ChatLink(PeerSession *session, QObject *parent = nullptr);
    ~ChatLink() override;

    PeerSession *session() const { return m_session; }
    QString peer() const { return m_peer; } // bare JID
    bool isReady() const { return m_state == State::Ready; }
    bool isClosed() const { return m_state == State::Closed; }
    // True once the link was ready (also after it closed).
    bool wasReady() const { return m_wasReady; }

    // Sends a frame; false unless the link is ready and the channel took it.
    bool send(const ChatFrame &frame);
    // True while the stream has room for more messages (see MaxBufferedBytes).
    bool hasRoom();
    // What this link already carried: the highest revision of each message sent on it.
    bool hasSent(const QString &id, int revision) const;
    void noteSent(const QString &id, int revision);

    // Stops using the stream (the session goes on). closed() follows.
    void close(const QString &reason);

Q_SIGNALS:
    void ready();
    // The stream has room again after hasRoom() said no.
    void writable();
    void frameReceived(const Peerlink::ChatFrame &frame);
    // The peer sent something malformed (the frame was dropped and an error frame answered).
    void protocolError(const QString &error);
    void closed();

private:
    enum class State { Waiting, Handshake, Ready, Closed };

    void start();
    void onData(qint64 stream, const QByteArray &data);
    void handle(const ChatFrame &frame);
    bool write(const ChatFrame &frame);
    void reportError(const QString &error, const QString &id = {});

    QPointer<PeerSession> m_session;
    QPointer<SecureChannel> m_channel;
    QString m_peer;
    bool m_initiator = false;
    State m_state = State::Waiting;
    ChatFrameReader m_reader;
    QHash<QString, int> m_sent;
    bool m_full = false;
    bool m_wasReady = false;
};

} // namespace Peerlink
