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
#include <QMessageBox>
#include <QProcess>

#include <cstdio>

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
    parser.addOption(profile);
    parser.addOption(profileDir);
    parser.process(app); // exits after --help or --version
    return { parser.value(profile), parser.value(profileDir) };
}

int fail(const QString &text)
{
    std::fprintf(stderr, "peerlink: %s\n", qPrintable(text));
    QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Peerlink cannot start"), text);
    return 1;
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
    QApplication::setDesktopFileName(QStringLiteral("peerlink"));
    const Options options = parseArguments(app);

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
