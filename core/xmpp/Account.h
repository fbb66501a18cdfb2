// One XMPP account: the connection (TLS required, reconnection with backoff), the roster with
// presence, the STUN/TURN services of the server (XEP-0215) and the features Peerlink advertises.
// Wraps a QXmppClient; lives on the main thread (QXmpp is not thread-safe).
#pragma once

#include "core/xmpp/AccountConfig.h"
#include "core/xmpp/ExternalService.h"
#include "core/xmpp/RosterContact.h"
#include "core/xmpp/ServerCertificateProblem.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QXmppClient;

namespace Peerlink {

class Account : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    enum class Error {
        NoError,
        InvalidConfiguration, // the JID or password is missing or malformed
        AuthenticationFailed, // wrong password, account disabled, ...: needs the user, no retry
        CertificateUntrusted, // see certificateProblem(): needs the user, no retry
        ServerUnreachable, // could not connect (retried)
        ConnectionLost, // was connected, connection dropped (retried)
        Conflict, // another client logged in with the same resource: no retry
        ServerError, // the server ended the session for another reason
    };
    Q_ENUM(Error)

    explicit Account(QObject *parent = nullptr);
    ~Account() override;

    AccountConfig config() const;
    // Takes effect on the next connectToServer().
    void setConfig(const AccountConfig &config);

    State state() const;
    Error error() const;
    // The last error in plain words (what failed and what the user can do); empty if none.
    QString errorString() const;
    // The certificate refused at the last attempt (error() == CertificateUntrusted), else null.
    ServerCertificateProblem certificateProblem() const;
    bool isReconnectScheduled() const;
    // The full JID bound by the server, empty while not connected.
    QString boundJid() const;

    // Connects and keeps reconnecting after lost connections (exponential backoff with jitter)
    // until disconnectFromServer() or an error that needs the user (password, certificate).
    void connectToServer();
    void disconnectFromServer();
    // Accepts the refused certificate (certificateProblem()) for this Account object only, then connects.
    void trustCertificateOnce();
    // Adds the refused certificate's fingerprint to config().pinnedCertificates (configChanged()),
    // then connects.
    void pinCertificate();

    // Roster and presence. Contacts who we asked to see, or who see us, and then ask for the
    // other direction are approved automatically; other requests are signalled.
    QList<RosterContact> contacts() const;
    std::optional<RosterContact> contact(const QString &bareJid) const;
    // Adds the contact to the roster and asks to see their presence. False if not connected or
    // the JID is not a bare JID.
    bool addContact(const QString &bareJid, const QString &name = {});
    // Lets bareJid see our presence, and asks to see theirs if we do not yet.
    bool approveSubscription(const QString &bareJid);
    bool refuseSubscription(const QString &bareJid);
    bool removeContact(const QString &bareJid);

    // XEP-0215: the STUN/TURN services of the server, refreshed before their credentials expire.
    QList<ExternalService> externalServices() const;
    void refreshExternalServices();

    // The disco#info features Peerlink adds (Jingle, ICE-UDP, DTLS fingerprints, file transfer,
    // hashes, the chat channel); see AccountFeatures.
    static QStringList supportedFeatures();

    // For the session layer, which adds its own QXmppClientExtension. Owned by the Account.
    QXmppClient *client() const;

Q_SIGNALS:
    void stateChanged(Peerlink::Account::State state);
    void errorOccurred(Peerlink::Account::Error error, const QString &message);
    void certificateRejected(const Peerlink::ServerCertificateProblem &problem);
    void reconnectScheduled(int msecs);
    void configChanged();

    void contactsReset(); // the whole list changed (roster received, disconnected)
    void contactChanged(const QString &bareJid); // added or changed (subscription, presence, name)
    void contactRemoved(const QString &bareJid);
    void subscriptionRequested(const QString &bareJid);

    void externalServicesChanged();

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
