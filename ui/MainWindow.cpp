#include "ui/MainWindow.h"

#include "core/channel/DeviceIdentity.h"
#include "core/chat/ChatMessage.h"
#include "core/transfer/Transfer.h"
#include "ui/AccountDialog.h"
#include "ui/AppSettings.h"
#include "ui/Avatar.h"
#include "ui/Composer.h"
#include "ui/ConnectionDetailsDialog.h"
#include "ui/ContactListWidget.h"
#include "ui/ConversationView.h"
#include "ui/FileChooser.h"
#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/OfferDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/SignInFlow.h"
#include "ui/TransfersPanel.h"
#include "ui/TrayIcon.h"
#include "ui/backend/ChatSource.h"
#include "ui/backend/ConnectionController.h"
#include "ui/backend/ContactsSource.h"
#include "ui/backend/SecretStore.h"
#include "ui/backend/TransferSource.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWindow>

namespace Peerlink {

MainWindow::MainWindow(const Backend &backend, AppSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_settings(settings)
    , m_signIn(new SignInFlow(settings, backend, this, this))
    , m_tray(new TrayIcon(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_contacts(new ContactListWidget(backend, this))
    , m_stack(new QStackedWidget(this))
    , m_conversation(new ConversationView(backend, this))
    , m_transfers(new TransfersPanel(backend, this))
    , m_transfersDock(new QDockWidget(tr("Transfers"), this))
{
    Q_ASSERT(backend.isComplete());
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Peerlink"));
    setWindowIcon(Icons::appIcon());

    auto *left = new QWidget(this);
    left->setObjectName(QStringLiteral("leftPane"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 6);
    leftLayout->setSpacing(8);
    leftLayout->addWidget(buildAccountHeader());
    leftLayout->addWidget(m_contacts, 1);
    left->setMinimumWidth(260);

    m_stack->addWidget(buildEmptyPage());
    m_stack->addWidget(m_conversation);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 320, 640 });
    m_splitter->setHandleWidth(1);
    setCentralWidget(m_splitter);

    m_transfersDock->setObjectName(QStringLiteral("transfersDock"));
    m_transfersDock->setWidget(m_transfers);
    m_transfersDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                                 | QDockWidget::DockWidgetFloatable);
    m_transfersDock->setAccessibleName(tr("Transfers"));
    addDockWidget(Qt::BottomDockWidgetArea, m_transfersDock);
    m_transfersDock->hide();
    m_transfers->setMinimumHeight(120);

    buildMenus();
    statusBar()->setSizeGripEnabled(true);

    connect(m_contacts, &ContactListWidget::currentChanged, this, &MainWindow::openConversation);
    connect(m_contacts, &ContactListWidget::detailsRequested, this, &MainWindow::showConnectionDetails);
    connect(m_contacts, &ContactListWidget::filesDropped, this, &MainWindow::sendFiles);
    connect(m_contacts, &ContactListWidget::sendFilesRequested, this, &MainWindow::chooseFilesFor);
    connect(m_contacts, &ContactListWidget::errorOccurred, this, [this](const QString &text) { showStatus(text); });
    connect(m_conversation, &ConversationView::filesDropped, this, &MainWindow::sendFiles);
    connect(m_conversation, &ConversationView::sendFilesRequested, this, &MainWindow::chooseFilesFor);
    connect(m_conversation, &ConversationView::detailsRequested, this, &MainWindow::showConnectionDetails);
    connect(m_transfers, &TransfersPanel::errorOccurred, this, [this](const QString &text) { showStatus(text); });

    connect(m_backend.account, &AccountController::statusChanged, this, &MainWindow::updateAccountStatus);
    connect(m_backend.account, &AccountController::problemOccurred, this, &MainWindow::updateAccountStatus);
    connect(m_backend.account, &AccountController::reconnectScheduled, this, &MainWindow::updateAccountStatus);
    connect(m_backend.chat, &ChatSource::messageAdded, this, &MainWindow::onMessageAdded);
    connect(m_backend.chat, &ChatSource::unreadChanged, this, &MainWindow::updateUnread);
    connect(m_backend.chat, &ChatSource::errorOccurred, this, [this](const QString &text) { showStatus(text); });
    connect(m_backend.transfers, &TransferSource::offerReceived, this, &MainWindow::onOfferReceived);
    connect(m_backend.transfers, &TransferSource::transferAdded, this, [this](const Transfer &transfer) {
        if (transfer.direction == Transfer::Direction::Outgoing)
            m_transfersDock->show();
    });
    connect(m_backend.contacts, &ContactsSource::subscriptionRequested, this, &MainWindow::onSubscriptionRequested);
    connect(m_backend.connections, &ConnectionController::peerDeviceChanged, this, &MainWindow::onPeerDeviceChanged);
    connect(m_signIn, &SignInFlow::notice, this, [this](const QString &text) { showStatus(text, 0); });
    connect(m_signIn, &SignInFlow::cancelled, this,
            [this] { showStatus(tr("Not signed in. Choose Peerlink > Sign in to add your account."), 0); });
    connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::bringToFront);
    connect(m_tray, &TrayIcon::notificationClicked, this, &MainWindow::bringToFront);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);

