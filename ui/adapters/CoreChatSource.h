// CoreChatSource: the ChatSource of the real engine, over core/chat ChatService.
#pragma once

#include "ui/backend/ChatSource.h"

namespace Peerlink {

class ChatService;

class CoreChatSource : public ChatSource
{
    Q_OBJECT
public:
    // chat must outlive this object.
    explicit CoreChatSource(ChatService &chat, QObject *parent = nullptr);

    QString send(const QString &bareJid, const QString &text, QString *error) override;
    bool correct(const QString &messageId, const QString &newText, QString *error) override;
    bool retry(const QString &messageId, QString *error) override;
    void markRead(const QString &bareJid) override;
    void setTyping(const QString &bareJid, ChatState state) override;
    QList<ChatMessage> history(const QString &bareJid, int limit, qint64 beforeSeq) const override;
    int unreadCount(const QString &bareJid) const override;
    int totalUnreadCount() const override;
    ChatState typingState(const QString &bareJid) const override;
    bool isPeerToPeer(const QString &bareJid) const override;
    int maxTextLength() const override;

private:
    ChatService &m_chat;
};

} // namespace Peerlink
