// Database: one SQLite file per profile, opened through QtSql, with a schema version and ordered
// migrations. Each Database owns its own named connection, so several profiles (or tests) can
// be open in one process. Main thread only; bulk file data never goes through it.
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Peerlink {

class Database
{
public:
    // The schema version this build writes. Migrations bring older files up to it.
    static int currentSchemaVersion();

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

    QSqlDatabase connection() const;

private:
    bool migrate();
    bool setError(const QString &what, const QString &detail);

    QString m_connectionName;
    QString m_error;
};

} // namespace Peerlink
