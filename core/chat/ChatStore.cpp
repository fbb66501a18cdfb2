#include "core/chat/ChatStore.h"

#include "core/Logging.h"
#include "core/storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace Peerlink {

namespace {

// Stored values of the enums (never renumber: they are in users' files).
constexpr int Incoming = 0;
constexpr int Outgoing = 1;

ChatMessage::State stateFrom(int value)
{
    return value >= 0 && value <= 4 ? ChatMessage::State(value) : ChatMessage::State::Failed;
}

ChatMessage::Path pathFrom(int value)
{
    return value >= 0 && value <= 2 ? ChatMessage::Path(value) : ChatMessage::Path::None;
}

QDateTime dateTime(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::UTC);
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

const QString MessageColumns = QStringLiteral("seq, peer, direction, message_id, text, revision, state, path, "
                                              "created_at, received_at, read_at, edited_at, error");
const QString OutboxColumns = MessageColumns
    + QStringLiteral(", rev_sent, rev_delivered, send_path, held, attempts, edit_stanza_id, last_sent_at");

ChatMessage messageFrom(const QSqlQuery &q)
{
    ChatMessage m;
    m.seq = q.value(0).toLongLong();
    m.peer = q.value(1).toString();
    m.direction = q.value(2).toInt() == Outgoing ? ChatMessage::Direction::Outgoing : ChatMessage::Direction::Incoming;
    m.id = q.value(3).toString();
    m.text = q.value(4).toString();
    m.revision = q.value(5).toInt();
    m.state = stateFrom(q.value(6).toInt());
    m.path = pathFrom(q.value(7).toInt());
    m.timestamp = dateTime(q.value(8));
    m.receivedAt = dateTime(q.value(9));
    m.readAt = dateTime(q.value(10));
    m.editedAt = dateTime(q.value(11));
    m.error = q.value(12).toString();
    return m;
}

ChatStore::OutboxEntry outboxFrom(const QSqlQuery &q)
{
    ChatStore::OutboxEntry e;
    e.message = messageFrom(q);
    e.revisionSent = q.value(13).toInt();
    e.revisionDelivered = q.value(14).toInt();
    e.sendPath = pathFrom(q.value(15).toInt());
    e.held = q.value(16).toBool();
    e.attempts = q.value(17).toInt();
    e.editStanzaId = q.value(18).toString();
    e.lastSentAt = dateTime(q.value(19));
    return e;
}

const Database::Migrations &migrations()
{
    static const Database::Migrations steps = {
        // 1: messages (both directions) with their delivery bookkeeping, and read markers
        //    still to be reported.
        {
            QStringLiteral("CREATE TABLE chat_messages ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " account TEXT NOT NULL,"
                           " peer TEXT NOT NULL,"
                           " direction INTEGER NOT NULL," // 0 incoming, 1 outgoing
                           " message_id TEXT NOT NULL,"
                           " remote_stanza_id TEXT," // incoming over the server: the stanza's id
                           " text TEXT NOT NULL,"
                           " revision INTEGER NOT NULL DEFAULT 0,"
                           " state INTEGER NOT NULL," // ChatMessage::State
                           " path INTEGER NOT NULL DEFAULT 0," // ChatMessage::Path
                           " created_at INTEGER NOT NULL," // ms since 1970, sender's clock
                           " received_at INTEGER,"
                           " read_at INTEGER,"
                           " edited_at INTEGER,"
                           " error TEXT,"
                           " markable INTEGER NOT NULL DEFAULT 1,"
                           " rev_sent INTEGER NOT NULL DEFAULT -1,"
                           " rev_delivered INTEGER NOT NULL DEFAULT -1,"
                           " send_path INTEGER NOT NULL DEFAULT 0,"
                           " held INTEGER NOT NULL DEFAULT 0,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " edit_stanza_id TEXT,"
                           " last_sent_at INTEGER,"
                           " UNIQUE (account, peer, direction, message_id))"),
            QStringLiteral("CREATE INDEX chat_messages_by_id ON chat_messages (account, direction, message_id)"),
            QStringLiteral("CREATE INDEX chat_messages_by_peer ON chat_messages (account, peer, seq)"),
            QStringLiteral("CREATE INDEX chat_messages_by_state ON chat_messages (account, direction, state)"),
            QStringLiteral("CREATE TABLE chat_read_markers ("
                           " account TEXT NOT NULL,"
                           " peer TEXT NOT NULL,"
                           " message_id TEXT NOT NULL,"
                           " stanza_id TEXT,"
                           " markable INTEGER NOT NULL,"
                           " PRIMARY KEY (account, peer))"),
        },
    };
    return steps;
}

} // namespace

