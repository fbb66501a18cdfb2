// MainWindow: Peerlink's main window. On the left the account (avatar, status) and the contact
// list with a Connect button per contact; on the right the conversation with the selected
// contact; below, the transfers panel (a dock). It also runs the sign-in (SignInFlow), the
// incoming offer dialogs, the connection details, the settings, the tray icon with the unread
// count and notifications, and restores its geometry and splitter state.
#pragma once

#include "ui/backend/AccountController.h"
#include "ui/backend/Backend.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace Peerlink {

class AppSettings;
class ConnectionDetailsDialog;
class ContactListWidget;
class ConversationView;
class OfferDialog;
class SettingsDialog;
class SignInFlow;
class TransfersPanel;
class TrayIcon;
struct ChatMessage;
struct Transfer;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // backend must be complete (Backend::isComplete()) and outlive the window, as settings.
    MainWindow(const Backend &backend, AppSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The exit code that asks main() to start Peerlink again (after switching accounts).
    static constexpr int RestartExitCode = 75;

    // Applies the saved settings and signs in: with `password` when given (just typed at the
    // first start), else with the stored one, or asks for it.
    void start(const QString &password = {});
    // Shows, de-minimises and raises the window (a second start of the same profile).
    void bringToFront();

    ContactListWidget *contactList() const { return m_contacts; }
    ConversationView *conversation() const { return m_conversation; }
    TransfersPanel *transfersPanel() const { return m_transfers; }
    QDockWidget *transfersDock() const { return m_transfersDock; }
    SignInFlow *signInFlow() const { return m_signIn; }
    TrayIcon *trayIcon() const { return m_tray; }
    QSplitter *splitter() const { return m_splitter; }
    OfferDialog *offerDialog(const QString &jid) const;
    ConnectionDetailsDialog *detailsDialog(const QString &jid) const;
    SettingsDialog *settingsDialog() const;
    QString accountStatusText() const;

    void openConversation(const QString &jid);
    void showConnectionDetails(const QString &jid);
    void showSettings();
    void sendFiles(const QString &jid, const QStringList &paths);
    void chooseFilesFor(const QString &jid);
    void addContact();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    QWidget *buildAccountHeader();
    QWidget *buildEmptyPage();
    void restoreLayout();
    void saveLayout();
    void applySettings();
    void loadTurnPasswords();
    void updateAccountStatus();
    void updateUnread();
    void onMessageAdded(const ChatMessage &message);
    void onOfferReceived(const Transfer &transfer);
    void onSubscriptionRequested(const QString &jid);
    void onPeerDeviceChanged(const QString &jid, const QByteArray &fingerprint);
    void showStatus(const QString &text, int timeoutMs = 8000);
    void showAbout();
    QString contactName(const QString &jid) const;
    void quit();

    Backend m_backend;
    AppSettings &m_settings;
    QHash<QString, QString> m_turnPasswords;
    SignInFlow *m_signIn;
    TrayIcon *m_tray;
    QSplitter *m_splitter;
    QLabel *m_accountAvatar;
    QLabel *m_accountName;
    QLabel *m_accountStatus;
    QToolButton *m_signInButton;
    ContactListWidget *m_contacts;
    QStackedWidget *m_stack;
    ConversationView *m_conversation;
    TransfersPanel *m_transfers;
    QDockWidget *m_transfersDock;
    QHash<QString, QPointer<OfferDialog>> m_offerDialogs;
    QHash<QString, QPointer<ConnectionDetailsDialog>> m_detailsDialogs;
    QPointer<SettingsDialog> m_settingsDialog;
    QAction *m_signOutAction = nullptr;
    bool m_quitting = false;
};

} // namespace Peerlink