    resize(1000, 680);
    resizeDocks({ m_transfersDock }, { 230 }, Qt::Vertical);
    restoreLayout();
    updateAccountStatus();
    updateUnread();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *app = menuBar()->addMenu(tr("&Peerlink"));
    QAction *add = app->addAction(Icons::icon(QStringLiteral("add-contact")), tr("&Add contact…"), this,
                                  &MainWindow::addContact);
    add->setShortcut(QKeySequence::New);
    QAction *send = app->addAction(Icons::icon(QStringLiteral("attach")), tr("Send &files…"), this, [this] {
        if (!m_contacts->currentJid().isEmpty())
            chooseFilesFor(m_contacts->currentJid());
    });
    send->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    app->addSeparator();
    QAction *settings
        = app->addAction(Icons::icon(QStringLiteral("settings")), tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    app->addAction(tr("Sign in with another &account…"), this, [this] { m_signIn->askForAccount(); });
    m_signOutAction = app->addAction(tr("Sign &out"), this, [this] { m_signIn->signOut(); });
    app->addSeparator();
    QAction *quitAction = app->addAction(tr("&Quit"), this, &MainWindow::quit);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *search = view->addAction(Icons::icon(QStringLiteral("search")), tr("&Search contacts"), this, [this] {
        m_contacts->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_contacts->searchField()->selectAll();
    });
    search->setShortcut(QKeySequence::Find);
    QAction *toggleTransfers = m_transfersDock->toggleViewAction();
    toggleTransfers->setText(tr("&Transfers"));
    toggleTransfers->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    view->addAction(toggleTransfers);
    QAction *details = view->addAction(Icons::icon(QStringLiteral("info")), tr("Connection &details"), this, [this] {
        if (!m_contacts->currentJid().isEmpty())
            showConnectionDetails(m_contacts->currentJid());
    });
    details->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *composer = view->addAction(tr("Go to &message field"), this, [this] {
        if (!m_conversation->jid().isEmpty())
            m_conversation->composer()->setFocus(Qt::ShortcutFocusReason);
    });
    composer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Peerlink"), this, &MainWindow::showAbout);
}

QWidget *MainWindow::buildAccountHeader()
{
    auto *header = new QFrame(this);
    header->setObjectName(QStringLiteral("accountHeader"));
    m_accountAvatar = new QLabel(header);
    m_accountAvatar->setFixedSize(36, 36);
    m_accountName = new QLabel(header);
    m_accountName->setObjectName(QStringLiteral("accountName"));
    m_accountName->setTextFormat(Qt::PlainText);
    m_accountStatus = new QLabel(header);
    m_accountStatus->setObjectName(QStringLiteral("accountStatus"));
    m_accountStatus->setTextFormat(Qt::PlainText);
    m_accountStatus->setWordWrap(true);
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_accountName);
    names->addWidget(m_accountStatus);

