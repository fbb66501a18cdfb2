// Chat over the peer-to-peer chat stream (stream 0 of a session's QUIC channel) against a
// real prosody on loopback: 200 messages both ways in order, each once, acknowledged over the
// stream; typing, corrections and read markers; messages first sent over the server and sent
// again over the stream show once; a session lost in the middle loses nothing (the rest goes
// over the server); malformed and hostile frames are refused with clear errors while the
// stream goes on; a peer speaking another protocol version gets the server path; and the
// stream carries the chat with the XMPP server gone.
#include "ChatTestPeer.h"
#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "core/channel/SecureChannel.h"
#include "core/chat/ChatFrame.h"
#include "core/chat/ChatFrameReader.h"
#include "core/chat/ChatService.h"
#include "core/net/NetworkThread.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/xmpp/Account.h"

#include <QCborMap>
#include <QCborValue>
#include <QDomElement>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmppClient.h>
#include <QXmppClientExtension.h>
#include <QXmppMessage.h>
#include <QtEndian>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Password = QStringLiteral("chat test password");
constexpr int Timeout = 20000;
using Dir = ChatMessage::Direction;

SessionConfig loopbackConfig()
{
    SessionConfig config;
    config.ice.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
    config.ice.upnp = false;
    config.ice.ipv6 = false;
    config.ice.iceTcp = false;
    return config;
}

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

QByteArray framed(const QByteArray &payload)
{
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), header.data());
    return header + payload;
}

// Drops incoming XEP-0184 receipts, so messages sent over the server stay "sent".
class ReceiptSwallower : public QXmppClientExtension
{
public:
    int swallowed = 0;
    bool handleStanza(const QDomElement &stanza, const std::optional<QXmppE2eeMetadata> &) override
    {
        if (stanza.tagName() != u"message"
            || stanza.firstChildElement(QStringLiteral("received")).namespaceURI() != u"urn:xmpp:receipts")
            return false;
        swallowed++;
        return true;
    }
};

// The far end of a chat stream driven by hand: what a hostile or foreign peer sends.
struct RawChatEnd
{
    SecureChannel *channel = nullptr;
    ChatFrameReader reader;
    QList<ChatFrame> frames;
    QStringList malformed;
    QObject context;

    explicit RawChatEnd(SecureChannel *c)
        : channel(c)
    {
        QObject::connect(channel, &SecureChannel::dataReceived, &context,
                         [this](qint64 stream, const QByteArray &data) {
                             if (stream != 0)
                                 return;
                             for (const auto &item : reader.feed(data)) {
                                 if (item.frame)
                                     frames.append(*item.frame);
                                 else
                                     malformed.append(item.error);
                             }
                         });
    }
    int count(ChatFrame::Type type) const
    {
        return int(
            std::count_if(frames.cbegin(), frames.cend(), [type](const ChatFrame &f) { return f.type == type; }));
    }
};
} // namespace

