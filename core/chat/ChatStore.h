// ChatStore: the chat history of one account in the profile's SQLite database (area "chat",
// migrated with Database::migrate): every message with its direction, state, path, revision
// and timestamps, plus what the outbox needs to send each message exactly where it has not
// arrived yet. Incoming messages are unique per (peer, id), so a message that arrives twice
// (over the server and over the peer-to-peer channel) is stored once. Main thread only.
#pragma once

#include "core/chat/ChatConversation.h"
#include "core/chat/ChatMessage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Peerlink {

class Database;

class ChatStore
{
public:
    // An outgoing message with what the outbox knows about its sending.
    struct OutboxEntry
    {
        ChatMessage message;
        int revisionSent = -1; // the revision last handed to a path; -1: never sent
        int revisionDelivered = -1; // the highest revision the peer confirmed; -1: none
        ChatMessage::Path sendPath = ChatMessage::Path::None; // where it was last sent
        bool held = false; // the server bounced it: wait until the contact is online
        int attempts = 0; // server sends since it was last confirmed or retried
        QString editStanzaId; // stanza id of the last correction sent over the server
        QDateTime lastSentAt;
    };

    struct Incoming
    {
        QString peer;
        QString id; // origin-id / stanza id / frame id: what makes it unique
        QString stanzaId; // over the server: the stanza's id attribute (for chat markers)
        QString text;
        QDateTime timestamp; // sender's clock; invalid: now
        int revision = 0; // -1: a correction of unknown revision (one more than stored)
        ChatMessage::Path path = ChatMessage::Path::Server;
        bool markable = true; // XEP-0333: the sender accepts read markers for it
    };
    enum class IncomingResult { Added, Corrected, Duplicate, Failed };

    ChatStore(Database &database, const QString &account);
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    QString account() const { return m_account; }

    // History.
    std::optional<ChatMessage> message(qint64 seq) const;
    std::optional<ChatMessage> outgoing(const QString &id) const;
    std::optional<ChatMessage> incoming(const QString &peer, const QString &id) const;
    // The newest `limit` messages before `beforeSeq` (-1: the newest), oldest first.
    QList<ChatMessage> history(const QString &peer, int limit, qint64 beforeSeq = -1) const;
    QList<ChatConversation> conversations() const;
    int unreadCount(const QString &peer) const;

    // Outgoing messages.
    std::optional<ChatMessage> addOutgoing(const QString &peer, const QString &id, const QString &text,
                                           const QDateTime &timestamp);
    std::optional<ChatMessage> correctOutgoing(const QString &id, const QString &text, const QDateTime &when);
    // Messages to `peer` the peer has not confirmed (pending, sent, or with a newer
    // revision than confirmed), failed ones excepted, in conversation order.
    QList<OutboxEntry> outbox(const QString &peer) const;
    std::optional<OutboxEntry> outboxEntry(qint64 seq) const;
    // The outgoing message to `peer` sent (last) with this stanza id: its id or its last
    // correction's stanza id.
    std::optional<OutboxEntry> findSent(const QString &peer, const QString &stanzaId) const;
    QStringList outboxPeers() const;
    // Handed to a path: Pending becomes Sent; the revision and path are remembered.
    std::optional<ChatMessage> recordSend(qint64 seq, ChatMessage::Path path, int revision,
                                          const QString &editStanzaId = {});
    // The send did not (or may not have) arrived: Sent becomes Pending again and the revision
    // counts as not sent. held: wait for the contact to come online before the server retries.
    std::optional<ChatMessage> revertSend(qint64 seq, bool held = false, const QString &error = {});
    std::optional<ChatMessage> markFailed(qint64 seq, const QString &error);
    // Failed (or any unconfirmed) message back to Pending, counters reset.
    std::optional<ChatMessage> retry(qint64 seq);
    // Outgoing message (or correction, by its stanza id) confirmed by the peer. revision -1:
    // whatever was last sent with that id. authoritativePath: the peer said which path it came
    // by (otherwise the path is only set when the message was not delivered before).
    std::optional<ChatMessage> confirmDelivery(const QString &peer, const QString &id, int revision,
                                               ChatMessage::Path path, bool authoritativePath);
    // The peer read every outgoing message up to and including `id`: sent and delivered ones
    // become Read. Returns the changed messages.
    QList<ChatMessage> confirmRead(const QString &peer, const QString &id);
    // Outgoing server sends that got no confirmation, sent after `since` with fewer than
    // maxAttempts attempts: back to Pending (the connection that carried them is gone).
    QList<qint64> unconfirmedServerSends(const QDateTime &since, int maxAttempts) const;
    // Messages last handed to the peer-to-peer channel and not confirmed.
    QList<qint64> unconfirmedPeerToPeerSends(const QString &peer = {}) const;

    // Incoming messages.
    IncomingResult addIncoming(const Incoming &incoming, ChatMessage *stored);
    // Marks incoming messages up to and including `id` (empty: all) read; returns them.
    QList<ChatMessage> markIncomingRead(const QString &peer, const QString &upToId);
    // The read marker still to be reported to the peer (the newest read incoming message).
    struct ReadMarker
    {
        QString id;
        QString stanzaId;
        bool markable = true;
    };
    std::optional<ReadMarker> pendingReadMarker(const QString &peer) const;
    bool setPendingReadMarker(const QString &peer, const std::optional<ReadMarker> &marker);
    QStringList peersWithReadMarkers() const;

private:
    bool fail(const QString &what, const QString &detail) const;

    Database &m_database;
    QString m_account;
    bool m_valid = false;
    mutable QString m_error;
};

} // namespace Peerlink
