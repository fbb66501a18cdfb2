// UiPeer: one Peerlink "app instance" inside a test process: the real engine (account, sessions,
// chat, transfers on a profile database), the Core* adapters, the profile's settings and the
// main window, composed as app/main.cpp does. Signs in to a test prosody (trusting the test CA
// through the settings, as a user would add a company CA). The password is given at start, as
// after the first-start dialog; the secret store is the real one (QtKeychain), which on a test
// machine without a Secret Service says it is unavailable, and the UI copes with that.
#pragma once

#include "core/channel/DeviceIdentity.h"
#include "ui/backend/Backend.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Peerlink {
class Account;
class AppSettings;
class ChatService;
class CoreAccountController;
class CoreChatSource;
class CoreConnectionController;
class CoreContactsSource;
class CoreTransferSource;
class KeychainSecretStore;
class Database;
class MainWindow;
class NetworkThread;
class ProsodyServer;
class SessionManager;
class TestCertificateAuthority;
class TransferService;
class TrustStore;
} // namespace Peerlink

namespace Peerlink::Test {

class UiPeer
{
public:
    UiPeer(NetworkThread &thread, const ProsodyServer &server, const TestCertificateAuthority &ca, const QString &user,
           const QString &password);
    ~UiPeer();

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString jid() const { return m_jid; }
    QString downloadDir() const;

    // Shows the window and signs in (MainWindow::start()).
    void start();
    bool isOnline() const;

    MainWindow *window() const { return m_window.get(); }
    AppSettings &settings() const { return *m_settings; }
    Account &account() const { return *m_account; }
    Backend backend() const;

private:
    QString m_error;
    QString m_jid;
    QTemporaryDir m_profile;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Database> m_database;
    DeviceIdentity m_identity;
    std::unique_ptr<Account> m_account;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<TrustStore> m_trust;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<TransferService> m_transfers;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    QString m_password;
    std::unique_ptr<CoreAccountController> m_accountController;
    std::unique_ptr<CoreContactsSource> m_contactsSource;
    std::unique_ptr<CoreConnectionController> m_connectionController;
    std::unique_ptr<CoreChatSource> m_chatSource;
    std::unique_ptr<CoreTransferSource> m_transferSource;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace Peerlink::Test
