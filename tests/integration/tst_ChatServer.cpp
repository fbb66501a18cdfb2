// Chat over the XMPP server (no peer-to-peer session) against a real prosody: 200 messages
// both ways in order, each once, confirmed by XEP-0184 receipts; messages to a contact who is
// offline wait and arrive when they sign in; a restart in the middle of sending loses nothing;
// typing, corrections and read markers reach the other side; hostile stanzas (strangers, huge
// bodies, bad ids, forged receipts) are refused with clear errors and change nothing else.
#include "ChatTestPeer.h"
#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "core/chat/ChatService.h"
#include "core/net/NetworkThread.h"
#include "core/xmpp/Account.h"

#include <QDomElement>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QXmppClient.h>
#include <QXmppClientExtension.h>
#include <QXmppMessage.h>
#include <QXmppTask.h>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Password = QStringLiteral("chat test password");
constexpr int Timeout = 20000;
using Dir = ChatMessage::Direction;

QStringList numbered(const QString &prefix, int from, int to)
{
    QStringList list;
    for (int i = from; i < to; ++i)
        list.append(QStringLiteral("%1 %2").arg(prefix).arg(i));
    return list;
}

bool allInState(const QList<ChatMessage> &messages, ChatMessage::State state)
{
    return std::all_of(messages.cbegin(), messages.cend(), [state](const ChatMessage &m) { return m.state == state; });
}

// Counts the message stanzas with a body a client receives, by id, before any other extension
// (Peerlink's chat drops copies) sees them.
class StanzaCounter : public QXmppClientExtension
{
public:
    QHash<QString, int> bodies;

    bool handleStanza(const QDomElement &stanza) override
    {
        if (stanza.tagName() == u"message" && !stanza.firstChildElement(QStringLiteral("body")).isNull())
            ++bodies[stanza.attribute(QStringLiteral("id"))];
        return false;
    }
};

QXmppMessage rawMessage(const QString &to, const QString &id, const QString &body)
{
    QXmppMessage m(QString(), to, body);
    m.setType(QXmppMessage::Chat);
    m.setId(id);
    return m;
}
} // namespace

