// Kernel TCP over an emulated link, for ./dev bench link: the baseline that Peerlink's file
// transfer is compared with on the same path in the same run. Unlike TcpBaseline (a fast veth),
// a lossy link can make TCP too slow to send a whole file in reasonable time, so the sender also
// stops after a time limit; the receiver measures the goodput either way.
#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>

namespace Peerlink::Bench {

struct LinkTcpOptions
{
    QString address; // receive: local address to listen on; send: the receiver's address
    uint16_t port = 47001;
    uint64_t bytes = 200'000'000; // send: stop after this many bytes ...
    double maxSeconds = 0; // ... or after this many seconds (0: no limit)
    QString congestionControl = QStringLiteral("cubic"); // send: the kernel's algorithm (TCP_CONGESTION)
    int acceptTimeoutMs = 60000; // receive: give up when no sender came
};

// Accepts one connection and reads until EOF: {"bytes", "seconds" (first to last byte), "MBps"}.
QJsonObject linkTcpReceive(const LinkTcpOptions &options);
// Connects (retrying while the receiver starts) and writes incompressible bytes until the byte
// count or the time limit is reached: {"bytes", "seconds", "cc", "time_limited"}.
QJsonObject linkTcpSend(const LinkTcpOptions &options);

} // namespace Peerlink::Bench
