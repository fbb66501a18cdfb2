#include "core/chat/ChatService.h"

#include "core/Logging.h"
#include "core/chat/ChatFrame.h"
#include "core/chat/ChatLink_p.h"
#include "core/chat/ChatStanza_p.h"
#include "core/chat/ChatStore.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/xmpp/Account.h"

#include <QDomElement>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QUuid>
#include <QXmppClient.h>
#include <QXmppClientExtension.h>
#include <QXmppTask.h>
#include <QXmppUtils.h>

#include <algorithm>
#include <functional>
#include <utility>

namespace Peerlink {

namespace {

// Server sends of one message that are repeated by themselves when a connection (or the
// program) ended before the peer confirmed them.
constexpr int MaxServerAttempts = 2;
// Unconfirmed server sends older than this are not repeated after a restart.
constexpr qint64 ResendWindowMs = 10 * 60 * 1000;
constexpr qsizetype MaxJidLength = 3071;

// Receives the message stanzas of the account's client and hands them to the service.
class ChatStanzaHandler : public QXmppClientExtension
{
public:
    explicit ChatStanzaHandler(std::function<bool(const QDomElement &)> handler)
        : m_handler(std::move(handler))
    { }

    bool handleStanza(const QDomElement &stanza, const std::optional<QXmppE2eeMetadata> &) override
    {
        return stanza.tagName() == u"message" && m_handler && m_handler(stanza);
    }

private:
    std::function<bool(const QDomElement &)> m_handler;
};

QString bareOf(const QString &jid)
{
    return QXmppUtils::jidToBareJid(jid).toLower();
}

bool isValidBareJid(const QString &jid)
{
    if (jid.isEmpty() || jid.size() > MaxJidLength || jid.contains(u'/') || jid.startsWith(u'@') || jid.endsWith(u'@'))
        return false;
    for (const QChar c : jid) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

bool isTransient(const ChatStanza &s)
{
    static const QStringList conditions = {
        QStringLiteral("service-unavailable"),   QStringLiteral("recipient-unavailable"),
        QStringLiteral("remote-server-timeout"), QStringLiteral("remote-server-not-found"),
        QStringLiteral("resource-constraint"),   QStringLiteral("internal-server-error"),
    };
    return s.errorType == u"wait" || conditions.contains(s.errorCondition);
}

ChatService::Changes changesBetween(const ChatMessage &before, const ChatMessage &after)
{
    ChatService::Changes changes;
    if (before.state != after.state)
        changes |= ChatService::Change::State;
    if (before.path != after.path)
        changes |= ChatService::Change::Path;
    if (before.text != after.text || before.revision != after.revision)
        changes |= ChatService::Change::Text;
    return changes;
}

} // namespace

struct ChatService::Private
{
    ChatService *q = nullptr;
    Account &account;
    SessionManager &sessions;
    ChatStore store;
    QString ownJid;
    QPointer<ChatStanzaHandler> handler;
    QList<ChatLink *> links; // children; removed (and deleted later) when closed
    QSet<QString> online; // contacts seen online
    QHash<QString, ChatState> peerStates; // the contacts' chat states
    QHash<QString, ChatState> ownStates; // ours, per conversation, as last sent
    QSet<qint64> sentOnConnection; // server sends on the current connection, not yet confirmed
    // XEP-0198: the connection that broke had stream management. Its unacknowledged sends wait
    // for the next connection: a resumed stream retransmits them itself (sending them again
    // would deliver them twice); a new stream does not, so then they go out again.
    bool streamManagement = false;
    QSet<qint64> awaitingResume;
    Account::State accountState = Account::State::Disconnected;

    Private(ChatService *service, Account &a, SessionManager &s, Database &database)
        : q(service)
        , account(a)
        , sessions(s)
        , store(database, bareOf(a.config().jid))
        , ownJid(bareOf(a.config().jid))
    { }

    QXmppClient *client() const { return account.client(); }

    // ---- signals

    void changed(const ChatMessage &before, const std::optional<ChatMessage> &after)
    {
        if (!after)
            return;
        const Changes changes = changesBetween(before, *after);
        if (changes)
            Q_EMIT q->messageChanged(*after, changes);
    }