ChatStore::ChatStore(Database &database, const QString &account)
    : m_database(database)
    , m_account(account)
{
    m_valid = m_database.migrate(QStringLiteral("chat"), migrations());
    if (!m_valid)
        m_error = m_database.errorString();
}

bool ChatStore::fail(const QString &what, const QString &detail) const
{
    m_error = what + QStringLiteral(": ") + detail;
    qCWarning(lcChat).noquote() << "chat history:" << m_error;
    return false;
}

std::optional<ChatMessage> ChatStore::message(qint64 seq) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE seq = ? AND account = ?").arg(MessageColumns));
    q.addBindValue(seq);
    q.addBindValue(m_account);
    if (!q.exec()) {
        fail(QStringLiteral("cannot read a message"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return messageFrom(q);
}

std::optional<ChatMessage> ChatStore::outgoing(const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE account = ? AND direction = 1 AND message_id = ? "
                             "ORDER BY seq LIMIT 1")
                  .arg(MessageColumns));
    q.addBindValue(m_account);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return messageFrom(q);
}

std::optional<ChatMessage> ChatStore::incoming(const QString &peer, const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
                  "SELECT %1 FROM chat_messages WHERE account = ? AND peer = ? AND direction = 0 AND message_id = ?")
                  .arg(MessageColumns));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return messageFrom(q);
}

QList<ChatMessage> ChatStore::history(const QString &peer, int limit, qint64 beforeSeq) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE account = ? AND peer = ? AND (? < 0 OR seq < ?) "
                             "ORDER BY seq DESC LIMIT ?")
                  .arg(MessageColumns));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    q.addBindValue(beforeSeq);
    q.addBindValue(beforeSeq);
    q.addBindValue(limit > 0 ? limit : -1);
    QList<ChatMessage> result;
    if (!q.exec()) {
        fail(QStringLiteral("cannot read the history"), q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(messageFrom(q));
    std::reverse(result.begin(), result.end());
    return result;
}

QList<ChatConversation> ChatStore::conversations() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT peer, MAX(seq),"
                             " SUM(CASE WHEN direction = 0 AND state <> 3 THEN 1 ELSE 0 END),"
                             " SUM(CASE WHEN direction = 1 AND state = 0 THEN 1 ELSE 0 END)"
                             " FROM chat_messages WHERE account = ? GROUP BY peer ORDER BY MAX(seq) DESC"));
    q.addBindValue(m_account);
    QList<ChatConversation> result;
    if (!q.exec()) {
        fail(QStringLiteral("cannot list the conversations"), q.lastError().text());
        return result;
    }
    QList<qint64> last;
    while (q.next()) {
        ChatConversation c;
        c.peer = q.value(0).toString();
        last.append(q.value(1).toLongLong());
        c.unreadCount = q.value(2).toInt();
        c.pendingCount = q.value(3).toInt();
        result.append(c);
    }
    for (qsizetype i = 0; i < result.size(); ++i)
        result[i].lastMessage = message(last[i]).value_or(ChatMessage());
    return result;
}

int ChatStore::unreadCount(const QString &peer) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM chat_messages WHERE account = ? AND peer = ? AND direction = 0 AND state <> 3"));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

std::optional<ChatMessage> ChatStore::addOutgoing(const QString &peer, const QString &id, const QString &text,
                                                  const QDateTime &timestamp)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO chat_messages (account, peer, direction, message_id, text, state, created_at)"
                             " VALUES (?, ?, 1, ?, ?, 0, ?)"));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    q.addBindValue(id);
    q.addBindValue(text);
    q.addBindValue(timestamp.toMSecsSinceEpoch());
    if (!q.exec()) {
        fail(QStringLiteral("cannot store a message to %1").arg(peer), q.lastError().text());
        return std::nullopt;
    }
    return message(q.lastInsertId().toLongLong());
}

