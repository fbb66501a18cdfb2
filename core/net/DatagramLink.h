// DatagramLink: an unreliable datagram path, used on the network thread. IceAgent implements it
// over its selected pair; SecureChannel runs QUIC on top of any implementation. Tests of a single
// class may use an in-memory implementation; the real code path is always IceAgent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace Peerlink {

class DatagramLink
{
public:
    // Called on the network thread for each datagram that arrives.
    using Receiver = std::function<void(const uint8_t *data, size_t size)>;

    virtual ~DatagramLink() = default;

    // Network thread only. Sends one datagram; false when it could not be sent now (no path,
    // socket buffer full). Datagrams may be lost, duplicated or reordered.
    virtual bool sendDatagram(const uint8_t *data, size_t size) = 0;

    // Network thread only. Replaces the receiver; an empty function drops incoming datagrams.
    virtual void setDatagramReceiver(Receiver receiver) = 0;

    // Largest datagram payload the path carries without fragmentation, in bytes.
    virtual size_t maxDatagramSize() const = 0;
};

} // namespace Peerlink