    void databaseError()
    {
        Q_EMIT q->errorOccurred(QStringLiteral("The chat history could not be written: %1. Check the free disk space.")
                                    .arg(store.errorString()));
    }

    void setPeerState(const QString &peer, ChatState state)
    {
        if (peerStates.value(peer, ChatState::Active) == state)
            return;
        if (state == ChatState::Active)
            peerStates.remove(peer);
        else
            peerStates.insert(peer, state);
        Q_EMIT q->typingChanged(peer, state);
    }

    // ---- paths

    ChatLink *readyLink(const QString &peer) const
    {
        for (auto it = links.crbegin(); it != links.crend(); ++it) {
            ChatLink *link = *it;
            if (link->isReady() && link->peer() == peer)
                return link;
        }
        return nullptr;
    }

    bool isOnline(const QString &peer) const
    {
        const auto contact = account.contact(peer);
        return contact && contact->isOnline();
    }

    void flushAll()
    {
        QStringList peers = store.outboxPeers();
        for (const QString &peer : store.peersWithReadMarkers()) {
            if (!peers.contains(peer))
                peers.append(peer);
        }
        for (const QString &peer : std::as_const(peers))
            flush(peer);
    }

    void flush(const QString &peer)
    {
        if (ChatLink *link = readyLink(peer))
            flushPeerToPeer(link);
        else if (account.state() == Account::State::Connected)
            flushServer(peer);
    }

    void flushPeerToPeer(ChatLink *link)
    {
        const QString peer = link->peer();
        bool anyChange = false;
        const auto outbox = store.outbox(peer);
        for (const ChatStore::OutboxEntry &entry : outbox) {
            const ChatMessage &m = entry.message;
            if (link->hasSent(m.id, m.revision))
                continue;
            if (!link->hasRoom())
                break; // the rest follows when the peer has acknowledged some (writable)
            if (!link->send(ChatFrame::message(m.id, m.text, m.timestamp, m.revision)))
                return; // the link is closing; closed() puts things back
            link->noteSent(m.id, m.revision);
            const auto after = store.recordSend(m.seq, ChatMessage::Path::PeerToPeer, m.revision);
            anyChange = anyChange || (after && after->state != m.state);
            changed(m, after);
        }
        if (const auto marker = store.pendingReadMarker(peer)) {
            if (link->isReady() && link->send(ChatFrame::read(marker->id)))
                store.setPendingReadMarker(peer, std::nullopt);
        }
        if (anyChange)
            Q_EMIT q->conversationsChanged();
    }

    void flushServer(const QString &peer)
    {
        const bool peerOnline = isOnline(peer);
        bool anyChange = false;
        const auto outbox = store.outbox(peer);
        for (const ChatStore::OutboxEntry &entry : outbox) {
            const ChatMessage &m = entry.message;
            if (m.state != ChatMessage::State::Pending && entry.revisionSent >= m.revision)
                continue; // this revision went out already; a receipt may still come
            if (entry.held && !peerOnline)
                break; // the server keeps nothing for them: wait, and keep the order
            if (account.state() != Account::State::Connected)
                break;
            anyChange = sendOverServer(entry) || anyChange;
        }
        if (const auto marker = store.pendingReadMarker(peer)) {
            if (marker->markable && account.state() == Account::State::Connected) {
                client()->send(ChatStanza::displayed(peer, marker->stanzaId.isEmpty() ? marker->id : marker->stanzaId));
            }
            store.setPendingReadMarker(peer, std::nullopt);
        }
        if (anyChange)
            Q_EMIT q->conversationsChanged();
    }