    m_signInButton = new QToolButton(header);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setText(tr("Sign in"));
    m_signInButton->setAccessibleName(tr("Sign in"));
    m_signInButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_signInButton, &QToolButton::clicked, this, [this] {
        if (m_backend.account->problem() == AccountController::Problem::Password || m_settings.accountJid().isEmpty())
            m_signIn->askForAccount();
        else
            m_signIn->start();
    });
    auto *add = new QToolButton(header);
    add->setObjectName(QStringLiteral("addContactButton"));
    add->setIcon(Icons::icon(QStringLiteral("add-contact")));
    add->setAutoRaise(true);
    add->setToolTip(tr("Add contact (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    add->setAccessibleName(tr("Add contact"));
    connect(add, &QToolButton::clicked, this, &MainWindow::addContact);
    auto *settings = new QToolButton(header);
    settings->setObjectName(QStringLiteral("settingsButton"));
    settings->setIcon(Icons::icon(QStringLiteral("settings")));
    settings->setAutoRaise(true);
    settings->setToolTip(tr("Settings"));
    settings->setAccessibleName(tr("Settings"));
    connect(settings, &QToolButton::clicked, this, &MainWindow::showSettings);
    for (QToolButton *button : { m_signInButton, add, settings })
        button->setFocusPolicy(Qt::StrongFocus);

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(12, 10, 8, 2);
    layout->setSpacing(10);
    layout->addWidget(m_accountAvatar);
    layout->addLayout(names, 1);
    layout->addWidget(m_signInButton);
    layout->addWidget(add);
    layout->addWidget(settings);
    return header;
}

QWidget *MainWindow::buildEmptyPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyConversation"));
    auto *icon = new QLabel(page);
    icon->setPixmap(Icons::appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Welcome to Peerlink"), page);
    title->setObjectName(QStringLiteral("emptyTitle"));
    title->setAlignment(Qt::AlignCenter);
    auto *hint = new QLabel(tr("Choose a contact to start a conversation.\nPress Connect for a direct, end-to-end "
                               "encrypted connection, and drop files on a contact to send them."),
                            page);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addStretch(3);
    layout->setContentsMargins(40, 20, 40, 20);
    return page;
}

void MainWindow::start(const QString &password)
{
    applySettings();
    loadTurnPasswords();
    m_signIn->start(password);
}

void MainWindow::applySettings()
{
    m_backend.connections->setNetworkSettings(m_settings.iceConfig(m_turnPasswords), m_settings.useServerServices());
    m_backend.transfers->setSettings(m_settings.transferSettings());
}

void MainWindow::loadTurnPasswords()
{
    if (!m_backend.secrets->isAvailable())
        return;
    const QList<IceConfig::Server> servers = m_settings.turnServers();
    for (const IceConfig::Server &server : servers) {
        const QString key = AppSettings::turnSecretKey(server);
        m_backend.secrets->read(key, this, [this, key](const SecretStore::Result &result) {
            if (!result.ok)
                return;
            m_turnPasswords.insert(key, result.secret);
            applySettings();
        });
    }
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings.windowState();
    if (!state.isEmpty())
        restoreState(state);
    const QByteArray splitter = m_settings.splitterState();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

void MainWindow::saveLayout()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setSplitterState(m_splitter->saveState());
    m_settings.sync();
}

QString MainWindow::contactName(const QString &jid) const
{
    const auto contact = m_backend.contacts->contact(jid);
    return contact ? Format::displayName(*contact) : Format::displayName(QString(), jid);
}

QString MainWindow::accountStatusText() const
{
    return m_accountStatus->text();
}

void MainWindow::updateAccountStatus()
{
    const QString jid = m_backend.account->jid().isEmpty() ? m_settings.accountJid() : m_backend.account->jid();
    m_accountName->setText(jid.isEmpty() ? tr("Not signed in") : jid);
    QString status;
    QString kind;
    QColor dot = Format::availabilityColor(RosterContact::Availability::Offline);
    switch (m_backend.account->status()) {
    case AccountController::Status::Online:
        status = tr("Online");
        kind = QStringLiteral("online");
        dot = Format::availabilityColor(RosterContact::Availability::Online);
        break;
    case AccountController::Status::Connecting: {
        const int delay = m_backend.account->reconnectDelayMs();
        status = delay > 0 ? tr("Offline, trying again in %1").arg(Format::duration((delay + 999) / 1000))
                           : tr("Connecting…");
        dot = Format::availabilityColor(RosterContact::Availability::Away);
        break;
    }
    case AccountController::Status::SignedOut:
        status = tr("Offline");
        break;
    case AccountController::Status::Failed:
        status = m_backend.account->problemText().isEmpty() ? tr("Not signed in") : m_backend.account->problemText();
        kind = QStringLiteral("error");
        break;
    }
    m_accountStatus->setText(status);
    m_accountStatus->setToolTip(status);
    m_accountStatus->setProperty("kind", kind);
    m_accountStatus->style()->unpolish(m_accountStatus);
    m_accountStatus->style()->polish(m_accountStatus);
    m_accountAvatar->setPixmap(
        Avatar::pixmap(jid, jid.isEmpty() ? QStringLiteral("?") : jid, 36, devicePixelRatioF(), dot));
    m_accountAvatar->setAccessibleName(tr("Your account: %1, %2").arg(m_accountName->text(), status));
    const auto accountStatus = m_backend.account->status();
    m_signInButton->setVisible(accountStatus == AccountController::Status::SignedOut
                               || accountStatus == AccountController::Status::Failed);
    if (m_signOutAction)
        m_signOutAction->setEnabled(accountStatus == AccountController::Status::Online
                                    || accountStatus == AccountController::Status::Connecting);
}

void MainWindow::updateUnread()
{
    const int unread = m_backend.chat->totalUnreadCount();
    m_tray->setUnread(unread);
    setWindowTitle(unread > 0 ? tr("(%1) Peerlink").arg(unread) : tr("Peerlink"));
}

void MainWindow::openConversation(const QString &jid)
{
    if (jid.isEmpty()) {
        m_stack->setCurrentIndex(0);
        return;
    }
    if (m_contacts->currentJid() != jid)
        m_contacts->setCurrentJid(jid); // comes back here through currentChanged
    m_conversation->setContact(jid);
    m_stack->setCurrentWidget(m_conversation);
    m_conversation->markReadIfVisible();
}

void MainWindow::onMessageAdded(const ChatMessage &message)
{
    updateUnread();
    if (message.isOutgoing())
        return;
    const bool seen = isActiveWindow() && m_conversation->jid() == message.peer && m_conversation->isVisible();
    if (!seen && m_settings.notifications())
        m_tray->notify(contactName(message.peer), message.text.left(200));
}

void MainWindow::onOfferReceived(const Transfer &transfer)
{
    QPointer<OfferDialog> &dialog = m_offerDialogs[transfer.peer];
    if (!dialog) {
        dialog = new OfferDialog(m_backend.transfers, transfer.peer, contactName(transfer.peer), this);
        connect(dialog, &OfferDialog::errorOccurred, this, [this](const QString &text) { showStatus(text, 0); });
    }
    dialog->addOffer(transfer);
    dialog->show();
    dialog->raise();
    m_transfersDock->show();
    if (m_settings.notifications() && !isActiveWindow())
        m_tray->notify(contactName(transfer.peer),
                       tr("wants to send you “%1” (%2)").arg(transfer.name, Format::bytes(transfer.size)));
}

OfferDialog *MainWindow::offerDialog(const QString &jid) const
{
    return m_offerDialogs.value(jid);
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

ConnectionDetailsDialog *MainWindow::detailsDialog(const QString &jid) const
{
    return m_detailsDialogs.value(jid);
}

void MainWindow::showConnectionDetails(const QString &jid)
{
    QPointer<ConnectionDetailsDialog> &dialog = m_detailsDialogs[jid];
    if (!dialog)
        dialog = new ConnectionDetailsDialog(m_backend.connections, jid, contactName(jid), this);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showSettings()
{
    SettingsDialog *dialog = m_settingsDialog;
    if (!dialog) {
        dialog = new SettingsDialog(m_settings, m_backend, m_turnPasswords, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SettingsDialog::turnPasswordsChanged, this,
                [this](const QHash<QString, QString> &passwords) { m_turnPasswords = passwords; });
        connect(dialog, &SettingsDialog::languageChanged, this,
                [this] { showStatus(tr("The new language is used the next time Peerlink starts."), 0); });
        connect(dialog, &SettingsDialog::applied, this, [this] { showStatus(tr("Settings saved.")); });
        m_settingsDialog = dialog;
    }
    dialog->open();
}

void MainWindow::sendFiles(const QString &jid, const QStringList &paths)
{
    if (jid.isEmpty() || paths.isEmpty())
        return;
    QString error;
    if (!m_backend.transfers->sendFiles(jid, paths, &error)) {
        showStatus(error.isEmpty() ? tr("The files could not be sent to %1.").arg(contactName(jid)) : error, 0);
        return;
    }
    m_transfersDock->show();
    showStatus(tr("Sending %n item(s) to %1…", nullptr, int(paths.size())).arg(contactName(jid)));
}

void MainWindow::chooseFilesFor(const QString &jid)
{
    const QStringList paths = FileChooser::openFiles(this, tr("Send files to %1").arg(contactName(jid)));
    sendFiles(jid, paths);
}

void MainWindow::addContact()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("addContactDialog"));
    dialog->setWindowTitle(tr("Add contact"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *jid = new QLineEdit(dialog);
    jid->setObjectName(QStringLiteral("contactJid"));
    jid->setPlaceholderText(tr("name@example.org"));
    auto *name = new QLineEdit(dialog);
    name->setObjectName(QStringLiteral("contactNameField"));
    name->setPlaceholderText(tr("optional"));
    auto *error = new QLabel(dialog);
    error->setObjectName(QStringLiteral("validationError"));
    error->setWordWrap(true);
    error->hide();
    auto *note = new QLabel(tr("They will be asked to approve. Once they do, you see each other online and can "
                               "connect."),
                            dialog);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), jid);
    form->addRow(tr("&Name:"), name);
    auto *buttons = new QDialogButtonBox(dialog);
    buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, jid, name, error] {
        QString why;
        if (!AccountDialog::isValidJid(jid->text().trimmed()))
            why = tr("Enter the address as name@example.org.");
        else if (!m_backend.contacts->addContact(jid->text().trimmed(), name->text().trimmed(), &why) && why.isEmpty())
            why = tr("The contact could not be added.");
        else if (why.isEmpty()) {
            showStatus(tr("Asked %1 to become your contact.").arg(jid->text().trimmed()));
            dialog->accept();
            return;
        }
        error->setText(why);
        error->show();
    });
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(error);
    layout->addWidget(buttons);
    dialog->setMinimumWidth(400);
    dialog->open();
}

