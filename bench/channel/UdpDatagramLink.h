// UdpDatagramLink: a DatagramLink over a connected UDP socket, for the channel benchmark only
// (the product's path is IceAgent). A reader thread receives datagrams in batches (recvmmsg) and
// hands each batch to the network thread in one task.
#pragma once

#include "core/net/DatagramLink.h"
#include "core/net/NetworkThread.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
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
    std::atomic<bool> m_running = true;
    std::thread m_reader;
};

} // namespace Peerlink::Bench
