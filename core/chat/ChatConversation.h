// One conversation in the list of conversations (Qt types only): the contact, the newest
// message and how many incoming messages are not read yet.
#pragma once

#include "core/chat/ChatMessage.h"

#include <QMetaType>
#include <QString>

namespace Peerlink {

struct ChatConversation
{
    QString peer; // the contact's bare JID
    ChatMessage lastMessage;
    int unreadCount = 0; // incoming messages not covered by markRead()
    int pendingCount = 0; // outgoing messages still waiting for a path
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::ChatConversation)