std::optional<ChatMessage> ChatStore::correctOutgoing(const QString &id, const QString &text, const QDateTime &when)
{
    const auto original = outgoing(id);
    if (!original)
        return std::nullopt;
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("UPDATE chat_messages SET text = ?, revision = revision + 1, edited_at = ? WHERE seq = ?"));
    q.addBindValue(text);
    q.addBindValue(when.toMSecsSinceEpoch());
    q.addBindValue(original->seq);
    if (!q.exec()) {
        fail(QStringLiteral("cannot store a correction"), q.lastError().text());
        return std::nullopt;
    }
    return message(original->seq);
}

QList<ChatStore::OutboxEntry> ChatStore::outbox(const QString &peer) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE account = ? AND peer = ? AND direction = 1"
                             " AND (state IN (0, 1) OR (state IN (2, 3) AND revision > rev_delivered))"
                             " ORDER BY seq")
                  .arg(OutboxColumns));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    QList<OutboxEntry> result;
    if (!q.exec()) {
        fail(QStringLiteral("cannot read the outbox"), q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(outboxFrom(q));
    return result;
}

std::optional<ChatStore::OutboxEntry> ChatStore::outboxEntry(qint64 seq) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE seq = ? AND account = ? AND direction = 1")
                  .arg(OutboxColumns));
    q.addBindValue(seq);
    q.addBindValue(m_account);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return outboxFrom(q);
}

std::optional<ChatStore::OutboxEntry> ChatStore::findSent(const QString &peer, const QString &stanzaId) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE account = ? AND peer = ? AND direction = 1"
                             " AND (message_id = ? OR edit_stanza_id = ?) ORDER BY seq LIMIT 1")
                  .arg(OutboxColumns));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    q.addBindValue(stanzaId);
    q.addBindValue(stanzaId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return outboxFrom(q);
}

QStringList ChatStore::outboxPeers() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT DISTINCT peer FROM chat_messages WHERE account = ? AND direction = 1"
                             " AND (state IN (0, 1) OR (state IN (2, 3) AND revision > rev_delivered))"));
    q.addBindValue(m_account);
    QStringList result;
    if (!q.exec()) {
        fail(QStringLiteral("cannot read the outbox"), q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(q.value(0).toString());
    return result;
}

std::optional<ChatMessage> ChatStore::recordSend(qint64 seq, ChatMessage::Path path, int revision,
                                                 const QString &editStanzaId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE chat_messages SET"
                             " state = CASE WHEN state = 0 THEN 1 ELSE state END,"
                             " path = CASE WHEN state IN (0, 1) THEN ? ELSE path END,"
                             " rev_sent = ?, send_path = ?, held = 0,"
                             " attempts = attempts + ?, last_sent_at = ?,"
                             " edit_stanza_id = COALESCE(?, edit_stanza_id), error = NULL"
                             " WHERE seq = ? AND account = ? AND direction = 1"));
    q.addBindValue(int(path));
    q.addBindValue(revision);
    q.addBindValue(int(path));
    q.addBindValue(path == ChatMessage::Path::Server ? 1 : 0);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(nullableText(editStanzaId));
    q.addBindValue(seq);
    q.addBindValue(m_account);
    if (!q.exec()) {
        fail(QStringLiteral("cannot record a sent message"), q.lastError().text());
        return std::nullopt;
    }
    return message(seq);
}

std::optional<ChatMessage> ChatStore::revertSend(qint64 seq, bool held, const QString &error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE chat_messages SET"
                             " state = CASE WHEN state = 1 THEN 0 ELSE state END,"
                             " rev_sent = CASE WHEN state = 1 THEN -1 ELSE MIN(rev_sent, rev_delivered) END,"
                             " held = ?, error = ?"
                             " WHERE seq = ? AND account = ? AND direction = 1 AND state <> 4"));
    q.addBindValue(held ? 1 : 0);
    q.addBindValue(nullableText(error));
    q.addBindValue(seq);
    q.addBindValue(m_account);
    if (!q.exec()) {
        fail(QStringLiteral("cannot put a message back into the outbox"), q.lastError().text());
        return std::nullopt;
    }
    return message(seq);
}