    bool sendOverServer(const ChatStore::OutboxEntry &entry)
    {
        const ChatMessage &m = entry.message;
        // A message that went out before is corrected with a new stanza (XEP-0308); one that
        // never went out is sent whole, with its current text.
        const bool correction = m.state != ChatMessage::State::Pending && entry.revisionSent >= 0;
        const QString stanzaId = correction ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m.id;
        const auto after
            = store.recordSend(m.seq, ChatMessage::Path::Server, m.revision, correction ? stanzaId : QString());
        if (!after) {
            databaseError();
            return false;
        }
        sentOnConnection.insert(m.seq);
        changed(m, after);
        const qint64 seq = m.seq;
        client()
            ->send(ChatStanza::message(m.peer, stanzaId, m.text, m.revision, correction ? m.id : QString()))
            .then(q, [this, seq](QXmpp::SendResult &&result) {
                if (const auto *success = std::get_if<QXmpp::SendSuccess>(&result)) {
                    if (success->acknowledged) // XEP-0198: the server has it, no need to send it again
                        sentOnConnection.remove(seq);
                } else if (const auto *error = std::get_if<QXmppError>(&result)) {
                    qCInfo(lcChat).noquote()
                        << "a message could not be sent over the server, kept for later:" << error->description;
                    sentOnConnection.remove(seq);
                    const auto before = store.message(seq);
                    if (before)
                        changed(*before, store.revertSend(seq));
                }
            });
        return after->state != m.state;
    }

    // The connection that carried unconfirmed server sends is gone: they may not have
    // reached the server. Peerlink peers and XEP-0359 clients drop a second copy.
    void requeueUnconfirmedServerSends()
    {
        const QSet<qint64> sent = std::exchange(sentOnConnection, {});
        QList<qint64> ordered(sent.cbegin(), sent.cend());
        std::sort(ordered.begin(), ordered.end());
        for (qint64 seq : std::as_const(ordered)) {
            const auto entry = store.outboxEntry(seq);
            if (!entry || entry->sendPath != ChatMessage::Path::Server || entry->attempts >= MaxServerAttempts)
                continue;
            const bool unconfirmed = entry->message.state == ChatMessage::State::Sent
                || (entry->revisionSent > entry->revisionDelivered
                    && (entry->message.state == ChatMessage::State::Delivered
                        || entry->message.state == ChatMessage::State::Read));
            if (unconfirmed)
                changed(entry->message, store.revertSend(seq));
        }
    }

    // ---- account

    void onAccountState(Account::State state)
    {
        const Account::State previous = std::exchange(accountState, state);
        if (state == Account::State::Connected) {
            const auto sm = client()->streamManagementState();
            sentOnConnection = std::exchange(awaitingResume, {});
            if (sm != QXmppClient::ResumedStream)
                requeueUnconfirmedServerSends(); // a new stream: what the old one lost goes again
            streamManagement = sm != QXmppClient::NoStreamManagement;
            online.clear();
            flushAll();
        } else if (previous == Account::State::Connected) {
            if (streamManagement)
                awaitingResume = std::exchange(sentOnConnection, {}); // decided on the next connection
            else
                requeueUnconfirmedServerSends();
            online.clear();
            // Typing notifications that came over the server end with the connection.
            const auto typing = peerStates.keys();
            for (const QString &peer : typing) {
                if (!readyLink(peer))
                    setPeerState(peer, ChatState::Active);
            }
            Q_EMIT q->conversationsChanged();
        }
    }

    void onContactChanged(const QString &bareJid)
    {
        const QString peer = bareJid.toLower();
        const bool nowOnline = isOnline(peer);
        const bool wasOnline = online.contains(peer);
        if (nowOnline)
            online.insert(peer);
        else
            online.remove(peer);
        if (nowOnline && !wasOnline)
            flush(peer); // held messages wait for this
    }

    void onContactsReset()
    {
        const QSet<QString> before = std::exchange(online, {});
        for (const RosterContact &contact : account.contacts()) {
            if (!contact.isOnline())
                continue;
            const QString peer = contact.bareJid.toLower();
            online.insert(peer);
            if (!before.contains(peer))
                flush(peer);
        }
    }

    // ---- sessions

