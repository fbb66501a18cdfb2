// MemoryDatagramLink: a test-only pair of in-memory DatagramLinks, for unit tests of the classes
// that run on a DatagramLink (SecureChannel). Datagrams travel through the network thread's task
// queue, never synchronously. Each direction can lose, reorder and duplicate datagrams, drawn
// from a seeded generator so a run is reproducible; an end can be made silent (a vanished peer)
// and garbage can be injected as if it came from the peer. A path can be given an MTU above the
// guaranteed size (larger datagrams are dropped, as a router drops "don't fragment" packets) and
// be switched to another path, as an ICE agent's selected pair can change.
#pragma once

#include "core/net/DatagramLink.h"
#include "core/net/NetworkThread.h"

#include <QByteArray>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <utility>

namespace Peerlink::Test {

struct LinkImpairment
{
    double loss = 0; // probability that a datagram is dropped
    double reorder = 0; // probability that a datagram is held back behind the next one
    double duplicate = 0; // probability that a datagram arrives twice
    uint32_t seed = 1;
    double garbage = 0; // probability that a random datagram arrives before a real one
};

class MemoryDatagramLink final : public DatagramLink
{
public:
    using Pair = std::pair<std::unique_ptr<MemoryDatagramLink>, std::unique_ptr<MemoryDatagramLink>>;

    // first -> second uses aToB, second -> first uses bToA.
    static Pair createPair(NetworkThread &net, LinkImpairment aToB = {}, LinkImpairment bToA = {},
                           size_t maxDatagramSize = 1400)
    {
        auto a = std::make_shared<Endpoint>(net, aToB, maxDatagramSize);
        auto b = std::make_shared<Endpoint>(net, bToA, maxDatagramSize);
        a->peer = b;
        b->peer = a;
        return { std::unique_ptr<MemoryDatagramLink>(new MemoryDatagramLink(a)),
                 std::unique_ptr<MemoryDatagramLink>(new MemoryDatagramLink(b)) };
    }

    ~MemoryDatagramLink() override
    {
        // Tasks in flight hold the endpoint; they find no receiver once this end is gone.
        auto endpoint = m_endpoint;
        if (!endpoint->net.runSync([endpoint] { endpoint->receiver = {}; }))
            endpoint->receiver = {};
    }

    bool sendDatagram(const uint8_t *data, size_t size) override
    {
        Endpoint &e = *m_endpoint;
        ++e.sent;
        e.largestSent = std::max(e.largestSent.load(), size);
        if (size > e.pathMtu.load() || e.silent.load()) {
            ++e.dropped;
            return true;
        }
        std::uniform_real_distribution<double> chance(0.0, 1.0);
        if (chance(e.rng) < e.impairment.loss) {
            ++e.dropped;
            return true;
        }
        if (chance(e.rng) < e.impairment.garbage)
            e.forward(randomGarbage(e.rng));
        const QByteArray datagram(reinterpret_cast<const char *>(data), qsizetype(size));
        const bool twice = chance(e.rng) < e.impairment.duplicate;
        if (!e.held && chance(e.rng) < e.impairment.reorder) {
            e.held = datagram;
            // Released behind the next datagram, or after 1 ms if none follows.
            e.net.schedule(1, [weak = std::weak_ptr<Endpoint>(m_endpoint)] {
                if (auto self = weak.lock())
                    self->releaseHeld();
            });
            return true;
        }
        e.largestPassed = std::max(e.largestPassed.load(), size);
        e.forward(datagram);
        if (twice)
            e.forward(datagram);
        e.releaseHeld();
        return true;
    }

    size_t sendDatagrams(const Datagram *datagrams, size_t count) override
    {
        if (count > 1)
            m_endpoint->batchedDatagrams += count;
        return DatagramLink::sendDatagrams(datagrams, count);
    }

    void setDatagramReceiver(Receiver receiver) override { m_endpoint->receiver = std::move(receiver); }

    size_t maxDatagramSize() const override { return m_endpoint->maxSize; }
    size_t maxProbeDatagramSize() const override { return m_endpoint->probeSize.load(); }
    uint64_t pathId() const override { return m_endpoint->pathId.load(); }

    // Any thread. From now on datagrams take path id: the user may try datagrams up to
    // probeSize, those larger than mtu are dropped.
    void setPath(uint64_t id, size_t probeSize, size_t mtu)
    {
        m_endpoint->probeSize = probeSize;
        m_endpoint->pathMtu = mtu;
        m_endpoint->pathId = id;
        m_endpoint->net.post([endpoint = m_endpoint] {
            if (endpoint->pathListener)
                endpoint->pathListener(PathEvent::Changed);
        });
    }

