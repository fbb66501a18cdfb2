// The main window against a fake backend: files dropped on the conversation or on a contact
// become transfers in the transfers panel (with progress, speed and time left), an incoming
// offer opens the offer dialog, unread messages show in the title and in notifications, the
// connection details show the gathered candidates and live graphs, and the window's geometry
// and splitter come back after a restart.
#include "FakeBackend.h"
#include "ui/AppSettings.h"
#include "ui/Composer.h"
#include "ui/ConnectButton.h"
#include "ui/ConnectionDetailsDialog.h"
#include "ui/ContactListWidget.h"
#include "ui/ContactRow.h"
#include "ui/ConversationView.h"
#include "ui/MainWindow.h"
#include "ui/OfferDialog.h"
#include "ui/Sparkline.h"
#include "ui/TransferRow.h"
#include "ui/TransfersPanel.h"
#include "ui/TrayIcon.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Bob = QStringLiteral("bob@example.org");

QString makeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return file.fileName();
}

// Drags the files over `target` and drops them, as a file manager would.
bool dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void dropTwoFilesOnConversation();
    void dropOnContactRow();
    void transferProgressAndActions();
    void incomingOfferOpensDialog();
    void unreadAndNotifications();
    void connectionDetails();
    void layoutRestored();
    void everyControlIsNamed();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_MainWindow::dropTwoFilesOnConversation()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    MainWindow window(fake.backend(), settings);
    window.show();
    window.openConversation(Bob);
    QCOMPARE(window.conversation()->jid(), Bob);

    const QString a = makeFile(*m_dir, QStringLiteral("a.txt"), QByteArrayLiteral("first"));
    const QString b = makeFile(*m_dir, QStringLiteral("b.bin"), QByteArray(3000, 'x'));
    QVERIFY(dropFiles(window.conversation(), { a, b }));

    const QList<TransferRow *> rows = window.transfersPanel()->rows();
    QCOMPARE(rows.size(), 2);
    QStringList names;
    for (TransferRow *row : rows) {
        QCOMPARE(row->transfer().peer, Bob);
        QCOMPARE(row->transfer().direction, Transfer::Direction::Outgoing);
        names.append(row->transfer().name);
        QVERIFY(row->statusText().startsWith(QStringLiteral("Waiting for Bob to accept")));
    }
    names.sort();
    QCOMPARE(names, (QStringList { QStringLiteral("a.txt"), QStringLiteral("b.bin") }));
    QVERIFY(window.transfersDock()->isVisible());
}

void tst_MainWindow::dropOnContactRow()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    MainWindow window(fake.backend(), settings);
    window.show();
    const QString a = makeFile(*m_dir, QStringLiteral("photo.jpg"), QByteArrayLiteral("jpeg"));
    const QString b = makeFile(*m_dir, QStringLiteral("notes.txt"), QByteArrayLiteral("notes"));
    ContactRow *row = window.contactList()->row(Bob);
    QVERIFY(row);
    QVERIFY(dropFiles(row, { a, b }));
    QCOMPARE(fake.transfers.transfers().size(), 2);
    QCOMPARE(window.transfersPanel()->rows().size(), 2);
    // Something that is not a local file is refused.
    QMimeData text;
    text.setText(QStringLiteral("just text"));
    QDragEnterEvent enter(row->rect().center(), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(row, &enter);
    QVERIFY(!enter.isAccepted());
}