class tst_ChatServer : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCertificateAuthority> m_ca;
    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<NetworkThread> m_thread;
    QTemporaryDir m_dir;
    int m_nextUser = 0;

    std::unique_ptr<ChatTestPeer> makeChatPeer()
    {
        const QString user = QStringLiteral("chat%1").arg(++m_nextUser);
        if (!m_server->addAccount(user, Password))
            return {};
        auto peer = std::make_unique<ChatTestPeer>(*m_thread, *m_server, *m_ca, user, Password,
                                                   m_dir.filePath(user + QStringLiteral(".sqlite")));
        if (!peer->isValid() || !peer->peer->signIn())
            return {};
        return peer;
    }

    std::unique_ptr<TestPeer> makePlainPeer()
    {
        const QString user = QStringLiteral("plain%1").arg(++m_nextUser);
        if (!m_server->addAccount(user, Password))
            return {};
        auto peer = std::make_unique<TestPeer>(*m_thread, *m_server, *m_ca, user, Password);
        if (!peer->signIn())
            return {};
        return peer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ChatMessage>();
        m_ca = std::make_unique<TestCertificateAuthority>();
        QVERIFY2(m_ca->isValid(), qPrintable(m_ca->errorString()));
        m_server = std::make_unique<ProsodyServer>(*m_ca);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_thread = std::make_unique<NetworkThread>();
        QVERIFY(m_dir.isValid());
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning().noquote() << "prosody log" << m_server->logPath() << "ends with:\n" << m_server->logTail(30);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_thread.reset();
        m_ca.reset();
    }

    // 200 messages each way, interleaved: each side gets the other's in order, each once,
    // over the server, and sees its own confirmed by receipts.
    void orderBothWays()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString a = alice->bareJid(), b = bob->bareJid();
        QSignalSpy bobAdded(bob->chat.get(), &ChatService::messageAdded);

        QSet<QString> ids;
        for (int i = 0; i < 200; ++i) {
            QString error;
            const QString id1 = alice->chat->send(b, QStringLiteral("alice %1").arg(i), &error);
            QVERIFY2(!id1.isEmpty(), qPrintable(error));
            const QString id2 = bob->chat->send(a, QStringLiteral("bob %1").arg(i), &error);
            QVERIFY2(!id2.isEmpty(), qPrintable(error));
            ids << id1 << id2;
        }
        QCOMPARE(ids.size(), 400);
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 200, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages(b, Dir::Incoming).size(), 200, Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("alice"), 0, 200));
        QCOMPARE(alice->texts(b, Dir::Incoming), numbered(QStringLiteral("bob"), 0, 200));
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(allInState(bob->messages(a, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        for (const ChatMessage &m : bob->chat->history(a, 0)) {
            QCOMPARE(m.path, ChatMessage::Path::Server);
            QVERIFY(ids.contains(m.id));
        }
        QCOMPARE(bobAdded.size(), 400); // 200 own + 200 received, none twice
        QCOMPARE(bob->chat->unreadCount(a), 200);
        const auto conversations = bob->chat->conversations();
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(conversations[0].peer, a);
        QCOMPARE(conversations[0].unreadCount, 200);
    }

    // Bob is offline: the server keeps nothing for him (no offline storage), so Alice's
    // messages come back and wait; when Bob signs in they arrive in order, once.
    void offlineContactGetsMessagesLater()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString a = alice->bareJid(), b = bob->bareJid();
        bob->peer->account->disconnectFromServer();
        QTRY_VERIFY_WITH_TIMEOUT(!alice->peer->account->contact(b)->isOnline(), Timeout);

        for (int i = 0; i < 20; ++i)
            QVERIFY(!alice->chat->send(b, QStringLiteral("while away %1").arg(i)).isEmpty());
        // Each one bounced and waits, saying why.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto sent = alice->messages(b, Dir::Outgoing);
                return sent.size() == 20 && std::all_of(sent.cbegin(), sent.cend(), [](const ChatMessage &m) {
                           return m.state == ChatMessage::State::Pending
                               && m.error.contains(QStringLiteral("when they are online"));
                       });
            }(),
            Timeout);

        QSignalSpy bobAdded(bob->chat.get(), &ChatService::messageAdded);
        QVERIFY(bob->peer->signIn());
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 20, Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("while away"), 0, 20));
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        for (const ChatMessage &m : alice->messages(b, Dir::Outgoing)) {
            QCOMPARE(m.path, ChatMessage::Path::Server);
            QVERIFY(m.error.isEmpty());
        }
        QTest::qWait(300); // nothing more is coming
        QCOMPARE(bobAdded.size(), 20);
        QCOMPARE(bob->messages(a, Dir::Incoming).size(), 20);
    }

    // Quitting right after send() (some stanzas written, some not), and again while signed
    // out: after each start the outbox is sent, the history is whole, nothing arrives twice.
    void restartLosesNothing()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString a = alice->bareJid(), b = bob->bareJid();
        QSignalSpy bobAdded(bob->chat.get(), &ChatService::messageAdded);

        for (int i = 0; i < 30; ++i)
            QVERIFY(!alice->chat->send(b, QStringLiteral("before restart %1").arg(i)).isEmpty());
        QVERIFY(alice->restart(false)); // no event loop in between: a crash-like quit
        QCOMPARE(alice->texts(b, Dir::Outgoing), numbered(QStringLiteral("before restart"), 0, 30));

        // Signed out: more messages wait in the outbox, across another restart.
        for (int i = 30; i < 40; ++i)
            QVERIFY(!alice->chat->send(b, QStringLiteral("before restart %1").arg(i)).isEmpty());
        QVERIFY(alice->restart(false));
        const auto waiting = alice->messages(b, Dir::Outgoing);
        QCOMPARE(waiting.size(), 40);
        for (int i = 30; i < 40; ++i)
            QCOMPARE(waiting[i].state, ChatMessage::State::Pending);

        QVERIFY(alice->peer->signIn());
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 40, Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("before restart"), 0, 40));
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QTest::qWait(300);
        QCOMPARE(bobAdded.size(), 40);

        // Bob restarts too: his history is intact, ids, texts and paths.
        const auto before = bob->chat->history(a, 0);
        QVERIFY(bob->restart());
        const auto after = bob->chat->history(a, 0);
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].id, before[i].id);
            QCOMPARE(after[i].text, before[i].text);
            QCOMPARE(after[i].path, ChatMessage::Path::Server);
            QCOMPARE(after[i].state, before[i].state);
        }
        // And the conversation goes on.
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        QVERIFY(!bob->chat->send(a, QStringLiteral("back")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(alice->texts(b, Dir::Incoming), QStringList { QStringLiteral("back") }, Timeout);
    }

    void typingCorrectionAndRead()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString a = alice->bareJid(), b = bob->bareJid();

        QSignalSpy typing(bob->chat.get(), &ChatService::typingChanged);
        alice->chat->setTyping(b, ChatState::Composing);
        QTRY_COMPARE_WITH_TIMEOUT(bob->chat->typingState(a), ChatState::Composing, Timeout);
        alice->chat->setTyping(b, ChatState::Paused);
        QTRY_COMPARE_WITH_TIMEOUT(bob->chat->typingState(a), ChatState::Paused, Timeout);

        const QString id = alice->chat->send(b, QStringLiteral("helo wrld"));
        QTRY_COMPARE_WITH_TIMEOUT(bob->texts(a, Dir::Incoming), QStringList { QStringLiteral("helo wrld") }, Timeout);
        QCOMPARE(bob->chat->typingState(a), ChatState::Active); // a message ends typing
        QCOMPARE(typing.size(), 3);
        QCOMPARE(typing.last().at(1).value<ChatState>(), ChatState::Active);

        QSignalSpy changed(bob->chat.get(), &ChatService::messageChanged);
        QString error;
        QVERIFY2(alice->chat->correct(id, QStringLiteral("hello world"), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(bob->texts(a, Dir::Incoming), QStringList { QStringLiteral("hello world") }, Timeout);
        const ChatMessage corrected = bob->messages(a, Dir::Incoming).first();
        QCOMPARE(corrected.id, id);
        QCOMPARE(corrected.revision, 1);
        QVERIFY(corrected.isCorrected());
        QVERIFY(corrected.editedAt.isValid());
        QCOMPARE(corrected.path, ChatMessage::Path::Server);
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.first().at(1).value<ChatService::Changes>().testFlag(ChatService::Change::Text));
        // Corrections of other people's messages, or of nothing, are refused.
        QVERIFY(!bob->chat->correct(id, QStringLiteral("not mine"), &error));
        QVERIFY(error.contains(id));

        QTRY_COMPARE_WITH_TIMEOUT(alice->chat->message(b, id)->state, ChatMessage::State::Delivered, Timeout);
        QCOMPARE(bob->chat->unreadCount(a), 1);
        bob->chat->markRead(a);
        QCOMPARE(bob->chat->unreadCount(a), 0);
        QTRY_COMPARE_WITH_TIMEOUT(alice->chat->message(b, id)->state, ChatMessage::State::Read, Timeout);
        QVERIFY(alice->chat->message(b, id)->readAt.isValid());
        QCOMPARE(alice->chat->message(b, id)->text, QStringLiteral("hello world"));
    }

    // Refused: a stranger's message, a huge body, unusable ids; receipts, read markers and
    // errors about our messages count only from the JID they were sent to. Each refusal is
    // answered with a stanza error and reported; nothing else is lost.
    // XEP-0198: with stream management (prosody's mod_smacks) the server path is exactly-once
    // across a broken connection. Alice's TCP connection is cut right after 30 messages (some
    // still unwritten or unacknowledged), she sends 30 more while disconnected; the session is
    // resumed, and Bob's client gets every message once (counted per stanza, before Peerlink's
    // own duplicate check), in order.
    void streamManagementAcrossABrokenConnection()
    {
        ProsodyServer::Options options;
        options.streamManagement = true;
        ProsodyServer server(*m_ca, options);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto make = [&](const QString &user) -> std::unique_ptr<ChatTestPeer> {
            if (!server.addAccount(user, Password))
                return {};
            auto peer = std::make_unique<ChatTestPeer>(*m_thread, server, *m_ca, user, Password,
                                                       m_dir.filePath(user + QStringLiteral(".sqlite")));
            if (!peer->isValid() || !peer->peer->signIn())
                return {};
            return peer;
        };
        auto alice = make(QStringLiteral("smalice"));
        auto bob = make(QStringLiteral("smbob"));
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString a = alice->bareJid(), b = bob->bareJid();
        QXmppClient *aliceClient = alice->peer->account->client();
        QCOMPARE(aliceClient->streamManagementState(), QXmppClient::NewStream);

        auto *counter = new StanzaCounter; // owned by Bob's client
        QVERIFY(bob->peer->account->client()->insertExtension(0, counter));
        const QHash<QString, int> &stanzas = counter->bodies;
        for (int i = 0; i < 30; ++i)
            QVERIFY(!alice->chat->send(b, QStringLiteral("before %1").arg(i)).isEmpty());
        auto *socket = aliceClient->findChild<QSslSocket *>();
        QVERIFY(socket);
        socket->abort();
        for (int i = 0; i < 30; ++i)
            QVERIFY(!alice->chat->send(b, QStringLiteral("after %1").arg(i)).isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 60, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QCOMPARE(aliceClient->streamManagementState(), QXmppClient::ResumedStream);
        QTest::qWait(1000); // nothing more is coming
        QCOMPARE(bob->texts(a, Dir::Incoming),
                 numbered(QStringLiteral("before"), 0, 30) + numbered(QStringLiteral("after"), 0, 30));
        QCOMPARE(stanzas.size(), 60);
        for (auto it = stanzas.cbegin(); it != stanzas.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 arrived %2 times").arg(it.key()).arg(it.value())));
        if (QTest::currentTestFailed())
            qWarning().noquote() << "prosody log" << server.logPath();
    }

    void hostileStanzas()
    {
        auto bob = makeChatPeer();
        auto alice = makeChatPeer();
        auto mallory = makePlainPeer();
        auto stranger = makePlainPeer();
        QVERIFY(bob && alice && mallory && stranger);
        QVERIFY(makeMutualContacts(*mallory, *bob->peer));
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString b = bob->bareJid(), m = mallory->bareJid();
        QSignalSpy refused(bob->chat.get(), &ChatService::incomingRefused);
        QList<QXmppMessage> malloryGot, strangerGot;
        QObject::connect(mallory->account->client(), &QXmppClient::messageReceived, bob->chat.get(),
                         [&](const QXmppMessage &msg) { malloryGot.append(msg); });
        QObject::connect(stranger->account->client(), &QXmppClient::messageReceived, bob->chat.get(),
                         [&](const QXmppMessage &msg) { strangerGot.append(msg); });

        struct Case
        {
            TestPeer *from;
            QXmppMessage message;
            QString reason;
            QXmppStanza::Error::Condition condition;
        };
        QXmppMessage badOrigin = rawMessage(b, QStringLiteral("ok-id"), QStringLiteral("bad origin-id"));
        badOrigin.setOriginId(QString(300, u'o'));
        const QList<Case> cases = {
            { stranger.get(), rawMessage(b, QStringLiteral("s1"), QStringLiteral("hi, I am new")),
              QStringLiteral("is not in your contacts"), QXmppStanza::Error::ServiceUnavailable },
            { mallory.get(), rawMessage(b, QStringLiteral("big"), QString(100000, u'A')),
              QStringLiteral("100000 characters; Peerlink accepts at most 65536"), QXmppStanza::Error::NotAcceptable },
            { mallory.get(), rawMessage(b, QString(300, u'i'), QStringLiteral("long id")),
              QStringLiteral("message's id is not usable (300 characters"), QXmppStanza::Error::BadRequest },
            { mallory.get(), badOrigin, QStringLiteral("origin-id is not usable"), QXmppStanza::Error::BadRequest },
        };
        for (const Case &c : cases) {
            const qsizetype before = refused.size();
            QList<QXmppMessage> &got = c.from == stranger.get() ? strangerGot : malloryGot;
            const qsizetype gotBefore = got.size();
            QXmppMessage message = c.message;
            c.from->account->client()->send(std::move(message));
            QTRY_COMPARE_WITH_TIMEOUT(refused.size(), before + 1, Timeout);
            const QString reason = refused.last().at(2).toString();
            QVERIFY2(reason.contains(c.reason), qPrintable(reason));
            QCOMPARE(refused.last().at(1).value<ChatMessage::Path>(), ChatMessage::Path::Server);
            QVERIFY(refused.last().at(0).toString().startsWith(c.from->bareJid()));
            // The sender is told, with the same words.
            QTRY_COMPARE_WITH_TIMEOUT(got.size(), gotBefore + 1, Timeout);
            QCOMPARE(got.last().type(), QXmppMessage::Error);
            QCOMPARE(got.last().error().condition(), c.condition);
            QCOMPARE(got.last().error().text(), reason);
        }
        QVERIFY(bob->chat->history(m, 0).isEmpty());
        QVERIFY(bob->chat->history(stranger->bareJid(), 0).isEmpty());

        // Forged confirmations: Bob's message to Alice (who is away) stays pending when Mallory
        // or the stranger send receipts, read markers or errors about it.
        alice->peer->account->disconnectFromServer();
        QTRY_VERIFY_WITH_TIMEOUT(!bob->peer->account->contact(alice->bareJid())->isOnline(), Timeout);
        const QString toAlice = bob->chat->send(alice->bareJid(), QStringLiteral("for Alice only"));
        QTRY_VERIFY_WITH_TIMEOUT(!bob->chat->message(alice->bareJid(), toAlice)->error.isEmpty(), Timeout);
        for (TestPeer *forger : { mallory.get(), stranger.get() }) {
            QXmppMessage receipt(QString(), b);
            receipt.setReceiptId(toAlice);
            forger->account->client()->send(std::move(receipt));
            QXmppMessage marker(QString(), b);
            marker.setMarker(QXmppMessage::Displayed);
            marker.setMarkerId(toAlice);
            forger->account->client()->send(std::move(marker));
            QXmppMessage error = rawMessage(b, toAlice, QString());
            error.setType(QXmppMessage::Error);
            error.setError(QXmppStanza::Error(QXmppStanza::Error::Cancel, QXmppStanza::Error::Forbidden));
            forger->account->client()->send(std::move(error));
        }
        // A correction naming Bob's own message only touches Mallory's messages.
        const QString toMallory = bob->chat->send(m, QStringLiteral("Bob's words"));
        QXmppMessage fake = rawMessage(b, QStringLiteral("fake"), QStringLiteral("forged words"));
        fake.setReplaceId(toMallory);
        mallory->account->client()->send(std::move(fake));
        // Then an ordinary message from Mallory arrives as usual.
        mallory->account->client()->send(rawMessage(b, QStringLiteral("fine"), QStringLiteral("a normal message")));
        QTRY_VERIFY_WITH_TIMEOUT(bob->texts(m, Dir::Incoming).contains(QStringLiteral("a normal message")), Timeout);
        QCOMPARE(bob->texts(m, Dir::Incoming),
                 (QStringList { QStringLiteral("forged words"), QStringLiteral("a normal message") }));
        QCOMPARE(bob->chat->message(m, toMallory)->text, QStringLiteral("Bob's words"));
        const ChatMessage pending = *bob->chat->message(alice->bareJid(), toAlice);
        QCOMPARE(pending.state, ChatMessage::State::Pending);
        QCOMPARE(refused.size(), cases.size());

        // When Alice is back, her message arrives.
        QVERIFY(alice->peer->signIn());
        QTRY_COMPARE_WITH_TIMEOUT(alice->texts(b, Dir::Incoming), QStringList { QStringLiteral("for Alice only") },
                                  Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(bob->chat->message(alice->bareJid(), toAlice)->state, ChatMessage::State::Delivered,
                                  Timeout);
    }

    void sendRefusesBadInput_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QStringLiteral("x@example.org") << QStringLiteral("  ") << QStringLiteral("empty");
        QTest::newRow("too long") << QStringLiteral("x@example.org") << QString(65537, u'x')
                                  << QStringLiteral("65537 characters");
        QTest::newRow("full jid") << QStringLiteral("x@example.org/res") << QStringLiteral("hi")
                                  << QStringLiteral("not a contact's address");
        QTest::newRow("no jid") << QString() << QStringLiteral("hi") << QStringLiteral("not a contact's address");
    }

    void sendRefusesBadInput()
    {
        QFETCH(QString, to);
        QFETCH(QString, text);
        QFETCH(QString, error);
        // Refused before anything is stored: no server needed.
        ChatTestPeer peer(*m_thread, *m_server, *m_ca, QStringLiteral("offline"), Password,
                          m_dir.filePath(QStringLiteral("offline.sqlite")));
        QVERIFY(peer.isValid());
        QString why;
        QVERIFY(peer.chat->send(to, text, &why).isEmpty());
        QVERIFY2(why.contains(error), qPrintable(why));
        QVERIFY(peer.chat->conversations().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ChatServer)
#include "tst_ChatServer.moc"
