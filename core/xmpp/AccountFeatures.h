// The service discovery (XEP-0030) features Peerlink supports beyond QXmpp's own, advertised by
// every Account through its QXmppDiscoveryManager and entity capabilities (XEP-0115). The Jingle
// code uses the same namespace strings.
#pragma once

#include <QLatin1StringView>
#include <QStringList>
#include <QXmppClientExtension.h>

namespace Peerlink {

class AccountFeatures : public QXmppClientExtension
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView Jingle { "urn:xmpp:jingle:1" }; // XEP-0166
    static constexpr QLatin1StringView JingleIceUdp { "urn:xmpp:jingle:transports:ice-udp:1" }; // XEP-0176
    static constexpr QLatin1StringView JingleDtls { "urn:xmpp:jingle:apps:dtls:0" }; // XEP-0320 <fingerprint>
    static constexpr QLatin1StringView JingleFileTransfer { "urn:xmpp:jingle:apps:file-transfer:5" }; // XEP-0234
    static constexpr QLatin1StringView Hashes { "urn:xmpp:hashes:2" }; // XEP-0300
    static constexpr QLatin1StringView HashSha256 { "urn:xmpp:hash-function-text-names:sha-256" }; // XEP-0300
    static constexpr QLatin1StringView PeerlinkChat { "urn:peerlink:jingle:chat:0" }; // our chat channel

    // All of the above, in this order.
    static QStringList jingleFeatures();

    QStringList discoveryFeatures() const override;
};

} // namespace Peerlink