std::optional<ChatMessage> ChatStore::markFailed(qint64 seq, const QString &error)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "UPDATE chat_messages SET state = 4, error = ?, held = 0 WHERE seq = ? AND account = ? AND direction = 1"));
    q.addBindValue(error);
    q.addBindValue(seq);
    q.addBindValue(m_account);
    if (!q.exec()) {
        fail(QStringLiteral("cannot record a failed message"), q.lastError().text());
        return std::nullopt;
    }
    return message(seq);
}

std::optional<ChatMessage> ChatStore::retry(qint64 seq)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE chat_messages SET"
                             " state = CASE WHEN state IN (1, 4) THEN 0 ELSE state END,"
                             " rev_sent = CASE WHEN state IN (0, 1, 4) THEN -1 ELSE rev_delivered END,"
                             " held = 0, attempts = 0, error = NULL"
                             " WHERE seq = ? AND account = ? AND direction = 1"));
    q.addBindValue(seq);
    q.addBindValue(m_account);
    if (!q.exec()) {
        fail(QStringLiteral("cannot retry a message"), q.lastError().text());
        return std::nullopt;
    }
    return message(seq);
}

std::optional<ChatMessage> ChatStore::confirmDelivery(const QString &peer, const QString &id, int revision,
                                                      ChatMessage::Path path, bool authoritativePath)
{
    const auto found = findSent(peer, id);
    if (!found)
        return std::nullopt;
    const OutboxEntry &before = *found;
    int confirmed = revision;
    if (confirmed < 0) {
        if (id == before.editStanzaId && id != before.message.id)
            confirmed = before.revisionSent;
        else
            confirmed = before.editStanzaId.isEmpty() ? before.revisionSent : 0;
    }
    confirmed = std::clamp(confirmed, 0, before.message.revision);

    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE chat_messages SET"
                             " state = CASE WHEN state IN (0, 1, 4) THEN 2 ELSE state END,"
                             " path = CASE WHEN ? OR state IN (0, 1, 4) THEN ? ELSE path END,"
                             " rev_delivered = MAX(rev_delivered, ?), rev_sent = MAX(rev_sent, ?),"
                             " received_at = COALESCE(received_at, ?), held = 0, error = NULL"
                             " WHERE seq = ?"));
    q.addBindValue(authoritativePath ? 1 : 0);
    q.addBindValue(int(path));
    q.addBindValue(confirmed);
    q.addBindValue(confirmed);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(before.message.seq);
    if (!q.exec()) {
        fail(QStringLiteral("cannot record a delivery"), q.lastError().text());
        return std::nullopt;
    }
    const auto after = message(before.message.seq);
    if (!after || (after->state == before.message.state && after->path == before.message.path))
        return std::nullopt;
    return after;
}

QList<ChatMessage> ChatStore::confirmRead(const QString &peer, const QString &id)
{
    QList<ChatMessage> changed;
    const auto upTo = outgoing(id);
    if (!upTo || upTo->peer != peer)
        return changed;
    QSqlQuery select(m_database.connection());
    select.prepare(QStringLiteral("SELECT seq FROM chat_messages WHERE account = ? AND peer = ? AND direction = 1"
                                  " AND seq <= ? AND state IN (1, 2) ORDER BY seq"));
    select.addBindValue(m_account);
    select.addBindValue(peer);
    select.addBindValue(upTo->seq);
    if (!select.exec()) {
        fail(QStringLiteral("cannot read messages"), select.lastError().text());
        return changed;
    }
    QList<qint64> seqs;
    while (select.next())
        seqs.append(select.value(0).toLongLong());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 seq : std::as_const(seqs)) {
        QSqlQuery q(m_database.connection());
        q.prepare(
            QStringLiteral("UPDATE chat_messages SET state = 3, read_at = ?, received_at = COALESCE(received_at, ?),"
                           " rev_delivered = MAX(rev_delivered, 0), rev_sent = MAX(rev_sent, 0)"
                           " WHERE seq = ?"));
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(seq);
        if (!q.exec()) {
            fail(QStringLiteral("cannot record a read message"), q.lastError().text());
            break;
        }
        if (const auto m = message(seq))
            changed.append(*m);
    }
    return changed;
}

