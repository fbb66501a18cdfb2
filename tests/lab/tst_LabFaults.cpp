// Faults during sessions, on real network stacks: peerlink-cli at both ends (as in tst_LabMatrix),
// and the lab breaks something while they work.
//
// - blackhole: every packet of one host's network except its XMPP connection is dropped by its
//   NAT box for 10 s, or for 40 s, in the middle of a file transfer. 10 s: the transfer simply
//   continues. 40 s: consent expires (30 s), ICE restarts through transport-info, and the channel
//   is back within 10 s of the path returning (the receiver's report says when bytes moved
//   again); the QUIC connection survives, so the transfer goes on where it stopped.
// - rebinding: the UDP connection tracking of a symmetric NAT is flushed mid-transfer, so the
//   flow leaves with a new external port; consent expires at the peer, ICE restarts, the session
//   finds the new path and the file arrives.
// - relayKilled: coturn is killed during a relayed session; the session ends with a reason
//   naming the TURN server within the consent timeout (30 s).
// - serverRestarted: prosody is restarted during a direct session; the channel keeps delivering
//   chat messages meanwhile and the accounts sign in again. The session's TLS tunnels to the TURN
//   server sit idle all along: none may break (they used to time out after 10 s).
//
// Every bound asserted is one the issue states as a requirement; times come from the peers'
// reports (wall clock), compared with the moments the faults were made.
#include "LabNetwork.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

using namespace Peerlink::Test;

namespace {

// The consent timeout of RFC 7675 (libnice's): a path that stops answering is lost after it.
constexpr qint64 ConsentTimeoutMs = 30000;
// After a path returns from an outage long enough to lose consent, the channel is back within this.
constexpr qint64 RecoveryBoundMs = 10000;

qint64 epochNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A time from a peer's report (milliseconds since it started) as wall-clock time.
qint64 epochOf(const QJsonObject &report, qint64 atMs)
{
    return report.value(QStringLiteral("clock_epoch_ms")).toInteger() + atMs;
}

QJsonObject firstEvent(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &e : report.value(QStringLiteral("events")).toArray()) {
        if (e.toObject().value(QStringLiteral("event")).toString() == name)
            return e.toObject();
    }
    return {};
}

// Exited (lab.sh, its parent, may not have reaped it yet: a zombie counts as gone).
bool processGone(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) == "Z";
}

QJsonObject lastEvent(const QJsonObject &report, const QString &name)
{
    QJsonObject found;
    for (const QJsonValue &e : report.value(QStringLiteral("events")).toArray()) {
        if (e.toObject().value(QStringLiteral("event")).toString() == name)
            found = e.toObject();
    }
    return found;
}

} // namespace

class tst_LabFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void blackhole_data();
    void blackhole();
    void rebinding();
    void relayKilled();
    void serverRestarted();

private:
    struct Peers
    {
        LabNetwork::Process initiator;
        LabNetwork::Process responder;
        QString initiatorEvents;
        QString responderEvents;
        QString downloads;
        LabNetwork::Result sent;
        LabNetwork::Result received;
    };

    // Starts "listen" on b and "connect" on a with the extra arguments of each.
    std::unique_ptr<Peers> start(const QString &a, const QString &b, const QStringList &initiatorArguments,
                                 const QStringList &responderArguments, int timeoutSeconds);
    void finish(Peers &peers, int timeoutMs, const QString &name);
    // The first event of that name an --events file has, waiting at most timeoutMs for it.
    QJsonObject waitForEvent(const QString &file, const QString &name, int timeoutMs) const;
    // Waits until the file being received has at least bytes on disk.
    bool waitForBytes(const QString &downloads, qint64 bytes, int timeoutMs) const;
    QString boxNamespace(const QString &host) const;
    // Runs an nftables script in a namespace.
    void nft(const QString &ns, const QString &script);
    // Limits the host's outgoing rate, so that a transfer lasts long enough to be interrupted.
    void limitRate(const QString &host, const QString &rate);
    QString context(const Peers &peers) const;
    // Both peers finished their work without error and the file arrived with its SHA-256.
    void verifyFileArrived(const Peers &peers);

    LabNetwork m_lab;
    QTemporaryDir m_dir;
    QString m_file;
    QByteArray m_fileSha256;
    qint64 m_fileBytes = 32 * 1000 * 1000;
    LabNetwork::Process m_prosody; // prosody as restarted by serverRestarted()
};

