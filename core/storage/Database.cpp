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

// Entry i brings the schema from version i to i + 1: its statements run in one transaction.
// Never edit a released entry: append a new one.
using Migration = std::vector<QLatin1StringView>;
const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> steps = {
        // 0 -> 1: device fingerprints of peers, remembered on first use (several devices per peer)
        {
            QLatin1StringView("CREATE TABLE peer_devices ("
                              " account TEXT NOT NULL,"
                              " peer TEXT NOT NULL,"
                              " fingerprint BLOB NOT NULL,"
                              " first_seen INTEGER NOT NULL,"
                              " last_seen INTEGER NOT NULL,"
                              " PRIMARY KEY (account, peer, fingerprint))"),
        },
    };
    return steps;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

int Database::currentSchemaVersion()
{
    return int(migrations().size());
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
    if (!migrate()) {
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

bool Database::migrate()
{
    QSqlDatabase db = connection();
    const int from = schemaVersion();
    if (from < 0)
        return setError(QStringLiteral("Cannot read the database's schema version"), db.lastError().text());
    if (from > currentSchemaVersion())
        return setError(QStringLiteral("This history was written by a newer Peerlink (schema %1, this one knows %2)")
                            .arg(from)
                            .arg(currentSchemaVersion()),
                        QStringLiteral("update Peerlink to open it"));
    for (int version = from; version < currentSchemaVersion(); ++version) {
        if (!db.transaction())
            return setError(QStringLiteral("Cannot start a migration"), db.lastError().text());
        QSqlQuery query(db);
        for (const QLatin1StringView statement : migrations()[size_t(version)]) {
            if (!query.exec(QString(statement))) {
                const QString detail = query.lastError().text();
                db.rollback();
                return setError(QStringLiteral("Migration to schema %1 failed").arg(version + 1), detail);
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)) || !db.commit()) {
            const QString detail = db.lastError().text();
            db.rollback();
            return setError(QStringLiteral("Migration to schema %1 failed").arg(version + 1), detail);
        }
        qCInfo(lcStorage) << "database migrated to schema" << version + 1;
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
