#include "bench/ChannelBench.h"

#include "core/channel/DeviceIdentity.h"
#include "core/channel/SecureChannel.h"
#include "core/ice/IceAgent.h"
#include "core/net/NetworkThread.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace Peerlink::Bench {

namespace {

QJsonObject candidateToJson(const IceCandidate &c)
{
    return {
        { QStringLiteral("foundation"), c.foundation },
        { QStringLiteral("component"), c.component },
        { QStringLiteral("priority"), qint64(c.priority) },
        { QStringLiteral("address"), c.address.toString() },
        { QStringLiteral("port"), c.port },
        { QStringLiteral("type"), IceCandidate::typeName(c.type) },
    };
}

IceCandidate candidateFromJson(const QJsonObject &o)
{
    IceCandidate c;
    c.foundation = o.value(QStringLiteral("foundation")).toString();
    c.component = o.value(QStringLiteral("component")).toInt();
    c.priority = quint32(o.value(QStringLiteral("priority")).toInteger());
    c.address = QHostAddress(o.value(QStringLiteral("address")).toString());
    c.port = quint16(o.value(QStringLiteral("port")).toInt());
    IceCandidate::parseTypeName(o.value(QStringLiteral("type")).toString(), &c.type);
    return c;
}

// One side of the benchmark: the ICE agent, the control connection and the channel.
class Side : public QObject
{
public:
    Side(const ChannelBenchOptions &options, bool sender)
        : m_options(options)
        , m_sender(sender)
    {
        QString error;
        m_identity = DeviceIdentity::generate(&error);
        IceConfig ice;
        ice.localAddresses = { QHostAddress(options.bindAddress) };
        ice.upnp = false;
        ice.iceTcp = false;
        ice.ipv6 = false;
        m_ice = std::make_unique<IceAgent>(m_thread, ice, sender);
        connect(m_ice.get(), &IceAgent::gatheringDone, this, [this] {
            m_gathered = true;
            sendHello();
        });
        connect(m_ice.get(), &IceAgent::stateChanged, this, [this](IceAgent::State s) {
            if (s == IceAgent::State::Ready && m_sender && !m_channel)
                openChannel();
            if (s == IceAgent::State::Failed)
                fail(QStringLiteral("ICE failed: ") + m_ice->failureReason());
        });
    }

    ~Side() override
    {
        m_channel.reset();
        m_ice.reset();
    }

    QJsonObject run()
    {
        if (m_sender) {
            m_control = new QTcpSocket(this);
            connectControl();
        } else {
            auto *server = new QTcpServer(this);
            if (!server->listen(QHostAddress(m_options.bindAddress), m_options.controlPort))
                return { { QStringLiteral("error"), server->errorString() } };
            connect(server, &QTcpServer::newConnection, this, [this, server] {
                m_control = server->nextPendingConnection();
                attachControl();
                sendHello();
            });
        }
        m_ice->start();
        QTimer::singleShot(600000, this, [this] { fail(QStringLiteral("timed out")); });
        QCoreApplication::exec();
        return m_result;
    }

private:
    void connectControl()
    {
        connect(m_control, &QTcpSocket::errorOccurred, this, [this] {
            if (++m_connectAttempts > 100)
                return fail(QStringLiteral("control connection: ") + m_control->errorString());
            QTimer::singleShot(50, this, [this] {
                m_control->abort();
                m_control->connectToHost(m_options.peerAddress, m_options.controlPort);
            });
        });
        connect(m_control, &QTcpSocket::connected, this, [this] {
            attachControl();
            sendHello();
        });
        m_control->connectToHost(m_options.peerAddress, m_options.controlPort);
    }

    void attachControl()
    {
        connect(m_control, &QTcpSocket::readyRead, this, [this] {
            while (m_control->canReadLine())
                onControlLine(QJsonDocument::fromJson(m_control->readLine()).object());
        });
    }

    void sendHello()
    {
        if (!m_gathered || !m_control || m_control->state() != QAbstractSocket::ConnectedState || m_helloSent)
            return;
        m_helloSent = true;
        QJsonArray candidates;
        for (const IceCandidate &c : m_ice->localCandidates())
            candidates.append(candidateToJson(c));
        const auto credentials = m_ice->localCredentials();
        const QJsonObject hello {
            { QStringLiteral("ufrag"), credentials.ufrag },
            { QStringLiteral("pwd"), credentials.password },
            { QStringLiteral("fingerprint"), QString::fromLatin1(m_identity.fingerprint().toHex()) },
            { QStringLiteral("candidates"), candidates },
        };
        m_control->write(QJsonDocument(hello).toJson(QJsonDocument::Compact) + '\n');
    }

    void onControlLine(const QJsonObject &message)
    {
        if (message.contains(QStringLiteral("done"))) {
            if (m_sender)
                finishSender(message);
            return;
        }
        m_peerFingerprint = QByteArray::fromHex(message.value(QStringLiteral("fingerprint")).toString().toLatin1());
        m_ice->setRemoteCredentials(message.value(QStringLiteral("ufrag")).toString(),
                                    message.value(QStringLiteral("pwd")).toString());
        IceCandidates remote;
        for (const QJsonValue &v : message.value(QStringLiteral("candidates")).toArray())
            remote.append(candidateFromJson(v.toObject()));
        m_ice->addRemoteCandidates(remote);
        m_ice->remoteGatheringDone();
        if (!m_sender)
            openChannel(); // the server listens before the client's first packet can arrive
    }

