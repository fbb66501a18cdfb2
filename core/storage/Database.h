// Database: one SQLite file per profile, opened through QtSql. Each area of the engine (trust,
// chat, transfers, ...) owns its tables and brings them up to date with its own ordered
// migrations (migrate()); the version of every area is kept in the schema_versions table. Each
// Database owns its own named connection, so several profiles (or tests) can be open in one
// process. Main thread only; bulk file data never goes through it.
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace Peerlink {

class Database
{
public:
    // The version of the file layout itself (the schema_versions table); areas version their
    // own tables.
    static int currentSchemaVersion();

    // Step i brings an area from version i to i + 1; its statements run in one transaction.
    // Never edit a released step: append a new one.
    using Migrations = std::vector<QStringList>;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) the database at path and migrates it. On failure returns false
    // and errorString() says what failed; a file written by a newer Peerlink is refused, never
    // downgraded. ":memory:" opens a private in-memory database.
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString errorString() const { return m_error; }
    int schemaVersion() const;

    // Brings the tables of `area` to version steps.size(). False (errorString()) on failure, or
    // when the file holds a newer version of the area than this build knows: it is never
    // downgraded.
    bool migrate(const QString &area, const Migrations &steps);
    // The version of an area's tables in the file; 0 when it has none yet, -1 on error.
    int areaVersion(const QString &area) const;

    QSqlDatabase connection() const;

private:
    bool migrateLayout();
    bool setError(const QString &what, const QString &detail);

    QString m_connectionName;
    QString m_error;
};

} // namespace Peerlink
