#include "ui/adapters/CoreAccountController.h"

#include "core/xmpp/Account.h"

namespace Peerlink {

namespace {
AccountController::Problem problemOf(Account::Error error)
{
    switch (error) {
    case Account::Error::NoError:
        return AccountController::Problem::None;
    case Account::Error::InvalidConfiguration:
        return AccountController::Problem::InvalidSettings;
    case Account::Error::AuthenticationFailed:
        return AccountController::Problem::Password;
    case Account::Error::CertificateUntrusted:
        return AccountController::Problem::Certificate;
    case Account::Error::ServerUnreachable:
    case Account::Error::ConnectionLost:
        return AccountController::Problem::Network;
    case Account::Error::Conflict:
        return AccountController::Problem::Conflict;
    case Account::Error::ServerError:
        return AccountController::Problem::Other;
    }
    return AccountController::Problem::Other;
}

QString bareJidOf(const QString &jid)
{
    const qsizetype slash = jid.indexOf(u'/');
    return slash < 0 ? jid : jid.left(slash);
}
} // namespace

CoreAccountController::CoreAccountController(Account &account, QObject *parent)
    : AccountController(parent)
    , m_account(account)
{
    connect(&account, &Account::stateChanged, this, [this] {
        if (m_account.state() != Account::State::Disconnected)
            m_reconnectDelayMs = -1;
        update();
    });
    connect(&account, &Account::errorOccurred, this, [this](Account::Error error, const QString &message) {
        update();
        Q_EMIT problemOccurred(problemOf(error), message);
    });
    connect(&account, &Account::certificateRejected, this, &AccountController::certificateRejected);
    connect(&account, &Account::configChanged, this, &AccountController::pinnedCertificatesChanged);
    connect(&account, &Account::reconnectScheduled, this, [this](int msecs) {
        m_reconnectDelayMs = msecs;
        update();
        Q_EMIT reconnectScheduled(msecs);
    });
    update();
}

AccountController::Status CoreAccountController::status() const
{
    return m_status;
}

void CoreAccountController::update()
{
    Status status = Status::SignedOut;
    switch (m_account.state()) {
    case Account::State::Connected:
        status = Status::Online;
        break;
    case Account::State::Connecting:
        status = Status::Connecting;
        break;
    case Account::State::Disconnected:
        if (m_account.isReconnectScheduled())
            status = Status::Connecting;
        else if (m_account.error() != Account::Error::NoError)
            status = Status::Failed;
        break;
    }
    if (status != m_status) {
        m_status = status;
        Q_EMIT statusChanged(status);
    }
}

AccountController::Problem CoreAccountController::problem() const
{
    return problemOf(m_account.error());
}

QString CoreAccountController::problemText() const
{
    return m_account.errorString();
}

QString CoreAccountController::jid() const
{
    return bareJidOf(m_account.config().jid);
}

int CoreAccountController::reconnectDelayMs() const
{
    return m_account.isReconnectScheduled() ? m_reconnectDelayMs : -1;
}

void CoreAccountController::signIn(const AccountConfig &config)
{
    m_account.setConfig(config);
    m_account.connectToServer();
    update();
}

void CoreAccountController::signOut()
{
    m_account.disconnectFromServer();
    update();
}

ServerCertificateProblem CoreAccountController::certificateProblem() const
{
    return m_account.certificateProblem();
}

void CoreAccountController::trustCertificateOnce()
{
    m_account.trustCertificateOnce();
    update();
}

void CoreAccountController::pinCertificate()
{
    m_account.pinCertificate();
    update();
}

QList<QByteArray> CoreAccountController::pinnedCertificates() const
{
    return m_account.config().pinnedCertificates;
}

} // namespace Peerlink