void tst_LabFaults::initTestCase()
{
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    QVERIFY2(!LabNetwork::cli().isEmpty(), "PEERLINK_CLI must name peerlink-cli");
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("payload.bin"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 left = m_fileBytes; left > 0;) {
        const qint64 n = std::min<qint64>(left, chunk.size());
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        const QByteArray part = chunk.left(n);
        QCOMPARE(file.write(part), n);
        hash.addData(part);
        left -= n;
    }
    file.close();
    m_fileSha256 = hash.result().toHex();
}

std::unique_ptr<tst_LabFaults::Peers> tst_LabFaults::start(const QString &a, const QString &b,
                                                           const QStringList &initiatorArguments,
                                                           const QStringList &responderArguments, int timeoutSeconds)
{
    auto peers = std::make_unique<Peers>();
    const QString dir = m_dir.filePath(QStringLiteral("run-%1").arg(QRandomGenerator::global()->generate()));
    QDir().mkpath(dir + QStringLiteral("/downloads"));
    peers->downloads = dir + QStringLiteral("/downloads");
    peers->initiatorEvents = dir + QStringLiteral("/initiator.events");
    peers->responderEvents = dir + QStringLiteral("/responder.events");
    peers->responder = m_lab.start(m_lab.host(b, QStringLiteral("NS")), LabNetwork::cli(),
                                   QStringList { QStringLiteral("listen"), QStringLiteral("--download-dir"),
                                                 peers->downloads, QStringLiteral("--events"), peers->responderEvents }
                                       + responderArguments + m_lab.cliArguments(b, a, timeoutSeconds));
    peers->initiator = m_lab.start(m_lab.host(a, QStringLiteral("NS")), LabNetwork::cli(),
                                   QStringList { QStringLiteral("connect"), m_lab.host(b, QStringLiteral("JID")),
                                                 QStringLiteral("--events"), peers->initiatorEvents }
                                       + initiatorArguments + m_lab.cliArguments(a, b, timeoutSeconds));
    return peers;
}

void tst_LabFaults::finish(Peers &peers, int timeoutMs, const QString &name)
{
    peers.sent = LabNetwork::finish(*peers.initiator, timeoutMs);
    peers.received = LabNetwork::finish(*peers.responder, 30000);
    // Everything both peers printed is kept in the lab's folder (kept when a test fails).
    const QString logs = QDir(m_lab.value(QStringLiteral("DIR"))).filePath(QStringLiteral("faults/") + name);
    QDir().mkpath(logs);
    for (const auto &[role, result] :
         { std::pair { "initiator", &peers.sent }, std::pair { "responder", &peers.received } }) {
        QFile out(logs + u'/' + QLatin1String(role) + QStringLiteral(".json"));
        QFile err(logs + u'/' + QLatin1String(role) + QStringLiteral(".log"));
        if (out.open(QIODevice::WriteOnly))
            out.write(result->out);
        if (err.open(QIODevice::WriteOnly))
            err.write(result->err);
    }
}

QString tst_LabFaults::context(const Peers &peers) const
{
    const auto summary = [](const char *role, const LabNetwork::Result &result) {
        const QJsonObject j = result.json;
        return QStringLiteral("\n%1: exit %2, state %3, end %4: %5; error: %6")
            .arg(QLatin1String(role))
            .arg(result.exitCode)
            .arg(j.value(QStringLiteral("state")).toString(), j.value(QStringLiteral("end_reason")).toString(),
                 j.value(QStringLiteral("end_text")).toString(), j.value(QStringLiteral("error")).toString());
    };
    return summary("initiator", peers.sent) + summary("responder", peers.received) + QStringLiteral("\nlogs in ")
        + m_lab.value(QStringLiteral("DIR")) + QStringLiteral("/faults");
}