    void openChannel()
    {
        SecureChannel::Config config;
        config.role = m_sender ? SecureChannel::Role::Client : SecureChannel::Role::Server;
        config.identity = m_identity;
        config.expectedPeerFingerprint = m_peerFingerprint;
        config.congestionControl
            = m_options.bbr ? SecureChannel::CongestionControl::Bbr : SecureChannel::CongestionControl::Cubic;
        m_channel = std::make_unique<SecureChannel>(m_thread, m_ice.get(), config);
        connect(m_channel.get(), &SecureChannel::closed, this, [this](SecureChannel::ErrorKind, const QString &why) {
            if (m_result.isEmpty())
                fail(QStringLiteral("channel closed: ") + why);
        });
        if (m_sender) {
            connect(m_channel.get(), &SecureChannel::opened, this, [this] {
                m_stream = m_channel->openStream();
                m_chunk = QByteArray(256 * 1024, Qt::Uninitialized);
                quint32 x = 2463534242u;
                for (qsizetype i = 0; i + 4 <= m_chunk.size(); i += 4) {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    memcpy(m_chunk.data() + i, &x, 4);
                }
                m_clock.start();
                pump();
            });
            connect(m_channel.get(), &SecureChannel::writable, this, [this] { pump(); });
        } else {
            connect(m_channel.get(), &SecureChannel::dataReceived, this, [this](qint64, const QByteArray &data) {
                if (m_received == 0)
                    m_clock.start();
                m_received += data.size();
                m_lastByteNs = m_clock.nsecsElapsed();
            });
            connect(m_channel.get(), &SecureChannel::streamFinished, this, [this] { finishReceiver(); });
        }
        m_channel->open();
    }

    void pump()
    {
        constexpr qint64 MaxBuffered = 16 * 1024 * 1024;
        while (m_sent < m_options.bytes && m_channel->bufferedBytes(m_stream) < MaxBuffered) {
            const qint64 n = std::min<qint64>(m_chunk.size(), m_options.bytes - m_sent);
            m_channel->write(m_stream, n == m_chunk.size() ? m_chunk : m_chunk.left(n));
            m_sent += n;
        }
        if (m_sent >= m_options.bytes && !m_finished) {
            m_finished = true;
            m_channel->finish(m_stream);
        }
    }

    QJsonObject pathJson() const
    {
        QJsonObject o;
        if (const auto pair = m_ice->selectedPair()) {
            o.insert(QStringLiteral("local_type"), IceCandidate::typeName(pair->local.type));
            o.insert(QStringLiteral("remote_type"), IceCandidate::typeName(pair->remote.type));
        }
        return o;
    }

    void finishReceiver()
    {
        const double seconds = double(m_lastByteNs) / 1e9;
        const auto stats = m_channel->stats();
        m_result = pathJson();
        m_result.insert(QStringLiteral("bytes"), m_received);
        m_result.insert(QStringLiteral("seconds"), seconds);
        m_result.insert(QStringLiteral("MBps"), seconds > 0 ? double(m_received) / 1e6 / seconds : 0);
        m_result.insert(QStringLiteral("datagrams_received"), qint64(stats.datagramsReceived));
        m_control->write(QJsonDocument(QJsonObject { { QStringLiteral("done"), true } }).toJson(QJsonDocument::Compact)
                         + '\n');
        m_control->flush();
        QTimer::singleShot(200, qApp, &QCoreApplication::quit);
    }

    void finishSender(const QJsonObject &)
    {
        const auto stats = m_channel->stats();
        m_result = pathJson();
        m_result.insert(QStringLiteral("bytes"), m_sent);
        m_result.insert(QStringLiteral("seconds"), double(m_clock.nsecsElapsed()) / 1e9);
        m_result.insert(QStringLiteral("lost_packets"), qint64(stats.lostPackets));
        m_result.insert(QStringLiteral("datagrams_sent"), qint64(stats.datagramsSent));
        m_result.insert(QStringLiteral("smoothed_rtt_us"), qint64(stats.smoothedRtt.count()));
        m_result.insert(QStringLiteral("cwnd"), qint64(stats.congestionWindow));
        QCoreApplication::quit();
    }

    void fail(const QString &message)
    {
        if (m_result.isEmpty())
            m_result = { { QStringLiteral("error"), message } };
        QCoreApplication::quit();
    }

    ChannelBenchOptions m_options;
    bool m_sender;
    NetworkThread m_thread;
    DeviceIdentity m_identity;
    std::unique_ptr<IceAgent> m_ice;
    std::unique_ptr<SecureChannel> m_channel;
    QTcpSocket *m_control = nullptr;
    int m_connectAttempts = 0;
    bool m_gathered = false;
    bool m_helloSent = false;
    QByteArray m_peerFingerprint;
    QByteArray m_chunk;
    qint64 m_stream = -1;
    qint64 m_sent = 0;
    qint64 m_received = 0;
    qint64 m_lastByteNs = 0;
    bool m_finished = false;
    QElapsedTimer m_clock;
    QJsonObject m_result;
};

} // namespace

QJsonObject runChannelReceiver(const ChannelBenchOptions &options)
{
    Side side(options, false);
    return side.run();
}

QJsonObject runChannelSender(const ChannelBenchOptions &options)
{
    Side side(options, true);
    return side.run();
}

} // namespace Peerlink::Bench
