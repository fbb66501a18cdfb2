// First libnice smoke test: two agents on the network thread gather host candidates on
// loopback, exchange them in memory, reach READY and pass 1 MB of datagrams both ways.
// Datagrams go in acknowledged batches (with retransmission) so a dropped UDP packet on a
// busy machine cannot make the test flaky; the received bytes are checked by SHA-256.
#include "core/net/GlibContext.h"
#include "core/net/NetworkThread.h"

#include <nice/agent.h>

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace Peerlink;

namespace {

constexpr int PayloadSize = 1200;
constexpr int TotalBytes = 1024 * 1024;
constexpr int Packets = (TotalBytes + PayloadSize - 1) / PayloadSize;
constexpr int Batch = 16;
constexpr int Batches = (Packets + Batch - 1) / Batch;

struct Peer
{
    NetworkThread *net = nullptr;
    QObject *owner = nullptr;
    NiceAgent *agent = nullptr;
    guint stream = 0;
    Peer *remote = nullptr;
    bool gathered = false;
    bool ready = false;
    bool failed = false;

    QByteArray outgoing; // what we send
    QByteArray incoming; // what arrived, placed by sequence number
    std::vector<bool> got;
    int received = 0;
    int ackedBatch = -1; // highest batch the peer acknowledged
    uint32_t retransmitTimer = 0;
    int retransmissions = 0;
    bool closed = false;

    // results, copied to the main thread when both directions are complete
    std::function<void()> onChange;

    void sendPacket(char type, uint32_t seq, const char *data, int len)
    {
        QByteArray packet;
        packet.reserve(5 + len);
        packet.append(type);
        packet.append(char(seq >> 24)).append(char(seq >> 16)).append(char(seq >> 8)).append(char(seq));
        packet.append(data, len);
        nice_agent_send(agent, stream, 1, guint(packet.size()), packet.constData());
    }

    void sendBatch(int batch)
    {
        for (int seq = batch * Batch; seq < std::min(Packets, (batch + 1) * Batch); ++seq) {
            const int offset = seq * PayloadSize;
            sendPacket('D', uint32_t(seq), outgoing.constData() + offset, std::min(PayloadSize, TotalBytes - offset));
        }
        net->cancel(retransmitTimer);
        retransmitTimer = net->schedule(200, [this, batch] {
            retransmitTimer = 0;
            if (ackedBatch < batch) {
                retransmissions++;
                sendBatch(batch);
            }
        });
    }

    void onPacket(const char *buf, guint len)
    {
        if (len < 5)
            return;
        const auto *u = reinterpret_cast<const unsigned char *>(buf);
        const uint32_t seq = (uint32_t(u[1]) << 24) | (uint32_t(u[2]) << 16) | (uint32_t(u[3]) << 8) | u[4];
        if (buf[0] == 'A') {
            if (int(seq) == ackedBatch + 1) {
                ackedBatch = int(seq);
                if (ackedBatch + 1 < Batches)
                    sendBatch(ackedBatch + 1);
                else
                    net->cancel(std::exchange(retransmitTimer, 0));
                onChange();
            }
        } else if (buf[0] == 'D' && int(seq) < Packets) {
            const int offset = int(seq) * PayloadSize;
            const int size = std::min(PayloadSize, TotalBytes - offset);
            if (int(len) - 5 != size)
                return;
            if (!got[seq]) {
                got[seq] = true;
                received++;
                memcpy(incoming.data() + offset, buf + 5, size_t(size));
            }
            const int batch = int(seq) / Batch;
            bool complete = true;
            for (int s = batch * Batch; s < std::min(Packets, (batch + 1) * Batch); ++s)
                complete = complete && got[s];
            if (complete)
                sendPacket('A', uint32_t(batch), nullptr, 0);
            onChange();
        }
    }
};

void onGatheringDone(NiceAgent *, guint, gpointer data)
{
    auto *peer = static_cast<Peer *>(data);
    peer->gathered = true;
    peer->onChange();
}

void onStateChanged(NiceAgent *, guint, guint, guint state, gpointer data)
{
    auto *peer = static_cast<Peer *>(data);
    if (state == NICE_COMPONENT_STATE_READY)
        peer->ready = true;
    if (state == NICE_COMPONENT_STATE_FAILED)
        peer->failed = true;
    peer->onChange();
}

void onReceive(NiceAgent *, guint, guint, guint len, gchar *buf, gpointer data)
{
    static_cast<Peer *>(data)->onPacket(buf, len);
}

} // namespace

class tst_NiceSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoAgentsExchangeOneMegabyte();
};