void tst_LabFaults::verifyFileArrived(const Peers &peers)
{
    QVERIFY2(peers.sent.finished && peers.received.finished,
             qPrintable(QStringLiteral("a peer ran out of time") + context(peers)));
    QVERIFY2(peers.sent.exitCode == 0 && peers.received.exitCode == 0, qPrintable(context(peers)));
    const QJsonObject file = peers.received.json.value(QStringLiteral("files_received")).toArray().first().toObject();
    QVERIFY2(file.value(QStringLiteral("ok")).toBool(), qPrintable(context(peers)));
    QCOMPARE(file.value(QStringLiteral("file_sha256")).toString().toLatin1(), m_fileSha256);
}

QJsonObject tst_LabFaults::waitForEvent(const QString &file, const QString &name, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        QFile events(file);
        if (events.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : events.readAll().split('\n')) {
                const QJsonObject e = QJsonDocument::fromJson(line).object();
                if (e.value(QStringLiteral("event")).toString() == name)
                    return e;
            }
        }
        if (deadline.hasExpired())
            return {};
        QTest::qWait(50);
    }
}

bool tst_LabFaults::waitForBytes(const QString &downloads, qint64 bytes, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        // The file being received, whatever its (partial) name.
        QDirIterator it(downloads, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            if (it.nextFileInfo().size() >= bytes)
                return true;
        }
        QTest::qWait(20);
    }
    return false;
}

QString tst_LabFaults::boxNamespace(const QString &host) const
{
    return m_lab.value(QStringLiteral("PREFIX")) + QStringLiteral("-box-") + m_lab.host(host, QStringLiteral("BOX"));
}

void tst_LabFaults::nft(const QString &ns, const QString &script)
{
    const QString path = m_dir.filePath(QStringLiteral("fault-%1.nft").arg(QRandomGenerator::global()->generate()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script.toUtf8());
    file.close();
    const auto result = m_lab.run(ns, QStringLiteral("nft"), { QStringLiteral("-f"), path }, 10000);
    QVERIFY2(result.finished && result.exitCode == 0, result.details().constData());
}

void tst_LabFaults::limitRate(const QString &host, const QString &rate)
{
    const auto result = m_lab.run(m_lab.host(host, QStringLiteral("NS")), QStringLiteral("tc"),
                                  { QStringLiteral("qdisc"), QStringLiteral("replace"), QStringLiteral("dev"),
                                    QStringLiteral("eth0"), QStringLiteral("root"), QStringLiteral("tbf"),
                                    QStringLiteral("rate"), rate, QStringLiteral("burst"), QStringLiteral("64kb"),
                                    QStringLiteral("latency"), QStringLiteral("200ms") },
                                  10000);
    QVERIFY2(result.finished && result.exitCode == 0, result.details().constData());
}

void tst_LabFaults::blackhole_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<bool>("udpReturns"); // false: only TCP comes back (ICE-TCP must carry the channel)
    QTest::newRow("10 s: the transfer continues") << 10 << true;
    QTest::newRow("40 s: consent lost, ICE restarts") << 40 << true;
    // Known to fail intermittently (about one run in six here): an ICE-TCP pair sometimes stops
    // carrying anything half a second after it was selected (consent then fails 30 s later, and
    // restarts over TCP find no path again), which looks like libnice's ICE-TCP framing. Run it
    // with PEERLINK_LAB_ICE_TCP_FAULT=1 until that is fixed; CI leaves it out.
    if (qEnvironmentVariableIsSet("PEERLINK_LAB_ICE_TCP_FAULT"))
        QTest::newRow("40 s, then UDP stays blocked: ICE-TCP") << 40 << false;
}