QList<qint64> ChatStore::unconfirmedServerSends(const QDateTime &since, int maxAttempts) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT seq FROM chat_messages WHERE account = ? AND direction = 1 AND send_path = 2"
                             " AND (state = 1 OR (state IN (2, 3) AND rev_sent > rev_delivered))"
                             " AND attempts < ? AND last_sent_at >= ? ORDER BY seq"));
    q.addBindValue(m_account);
    q.addBindValue(maxAttempts);
    q.addBindValue(since.toMSecsSinceEpoch());
    QList<qint64> result;
    if (!q.exec()) {
        fail(QStringLiteral("cannot read the outbox"), q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
}

QList<qint64> ChatStore::unconfirmedPeerToPeerSends(const QString &peer) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT seq FROM chat_messages WHERE account = ? AND direction = 1 AND send_path = 1"
                             " AND (state = 1 OR (state IN (2, 3) AND rev_sent > rev_delivered))"
                             " AND (? = '' OR peer = ?) ORDER BY seq"));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    q.addBindValue(peer);
    QList<qint64> result;
    if (!q.exec()) {
        fail(QStringLiteral("cannot read the outbox"), q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
}

ChatStore::IncomingResult ChatStore::addIncoming(const Incoming &in, ChatMessage *stored)
{
    std::optional<ChatMessage> existing = incoming(in.peer, in.id);
    if (!existing && in.path == ChatMessage::Path::Server) {
        // A correction may name the original by its stanza id rather than its origin-id.
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE account = ? AND peer = ? AND direction = 0"
                                 " AND remote_stanza_id = ? ORDER BY seq LIMIT 1")
                      .arg(MessageColumns));
        q.addBindValue(m_account);
        q.addBindValue(in.peer);
        q.addBindValue(in.id);
        if (q.exec() && q.next())
            existing = messageFrom(q);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (existing) {
        int revision = in.revision;
        if (revision < 0)
            revision = in.text == existing->text ? existing->revision : existing->revision + 1;
        if (revision <= existing->revision) {
            if (stored)
                *stored = *existing;
            return IncomingResult::Duplicate;
        }
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("UPDATE chat_messages SET text = ?, revision = ?, edited_at = ? WHERE seq = ?"));
        q.addBindValue(in.text);
        q.addBindValue(revision);
        q.addBindValue(now);
        q.addBindValue(existing->seq);
        if (!q.exec()) {
            fail(QStringLiteral("cannot store a correction from %1").arg(in.peer), q.lastError().text());
            return IncomingResult::Failed;
        }
        if (stored)
            *stored = message(existing->seq).value_or(*existing);
        return IncomingResult::Corrected;
    }

    const int revision = in.revision < 0 ? 1 : in.revision;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO chat_messages (account, peer, direction, message_id, remote_stanza_id, text,"
                             " revision, state, path, created_at, received_at, edited_at, markable)"
                             " VALUES (?, ?, 0, ?, ?, ?, ?, 2, ?, ?, ?, ?, ?)"));
    q.addBindValue(m_account);
    q.addBindValue(in.peer);
    q.addBindValue(in.id);
    q.addBindValue(nullableText(in.stanzaId));
    q.addBindValue(in.text);
    q.addBindValue(revision);
    q.addBindValue(int(in.path));
    q.addBindValue(in.timestamp.isValid() ? in.timestamp.toMSecsSinceEpoch() : now);
    q.addBindValue(now);
    q.addBindValue(revision > 0 ? QVariant(now) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(in.markable ? 1 : 0);
    if (!q.exec()) {
        fail(QStringLiteral("cannot store a message from %1").arg(in.peer), q.lastError().text());
        return IncomingResult::Failed;
    }
    if (stored)
        *stored = message(q.lastInsertId().toLongLong()).value_or(ChatMessage());
    return IncomingResult::Added;
}

