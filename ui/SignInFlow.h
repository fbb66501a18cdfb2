// SignInFlow: getting the account online. At the first start it asks for the account
// (AccountDialog); later it takes the password from the SecretStore and signs in by itself.
// It asks again when the server refuses the password, shows an untrusted server certificate
// (CertificateDialog) and applies the user's decision, keeps pinned certificates in the
// settings, and says clearly when the system has no password store. Dialogs are opened
// without blocking (open()), one at a time.
#pragma once

#include "core/xmpp/AccountConfig.h"
#include "ui/backend/AccountController.h"
#include "ui/backend/Backend.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace Peerlink {

class AccountDialog;
class AppSettings;
class CertificateDialog;
class SecretStore;

class SignInFlow : public QObject
{
    Q_OBJECT
public:
    SignInFlow(AppSettings &settings, const Backend &backend, QWidget *dialogParent, QObject *parent = nullptr);

    // Signs in with the saved account (with `password` when given, else the stored one), or
    // asks for one.
    void start(const QString &password = {});
    // Asks for an account (to switch accounts, or after signing out).
    void askForAccount(const QString &message = {});
    void signOut();

    AccountDialog *accountDialog() const;
    CertificateDialog *certificateDialog() const;
    // Why the password is not remembered (no system store), empty if it is.
    QString storeNotice() const;
    // The configuration of the saved account with this password.
    AccountConfig configFor(const QString &password) const;
    static AccountConfig accountConfig(const AppSettings &settings, const QString &password);

    // The first start, before the engine exists (it is made for one account): asks for the
    // account with a modal AccountDialog, saves it (the password into the secret store when the
    // user wants it remembered). False when the user cancelled.
    static bool askFirstAccount(AppSettings &settings, SecretStore *secrets, QString *password);

Q_SIGNALS:
    // The user closed the first-start dialog without an account.
    void cancelled();
    // Something the user should see in the status bar (store problems, ...).
    void notice(const QString &text);
    // The user signed in with another account: the engine is made per account, so Peerlink
    // restarts (the new account is saved already).
    void restartRequested(const QString &jid);

private:
    void onAccountDialogFinished(int result);
    void onProblem(AccountController::Problem problem, const QString &text);
    void onCertificateRejected(const ServerCertificateProblem &problem);
    void signIn(const QString &password);
    // Saves what the dialog holds (settings, secret store).
    static void save(const AccountDialog &dialog, AppSettings &settings, SecretStore *secrets, QObject *context,
                     const std::function<void(const QString &)> &onStoreError);

    AppSettings &m_settings;
    Backend m_backend;
    QWidget *m_dialogParent;
    QPointer<AccountDialog> m_accountDialog;
    QPointer<CertificateDialog> m_certificateDialog;
};

} // namespace Peerlink
