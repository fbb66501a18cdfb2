// UdpDatagramLink: a DatagramLink over a connected UDP socket, for the channel benchmark only
// (the product's path is IceAgent). A reader thread receives datagrams in batches (recvmmsg) and
// hands each batch to the network thread in one task; batches are sent as IceAgent sends them on
// a direct pair (equal-sized datagrams in one sendmsg with UDP_SEGMENT).
#pragma once

#include "core/net/DatagramLink.h"
#include "core/net/NetworkThread.h"

#include <netinet/in.h>
#include <netinet/udp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

namespace Peerlink::Bench {

class UdpDatagramLink final : public DatagramLink
{
public:
    static constexpr size_t MaxSize = 1472; // Ethernet MTU minus IPv4 and UDP headers

    // Takes ownership of fd, a UDP socket already connected to the peer.
    UdpDatagramLink(NetworkThread &net, int fd)
        : m_net(net)
        , m_fd(fd)
        , m_state(std::make_shared<State>())
    {
        m_reader = std::thread([this] { readLoop(); });
    }

    ~UdpDatagramLink() override
    {
        m_running = false;
        m_reader.join();
        auto state = m_state;
        m_net.runSync([state] { state->receiver = {}; });
        ::close(m_fd);
    }

    bool sendDatagram(const uint8_t *data, size_t size) override
    {
        return ::send(m_fd, data, size, MSG_DONTWAIT) == ssize_t(size);
    }

    size_t sendDatagrams(const Datagram *datagrams, size_t count) override
    {
        size_t done = 0;
        while (done < count) {
            // Equal sizes, the last one may be shorter; at most 64 segments, 64000 bytes.
            const size_t segment = datagrams[done].size;
            size_t n = 1;
            size_t total = segment;
            while (m_gso && done + n < count && n < 64 && datagrams[done + n].size <= segment
                   && total + datagrams[done + n].size <= 64000) {
                total += datagrams[done + n].size;
                if (datagrams[done + n++].size < segment)
                    break;
            }
            if (n == 1) {
                if (!sendDatagram(datagrams[done].data, datagrams[done].size))
                    return done;
                ++done;
                continue;
            }
            iovec vectors[64];
            for (size_t i = 0; i < n; ++i)
                vectors[i] = iovec { const_cast<uint8_t *>(datagrams[done + i].data), datagrams[done + i].size };
            union {
                cmsghdr header;
                char bytes[CMSG_SPACE(sizeof(uint16_t))];
            } control {};
            msghdr message {};
            message.msg_iov = vectors;
            message.msg_iovlen = n;
            message.msg_control = control.bytes;
            message.msg_controllen = sizeof(control.bytes);
            control.header.cmsg_level = SOL_UDP;
            control.header.cmsg_type = UDP_SEGMENT;
            control.header.cmsg_len = CMSG_LEN(sizeof(uint16_t));
            const auto size = static_cast<uint16_t>(segment);
            std::memcpy(control.bytes + CMSG_LEN(0), &size, sizeof(size));
            if (::sendmsg(m_fd, &message, MSG_DONTWAIT) >= 0) {
                done += n;
            } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS) {
                return done;
            } else {
                m_gso = false; // not offered here: one by one from now on
            }
        }
        return done;
    }

    void setDatagramReceiver(Receiver receiver) override { m_state->receiver = std::move(receiver); }

    size_t maxDatagramSize() const override { return MaxSize; }

private:
    struct State
    {
        Receiver receiver; // network thread only
    };

    struct Batch
    {
        std::vector<uint8_t> bytes;
        std::vector<size_t> sizes;
    };

    void readLoop()
    {
        constexpr int Count = 64;
        constexpr size_t Slot = 2048;
        std::vector<uint8_t> buffer(Count * Slot);
        mmsghdr messages[Count];
        iovec vectors[Count];
        while (m_running) {
            pollfd pfd { m_fd, POLLIN, 0 };
            if (::poll(&pfd, 1, 100) <= 0)
                continue;
            for (int i = 0; i < Count; ++i) {
                vectors[i] = iovec { buffer.data() + size_t(i) * Slot, Slot };
                messages[i] = mmsghdr {};
                messages[i].msg_hdr.msg_iov = &vectors[i];
                messages[i].msg_hdr.msg_iovlen = 1;
            }
            const int received = ::recvmmsg(m_fd, messages, Count, MSG_DONTWAIT, nullptr);
            if (received <= 0)
                continue;
            auto batch = std::make_shared<Batch>();
            batch->bytes.reserve(size_t(received) * MaxSize);
            for (int i = 0; i < received; ++i) {
                const size_t size = messages[i].msg_len;
                const uint8_t *start = buffer.data() + size_t(i) * Slot;
                batch->bytes.insert(batch->bytes.end(), start, start + size);
                batch->sizes.push_back(size);
            }
            m_net.post([state = m_state, batch] {
                size_t offset = 0;
                for (const size_t size : batch->sizes) {
                    if (state->receiver)
                        state->receiver(batch->bytes.data() + offset, size);
                    offset += size;
                }
            });
        }
    }

    NetworkThread &m_net;
    const int m_fd;
    const std::shared_ptr<State> m_state;
    bool m_gso = true; // network thread only
    std::atomic<bool> m_running = true;
    std::thread m_reader;
};

} // namespace Peerlink::Bench
