// TransferStore: transfers survive a reopen of the database, per account, replaced by id.
#include "core/storage/Database.h"
#include "core/transfer/TransferStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

namespace {
TransferStore::Record sample(const QString &id)
{
    TransferStore::Record r;
    Transfer &t = r.transfer;
    t.id = id;
    t.direction = Transfer::Direction::Incoming;
    t.peer = u"bob@example.org"_s;
    t.name = u"Photos/2024/a.jpg"_s;
    t.size = 5'000'000'000;
    t.mediaType = u"image/jpeg"_s;
    t.modified = QDateTime(QDate(2025, 3, 14), QTime(9, 26, 53, 120), QTimeZone::UTC);
    t.sha256 = QByteArray(32, '\x42');
    t.localPath = u"/home/a/Downloads/Photos/2024/a.jpg"_s;
    t.state = Transfer::State::Interrupted;
    t.bytesDone = 1234567;
    t.resumedFrom = 1000;
    t.pausedLocally = true;
    t.pausedByPeer = false;
    t.error = u"The disk is full."_s;
    t.created = QDateTime(QDate(2025, 3, 14), QTime(9, 0), QTimeZone::UTC);
    r.contentName = u"f0123456789abcdef0123456789abcdef"_s;
    r.partPath = t.localPath + u".part"_s;
    r.accepted = true;
    r.notifyPeer = true;
    return r;
}
} // namespace

class tst_TransferStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripSurvivesReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"profile.sqlite"_s);
        const TransferStore::Record record = sample(u"r1"_s);
        {
            Database db;
            QVERIFY(db.open(path));
            TransferStore store(db, u"alice@example.org"_s);
            QVERIFY2(store.isValid(), qPrintable(store.errorString()));
            QCOMPARE(db.areaVersion(u"transfers"_s), 1);
            QVERIFY(store.save(record));
        }
        Database db;
        QVERIFY(db.open(path));
        TransferStore store(db, u"alice@example.org"_s);
        const QList<TransferStore::Record> loaded = store.load();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first(), record);
    }

    void replacesAndRemoves()
    {
        Database db;
        QVERIFY(db.open(u":memory:"_s));
        TransferStore store(db, u"alice@example.org"_s);
        TransferStore::Record record = sample(u"r1"_s);
        QVERIFY(store.save(record));
        QVERIFY(store.save(sample(u"r2"_s)));
        record.transfer.state = Transfer::State::Completed;
        record.transfer.bytesDone = record.transfer.size;
        record.transfer.modified = QDateTime();
        record.partPath.clear();
        QVERIFY(store.save(record));
        QList<TransferStore::Record> loaded = store.load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.first(), record);
        QVERIFY(store.remove(u"r2"_s));
        QVERIFY(!store.remove(u"r2"_s));
        QCOMPARE(store.load().size(), 1);
    }

    void accountsAreSeparate()
    {
        Database db;
        QVERIFY(db.open(u":memory:"_s));
        TransferStore alice(db, u"alice@example.org"_s);
        TransferStore carol(db, u"carol@example.org"_s);
        QVERIFY(alice.save(sample(u"r1"_s)));
        QVERIFY(carol.load().isEmpty());
        QVERIFY(!carol.remove(u"r1"_s));
        QCOMPARE(alice.load().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_TransferStore)
#include "tst_TransferStore.moc"