void MainWindow::onSubscriptionRequested(const QString &jid)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Contact request"),
                                tr("%1 wants to add you as a contact and see when you are online.").arg(jid),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("subscriptionRequest"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = box->addButton(tr("Accept"), QMessageBox::AcceptRole);
    QPushButton *refuse = box->addButton(tr("Refuse"), QMessageBox::RejectRole);
    box->setDefaultButton(accept);
    // Closing the box decides nothing: the request stays until the user answers.
    connect(box, &QMessageBox::finished, this, [this, box, accept, refuse, jid] {
        if (box->clickedButton() == accept)
            m_backend.contacts->approveSubscription(jid);
        else if (box->clickedButton() == refuse)
            m_backend.contacts->refuseSubscription(jid);
    });
    box->open();
    if (m_settings.notifications() && !isActiveWindow())
        m_tray->notify(tr("Contact request"), tr("%1 wants to add you as a contact.").arg(jid));
}

void MainWindow::onPeerDeviceChanged(const QString &jid, const QByteArray &fingerprint)
{
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("New device key"),
        tr("%1 connected from a device Peerlink has not seen before for them.\n\nDevice fingerprint:\n%2\n\nIf they "
           "did not set up a new device or reinstall Peerlink, someone else may be pretending to be them. Compare "
           "the fingerprint with them in person or by phone.")
            .arg(contactName(jid), DeviceIdentity::formatFingerprint(fingerprint)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("peerDeviceChanged"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->addButton(tr("OK"), QMessageBox::AcceptRole);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void MainWindow::showStatus(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Peerlink"),
                       tr("<h3>Peerlink %1</h3><p>Chat and send files directly to your contacts, end-to-end "
                          "encrypted. Your XMPP account finds them; ICE finds a path through the NATs between "
                          "you; QUIC carries your messages and files.</p>")
                           .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
    if (QWindow *handle = windowHandle())
        handle->requestActivate();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    QApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (!m_quitting && m_settings.closeToTray() && m_tray->isAvailable()) {
        hide();
        event->ignore();
        m_tray->notify(tr("Peerlink is still running"),
                       tr("Contacts can still reach you. Quit from the tray icon's menu."));
        return;
    }
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        m_conversation->markReadIfVisible();
}

} // namespace Peerlink