void tst_MainWindow::transferProgressAndActions()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    MainWindow window(fake.backend(), settings);
    window.show();
    const QString file = makeFile(*m_dir, QStringLiteral("big.iso"), QByteArray(10000, 'i'));
    window.sendFiles(Bob, { file });
    TransferRow *row = window.transfersPanel()->rows().value(0);
    QVERIFY(row);
    const QString id = row->id();
    fake.transfers.progress(id, 2500, 1250.0, 6);
    QCOMPARE(row->progressValue(), 250);
    QVERIFY2(row->statusText().contains(QStringLiteral("2.5 kB of 10.0 kB")), qPrintable(row->statusText()));
    QVERIFY2(row->statusText().contains(QStringLiteral("1.3 kB/s")), qPrintable(row->statusText()));
    QVERIFY2(row->statusText().contains(QStringLiteral("6 s left")), qPrintable(row->statusText()));

    QToolButton *pause = row->button(TransferRow::Action::Pause);
    QVERIFY(pause);
    QVERIFY(!pause->accessibleName().isEmpty());
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(fake.transfers.transfer(id)->state, Transfer::State::Paused);
    QToolButton *resume = row->button(TransferRow::Action::Resume);
    QVERIFY(resume);
    QTest::mouseClick(resume, Qt::LeftButton);
    QCOMPARE(fake.transfers.transfer(id)->state, Transfer::State::Running);
    QTest::mouseClick(row->button(TransferRow::Action::Cancel), Qt::LeftButton);
    QCOMPARE(fake.transfers.cancelled, QStringList { id });
    QVERIFY(row->button(TransferRow::Action::Remove));
    QVERIFY(!row->button(TransferRow::Action::Cancel));
}

void tst_MainWindow::incomingOfferOpensDialog()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    MainWindow window(fake.backend(), settings);
    window.show();
    const Transfer offer = fake.transfers.offer(Bob, QStringLiteral("report.pdf"), 2400000);
    OfferDialog *dialog = window.offerDialog(Bob);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->headline(), QStringLiteral("Bob wants to send you “report.pdf”"));
    QCOMPARE(window.transfersPanel()->rows().size(), 1);
    QVERIFY(window.transfersPanel()->rows().first()->button(TransferRow::Action::Accept));
    QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
    QCOMPARE(fake.transfers.accepted.size(), 1);
    QCOMPARE(fake.transfers.accepted.first().first, offer.id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.offerDialog(Bob), 2000); // closed and gone
}

void tst_MainWindow::unreadAndNotifications()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    MainWindow window(fake.backend(), settings);
    window.show(); // not the active window: messages notify
    fake.chat.receive(Bob, QStringLiteral("ping"), ChatMessage::Path::PeerToPeer);
    fake.chat.receive(Bob, QStringLiteral("are you there?"), ChatMessage::Path::PeerToPeer);
    QCOMPARE(window.windowTitle(), QStringLiteral("(2) Peerlink"));
    QCOMPARE(window.trayIcon()->unread(), 2);
    QCOMPARE(window.trayIcon()->lastNotification(), QStringLiteral("Bob\nare you there?"));
    QCOMPARE(window.contactList()->row(Bob)->unread(), 2);

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openConversation(Bob);
    QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), QStringLiteral("Peerlink"), 2000);
    QCOMPARE(window.contactList()->row(Bob)->unread(), 0);
}

