#include "bench/TransferBench.h"

#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "TestPeer.h"
#include "core/channel/DeviceIdentity.h"
#include "core/channel/SecureChannel.h"
#include "core/net/NetworkThread.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/transfer/Sha256.h"
#include "core/transfer/TransferService.h"
#include "core/xmpp/Account.h"

#include <sys/resource.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>

namespace Peerlink::Bench {

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 MinBytes = 1024 * MiB;
constexpr int PhaseTimeoutMs = 600000;
const QString Password = QStringLiteral("transfer bench password");

void printLine(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    printLine({ { QStringLiteral("error"), message } });
    return 1;
}

double round2(double v)
{
    return std::round(v * 100) / 100;
}

SessionConfig loopbackConfig()
{
    SessionConfig config;
    config.ice.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
    config.ice.upnp = false;
    config.ice.ipv6 = false;
    config.ice.iceTcp = false;
    return config;
}

// CPU time (user + system) this process used so far, in seconds.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// CPU seconds (user + system) used so far by each thread of this process, summed by thread name
// (/proc/self/task/*/stat): where the time goes, without a profiler.
QHash<QString, double> threadCpuSeconds()
{
    QHash<QString, double> result;
    const double tick = double(sysconf(_SC_CLK_TCK));
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QString name = tid == QString::number(::getpid())
            ? QStringLiteral("main")
            : QString::fromUtf8(line.mid(open + 1, close - open - 1));
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 12) // fields 14 and 15 of stat(5): utime, stime
            result[name] += double(fields[11].toLongLong() + fields[12].toLongLong()) / tick;
    }
    return result;
}

// The CPU seconds per thread name between two threadCpuSeconds() samples, busiest first.
QJsonObject threadCpuDelta(const QHash<QString, double> &before, const QHash<QString, double> &after)
{
    QJsonObject out;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const double used = it.value() - before.value(it.key());
        if (used >= 0.01)
            out.insert(it.key(), std::round(used * 100) / 100);
    }
    return out;
}

QString threadText(const QJsonObject &threads)
{
    QStringList parts;
    for (auto it = threads.begin(); it != threads.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toDouble(), 0, 'f', 2);
    return parts.join(QStringLiteral(", "));
}

// Resident memory of this process in KiB.
qint64 residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

// Samples the resident memory every 10 ms on a thread of its own while armed.
class RssSampler
{
public:
    RssSampler()
        : m_thread([this] {
            while (!m_stop) {
                if (m_armed) {
                    const qint64 now = residentKiB();
                    qint64 peak = m_peak.load();
                    while (now > peak && !m_peak.compare_exchange_weak(peak, now)) { }
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        })
    { }
    ~RssSampler()
    {
        m_stop = true;
        m_thread.join();
    }
    void arm()
    {
        m_start = residentKiB();
        m_peak = m_start.load();
        m_armed = true;
    }
    void disarm()
    {
        m_armed = false;
        const qint64 now = residentKiB();
        if (now > m_peak)
            m_peak = now;
    }
    qint64 start() const { return m_start; }
    qint64 peak() const { return m_peak; }

private:
    std::atomic<bool> m_stop { false };
    std::atomic<bool> m_armed { false };
    std::atomic<qint64> m_start { 0 };
    std::atomic<qint64> m_peak { 0 };
    std::thread m_thread;
};

bool makeFile(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray block(qsizetype(4 * MiB), Qt::Uninitialized);
    QRandomGenerator(11).fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    for (qint64 at = 0, index = 0; at < size; ++index) {
        const qint64 n = std::min<qint64>(block.size(), size - at);
        std::memcpy(block.data(), &index, sizeof index);
        if (file.write(block.constData(), n) != n)
            return false;
        at += n;
    }
    // On the disk before the measurements: its write-back must not run during them.
    return file.flush() && ::fdatasync(file.handle()) == 0;
}

// The child's stdout, line by line.
class ChildLines
{
public:
    QProcess process;
    QList<QJsonObject> lines;

    explicit ChildLines()
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] {
            while (process.canReadLine())
                lines.append(QJsonDocument::fromJson(process.readLine()).object());
        });
    }
    ~ChildLines()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    std::optional<QJsonObject> event(const QString &name) const
    {
        for (const QJsonObject &line : lines) {
            if (line.value(QStringLiteral("event")).toString() == name || line.contains(QStringLiteral("error")))
                return line;
        }
        return std::nullopt;
    }
    std::optional<QJsonObject> take(const QString &name)
    {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].value(QStringLiteral("event")).toString() == name
                || lines[i].contains(QStringLiteral("error")))
                return lines.takeAt(i);
        }
        return std::nullopt;
    }
    std::optional<QJsonObject> wait(const QString &name, int timeoutMs)
    {
        (void)QTest::qWaitFor([&] { return event(name).has_value() || process.state() == QProcess::NotRunning; },
                              timeoutMs);
        return take(name);
    }
};

