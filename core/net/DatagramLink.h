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

    // One datagram of a batch handed to sendDatagrams().
    struct Datagram
    {
        const uint8_t *data = nullptr;
        size_t size = 0;
    };

    virtual ~DatagramLink() = default;

    // Network thread only. Sends one datagram; false when it could not be sent now (no path,
    // socket buffer full). Datagrams may be lost, duplicated or reordered.
    virtual bool sendDatagram(const uint8_t *data, size_t size) = 0;

    // Network thread only. Sends datagrams in this order, in as few system calls as the path
    // allows (IceAgent: UDP segmentation offload or sendmmsg on a direct UDP pair). Returns how
    // many were sent, counted from the first; the others could not be sent now (socket buffer
    // full) and may be offered again later. The default sends them one by one.
    virtual size_t sendDatagrams(const Datagram *datagrams, size_t count)
    {
        for (size_t i = 0; i < count; ++i) {
            if (!sendDatagram(datagrams[i].data, datagrams[i].size))
                return i;
        }
        return count;
    }

    // Network thread only. Replaces the receiver; an empty function drops incoming datagrams.
    virtual void setDatagramReceiver(Receiver receiver) = 0;

    // Largest datagram payload the path carries without fragmentation, in bytes.
    virtual size_t maxDatagramSize() const = 0;

    // Network thread only. Largest datagram payload worth trying on the current path, at least
    // maxDatagramSize(): datagrams between the two may be lost, so a user probes for them (path
    // MTU discovery, RFC 8899) before relying on them. May change with the path.
    virtual size_t maxProbeDatagramSize() const { return maxDatagramSize(); }

    // Network thread only. Changes whenever datagrams start taking another path; what was learnt
    // about the previous one (such as its MTU) does not hold for the new one. 0: no path yet.
    virtual uint64_t pathId() const { return 0; }

    // What happened to the path: Changed, pathId() changed (another path); Restored, the same
    // path works again after an outage long enough to be noticed (ICE consent lost), so what
    // the user's loss recovery learnt meanwhile (back-off, round-trip times) does not hold.
    enum class PathEvent { Changed, Restored };
    // Called on the network thread, so that the user can start over on the path at once instead
    // of at its next send or timer.
    using PathListener = std::function<void(PathEvent)>;
    // Network thread only. Replaces the listener; an empty function removes it. A link whose
    // path never changes may ignore it.
    virtual void setPathListener(PathListener listener) { (void)listener; }
};

} // namespace Peerlink