void tst_MainWindow::connectionDetails()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    MainWindow window(fake.backend(), settings);
    window.show();

    IceCandidate host;
    host.type = IceCandidate::Type::Host;
    host.address = QHostAddress(QStringLiteral("192.168.1.20"));
    host.port = 50712;
    host.priority = 2130706431;
    IceCandidate relay;
    relay.type = IceCandidate::Type::Relayed;
    relay.address = QHostAddress(QStringLiteral("203.0.113.7"));
    relay.port = 49160;
    relay.relayTransport = IceCandidate::RelayTransport::Udp;
    IceCandidate remote;
    remote.type = IceCandidate::Type::ServerReflexive;
    remote.address = QHostAddress(QStringLiteral("198.51.100.9"));
    remote.port = 49152;
    ConnectionInfo info;
    info.state = ConnectionInfo::State::Connected;
    info.route = ConnectionInfo::Route::Direct;
    info.rttMs = 23;
    info.localCandidates = { host, relay };
    info.hasPath = true;
    info.pathLocal = host;
    info.pathRemote = remote;
    info.bytesSent = 1000;
    info.bytesReceived = 5000;
    fake.connections.set(Bob, info);

    window.showConnectionDetails(Bob);
    ConnectionDetailsDialog *dialog = window.detailsDialog(Bob);
    QVERIFY(dialog);
    QCOMPARE(dialog->candidateTable()->rowCount(), 2);
    QCOMPARE(dialog->candidateTable()->item(0, 0)->text(), QStringLiteral("✓"));
    QCOMPARE(dialog->candidateTable()->item(1, 1)->text(), QStringLiteral("Relay (TURN)"));
    QCOMPARE(dialog->fieldText(QStringLiteral("route")), QStringLiteral("Direct"));
    QCOMPARE(dialog->fieldText(QStringLiteral("rtt")), QStringLiteral("23 ms"));
    QVERIFY(dialog->fieldText(QStringLiteral("remoteAddress")).startsWith(QStringLiteral("198.51.100.9:49152")));
    QCOMPARE(dialog->fieldText(QStringLiteral("turnInUse")),
             QStringLiteral("Allocated as a fallback, not carrying the connection"));
    QCOMPARE(dialog->fieldText(QStringLiteral("upnpInUse")), QStringLiteral("No"));

    const int samples = dialog->rttGraph()->sampleCount();
    info.rttMs = 31;
    info.bytesReceived += 100000;
    fake.connections.set(Bob, info);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->rttGraph()->sampleCount() > samples, 3000); // sampled every second
    QCOMPARE(dialog->rttGraph()->last(), 31.0);
    QVERIFY(dialog->throughputGraph()->last(0) > 0);
}

void tst_MainWindow::layoutRestored()
{
    const QString file = m_dir->filePath(QStringLiteral("settings.ini"));
    QList<int> sizes;
    {
        FakeBackend fake;
        AppSettings settings(file);
        MainWindow window(fake.backend(), settings);
        window.resize(731, 533); // within the offscreen screen (800 x 600)
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.splitter()->setSizes({ 300, 431 });
        sizes = window.splitter()->sizes();
        window.close();
    }
    FakeBackend fake;
    AppSettings settings(file);
    MainWindow window(fake.backend(), settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(731, 533));
    QCOMPARE(window.splitter()->sizes(), sizes);
}

void tst_MainWindow::everyControlIsNamed()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    fake.contacts.put(QStringLiteral("carol@example.org"), QStringLiteral("Carol"));
    fake.chat.receive(Bob, QStringLiteral("hi"), ChatMessage::Path::Server);
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    MainWindow window(fake.backend(), settings);
    window.show();
    window.openConversation(Bob);
    window.sendFiles(Bob, { makeFile(*m_dir, QStringLiteral("a.txt"), QByteArrayLiteral("a")) });
    fake.transfers.offer(Bob, QStringLiteral("b.txt"), 10);
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Every control a keyboard user can reach says what it is.
    QStringList unnamed;
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(&window) || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        const QString className = QString::fromLatin1(widget->metaObject()->className());
        if (className.startsWith(QStringLiteral("QDockWidget")) || qobject_cast<QAbstractSpinBox *>(widget->parent())
            || qobject_cast<QComboBox *>(widget->parent()))
            continue; // Qt's own parts of composite widgets
        QString name = widget->accessibleName();
        if (auto *button = qobject_cast<QAbstractButton *>(widget); button && name.isEmpty())
            name = button->text().remove(u'&');
        if (name.trimmed().isEmpty())
            unnamed.append(className + u' ' + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

    // Tab reaches the search field, the contacts, their Connect buttons and the composer.
    QSet<QWidget *> reached;
    QWidget *start = window.contactList()->searchField();
    QWidget *next = start;
    for (int i = 0; i < 200; ++i) {
        reached.insert(next);
        next = next->nextInFocusChain();
        if (next == start)
            break;
    }
    QVERIFY(reached.contains(window.contactList()->row(Bob)));
    QVERIFY(reached.contains(window.contactList()->row(Bob)->connectButton()));
    QVERIFY(reached.contains(window.conversation()->composer()));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
