#include "core/storage/TrustStore.h"

#include "core/Logging.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace Peerlink {

TrustStore::TrustStore(Database &database, const QString &account)
    : m_database(database)
    , m_account(account)
{
    static const Database::Migrations steps = {
        // 1: device fingerprints of peers, remembered on first use (several devices per peer)
        { QStringLiteral("CREATE TABLE peer_devices ("
                         " account TEXT NOT NULL,"
                         " peer TEXT NOT NULL,"
                         " fingerprint BLOB NOT NULL,"
                         " first_seen INTEGER NOT NULL,"
                         " last_seen INTEGER NOT NULL,"
                         " PRIMARY KEY (account, peer, fingerprint))") },
    };
    m_valid = m_database.migrate(QStringLiteral("trust"), steps);
}

QList<QByteArray> TrustStore::fingerprints(const QString &peer) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT fingerprint FROM peer_devices WHERE account = ? AND peer = ? ORDER BY first_seen"));
    query.addBindValue(m_account);
    query.addBindValue(peer);
    QList<QByteArray> result;
    if (!query.exec()) {
        qCWarning(lcStorage) << "cannot read pinned fingerprints:" << query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(query.value(0).toByteArray());
    return result;
}

TrustStore::Verdict TrustStore::check(const QString &peer, const QByteArray &fingerprint) const
{
    const QList<QByteArray> known = fingerprints(peer);
    if (known.isEmpty())
        return Verdict::FirstUse;
    return known.contains(fingerprint) ? Verdict::Known : Verdict::Changed;
}

bool TrustStore::remember(const QString &peer, const QByteArray &fingerprint)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO peer_devices (account, peer, fingerprint, first_seen, last_seen) "
                       "VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (account, peer, fingerprint) DO UPDATE SET last_seen = excluded.last_seen"));
    query.addBindValue(m_account);
    query.addBindValue(peer);
    query.addBindValue(fingerprint);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        qCWarning(lcStorage) << "cannot remember a fingerprint:" << query.lastError().text();
        return false;
    }
    return true;
}

bool TrustStore::forget(const QString &peer, const QByteArray &fingerprint)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM peer_devices WHERE account = ? AND peer = ? AND fingerprint = ?"));
    query.addBindValue(m_account);
    query.addBindValue(peer);
    query.addBindValue(fingerprint);
    return query.exec() && query.numRowsAffected() > 0;
}

} // namespace Peerlink
