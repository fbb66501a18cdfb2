// SecureChannel over an in-memory DatagramLink pair (MemoryDatagramLink): mutual certificate
// pinning, streams both ways, bulk transfers checked by SHA-256 (clean, lossy and reordered, BBR),
// path MTU discovery and a change of path, refusal of a wrong peer, garbage datagrams, closing,
// timeouts and keep-alive.
#include "MemoryDatagramLink.h"
#include "core/channel/DeviceIdentity.h"
#include "core/channel/SecureChannel.h"
#include "core/net/NetworkThread.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>
#include <random>

using namespace Peerlink;
using namespace Peerlink::Test;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

using Role = SecureChannel::Role;
using ErrorKind = SecureChannel::ErrorKind;
using CongestionControl = SecureChannel::CongestionControl;

Q_DECLARE_METATYPE(Peerlink::Test::LinkImpairment)

namespace {

constexpr int OpenTimeout = 15000;
constexpr int BulkTimeout = 150000;
constexpr qint64 MiB = 1024 * 1024;

// One end of a channel and everything it reported.
struct Side
{
    std::unique_ptr<SecureChannel> channel;
    int opened = 0;
    QList<qint64> remoteStreams;
    QHash<qint64, QByteArray> received;
    QSet<qint64> finished;
    QHash<qint64, quint64> resets;
    qint64 dataBytes = 0;
    std::optional<ErrorKind> closedKind;
    QString closedReason;
    int closedCount = 0;
    bool keepData = true; // bulk receivers hash instead of keeping

    void attach()
    {
        SecureChannel *c = channel.get();
        QObject::connect(c, &SecureChannel::opened, c, [this] { ++opened; });
        QObject::connect(c, &SecureChannel::streamOpened, c, [this](qint64 s) { remoteStreams.append(s); });
        QObject::connect(c, &SecureChannel::dataReceived, c, [this](qint64 s, const QByteArray &data) {
            dataBytes += data.size();
            if (keepData)
                received[s].append(data);
        });
        QObject::connect(c, &SecureChannel::streamFinished, c, [this](qint64 s) { finished.insert(s); });
        QObject::connect(c, &SecureChannel::streamReset, c, [this](qint64 s, quint64 code) { resets.insert(s, code); });
        QObject::connect(c, &SecureChannel::closed, c, [this](ErrorKind kind, const QString &reason) {
            closedKind = kind;
            closedReason = reason;
            ++closedCount;
        });
    }
};

// Writes total pseudo-random bytes on a stream, keeping at most maxBuffered unacknowledged.
class BulkSender
{
public:
    BulkSender(SecureChannel *channel, qint64 stream, qint64 total, qint64 maxBuffered, quint32 seed)
        : m_channel(channel)
        , m_stream(stream)
        , m_total(total)
        , m_maxBuffered(maxBuffered)
        , m_random(seed)
    {
        QObject::connect(channel, &SecureChannel::writable, channel, [this](qint64 s, qint64 buffered) {
            if (s == m_stream) {
                m_peak = std::max(m_peak, buffered);
                pump();
            }
        });
    }

    void pump()
    {
        constexpr qint64 Chunk = 256 * 1024;
        while (m_sent < m_total && m_channel->bufferedBytes(m_stream) < m_maxBuffered) {
            const qint64 size = std::min(Chunk, m_total - m_sent);
            QByteArray chunk(size, Qt::Uninitialized);
            m_random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), size / 4);
            if (!m_channel->write(m_stream, chunk)) {
                m_failed = true;
                return;
            }
            m_hash.addData(chunk);
            m_sent += size;
            m_peak = std::max(m_peak, m_channel->bufferedBytes(m_stream));
        }
        if (m_sent == m_total && !m_finished)
            m_finished = m_channel->finish(m_stream);
    }

    QByteArray digest() const { return m_hash.result(); }
    bool failed() const { return m_failed; }
    qint64 peakBuffered() const { return m_peak; }

private:
    SecureChannel *m_channel;
    qint64 m_stream;
    qint64 m_total;
    qint64 m_maxBuffered;
    QRandomGenerator m_random;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    qint64 m_sent = 0;
    qint64 m_peak = 0;
    bool m_finished = false;
    bool m_failed = false;
};

// Hashes what arrives on one stream.
struct BulkReceiver
{
    QCryptographicHash hash { QCryptographicHash::Sha256 };
    qint64 bytes = 0;
    bool finished = false;

    void attach(SecureChannel *channel, qint64 stream)
    {
        QObject::connect(channel, &SecureChannel::dataReceived, channel, [this, stream](qint64 s, const QByteArray &d) {
            if (s == stream) {
                hash.addData(d);
                bytes += d.size();
            }
        });
        QObject::connect(channel, &SecureChannel::streamFinished, channel, [this, stream](qint64 s) {
            if (s == stream)
                finished = true;
        });
    }
};

} // namespace