    void attach(PeerSession *session)
    {
        if (!session || session->state() == PeerSession::State::Ended)
            return;
        auto *link = new ChatLink(session, q);
        links.append(link);
        QObject::connect(link, &ChatLink::ready, q, [this, link] {
            Q_EMIT q->peerToPeerChanged(link->peer(), true);
            flush(link->peer());
        });
        QObject::connect(link, &ChatLink::writable, q, [this, link] {
            if (readyLink(link->peer()) == link)
                flushPeerToPeer(link);
        });
        QObject::connect(link, &ChatLink::frameReceived, q,
                         [this, link](const ChatFrame &frame) { onFrame(link, frame); });
        QObject::connect(link, &ChatLink::protocolError, q, [this, link](const QString &error) {
            Q_EMIT q->incomingRefused(link->peer(), ChatMessage::Path::PeerToPeer, error);
        });
        QObject::connect(link, &ChatLink::closed, q, [this, link] { onLinkClosed(link); });
    }

    void onLinkClosed(ChatLink *link)
    {
        const QString peer = link->peer();
        links.removeAll(link);
        link->deleteLater();
        if (!link->wasReady() || readyLink(peer))
            return; // it never carried the chat, or another session carries it now
        // What went out on the closed stream and was not acknowledged goes out again.
        for (qint64 seq : store.unconfirmedPeerToPeerSends(peer)) {
            if (const auto before = store.message(seq))
                changed(*before, store.revertSend(seq));
        }
        if (peerStates.contains(peer))
            setPeerState(peer, ChatState::Active);
        Q_EMIT q->peerToPeerChanged(peer, false);
        flush(peer);
        Q_EMIT q->conversationsChanged();
    }

    void onFrame(ChatLink *link, const ChatFrame &frame)
    {
        const QString peer = link->peer();
        switch (frame.type) {
        case ChatFrame::Type::Message: {
            ChatStore::Incoming in;
            in.peer = peer;
            in.id = frame.id;
            in.text = frame.text;
            in.timestamp = frame.timestamp;
            in.revision = frame.revision;
            in.path = ChatMessage::Path::PeerToPeer;
            ChatMessage stored;
            if (!storeIncoming(in, &stored))
                return; // not acknowledged: the peer sends it again later
            link->send(ChatFrame::ack(stored.id, stored.revision, stored.path));
            setPeerState(peer, ChatState::Active);
            break;
        }
        case ChatFrame::Type::Ack:
            if (const auto before = store.outgoing(frame.id); before && before->peer == peer)
                changed(*before, store.confirmDelivery(peer, frame.id, frame.revision, frame.path, true));
            break;
        case ChatFrame::Type::Read:
            confirmRead(peer, frame.id);
            break;
        case ChatFrame::Type::State:
            setPeerState(peer, frame.state);
            break;
        case ChatFrame::Type::Hello:
        case ChatFrame::Type::Error:
            break; // handled by the link
        }
    }

    // ---- incoming

    bool storeIncoming(const ChatStore::Incoming &in, ChatMessage *stored)
    {
        switch (store.addIncoming(in, stored)) {
        case ChatStore::IncomingResult::Added:
            Q_EMIT q->messageAdded(*stored);
            Q_EMIT q->conversationsChanged();
            return true;
        case ChatStore::IncomingResult::Corrected:
            Q_EMIT q->messageChanged(*stored, Change::Text);
            return true;
        case ChatStore::IncomingResult::Duplicate:
            return true;
        case ChatStore::IncomingResult::Failed:
            databaseError();
            return false;
        }
        return false;
    }

    void confirmRead(const QString &peer, const QString &id)
    {
        const auto changedMessages = store.confirmRead(peer, id);
        for (const ChatMessage &m : changedMessages)
            Q_EMIT q->messageChanged(m, Change::State);
        if (!changedMessages.isEmpty())
            Q_EMIT q->conversationsChanged();
    }

    void refuse(const ChatStanza &s, QXmppStanza::Error::Type type, QXmppStanza::Error::Condition condition,
                const QString &reason)
    {
        qCWarning(lcChat).noquote() << "message from" << s.from << "refused:" << reason;
        client()->send(ChatStanza::errorReply(s.from, ChatFrame::isValidId(s.stanzaId) ? s.stanzaId : QString(), type,
                                              condition, reason));
        Q_EMIT q->incomingRefused(s.from, ChatMessage::Path::Server, reason);
    }

