#include "core/transfer/TransferStore.h"

#include "core/Logging.h"
#include "core/storage/Database.h"

#include <QMetaEnum>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace Peerlink {

namespace {

template<typename E> QString enumName(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

template<typename E> std::optional<E> enumValue(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<E>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? std::optional<E>(E(value)) : std::nullopt;
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

// Text columns are NOT NULL: a null QString would bind as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

} // namespace

TransferStore::TransferStore(Database &database, const QString &account)
    : m_database(database)
    , m_account(account)
{
    static const Database::Migrations steps = {
        // 1: every transfer of the account, finished ones included (the history the user sees)
        { QStringLiteral("CREATE TABLE transfers ("
                         " account TEXT NOT NULL,"
                         " id TEXT NOT NULL,"
                         " direction TEXT NOT NULL,"
                         " peer TEXT NOT NULL,"
                         " content_name TEXT NOT NULL,"
                         " name TEXT NOT NULL,"
                         " size INTEGER NOT NULL,"
                         " media_type TEXT NOT NULL,"
                         " modified INTEGER,"
                         " sha256 BLOB NOT NULL,"
                         " local_path TEXT NOT NULL,"
                         " part_path TEXT NOT NULL,"
                         " state TEXT NOT NULL,"
                         " bytes_done INTEGER NOT NULL,"
                         " resumed_from INTEGER NOT NULL,"
                         " paused_locally INTEGER NOT NULL,"
                         " paused_by_peer INTEGER NOT NULL,"
                         " accepted INTEGER NOT NULL,"
                         " notify_peer INTEGER NOT NULL,"
                         " error TEXT NOT NULL,"
                         " created INTEGER NOT NULL,"
                         " PRIMARY KEY (account, id))"),
          QStringLiteral("CREATE INDEX transfers_by_content ON transfers (account, peer, content_name)") },
    };
    m_valid = m_database.migrate(QStringLiteral("transfers"), steps);
    if (!m_valid)
        m_error = m_database.errorString();
}

QList<TransferStore::Record> TransferStore::load() const
{
    QList<Record> records;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, direction, peer, content_name, name, size, media_type, modified, sha256, local_path, part_path,"
        " state, bytes_done, resumed_from, paused_locally, paused_by_peer, accepted, notify_peer, error, created"
        " FROM transfers WHERE account = ? ORDER BY created, id"));
    query.addBindValue(m_account);
    if (!query.exec()) {
        m_error = query.lastError().text();
        qCWarning(lcTransfer) << "cannot read the transfers:" << m_error;
        return records;
    }
    while (query.next()) {
        Record r;
        Transfer &t = r.transfer;
        t.id = query.value(0).toString();
        const auto direction = enumValue<Transfer::Direction>(query.value(1).toString());
        const auto state = enumValue<Transfer::State>(query.value(11).toString());
        if (!direction || !state) {
            qCWarning(lcTransfer) << "skipping transfer" << t.id << "with an unknown direction or state";
            continue;
        }
        t.direction = *direction;
        t.peer = query.value(2).toString();
        r.contentName = query.value(3).toString();
        t.name = query.value(4).toString();
        t.size = query.value(5).toLongLong();
        t.mediaType = query.value(6).toString();
        t.modified = timeFrom(query.value(7));
        t.sha256 = query.value(8).toByteArray();
        t.localPath = query.value(9).toString();
        r.partPath = query.value(10).toString();
        t.state = *state;
        t.bytesDone = query.value(12).toLongLong();
        t.resumedFrom = query.value(13).toLongLong();
        t.pausedLocally = query.value(14).toBool();
        t.pausedByPeer = query.value(15).toBool();
        r.accepted = query.value(16).toBool();
        r.notifyPeer = query.value(17).toBool();
        t.error = query.value(18).toString();
        t.created = timeFrom(query.value(19));
        records.append(r);
    }
    return records;
}

bool TransferStore::save(const Record &r)
{
    const Transfer &t = r.transfer;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO transfers (account, id, direction, peer, content_name, name, size, media_type,"
        " modified, sha256, local_path, part_path, state, bytes_done, resumed_from, paused_locally, paused_by_peer,"
        " accepted, notify_peer, error, created)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(m_account);
    query.addBindValue(t.id);
    query.addBindValue(enumName(t.direction));
    query.addBindValue(text(t.peer));
    query.addBindValue(text(r.contentName));
    query.addBindValue(text(t.name));
    query.addBindValue(t.size);
    query.addBindValue(text(t.mediaType));
    query.addBindValue(timeValue(t.modified));
    query.addBindValue(t.sha256.isNull() ? QByteArray("") : t.sha256);
    query.addBindValue(text(t.localPath));
    query.addBindValue(text(r.partPath));
    query.addBindValue(enumName(t.state));
    query.addBindValue(t.bytesDone);
    query.addBindValue(t.resumedFrom);
    query.addBindValue(t.pausedLocally);
    query.addBindValue(t.pausedByPeer);
    query.addBindValue(r.accepted);
    query.addBindValue(r.notifyPeer);
    query.addBindValue(text(t.error));
    query.addBindValue(t.created.isValid() ? t.created.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        m_error = query.lastError().text();
        qCWarning(lcTransfer) << "cannot save transfer" << t.id << ":" << m_error;
        return false;
    }
    return true;
}

bool TransferStore::remove(const QString &id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM transfers WHERE account = ? AND id = ?"));
    query.addBindValue(m_account);
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() > 0;
}

} // namespace Peerlink