class tst_SecureChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void messagesOnSeveralStreams();
    void bulkTransfer_data();
    void bulkTransfer();
    void pathMtuDiscovery_data();
    void pathMtuDiscovery();
    void pathChangeFallsBackToMinimumSize();
    void outageThenNewPath_data();
    void outageThenNewPath();
    void wrongPeerIsRefused_data();
    void wrongPeerIsRefused();
    void garbageIsIgnored();
    void closeReachesPeer_data();
    void closeReachesPeer();
    void streamReset();
    void manualCreditHoldsTheSender();
    void handshakeTimeout_data();
    void handshakeTimeout();
    void keepAliveThenIdleTimeout();
    void apiRefusesMisuse();

private:
    SecureChannel::Config config(Role role, CongestionControl cc = CongestionControl::Cubic) const
    {
        SecureChannel::Config c;
        c.role = role;
        c.identity = role == Role::Client ? m_clientIdentity : m_serverIdentity;
        c.expectedPeerFingerprint
            = role == Role::Client ? m_serverIdentity.fingerprint() : m_clientIdentity.fingerprint();
        c.congestionControl = cc;
        c.handshakeTimeout = 15s;
        c.idleTimeout = 30s;
        return c;
    }

    // A client/server pair on a fresh link; both attached, not opened.
    void makePair(Side &client, Side &server, SecureChannel::Config clientConfig, SecureChannel::Config serverConfig,
                  LinkImpairment toServer = {}, LinkImpairment toClient = {})
    {
        m_links = MemoryDatagramLink::createPair(*m_net, toServer, toClient);
        client.channel = std::make_unique<SecureChannel>(*m_net, m_links.first.get(), clientConfig);
        server.channel = std::make_unique<SecureChannel>(*m_net, m_links.second.get(), serverConfig);
        client.attach();
        server.attach();
    }

    static bool openBoth(Side &client, Side &server)
    {
        server.channel->open();
        client.channel->open();
        if (!QTest::qWaitFor(
                [&] { return (client.opened && server.opened) || client.closedCount || server.closedCount; },
                OpenTimeout)
            || client.closedCount || server.closedCount) {
            qWarning() << "channel did not open:" << client.closedReason << server.closedReason;
            return false;
        }
        return client.opened == 1 && server.opened == 1 && client.channel->state() == SecureChannel::State::Open
            && server.channel->state() == SecureChannel::State::Open;
    }

    // Sends total bytes from the client on a new stream; true when the server got them all,
    // hashed equal, and the client saw them acknowledged.
    static bool transfer(Side &client, Side &server, qint64 total, quint32 seed)
    {
        const qint64 stream = client.channel->openStream();
        if (stream < 0)
            return false;
        BulkSender sender(client.channel.get(), stream, total, 8 * MiB, seed);
        BulkReceiver receiver;
        receiver.attach(server.channel.get(), stream);
        sender.pump();
        if (!QTest::qWaitFor([&] { return receiver.finished || client.closedCount || server.closedCount; }, BulkTimeout)
            || client.closedCount || server.closedCount || sender.failed()) {
            qWarning() << "transfer failed after" << receiver.bytes << "of" << total << "bytes:" << client.closedReason
                       << server.closedReason;
            return false;
        }
        return receiver.bytes == total && receiver.hash.result() == sender.digest()
            && QTest::qWaitFor([&] { return client.channel->bufferedBytes(stream) == 0; }, 10000);
    }

    DeviceIdentity m_clientIdentity;
    DeviceIdentity m_serverIdentity;
    DeviceIdentity m_strangerIdentity;
    std::unique_ptr<NetworkThread> m_net;
    MemoryDatagramLink::Pair m_links;
};

void tst_SecureChannel::initTestCase()
{
    QString error;
    m_clientIdentity = DeviceIdentity::generate(&error);
    QVERIFY2(!m_clientIdentity.isNull(), qPrintable(error));
    m_serverIdentity = DeviceIdentity::generate(&error);
    QVERIFY2(!m_serverIdentity.isNull(), qPrintable(error));
    m_strangerIdentity = DeviceIdentity::generate(&error);
    QVERIFY2(!m_strangerIdentity.isNull(), qPrintable(error));
}

void tst_SecureChannel::init()
{
    m_net = std::make_unique<NetworkThread>();
}

void tst_SecureChannel::cleanup()
{
    // Channels are gone (test locals); links next, then the thread.
    m_links = {};
    m_net.reset();
}

