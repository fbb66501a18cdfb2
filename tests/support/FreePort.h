// FreePort: finds loopback ports that nothing listens on, for fixtures that start real servers.
// A port is only known to be free at the moment it is probed: start the server right away and
// retry with another port if it fails to bind.
#pragma once

#include <QHostAddress>

namespace Peerlink::Test {

class FreePort
{
public:
    // A port free for TCP on address (0 if none was found).
    static quint16 tcp(const QHostAddress &address = QHostAddress::LocalHost);
    // A port free for UDP on address.
    static quint16 udp(const QHostAddress &address = QHostAddress::LocalHost);
    // A port free for both TCP and UDP on address (servers such as coturn use both).
    static quint16 tcpAndUdp(const QHostAddress &address = QHostAddress::LocalHost);
    // count consecutive ports starting at a random base, all free for TCP and UDP.
    static quint16 tcpAndUdpRange(int count, const QHostAddress &address = QHostAddress::LocalHost);
};

} // namespace Peerlink::Test
