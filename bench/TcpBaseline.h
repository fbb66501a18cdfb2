// Kernel TCP baseline for the benchmarks: a bulk transfer over a plain TCP socket on the same
// link as the Peerlink measurement, so that results are ratios measured in the same run.
#pragma once

#include <QString>

#include <cstdint>

namespace Peerlink::Bench {

struct TcpResult
{
    uint64_t bytes = 0;
    double seconds = 0; // from the first byte received to the last
    QString error;
    double megabytesPerSecond() const { return seconds > 0 ? double(bytes) / 1e6 / seconds : 0; }
};

// Accepts one connection on address:port and reads until EOF.
TcpResult tcpReceive(const QString &address, uint16_t port);
// Connects to address:port and writes `bytes` bytes of pseudo-random data.
TcpResult tcpSend(const QString &address, uint16_t port, uint64_t bytes);

} // namespace Peerlink::Bench
