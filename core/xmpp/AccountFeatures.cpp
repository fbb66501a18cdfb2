#include "core/xmpp/AccountFeatures.h"

namespace Peerlink {

QStringList AccountFeatures::jingleFeatures()
{
    return { Jingle, JingleIceUdp, JingleDtls, JingleFileTransfer, Hashes, HashSha256, PeerlinkChat };
}

QStringList AccountFeatures::discoveryFeatures() const
{
    return jingleFeatures();
}

} // namespace Peerlink
