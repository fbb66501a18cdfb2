#include "core/storage/Database.h"
#include "core/storage/TrustStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;

class tst_TrustStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstUseThenKnownThenChanged();
    void accountsAreSeparate();
    void survivesReopen();
};

void tst_TrustStore::firstUseThenKnownThenChanged()
{
    Database db;
    QVERIFY(db.open(QStringLiteral(":memory:")));
    TrustStore trust(db, QStringLiteral("alice@example.org"));
    QVERIFY2(trust.isValid(), qPrintable(db.errorString()));
    QCOMPARE(db.areaVersion(QStringLiteral("trust")), 1);
    const QByteArray first(32, '\x11'), second(32, '\x22');
    const QString bob = QStringLiteral("bob@example.org");

    QCOMPARE(trust.check(bob, first), TrustStore::Verdict::FirstUse);
    QVERIFY(trust.remember(bob, first));
    QCOMPARE(trust.check(bob, first), TrustStore::Verdict::Known);
    QCOMPARE(trust.check(bob, second), TrustStore::Verdict::Changed);
    QVERIFY(trust.remember(bob, second)); // the user accepted a second device
    QCOMPARE(trust.check(bob, second), TrustStore::Verdict::Known);
    QCOMPARE(trust.fingerprints(bob), (QList<QByteArray> { first, second }));
    QVERIFY(trust.forget(bob, first));
    QVERIFY(!trust.forget(bob, first));
    QCOMPARE(trust.check(bob, first), TrustStore::Verdict::Changed);
}

void tst_TrustStore::accountsAreSeparate()
{
    Database db;
    QVERIFY(db.open(QStringLiteral(":memory:")));
    TrustStore alice(db, QStringLiteral("alice@example.org"));
    TrustStore carol(db, QStringLiteral("carol@example.org"));
    const QString bob = QStringLiteral("bob@example.org");
    QVERIFY(alice.remember(bob, QByteArray(32, '\x01')));
    QCOMPARE(carol.check(bob, QByteArray(32, '\x01')), TrustStore::Verdict::FirstUse);
}

void tst_TrustStore::survivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    const QString bob = QStringLiteral("bob@example.org");
    {
        Database db;
        QVERIFY(db.open(path));
        QVERIFY(TrustStore(db, QStringLiteral("a@x")).remember(bob, QByteArray(32, '\x05')));
    }
    Database db;
    QVERIFY(db.open(path));
    QCOMPARE(TrustStore(db, QStringLiteral("a@x")).check(bob, QByteArray(32, '\x05')), TrustStore::Verdict::Known);
}

QTEST_GUILESS_MAIN(tst_TrustStore)
#include "tst_TrustStore.moc"