void tst_SecureChannel::messagesOnSeveralStreams()
{
    Side client;
    Side server;
    makePair(client, server, config(Role::Client), config(Role::Server));
    QVERIFY(openBoth(client, server));

    // The client opens three streams (the first one will be chat and control).
    QList<qint64> streams;
    for (int i = 0; i < 3; ++i) {
        const qint64 stream = client.channel->openStream();
        QCOMPARE(stream, qint64(i * 4)); // client-initiated bidirectional stream IDs
        streams.append(stream);
        QVERIFY(client.channel->write(stream, QByteArray("hello " + QByteArray::number(i) + " from the client")));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.remoteStreams, streams, 5000);
    for (int i = 0; i < 3; ++i)
        QTRY_COMPARE_WITH_TIMEOUT(server.received.value(streams[i]),
                                  QByteArray("hello " + QByteArray::number(i) + " from the client"), 5000);

    // The server answers on the same streams and finishes them.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(server.channel->write(streams[i], QByteArray("reply " + QByteArray::number(i))));
        QVERIFY(server.channel->finish(streams[i]));
    }
    // ... and opens one of its own.
    const qint64 serverStream = server.channel->openStream();
    QCOMPARE(serverStream, qint64(1));
    QVERIFY(server.channel->write(serverStream, "a stream opened by the server"));
    QVERIFY(server.channel->finish(serverStream));

    for (int i = 0; i < 3; ++i)
        QTRY_COMPARE_WITH_TIMEOUT(client.received.value(streams[i]), QByteArray("reply " + QByteArray::number(i)),
                                  5000);
    QTRY_COMPARE_WITH_TIMEOUT(client.remoteStreams, QList<qint64> { serverStream }, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(client.received.value(serverStream), QByteArray("a stream opened by the server"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(client.finished.size(), 4, 5000);

    // Messages keep their order within a stream.
    const qint64 chat = streams[0];
    client.received.clear();
    server.received.clear();
    QByteArray expected;
    for (int i = 0; i < 200; ++i) {
        const QByteArray message = QByteArray("message " + QByteArray::number(i) + '\n');
        expected += message;
        QVERIFY(client.channel->write(chat, message));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.received.value(chat), expected, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(client.channel->bufferedBytes(chat), qint64(0), 5000);
    QCOMPARE(client.closedCount, 0);
    QCOMPARE(server.closedCount, 0);
}

void tst_SecureChannel::bulkTransfer_data()
{
    QTest::addColumn<CongestionControl>("cc");
    QTest::addColumn<LinkImpairment>("toServer");
    QTest::addColumn<LinkImpairment>("toClient");
    QTest::addColumn<qint64>("total");

    QTest::newRow("cubic, clean link") << CongestionControl::Cubic << LinkImpairment() << LinkImpairment() << 64 * MiB;
    QTest::newRow("cubic, 2% loss and reordering")
        << CongestionControl::Cubic << LinkImpairment { 0.02, 0.02, 0.002, 17 }
        << LinkImpairment { 0.02, 0.02, 0.002, 23 } << 64 * MiB;
    QTest::newRow("bbr, 2% loss and reordering") << CongestionControl::Bbr << LinkImpairment { 0.02, 0.02, 0.002, 5 }
                                                 << LinkImpairment { 0.02, 0.02, 0.002, 7 } << 64 * MiB;
}

void tst_SecureChannel::bulkTransfer()
{
    QFETCH(CongestionControl, cc);
    QFETCH(LinkImpairment, toServer);
    QFETCH(LinkImpairment, toClient);
    QFETCH(qint64, total);

    Side client;
    Side server;
    makePair(client, server, config(Role::Client, cc), config(Role::Server, cc), toServer, toClient);
    server.keepData = false;
    QVERIFY(openBoth(client, server));

    const qint64 stream = client.channel->openStream();
    QVERIFY(stream >= 0);
    constexpr qint64 MaxBuffered = 8 * MiB;
    BulkSender sender(client.channel.get(), stream, total, MaxBuffered, 4242);
    BulkReceiver receiver;
    receiver.attach(server.channel.get(), stream);
    int deliveries = 0;
    connect(server.channel.get(), &SecureChannel::dataReceived, this, [&deliveries] { ++deliveries; });
    QElapsedTimer timer;
    timer.start();
    sender.pump();

    QTRY_VERIFY2_WITH_TIMEOUT(receiver.finished || client.closedCount || server.closedCount,
                              qPrintable(u"received %1 of %2 bytes"_s.arg(receiver.bytes).arg(total)), BulkTimeout);
    const qint64 elapsed = std::max<qint64>(timer.elapsed(), 1);
    QVERIFY2(client.closedCount == 0 && server.closedCount == 0,
             qPrintable(client.closedReason + u" / "_s + server.closedReason));
    QVERIFY(!sender.failed());
    QCOMPARE(receiver.bytes, total);
    QCOMPARE(receiver.hash.result().toHex(), sender.digest().toHex());
    // The sender never held much more than it asked for (one chunk beyond the limit).
    QVERIFY2(sender.peakBuffered() <= MaxBuffered + 256 * 1024, qPrintable(QString::number(sender.peakBuffered())));
    QTRY_COMPARE_WITH_TIMEOUT(client.channel->bufferedBytes(stream), qint64(0), 10000);

    const SecureChannel::Stats sent = client.channel->stats();
    const SecureChannel::Stats got = server.channel->stats();
    // For information only (speed belongs to benchmarks).
    qInfo("%lld ms (%.0f Mbit/s in memory), %d deliveries; client: %llu datagrams, %llu bytes sent, %llu lost, "
          "srtt %lld us, cwnd %llu",
          static_cast<long long>(elapsed), double(total) * 8 / 1000.0 / double(elapsed), deliveries,
          static_cast<unsigned long long>(sent.datagramsSent), static_cast<unsigned long long>(sent.bytesSent),
          static_cast<unsigned long long>(sent.lostPackets), static_cast<long long>(sent.smoothedRtt.count()),
          static_cast<unsigned long long>(sent.congestionWindow));
    QVERIFY(sent.bytesSent > quint64(total));
    QVERIFY(got.bytesReceived > quint64(total));
    QVERIFY(sent.datagramsSent > quint64(total / 1400));
    QVERIFY(sent.smoothedRtt.count() > 0);
    QVERIFY(sent.congestionWindow > 0);
    if (toServer.loss > 0) {
        QVERIFY(m_links.first->datagramsDropped() > 0);
        QVERIFY(sent.lostPackets > 0);
    }
}

void tst_SecureChannel::pathMtuDiscovery_data()
{
    QTest::addColumn<int>("offered"); // what the link offers to try
    QTest::addColumn<int>("pathMtu"); // what the path really carries
    QTest::addColumn<int>("expected"); // the datagram size the channel should settle on

    QTest::newRow("Ethernet, IPv4") << 1472 << 1472 << 1472;
    QTest::newRow("Ethernet, IPv6") << 1452 << 1500 << 1452;
    QTest::newRow("narrower than offered") << 1472 << 1430 << 1400;
    QTest::newRow("relayed: the minimum only") << 1200 << 1500 << 1200;
}

void tst_SecureChannel::pathMtuDiscovery()
{
    QFETCH(int, offered);
    QFETCH(int, pathMtu);
    QFETCH(int, expected);

    Side client;
    Side server;
    m_links = MemoryDatagramLink::createPair(*m_net, {}, {}, 1200);
    m_links.first->setPath(1, size_t(offered), size_t(pathMtu));
    m_links.second->setPath(1, size_t(offered), size_t(pathMtu));
    client.channel = std::make_unique<SecureChannel>(*m_net, m_links.first.get(), config(Role::Client));
    server.channel = std::make_unique<SecureChannel>(*m_net, m_links.second.get(), config(Role::Server));
    client.attach();
    server.attach();
    server.keepData = false;
    QVERIFY(openBoth(client, server));

    QVERIFY(transfer(client, server, 16 * MiB, 99));
    // The bulk went in datagrams as large as the path carries, and nothing larger than the link
    // offered was ever tried (above it the path may silently drop).
    QCOMPARE(m_links.first->largestPassed(), size_t(expected));
    QVERIFY2(m_links.first->largestSent() <= size_t(offered),
             qPrintable(QString::number(m_links.first->largestSent())));
    QVERIFY2(m_links.second->largestSent() <= size_t(offered),
             qPrintable(QString::number(m_links.second->largestSent())));
    // The packets of a burst were handed to the link together.
    QVERIFY(m_links.first->datagramsBatched() > 0);
    QCOMPARE(client.closedCount, 0);
    QCOMPARE(server.closedCount, 0);
}

void tst_SecureChannel::pathChangeFallsBackToMinimumSize()
{
    Side client;
    Side server;
    m_links = MemoryDatagramLink::createPair(*m_net, {}, {}, 1200);
    m_links.first->setPath(1, 1472, 1472);
    m_links.second->setPath(1, 1472, 1472);
    client.channel = std::make_unique<SecureChannel>(*m_net, m_links.first.get(), config(Role::Client));
    server.channel = std::make_unique<SecureChannel>(*m_net, m_links.second.get(), config(Role::Server));
    client.attach();
    server.attach();
    server.keepData = false;
    QVERIFY(openBoth(client, server));
    QVERIFY(transfer(client, server, 4 * MiB, 1));
    QCOMPARE(m_links.first->largestPassed(), size_t(1472));

    // Another path that offers as much but carries less: what the old one carried is not assumed.
    m_links.first->setPath(2, 1472, 1300);
    m_links.second->setPath(2, 1472, 1300);
    m_links.first->resetLargest();
    m_links.second->resetLargest();
    QVERIFY(transfer(client, server, 4 * MiB, 2));
    QCOMPARE(m_links.first->largestSent(), size_t(1200));
    QVERIFY(m_links.second->largestSent() <= 1200);
    QCOMPARE(client.closedCount, 0);
    QCOMPARE(server.closedCount, 0);
    // Both ends followed the new path: the client migrated, the server validated its peer's new address.
    QCOMPARE(client.channel->stats().pathChanges, 1u);
    QCOMPARE(server.channel->stats().pathChanges, 1u);
}

void tst_SecureChannel::outageThenNewPath_data()
{
    QTest::addColumn<bool>("clientSends");
    QTest::addColumn<bool>("samePath"); // the same path works again (ICE consent came back)

    QTest::newRow("client sends, another path") << true << false;
    QTest::newRow("server sends, another path") << false << false;
    QTest::newRow("client sends, the path restored") << true << true;
    QTest::newRow("server sends, the path restored") << false << true;
}

// Everything is lost for seconds in the middle of a transfer (QUIC's probes back off meanwhile),
// then a path works again: both ends start over on it (a migration) and the rest of the data
// arrives intact. Only another path loses what path MTU discovery learnt.
void tst_SecureChannel::outageThenNewPath()
{
    QFETCH(bool, clientSends);
    QFETCH(bool, samePath);

    Side client;
    Side server;
    makePair(client, server, config(Role::Client), config(Role::Server));
    m_links.first->setPath(1, 1400, 1400);
    m_links.second->setPath(1, 1400, 1400);
    QVERIFY(openBoth(client, server));
    Side &from = clientSends ? client : server;
    Side &to = clientSends ? server : client;
    from.keepData = to.keepData = false;
    const qint64 stream = from.channel->openStream();
    QVERIFY(stream >= 0);
    constexpr qint64 Total = 48 * MiB;
    BulkSender sender(from.channel.get(), stream, Total, 8 * MiB, 7);
    BulkReceiver receiver;
    receiver.attach(to.channel.get(), stream);
    sender.pump();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.bytes >= 4 * MiB, BulkTimeout);

    m_links.first->setSilent(true);
    m_links.second->setSilent(true);
    QTest::qWait(4000);
    const qint64 before = receiver.bytes;
    QVERIFY(before < Total);
    QElapsedTimer sinceRestored;
    m_links.first->resetLargest();
    m_links.second->resetLargest();
    m_links.first->setSilent(false);
    m_links.second->setSilent(false);
    if (samePath) {
        m_links.first->announceRestored();
        m_links.second->announceRestored();
    } else {
        m_links.first->setPath(2, 1400, 1400);
        m_links.second->setPath(2, 1400, 1400);
    }
    sinceRestored.start();
    QVERIFY(QTest::qWaitFor([&] { return receiver.bytes > before || client.closedCount || server.closedCount; },
                            BulkTimeout));
    qInfo("bytes moved again %lld ms after the path came back", qint64(sinceRestored.elapsed()));
    QVERIFY(
        QTest::qWaitFor([&] { return receiver.finished || client.closedCount || server.closedCount; }, BulkTimeout));
    QCOMPARE(client.closedCount, 0);
    QCOMPARE(server.closedCount, 0);
    QCOMPARE(receiver.bytes, Total);
    QCOMPARE(receiver.hash.result(), sender.digest());
    QCOMPARE(client.channel->stats().pathChanges, 1u);
    QCOMPARE(server.channel->stats().pathChanges, 1u);
    const size_t largest = std::max(m_links.first->largestSent(), m_links.second->largestSent());
    if (samePath)
        QVERIFY2(largest > 1200, "the restored path lost its datagram size");
    else
        QVERIFY2(largest <= 1200, "the new path got datagrams sized for the old one");
}

void tst_SecureChannel::wrongPeerIsRefused_data()
{
    QTest::addColumn<bool>("clientExpectsStranger");

    QTest::newRow("client expects another server") << true;
    QTest::newRow("server expects another client") << false;
}

void tst_SecureChannel::wrongPeerIsRefused()
{
    QFETCH(bool, clientExpectsStranger);

    SecureChannel::Config clientConfig = config(Role::Client);
    SecureChannel::Config serverConfig = config(Role::Server);
    if (clientExpectsStranger)
        clientConfig.expectedPeerFingerprint = m_strangerIdentity.fingerprint();
    else
        serverConfig.expectedPeerFingerprint = m_strangerIdentity.fingerprint();

    Side client;
    Side server;
    makePair(client, server, clientConfig, serverConfig);
    server.channel->open();
    client.channel->open();

    QTRY_VERIFY_WITH_TIMEOUT(client.closedCount == 1 && server.closedCount == 1, OpenTimeout);
    QCOMPARE(*client.closedKind, ErrorKind::Security);
    QCOMPARE(*server.closedKind, ErrorKind::Security);
    QCOMPARE(client.channel->error(), ErrorKind::Security);
    QCOMPARE(server.channel->error(), ErrorKind::Security);
    // The refusing side names the fingerprint it saw; the refused side says it was refused.
    Side &refusing = clientExpectsStranger ? client : server;
    Side &refused = clientExpectsStranger ? server : client;
    const QString seen = DeviceIdentity::formatFingerprint(clientExpectsStranger ? m_serverIdentity.fingerprint()
                                                                                 : m_clientIdentity.fingerprint());
    QVERIFY2(refusing.closedReason.contains(seen), qPrintable(refusing.closedReason));
    QVERIFY2(refused.closedReason.contains(u"refused"), qPrintable(refused.closedReason));

    // Neither side ever saw the channel open, a stream or a byte.
    QTest::qWait(200);
    QCOMPARE(client.opened, 0);
    QCOMPARE(server.opened, 0);
    QCOMPARE(client.dataBytes, 0);
    QCOMPARE(server.dataBytes, 0);
    QVERIFY(client.remoteStreams.isEmpty());
    QVERIFY(server.remoteStreams.isEmpty());
    QCOMPARE(client.channel->openStream(), qint64(-1));
    QCOMPARE(client.closedCount, 1);
    QCOMPARE(server.closedCount, 1);
}

void tst_SecureChannel::garbageIsIgnored()
{
    // Every third datagram on the link is preceded by garbage, from the first packet on.
    LinkImpairment toServer;
    toServer.garbage = 0.3;
    toServer.seed = 3;
    LinkImpairment toClient = toServer;
    toClient.seed = 4;
    Side client;
    Side server;
    makePair(client, server, config(Role::Client), config(Role::Server), toServer, toClient);
    server.keepData = false;

    std::mt19937 random(99);
    int injected = 0;
    auto inject = [&] {
        for (int i = 0; i < 4; ++i) {
            m_links.first->injectIncoming(MemoryDatagramLink::randomGarbage(random));
            m_links.second->injectIncoming(MemoryDatagramLink::randomGarbage(random));
            injected += 2;
        }
    };
    // Garbage reaches the waiting server before the client's first packet...
    server.channel->open();
    for (int i = 0; i < 50; ++i)
        inject();
    QTRY_VERIFY_WITH_TIMEOUT(m_links.second->datagramsReceived() >= 200, 5000);
    // ... and keeps coming during the handshake and a transfer.
    QTimer garbage;
    QObject::connect(&garbage, &QTimer::timeout, &garbage, inject);
    garbage.start(1);
    client.channel->open();
    QTRY_VERIFY2_WITH_TIMEOUT(client.opened == 1 && server.opened == 1,
                              qPrintable(client.closedReason + u" / "_s + server.closedReason), OpenTimeout);

    const qint64 stream = client.channel->openStream();
    constexpr qint64 Total = 8 * MiB;
    BulkSender sender(client.channel.get(), stream, Total, 2 * MiB, 7);
    BulkReceiver receiver;
    receiver.attach(server.channel.get(), stream);
    sender.pump();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.finished || client.closedCount || server.closedCount, BulkTimeout);
    garbage.stop();

    QVERIFY2(client.closedCount == 0 && server.closedCount == 0,
             qPrintable(client.closedReason + u" / "_s + server.closedReason));
    QCOMPARE(receiver.bytes, Total);
    QCOMPARE(receiver.hash.result(), sender.digest());
    QVERIFY(injected > 400);
    // Garbage was never mistaken for stream data or streams.
    QVERIFY(client.remoteStreams.isEmpty());
    QCOMPARE(server.remoteStreams, QList<qint64> { stream });
    QCOMPARE(client.dataBytes, 0);
}

void tst_SecureChannel::closeReachesPeer_data()
{
    QTest::addColumn<bool>("destroy");
    QTest::addColumn<bool>("fromClient");

    QTest::newRow("client closes") << false << true;
    QTest::newRow("server closes") << false << false;
    QTest::newRow("client destroyed") << true << true;
}

void tst_SecureChannel::closeReachesPeer()
{
    QFETCH(bool, destroy);
    QFETCH(bool, fromClient);

    Side client;
    Side server;
    makePair(client, server, config(Role::Client), config(Role::Server));
    QVERIFY(openBoth(client, server));
    Side &closer = fromClient ? client : server;
    Side &other = fromClient ? server : client;

    const QString reason = u"Bye for now \u2014 see you later"_s;
    if (destroy) {
        closer.channel.reset();
    } else {
        closer.channel->close(reason);
        QTRY_COMPARE_WITH_TIMEOUT(closer.closedCount, 1, 5000);
        QCOMPARE(*closer.closedKind, ErrorKind::None);
        QCOMPARE(closer.closedReason, reason);
        QCOMPARE(closer.channel->state(), SecureChannel::State::Closed);
        QCOMPARE(closer.channel->openStream(), qint64(-1));
    }
    QTRY_COMPARE_WITH_TIMEOUT(other.closedCount, 1, 5000);
    QCOMPARE(*other.closedKind, ErrorKind::ClosedByPeer);
    if (destroy)
        QVERIFY2(!other.closedReason.isEmpty(), qPrintable(other.closedReason));
    else
        QCOMPARE(other.closedReason, reason);
    QCOMPARE(other.channel->state(), SecureChannel::State::Closed);
    QTest::qWait(100);
    QCOMPARE(other.closedCount, 1);
    if (!destroy)
        QCOMPARE(closer.closedCount, 1);
}

void tst_SecureChannel::streamReset()
{
    Side client;
    Side server;
    makePair(client, server, config(Role::Client), config(Role::Server));
    QVERIFY(openBoth(client, server));

    const qint64 doomed = client.channel->openStream();
    const qint64 kept = client.channel->openStream();
    QVERIFY(client.channel->write(doomed, QByteArray(64 * 1024, 'x')));
    QVERIFY(client.channel->write(kept, "still here"));
    QTRY_COMPARE_WITH_TIMEOUT(server.received.value(doomed).size(), 64 * 1024, 5000);
    QVERIFY(client.channel->resetStream(doomed, 42));
    QVERIFY(!client.channel->write(doomed, "too late"));
    QTRY_COMPARE_WITH_TIMEOUT(server.resets.value(doomed, 0), quint64(42), 5000);
    QVERIFY(!server.resets.contains(kept));

    // The other stream goes on.
    QVERIFY(server.channel->write(kept, "reply"));
    QTRY_COMPARE_WITH_TIMEOUT(client.received.value(kept), QByteArray("reply"), 5000);
    QCOMPARE(server.received.value(kept), QByteArray("still here"));
    QVERIFY(client.resets.isEmpty());
}

// With manual credit the receiver gets no more than the stream's window until it says it consumed
// the data; another stream goes on meanwhile; once consumed, everything arrives intact.
void tst_SecureChannel::manualCreditHoldsTheSender()
{
    Side client;
    Side server;
    makePair(client, server, config(Role::Client), config(Role::Server));
    server.keepData = false;
    QVERIFY(openBoth(client, server));

    const qint64 held = client.channel->openStream();
    const qint64 free = client.channel->openStream();
    server.channel->setManualCredit(held, true); // before the stream exists at the server
    constexpr qint64 Total = 24 * MiB;
    BulkSender sender(client.channel.get(), held, Total, 32 * MiB, 7);
    BulkReceiver receiver;
    receiver.attach(server.channel.get(), held);
    sender.pump();
    // The initial stream window (8 MiB) arrives, then nothing more while it is not consumed.
    QTRY_COMPARE_WITH_TIMEOUT(receiver.bytes, 8 * MiB, 20000);
    QTest::qWait(500);
    QCOMPARE(receiver.bytes, 8 * MiB);
    QVERIFY(client.channel->bufferedBytes(held) > 8 * MiB);

    // The connection still has credit for another stream.
    BulkSender other(client.channel.get(), free, MiB, 8 * MiB, 8);
    BulkReceiver otherReceiver;
    otherReceiver.attach(server.channel.get(), free);
    other.pump();
    QTRY_VERIFY_WITH_TIMEOUT(otherReceiver.finished, 20000);
    QCOMPARE(otherReceiver.bytes, MiB);
    QCOMPARE(otherReceiver.hash.result(), other.digest());
    QCOMPARE(receiver.bytes, 8 * MiB);

    // Consuming lets the rest come, in windows.
    qint64 consumed = 0;
    const auto consumeAll = [&] {
        server.channel->consumed(held, receiver.bytes - consumed);
        consumed = receiver.bytes;
    };
    QObject::connect(server.channel.get(), &SecureChannel::dataReceived, server.channel.get(),
                     [&](qint64 s, const QByteArray &) {
                         if (s == held)
                             QTimer::singleShot(0, server.channel.get(), consumeAll);
                     });
    consumeAll();
    QTRY_VERIFY_WITH_TIMEOUT(receiver.finished || client.closedCount || server.closedCount, BulkTimeout);
    QVERIFY(!sender.failed());
    QCOMPARE(receiver.bytes, Total);
    QCOMPARE(receiver.hash.result(), sender.digest());
    QTRY_COMPARE_WITH_TIMEOUT(client.channel->bufferedBytes(held), 0, 10000);
    QVERIFY(!client.closedCount && !server.closedCount);
}

void tst_SecureChannel::handshakeTimeout_data()
{
    QTest::addColumn<Role>("role");

    QTest::newRow("client, silent server") << Role::Client;
    QTest::newRow("server, no client") << Role::Server;
}

void tst_SecureChannel::handshakeTimeout()
{
    QFETCH(Role, role);

    m_links = MemoryDatagramLink::createPair(*m_net);
    SecureChannel::Config c = config(role);
    c.handshakeTimeout = 1s;
    Side side;
    side.channel = std::make_unique<SecureChannel>(*m_net, m_links.first.get(), c);
    side.attach();
    side.channel->open();
    QCOMPARE(side.channel->state(), SecureChannel::State::Connecting);

    QTRY_COMPARE_WITH_TIMEOUT(side.closedCount, 1, 10000);
    QCOMPARE(*side.closedKind, ErrorKind::Timeout);
    QVERIFY2(side.closedReason.contains(u"handshake"), qPrintable(side.closedReason));
    QCOMPARE(side.opened, 0);
    if (role == Role::Client)
        QVERIFY(m_links.first->datagramsSent() > 0); // it did try
}

void tst_SecureChannel::keepAliveThenIdleTimeout()
{
    SecureChannel::Config clientConfig = config(Role::Client);
    SecureChannel::Config serverConfig = config(Role::Server);
    for (auto *c : { &clientConfig, &serverConfig }) {
        c->idleTimeout = 1500ms;
        c->keepAliveInterval = 300ms;
    }
    Side client;
    Side server;
    makePair(client, server, clientConfig, serverConfig);
    QVERIFY(openBoth(client, server));

    // Idle for well over the idle timeout: keep-alives hold the channel open.
    const quint64 before = m_links.first->datagramsSent();
    QTest::qWait(4000);
    QCOMPARE(client.closedCount, 0);
    QCOMPARE(server.closedCount, 0);
    QVERIFY(m_links.first->datagramsSent() > before);
    const qint64 stream = client.channel->openStream();
    QVERIFY(client.channel->write(stream, "still open"));
    QTRY_COMPARE_WITH_TIMEOUT(server.received.value(stream), QByteArray("still open"), 5000);

    // The path dies: both ends give up after the idle timeout.
    m_links.first->setSilent(true);
    m_links.second->setSilent(true);
    QTRY_VERIFY_WITH_TIMEOUT(client.closedCount == 1 && server.closedCount == 1, 15000);
    QCOMPARE(*client.closedKind, ErrorKind::Timeout);
    QCOMPARE(*server.closedKind, ErrorKind::Timeout);
    QVERIFY2(client.closedReason.contains(u"lost"), qPrintable(client.closedReason));
}

void tst_SecureChannel::apiRefusesMisuse()
{
    Side client;
    Side server;
    makePair(client, server, config(Role::Client), config(Role::Server));
    // Nothing works before the channel is open.
    QCOMPARE(client.channel->state(), SecureChannel::State::Idle);
    QCOMPARE(client.channel->openStream(), qint64(-1));
    QVERIFY(!client.channel->write(0, "x"));
    QVERIFY(openBoth(client, server));
    // Unknown streams and finished streams refuse data.
    QVERIFY(!client.channel->write(1000, "x"));
    const qint64 stream = client.channel->openStream();
    QVERIFY(client.channel->finish(stream));
    QVERIFY(!client.channel->write(stream, "after fin"));
    QVERIFY(!client.channel->finish(stream));
    QTRY_VERIFY_WITH_TIMEOUT(server.finished.contains(stream), 5000);
    QCOMPARE(server.received.value(stream), QByteArray());

    // A fingerprint of the wrong size is refused up front.
    Side broken;
    SecureChannel::Config c = config(Role::Client);
    c.expectedPeerFingerprint = QByteArray(20, 'x');
    auto links = MemoryDatagramLink::createPair(*m_net);
    broken.channel = std::make_unique<SecureChannel>(*m_net, links.first.get(), c);
    broken.attach();
    broken.channel->open();
    QTRY_COMPARE_WITH_TIMEOUT(broken.closedCount, 1, 5000);
    QCOMPARE(*broken.closedKind, ErrorKind::Security);
    QCOMPARE(links.first->datagramsSent(), quint64(0));
    broken.channel.reset();
}

QTEST_GUILESS_MAIN(tst_SecureChannel)
#include "tst_SecureChannel.moc"