// Sends `bytes` from memory on a new stream as fast as the channel takes them (as ChannelBench).
class BulkSender : public QObject
{
public:
    BulkSender(SecureChannel *channel, qint64 bytes)
        : m_channel(channel)
        , m_bytes(bytes)
    {
        m_chunk = QByteArray(256 * 1024, Qt::Uninitialized);
        QRandomGenerator(5).fillRange(reinterpret_cast<quint32 *>(m_chunk.data()), m_chunk.size() / 4);
        m_stream = channel->openStream();
        connect(channel, &SecureChannel::writable, this, [this](qint64 stream) {
            if (stream == m_stream)
                pump();
        });
        pump();
    }

private:
    void pump()
    {
        constexpr qint64 MaxBuffered = 16 * MiB;
        while (m_sent < m_bytes && m_channel->bufferedBytes(m_stream) < MaxBuffered) {
            const qint64 n = std::min<qint64>(m_chunk.size(), m_bytes - m_sent);
            m_channel->write(m_stream, n == m_chunk.size() ? m_chunk : m_chunk.left(n));
            m_sent += n;
        }
        if (m_sent >= m_bytes && !m_finished) {
            m_finished = true;
            m_channel->finish(m_stream);
        }
    }

    SecureChannel *m_channel;
    qint64 m_bytes;
    qint64 m_stream = -1;
    qint64 m_sent = 0;
    bool m_finished = false;
    QByteArray m_chunk;
};

} // namespace