    void setPathListener(PathListener listener) override { m_endpoint->pathListener = std::move(listener); }

    // Any thread. Tells the user the path works again after an outage, as an ICE agent does when
    // consent came back.
    void announceRestored()
    {
        m_endpoint->net.post([endpoint = m_endpoint] {
            if (endpoint->pathListener)
                endpoint->pathListener(PathEvent::Restored);
        });
    }

    // Any thread. A silent end drops everything it is asked to send.
    void setSilent(bool silent) { m_endpoint->silent = silent; }

    // Any thread. Delivers a datagram to this end as if the peer had sent it.
    void injectIncoming(const QByteArray &datagram)
    {
        m_endpoint->net.post([endpoint = m_endpoint, datagram] { endpoint->receive(datagram); });
    }

    // A random datagram: a third are shaped like QUIC Initial packets (long header, version 1,
    // 1200+ bytes, so a server waiting for its first packet looks at them), a third like short
    // header packets, the rest are anything.
    static QByteArray randomGarbage(std::mt19937 &rng)
    {
        std::uniform_int_distribution<int> byte(0, 255);
        const int shape = byte(rng) % 3;
        QByteArray datagram(shape == 0 ? 1250 : 1 + byte(rng) * 5, Qt::Uninitialized);
        for (char &c : datagram)
            c = char(byte(rng));
        if (shape == 0) {
            const char header[] = { char(0xc3), 0, 0, 0, 1, 8 }; // Initial, version 1, 8-byte DCID
            std::copy(std::begin(header), std::end(header), datagram.begin());
            datagram[14] = 8; // source connection ID length
            datagram[23] = 0; // no token
            datagram[24] = char(0x44); // payload length 0x4b0 = 1200
            datagram[25] = char(0xb0);
        } else if (shape == 1) {
            datagram[0] = char(0x40 | (datagram[0] & 0x3f));
        }
        return datagram;
    }

    quint64 datagramsSent() const { return m_endpoint->sent.load(); }
    quint64 datagramsDropped() const { return m_endpoint->dropped.load(); }
    quint64 datagramsReceived() const { return m_endpoint->received.load(); }
    // Datagrams handed over in batches of more than one (sendDatagrams()).
    quint64 datagramsBatched() const { return m_endpoint->batchedDatagrams.load(); }
    // The largest datagram the user tried to send, and the largest the path carried, since
    // creation or resetLargest().
    size_t largestSent() const { return m_endpoint->largestSent.load(); }
    size_t largestPassed() const { return m_endpoint->largestPassed.load(); }
    void resetLargest()
    {
        m_endpoint->largestSent = 0;
        m_endpoint->largestPassed = 0;
    }

private:
    struct Endpoint
    {
        Endpoint(NetworkThread &thread, LinkImpairment imp, size_t max)
            : net(thread)
            , impairment(imp)
            , rng(imp.seed)
            , maxSize(max)
            , probeSize(max)
            , pathMtu(max)
        { }

        // Network thread only.
        void forward(const QByteArray &datagram)
        {
            if (auto target = peer.lock())
                net.post([target, datagram] { target->receive(datagram); });
        }
        void releaseHeld()
        {
            if (held) {
                forward(*held);
                held.reset();
            }
        }
        void receive(const QByteArray &datagram)
        {
            ++received;
            if (receiver)
                receiver(reinterpret_cast<const uint8_t *>(datagram.constData()), size_t(datagram.size()));
        }

        NetworkThread &net;
        const LinkImpairment impairment;
        std::mt19937 rng; // network thread only
        const size_t maxSize;
        std::atomic<size_t> probeSize;
        std::atomic<size_t> pathMtu;
        std::atomic<uint64_t> pathId = 0;
        PathListener pathListener; // network thread
        std::atomic<size_t> largestSent = 0;
        std::atomic<size_t> largestPassed = 0;
        std::atomic<quint64> batchedDatagrams = 0;
        Receiver receiver; // network thread only
        std::weak_ptr<Endpoint> peer;
        std::optional<QByteArray> held; // network thread only
        std::atomic<bool> silent = false;
        std::atomic<quint64> sent = 0;
        std::atomic<quint64> dropped = 0;
        std::atomic<quint64> received = 0;
    };

    explicit MemoryDatagramLink(std::shared_ptr<Endpoint> endpoint)
        : m_endpoint(std::move(endpoint))
    { }

    const std::shared_ptr<Endpoint> m_endpoint;
};

} // namespace Peerlink::Test
