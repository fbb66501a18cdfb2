// ChatService: what a user does with a contact — talk. Messages go over the peer-to-peer chat
// stream when a session with the contact is connected (per-message acknowledgements), and
// otherwise over the XMPP server as ordinary <message type='chat'/> stanzas with XEP-0184
// receipts, XEP-0333 read markers, XEP-0085 chat states and XEP-0308 corrections, so contacts
// on other XMPP clients get them too. Every outgoing message is stored first (ChatStore) and
// sent when a path exists; message ids make delivery idempotent, so a message that travelled
// both paths shows once. docs/chat.md describes the behaviour and the chat stream protocol.
//
// Main thread only (QXmpp lives there). The account, session manager and database must
// outlive the service; the account's JID (config().jid) must be set before the service is made:
// it names the history in the database.
#pragma once

#include "core/chat/ChatConversation.h"
#include "core/chat/ChatMessage.h"
#include "core/chat/ChatState.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Peerlink {

class Account;
class Database;
class SessionManager;

class ChatService : public QObject
{
    Q_OBJECT
public:
    enum class Change {
        State = 0x1, // state (and the timestamps that go with it)
        Path = 0x2,
        Text = 0x4, // a correction
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    ChatService(Account &account, SessionManager &sessions, Database &database, QObject *parent = nullptr);
    ~ChatService() override;

    // False when the chat tables could not be set up (errorString() says why); nothing works then.
    bool isValid() const;
    QString errorString() const;

    // Stores a message to a contact and sends it as soon as a path exists. Returns its id, or
    // an empty string with *error set (empty or too long text, invalid JID, database error).
    QString send(const QString &bareJid, const QString &text, QString *error = nullptr);
    // Replaces the text of one of our messages (XEP-0308); the peer gets the new text.
    bool correct(const QString &messageId, const QString &newText, QString *error = nullptr);
    // Sends a failed (or unconfirmed) message again.
    bool retry(const QString &messageId, QString *error = nullptr);
    // Marks incoming messages up to and including upToId (empty: all) read and tells the contact.
    void markRead(const QString &bareJid, const QString &upToId = {});
    // Our chat state in the conversation with bareJid (typing notifications); sent on change.
    void setTyping(const QString &bareJid, Peerlink::ChatState state);

    // The newest `limit` messages (0: all) before beforeSeq (-1: the newest), oldest first.
    QList<ChatMessage> history(const QString &bareJid, int limit = 100, qint64 beforeSeq = -1) const;
    std::optional<ChatMessage> message(const QString &bareJid, const QString &id) const;
    // Conversations, the most recently active first.
    QList<ChatConversation> conversations() const;
    int unreadCount(const QString &bareJid) const;
    // The contact's chat state (Active unless they are typing).
    ChatState typingState(const QString &bareJid) const;
    // True while a ready peer-to-peer chat stream with the contact exists.
    bool isPeerToPeer(const QString &bareJid) const;

    // Limits, the same on both paths.
    static int maxTextLength();

Q_SIGNALS:
    void messageAdded(const Peerlink::ChatMessage &message);
    void messageChanged(const Peerlink::ChatMessage &message, Peerlink::ChatService::Changes changes);
    void typingChanged(const QString &bareJid, Peerlink::ChatState state);
    void conversationsChanged();
    void peerToPeerChanged(const QString &bareJid, bool available);
    // Something from a contact (or a stranger) was refused: a message from a non-contact, an
    // oversize or malformed message, a malformed frame on the chat stream. `from` is the JID.
    void incomingRefused(const QString &from, Peerlink::ChatMessage::Path path, const QString &reason);
    // The history could not be read or written.
    void errorOccurred(const QString &message);

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink

Q_DECLARE_OPERATORS_FOR_FLAGS(Peerlink::ChatService::Changes)
