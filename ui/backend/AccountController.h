// AccountController: what the UI does with the user's XMPP account (sign in and out, the
// server certificate decision) and what it shows of it. Qt and core value types only; the
// real implementation adapts core/xmpp Account (CoreAccountController), tests use a fake.
#pragma once

#include "core/xmpp/AccountConfig.h"
#include "core/xmpp/ServerCertificateProblem.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace Peerlink {

class AccountController : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        SignedOut, // not connected and not trying
        Connecting, // connecting, or waiting to reconnect
        Online,
        Failed, // stopped on an error that needs the user (see problem())
    };
    Q_ENUM(Status)

    enum class Problem {
        None,
        InvalidSettings, // the address or password is malformed
        Password, // the server refused the password
        Certificate, // the server's certificate is not trusted: see certificateProblem()
        Network, // the server cannot be reached (retrying)
        Conflict, // signed in elsewhere with the same resource
        Other,
    };
    Q_ENUM(Problem)

    using QObject::QObject;

    virtual Status status() const = 0;
    virtual Problem problem() const = 0;
    // The last problem in plain words: what failed and what the user can do. Empty if none.
    virtual QString problemText() const = 0;
    // The bare JID of the account ("user@example.org"), empty before the first sign-in.
    virtual QString jid() const = 0;
    // Milliseconds until the next automatic attempt, or -1 when none is scheduled.
    virtual int reconnectDelayMs() const = 0;

    // Signs in with config (its password included) and keeps the connection up.
    virtual void signIn(const AccountConfig &config) = 0;
    virtual void signOut() = 0;

    // The refused server certificate (problem() == Certificate), else a null problem.
    virtual ServerCertificateProblem certificateProblem() const = 0;
    virtual void trustCertificateOnce() = 0;
    // Remembers the refused certificate (pinnedCertificates()) and signs in again.
    virtual void pinCertificate() = 0;
    // SHA-256 digests of the server certificates the user pinned.
    virtual QList<QByteArray> pinnedCertificates() const = 0;

Q_SIGNALS:
    void statusChanged(Peerlink::AccountController::Status status);
    void problemOccurred(Peerlink::AccountController::Problem problem, const QString &text);
    void certificateRejected(const Peerlink::ServerCertificateProblem &problem);
    void pinnedCertificatesChanged();
    void reconnectScheduled(int msecs);
};

} // namespace Peerlink