QList<ChatMessage> ChatStore::markIncomingRead(const QString &peer, const QString &upToId)
{
    QList<ChatMessage> changed;
    qint64 upTo = -1;
    {
        QSqlQuery q(m_database.connection());
        if (upToId.isEmpty()) {
            q.prepare(
                QStringLiteral("SELECT MAX(seq) FROM chat_messages WHERE account = ? AND peer = ? AND direction = 0"));
            q.addBindValue(m_account);
            q.addBindValue(peer);
        } else {
            // Up to an incoming message, or to one of ours (everything before it).
            q.prepare(QStringLiteral("SELECT seq FROM chat_messages WHERE account = ? AND peer = ? AND message_id = ?"
                                     " ORDER BY direction LIMIT 1"));
            q.addBindValue(m_account);
            q.addBindValue(peer);
            q.addBindValue(upToId);
        }
        if (!q.exec() || !q.next() || q.value(0).isNull())
            return changed;
        upTo = q.value(0).toLongLong();
    }
    QSqlQuery select(m_database.connection());
    select.prepare(QStringLiteral("SELECT seq FROM chat_messages WHERE account = ? AND peer = ? AND direction = 0"
                                  " AND seq <= ? AND state <> 3 ORDER BY seq"));
    select.addBindValue(m_account);
    select.addBindValue(peer);
    select.addBindValue(upTo);
    if (!select.exec()) {
        fail(QStringLiteral("cannot read messages"), select.lastError().text());
        return changed;
    }
    QList<qint64> seqs;
    while (select.next())
        seqs.append(select.value(0).toLongLong());
    if (seqs.isEmpty())
        return changed;
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE chat_messages SET state = 3, read_at = ? WHERE account = ? AND peer = ?"
                                  " AND direction = 0 AND seq <= ? AND state <> 3"));
    update.addBindValue(QDateTime::currentMSecsSinceEpoch());
    update.addBindValue(m_account);
    update.addBindValue(peer);
    update.addBindValue(upTo);
    if (!update.exec()) {
        fail(QStringLiteral("cannot mark messages read"), update.lastError().text());
        return changed;
    }
    for (qint64 seq : std::as_const(seqs)) {
        if (const auto m = message(seq))
            changed.append(*m);
    }
    // The newest message read is what the peer is told about.
    QSqlQuery marker(m_database.connection());
    marker.prepare(QStringLiteral("SELECT message_id, remote_stanza_id, markable FROM chat_messages WHERE account = ?"
                                  " AND peer = ? AND direction = 0 AND seq <= ? ORDER BY seq DESC LIMIT 1"));
    marker.addBindValue(m_account);
    marker.addBindValue(peer);
    marker.addBindValue(upTo);
    if (marker.exec() && marker.next())
        setPendingReadMarker(
            peer, ReadMarker { marker.value(0).toString(), marker.value(1).toString(), marker.value(2).toBool() });
    return changed;
}

std::optional<ChatStore::ReadMarker> ChatStore::pendingReadMarker(const QString &peer) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(
        QStringLiteral("SELECT message_id, stanza_id, markable FROM chat_read_markers WHERE account = ? AND peer = ?"));
    q.addBindValue(m_account);
    q.addBindValue(peer);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return ReadMarker { q.value(0).toString(), q.value(1).toString(), q.value(2).toBool() };
}

bool ChatStore::setPendingReadMarker(const QString &peer, const std::optional<ReadMarker> &marker)
{
    QSqlQuery q(m_database.connection());
    if (marker) {
        q.prepare(QStringLiteral("INSERT INTO chat_read_markers (account, peer, message_id, stanza_id, markable)"
                                 " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, peer) DO UPDATE SET"
                                 " message_id = excluded.message_id, stanza_id = excluded.stanza_id,"
                                 " markable = excluded.markable"));
        q.addBindValue(m_account);
        q.addBindValue(peer);
        q.addBindValue(marker->id);
        q.addBindValue(nullableText(marker->stanzaId));
        q.addBindValue(marker->markable ? 1 : 0);
    } else {
        q.prepare(QStringLiteral("DELETE FROM chat_read_markers WHERE account = ? AND peer = ?"));
        q.addBindValue(m_account);
        q.addBindValue(peer);
    }
    if (!q.exec())
        return fail(QStringLiteral("cannot store a read marker"), q.lastError().text());
    return true;
}

QStringList ChatStore::peersWithReadMarkers() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT peer FROM chat_read_markers WHERE account = ?"));
    q.addBindValue(m_account);
    QStringList result;
    if (q.exec()) {
        while (q.next())
            result.append(q.value(0).toString());
    }
    return result;
}

} // namespace Peerlink
