// The composition root: the only place that sees every layer. It makes the engine (network
// thread, database, device identity, account, sessions, chat, transfers), wraps it in the UI's
// backend adapters and hands those to the main window.
#include "core/channel/DeviceIdentity.h"
#include "core/chat/ChatService.h"
#include "core/net/NetworkThread.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/storage/TrustStore.h"
#include "core/transfer/TransferService.h"
#include "core/xmpp/Account.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/Profile.h"
#include "ui/SignInFlow.h"
#include "ui/SingleInstance.h"
#include "ui/Theme.h"
#include "ui/Translations.h"
#include "ui/adapters/CoreAccountController.h"
#include "ui/adapters/CoreChatSource.h"
#include "ui/adapters/CoreConnectionController.h"
#include "ui/adapters/CoreContactsSource.h"
#include "ui/adapters/CoreTransferSource.h"
#include "ui/adapters/KeychainSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <memory>

using namespace Peerlink;

namespace {
// --help and --version must work without a display (in a terminal, in CI, in package tests).
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

void describe()
{
    QCoreApplication::setApplicationName(QStringLiteral("peerlink"));
    QCoreApplication::setOrganizationName(QStringLiteral("Peerlink"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEERLINK_VERSION));
}

struct Options
{
    QString profile;
    QString profileDir;
    // For scripted starts (./dev demo).
    QString passwordFile;
    QString connectTo;
    QString screenshot;
    bool quitAfterStart = false; // for the package test
};

Options parseArguments(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Peer-to-peer messenger: chat and files go straight to your contacts, end-to-end encrypted."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QCoreApplication::translate("main",
                                    "Use the profile <name> (settings, history, device key); one Peerlink "
                                    "runs per profile."),
        QStringLiteral("name"), Profile::defaultName());
    const QCommandLineOption profileDir(
        QStringLiteral("profile-dir"),
        QCoreApplication::translate("main", "Keep the profile in the folder <dir> instead of the user's data folder."),
        QStringLiteral("dir"));
    // For scripts such as ./dev demo, not for everyday use: in English only.
    const QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        QStringLiteral("Sign in with the password in <file> (it is not stored anywhere)."), QStringLiteral("file"));
    const QCommandLineOption connectTo(
        QStringLiteral("connect"),
        QStringLiteral("Open the conversation with the contact <jid> and connect once both of you are online."),
        QStringLiteral("jid"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Once signed in (and connected, with --connect), save a "
                                                       "picture of the window to <file> (PNG) and quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption quitAfterStart(
        QStringLiteral("quit-after-start"),
        QStringLiteral("Once the first window is shown, print the windows on screen and quit (for tests)."));
    parser.addOption(profile);
    parser.addOption(profileDir);
    parser.addOption(passwordFile);
    parser.addOption(connectTo);
    parser.addOption(screenshot);
    parser.addOption(quitAfterStart);
    parser.process(app); // exits after --help or --version
    return { parser.value(profile),   parser.value(profileDir), parser.value(passwordFile),
             parser.value(connectTo), parser.value(screenshot), parser.isSet(quitAfterStart) };
}

int fail(const QString &text)
{
    std::fprintf(stderr, "peerlink: %s\n", qPrintable(text));
    QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Peerlink cannot start"), text);
    return 1;
}

// --quit-after-start: once a window is on screen (the sign-in dialog at the first start, else the
// main window or an error), prints each visible top-level window as `window: <class> "<title>"`
// and leaves every event loop, as if the user had closed the windows (a dialog counts as
// cancelled). The package test starts the installed app this way.
void quitOnceShown(QCoreApplication &app)
{
    auto *poll = new QTimer(&app);
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll] {
        QWidgetList shown;
        const QWidgetList windows = QApplication::topLevelWidgets();
        for (QWidget *window : windows) {
            if (window->isVisible() && window->windowHandle() && window->windowHandle()->isExposed())
                shown.append(window);
        }
        if (shown.isEmpty())
            return;
        poll->stop();
        for (const QWidget *window : std::as_const(shown))
            std::printf("window: %s \"%s\"\n", window->metaObject()->className(),
                        qUtf8Printable(window->windowTitle()));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    poll->start();
}