void tst_LabFaults::blackhole()
{
    QFETCH(int, seconds);
    QFETCH(bool, udpReturns);
    const QString a = QStringLiteral("full-a"), b = QStringLiteral("none-b");
    QVERIFY(m_lab.hasHost(a) && m_lab.hasHost(b));
    limitRate(a, QStringLiteral("40mbit")); // 32 MB take about 7 s
    const auto peers = start(a, b, { QStringLiteral("--send"), m_file },
                             { QStringLiteral("--expect-files"), QStringLiteral("1") }, seconds + 120);

    QVERIFY2(waitForBytes(peers->downloads, 2 * 1000 * 1000, 90000), "the transfer did not start");
    // Everything but the XMPP connection (the signalling stays up), both ways, in a's NAT box.
    const QString server = m_lab.value(QStringLiteral("SERVER")), port = m_lab.value(QStringLiteral("XMPP_PORT"));
    const QString box = boxNamespace(a);
    nft(box,
        QStringLiteral("table inet peerlink_fault {\n"
                       "    chain forward {\n"
                       "        type filter hook forward priority filter - 10; policy accept;\n"
                       "        ip daddr %1 tcp dport %2 accept\n"
                       "        ip saddr %1 tcp sport %2 accept\n"
                       "        drop\n"
                       "    }\n"
                       "}\n")
            .arg(server, port));
    const qint64 blockedAt = epochNow();
    QTest::qWait(seconds * 1000);
    if (udpReturns) {
        nft(box, QStringLiteral("delete table inet peerlink_fault\n"));
    } else {
        nft(box,
            QStringLiteral("flush chain inet peerlink_fault forward\n"
                           "add rule inet peerlink_fault forward meta l4proto udp drop\n"));
    }
    const auto unblockUdp = qScopeGuard([&] {
        if (!udpReturns)
            nft(box, QStringLiteral("delete table inet peerlink_fault\n"));
    });
    const qint64 unblockedAt = epochNow();

    finish(*peers, (seconds + 120) * 1000,
           QStringLiteral("blackhole-%1s%2").arg(seconds).arg(udpReturns ? QString() : QStringLiteral("-tcp")));

    const QJsonObject i = peers->sent.json, r = peers->received.json;
    verifyFileArrived(*peers);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject file = r.value(QStringLiteral("files_received")).toArray().first().toObject();
    // The same QUIC connection carried on: the file was not sent again from its start.
    QCOMPARE(i.value(QStringLiteral("files_sent")).toArray().size(), 1);
    QCOMPARE(i.value(QStringLiteral("end_reason")).toString(), QStringLiteral("HungUp"));
    // The receiver saw its bytes stop while the path was cut, and move again afterwards: the
    // stall that began before the path came back and ended after it was cut.
    QJsonObject stall;
    int laterStalls = 0;
    for (const QJsonValue &s : file.value(QStringLiteral("stalls")).toArray()) {
        const qint64 from = epochOf(r, s.toObject().value(QStringLiteral("from_ms")).toInteger());
        const qint64 to = epochOf(r, s.toObject().value(QStringLiteral("to_ms")).toInteger());
        if (stall.isEmpty() && to > blockedAt && from < unblockedAt)
            stall = s.toObject();
        else if (from >= unblockedAt)
            ++laterStalls;
    }
    QVERIFY2(!stall.isEmpty(), "the receiver saw no stall: the blackhole missed the transfer");
    const qint64 resumedAt = epochOf(r, stall.value(QStringLiteral("to_ms")).toInteger());
    qInfo("blackhole %d s: bytes moved again %lld ms after the path returned; ICE restarts: initiator %d, "
          "responder %d; later stalls: %d; path %s",
          seconds, resumedAt - unblockedAt, i.value(QStringLiteral("ice_restarts")).toInt(),
          r.value(QStringLiteral("ice_restarts")).toInt(), laterStalls,
          qPrintable(i.value(QStringLiteral("local")).toObject().value(QStringLiteral("protocol")).toString()));
    QVERIFY2(resumedAt >= unblockedAt - 1000, "bytes arrived while the path was cut");
    if (seconds * 1000 > ConsentTimeoutMs) {
        // Consent was lost, ICE restarted through transport-info, the channel came back in time.
        for (const QJsonObject &report : { i, r }) {
            const QJsonObject lost = firstEvent(report, QStringLiteral("ice-failed"));
            QVERIFY2(!lost.isEmpty(), "consent was never lost");
            QVERIFY(lost.value(QStringLiteral("epoch_ms")).toInteger() > blockedAt);
            QVERIFY2(report.value(QStringLiteral("ice_restarts")).toInt() >= 1, "ICE did not restart");
            // QUIC started over on the path that came back (a migration), so it did not wait for
            // its backed-off probes.
            QVERIFY2(report.value(QStringLiteral("channel")).toObject().value(QStringLiteral("migrations")).toInt()
                         >= 1,
                     "the channel did not start over on the restored path");
        }
        QVERIFY2(resumedAt - unblockedAt <= RecoveryBoundMs,
                 qPrintable(QStringLiteral("the channel came back %1 ms after the path").arg(resumedAt - unblockedAt)));
    }
    QCOMPARE(i.value(QStringLiteral("path")).toString(), QStringLiteral("direct"));
    if (!udpReturns) {
        const QString protocol
            = i.value(QStringLiteral("local")).toObject().value(QStringLiteral("protocol")).toString();
        QVERIFY2(protocol.startsWith(u"tcp"), qPrintable(QStringLiteral("the channel ended on %1").arg(protocol)));
    }
}

