// The NAT matrix: Peerlink (peerlink-cli at both ends) between hosts behind every pair of NAT
// types of the lab, plus hairpinning, a symmetric NAT with UPnP, and a network that drops UDP.
// Each cell signs both hosts in on the lab's prosody, connects (initiator: the first host),
// sends a file and checks the path type against what WebRTC's NAT matrix expects: direct
// everywhere except port-restricted with symmetric and symmetric with symmetric (relayed
// through coturn); symmetric with UPnP against symmetric is direct; without UDP the relay is
// reached over TCP or TLS. A cell passes when the path matches and the file arrives with its
// SHA-256. The cells run in the lab that tools/lab/lab.sh built (tst_LabNatBoxes checked its
// boxes first).
//
// PEERLINK_LAB_JSON=FILE writes the cells as {"cells": [...]} (./dev lab matrix --json FILE);
// PEERLINK_LAB_FILE_BYTES changes the file size (default 10 MB).
#include "LabNetwork.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <utility>

using namespace Peerlink::Test;

namespace {

struct Cell
{
    QString hostA, hostB, typeA, typeB, expected;
    QString path, localType, remoteType, relayTransport;
    qint64 connectMs = -1;
    double megabytesPerSecond = 0;
    bool fileOk = false;
    bool ok = false;
    QString error;
};

QString shortType(const QString &type)
{
    if (type == u"full-cone")
        return QStringLiteral("full");
    if (type == u"address-restricted")
        return QStringLiteral("addr");
    if (type == u"port-restricted")
        return QStringLiteral("port");
    if (type == u"symmetric")
        return QStringLiteral("sym");
    return type;
}

} // namespace

class tst_LabMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cell_data();
    void cell();
    void cleanupTestCase();

private:
    LabNetwork m_lab;
    QTemporaryDir m_dir;
    QString m_file;
    QByteArray m_fileSha256;
    qint64 m_fileBytes = 10 * 1000 * 1000;
    QList<Cell> m_cells;
};

void tst_LabMatrix::initTestCase()
{
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    QVERIFY2(!LabNetwork::cli().isEmpty(), "PEERLINK_CLI must name peerlink-cli");
    QVERIFY(m_dir.isValid());
    if (const qint64 bytes = qEnvironmentVariable("PEERLINK_LAB_FILE_BYTES").toLongLong(); bytes > 0)
        m_fileBytes = bytes;
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

void tst_LabMatrix::cell_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");

    const QStringList types = { QStringLiteral("none"), QStringLiteral("full"), QStringLiteral("addr"),
                                QStringLiteral("port"), QStringLiteral("sym") };
    const auto add = [this](const QString &a, const QString &b, const char *expected) {
        if (m_lab.hasHost(a) && m_lab.hasHost(b))
            QTest::newRow(qPrintable(a + u'+' + b)) << a << b << QString::fromLatin1(expected);
    };
    for (qsizetype i = 0; i < types.size(); ++i) {
        for (qsizetype j = i; j < types.size(); ++j) {
            const bool relay
                = (types[i] == u"port" && types[j] == u"sym") || (types[i] == u"sym" && types[j] == u"sym");
            add(types[i] + QStringLiteral("-a"), types[j] + QStringLiteral("-b"), relay ? "relay" : "direct");
        }
    }
    add(QStringLiteral("hairpin-1"), QStringLiteral("hairpin-2"), "direct");
    add(QStringLiteral("upnp"), QStringLiteral("sym-b"), "direct");
    add(QStringLiteral("udpblock"), QStringLiteral("port-a"), "relay");
}

