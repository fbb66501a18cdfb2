// Two Peerlink app instances (real engine, real adapters, real main windows) in one process
// against a local prosody, driven through their widgets as a user would: Alice adds Bob, Bob
// accepts the request, Alice clicks Connect and the button shows the direct route, Alice types
// and sends a message that Bob sees (delivered peer to peer), Alice drops a file on the
// conversation, Bob accepts the offer, and the received file matches the sent one's SHA-256.
#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "UiPeer.h"
#include "core/net/NetworkThread.h"
#include "ui/Composer.h"
#include "ui/ConnectButton.h"
#include "ui/ContactListWidget.h"
#include "ui/ContactRow.h"
#include "ui/ConversationView.h"
#include "ui/MainWindow.h"
#include "ui/MessageListModel.h"
#include "ui/OfferDialog.h"
#include "ui/TransferRow.h"
#include "ui/TransfersPanel.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
constexpr int Timeout = 30000;
const QString Password = QStringLiteral("ui end-to-end password");

template<typename T> T *findTopLevel(const QString &objectName, QWidget *parent)
{
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        auto *candidate = qobject_cast<T *>(window);
        if (candidate && candidate->objectName() == objectName && candidate->parentWidget() == parent
            && candidate->isVisible())
            return candidate;
    }
    return nullptr;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

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
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return enter.isAccepted() && drop.isAccepted();
}

bool contactReady(MainWindow *window, const QString &jid)
{
    ContactRow *row = window->contactList()->row(jid);
    return row && row->contact().isMutual() && row->contact().isOnline();
}
} // namespace

class tst_EndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectChatAndSendFile();

private:
    std::unique_ptr<NetworkThread> m_thread;
    std::unique_ptr<TestCertificateAuthority> m_ca;
    std::unique_ptr<ProsodyServer> m_server;
};

void tst_EndToEnd::initTestCase()
{
    m_thread = std::make_unique<NetworkThread>();
    m_ca = std::make_unique<TestCertificateAuthority>();
    QVERIFY2(m_ca->isValid(), qPrintable(m_ca->errorString()));
    m_server = std::make_unique<ProsodyServer>(*m_ca);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_server->addAccount(QStringLiteral("alice"), Password));
    QVERIFY(m_server->addAccount(QStringLiteral("bob"), Password));
}

void tst_EndToEnd::cleanupTestCase()
{
    m_server.reset();
    m_ca.reset();
    m_thread.reset();
}