void tst_LabFaults::rebinding()
{
    // A symmetric NAT gives every new flow a random port: after its connection tracking is
    // flushed, the flow leaves with a new external port.
    const QString a = QStringLiteral("sym-a"), b = QStringLiteral("none-b");
    QVERIFY(m_lab.hasHost(a) && m_lab.hasHost(b));
    limitRate(a, QStringLiteral("40mbit"));
    const auto peers = start(a, b, { QStringLiteral("--send"), m_file },
                             { QStringLiteral("--expect-files"), QStringLiteral("1") }, 150);
    QVERIFY2(waitForBytes(peers->downloads, 2 * 1000 * 1000, 90000), "the transfer did not start");
    const QJsonObject before = waitForEvent(peers->responderEvents, QStringLiteral("connected"), 1000);
    // The UDP flows only: through this NAT a flushed TCP connection (XMPP) would die unnoticed
    // until the client's keep-alive (a minute) and take the signalling of the ICE restart with it.
    const auto flushed = m_lab.run(boxNamespace(a), QStringLiteral("conntrack"),
                                   { QStringLiteral("-D"), QStringLiteral("-p"), QStringLiteral("udp") }, 10000);
    QVERIFY2(flushed.finished && flushed.exitCode == 0, flushed.details().constData());

    finish(*peers, 150000, QStringLiteral("rebinding"));
    const QJsonObject i = peers->sent.json, r = peers->received.json;
    verifyFileArrived(*peers);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(i.value(QStringLiteral("end_reason")).toString(), QStringLiteral("HungUp"));
    // The responder now reaches the initiator at its new external port.
    const QJsonObject first = before.value(QStringLiteral("remote")).toObject();
    const QJsonObject last = r.value(QStringLiteral("remote")).toObject();
    qInfo("rebinding: the peer's address went from %s:%d to %s:%d; ICE restarts: initiator %d, responder %d",
          qPrintable(first.value(QStringLiteral("address")).toString()), first.value(QStringLiteral("port")).toInt(),
          qPrintable(last.value(QStringLiteral("address")).toString()), last.value(QStringLiteral("port")).toInt(),
          i.value(QStringLiteral("ice_restarts")).toInt(), r.value(QStringLiteral("ice_restarts")).toInt());
    QVERIFY2(!first.isEmpty(), "the responder reported no path before the flush");
    QCOMPARE(last.value(QStringLiteral("address")).toString(), m_lab.host(a, QStringLiteral("EXT")));
    QVERIFY2(last.value(QStringLiteral("port")).toInt() != first.value(QStringLiteral("port")).toInt(),
             "the path still uses the external port of before the flush");
    QCOMPARE(i.value(QStringLiteral("path")).toString(), QStringLiteral("direct"));
}

