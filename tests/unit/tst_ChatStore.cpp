// ChatStore on a real SQLite file: the "chat" migrations, the life of outgoing messages
// (pending, sent, delivered, read, failed, retried, corrected, reverted when a path is lost),
// incoming messages stored once whatever path brings them and however often, corrections
// applied only forward, read markers, conversations with unread counts, accounts kept apart,
// and everything still there after the file is closed and opened again.
#include "core/chat/ChatStore.h"
#include "core/storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;

namespace {
const QString Alice = QStringLiteral("alice@example.org");
const QString Bob = QStringLiteral("bob@example.org");
const QString Carol = QStringLiteral("carol@example.org");

ChatStore::Incoming incoming(const QString &id, const QString &text, ChatMessage::Path path, int revision = 0)
{
    ChatStore::Incoming in;
    in.peer = Bob;
    in.id = id;
    in.stanzaId = path == ChatMessage::Path::Server ? id : QString();
    in.text = text;
    in.revision = revision;
    in.path = path;
    return in;
}
} // namespace

class tst_ChatStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path() const
    {
        return m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1StringView(QTest::currentTestFunction())));
    }

private Q_SLOTS:
    void migratesAndReopens()
    {
        {
            Database db;
            QVERIFY2(db.open(path()), qPrintable(db.errorString()));
            ChatStore store(db, Alice);
            QVERIFY2(store.isValid(), qPrintable(store.errorString()));
            QCOMPARE(db.areaVersion(QStringLiteral("chat")), 1);
            QVERIFY(
                store.addOutgoing(Bob, QStringLiteral("o1"), QStringLiteral("first"), QDateTime::currentDateTimeUtc()));
            ChatMessage stored;
            QCOMPARE(store.addIncoming(
                         incoming(QStringLiteral("i1"), QStringLiteral("reply"), ChatMessage::Path::Server), &stored),
                     ChatStore::IncomingResult::Added);
        }
        Database db;
        QVERIFY2(db.open(path()), qPrintable(db.errorString()));
        ChatStore store(db, Alice);
        QVERIFY(store.isValid());
        const auto history = store.history(Bob, 0);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].id, QStringLiteral("o1"));
        QCOMPARE(history[0].direction, ChatMessage::Direction::Outgoing);
        QCOMPARE(history[0].state, ChatMessage::State::Pending);
        QCOMPARE(history[1].text, QStringLiteral("reply"));
        QCOMPARE(history[1].state, ChatMessage::State::Delivered);
        QCOMPARE(history[1].path, ChatMessage::Path::Server);
        QCOMPARE(store.outbox(Bob).size(), 1);
    }

    // A newer Peerlink's chat tables are refused, never downgraded.
    void refusesNewerTables()
    {
        Database db;
        QVERIFY(db.open(path()));
        QVERIFY(db.migrate(QStringLiteral("chat"),
                           { { QStringLiteral("CREATE TABLE a (x)") }, { QStringLiteral("CREATE TABLE b (x)") } }));
        ChatStore store(db, Alice);
        QVERIFY(!store.isValid());
        QVERIFY2(store.errorString().contains(QStringLiteral("newer Peerlink")), qPrintable(store.errorString()));
    }

    void outgoingLifecycle()
    {
        Database db;
        QVERIFY(db.open(path()));
        ChatStore store(db, Alice);
        const QDateTime written = QDateTime::fromMSecsSinceEpoch(1741944413000, QTimeZone::UTC);
        QList<qint64> seqs;
        for (int i = 0; i < 3; ++i) {
            const auto m
                = store.addOutgoing(Bob, QStringLiteral("o%1").arg(i), QStringLiteral("text %1").arg(i), written);
            QVERIFY(m);
            QCOMPARE(m->state, ChatMessage::State::Pending);
            QCOMPARE(m->path, ChatMessage::Path::None);
            QCOMPARE(m->timestamp, written);
            seqs.append(m->seq);
        }
        QVERIFY(seqs[0] < seqs[1] && seqs[1] < seqs[2]);
        QCOMPARE(store.outboxPeers(), QStringList { Bob });

        // Sent over the server, confirmed by a receipt.
        auto m = store.recordSend(seqs[0], ChatMessage::Path::Server, 0);
        QCOMPARE(m->state, ChatMessage::State::Sent);
        QCOMPARE(m->path, ChatMessage::Path::Server);
        m = store.confirmDelivery(Bob, QStringLiteral("o0"), -1, ChatMessage::Path::Server, false);
        QVERIFY(m);
        QCOMPARE(m->state, ChatMessage::State::Delivered);
        QVERIFY(m->receivedAt.isValid());
        // The same receipt again changes nothing visible.
        QVERIFY(!store.confirmDelivery(Bob, QStringLiteral("o0"), -1, ChatMessage::Path::Server, false));
        // A receipt "from" another JID does not touch Bob's messages.
        QVERIFY(!store.confirmDelivery(Carol, QStringLiteral("o1"), -1, ChatMessage::Path::Server, false));

        // Sent over P2P, the channel is lost before the ack: back to pending.
        store.recordSend(seqs[1], ChatMessage::Path::PeerToPeer, 0);
        QCOMPARE(store.unconfirmedPeerToPeerSends(Bob), QList<qint64> { seqs[1] });
        m = store.revertSend(seqs[1]);
        QCOMPARE(m->state, ChatMessage::State::Pending);
        QVERIFY(store.unconfirmedPeerToPeerSends(Bob).isEmpty());

        // Bounced by the server: held, then failed for good, then retried.
        store.recordSend(seqs[2], ChatMessage::Path::Server, 0);
        QVERIFY(store.findSent(Bob, QStringLiteral("o2")));
        m = store.revertSend(seqs[2], true, QStringLiteral("offline"));
        QCOMPARE(m->state, ChatMessage::State::Pending);
        QCOMPARE(m->error, QStringLiteral("offline"));
        QVERIFY(store.outboxEntry(seqs[2])->held);
        store.recordSend(seqs[2], ChatMessage::Path::Server, 0);
        QVERIFY(!store.outboxEntry(seqs[2])->held);
        QCOMPARE(store.outboxEntry(seqs[2])->attempts, 2);
        m = store.markFailed(seqs[2], QStringLiteral("refused"));
        QCOMPARE(m->state, ChatMessage::State::Failed);
        QCOMPARE(store.outbox(Bob).size(), 1); // o1 only: failed messages wait for retry()
        m = store.retry(seqs[2]);
        QCOMPARE(m->state, ChatMessage::State::Pending);
        QVERIFY(m->error.isEmpty());
        QCOMPARE(store.outboxEntry(seqs[2])->attempts, 0);

        // The P2P ack says which path delivered it first: that is the path recorded.
        store.recordSend(seqs[1], ChatMessage::Path::PeerToPeer, 0);
        m = store.confirmDelivery(Bob, QStringLiteral("o1"), 0, ChatMessage::Path::Server, true);
        QCOMPARE(m->state, ChatMessage::State::Delivered);
        QCOMPARE(m->path, ChatMessage::Path::Server);

        // Read up to o1: o0 and o1 are read; o2 (pending) is not.
        const auto read = store.confirmRead(Bob, QStringLiteral("o1"));
        QCOMPARE(read.size(), 2);
        QCOMPARE(store.message(seqs[0])->state, ChatMessage::State::Read);
        QCOMPARE(store.message(seqs[1])->state, ChatMessage::State::Read);
        QVERIFY(store.message(seqs[1])->readAt.isValid());
        QCOMPARE(store.message(seqs[2])->state, ChatMessage::State::Pending);
        QVERIFY(store.confirmRead(Carol, QStringLiteral("o2")).isEmpty());
    }

    // A correction of a delivered message is in the outbox until the peer confirms the revision.
    void corrections()
    {
        Database db;
        QVERIFY(db.open(path()));
        ChatStore store(db, Alice);
        const auto m
            = store.addOutgoing(Bob, QStringLiteral("o1"), QStringLiteral("helo"), QDateTime::currentDateTimeUtc());
        store.recordSend(m->seq, ChatMessage::Path::Server, 0);
        store.confirmDelivery(Bob, QStringLiteral("o1"), -1, ChatMessage::Path::Server, false);
        QVERIFY(store.outbox(Bob).isEmpty());

        const auto corrected
            = store.correctOutgoing(QStringLiteral("o1"), QStringLiteral("hello"), QDateTime::currentDateTimeUtc());
        QCOMPARE(corrected->text, QStringLiteral("hello"));
        QCOMPARE(corrected->revision, 1);
        QVERIFY(corrected->editedAt.isValid());
        QCOMPARE(corrected->state, ChatMessage::State::Delivered);
        auto outbox = store.outbox(Bob);
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox[0].revisionSent, 0);
        QCOMPARE(outbox[0].revisionDelivered, 0);

        // Sent as a correction stanza; its receipt carries the correction's stanza id.
        store.recordSend(m->seq, ChatMessage::Path::Server, 1, QStringLiteral("edit-1"));
        QVERIFY(store.findSent(Bob, QStringLiteral("edit-1")));
        QCOMPARE(store.unconfirmedServerSends(QDateTime::currentDateTimeUtc().addSecs(-60), 5),
                 QList<qint64> { m->seq });
        store.confirmDelivery(Bob, QStringLiteral("edit-1"), -1, ChatMessage::Path::Server, false);
        QVERIFY(store.outbox(Bob).isEmpty());
        QVERIFY(store.unconfirmedServerSends(QDateTime::currentDateTimeUtc().addSecs(-60), 5).isEmpty());
        QVERIFY(!store.correctOutgoing(QStringLiteral("nope"), QStringLiteral("x"), QDateTime::currentDateTimeUtc()));
    }

    // The same message by both paths is stored once; corrections only move forward.
    void incomingIsIdempotent()
    {
        Database db;
        QVERIFY(db.open(path()));
        ChatStore store(db, Alice);
        ChatMessage stored;
        QCOMPARE(
            store.addIncoming(incoming(QStringLiteral("i1"), QStringLiteral("hi"), ChatMessage::Path::Server), &stored),
            ChatStore::IncomingResult::Added);
        QCOMPARE(stored.path, ChatMessage::Path::Server);
        QCOMPARE(store.addIncoming(incoming(QStringLiteral("i1"), QStringLiteral("hi"), ChatMessage::Path::PeerToPeer),
                                   &stored),
                 ChatStore::IncomingResult::Duplicate);
        QCOMPARE(stored.path, ChatMessage::Path::Server); // the first path stays recorded

        // Revision 2 over P2P, then the late revision 1 over the server: 2 stays.
        QCOMPARE(store.addIncoming(
                     incoming(QStringLiteral("i1"), QStringLiteral("hi!!"), ChatMessage::Path::PeerToPeer, 2), &stored),
                 ChatStore::IncomingResult::Corrected);
        QCOMPARE(stored.revision, 2);
        QVERIFY(stored.editedAt.isValid());
        QCOMPARE(store.addIncoming(incoming(QStringLiteral("i1"), QStringLiteral("hi!"), ChatMessage::Path::Server, 1),
                                   &stored),
                 ChatStore::IncomingResult::Duplicate);
        QCOMPARE(store.incoming(Bob, QStringLiteral("i1"))->text, QStringLiteral("hi!!"));

        // A XEP-0308 correction from another client (no revision): applied once, by stanza id too.
        ChatStore::Incoming other = incoming(QStringLiteral("s9"), QStringLiteral("typo"), ChatMessage::Path::Server);
        other.id = QStringLiteral("origin-9");
        other.stanzaId = QStringLiteral("s9");
        QCOMPARE(store.addIncoming(other, &stored), ChatStore::IncomingResult::Added);
        ChatStore::Incoming fix
            = incoming(QStringLiteral("s9"), QStringLiteral("typo fixed"), ChatMessage::Path::Server, -1);
        fix.stanzaId.clear();
        QCOMPARE(store.addIncoming(fix, &stored), ChatStore::IncomingResult::Corrected);
        QCOMPARE(stored.id, QStringLiteral("origin-9"));
        QCOMPARE(stored.revision, 1);
        QCOMPARE(store.addIncoming(fix, &stored), ChatStore::IncomingResult::Duplicate);

        // A correction whose original never arrived is stored as the message.
        QCOMPARE(store.addIncoming(
                     incoming(QStringLiteral("i7"), QStringLiteral("late"), ChatMessage::Path::Server, -1), &stored),
                 ChatStore::IncomingResult::Added);
        QCOMPARE(stored.revision, 1);
        QCOMPARE(store.history(Bob, 0).size(), 3);
        // An incoming id equal to one of ours does not touch ours.
        store.addOutgoing(Bob, QStringLiteral("i1"), QStringLiteral("mine"), QDateTime::currentDateTimeUtc());
        QCOMPARE(store.outgoing(QStringLiteral("i1"))->text, QStringLiteral("mine"));
        QCOMPARE(store.incoming(Bob, QStringLiteral("i1"))->text, QStringLiteral("hi!!"));
    }

    void readMarkersAndConversations()
    {
        Database db;
        QVERIFY(db.open(path()));
        ChatStore store(db, Alice);
        ChatMessage stored;
        for (int i = 0; i < 5; ++i)
            store.addIncoming(incoming(QStringLiteral("i%1").arg(i), QStringLiteral("m"), ChatMessage::Path::Server),
                              &stored);
        ChatStore::Incoming fromCarol
            = incoming(QStringLiteral("c1"), QStringLiteral("hey"), ChatMessage::Path::PeerToPeer);
        fromCarol.peer = Carol;
        store.addIncoming(fromCarol, &stored);
        store.addOutgoing(Carol, QStringLiteral("o1"), QStringLiteral("yo"), QDateTime::currentDateTimeUtc());

        auto conversations = store.conversations();
        QCOMPARE(conversations.size(), 2);
        QCOMPARE(conversations[0].peer, Carol); // most recent first
        QCOMPARE(conversations[0].lastMessage.id, QStringLiteral("o1"));
        QCOMPARE(conversations[0].unreadCount, 1);
        QCOMPARE(conversations[0].pendingCount, 1);
        QCOMPARE(conversations[1].unreadCount, 5);

        QVERIFY(store.markIncomingRead(Bob, QStringLiteral("nope")).isEmpty());
        QCOMPARE(store.markIncomingRead(Bob, QStringLiteral("i2")).size(), 3);
        QCOMPARE(store.unreadCount(Bob), 2);
        auto marker = store.pendingReadMarker(Bob);
        QVERIFY(marker);
        QCOMPARE(marker->id, QStringLiteral("i2"));
        QCOMPARE(marker->stanzaId, QStringLiteral("i2"));
        QCOMPARE(store.peersWithReadMarkers(), QStringList { Bob });
        QCOMPARE(store.markIncomingRead(Bob, {}).size(), 2);
        QCOMPARE(store.pendingReadMarker(Bob)->id, QStringLiteral("i4"));
        QVERIFY(store.markIncomingRead(Bob, {}).isEmpty());
        QVERIFY(store.setPendingReadMarker(Bob, std::nullopt));
        QVERIFY(!store.pendingReadMarker(Bob));
        QCOMPARE(store.conversations()[1].unreadCount, 0);

        // Read up to one of our own messages: everything the contact wrote before it.
        const auto carolRead = store.markIncomingRead(Carol, QStringLiteral("o1"));
        QCOMPARE(carolRead.size(), 1);
        QCOMPARE(carolRead.first().id, QStringLiteral("c1"));
        QCOMPARE(carolRead.first().state, ChatMessage::State::Read);
        QCOMPARE(store.pendingReadMarker(Carol)->id, QStringLiteral("c1"));
        QVERIFY(store.pendingReadMarker(Carol)->stanzaId.isEmpty()); // it came over P2P
    }

    void historyPages()
    {
        Database db;
        QVERIFY(db.open(path()));
        ChatStore store(db, Alice);
        for (int i = 0; i < 25; ++i)
            store.addOutgoing(Bob, QStringLiteral("o%1").arg(i), QString::number(i), QDateTime::currentDateTimeUtc());
        const auto newest = store.history(Bob, 10);
        QCOMPARE(newest.size(), 10);
        QCOMPARE(newest.first().text, QStringLiteral("15"));
        QCOMPARE(newest.last().text, QStringLiteral("24"));
        const auto older = store.history(Bob, 10, newest.first().seq);
        QCOMPARE(older.first().text, QStringLiteral("5"));
        QCOMPARE(older.last().text, QStringLiteral("14"));
        QCOMPARE(store.history(Bob, 10, older.first().seq).size(), 5);
        QVERIFY(store.history(Carol, 10).isEmpty());
    }

    void accountsAreSeparate()
    {
        Database db;
        QVERIFY(db.open(path()));
        ChatStore alice(db, Alice);
        ChatStore carol(db, Carol);
        QVERIFY(alice.isValid() && carol.isValid());
        alice.addOutgoing(Bob, QStringLiteral("o1"), QStringLiteral("from alice"), QDateTime::currentDateTimeUtc());
        QVERIFY(carol.history(Bob, 0).isEmpty());
        QVERIFY(carol.outbox(Bob).isEmpty());
        QVERIFY(!carol.outgoing(QStringLiteral("o1")));
        QVERIFY(carol.conversations().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ChatStore)
#include "tst_ChatStore.moc"
