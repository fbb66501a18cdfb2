#include "core/storage/Database.h"

#include "core/Logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <vector>

namespace Peerlink {

namespace {

// Steps of the file layout (PRAGMA user_version). Areas keep their versions in schema_versions.
const Database::Migrations &layoutMigrations()
{
    static const Database::Migrations steps = {
        { QStringLiteral("CREATE TABLE schema_versions (area TEXT PRIMARY KEY, version INTEGER NOT NULL)") },
    };
    return steps;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

int Database::currentSchemaVersion()
{
    return int(layoutMigrations().size());
}

Database::Database()
    : m_connectionName(QStringLiteral("peerlink-db-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{ }

Database::~Database()
{
    close();
}

bool Database::open(const QString &path)
{
    close();
    m_error.clear();
    if (path != QLatin1StringView(":memory:")) {
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath()))
            return setError(QStringLiteral("Cannot create the folder %1").arg(info.absolutePath()),
                            QStringLiteral("check its permissions"));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!db.open())
            return setError(QStringLiteral("Cannot open the database %1").arg(path), db.lastError().text());
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    if (!migrateLayout()) {
        QSqlDatabase::database(m_connectionName, false).close();
        return false;
    }
    return true;
}

void Database::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Database::migrateLayout()
{
    QSqlDatabase db = connection();
    const int from = schemaVersion();
    if (from < 0)
        return setError(QStringLiteral("Cannot read the database's schema version"), db.lastError().text());
    if (from > currentSchemaVersion())
        return setError(QStringLiteral("This history was written by a newer Peerlink (layout %1, this one knows %2)")
                            .arg(from)
                            .arg(currentSchemaVersion()),
                        QStringLiteral("update Peerlink to open it"));
    for (int version = from; version < currentSchemaVersion(); ++version) {
        if (!db.transaction())
            return setError(QStringLiteral("Cannot start a migration"), db.lastError().text());
        QSqlQuery query(db);
        for (const QString &statement : layoutMigrations()[size_t(version)]) {
            if (!query.exec(statement)) {
                const QString detail = query.lastError().text();
                db.rollback();
                return setError(QStringLiteral("Migration to layout %1 failed").arg(version + 1), detail);
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)) || !db.commit()) {
            const QString detail = db.lastError().text();
            db.rollback();
            return setError(QStringLiteral("Migration to layout %1 failed").arg(version + 1), detail);
        }
    }
    return true;
}

int Database::areaVersion(const QString &area) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE area = ?"));
    query.addBindValue(area);
    if (!query.exec())
        return -1;
    return query.next() ? query.value(0).toInt() : 0;
}

bool Database::migrate(const QString &area, const Migrations &steps)
{
    QSqlDatabase db = connection();
    const int from = areaVersion(area);
    const int to = int(steps.size());
    if (from < 0)
        return setError(QStringLiteral("Cannot read the version of the %1 tables").arg(area), db.lastError().text());
    if (from > to)
        return setError(QStringLiteral("The %1 tables were written by a newer Peerlink (version %2, this one knows %3)")
                            .arg(area)
                            .arg(from)
                            .arg(to),
                        QStringLiteral("update Peerlink to open them"));
    for (int version = from; version < to; ++version) {
        if (!db.transaction())
            return setError(QStringLiteral("Cannot start a migration"), db.lastError().text());
        QSqlQuery query(db);
        bool ok = true;
        for (const QString &statement : steps[size_t(version)]) {
            if (!query.exec(statement)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            query.prepare(QStringLiteral("INSERT INTO schema_versions (area, version) VALUES (?, ?) "
                                         "ON CONFLICT (area) DO UPDATE SET version = excluded.version"));
            query.addBindValue(area);
            query.addBindValue(version + 1);
            ok = query.exec();
        }
        if (!ok || !db.commit()) {
            const QString detail
                = query.lastError().text().isEmpty() ? db.lastError().text() : query.lastError().text();
            db.rollback();
            return setError(
                QStringLiteral("Migration of the %1 tables to version %2 failed").arg(area).arg(version + 1), detail);
        }
        qCInfo(lcStorage) << area << "tables migrated to version" << version + 1;
    }
    return true;
}

bool Database::setError(const QString &what, const QString &detail)
{
    m_error = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
    qCWarning(lcStorage).noquote() << m_error;
    return false;
}

} // namespace Peerlink
