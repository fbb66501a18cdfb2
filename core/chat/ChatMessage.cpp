#include "core/chat/ChatMessage.h"

namespace Peerlink {

QString ChatMessage::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Sent:
        return QStringLiteral("sent");
    case State::Delivered:
        return QStringLiteral("delivered");
    case State::Read:
        return QStringLiteral("read");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

QString ChatMessage::pathName(Path path)
{
    switch (path) {
    case Path::None:
        return QStringLiteral("none");
    case Path::PeerToPeer:
        return QStringLiteral("p2p");
    case Path::Server:
        return QStringLiteral("server");
    }
    return QString();
}

} // namespace Peerlink