int runTransferBench(qint64 requested, int rounds, const QString &jsonPath)
{
    const qint64 bytes = std::max(requested, MinBytes);
    rounds = std::max(rounds, 1);
    TestCertificateAuthority ca;
    if (!ca.isValid())
        return fail(ca.errorString());
    ProsodyServer server(ca);
    if (!server.addAccount(QStringLiteral("sender"), Password)
        || !server.addAccount(QStringLiteral("receiver"), Password) || !server.start())
        return fail(server.errorString());
    NetworkThread thread;
    Test::TestPeer alice(thread, server, ca, QStringLiteral("sender"), Password, loopbackConfig());
    if (!alice.signIn())
        return fail(QStringLiteral("sign-in failed: ") + alice.account->errorString());
    const QString bobJid = server.jid(QStringLiteral("receiver"));
    {
        Test::TestPeer bob(thread, server, ca, QStringLiteral("receiver"), Password, loopbackConfig());
        if (!bob.signIn() || !Test::makeMutualContacts(alice, bob))
            return fail(QStringLiteral("the accounts did not become contacts"));
    }

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/peerlink-transfer-bench-XXXXXX"));
    if (!work.isValid())
        return fail(QStringLiteral("no temporary folder"));
    const QJsonObject config { { QStringLiteral("host"), server.host() },
                               { QStringLiteral("port"), int(server.c2sPort()) },
                               { QStringLiteral("jid"), bobJid },
                               { QStringLiteral("password"), Password },
                               { QStringLiteral("ca"), ca.caCertificatePath() },
                               { QStringLiteral("accept_from"), alice.bareJid() } };
    QFile configFile(work.filePath(QStringLiteral("config.json")));
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(QJsonDocument(config).toJson()) < 0)
        return fail(QStringLiteral("cannot write the receiver's configuration"));
    configFile.close();

    const QString source = work.filePath(QStringLiteral("payload.bin"));
    std::fprintf(stderr, "bench: writing a %lld MiB file...\n", bytes / MiB);
    if (!makeFile(source, bytes))
        return fail(QStringLiteral("cannot write %1").arg(source));

    Database db;
    if (!db.open(work.filePath(QStringLiteral("sender.sqlite"))))
        return fail(db.errorString());
    TransferService transfers(*alice.account, *alice.sessions, db);

    ChildLines child;
    child.process.start(QCoreApplication::applicationFilePath(),
                        { QStringLiteral("transfer-recv"), QStringLiteral("--dir"), work.path() });
    if (!child.wait(QStringLiteral("ready"), 30000))
        return fail(QStringLiteral("the receiving process did not sign in"));
    if (!QTest::qWaitFor([&] { return alice.account->contact(bobJid) && alice.account->contact(bobJid)->isOnline(); },
                         30000))
        return fail(QStringLiteral("the receiver did not come online"));
    QString error;
    PeerSession *session = alice.sessions->connectToContact(bobJid, &error);
    if (!session || !Test::waitConnected(session, 30000))
        return fail(QStringLiteral("no session: ") + (session ? session->endText() : error));

    QJsonArray transferRuns, channelRuns, rssRuns, transferCpuRuns, channelCpuRuns;
    double bestTransfer = 0, bestChannel = 0, worstRss = 0, checksumSeconds = 0, endToEnd = 0;
    QJsonObject threadsLast;
    QJsonArray lostRuns;
    for (int round = 1; round <= rounds; ++round) {
        // The file, as a user sends it.
        std::fprintf(stderr, "bench: round %d: file transfer...\n", round);
        QElapsedTimer clock;
        clock.start();
        qint64 offeredAtNs = -1;
        double senderCpuAtOffer = 0;
        QHash<QString, double> senderThreadsAtOffer;
        QObject context;
        QObject::connect(&transfers, &TransferService::transferChanged, &context, [&](const Transfer &t) {
            if (t.state == Transfer::State::Offered && offeredAtNs < 0) {
                offeredAtNs = clock.nsecsElapsed();
                senderCpuAtOffer = cpuSeconds();
                senderThreadsAtOffer = threadCpuSeconds();
            }
        });
        const quint64 lostBefore = session->channel()->stats().lostPackets;
        if (!transfers.sendFiles(bobJid, { source }, &error))
            return fail(error);
        const QString id = transfers.transfers().constLast().id;
        const auto received = child.wait(QStringLiteral("transfer"), PhaseTimeoutMs);
        if (!received || received->contains(QStringLiteral("error")))
            return fail(received ? received->value(QStringLiteral("error")).toString()
                                 : QStringLiteral("the transfer did not finish in time"));
        if (!QTest::qWaitFor([&] { return transfers.transfer(id)->isFinal(); }, 30000)
            || transfers.transfer(id)->state != Transfer::State::Completed)
            return fail(QStringLiteral("the sender did not see the transfer complete: ")
                        + transfers.transfer(id)->error);
        const double transferSeconds = received->value(QStringLiteral("seconds")).toDouble();
        const double transferMBps = double(bytes) / 1e6 / transferSeconds;
        const double rssGrowth = double(received->value(QStringLiteral("rss_peak_kib")).toInteger()
                                        - received->value(QStringLiteral("rss_start_kib")).toInteger())
            / 1024.0;
        const double senderTransferCpu = cpuSeconds() - senderCpuAtOffer;
        const QJsonObject senderTransferThreads = threadCpuDelta(senderThreadsAtOffer, threadCpuSeconds());
        const quint64 transferLost = session->channel()->stats().lostPackets - lostBefore;
        checksumSeconds = double(offeredAtNs) / 1e9;
        endToEnd = double(clock.nsecsElapsed()) / 1e9;
        transfers.forget(id);

        // The channel alone, same session, same process pair.
        std::fprintf(stderr, "bench: round %d: channel bulk...\n", round);
        const double senderChannelCpuBefore = cpuSeconds();
        const QHash<QString, double> senderChannelThreadsBefore = threadCpuSeconds();
        const quint64 lostBeforeBulk = session->channel()->stats().lostPackets;
        BulkSender bulk(session->channel(), bytes);
        const auto channel = child.wait(QStringLiteral("channel"), PhaseTimeoutMs);
        const quint64 channelLost = session->channel()->stats().lostPackets - lostBeforeBulk;
        const double senderChannelCpu = cpuSeconds() - senderChannelCpuBefore;
        const QJsonObject senderChannelThreads = threadCpuDelta(senderChannelThreadsBefore, threadCpuSeconds());
        if (!channel || channel->contains(QStringLiteral("error")))
            return fail(channel ? channel->value(QStringLiteral("error")).toString()
                                : QStringLiteral("the channel run did not finish in time"));
        const double channelMBps = channel->value(QStringLiteral("MBps")).toDouble();

        const double transferCpu = senderTransferCpu + received->value(QStringLiteral("cpu_s")).toDouble();
        const double channelCpu = senderChannelCpu + channel->value(QStringLiteral("cpu_s")).toDouble();
        std::fprintf(stderr,
                     "bench:   transfer %.1f MB/s (RSS +%.1f MiB, %.2f CPU s), channel %.1f "
                     "MB/s (%.2f CPU s)\n",
                     transferMBps, rssGrowth, transferCpu, channelMBps, channelCpu);
        const QJsonObject receiverTransferThreads = received->value(QStringLiteral("threads")).toObject();
        const QJsonObject receiverChannelThreads = channel->value(QStringLiteral("threads")).toObject();
        std::fprintf(stderr, "bench:   packets lost (sender's view): transfer %llu, channel %llu\n",
                     static_cast<unsigned long long>(transferLost), static_cast<unsigned long long>(channelLost));
        lostRuns.append(QJsonArray { double(transferLost), double(channelLost) });
        std::fprintf(stderr, "bench:   CPU s per thread, transfer: sender {%s}, receiver {%s}\n",
                     qPrintable(threadText(senderTransferThreads)), qPrintable(threadText(receiverTransferThreads)));
        std::fprintf(stderr, "bench:   CPU s per thread, channel:  sender {%s}, receiver {%s}\n",
                     qPrintable(threadText(senderChannelThreads)), qPrintable(threadText(receiverChannelThreads)));
        threadsLast = QJsonObject {
            { QStringLiteral("transfer"),
              QJsonObject { { QStringLiteral("sender"), senderTransferThreads },
                            { QStringLiteral("receiver"), receiverTransferThreads } } },
            { QStringLiteral("channel"),
              QJsonObject { { QStringLiteral("sender"), senderChannelThreads },
                            { QStringLiteral("receiver"), receiverChannelThreads } } },
        };
        transferCpuRuns.append(round2(transferCpu));
        channelCpuRuns.append(round2(channelCpu));
        transferRuns.append(round2(transferMBps));
        channelRuns.append(round2(channelMBps));
        rssRuns.append(round2(rssGrowth));
        bestTransfer = std::max(bestTransfer, transferMBps);
        bestChannel = std::max(bestChannel, channelMBps);
        worstRss = std::max(worstRss, rssGrowth);
    }
    child.process.terminate();
    child.process.waitForFinished(10000);

    const QJsonObject result {
        { QStringLiteral("file_MB"), round2(double(bytes) / 1e6) },
        { QStringLiteral("transfer_MBps"), round2(bestTransfer) },
        { QStringLiteral("channel_MBps"), round2(bestChannel) },
        { QStringLiteral("ratio"), bestChannel > 0 ? std::round(bestTransfer / bestChannel * 1000) / 1000 : 0 },
        { QStringLiteral("rss_growth_MB"), round2(worstRss) },
        { QStringLiteral("rounds"), rounds },
        { QStringLiteral("transfer_MBps_runs"), transferRuns },
        { QStringLiteral("channel_MBps_runs"), channelRuns },
        { QStringLiteral("rss_growth_MB_runs"), rssRuns },
        // CPU seconds of both processes (from the offer on; the kernel's write-back is not counted).
        { QStringLiteral("transfer_cpu_s_runs"), transferCpuRuns },
        { QStringLiteral("channel_cpu_s_runs"), channelCpuRuns },
        // The same per thread name, in the last round.
        { QStringLiteral("thread_cpu_s_last"), threadsLast },
        // Packets with stream data the sender declared lost, [transfer, channel] per round.
        { QStringLiteral("lost_packets_runs"), lostRuns },
        { QStringLiteral("cpus"), int(std::thread::hardware_concurrency()) },
        { QStringLiteral("sender_checksum_s"), round2(checksumSeconds) },
        { QStringLiteral("end_to_end_s_last"), round2(endToEnd) },
        { QStringLiteral("sha256"), QString::fromLatin1(Sha256::backend()) },
        { QStringLiteral("path"), QStringLiteral("loopback, two processes, local prosody") },
    };
    if (!jsonPath.isEmpty()) {
        QSaveFile out(jsonPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(result).toJson()) < 0 || !out.commit())
            return fail(QStringLiteral("cannot write %1").arg(jsonPath));
    }
    printLine(result);
    return 0;
}

