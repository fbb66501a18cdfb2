#include "core/xmpp/JingleNamespaces.h"

namespace Peerlink {

QStringList JingleNamespaces::discoFeatures()
{
    return {
        Jingle, IceUdp, Dtls, FileTransfer, Hashes, HashSha256, Chat, QuicStream,
    };
}

} // namespace Peerlink
