#include "UiPeer.h"

#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "core/chat/ChatService.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/storage/TrustStore.h"
#include "core/transfer/TransferService.h"
#include "core/xmpp/Account.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/SignInFlow.h"
#include "ui/adapters/CoreAccountController.h"
#include "ui/adapters/CoreChatSource.h"
#include "ui/adapters/CoreConnectionController.h"
#include "ui/adapters/CoreContactsSource.h"
#include "ui/adapters/CoreTransferSource.h"
#include "ui/adapters/KeychainSecretStore.h"

#include <QDir>

namespace Peerlink::Test {

UiPeer::UiPeer(NetworkThread &thread, const ProsodyServer &server, const TestCertificateAuthority &ca,
               const QString &user, const QString &password)
    : m_jid(server.jid(user))
{
    if (!m_profile.isValid()) {
        m_error = QStringLiteral("no temporary profile folder");
        return;
    }
    // The profile as a user would have set it up: account, the test CA, downloads, no UPnP.
    m_settings = std::make_unique<AppSettings>(m_profile.filePath(QStringLiteral("settings.ini")));
    m_settings->setAccountJid(m_jid);
    m_settings->setAccountHost(server.host());
    m_settings->setAccountPort(server.c2sPort());
    m_settings->setExtraCaFile(ca.caCertificatePath());
    m_settings->setUpnp(false);
    QDir().mkpath(downloadDir());
    m_settings->setDownloadDir(downloadDir());
    m_settings->sync();

    m_database = std::make_unique<Database>();
    if (!m_database->open(m_profile.filePath(QStringLiteral("peerlink.sqlite")))) {
        m_error = m_database->errorString();
        return;
    }
    m_identity = DeviceIdentity::loadOrCreate(m_profile.path(), &m_error);
    if (m_identity.isNull())
        return;
    m_error.clear();
    m_account = std::make_unique<Account>();
    m_account->setConfig(SignInFlow::accountConfig(*m_settings, QString())); // chat and transfers are per account
    m_sessions = std::make_unique<SessionManager>(*m_account, thread, m_identity);
    m_trust = std::make_unique<TrustStore>(*m_database, QStringLiteral("default"));
    m_sessions->setTrustStore(m_trust.get());
    m_chat = std::make_unique<ChatService>(*m_account, *m_sessions, *m_database);
    if (!m_chat->isValid()) {
        m_error = m_chat->errorString();
        return;
    }
    m_transfers
        = std::make_unique<TransferService>(*m_account, *m_sessions, *m_database, m_settings->transferSettings());
    if (!m_transfers->isValid()) {
        m_error = m_transfers->errorString();
        return;
    }
    m_secrets = std::make_unique<KeychainSecretStore>(QStringLiteral("Peerlink test"));
    m_settings->setRememberPassword(false); // never touch a real keyring from a test
    m_password = password;

    m_accountController = std::make_unique<CoreAccountController>(*m_account);
    m_contactsSource = std::make_unique<CoreContactsSource>(*m_account);
    m_connectionController = std::make_unique<CoreConnectionController>(*m_sessions, *m_account);
    m_chatSource = std::make_unique<CoreChatSource>(*m_chat);
    m_transferSource = std::make_unique<CoreTransferSource>(*m_transfers);
    m_window = std::make_unique<MainWindow>(backend(), *m_settings);
}

UiPeer::~UiPeer()
{
    // The window and adapters go first, then the engine in the order main() would end it.
    m_window.reset();
    m_transferSource.reset();
    m_chatSource.reset();
    m_connectionController.reset();
    m_contactsSource.reset();
    m_accountController.reset();
    m_transfers.reset();
    m_chat.reset();
    m_sessions.reset();
    m_trust.reset();
    m_account.reset();
    m_database.reset();
}

QString UiPeer::downloadDir() const
{
    return m_profile.filePath(QStringLiteral("Downloads"));
}

Backend UiPeer::backend() const
{
    return Backend { m_accountController.get(), m_contactsSource.get(), m_connectionController.get(),
                     m_chatSource.get(),        m_transferSource.get(), m_secrets.get() };
}

void UiPeer::start()
{
    m_window->show();
    m_window->start(m_password);
}

bool UiPeer::isOnline() const
{
    return m_accountController && m_accountController->status() == AccountController::Status::Online;
}

} // namespace Peerlink::Test
