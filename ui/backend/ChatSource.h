// ChatSource: conversations with contacts. Qt and core value types only; CoreChatSource adapts
// core/chat ChatService, tests use a fake.
#pragma once

#include "core/chat/ChatMessage.h"
#include "core/chat/ChatState.h"

#include <QList>
#include <QObject>
#include <QString>

namespace Peerlink {

class ChatSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Stores and sends a message; returns its id, or empty with *error set.
    virtual QString send(const QString &bareJid, const QString &text, QString *error) = 0;
    virtual bool correct(const QString &messageId, const QString &newText, QString *error) = 0;
    virtual bool retry(const QString &messageId, QString *error) = 0;
    virtual void markRead(const QString &bareJid) = 0;
    virtual void setTyping(const QString &bareJid, Peerlink::ChatState state) = 0;

    // The newest `limit` messages before beforeSeq (-1: the newest), oldest first.
    virtual QList<ChatMessage> history(const QString &bareJid, int limit, qint64 beforeSeq) const = 0;
    virtual int unreadCount(const QString &bareJid) const = 0;
    virtual int totalUnreadCount() const = 0;
    virtual ChatState typingState(const QString &bareJid) const = 0;
    // True while messages to the contact go over the peer-to-peer chat stream (else: the server).
    virtual bool isPeerToPeer(const QString &bareJid) const = 0;
    virtual int maxTextLength() const = 0;

Q_SIGNALS:
    void messageAdded(const Peerlink::ChatMessage &message);
    void messageChanged(const Peerlink::ChatMessage &message);
    void typingChanged(const QString &bareJid, Peerlink::ChatState state);
    void unreadChanged();
    void peerToPeerChanged(const QString &bareJid, bool available);
    void errorOccurred(const QString &text);
};

} // namespace Peerlink
