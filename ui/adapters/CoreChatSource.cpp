#include "ui/adapters/CoreChatSource.h"

#include "core/chat/ChatService.h"

namespace Peerlink {

CoreChatSource::CoreChatSource(ChatService &chat, QObject *parent)
    : ChatSource(parent)
    , m_chat(chat)
{
    connect(&chat, &ChatService::messageAdded, this, &ChatSource::messageAdded);
    connect(&chat, &ChatService::messageChanged, this,
            [this](const ChatMessage &message) { Q_EMIT messageChanged(message); });
    connect(&chat, &ChatService::typingChanged, this, &ChatSource::typingChanged);
    connect(&chat, &ChatService::conversationsChanged, this, &ChatSource::unreadChanged);
    connect(&chat, &ChatService::errorOccurred, this, &ChatSource::errorOccurred);
    connect(&chat, &ChatService::peerToPeerChanged, this, &ChatSource::peerToPeerChanged);
}

QString CoreChatSource::send(const QString &bareJid, const QString &text, QString *error)
{
    return m_chat.send(bareJid, text, error);
}

bool CoreChatSource::correct(const QString &messageId, const QString &newText, QString *error)
{
    return m_chat.correct(messageId, newText, error);
}

bool CoreChatSource::retry(const QString &messageId, QString *error)
{
    return m_chat.retry(messageId, error);
}

void CoreChatSource::markRead(const QString &bareJid)
{
    if (m_chat.unreadCount(bareJid) > 0)
        m_chat.markRead(bareJid);
}

void CoreChatSource::setTyping(const QString &bareJid, ChatState state)
{
    m_chat.setTyping(bareJid, state);
}

QList<ChatMessage> CoreChatSource::history(const QString &bareJid, int limit, qint64 beforeSeq) const
{
    return m_chat.history(bareJid, limit, beforeSeq);
}

int CoreChatSource::unreadCount(const QString &bareJid) const
{
    return m_chat.unreadCount(bareJid);
}

int CoreChatSource::totalUnreadCount() const
{
    int total = 0;
    const QList<ChatConversation> conversations = m_chat.conversations();
    for (const ChatConversation &conversation : conversations)
        total += conversation.unreadCount;
    return total;
}

ChatState CoreChatSource::typingState(const QString &bareJid) const
{
    return m_chat.typingState(bareJid);
}

bool CoreChatSource::isPeerToPeer(const QString &bareJid) const
{
    return m_chat.isPeerToPeer(bareJid);
}

int CoreChatSource::maxTextLength() const
{
    return ChatService::maxTextLength();
}

} // namespace Peerlink