    bool handleStanza(const QDomElement &element)
    {
        const ChatStanza s = ChatStanza::parse(element);
        if (s.type == u"groupchat" || s.type == u"headline")
            return false;
        const QString peer = bareOf(s.from);
        if (peer.isEmpty() || peer == ownJid)
            return false;
        if (s.isError())
            return handleBounce(peer, s);
        const bool hasContent = s.hasBody || !s.receiptFor.isEmpty() || !s.displayedId.isEmpty() || s.chatState;
        if (!hasContent)
            return false; // not about chat: let other handlers see it

        // Receipts and markers only touch messages we sent to that same JID.
        if (!s.receiptFor.isEmpty()) {
            if (const auto before = store.findSent(peer, s.receiptFor)) {
                sentOnConnection.remove(before->message.seq);
                changed(before->message,
                        store.confirmDelivery(peer, s.receiptFor, -1, ChatMessage::Path::Server, false));
            }
        }
        if (!s.displayedId.isEmpty())
            confirmRead(peer, s.displayedId);

        const bool contact = account.contact(peer).has_value();
        if (!contact) {
            if (s.hasBody)
                refuse(s, QXmppStanza::Error::Cancel, QXmppStanza::Error::ServiceUnavailable,
                       QStringLiteral("%1 is not in your contacts: Peerlink accepts messages only from contacts. "
                                      "Add them to your contacts to talk.")
                           .arg(peer));
            return true;
        }
        if (s.hasBody && !s.body.trimmed().isEmpty())
            handleBody(peer, s);
        else if (s.chatState)
            setPeerState(peer, *s.chatState);
        return true;
    }

    void handleBody(const QString &peer, const ChatStanza &s)
    {
        const auto badId = [&](const QString &what, const QString &id) {
            refuse(s, QXmppStanza::Error::Modify, QXmppStanza::Error::BadRequest,
                   QStringLiteral("The message's %1 is not usable (%2 characters; 1 to %3 without control characters "
                                  "are accepted).")
                       .arg(what)
                       .arg(id.size())
                       .arg(ChatFrame::MaxIdLength));
        };
        if (!s.stanzaId.isEmpty() && !ChatFrame::isValidId(s.stanzaId))
            return badId(QStringLiteral("id"), s.stanzaId);
        if (!s.originId.isEmpty() && !ChatFrame::isValidId(s.originId))
            return badId(QStringLiteral("origin-id"), s.originId);
        if (!s.replaceId.isEmpty() && !ChatFrame::isValidId(s.replaceId))
            return badId(QStringLiteral("correction id"), s.replaceId);
        if (s.body.size() > ChatFrame::MaxTextLength)
            return refuse(s, QXmppStanza::Error::Modify, QXmppStanza::Error::NotAcceptable,
                          QStringLiteral("The message has %1 characters; Peerlink accepts at most %2. "
                                         "Send it in parts or as a file.")
                              .arg(s.body.size())
                              .arg(ChatFrame::MaxTextLength));

        ChatStore::Incoming in;
        in.peer = peer;
        in.id = s.replaceId.isEmpty() ? s.messageId() : s.replaceId;
        if (in.id.isEmpty())
            in.id = QUuid::createUuid().toString(QUuid::WithoutBraces); // no id: cannot be recognised again
        in.stanzaId = s.replaceId.isEmpty() ? s.stanzaId : QString();
        in.text = s.body;
        in.timestamp = s.delayStamp;
        in.revision = s.revision >= 0 ? s.revision : (s.replaceId.isEmpty() ? 0 : -1);
        in.path = ChatMessage::Path::Server;
        in.markable = s.markable;
        ChatMessage stored;
        if (!storeIncoming(in, &stored))
            return;
        if (s.receiptRequested && !s.stanzaId.isEmpty())
            client()->send(ChatStanza::receipt(s.from, s.stanzaId));
        setPeerState(peer, ChatState::Active);
    }