void tst_LabMatrix::cell()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);

    Cell c;
    c.hostA = a;
    c.hostB = b;
    c.typeA = m_lab.host(a, QStringLiteral("TYPE"));
    c.typeB = m_lab.host(b, QStringLiteral("TYPE"));
    c.expected = expected;

    QTemporaryDir downloads(m_dir.filePath(QStringLiteral("downloads-XXXXXX")));
    QVERIFY(downloads.isValid());
    auto responder = m_lab.start(m_lab.host(b, QStringLiteral("NS")), LabNetwork::cli(),
                                 QStringList { QStringLiteral("listen"), QStringLiteral("--expect-files"),
                                               QStringLiteral("1"), QStringLiteral("--download-dir"), downloads.path() }
                                     + m_lab.cliArguments(b, a, 90));
    QStringList initiatorArguments { QStringLiteral("connect"), m_lab.host(b, QStringLiteral("JID")),
                                     QStringLiteral("--send"), m_file };
    // The UPnP mapping may come after the file arrived: the report is to list it.
    if (a == u"upnp")
        initiatorArguments << QStringLiteral("--wait-gathering");
    // What the IGD (miniupnpd) logs from now on: the mappings this cell asks for.
    const QString igdLog
        = QDir(m_lab.value(QStringLiteral("DIR")))
              .filePath(QStringLiteral("miniupnpd-%1/miniupnpd.log").arg(m_lab.host(a, QStringLiteral("BOX"))));
    const qint64 igdLogStart = QFileInfo(igdLog).size();
    auto initiator = m_lab.start(m_lab.host(a, QStringLiteral("NS")), LabNetwork::cli(),
                                 initiatorArguments + m_lab.cliArguments(a, b, 90));
    const auto sent = LabNetwork::finish(*initiator, 120000);
    const auto received = LabNetwork::finish(*responder, 30000);

    const QJsonObject i = sent.json, r = received.json;
    c.path = i.value(QStringLiteral("path")).toString();
    c.localType = i.value(QStringLiteral("local")).toObject().value(QStringLiteral("type")).toString();
    c.remoteType = i.value(QStringLiteral("remote")).toObject().value(QStringLiteral("type")).toString();
    c.connectMs = i.value(QStringLiteral("connect_ms")).toInteger(-1);
    const QJsonObject file = r.value(QStringLiteral("files_received")).toArray().first().toObject();
    c.fileOk = file.value(QStringLiteral("ok")).toBool()
        && file.value(QStringLiteral("file_sha256")).toString().toLatin1() == m_fileSha256;
    c.megabytesPerSecond = file.value(QStringLiteral("MBps")).toDouble();
    // Which side reached the relay how: the relayed candidate is local at one end.
    for (const QJsonObject &end : { i, r }) {
        const QJsonObject local = end.value(QStringLiteral("local")).toObject();
        if (local.value(QStringLiteral("type")).toString() == u"relay")
            c.relayTransport = local.value(QStringLiteral("relay_transport")).toString();
    }
    c.error = i.value(QStringLiteral("error")).toString();
    if (c.error.isEmpty())
        c.error = r.value(QStringLiteral("error")).toString();
    c.ok = c.path == expected && c.fileOk && sent.exitCode == 0 && received.exitCode == 0;
    m_cells.append(c);

    // Everything both peers printed is kept in the lab's folder (kept when a test fails).
    const QString logs = QDir(m_lab.value(QStringLiteral("DIR"))).filePath(QStringLiteral("cells/") + a + u'+' + b);
    QDir().mkpath(logs);
    for (const auto &[name, result] : { std::pair { "initiator", &sent }, std::pair { "responder", &received } }) {
        QFile out(logs + u'/' + QLatin1String(name) + QStringLiteral(".json"));
        QFile err(logs + u'/' + QLatin1String(name) + QStringLiteral(".log"));
        if (out.open(QIODevice::WriteOnly))
            out.write(result->out);
        if (err.open(QIODevice::WriteOnly))
            err.write(result->err);
    }
    const auto context = [&] {
        const auto summary = [](const char *role, const QString &host, const LabNetwork::Result &result) {
            const QJsonObject j = result.json;
            return QStringLiteral("\n%1 %2: exit %3, state %4, error: %5 %6")
                .arg(QLatin1String(role), host)
                .arg(result.exitCode)
                .arg(j.value(QStringLiteral("state")).toString(), j.value(QStringLiteral("error")).toString(),
                     j.value(QStringLiteral("end_text")).toString());
        };
        return summary("initiator", a, sent) + summary("responder", b, received) + QStringLiteral("\nlogs: ") + logs;
    };
    QVERIFY2(sent.finished && received.finished, qPrintable(QStringLiteral("a peer ran out of time") + context()));
    QVERIFY2(sent.exitCode == 0 && received.exitCode == 0, qPrintable(context()));
    QVERIFY2(
        c.path == expected,
        qPrintable(QStringLiteral("path %1 (%2 -> %3), expected %4").arg(c.path, c.localType, c.remoteType, expected)));
    QVERIFY2(c.fileOk, qPrintable(QStringLiteral("the file did not arrive intact") + context()));
    // Both ends agree on the kind of path.
    QCOMPARE(r.value(QStringLiteral("path")).toString(), c.path);
    if (a == u"udpblock") {
        // No UDP leaves that network: its end reaches the relay over TCP or TLS.
        const QString transport
            = i.value(QStringLiteral("local")).toObject().value(QStringLiteral("relay_transport")).toString();
        QVERIFY2(transport == u"tcp" || transport == u"tls", qPrintable(transport));
    }
    if (a == u"upnp") {
        // The host mapped its UDP port on the IGD. libnice offers the mapping as a candidate only
        // when it comes before the STUN answer: it keeps one server-reflexive candidate per
        // address and base, the first (the STUN one, on a quick STUN server), so the report's
        // candidates do not always show it; the IGD's log always does.
        bool mapped = false;
        for (const QJsonValue &candidate : i.value(QStringLiteral("candidates")).toArray())
            mapped = mapped || candidate.toObject().value(QStringLiteral("upnp")).toBool();
        QFile log(igdLog);
        if (!mapped && log.open(QIODevice::ReadOnly) && log.seek(igdLogStart)) {
            const QByteArray mapping = " to " + m_lab.host(a, QStringLiteral("ADDR")).toLatin1() + ':';
            for (const QByteArray &line : log.readAll().split('\n'))
                mapped = mapped || (line.contains("AddPortMapping: ext port") && line.contains(mapping));
        }
        QVERIFY2(mapped, "the UPnP host got no UPnP mapping");
    }
}

