// JingleNamespaces: the XML namespaces of Peerlink's Jingle signalling and the features it
// advertises through service discovery (XEP-0030). See docs/protocol.md.
#pragma once

#include <QLatin1StringView>
#include <QStringList>

namespace Peerlink {

class JingleNamespaces
{
public:
    // XEP-0166 Jingle and its error conditions
    static constexpr QLatin1StringView Jingle { "urn:xmpp:jingle:1" };
    static constexpr QLatin1StringView JingleErrors { "urn:xmpp:jingle:errors:1" };
    // XEP-0176 ICE-UDP transport (Peerlink adds a 'tcptype' attribute for ICE-TCP candidates)
    static constexpr QLatin1StringView IceUdp { "urn:xmpp:jingle:transports:ice-udp:1" };
    // XEP-0320 certificate fingerprint inside the transport
    static constexpr QLatin1StringView Dtls { "urn:xmpp:jingle:apps:dtls:0" };
    // XEP-0234 file transfer, version 5, and XEP-0300 hashes
    static constexpr QLatin1StringView FileTransfer { "urn:xmpp:jingle:apps:file-transfer:5" };
    static constexpr QLatin1StringView Hashes { "urn:xmpp:hashes:2" };
    static constexpr QLatin1StringView HashSha256 { "urn:xmpp:hash-function-text-names:sha-256" };
    // Peerlink's own: the chat channel of a session, and a QUIC stream of the session's channel
    // as the transport of a file content.
    static constexpr QLatin1StringView Chat { "urn:peerlink:jingle:chat:0" };
    static constexpr QLatin1StringView QuicStream { "urn:peerlink:jingle:transports:quic-stream:0" };

    // Every namespace above that a peer must support to talk to Peerlink, for disco#info.
    static QStringList discoFeatures();
};

} // namespace Peerlink
