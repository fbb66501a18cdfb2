// The conversation against a fake chat: a message is shown with its time, delivery state and
// path, and follows its state; the composer sends on Enter and reports typing; the contact's
// typing shows; a failed message can be sent again; Up edits the last message.
#include "FakeBackend.h"
#include "ui/Composer.h"
#include "ui/ConversationView.h"
#include "ui/Format.h"
#include "ui/MessageListModel.h"

#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Bob = QStringLiteral("bob@example.org");
}

class tst_ConversationView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageShownWithState_data();
    void messageShownWithState();
    void sendWithEnter();
    void typingBothWays();
    void historyAndIncoming();
    void retryFailed();
    void editLast();
    void sendError();
    void pathHint();
};

void tst_ConversationView::messageShownWithState_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("path");
    QTest::addColumn<QString>("stateText");
    QTest::addColumn<QString>("pathText");

    using S = ChatMessage::State;
    using P = ChatMessage::Path;
    QTest::newRow("pending") << int(S::Pending) << int(P::None) << "Waiting to be sent" << QString();
    QTest::newRow("sent p2p") << int(S::Sent) << int(P::PeerToPeer) << "Sent" << "P2P";
    QTest::newRow("delivered p2p") << int(S::Delivered) << int(P::PeerToPeer) << "Delivered" << "P2P";
    QTest::newRow("delivered server") << int(S::Delivered) << int(P::Server) << "Delivered" << "via server";
    QTest::newRow("read") << int(S::Read) << int(P::PeerToPeer) << "Read" << "P2P";
    QTest::newRow("failed") << int(S::Failed) << int(P::Server) << "Not sent" << "via server";
}

void tst_ConversationView::messageShownWithState()
{
    QFETCH(int, state);
    QFETCH(int, path);
    QFETCH(QString, stateText);
    QFETCH(QString, pathText);

    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    ConversationView view(fake.backend());
    view.resize(600, 500);
    view.show();
    view.setContact(Bob);

    QString error;
    const QString id = fake.chat.send(Bob, QStringLiteral("Hello Bob"), &error);
    QVERIFY(!id.isEmpty());
    MessageListModel *model = view.model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Hello Bob"));
    QCOMPARE(model->index(0).data(MessageListModel::StateRole).toInt(), int(ChatMessage::State::Pending));

    fake.chat.update(id, ChatMessage::State(state), ChatMessage::Path(path));
    const QModelIndex index = model->index(0);
    QCOMPARE(index.data(MessageListModel::StateRole).toInt(), state);
    QCOMPARE(index.data(MessageListModel::PathRole).toInt(), path);
    const QString status = index.data(MessageListModel::StatusTextRole).toString();
    const QString time = Format::messageTime(fake.chat.find(id)->timestamp);
    QVERIFY2(status.startsWith(time), qPrintable(status));
    QVERIFY2(status.endsWith(stateText), qPrintable(status));
    if (!pathText.isEmpty())
        QVERIFY2(status.contains(pathText), qPrintable(status));
    const QString accessible = index.data(Qt::AccessibleTextRole).toString();
    QVERIFY2(accessible.contains(QStringLiteral("Hello Bob")) && accessible.contains(stateText),
             qPrintable(accessible));
    // The bubble is laid out and painted (on the right: ours).
    QListView *list = view.messageList();
    const QRect item = list->visualRect(index);
    QVERIFY(item.height() > 20);
    QVERIFY(!list->grab().isNull());
}

void tst_ConversationView::sendWithEnter()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    ConversationView view(fake.backend());
    view.show();
    view.setContact(Bob);
    view.composer()->setFocus();
    QTest::keyClicks(view.composer(), QStringLiteral("Line one"));
    QTest::keyClick(view.composer(), Qt::Key_Return, Qt::ShiftModifier); // a new line, not sent
    QTest::keyClicks(view.composer(), QStringLiteral("line two"));
    QCOMPARE(view.model()->rowCount(), 0);
    QTest::keyClick(view.composer(), Qt::Key_Return);
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->message(0).text, QStringLiteral("Line one\nline two"));
    QVERIFY(view.model()->message(0).isOutgoing());
    QVERIFY(view.composer()->toPlainText().isEmpty());
}

