// peerlink-screenshots: renders Peerlink's main views to PNG files with the real engine against
// a local prosody (two app instances in this process, Alice and Bob): sign-in, the contact list
// with a connected contact and the conversation, transfers in progress, connection details,
// settings, and the settings in German. Usage: peerlink-screenshots OUTDIR
// Runs with any Qt platform (offscreen or a virtual X server).
#include "CoturnServer.h"
#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "UiPeer.h"
#include "core/net/NetworkThread.h"
#include "core/xmpp/Account.h"
#include "ui/AccountDialog.h"
#include "ui/AppSettings.h"
#include "ui/Composer.h"
#include "ui/ConnectButton.h"
#include "ui/ConnectionDetailsDialog.h"
#include "ui/ContactListWidget.h"
#include "ui/ContactRow.h"
#include "ui/ConversationView.h"
#include "ui/MainWindow.h"
#include "ui/OfferDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"
#include "ui/TransferRow.h"
#include "ui/TransfersPanel.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cstdio>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Password = QStringLiteral("screenshot password");

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 30000)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

bool save(QWidget *widget, const QString &dir, const QString &name)
{
    QTest::qWait(200); // let animations and layouts settle
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "peerlink-screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

int fail(const char *what)
{
    std::fprintf(stderr, "peerlink-screenshots: %s\n", what);
    return 1;
}

void say(Composer *composer, const QString &text)
{
    composer->setFocus();
    QTest::keyClicks(composer, text);
    QTest::keyClick(composer, Qt::Key_Return);
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("peerlink-screenshots"));
    const QString out = app.arguments().value(1);
    if (out.isEmpty() || !QDir().mkpath(out))
        return fail("usage: peerlink-screenshots OUTDIR");
    QTranslator english;
    if (english.load(QStringLiteral("peerlink_en"), QStringLiteral(":/i18n"))
        || english.load(QStringLiteral("peerlink_en"), qEnvironmentVariable("PEERLINK_QM_DIR")))
        QCoreApplication::installTranslator(&english);
    Theme::apply(app);

    NetworkThread thread;
    TestCertificateAuthority ca;
    if (!ca.isValid())
        return fail("cannot make the test certificate authority");
    // coturn behind the server's XEP-0215 services, so that the settings show what users see.
    CoturnServer turn;
    if (!turn.start())
        return fail("cannot start coturn");
    ProsodyServer::Options options;
    options.turnSecret = turn.sharedSecret();
    options.turnPort = turn.port();
    options.turnTcp = true;
    ProsodyServer server(ca, options);
    if (!server.start())
        return fail("cannot start prosody");
    for (const char *user : { "alice", "bob", "carol" })
        server.addAccount(QString::fromLatin1(user), Password);

    UiPeer alice(thread, server, ca, QStringLiteral("alice"), Password);
    UiPeer bob(thread, server, ca, QStringLiteral("bob"), Password);
    if (!alice.isValid() || !bob.isValid())
        return fail("cannot set up the two app instances");

    // Sign-in, as at the first start.
    {
        AccountDialog signIn;
        signIn.setJid(alice.jid());
        signIn.show();
        save(&signIn, out, QStringLiteral("sign-in"));
    }

    alice.window()->resize(1120, 720);
    bob.window()->resize(1000, 680);
    alice.start();
    bob.start();
    if (!waitFor([&] { return alice.isOnline() && bob.isOnline(); }))
        return fail("the accounts did not sign in");
    // Alice adds Bob and Carol; Bob accepts the request Peerlink shows him.
    alice.account().addContact(bob.jid(), QStringLiteral("Bob Martin"));
    alice.account().addContact(server.jid(QStringLiteral("carol")), QStringLiteral("Carol Nguyen"));
    QMessageBox *request = nullptr;
    waitFor([&] {
        for (QWidget *window : QApplication::topLevelWidgets()) {
            if (window->objectName() == u"subscriptionRequest" && window->isVisible())
                request = qobject_cast<QMessageBox *>(window);
        }
        return request != nullptr;
    });
    if (!request)
        return fail("Bob was not asked to accept Alice");
    for (QAbstractButton *button : request->buttons()) {
        if (request->buttonRole(button) == QMessageBox::AcceptRole)
            QTest::mouseClick(button, Qt::LeftButton);
    }
    const auto ready = [](UiPeer &peer, const QString &jid) {
        ContactRow *row = peer.window()->contactList()->row(jid);
        return row && row->contact().isOnline() && row->contact().isMutual();
    };
    if (!waitFor([&] { return ready(alice, bob.jid()) && ready(bob, alice.jid()); }))
        return fail("the contacts did not come online");

    // Connect, and a short conversation.
    alice.window()->openConversation(bob.jid());
    QTest::mouseClick(alice.window()->contactList()->row(bob.jid())->connectButton(), Qt::LeftButton);
    ConnectButton *connect = alice.window()->contactList()->row(bob.jid())->connectButton();
    if (!waitFor([&] { return connect->stateName() == u"direct"; })) {
        std::fprintf(stderr, "connect button: %s (%s)\n", qPrintable(connect->stateName()),
                     qPrintable(connect->toolTip()));
        return fail("the connection did not open");
    }
    bob.window()->openConversation(alice.jid());
    waitFor([&] { return alice.window()->conversation()->sendsPeerToPeer(); });
    say(alice.window()->conversation()->composer(), QStringLiteral("Hi Bob! Connected directly, 100% peer to peer."));
    QTest::qWait(300);
    say(bob.window()->conversation()->composer(), QStringLiteral("Hello Alice. Nothing goes through the server now?"));
    QTest::qWait(300);
    say(alice.window()->conversation()->composer(),
        QStringLiteral("Only the handshake did. I'm sending you the photos from the trip, about 600 MB."));
    QTest::qWait(300);
    say(bob.window()->conversation()->composer(), QStringLiteral("Go ahead, I'll accept."));
    QTest::qWait(500);
    QTest::keyClicks(bob.window()->conversation()->composer(), QStringLiteral("Thanks"));
    alice.window()->activateWindow(); // Alice reads along: no unread messages
    QTest::qWait(500);
    save(alice.window(), out, QStringLiteral("conversation"));
    alice.window()->showConnectionDetails(bob.jid()); // sampling from now on

    // A transfer in progress: Alice drops a large file, Bob accepts.
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("trip-photos.tar"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail("cannot write the file to send");
        QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(7);
        for (int i = 0; i < 150; ++i) {
            generator.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            file.write(block);
        }
    }
    alice.window()->sendFiles(bob.jid(), { path });
    if (!waitFor([&] { return bob.window()->offerDialog(alice.jid()) != nullptr; }, 60000))
        return fail("the offer did not arrive");
    OfferDialog *offer = bob.window()->offerDialog(alice.jid());
    save(offer, out, QStringLiteral("offer"));
    QTest::mouseClick(offer->acceptButton(), Qt::LeftButton);
    const auto sending = [&] {
        const QList<TransferRow *> rows = alice.window()->transfersPanel()->rows();
        return rows.isEmpty() ? Transfer() : rows.first()->transfer();
    };
    waitFor([&] { return sending().state == Transfer::State::Running && sending().progress() > 0.15; }, 60000);
    alice.window()->transfersDock()->show();
    alice.window()->activateWindow();
    save(alice.window(), out, QStringLiteral("transfers"));
    // The connection details with the transfer on the throughput graph.
    QTest::qWait(1500);
    save(alice.window()->detailsDialog(bob.jid()), out, QStringLiteral("connection-details"));
    waitFor([&] { return sending().state == Transfer::State::Completed; }, 120000);
    alice.window()->detailsDialog(bob.jid())->close();
    alice.window()->transfersDock()->hide();
    save(alice.window(), out, QStringLiteral("contacts"));

    // Settings, in English and in German.
    alice.window()->showSettings();
    save(alice.window()->settingsDialog(), out, QStringLiteral("settings"));
    alice.window()->settingsDialog()->close();
    QTranslator german;
    if (german.load(QStringLiteral("peerlink_de"), QStringLiteral(":/i18n"))
        || german.load(QStringLiteral("peerlink_de"), qEnvironmentVariable("PEERLINK_QM_DIR"))) {
        QCoreApplication::removeTranslator(&english);
        QCoreApplication::installTranslator(&german);
        QLocale::setDefault(QLocale(QStringLiteral("de")));
        SettingsDialog settings(alice.settings(), alice.backend(), {});
        settings.show();
        save(&settings, out, QStringLiteral("settings-de"));
        ConnectionDetailsDialog details(alice.backend().connections, bob.jid(), QStringLiteral("Bob Martin"));
        details.show();
        QTest::qWait(2500);
        save(&details, out, QStringLiteral("connection-details-de"));
    }
    return 0;
}