int runTransferReceiver(const QString &dir)
{
    QFile configFile(dir + QStringLiteral("/config.json"));
    if (!configFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1").arg(configFile.fileName()));
    const QJsonObject config = QJsonDocument::fromJson(configFile.readAll()).object();
    QFile caFile(config.value(QStringLiteral("ca")).toString());
    if (!caFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the CA certificate"));

    QString error;
    const DeviceIdentity identity = DeviceIdentity::generate(&error);
    if (identity.isNull())
        return fail(error);
    Database db;
    if (!db.open(dir + QStringLiteral("/receiver.sqlite")))
        return fail(db.errorString());
    NetworkThread thread;
    Account account;
    AccountConfig accountConfig;
    accountConfig.jid = config.value(QStringLiteral("jid")).toString();
    accountConfig.password = config.value(QStringLiteral("password")).toString();
    accountConfig.host = config.value(QStringLiteral("host")).toString();
    accountConfig.port = quint16(config.value(QStringLiteral("port")).toInt());
    accountConfig.trustedCaCertificates = QSslCertificate::fromData(caFile.readAll(), QSsl::Pem);
    account.setConfig(accountConfig);
    SessionManager sessions(account, thread, identity, loopbackConfig());
    TransferSettings settings;
    settings.downloadDir = dir + QStringLiteral("/Downloads");
    settings.autoAccept
        = { { config.value(QStringLiteral("accept_from")).toString(), std::numeric_limits<qint64>::max() } };
    TransferService transfers(account, sessions, db, settings);

    RssSampler rss;
    QElapsedTimer clock;
    QString current;
    double cpuAtStart = 0;
    QHash<QString, double> threadsAtStart;
    QObject::connect(&transfers, &TransferService::transferAdded, [&](const Transfer &t) {
        if (t.direction != Transfer::Direction::Incoming)
            return;
        current = t.id;
        rss.arm();
    });
    QObject::connect(&transfers, &TransferService::transferChanged, [&](const Transfer &t) {
        if (t.id == current && t.state == Transfer::State::Running && !clock.isValid()) {
            clock.start(); // accepted: from now on the bytes may flow
            cpuAtStart = cpuSeconds();
            threadsAtStart = threadCpuSeconds();
        }
    });
    QObject::connect(&transfers, &TransferService::finished, [&](const Transfer &t) {
        if (t.id != current)
            return;
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        rss.disarm();
        clock.invalidate();
        current.clear();
        if (t.state != Transfer::State::Completed) {
            printLine({ { QStringLiteral("error"),
                          QStringLiteral("the transfer ended %1: %2").arg(Transfer::stateName(t.state), t.error) } });
            return;
        }
        printLine({ { QStringLiteral("event"), QStringLiteral("transfer") },
                    { QStringLiteral("bytes"), t.size },
                    { QStringLiteral("seconds"), seconds },
                    { QStringLiteral("resumed_from"), t.resumedFrom },
                    { QStringLiteral("rss_start_kib"), rss.start() },
                    { QStringLiteral("rss_peak_kib"), rss.peak() },
                    { QStringLiteral("cpu_s"), cpuSeconds() - cpuAtStart },
                    { QStringLiteral("threads"), threadCpuDelta(threadsAtStart, threadCpuSeconds()) } });
        QFile::remove(t.localPath); // room for the next round
        transfers.forget(t.id);
    });

    // The channel run: a plain stream the sender opens once no transfer runs.
    qint64 bulkReceived = 0, bulkLastNs = 0;
    double bulkCpuAtStart = 0;
    QHash<QString, double> bulkThreadsAtStart;
    QElapsedTimer bulkClock;
    QObject::connect(&sessions, &SessionManager::sessionAdded, [&](PeerSession *s) {
        QObject::connect(s, &PeerSession::connected, s, [&, s] {
            SecureChannel *channel = s->channel();
            QObject::connect(channel, &SecureChannel::dataReceived, channel, [&](qint64, const QByteArray &data) {
                if (!current.isEmpty())
                    return; // a file stream
                if (bulkReceived == 0) {
                    bulkClock.start();
                    bulkCpuAtStart = cpuSeconds();
                    bulkThreadsAtStart = threadCpuSeconds();
                }
                bulkReceived += data.size();
                bulkLastNs = bulkClock.nsecsElapsed();
            });
            QObject::connect(channel, &SecureChannel::streamFinished, channel, [&](qint64) {
                if (!current.isEmpty() || bulkReceived == 0)
                    return;
                const double seconds = double(bulkLastNs) / 1e9;
                printLine({ { QStringLiteral("event"), QStringLiteral("channel") },
                            { QStringLiteral("bytes"), bulkReceived },
                            { QStringLiteral("seconds"), seconds },
                            { QStringLiteral("MBps"), seconds > 0 ? double(bulkReceived) / 1e6 / seconds : 0.0 },
                            { QStringLiteral("cpu_s"), cpuSeconds() - bulkCpuAtStart },
                            { QStringLiteral("threads"), threadCpuDelta(bulkThreadsAtStart, threadCpuSeconds()) } });
                bulkReceived = 0;
            });
        });
    });
    QObject::connect(&account, &Account::stateChanged, [](Account::State state) {
        if (state == Account::State::Connected)
            printLine({ { QStringLiteral("event"), QStringLiteral("ready") } });
    });
    account.connectToServer();
    return QCoreApplication::exec();
}

} // namespace Peerlink::Bench
