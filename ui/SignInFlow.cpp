#include "ui/SignInFlow.h"

#include "ui/AccountDialog.h"
#include "ui/AppSettings.h"
#include "ui/CertificateDialog.h"
#include "ui/backend/SecretStore.h"

#include <QSslCertificate>

namespace Peerlink {

SignInFlow::SignInFlow(AppSettings &settings, const Backend &backend, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_backend(backend)
    , m_dialogParent(dialogParent)
{
    connect(m_backend.account, &AccountController::problemOccurred, this, &SignInFlow::onProblem);
    connect(m_backend.account, &AccountController::certificateRejected, this, &SignInFlow::onCertificateRejected);
    connect(m_backend.account, &AccountController::pinnedCertificatesChanged, this, [this] {
        m_settings.setPinnedCertificates(m_backend.account->pinnedCertificates());
        m_settings.sync();
    });
}

AccountDialog *SignInFlow::accountDialog() const
{
    return m_accountDialog;
}

CertificateDialog *SignInFlow::certificateDialog() const
{
    return m_certificateDialog;
}

QString SignInFlow::storeNotice() const
{
    return m_backend.secrets->isAvailable() ? QString() : m_backend.secrets->unavailableReason();
}

AccountConfig SignInFlow::configFor(const QString &password) const
{
    return accountConfig(m_settings, password);
}

AccountConfig SignInFlow::accountConfig(const AppSettings &settings, const QString &password)
{
    AccountConfig config;
    config.jid = settings.accountJid();
    config.password = password;
    config.host = settings.accountHost();
    config.port = settings.accountPort();
    config.pinnedCertificates = settings.pinnedCertificates();
    if (!settings.extraCaFile().isEmpty())
        config.trustedCaCertificates = QSslCertificate::fromPath(settings.extraCaFile(), QSsl::Pem);
    return config;
}

void SignInFlow::save(const AccountDialog &dialog, AppSettings &settings, SecretStore *secrets, QObject *context,
                      const std::function<void(const QString &)> &onStoreError)
{
    const QString oldJid = settings.accountJid();
    settings.setAccountJid(dialog.jid());
    settings.setAccountHost(dialog.host());
    settings.setAccountPort(dialog.port());
    settings.setRememberPassword(dialog.rememberPassword());
    if (!oldJid.isEmpty() && oldJid.compare(dialog.jid(), Qt::CaseInsensitive) != 0)
        settings.setPinnedCertificates({}); // pins belong to the old account's server
    settings.sync();

    const QString key = AppSettings::accountSecretKey(dialog.jid());
    if (dialog.rememberPassword()) {
        secrets->write(key, dialog.password(), context, [onStoreError](const SecretStore::Result &written) {
            if (!written.ok && onStoreError)
                onStoreError(tr("Your password could not be saved: %1").arg(written.error));
        });
    } else if (secrets->isAvailable()) {
        secrets->remove(key, context, nullptr);
    }
    if (!secrets->isAvailable() && onStoreError)
        onStoreError(secrets->unavailableReason());
}

bool SignInFlow::askFirstAccount(AppSettings &settings, SecretStore *secrets, QString *password)
{
    AccountDialog dialog;
    dialog.setRememberPassword(true);
    dialog.setStoreAvailability(secrets->isAvailable(),
                                secrets->isAvailable() ? QString() : secrets->unavailableReason());
    if (dialog.exec() != QDialog::Accepted)
        return false;
    save(dialog, settings, secrets, secrets, nullptr);
    *password = dialog.password();
    return true;
}

void SignInFlow::start(const QString &password)
{
    const QString jid = m_settings.accountJid();
    if (!jid.isEmpty() && !password.isEmpty()) {
        signIn(password);
        return;
    }
    if (jid.isEmpty()) {
        askForAccount();
        return;
    }
    if (!m_backend.secrets->isAvailable() || !m_settings.rememberPassword()) {
        askForAccount();
        return;
    }
    m_backend.secrets->read(AppSettings::accountSecretKey(jid), this, [this](const SecretStore::Result &result) {
        if (result.ok && !result.secret.isEmpty()) {
            signIn(result.secret);
            return;
        }
        askForAccount(result.notFound ? QString() : result.error);
    });
}

void SignInFlow::askForAccount(const QString &message)
{
    if (m_accountDialog) {
        m_accountDialog->setMessage(message);
        m_accountDialog->raise();
        m_accountDialog->activateWindow();
        return;
    }
    auto *dialog = new AccountDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setJid(m_settings.accountJid());
    dialog->setHost(m_settings.accountHost(), m_settings.accountPort());
    dialog->setRememberPassword(m_settings.rememberPassword());
    dialog->setStoreAvailability(m_backend.secrets->isAvailable(), storeNotice());
    dialog->setMessage(message);
    connect(dialog, &QDialog::finished, this, &SignInFlow::onAccountDialogFinished);
    m_accountDialog = dialog;
    dialog->open();
}

void SignInFlow::onAccountDialogFinished(int result)
{
    AccountDialog *dialog = m_accountDialog;
    if (!dialog)
        return;
    if (result != QDialog::Accepted) {
        if (m_settings.accountJid().isEmpty())
            Q_EMIT cancelled();
        return;
    }
    const QString oldJid = m_settings.accountJid();
    save(*dialog, m_settings, m_backend.secrets, this, [this](const QString &text) { Q_EMIT notice(text); });
    if (!oldJid.isEmpty() && oldJid.compare(dialog->jid(), Qt::CaseInsensitive) != 0) {
        Q_EMIT restartRequested(dialog->jid());
        return;
    }
    const QString password = dialog->password();
    signIn(password);
}

void SignInFlow::signIn(const QString &password)
{
    m_backend.account->signIn(configFor(password));
}

void SignInFlow::signOut()
{
    m_backend.account->signOut();
}

void SignInFlow::onProblem(AccountController::Problem problem, const QString &text)
{
    switch (problem) {
    case AccountController::Problem::Password:
    case AccountController::Problem::InvalidSettings:
        askForAccount(text);
        break;
    default:
        break; // certificate: see certificateRejected; network: retried by the account; others: status bar
    }
}

void SignInFlow::onCertificateRejected(const ServerCertificateProblem &problem)
{
    if (m_certificateDialog)
        m_certificateDialog->close();
    auto *dialog = new CertificateDialog(problem, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        switch (dialog->decision()) {
        case CertificateDialog::Decision::TrustOnce:
            m_backend.account->trustCertificateOnce();
            break;
        case CertificateDialog::Decision::Pin:
            m_backend.account->pinCertificate();
            break;
        case CertificateDialog::Decision::None:
            Q_EMIT notice(tr("Not signed in: the server's certificate was not trusted."));
            break;
        }
    });
    m_certificateDialog = dialog;
    dialog->open();
}

} // namespace Peerlink