// --connect and --screenshot: connects to the contact once both are online; saves the window a
// second after it got signed in (and connected, with --connect), then quits. Ends with status 1
// when the connection fails or this does not happen within two minutes.
void runScripted(const Options &options, MainWindow &window, AccountController &account, ContactsSource &contacts,
                 ConnectionController &connections)
{
    const auto finish = [&window, file = options.screenshot](int code, const QString &why) {
        if (!why.isEmpty())
            std::fprintf(stderr, "peerlink: %s\n", qPrintable(why));
        if (!window.grab().save(file, "PNG")) {
            std::fprintf(stderr, "peerlink: cannot write the picture %s\n", qPrintable(file));
            code = 1;
        }
        QCoreApplication::exit(code);
    };
    auto *settled = new QTimer(&window);
    settled->setSingleShot(true);
    settled->setInterval(1000);
    QObject::connect(settled, &QTimer::timeout, &window, [finish] { finish(0, {}); });
    if (!options.screenshot.isEmpty()) {
        QTimer::singleShot(120000, &window,
                           [finish] { finish(1, QStringLiteral("not signed in and connected within two minutes")); });
    }
    struct Progress
    {
        bool opened = false; // the conversation with the contact
        bool asked = false; // to connect
    };
    const auto progress = std::make_shared<Progress>();
    const auto check = [=, &window, &account, &contacts, &connections] {
        bool ready = account.status() == AccountController::Status::Online;
        if (ready && !options.connectTo.isEmpty()) {
            const ConnectionInfo info = connections.connection(options.connectTo);
            const auto contact = contacts.contact(options.connectTo);
            if (contact && !progress->opened) {
                progress->opened = true;
                window.openConversation(options.connectTo);
            }
            if (!progress->asked && info.state == ConnectionInfo::State::Idle && contact && contact->isOnline()) {
                progress->asked = true;
                QString error; // it also shows in the contact's row
                connections.connectToContact(options.connectTo, &error);
            }
            if (info.state == ConnectionInfo::State::Failed && progress->asked && !options.screenshot.isEmpty())
                return finish(1, QStringLiteral("the connection failed: ") + info.error);
            ready = info.state == ConnectionInfo::State::Connected;
        }
        if (options.screenshot.isEmpty() || !ready)
            settled->stop();
        else if (!settled->isActive())
            settled->start();
    };
    QObject::connect(&account, &AccountController::statusChanged, &window, check);
    QObject::connect(&contacts, &ContactsSource::contactsReset, &window, check);
    QObject::connect(&contacts, &ContactsSource::contactChanged, &window, check);
    QObject::connect(&connections, &ConnectionController::connectionChanged, &window, check);
}
} // namespace

int main(int argc, char *argv[])
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describe();
        Translations::install(app, QString());
        parseArguments(app);
        return 0;
    }
    QApplication app(argc, argv);
    describe();
    QApplication::setApplicationDisplayName(QStringLiteral("Peerlink"));
    QApplication::setDesktopFileName(QStringLiteral("im.peerlink.Peerlink")); // packaging/<id>.desktop
    const Options options = parseArguments(app);
    if (options.quitAfterStart)
        quitOnceShown(app);

    if (options.profileDir.isEmpty() && !Profile::isValidName(options.profile))
        return fail(QCoreApplication::translate("main",
                                                "“%1” is not a profile name: use letters, digits, '-', '_' "
                                                "and '.'.")
                        .arg(options.profile));
    const Profile profile(options.profile, options.profileDir);
    QString error;
    if (!profile.ensureExists(&error))
        return fail(error);

    // One Peerlink per profile: a second start shows the running one's window.
    SingleInstance instance(profile.instanceKey());
    if (!instance.claim())
        return 0;

    AppSettings settings(profile.settingsFile());
    Translations::install(app, settings.language());
    Theme::apply(app);
    KeychainSecretStore secrets(QStringLiteral("Peerlink"));

    // A second start during the first-start dialog brings that dialog to the front.
    QObject::connect(&instance, &SingleInstance::raiseRequested, &app, [] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            dialog->raise();
            dialog->activateWindow();
        }
    });

    // The engine keeps its history per account: the first start asks for the account before it
    // is made.
    QString password;
    if (!options.passwordFile.isEmpty()) {
        QFile file(options.passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("Cannot read the password file %1: %2").arg(file.fileName(), file.errorString()));
        password = QString::fromUtf8(file.readAll()).trimmed();
    }
    if (settings.accountJid().isEmpty() && !SignInFlow::askFirstAccount(settings, &secrets, &password))
        return 0;

    int result = 0;
    {
        // The engine.
        NetworkThread network;
        Database database;
        if (!database.open(profile.databaseFile()))
            return fail(database.errorString());
        const DeviceIdentity identity = DeviceIdentity::loadOrCreate(profile.identityDir(), &error);
        if (identity.isNull())
            return fail(error);
        Account account;
        account.setConfig(SignInFlow::accountConfig(settings, QString())); // the password comes at sign-in
        SessionManager sessions(account, network, identity);
        TrustStore trust(database, profile.name());
        if (trust.isValid())
            sessions.setTrustStore(&trust);
        ChatService chat(account, sessions, database);
        if (!chat.isValid())
            return fail(chat.errorString());
        TransferService transfers(account, sessions, database, settings.transferSettings());
        if (!transfers.isValid())
            return fail(transfers.errorString());

        // The engine as the UI sees it.
        CoreAccountController accountController(account);
        CoreContactsSource contactsSource(account);
        CoreConnectionController connectionController(sessions, account);
        CoreChatSource chatSource(chat);
        CoreTransferSource transferSource(transfers);
        Backend backend;
        backend.account = &accountController;
        backend.contacts = &contactsSource;
        backend.connections = &connectionController;
        backend.chat = &chatSource;
        backend.transfers = &transferSource;
        backend.secrets = &secrets;

        MainWindow window(backend, settings);
        QObject::connect(&instance, &SingleInstance::raiseRequested, &window, &MainWindow::bringToFront);
        window.show();
        window.start(password);
        password.clear();
        if (!options.connectTo.isEmpty() || !options.screenshot.isEmpty())
            runScripted(options, window, accountController, contactsSource, connectionController);
        result = QApplication::exec();
        account.disconnectFromServer(); // contacts see us go offline; sessions end with "gone"
    }
    if (result == MainWindow::RestartExitCode) {
        // Another account was chosen: start again on it, once this instance let go of the profile.
        instance.release();
        QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        return 0;
    }
    return result;
}
