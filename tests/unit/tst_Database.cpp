#include "core/storage/Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;

class tst_Database : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsAndMigratesNewFile();
    void reopensWithoutMigratingAgain();
    void refusesNewerSchema();
    void reportsUnusableFile();
    void twoDatabasesInOneProcess();
};

void tst_Database::createsAndMigratesNewFile()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("profile/history.sqlite"))), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
    QSqlQuery query(db.connection());
    QVERIFY(
        query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'peer_devices'")));
    QVERIFY(query.next());
}

void tst_Database::reopensWithoutMigratingAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        Database db;
        QVERIFY(db.open(path));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO peer_devices VALUES ('a', 'b', x'01', 1, 1)")));
    }
    Database db;
    QVERIFY2(db.open(path), qPrintable(db.errorString()));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM peer_devices")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void tst_Database::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        Database db;
        QVERIFY(db.open(path));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::currentSchemaVersion() + 5)));
    }
    Database db;
    QVERIFY(!db.open(path));
    QVERIFY2(db.errorString().contains(QStringLiteral("newer Peerlink")), qPrintable(db.errorString()));
    QVERIFY(!db.isOpen());
}

void tst_Database::reportsUnusableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    QFile garbage(path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    Database db;
    QVERIFY(!db.open(path));
    QVERIFY(!db.errorString().isEmpty());
    // the file is left alone for the user to inspect
    QCOMPARE(QFileInfo(path).size(), 8192);
}

void tst_Database::twoDatabasesInOneProcess()
{
    Database a, b;
    QVERIFY(a.open(QStringLiteral(":memory:")));
    QVERIFY(b.open(QStringLiteral(":memory:")));
    QSqlQuery query(a.connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO peer_devices VALUES ('a', 'b', x'01', 1, 1)")));
    QSqlQuery other(b.connection());
    QVERIFY(other.exec(QStringLiteral("SELECT COUNT(*) FROM peer_devices")));
    QVERIFY(other.next());
    QCOMPARE(other.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