void tst_NiceSmoke::twoAgentsExchangeOneMegabyte()
{
    NetworkThread net;
    Peer a, b;
    a.remote = &b;
    b.remote = &a;

    // Snapshot of the network-side state, copied to the main thread on every change.
    struct View
    {
        bool gatheredA = false, gatheredB = false, readyA = false, readyB = false, failed = false;
        int receivedA = 0, receivedB = 0, ackedA = -1, ackedB = -1;
    } view;

    bool exchanged = false;
    for (Peer *p : { &a, &b }) {
        p->net = &net;
        p->owner = this;
        p->outgoing.resize(TotalBytes);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(p->outgoing.data()), TotalBytes / 4);
        p->incoming = QByteArray(TotalBytes, '\0');
        p->got.assign(Packets, false);
        p->onChange = [&] {
            // on the network thread
            if (a.gathered && b.gathered && !exchanged) {
                exchanged = true;
                for (auto [from, to] : { std::pair { &a, &b }, std::pair { &b, &a } }) {
                    gchar *ufrag = nullptr, *pwd = nullptr;
                    nice_agent_get_local_credentials(from->agent, from->stream, &ufrag, &pwd);
                    nice_agent_set_remote_credentials(to->agent, to->stream, ufrag, pwd);
                    g_free(ufrag);
                    g_free(pwd);
                    GSList *candidates = nice_agent_get_local_candidates(from->agent, from->stream, 1);
                    nice_agent_set_remote_candidates(to->agent, to->stream, 1, candidates);
                    g_slist_free_full(candidates, reinterpret_cast<GDestroyNotify>(&nice_candidate_free));
                }
            }
            View v { a.gathered, b.gathered, a.ready,      b.ready,     a.failed || b.failed,
                     a.received, b.received, a.ackedBatch, b.ackedBatch };
            NetworkThread::deliver(this, [&view, v] { view = v; });
        };
    }

    QVERIFY(net.runSync([&] {
        GMainContext *ctx = glibContext(net);
        for (Peer *p : { &a, &b }) {
            p->agent = nice_agent_new(ctx, NICE_COMPATIBILITY_RFC5245);
            g_object_set(p->agent, "controlling-mode", p == &a, "upnp", FALSE, "ice-tcp", FALSE, nullptr);
            NiceAddress loopback;
            nice_address_init(&loopback);
            nice_address_set_from_string(&loopback, "127.0.0.1");
            nice_agent_add_local_address(p->agent, &loopback);
            p->stream = nice_agent_add_stream(p->agent, 1);
            g_signal_connect(p->agent, "candidate-gathering-done", G_CALLBACK(onGatheringDone), p);
            g_signal_connect(p->agent, "component-state-changed", G_CALLBACK(onStateChanged), p);
            nice_agent_attach_recv(p->agent, p->stream, 1, ctx, onReceive, p);
            QVERIFY(nice_agent_gather_candidates(p->agent, p->stream));
        }
    }));

    QTRY_VERIFY_WITH_TIMEOUT(view.gatheredA && view.gatheredB, 10000);
    QTRY_VERIFY_WITH_TIMEOUT((view.readyA && view.readyB) || view.failed, 15000);
    QVERIFY2(!view.failed, "ICE failed on loopback");

    // Both ways at once.
    QVERIFY(net.runSync([&] {
        a.sendBatch(0);
        b.sendBatch(0);
    }));
    QTRY_VERIFY_WITH_TIMEOUT(view.ackedA == Batches - 1 && view.ackedB == Batches - 1, 60000);
    QCOMPARE(view.receivedA, Packets);
    QCOMPARE(view.receivedB, Packets);

    // Compare what each side received with what the other sent, by hash and by size.
    QByteArray hashes[4];
    int retransmissions = 0;
    QVERIFY(net.runSync([&] {
        hashes[0] = QCryptographicHash::hash(a.outgoing, QCryptographicHash::Sha256);
        hashes[1] = QCryptographicHash::hash(b.incoming, QCryptographicHash::Sha256);
        hashes[2] = QCryptographicHash::hash(b.outgoing, QCryptographicHash::Sha256);
        hashes[3] = QCryptographicHash::hash(a.incoming, QCryptographicHash::Sha256);
        retransmissions = a.retransmissions + b.retransmissions;
    }));
    QCOMPARE(hashes[1].toHex(), hashes[0].toHex());
    QCOMPARE(hashes[3].toHex(), hashes[2].toHex());
    qInfo() << "1 MiB each way in" << Packets << "datagrams," << retransmissions << "batch retransmissions";

    // Teardown in the documented order: close the agents on the network thread, then stop it.
    int closing = 2;
    QVERIFY(net.runSync([&] {
        for (Peer *p : { &a, &b }) {
            net.cancel(std::exchange(p->retransmitTimer, 0));
            nice_agent_close_async(
                p->agent,
                [](GObject *, GAsyncResult *, gpointer data) {
                    auto *peer = static_cast<Peer *>(data);
                    peer->closed = true;
                },
                p);
        }
    }));
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 bool both = false;
                                 net.runSync([&] { both = a.closed && b.closed; });
                                 return both;
                             }()),
                             5000);
    QVERIFY(net.runSync([&] {
        for (Peer *p : { &a, &b })
            g_object_unref(p->agent);
    }));
    Q_UNUSED(closing);
    net.shutdown();
}

QTEST_GUILESS_MAIN(tst_NiceSmoke)
#include "tst_NiceSmoke.moc"
