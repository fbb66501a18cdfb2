// SessionManager: runs the Jingle sessions of one Account. connectToContact() is what a Connect
// button calls; sessions from contacts are accepted by themselves (only roster contacts may start
// one), and every Jingle request about a session must come from that session's peer or it is
// refused and changes nothing. When both sides connect at once (glare) exactly one session
// survives: the one with the lower session id (docs/protocol.md).
#pragma once

#include "core/channel/DeviceIdentity.h"
#include "core/ice/IceConfig.h"
#include "core/session/SessionConfig.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Peerlink {

class Account;
class NetworkThread;
class PeerSession;
class TrustStore;

class SessionManager : public QObject
{
    Q_OBJECT
public:
    // account and thread must outlive the manager. identity is this device's key pair.
    SessionManager(Account &account, NetworkThread &thread, const DeviceIdentity &identity,
                   const SessionConfig &config = {}, QObject *parent = nullptr);
    ~SessionManager() override;

    SessionConfig config() const;
    void setConfig(const SessionConfig &config); // for sessions started from now on
    // The ICE settings a new session gets: the user's plus the server's STUN/TURN services.
    IceConfig effectiveIceConfig() const;

    // Remembers peer device fingerprints (trust on first use); optional, not owned.
    void setTrustStore(TrustStore *store);

    // Starts a session with a contact's online device, or returns the running one. Returns
    // nullptr and sets *error (plain words) when it cannot: not signed in, not a contact, offline.
    PeerSession *connectToContact(const QString &bareJid, QString *error = nullptr);
    // The current (running or last ended) session with a contact, or nullptr.
    PeerSession *session(const QString &bareJid) const;
    QList<PeerSession *> sessions() const;

Q_SIGNALS:
    // A new session, outgoing or incoming. The manager owns it.
    void sessionAdded(Peerlink::PeerSession *session);
    // A Jingle request was refused (not a contact, wrong sender, malformed, out of order).
    void requestRefused(const QString &from, const QString &reason);
    // A contact's device presented a fingerprint other than the ones remembered for them.
    void peerDeviceChanged(const QString &bareJid, const QByteArray &fingerprint);

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
