// IceConfig: what an IceAgent gathers with. Plain value type, Qt types only.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace Peerlink {

struct IceConfig
{
    struct Server
    {
        enum class Transport { Udp, Tcp, Tls };

        QString host; // name or address literal
        quint16 port = 3478;
        QString username; // TURN only
        QString password; // TURN only
        Transport transport = Transport::Udp; // STUN servers are always asked over UDP
        // TURN over TLS only: PEM certificates trusted for this server besides the system's
        // certificate authorities (a private CA, or the server's own self-signed certificate).
        QByteArray trustedCertificatesPem;

        bool operator==(const Server &other) const = default;
    };

    QList<Server> stunServers; // libnice asks one STUN server: the first that resolves
    QList<Server> turnServers; // every one is asked for a relayed candidate
    bool upnp = true; // map ports on a UPnP IGD (libnice + gupnp-igd)
    bool iceTcp = true; // also gather ICE-TCP candidates (RFC 6544)
    bool ipv4 = true;
    bool ipv6 = true;
    quint16 minPort = 0; // local port range for host candidates; 0/0 = any port
    quint16 maxPort = 0;
    bool forceRelay = false; // only relayed local candidates are offered and used
    // Local addresses to gather host candidates on; empty = every interface (filtered by ipv4/ipv6).
    QList<QHostAddress> localAddresses;
    // Connectivity checks that have not found a working pair this long after the remote
    // credentials arrived fail the agent, even if the peer never signals the end of its candidates.
    int connectTimeoutMs = 30000;
    // The peer's relayed candidates are held back this long after its credentials arrived, unless
    // a direct pair works sooner: libnice would otherwise nominate a relay pair that validated
    // before a better direct one (a peer-reflexive pair through a symmetric NAT). 0: no head start.
    int relayGraceMs = 3000;

    bool operator==(const IceConfig &other) const = default;
};

} // namespace Peerlink
