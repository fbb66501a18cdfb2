#include "core/storage/Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;

namespace {
const Database::Migrations notesV1 = {
    { QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)") },
};
const Database::Migrations notesV2 = {
    notesV1[0],
    { QStringLiteral("ALTER TABLE notes ADD COLUMN author TEXT"),
      QStringLiteral("UPDATE notes SET author = 'unknown'") },
};

int count(const Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}
} // namespace

class tst_Database : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsLayoutInNewFile();
    void migratesAnAreaStepByStep();
    void failedStepRollsBack();
    void refusesNewerLayout();
    void refusesNewerArea();
    void reportsUnusableFile();
    void twoDatabasesInOneProcess();
};

void tst_Database::createsLayoutInNewFile()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("profile/history.sqlite"))), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM schema_versions")), 0);
    QCOMPARE(db.areaVersion(QStringLiteral("notes")), 0);
}

void tst_Database::migratesAnAreaStepByStep()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        Database db;
        QVERIFY(db.open(path));
        QVERIFY2(db.migrate(QStringLiteral("notes"), notesV1), qPrintable(db.errorString()));
        QCOMPARE(db.areaVersion(QStringLiteral("notes")), 1);
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO notes (body) VALUES ('kept')")));
    }
    Database db;
    QVERIFY(db.open(path));
    QVERIFY(db.migrate(QStringLiteral("notes"), notesV1)); // nothing to do
    QVERIFY2(db.migrate(QStringLiteral("notes"), notesV2), qPrintable(db.errorString()));
    QCOMPARE(db.areaVersion(QStringLiteral("notes")), 2);
    QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM notes WHERE body = 'kept' AND author = 'unknown'")), 1);
}

void tst_Database::failedStepRollsBack()
{
    Database db;
    QVERIFY(db.open(QStringLiteral(":memory:")));
    QVERIFY(db.migrate(QStringLiteral("notes"), notesV1));
    const Database::Migrations broken = {
        notesV1[0],
        { QStringLiteral("ALTER TABLE notes ADD COLUMN author TEXT"), QStringLiteral("THIS IS NOT SQL") },
    };
    QVERIFY(!db.migrate(QStringLiteral("notes"), broken));
    QVERIFY2(db.errorString().contains(QStringLiteral("notes tables to version 2")), qPrintable(db.errorString()));
    QCOMPARE(db.areaVersion(QStringLiteral("notes")), 1);
    // the half-done step left nothing behind: the column can still be added
    QVERIFY(db.migrate(QStringLiteral("notes"), notesV2));
}

void tst_Database::refusesNewerLayout()
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

void tst_Database::refusesNewerArea()
{
    Database db;
    QVERIFY(db.open(QStringLiteral(":memory:")));
    QVERIFY(db.migrate(QStringLiteral("notes"), notesV2));
    QVERIFY(!db.migrate(QStringLiteral("notes"), notesV1));
    QVERIFY2(db.errorString().contains(QStringLiteral("newer Peerlink")), qPrintable(db.errorString()));
    QCOMPARE(db.areaVersion(QStringLiteral("notes")), 2);
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
    QVERIFY(a.migrate(QStringLiteral("notes"), notesV1));
    QCOMPARE(b.areaVersion(QStringLiteral("notes")), 0);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
