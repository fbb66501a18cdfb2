// Private part of PeerSession, shared with SessionManager (which creates sessions and routes
// Jingle requests to them). Not a public header.
#pragma once

#include "core/channel/DeviceIdentity.h"
#include "core/channel/SecureChannel.h"
#include "core/ice/IceAgent.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionConfig.h"
#include "core/xmpp/JingleIq.h"
#include "core/xmpp/JingleReason.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

class QXmppClient;

namespace Peerlink {

class NetworkThread;

struct PeerSession::Private
{
    PeerSession *q = nullptr;
    QXmppClient *client = nullptr;
    NetworkThread *thread = nullptr;
    DeviceIdentity identity;
    SessionConfig config;
    IceConfig iceConfig; // effective: the user's settings plus the server's services

    QString sid;
    QString selfJid; // our full JID when the session started
    QString peerJid; // the peer's full JID
    bool initiator = false;

    State state = State::Initiating;
    EndReason endReason = EndReason::None;
    QString endText;
    QElapsedTimer sinceStart;
    qint64 connectMs = -1;

    std::unique_ptr<IceAgent> ice;
    std::unique_ptr<SecureChannel> channel;
    QByteArray peerFingerprint; // sha-256, raw
    IceAgent::Credentials remoteCredentials;
    int candidateCounter = 0;
    bool restarting = false; // the path was lost: ICE restarts until it is back or connectTimer ends it
    QTimer acceptTimer;
    QTimer connectTimer;
    QTimer restartRetryTimer; // restart again while no new path works
    bool peerAnsweredRestart = false; // new credentials of the peer since our last restart

    // --- driven by SessionManager
    void startOutgoing();
    // The session-initiate was validated by the manager (contact, chat content, ICE transport,
    // fingerprint). Accepts it. False with *error when the request cannot be used.
    bool startIncoming(const JingleIq &initiate, QString *error);
    // A request from the session's peer. False when it is out of order (answered with an error).
    bool handleRequest(const JingleIq &iq, QString *error);
    // The peer refused our session-initiate with an IQ error.
    void initiateRefused(bool tieBreak, const QString &text);

    // --- internal
    void setState(State newState);
    void createIce(bool controlling);
    void createChannel(SecureChannel::Role role);
    bool applyRemoteTransport(const JingleContent &content, QString *error);
    JingleIq makeIq(JingleIq::Action action) const;
    JingleContent chatContent() const;
    void sendIq(JingleIq &&iq);
    void sendLocalCandidate(const IceCandidate &candidate);
    void sendCredentials();
    void onIceState(IceAgent::State iceState);
    // The path of a connected session was lost: restart ICE (again and again, every
    // RestartRetryMs, on the initiator) until a path works or the window (connectTimeoutMs) ends.
    void beginRestartWindow();
    void restartIce(const char *why);
    void onChannelClosed(SecureChannel::ErrorKind kind, const QString &reason);
    // Sends session-terminate with this condition and ends the session.
    void terminate(JingleReason::Condition condition, EndReason reason, const QString &text);
    // Ends the session without telling the peer (it told us, or it is gone).
    void end(EndReason reason, const QString &text);
    static EndReason endReasonFor(JingleReason::Condition condition);
};

} // namespace Peerlink
