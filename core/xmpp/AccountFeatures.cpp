#include "core/xmpp/AccountFeatures.h"

#include "core/xmpp/JingleNamespaces.h"

namespace Peerlink {

QStringList AccountFeatures::jingleFeatures()
{
    return JingleNamespaces::discoFeatures();
}

QStringList AccountFeatures::discoveryFeatures() const
{
    return jingleFeatures();
}

} // namespace Peerlink