void tst_ConversationView::typingBothWays()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    ConversationView view(fake.backend());
    view.show();
    view.setContact(Bob);

    QTest::keyClicks(view.composer(), QStringLiteral("Hi"));
    QVERIFY(!fake.chat.typingSent.isEmpty());
    QCOMPARE(fake.chat.typingSent.first(), std::make_pair(Bob, ChatState::Composing));
    QCOMPARE(fake.chat.typingSent.size(), 1); // once, not per key
    view.composer()->clear();
    QCOMPARE(fake.chat.typingSent.last(), std::make_pair(Bob, ChatState::Active));

    fake.chat.setPeerTyping(Bob, ChatState::Composing);
    QCOMPARE(view.typingText(), QStringLiteral("Bob is typing…"));
    fake.chat.setPeerTyping(Bob, ChatState::Active);
    QVERIFY(view.typingText().isEmpty());
}

void tst_ConversationView::historyAndIncoming()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    fake.contacts.put(QStringLiteral("carol@example.org"), QStringLiteral("Carol"));
    fake.chat.receive(Bob, QStringLiteral("earlier"), ChatMessage::Path::Server);
    ConversationView view(fake.backend());
    view.show();
    view.setContact(Bob);
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->message(0).text, QStringLiteral("earlier"));
    QVERIFY(view.model()->index(0).data(MessageListModel::DayBreakRole).toBool());

    fake.chat.receive(QStringLiteral("carol@example.org"), QStringLiteral("not for this view"),
                      ChatMessage::Path::PeerToPeer);
    QCOMPARE(view.model()->rowCount(), 1);
    fake.chat.receive(Bob, QStringLiteral("now"), ChatMessage::Path::PeerToPeer);
    QCOMPARE(view.model()->rowCount(), 2);
    QCOMPARE(view.model()->index(1).data(MessageListModel::StatusTextRole).toString(),
             Format::messageTime(view.model()->message(1).timestamp) + QStringLiteral(" · P2P"));
    QVERIFY(!view.model()->index(1).data(MessageListModel::DayBreakRole).toBool());
}

void tst_ConversationView::retryFailed()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    ConversationView view(fake.backend());
    view.resize(500, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setContact(Bob);
    const QString id = fake.chat.send(Bob, QStringLiteral("lost"), nullptr);
    fake.chat.update(id, ChatMessage::State::Failed, ChatMessage::Path::Server);
    QListView *list = view.messageList();
    QTRY_VERIFY_WITH_TIMEOUT(list->visualRect(view.model()->index(0)).isValid(), 2000);
    const QRect rect = list->visualRect(view.model()->index(0));
    QVERIFY2(
        list->viewport()->rect().contains(rect.center()),
        qPrintable(QStringLiteral("%1,%2 %3x%4").arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height())));
    const QPoint onBubble = rect.center() + QPoint(rect.width() / 3, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, onBubble);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, onBubble);
    QCOMPARE(fake.chat.retried, QStringList { id });
}

void tst_ConversationView::editLast()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    ConversationView view(fake.backend());
    view.show();
    view.setContact(Bob);
    const QString id = fake.chat.send(Bob, QStringLiteral("teh plan"), nullptr);
    view.composer()->setFocus();
    QTest::keyClick(view.composer(), Qt::Key_Up);
    QCOMPARE(view.composer()->toPlainText(), QStringLiteral("teh plan"));
    view.composer()->setPlainText(QStringLiteral("the plan"));
    QTest::keyClick(view.composer(), Qt::Key_Return);
    QCOMPARE(fake.chat.find(id)->text, QStringLiteral("the plan"));
    QCOMPARE(view.model()->message(0).text, QStringLiteral("the plan"));
    QVERIFY(
        view.model()->index(0).data(MessageListModel::StatusTextRole).toString().contains(QStringLiteral("edited")));
    QCOMPARE(view.model()->rowCount(), 1);
}

void tst_ConversationView::sendError()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    ConversationView view(fake.backend());
    view.show();
    view.setContact(Bob);
    view.composer()->setPlainText(QStringLiteral("   "));
    view.submit(); // blank: nothing happens
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(view.noticeText().isEmpty());
}

void tst_ConversationView::pathHint()
{
    FakeBackend fake;
    fake.contacts.put(Bob, QStringLiteral("Bob"));
    ConversationView view(fake.backend());
    view.show();
    view.setContact(Bob);
    QVERIFY(!view.sendsPeerToPeer());
    QCOMPARE(view.composer()->placeholderText(),
             QStringLiteral("Message — goes through your server until you connect"));
    fake.chat.setPeerToPeer(Bob, true);
    QVERIFY(view.sendsPeerToPeer());
    QCOMPARE(view.composer()->placeholderText(),
             QStringLiteral("Message — goes directly to Bob, end-to-end encrypted"));
}

QTEST_MAIN(tst_ConversationView)
#include "tst_ConversationView.moc"
