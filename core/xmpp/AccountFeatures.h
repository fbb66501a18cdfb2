// The service discovery (XEP-0030) features Peerlink supports beyond QXmpp's own, advertised by
// every Account through its QXmppDiscoveryManager and entity capabilities (XEP-0115). The list
// is the Jingle code's own (JingleNamespaces), so the two cannot drift apart.
#pragma once

#include <QLatin1StringView>
#include <QStringList>
#include <QXmppClientExtension.h>

namespace Peerlink {

class AccountFeatures : public QXmppClientExtension
{
    Q_OBJECT

public:
    // The Jingle namespaces Peerlink implements (JingleNamespaces::discoFeatures(): XEP-0166,
    // XEP-0176, XEP-0320, XEP-0234, XEP-0300 and Peerlink's chat and QUIC stream namespaces).
    static QStringList jingleFeatures();

    QStringList discoveryFeatures() const override;
};

} // namespace Peerlink
