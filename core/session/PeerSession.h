// PeerSession: one Jingle session with one contact's device. It negotiates ICE (an IceAgent,
// candidates trickled in transport-info) and then opens the SecureChannel (QUIC) on the selected
// path, checking the peer's certificate against the fingerprint that came through Jingle.
// SessionManager creates sessions (outgoing with connectToContact(), incoming when a contact
// sends session-initiate) and routes the peer's Jingle requests to them.
//
// The channel does not depend on the XMPP connection once it is open: a server that goes away
// does not end the session. Every wait has a timeout that ends the session with a reason.
#pragma once

#include "core/ice/IceAgent.h"
#include "core/ice/IceCandidate.h"
#include "core/xmpp/JingleContent.h"
#include "core/xmpp/JingleReason.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Peerlink {

class SecureChannel;
class SessionManager;

class PeerSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Initiating, // session-initiate sent, waiting for session-accept
        Connecting, // accepted: ICE connectivity checks running
        Securing, // a path was found: QUIC/TLS handshake running
        Connected, // the secure channel is open
        Ended, // see endReason()
    };
    Q_ENUM(State)

    enum class EndReason {
        None, // not ended
        HungUp, // either side ended it normally
        Declined, // the peer refused the session
        Timeout, // the peer did not answer, or no path was found in time
        Security, // the peer's certificate did not match the fingerprint it announced
        Connectivity, // no path could be found, or the path was lost
        Gone, // the peer is unreachable (offline, or its client does not speak Peerlink)
        AlternativeSession, // both sides connected at once and the peer's session was kept
        Error, // any other failure; endText() says which
    };
    Q_ENUM(EndReason)

    // Jingle actions on application contents beyond the chat channel (file offers, XEP-0234):
    // the transfer layer runs these flows over an established session.
    enum class ContentAction { Add, Accept, Reject, Remove, DescriptionInfo };
    Q_ENUM(ContentAction)

    // The path the channel runs on.
    struct Path
    {
        IceCandidate local;
        IceCandidate remote;
        bool relayed() const
        {
            return local.type == IceCandidate::Type::Relayed || remote.type == IceCandidate::Type::Relayed;
        }
        bool viaUpnp() const { return local.viaUpnp; }
    };

    ~PeerSession() override;

    QString sid() const;
    QString peerJid() const; // full JID of the peer's device
    QString peerBareJid() const;
    bool isInitiator() const;

    State state() const;
    static QString stateName(State state);
    EndReason endReason() const;
    // What ended the session, in plain words (empty while it runs).
    QString endText() const;

    // The secure channel; non-null from Securing until the session is destroyed. Streams may be
    // opened once the state is Connected.
    SecureChannel *channel() const;
    // The ICE agent (gathered candidates, selected pair, RTT); closed once ended.
    IceAgent *iceAgent() const;
    std::optional<Path> path() const;
    // SHA-256 of the peer's device certificate, as announced in Jingle.
    QByteArray peerFingerprint() const;
    // Milliseconds from the start of the session to the open channel; -1 until Connected.
    qint64 connectMs() const;

    // Ends the session: session-terminate (success) to the peer, channel and ICE closed.
    void hangUp(const QString &text = {});

    // Sends a content action to the peer. False (nothing sent) unless the session is Connected.
    // A refusal by the peer comes back as contentActionRefused().
    bool sendContentAction(ContentAction action, const QList<Peerlink::JingleContent> &contents,
                           const std::optional<Peerlink::JingleReason> &reason = std::nullopt);

Q_SIGNALS:
    void stateChanged(Peerlink::PeerSession::State state);
    void connected();
    void pathChanged();
    void ended(Peerlink::PeerSession::EndReason reason, const QString &text);
    // The peer sent a content action (only while Connected; otherwise it is refused as out of order).
    void contentActionReceived(Peerlink::PeerSession::ContentAction action,
                               const QList<Peerlink::JingleContent> &contents,
                               const std::optional<Peerlink::JingleReason> &reason);
    // The peer answered one of our content actions with an error.
    void contentActionRefused(Peerlink::PeerSession::ContentAction action,
                              const QList<Peerlink::JingleContent> &contents, const QString &error);

private:
    friend class SessionManager;
    struct Private;
    PeerSession(std::unique_ptr<Private> d, QObject *parent);
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
