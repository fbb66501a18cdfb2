// MessageListModel: the messages of one conversation, oldest first, as ChatMessages; kept up
// to date by ConversationView from the ChatSource's signals.
#pragma once

#include "core/chat/ChatMessage.h"

#include <QAbstractListModel>
#include <QList>

namespace Peerlink {

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        MessageRole = Qt::UserRole + 1, // the ChatMessage
        StateRole, // ChatMessage::State as int
        PathRole, // ChatMessage::Path as int
        OutgoingRole, // bool
        DayBreakRole, // bool: first message of its day (a date header goes above it)
        StatusTextRole, // "14:03 · P2P · Delivered"
    };
    Q_ENUM(Role)

    explicit MessageListModel(QObject *parent = nullptr);

    // peerName: the contact's display name (for accessible texts).
    void setMessages(const QList<ChatMessage> &messages, const QString &peerName);
    // Older messages, put in front.
    void prepend(const QList<ChatMessage> &older);
    // Adds the message, or updates it when its id is already shown.
    void upsert(const ChatMessage &message);
    void clear();

    ChatMessage message(int row) const;
    int rowOf(const QString &id) const;
    qint64 firstSeq() const;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    bool isDayBreak(int row) const;

    QList<ChatMessage> m_messages;
    QString m_peerName;
};

} // namespace Peerlink
