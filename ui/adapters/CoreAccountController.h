// CoreAccountController: the AccountController of the real engine, over core/xmpp Account.
#pragma once

#include "ui/backend/AccountController.h"

namespace Peerlink {

class Account;

class CoreAccountController : public AccountController
{
    Q_OBJECT
public:
    // account must outlive this object.
    explicit CoreAccountController(Account &account, QObject *parent = nullptr);

    Status status() const override;
    Problem problem() const override;
    QString problemText() const override;
    QString jid() const override;
    int reconnectDelayMs() const override;
    void signIn(const AccountConfig &config) override;
    void signOut() override;
    ServerCertificateProblem certificateProblem() const override;
    void trustCertificateOnce() override;
    void pinCertificate() override;
    QList<QByteArray> pinnedCertificates() const override;

private:
    void update();

    Account &m_account;
    Status m_status = Status::SignedOut;
    int m_reconnectDelayMs = -1;
};

} // namespace Peerlink