class tst_ChatPeerToPeer : public QObject
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
        const QString user = QStringLiteral("p2p%1").arg(++m_nextUser);
        if (!m_server->addAccount(user, Password))
            return {};
        auto peer = std::make_unique<ChatTestPeer>(*m_thread, *m_server, *m_ca, user, Password,
                                                   m_dir.filePath(user + QStringLiteral(".sqlite")), loopbackConfig());
        if (!peer->isValid() || !peer->peer->signIn())
            return {};
        return peer;
    }

    std::unique_ptr<TestPeer> makePlainPeer()
    {
        const QString user = QStringLiteral("raw%1").arg(++m_nextUser);
        if (!m_server->addAccount(user, Password))
            return {};
        auto peer = std::make_unique<TestPeer>(*m_thread, *m_server, *m_ca, user, Password, loopbackConfig());
        if (!peer->signIn())
            return {};
        return peer;
    }

    // Alice connects to Bob; true once both have a ready chat stream.
    bool connectChat(ChatTestPeer &alice, ChatTestPeer &bob)
    {
        QString error;
        PeerSession *session = alice.peer->sessions->connectToContact(bob.bareJid(), &error);
        if (!session) {
            qWarning().noquote() << "connectToContact:" << error;
            return false;
        }
        return QTest::qWaitFor(
            [&] { return alice.chat->isPeerToPeer(bob.bareJid()) && bob.chat->isPeerToPeer(alice.bareJid()); },
            Timeout);
    }

    // A raw session from `from` (no chat service) to a chat peer, with the hello exchanged.
    PeerSession *rawSession(TestPeer &from, ChatTestPeer &to, std::unique_ptr<RawChatEnd> *end, int version = 1)
    {
        PeerSession *session = from.sessions->connectToContact(to.bareJid());
        if (!session || !waitConnected(session))
            return nullptr;
        *end = std::make_unique<RawChatEnd>(session->channel());
        if (session->channel()->openStream() != 0)
            return nullptr;
        ChatFrame hello = ChatFrame::hello();
        hello.version = version;
        session->channel()->write(0, hello.encode());
        return session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ChatMessage>();
        qRegisterMetaType<PeerSession *>();
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

    void orderBothWays()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        QVERIFY(connectChat(*alice, *bob));
        const QString a = alice->bareJid(), b = bob->bareJid();
        QSignalSpy bobAdded(bob->chat.get(), &ChatService::messageAdded);
        QSignalSpy aliceAdded(alice->chat.get(), &ChatService::messageAdded);

        for (int i = 0; i < 200; ++i) {
            QVERIFY(!alice->chat->send(b, QStringLiteral("alice %1").arg(i)).isEmpty());
            QVERIFY(!bob->chat->send(a, QStringLiteral("bob %1").arg(i)).isEmpty());
        }
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 200, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages(b, Dir::Incoming).size(), 200, Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("alice"), 0, 200));
        QCOMPARE(alice->texts(b, Dir::Incoming), numbered(QStringLiteral("bob"), 0, 200));
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(allInState(bob->messages(a, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        for (const auto *peer : { alice.get(), bob.get() }) {
            const QString other = peer == alice.get() ? b : a;
            for (const ChatMessage &m : peer->chat->history(other, 0))
                QCOMPARE(m.path, ChatMessage::Path::PeerToPeer);
        }
        QCOMPARE(bobAdded.size(), 400);
        QCOMPARE(aliceAdded.size(), 400);
    }

    // A long outbox is written as the peer acknowledges, not all at once; all of it arrives.
    void largeOutboxIsPaced()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        QVERIFY(connectChat(*alice, *bob));
        const QString a = alice->bareJid(), b = bob->bareJid();
        QStringList expected;
        for (int i = 0; i < 40; ++i) {
            expected.append(QStringLiteral("%1 ").arg(i)
                            + QString(ChatService::maxTextLength() - 8, QChar(u'a' + i % 26)));
            QVERIFY(!alice->chat->send(b, expected.last()).isEmpty());
        }
        // About 2.6 MB: only the first ones are on the stream yet, the rest wait their turn.
        const auto queued = alice->messages(b, Dir::Outgoing);
        const auto waiting = std::count_if(queued.cbegin(), queued.cend(),
                                           [](const ChatMessage &m) { return m.state == ChatMessage::State::Pending; });
        QVERIFY2(waiting > 20, qPrintable(QString::number(waiting)));
        QCOMPARE(queued.last().state, ChatMessage::State::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 40, Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), expected);
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        for (const ChatMessage &m : alice->messages(b, Dir::Outgoing))
            QCOMPARE(m.path, ChatMessage::Path::PeerToPeer);
    }

    void typingCorrectionAndRead()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        QVERIFY(connectChat(*alice, *bob));
        const QString a = alice->bareJid(), b = bob->bareJid();

        // Bob (the responder) types; Alice sees it.
        bob->chat->setTyping(a, ChatState::Composing);
        QTRY_COMPARE_WITH_TIMEOUT(alice->chat->typingState(b), ChatState::Composing, Timeout);
        const QString id = bob->chat->send(a, QStringLiteral("teh answer"));
        QTRY_COMPARE_WITH_TIMEOUT(alice->texts(b, Dir::Incoming), QStringList { QStringLiteral("teh answer") },
                                  Timeout);
        QCOMPARE(alice->chat->typingState(b), ChatState::Active);

        QSignalSpy changed(alice->chat.get(), &ChatService::messageChanged);
        QVERIFY(bob->chat->correct(id, QStringLiteral("the answer")));
        QVERIFY(bob->chat->correct(id, QStringLiteral("the answer: 42")));
        QTRY_COMPARE_WITH_TIMEOUT(alice->texts(b, Dir::Incoming), QStringList { QStringLiteral("the answer: 42") },
                                  Timeout);
        const ChatMessage got = alice->messages(b, Dir::Incoming).first();
        QCOMPARE(got.revision, 2);
        QCOMPARE(got.path, ChatMessage::Path::PeerToPeer);
        QVERIFY(changed.size() >= 1 && changed.size() <= 2);
        QTRY_VERIFY_WITH_TIMEOUT(bob->chat->message(a, id)->state == ChatMessage::State::Delivered, Timeout);

        alice->chat->markRead(b, id);
        QTRY_COMPARE_WITH_TIMEOUT(bob->chat->message(a, id)->state, ChatMessage::State::Read, Timeout);
        QCOMPARE(bob->chat->message(a, id)->path, ChatMessage::Path::PeerToPeer);
        QCOMPARE(bob->chat->message(a, id)->text, QStringLiteral("the answer: 42"));
    }

    // Alice's messages went over the server but no receipt came back; when the chat stream
    // opens she sends them again over it: Bob shows each once, and both record the path
    // that carried it first (the server).
    void serverThenPeerToPeerShowsOnce()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString a = alice->bareJid(), b = bob->bareJid();
        auto *swallower = new ReceiptSwallower;
        alice->peer->account->client()->insertExtension(0, swallower);
        QSignalSpy bobAdded(bob->chat.get(), &ChatService::messageAdded);

        for (int i = 0; i < 10; ++i)
            alice->chat->send(b, QStringLiteral("twice %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 10, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(swallower->swallowed, 10, Timeout);
        QVERIFY(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Sent));

        QVERIFY(connectChat(*alice, *bob));
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("twice"), 0, 10));
        QCOMPARE(bobAdded.size(), 10);
        for (const ChatMessage &m : alice->messages(b, Dir::Outgoing))
            QCOMPARE(m.path, ChatMessage::Path::Server);
        for (const ChatMessage &m : bob->messages(a, Dir::Incoming))
            QCOMPARE(m.path, ChatMessage::Path::Server);

        // From now on the stream carries them.
        const QString id = alice->chat->send(b, QStringLiteral("direct"));
        QTRY_COMPARE_WITH_TIMEOUT(alice->chat->message(b, id)->state, ChatMessage::State::Delivered, Timeout);
        QCOMPARE(alice->chat->message(b, id)->path, ChatMessage::Path::PeerToPeer);
        QCOMPARE(bob->chat->message(a, id)->path, ChatMessage::Path::PeerToPeer);
    }

    // Bob was offline; when he signs in, Alice's waiting messages go over the server while the
    // session she starts at the same moment comes up, and whatever is unconfirmed then goes
    // over the chat stream too: each message shows once, in order.
    void offlineThenSessionShowsOnce()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        const QString a = alice->bareJid(), b = bob->bareJid();
        bob->peer->account->disconnectFromServer();
        QTRY_VERIFY_WITH_TIMEOUT(!alice->peer->account->contact(b)->isOnline(), Timeout);
        for (int i = 0; i < 30; ++i)
            alice->chat->send(b, QStringLiteral("waiting %1").arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(!alice->messages(b, Dir::Outgoing).last().error.isEmpty(), Timeout);
        QVERIFY(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Pending));

        QSignalSpy bobAdded(bob->chat.get(), &ChatService::messageAdded);
        QObject context;
        connect(alice->peer->account.get(), &Account::contactChanged, &context, [&](const QString &jid) {
            if (jid == b && alice->peer->account->contact(b)->isOnline())
                alice->peer->sessions->connectToContact(b);
        });
        QVERIFY(bob->peer->signIn());
        QTRY_VERIFY_WITH_TIMEOUT(alice->chat->isPeerToPeer(b) && bob->chat->isPeerToPeer(a), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 30, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("waiting"), 0, 30));
        QTest::qWait(300);
        QCOMPARE(bobAdded.size(), 30);
        // Each message records the path that carried it first.
        int viaServer = 0;
        for (const ChatMessage &got : bob->messages(a, Dir::Incoming)) {
            QVERIFY(got.path == ChatMessage::Path::Server || got.path == ChatMessage::Path::PeerToPeer);
            viaServer += got.path == ChatMessage::Path::Server ? 1 : 0;
        }
        qInfo("%d messages came over the server first, %d over the chat stream", viaServer, 30 - viaServer);
    }

    // The session ends while Alice's messages are on their way. A peer that acknowledged only
    // some of them gets the others over the server, in order; between two chat services every
    // message arrives once and in order, whichever path carried it.
    void sessionLostMidway()
    {
        auto alice = makeChatPeer();
        auto rawBob = makePlainPeer();
        QVERIFY(alice && rawBob);
        QVERIFY(makeMutualContacts(*alice->peer, *rawBob));
        const QString a = alice->bareJid(), rb = rawBob->bareJid();
        std::unique_ptr<RawChatEnd> end;
        PeerSession *session = rawSession(*rawBob, *alice, &end);
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(alice->chat->isPeerToPeer(rb), Timeout);
        QList<QXmppMessage> overServer;
        connect(rawBob->account->client(), &QXmppClient::messageReceived, alice->chat.get(),
                [&](const QXmppMessage &msg) {
                    if (!msg.body().isEmpty())
                        overServer.append(msg);
                });
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids.append(alice->chat->send(rb, QStringLiteral("midway %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(end->count(ChatFrame::Type::Message), 10, Timeout);
        for (int i = 0; i < 4; ++i)
            session->channel()->write(0, ChatFrame::ack(ids[i], 0, ChatMessage::Path::PeerToPeer).encode());
        QTRY_COMPARE_WITH_TIMEOUT(alice->chat->message(rb, ids[3])->state, ChatMessage::State::Delivered, Timeout);
        for (int i = 4; i < 10; ++i)
            QCOMPARE(alice->chat->message(rb, ids[i])->state, ChatMessage::State::Sent);
        session->hangUp();
        QTRY_COMPARE_WITH_TIMEOUT(overServer.size(), 6, Timeout);
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(overServer[i].originId(), ids[i + 4]);
            QCOMPARE(overServer[i].body(), QStringLiteral("midway %1").arg(i + 4));
            QCOMPARE(alice->chat->message(rb, ids[i + 4])->path, ChatMessage::Path::Server);
        }
        for (int i = 0; i < 4; ++i)
            QCOMPARE(alice->chat->message(rb, ids[i])->path, ChatMessage::Path::PeerToPeer);

        // Two chat services: the session is hung up right after 100 sends, 100 more follow.
        auto bob = makeChatPeer();
        QVERIFY(bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        QVERIFY(connectChat(*alice, *bob));
        const QString b = bob->bareJid();
        QSignalSpy bobAdded(bob->chat.get(), &ChatService::messageAdded);
        for (int i = 0; i < 100; ++i)
            alice->chat->send(b, QStringLiteral("cut %1").arg(i));
        alice->peer->sessions->session(b)->hangUp();
        QVERIFY(!alice->chat->isPeerToPeer(b));
        for (int i = 100; i < 200; ++i)
            alice->chat->send(b, QStringLiteral("cut %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(a, Dir::Incoming).size(), 200, Timeout);
        QCOMPARE(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("cut"), 0, 200));
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QTest::qWait(300);
        QCOMPARE(bobAdded.size(), 200);
        QCOMPARE(bob->messages(a, Dir::Incoming).last().path, ChatMessage::Path::Server);
    }

    // Mallory drives the chat stream by hand. Every malformed frame is refused with what was
    // wrong (to Bob's user and to Mallory as an error frame); the frames after it still work.
    void malformedFrames()
    {
        auto bob = makeChatPeer();
        auto mallory = makePlainPeer();
        QVERIFY(bob && mallory);
        QVERIFY(makeMutualContacts(*mallory, *bob->peer));
        const QString m = mallory->bareJid();
        std::unique_ptr<RawChatEnd> end;
        PeerSession *session = rawSession(*mallory, *bob, &end);
        QVERIFY(session);
        QTRY_COMPARE_WITH_TIMEOUT(end->count(ChatFrame::Type::Hello), 1, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(bob->chat->isPeerToPeer(m), Timeout);
        SecureChannel *channel = session->channel();
        QSignalSpy refused(bob->chat.get(), &ChatService::incomingRefused);
        QSignalSpy added(bob->chat.get(), &ChatService::messageAdded);

        const auto msg = [](const QCborValue &id, const QCborValue &text) {
            return framed(QCborMap { { QStringLiteral("t"), QStringLiteral("msg") },
                                     { QStringLiteral("id"), id },
                                     { QStringLiteral("text"), text } }
                              .toCborValue()
                              .toCbor());
        };
        QByteArray oversize(4, Qt::Uninitialized);
        qToBigEndian<quint32>(quint32(300 * 1024), oversize.data());
        oversize += QByteArray(300 * 1024, 'x');
        const QList<std::pair<QByteArray, QString>> cases = {
            { framed(QByteArray("\xff\x00garbage", 9)), QStringLiteral("not valid CBOR") },
            { framed({}), QStringLiteral("empty frame") },
            { oversize, QStringLiteral("exceeds the limit of 262144 bytes") },
            { framed(QCborValue(42).toCbor()), QStringLiteral("not a CBOR map") },
            { msg(QString(300, u'i'), QStringLiteral("x")), QStringLiteral("\"id\" must have 1 to 256 characters") },
            { msg(QStringLiteral("m1"), QString(70000, u'x')), QStringLiteral("70000 characters") },
            { msg(QStringLiteral("m1"), 5), QStringLiteral("\"text\" is missing") },
            { ChatFrame::hello().encode(), QStringLiteral("second hello") },
        };
        for (const auto &[bytes, reason] : cases) {
            const qsizetype before = refused.size();
            const int errorsBefore = end->count(ChatFrame::Type::Error);
            QVERIFY(channel->write(0, bytes));
            QTRY_COMPARE_WITH_TIMEOUT(refused.size(), before + 1, Timeout);
            const QString got = refused.last().at(2).toString();
            QVERIFY2(got.contains(reason), qPrintable(got));
            QCOMPARE(refused.last().at(0).toString(), m);
            QCOMPARE(refused.last().at(1).value<ChatMessage::Path>(), ChatMessage::Path::PeerToPeer);
            QTRY_COMPARE_WITH_TIMEOUT(end->count(ChatFrame::Type::Error), errorsBefore + 1, Timeout);
            QVERIFY(end->frames.last().text.contains(reason));
        }
        // An unknown frame type is a later version's: ignored without error.
        channel->write(0,
                       framed(QCborMap { { QStringLiteral("t"), QStringLiteral("reaction") } }.toCborValue().toCbor()));
        // A good message is stored and acknowledged; the same message again is not shown twice.
        const ChatFrame good = ChatFrame::message(QStringLiteral("good-1"), QStringLiteral("after all that"),
                                                  QDateTime::currentDateTimeUtc(), 0);
        channel->write(0, good.encode());
        channel->write(0, good.encode());
        QTRY_COMPARE_WITH_TIMEOUT(end->count(ChatFrame::Type::Ack), 2, Timeout);
        QCOMPARE(added.size(), 1);
        QCOMPARE(bob->texts(m, Dir::Incoming), QStringList { QStringLiteral("after all that") });
        QCOMPARE(bob->messages(m, Dir::Incoming).first().path, ChatMessage::Path::PeerToPeer);
        QCOMPARE(end->frames.last().id, QStringLiteral("good-1"));
        QCOMPARE(refused.size(), cases.size());
        QVERIFY(end->malformed.isEmpty()); // Bob's frames are all well-formed

        // Bob's own messages still go over the stream.
        const QString id = bob->chat->send(m, QStringLiteral("and back"));
        QTRY_VERIFY_WITH_TIMEOUT(end->count(ChatFrame::Type::Message) == 1, Timeout);
        QCOMPARE(end->frames.last().id, id);
        QCOMPARE(end->frames.last().text, QStringLiteral("and back"));
    }

    // A peer with another protocol version: Bob says so, and the chat stays on the server.
    void otherVersionFallsBackToServer()
    {
        auto bob = makeChatPeer();
        auto mallory = makePlainPeer();
        QVERIFY(bob && mallory);
        QVERIFY(makeMutualContacts(*mallory, *bob->peer));
        const QString m = mallory->bareJid();
        QSignalSpy refused(bob->chat.get(), &ChatService::incomingRefused);
        std::unique_ptr<RawChatEnd> end;
        QVERIFY(rawSession(*mallory, *bob, &end, 2));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, Timeout);
        QVERIFY(refused.first().at(2).toString().contains(QStringLiteral("version 2 is not supported")));
        QTRY_COMPARE_WITH_TIMEOUT(end->count(ChatFrame::Type::Error), 1, Timeout);
        QVERIFY(!bob->chat->isPeerToPeer(m));

        QList<QXmppMessage> got;
        connect(mallory->account->client(), &QXmppClient::messageReceived, bob->chat.get(),
                [&](const QXmppMessage &msg) { got.append(msg); });
        const QString id = bob->chat->send(m, QStringLiteral("over the server"));
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, Timeout);
        QCOMPARE(got.first().body(), QStringLiteral("over the server"));
        QCOMPARE(got.first().originId(), id);
        QCOMPARE(bob->chat->message(m, id)->path, ChatMessage::Path::Server);
        QCOMPARE(end->count(ChatFrame::Type::Message), 0);
    }

    // Last: the XMPP server goes away; the chat stream carries on both ways.
    void worksWithoutTheServer()
    {
        auto alice = makeChatPeer();
        auto bob = makeChatPeer();
        QVERIFY(alice && bob);
        QVERIFY(makeMutualContacts(*alice->peer, *bob->peer));
        QVERIFY(connectChat(*alice, *bob));
        const QString a = alice->bareJid(), b = bob->bareJid();
        m_server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(alice->peer->account->state(), Account::State::Disconnected, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(bob->peer->account->state(), Account::State::Disconnected, Timeout);
        for (int i = 0; i < 20; ++i) {
            alice->chat->send(b, QStringLiteral("serverless %1").arg(i));
            bob->chat->send(a, QStringLiteral("serverless %1").arg(i));
        }
        QTRY_COMPARE_WITH_TIMEOUT(bob->texts(a, Dir::Incoming), numbered(QStringLiteral("serverless"), 0, 20), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(alice->texts(b, Dir::Incoming), numbered(QStringLiteral("serverless"), 0, 20),
                                  Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(allInState(alice->messages(b, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(allInState(bob->messages(a, Dir::Outgoing), ChatMessage::State::Delivered), Timeout);
        for (const ChatMessage &msg : alice->chat->history(b, 0))
            QCOMPARE(msg.path, ChatMessage::Path::PeerToPeer);
    }
};

QTEST_GUILESS_MAIN(tst_ChatPeerToPeer)
#include "tst_ChatPeerToPeer.moc"