void tst_LabFaults::relayKilled()
{
    // Port-restricted against symmetric: only the relay connects them (see tst_LabMatrix).
    const QString a = QStringLiteral("port-a"), b = QStringLiteral("sym-b");
    QVERIFY(m_lab.hasHost(a) && m_lab.hasHost(b));
    const auto peers = start(
        a, b, { QStringLiteral("--hold"), QStringLiteral("90"), QStringLiteral("--ping-ms"), QStringLiteral("1000") },
        { QStringLiteral("--hold"), QStringLiteral("90") }, 150);
    const QJsonObject connected = waitForEvent(peers->initiatorEvents, QStringLiteral("connected"), 90000);
    QVERIFY2(!connected.isEmpty(), "the session did not connect");
    QCOMPARE(connected.value(QStringLiteral("path")).toString(), QStringLiteral("relay"));
    QTest::qWait(2000); // a few pings over the relay first

    const pid_t coturn = pid_t(m_lab.value(QStringLiteral("COTURN_PID")).toInt());
    QVERIFY2(coturn > 0, "the lab did not say which process coturn is");
    QCOMPARE(::kill(coturn, SIGKILL), 0);
    const qint64 killedAt = epochNow();

    finish(*peers, 120000, QStringLiteral("relay-killed"));
    QVERIFY2(peers->sent.finished && peers->received.finished,
             qPrintable(QStringLiteral("a peer ran out of time") + context(*peers)));
    for (const QJsonObject &report : { peers->sent.json, peers->received.json }) {
        QCOMPARE(report.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(report.value(QStringLiteral("end_reason")).toString(), QStringLiteral("Connectivity"));
        const QString text = report.value(QStringLiteral("end_text")).toString();
        QVERIFY2(text.contains(QStringLiteral("TURN server")), qPrintable(text));
        const QJsonObject ended = lastEvent(report, QStringLiteral("ended"));
        QVERIFY(!ended.isEmpty());
        const qint64 after = ended.value(QStringLiteral("epoch_ms")).toInteger() - killedAt;
        qInfo("relay killed: %s ended %lld ms later: %s", qPrintable(report.value(QStringLiteral("role")).toString()),
              after, qPrintable(text));
        QVERIFY2(after > 0 && after <= ConsentTimeoutMs,
                 qPrintable(QStringLiteral("the session ended %1 ms after coturn died").arg(after)));
    }
}

void tst_LabFaults::serverRestarted()
{
    const QString a = QStringLiteral("full-a"), b = QStringLiteral("none-b");
    QVERIFY(m_lab.hasHost(a) && m_lab.hasHost(b));
    // Undo the rate limit of the blackhole tests: this one only chats.
    m_lab.run(m_lab.host(a, QStringLiteral("NS")), QStringLiteral("tc"),
              { QStringLiteral("qdisc"), QStringLiteral("del"), QStringLiteral("dev"), QStringLiteral("eth0"),
                QStringLiteral("root") },
              10000);
    const auto peers = start(
        a, b, { QStringLiteral("--hold"), QStringLiteral("30"), QStringLiteral("--ping-ms"), QStringLiteral("500") },
        { QStringLiteral("--hold"), QStringLiteral("60") }, 120);
    const QJsonObject connected = waitForEvent(peers->initiatorEvents, QStringLiteral("connected"), 90000);
    QVERIFY2(!connected.isEmpty(), "the session did not connect");
    QCOMPARE(connected.value(QStringLiteral("path")).toString(), QStringLiteral("direct"));
    QTest::qWait(2000);

    const pid_t prosody = pid_t(m_lab.value(QStringLiteral("PROSODY_PID")).toInt());
    QVERIFY2(prosody > 0, "the lab did not say which process prosody is");
    QCOMPARE(::kill(prosody, SIGTERM), 0);
    const qint64 stoppedAt = epochNow();
    QTRY_VERIFY_WITH_TIMEOUT(processGone(prosody), 15000);
    QTest::qWait(3000); // pings keep going over the channel meanwhile
    m_prosody = m_lab.start(m_lab.value(QStringLiteral("WAN_NS")), QStringLiteral("bash"),
                            { m_lab.value(QStringLiteral("PROSODY_RUN")) });
    const qint64 restartedAt = epochNow();

    finish(*peers, 90000, QStringLiteral("server-restarted"));
    const QJsonObject i = peers->sent.json, r = peers->received.json;
    QVERIFY2(peers->sent.finished && peers->received.finished,
             qPrintable(QStringLiteral("a peer ran out of time") + context(*peers)));
    QVERIFY2(peers->sent.exitCode == 0 && peers->received.exitCode == 0, qPrintable(context(*peers)));
    // The session lasted until the initiator hung up at the end of its hold.
    QCOMPARE(i.value(QStringLiteral("end_reason")).toString(), QStringLiteral("HungUp"));
    QCOMPARE(i.value(QStringLiteral("path")).toString(), QStringLiteral("direct"));
    // Every ping went over the channel, also those sent while the server was away.
    int whileAway = 0;
    const QJsonArray pings = i.value(QStringLiteral("messages_sent")).toArray();
    QVERIFY(pings.size() >= 20);
    for (const QJsonValue &value : pings) {
        const QJsonObject ping = value.toObject();
        QVERIFY2(ping.value(QStringLiteral("state")).toString() == u"delivered"
                     || ping.value(QStringLiteral("state")).toString() == u"read",
                 QJsonDocument(ping).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(ping.value(QStringLiteral("path")).toString(), QStringLiteral("p2p"));
        const qint64 delivered = epochOf(i, ping.value(QStringLiteral("delivered_ms")).toInteger());
        whileAway += delivered > stoppedAt && delivered < restartedAt;
    }
    QVERIFY2(whileAway > 0, "no message was delivered while the server was down");
    QCOMPARE(r.value(QStringLiteral("messages_received")).toArray().size(), pings.size());
    // Both accounts lost the server and signed in again after it came back.
    for (const QJsonObject &report : { i, r }) {
        bool lost = false, back = false;
        for (const QJsonValue &value : report.value(QStringLiteral("account_states")).toArray()) {
            const qint64 at = epochOf(report, value.toObject().value(QStringLiteral("at_ms")).toInteger());
            const QString state = value.toObject().value(QStringLiteral("state")).toString();
            lost = lost || (at >= stoppedAt && state != u"Connected");
            back = back || (lost && at >= restartedAt && state == u"Connected");
        }
        QVERIFY2(lost && back,
                 QJsonDocument(report.value(QStringLiteral("account_states")).toArray()).toJson().constData());
    }
    qInfo("server restarted: %d of %lld pings delivered while it was down", whileAway, qint64(pings.size()));
    // The TLS tunnels to the TURN server (gathered, unused on this direct path) sat idle for half
    // a minute: they must not have timed out (GIO's connect timeout used to stay on the socket).
    for (const LabNetwork::Result *result : { &peers->sent, &peers->received })
        QVERIFY2(!result->err.contains("TLS connection to TURN server"), result->err.right(2000).constData());
}

QTEST_GUILESS_MAIN(tst_LabFaults)
#include "tst_LabFaults.moc"