    bool handleBounce(const QString &peer, const ChatStanza &s)
    {
        const auto entry = s.stanzaId.isEmpty() ? std::nullopt : store.findSent(peer, s.stanzaId);
        if (!entry)
            return false;
        sentOnConnection.remove(entry->message.seq);
        const QString detail = s.errorText.isEmpty() ? s.errorCondition : s.errorText;
        const bool correction = s.stanzaId != entry->message.id;
        if (isTransient(s)) {
            qCInfo(lcChat).noquote() << QStringLiteral("the server could not deliver a message to %1 now (%2); it is "
                                                       "sent again when they are online")
                                            .arg(peer, detail);
            changed(entry->message,
                    store.revertSend(entry->message.seq, true,
                                     QStringLiteral("%1 could not be reached (%2); the message is sent again when "
                                                    "they are online.")
                                         .arg(peer, detail)));
        } else if (!correction && entry->message.state == ChatMessage::State::Sent) {
            changed(entry->message,
                    store.markFailed(entry->message.seq,
                                     QStringLiteral("The server refused the message (%1). Check the address, "
                                                    "then retry.")
                                         .arg(detail)));
            Q_EMIT q->conversationsChanged();
        } else {
            qCWarning(lcChat).noquote() << "the server refused a correction to" << peer << ":" << detail;
        }
        return true;
    }
};

ChatService::ChatService(Account &account, SessionManager &sessions, Database &database, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, account, sessions, database))
{
    if (!d->store.isValid()) {
        qCWarning(lcChat).noquote() << "chat is unavailable:" << d->store.errorString();
        return;
    }
    // Sends interrupted by the end of the last run: the channel is gone, and server sends
    // may not have left this machine.
    for (qint64 seq : d->store.unconfirmedPeerToPeerSends())
        d->store.revertSend(seq);
    const QDateTime since = QDateTime::currentDateTimeUtc().addMSecs(-ResendWindowMs);
    const QList<qint64> unconfirmed = d->store.unconfirmedServerSends(since, MaxServerAttempts);
    for (qint64 seq : unconfirmed)
        d->store.revertSend(seq);
    if (!unconfirmed.isEmpty())
        qCInfo(lcChat) << unconfirmed.size() << "messages sent just before the last quit are sent again";

    d->handler = new ChatStanzaHandler([this](const QDomElement &element) { return d->handleStanza(element); });
    account.client()->addExtension(d->handler);

    connect(&account, &Account::stateChanged, this, [this](Account::State state) { d->onAccountState(state); });
    connect(&account, &Account::contactChanged, this, [this](const QString &jid) { d->onContactChanged(jid); });
    connect(&account, &Account::contactsReset, this, [this] { d->onContactsReset(); });
    connect(&sessions, &SessionManager::sessionAdded, this, [this](PeerSession *session) { d->attach(session); });
    for (PeerSession *session : sessions.sessions())
        d->attach(session);

    d->accountState = account.state();
    if (d->accountState == Account::State::Connected) {
        for (const RosterContact &contact : account.contacts()) {
            if (contact.isOnline())
                d->online.insert(contact.bareJid.toLower());
        }
        // After the owner has connected its slots.
        QMetaObject::invokeMethod(this, [this] { d->flushAll(); }, Qt::QueuedConnection);
    }
}

ChatService::~ChatService()
{
    if (d->handler)
        d->account.client()->removeExtension(d->handler);
    // Links go with their parent; nothing is reverted here: the next run does it.
    for (ChatLink *link : std::as_const(d->links))
        disconnect(link, nullptr, this, nullptr);
}

bool ChatService::isValid() const
{
    return d->store.isValid();
}

QString ChatService::errorString() const
{
    return d->store.errorString();
}

int ChatService::maxTextLength()
{
    return int(ChatFrame::MaxTextLength);
}

QString ChatService::send(const QString &bareJid, const QString &text, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString peer = bareJid.trimmed().toLower();
    if (!isValid()) {
        *error = tr("The chat history is unavailable: %1").arg(errorString());
        return {};
    }
    if (!isValidBareJid(peer) || peer == d->ownJid) {
        *error = tr("\"%1\" is not a contact's address (user@domain).").arg(bareJid);
        return {};
    }
    if (text.trimmed().isEmpty()) {
        *error = tr("The message is empty.");
        return {};
    }
    if (text.size() > ChatFrame::MaxTextLength) {
        *error = tr("The message has %1 characters; at most %2 fit in one message. Send it in parts or as a file.")
                     .arg(text.size())
                     .arg(ChatFrame::MaxTextLength);
        return {};
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto stored = d->store.addOutgoing(peer, id, text, QDateTime::currentDateTimeUtc());
    if (!stored) {
        *error = tr("The message could not be stored: %1").arg(d->store.errorString());
        d->databaseError();
        return {};
    }
    d->ownStates.remove(peer); // a message says "active"
    Q_EMIT messageAdded(*stored);
    Q_EMIT conversationsChanged();
    d->flush(peer);
    return id;
}

bool ChatService::correct(const QString &messageId, const QString &newText, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const auto original = d->store.outgoing(messageId);
    if (!original) {
        *error = tr("There is no message of yours with id %1 to correct.").arg(messageId);
        return false;
    }
    if (newText.trimmed().isEmpty()) {
        *error = tr("The corrected message is empty.");
        return false;
    }
    if (newText.size() > ChatFrame::MaxTextLength) {
        *error = tr("The message has %1 characters; at most %2 fit in one message.")
                     .arg(newText.size())
                     .arg(ChatFrame::MaxTextLength);
        return false;
    }
    if (newText == original->text)
        return true;
    const auto corrected = d->store.correctOutgoing(messageId, newText, QDateTime::currentDateTimeUtc());
    if (!corrected) {
        *error = tr("The correction could not be stored: %1").arg(d->store.errorString());
        d->databaseError();
        return false;
    }
    Q_EMIT messageChanged(*corrected, Change::Text);
    d->flush(corrected->peer);
    return true;
}

bool ChatService::retry(const QString &messageId, QString *error)
{
    const auto original = d->store.outgoing(messageId);
    if (!original) {
        if (error)
            *error = tr("There is no message of yours with id %1.").arg(messageId);
        return false;
    }
    d->changed(*original, d->store.retry(original->seq));
    d->flush(original->peer);
    Q_EMIT conversationsChanged();
    return true;
}

void ChatService::markRead(const QString &bareJid, const QString &upToId)
{
    const QString peer = bareJid.toLower();
    const auto changedMessages = d->store.markIncomingRead(peer, upToId);
    if (changedMessages.isEmpty())
        return;
    for (const ChatMessage &m : changedMessages)
        Q_EMIT messageChanged(m, Change::State);
    Q_EMIT conversationsChanged();
    d->flush(peer);
}

void ChatService::setTyping(const QString &bareJid, ChatState state)
{
    const QString peer = bareJid.toLower();
    if (d->ownStates.value(peer, ChatState::Active) == state)
        return;
    if (state == ChatState::Active)
        d->ownStates.remove(peer);
    else
        d->ownStates.insert(peer, state);
    if (ChatLink *link = d->readyLink(peer))
        link->send(ChatFrame::chatState(state));
    else if (d->account.state() == Account::State::Connected && d->isOnline(peer))
        d->client()->send(ChatStanza::chatStateNotification(peer, state));
}

QList<ChatMessage> ChatService::history(const QString &bareJid, int limit, qint64 beforeSeq) const
{
    return d->store.history(bareJid.toLower(), limit, beforeSeq);
}

std::optional<ChatMessage> ChatService::message(const QString &bareJid, const QString &id) const
{
    if (const auto m = d->store.outgoing(id); m && m->peer == bareJid.toLower())
        return m;
    return d->store.incoming(bareJid.toLower(), id);
}

QList<ChatConversation> ChatService::conversations() const
{
    return d->store.conversations();
}

int ChatService::unreadCount(const QString &bareJid) const
{
    return d->store.unreadCount(bareJid.toLower());
}

ChatState ChatService::typingState(const QString &bareJid) const
{
    return d->peerStates.value(bareJid.toLower(), ChatState::Active);
}

bool ChatService::isPeerToPeer(const QString &bareJid) const
{
    return d->readyLink(bareJid.toLower()) != nullptr;
}

} // namespace Peerlink