void tst_LabMatrix::cleanupTestCase()
{
    if (m_cells.isEmpty())
        return;
    QJsonArray cells;
    for (const Cell &c : std::as_const(m_cells)) {
        cells.append(QJsonObject { { QStringLiteral("a"), c.typeA },
                                   { QStringLiteral("b"), c.typeB },
                                   { QStringLiteral("host_a"), c.hostA },
                                   { QStringLiteral("host_b"), c.hostB },
                                   { QStringLiteral("expected"), c.expected },
                                   { QStringLiteral("path"), c.path },
                                   { QStringLiteral("local_type"), c.localType },
                                   { QStringLiteral("remote_type"), c.remoteType },
                                   { QStringLiteral("relay_transport"), c.relayTransport },
                                   { QStringLiteral("connect_ms"), c.connectMs },
                                   { QStringLiteral("file_MBps"), c.megabytesPerSecond },
                                   { QStringLiteral("file_ok"), c.fileOk },
                                   { QStringLiteral("ok"), c.ok },
                                   { QStringLiteral("error"), c.error } });
    }
    if (const QString json = qEnvironmentVariable("PEERLINK_LAB_JSON"); !json.isEmpty()) {
        QFile file(json);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QJsonDocument(QJsonObject { { QStringLiteral("cells"), cells } }).toJson());
        else
            qWarning().noquote() << "cannot write" << json << file.errorString();
    }

    // The table, on stdout.
    QString table
        = QStringLiteral("\nNAT matrix (initiator a, responder b; %1 MB file)\n").arg(double(m_fileBytes) / 1e6);
    table += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  %9\n")
                 .arg(QStringLiteral("a"), -19)
                 .arg(QStringLiteral("b"), -19)
                 .arg(QStringLiteral("expected"), -8)
                 .arg(QStringLiteral("path"), -6)
                 .arg(QStringLiteral("pair"), -20)
                 .arg(QStringLiteral("connect"), 8)
                 .arg(QStringLiteral("MB/s"), 7)
                 .arg(QStringLiteral("file"), -4)
                 .arg(QStringLiteral("ok"));
    int passed = 0;
    for (const Cell &c : std::as_const(m_cells)) {
        passed += c.ok;
        QString pair = c.localType + QStringLiteral("->") + c.remoteType;
        if (!c.relayTransport.isEmpty())
            pair += u'/' + c.relayTransport;
        table += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  %9\n")
                     .arg(c.typeA, -19)
                     .arg(c.typeB, -19)
                     .arg(c.expected, -8)
                     .arg(c.path.isEmpty() ? QStringLiteral("-") : c.path, -6)
                     .arg(pair, -20)
                     .arg(c.connectMs >= 0 ? QString::number(c.connectMs) + QStringLiteral(" ms") : QStringLiteral("-"),
                          8)
                     .arg(c.megabytesPerSecond, 7, 'f', 1)
                     .arg(c.fileOk ? QStringLiteral("ok") : QStringLiteral("BAD"), -4)
                     .arg(c.ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
    }
    // The 5 x 5 part as a grid: D = direct, R = relayed, lower case where it was not expected.
    const QStringList types = { QStringLiteral("none"), QStringLiteral("full"), QStringLiteral("addr"),
                                QStringLiteral("port"), QStringLiteral("sym") };
    table += QStringLiteral("\n%1").arg(QString(), -6);
    for (const QString &t : types)
        table += QStringLiteral("%1").arg(t, -6);
    table += u'\n';
    for (const QString &row : types) {
        table += QStringLiteral("%1").arg(row, -6);
        for (const QString &column : types) {
            QString mark = QStringLiteral(".");
            for (const Cell &c : std::as_const(m_cells)) {
                const QString ta = shortType(c.typeA), tb = shortType(c.typeB);
                if ((ta == row && tb == column) || (ta == column && tb == row)) {
                    mark = c.path == u"relay" ? QStringLiteral("R")
                        : c.path == u"direct" ? QStringLiteral("D")
                                              : QStringLiteral("?");
                    if (!c.ok)
                        mark = mark.toLower() + u'!';
                }
            }
            table += QStringLiteral("%1").arg(mark, -6);
        }
        table += u'\n';
    }
    table += QStringLiteral("%1 of %2 cells passed\n").arg(passed).arg(m_cells.size());
    std::fputs(table.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

QTEST_GUILESS_MAIN(tst_LabMatrix)
#include "tst_LabMatrix.moc"