void tst_EndToEnd::connectChatAndSendFile()
{
    UiPeer alice(*m_thread, *m_server, *m_ca, QStringLiteral("alice"), Password);
    UiPeer bob(*m_thread, *m_server, *m_ca, QStringLiteral("bob"), Password);
    QVERIFY2(alice.isValid(), qPrintable(alice.errorString()));
    QVERIFY2(bob.isValid(), qPrintable(bob.errorString()));
    alice.start();
    bob.start();
    QTRY_VERIFY_WITH_TIMEOUT(alice.isOnline() && bob.isOnline(), Timeout);
    QCOMPARE(alice.window()->accountStatusText(), QStringLiteral("Online"));

    // Alice adds Bob through the "Add contact" dialog.
    alice.window()->addContact();
    auto *add = findTopLevel<QDialog>(QStringLiteral("addContactDialog"), alice.window());
    QVERIFY(add);
    QTest::keyClicks(add->findChild<QLineEdit *>(QStringLiteral("contactJid")), bob.jid());
    QTest::keyClicks(add->findChild<QLineEdit *>(QStringLiteral("contactNameField")), QStringLiteral("Bob"));
    QTest::mouseClick(add->findChild<QDialogButtonBox *>()->buttons().first(), Qt::LeftButton);

    // Bob accepts the request Peerlink shows him.
    QMessageBox *request = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (request = findTopLevel<QMessageBox>(QStringLiteral("subscriptionRequest"), bob.window())) != nullptr, Timeout);
    QVERIFY(request->text().contains(alice.jid()));
    QPushButton *accept = nullptr;
    for (QAbstractButton *button : request->buttons()) {
        if (request->buttonRole(button) == QMessageBox::AcceptRole)
            accept = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(accept);
    QTest::mouseClick(accept, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(contactReady(alice.window(), bob.jid()) && contactReady(bob.window(), alice.jid()),
                             Timeout);

    // Alice opens the conversation and clicks Connect in Bob's row.
    ContactRow *bobRow = alice.window()->contactList()->row(bob.jid());
    QTest::mouseClick(bobRow, Qt::LeftButton, {}, QPoint(20, bobRow->height() / 2));
    QCOMPARE(alice.window()->conversation()->jid(), bob.jid());
    ConnectButton *connect = bobRow->connectButton();
    QCOMPARE(connect->stateName(), QStringLiteral("idle"));
    QTest::mouseClick(connect, Qt::LeftButton);
    QVERIFY(connect->stateName() == u"connecting" || connect->stateName() == u"direct");
    QTRY_COMPARE_WITH_TIMEOUT(connect->stateName(), QStringLiteral("direct"), Timeout);
    QVERIFY2(connect->text().startsWith(QStringLiteral("Direct")), qPrintable(connect->text()));
    QCOMPARE(alice.window()->conversation()->connectButton()->stateName(), QStringLiteral("direct"));
    // Bob's side shows the connection too (he did not click anything).
    QTRY_COMPARE_WITH_TIMEOUT(bob.window()->contactList()->row(alice.jid())->connectButton()->stateName(),
                              QStringLiteral("direct"), Timeout);

    // Alice types and sends a message, once the composer says it goes directly.
    QTRY_VERIFY_WITH_TIMEOUT(alice.window()->conversation()->sendsPeerToPeer(), Timeout);
    Composer *composer = alice.window()->conversation()->composer();
    composer->setFocus();
    QTest::keyClicks(composer, QStringLiteral("Hello Bob, straight from my window!"));
    QTest::keyClick(composer, Qt::Key_Return);
    MessageListModel *aliceMessages = alice.window()->conversation()->model();
    QCOMPARE(aliceMessages->rowCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(aliceMessages->message(0).state == ChatMessage::State::Delivered
                                 || aliceMessages->message(0).state == ChatMessage::State::Read,
                             Timeout);
    QCOMPARE(aliceMessages->message(0).path, ChatMessage::Path::PeerToPeer);
    QVERIFY(aliceMessages->index(0).data(MessageListModel::StatusTextRole).toString().contains(QStringLiteral("P2P")));

    // Bob sees it: unread in his list, then in the conversation.
    QTRY_COMPARE_WITH_TIMEOUT(bob.window()->contactList()->row(alice.jid())->unread(), 1, Timeout);
    bob.window()->openConversation(alice.jid());
    MessageListModel *bobMessages = bob.window()->conversation()->model();
    QCOMPARE(bobMessages->rowCount(), 1);
    QCOMPARE(bobMessages->message(0).text, QStringLiteral("Hello Bob, straight from my window!"));
    QCOMPARE(bobMessages->message(0).path, ChatMessage::Path::PeerToPeer);
    QVERIFY(!bobMessages->message(0).isOutgoing());

    // Alice drops a file on the conversation.
    QTemporaryDir source;
    const QString path = source.filePath(QStringLiteral("holiday photos.bin"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        QRandomGenerator generator(42);
        generator.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        file.write(data);
    }
    const QByteArray expected = sha256Of(path);
    QVERIFY(dropFiles(alice.window()->conversation(), { path }));
    QCOMPARE(alice.window()->transfersPanel()->rows().size(), 1);

    // Bob is asked, and accepts.
    QTRY_VERIFY_WITH_TIMEOUT(bob.window()->offerDialog(alice.jid()) != nullptr, Timeout);
    OfferDialog *offer = bob.window()->offerDialog(alice.jid());
    QVERIFY(offer->headline().contains(QStringLiteral("holiday photos.bin")));
    QTest::mouseClick(offer->acceptButton(), Qt::LeftButton);

    // Complete on both sides, and the bytes are the same.
    TransferRow *received = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(!bob.window()->transfersPanel()->rows().isEmpty(), Timeout);
    received = bob.window()->transfersPanel()->rows().first();
    QTRY_COMPARE_WITH_TIMEOUT(received->transfer().state, Transfer::State::Completed, 60000);
    QCOMPARE(received->progressValue(), 1000);
    QVERIFY(received->button(TransferRow::Action::Open));
    QVERIFY(received->transfer().localPath.startsWith(bob.downloadDir()));
    QCOMPARE(sha256Of(received->transfer().localPath), expected);
    TransferRow *sent = alice.window()->transfersPanel()->rows().first();
    QTRY_COMPARE_WITH_TIMEOUT(sent->transfer().state, Transfer::State::Completed, Timeout);
}

QTEST_MAIN(tst_EndToEnd)
#include "tst_EndToEnd.moc"
