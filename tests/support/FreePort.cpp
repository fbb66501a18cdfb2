#include "FreePort.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QUdpSocket>

namespace Peerlink::Test {

namespace {

bool tcpFree(const QHostAddress &address, quint16 port)
{
    QTcpServer server;
    return server.listen(address, port);
}

bool udpFree(const QHostAddress &address, quint16 port)
{
    QUdpSocket socket;
    return socket.bind(address, port);
}

// Ports from a random base in the dynamic range, away from the kernel's ephemeral ports
// (32768-60999 on Linux) so that outgoing connections do not take them meanwhile.
quint16 randomPort(int count)
{
    return quint16(QRandomGenerator::global()->bounded(20000, 32000 - count));
}

} // namespace

quint16 FreePort::tcp(const QHostAddress &address)
{
    QTcpServer server;
    if (!server.listen(address, 0))
        return 0;
    return server.serverPort();
}

quint16 FreePort::udp(const QHostAddress &address)
{
    QUdpSocket socket;
    if (!socket.bind(address, 0))
        return 0;
    return socket.localPort();
}

quint16 FreePort::tcpAndUdp(const QHostAddress &address)
{
    return tcpAndUdpRange(1, address);
}

quint16 FreePort::tcpAndUdpRange(int count, const QHostAddress &address)
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const quint16 base = randomPort(count);
        bool free = true;
        for (int i = 0; i < count && free; ++i)
            free = tcpFree(address, quint16(base + i)) && udpFree(address, quint16(base + i));
        if (free)
            return base;
    }
    return 0;
}

} // namespace Peerlink::Test
