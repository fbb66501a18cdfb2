// XEP-0085 chat states: what a contact is doing in a conversation (typing notifications).
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace Peerlink {

enum class ChatState {
    Active, // paying attention to the conversation
    Composing, // typing
    Paused, // stopped typing for a moment
    Inactive, // not paying attention
    Gone, // left the conversation
};

// The XEP-0085 element names ("active", "composing", ...), also used on the chat stream.
inline QString chatStateName(ChatState state)
{
    switch (state) {
    case ChatState::Active:
        return QStringLiteral("active");
    case ChatState::Composing:
        return QStringLiteral("composing");
    case ChatState::Paused:
        return QStringLiteral("paused");
    case ChatState::Inactive:
        return QStringLiteral("inactive");
    case ChatState::Gone:
        return QStringLiteral("gone");
    }
    return QStringLiteral("active");
}

inline std::optional<ChatState> chatStateFromName(QStringView name)
{
    for (ChatState state :
         { ChatState::Active, ChatState::Composing, ChatState::Paused, ChatState::Inactive, ChatState::Gone }) {
        if (name == chatStateName(state))
            return state;
    }
    return std::nullopt;
}

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::ChatState)
