// The link emulator (peerlink-linkem) measured against its own settings. The lab gives host
// full-a an emulated access link (tools/lab/lab.sh --link full-a=manual); each row starts the
// emulator with some settings and measures from the host to the WAN probe server, across the
// emulated link and the NAT: the UDP echo round trip (twice the one-way delay), its spread with
// jitter, the loss ratio, and the goodput of a kernel TCP transfer under a rate limit. The
// median round trip and the rate must come within 10 % of the setting.
#include "LabNetwork.h"

#include <QTest>

#include <cmath>

using namespace Peerlink::Test;

class tst_LabLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void loss();
    void rate_data();
    void rate();

private:
    // Starts the emulator on the host's link with these options; stopped by the returned object.
    LabNetwork::Process emulate(const QStringList &options);
    LabNetwork::Result measure(const QStringList &probeArguments, int timeoutMs);

    LabNetwork m_lab;
    QString m_host = QStringLiteral("full-a");
};

void tst_LabLink::initTestCase()
{
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
    QVERIFY2(!m_lab.host(m_host, QStringLiteral("LINK_NS")).isEmpty(), "full-a needs an emulated link (--link)");
    QVERIFY(!m_lab.value(QStringLiteral("LINKEM")).isEmpty());
}

LabNetwork::Process tst_LabLink::emulate(const QStringList &options)
{
    auto emulator = m_lab.start(m_lab.host(m_host, QStringLiteral("LINK_NS")), m_lab.value(QStringLiteral("LINKEM")),
                                QStringList { QStringLiteral("--up"), QStringLiteral("em-up"), QStringLiteral("--down"),
                                              QStringLiteral("em-dn") }
                                    + options);
    if (!QTest::qWaitFor([&] { return emulator->canReadLine() || emulator->state() == QProcess::NotRunning; }, 10000)
        || !emulator->readLine().contains("\"running\"")) {
        qWarning().noquote() << "the link emulator did not start:" << emulator->readAllStandardError();
        return nullptr;
    }
    return emulator;
}

LabNetwork::Result tst_LabLink::measure(const QStringList &probeArguments, int timeoutMs)
{
    return m_lab.run(m_lab.host(m_host, QStringLiteral("NS")), m_lab.probe(), probeArguments, timeoutMs);
}

void tst_LabLink::roundTrip_data()
{
    QTest::addColumn<double>("delayMs");
    QTest::addColumn<double>("jitterMs");
    QTest::newRow("25ms") << 25.0 << 0.0;
    QTest::newRow("10ms-jitter-4ms") << 10.0 << 4.0;
}

void tst_LabLink::roundTrip()
{
    QFETCH(double, delayMs);
    QFETCH(double, jitterMs);
    const auto emulator = emulate({ QStringLiteral("--delay-ms"), QString::number(delayMs),
                                    QStringLiteral("--jitter-ms"), QString::number(jitterMs) });
    QVERIFY(emulator);
    const auto r = measure({ QStringLiteral("rtt"), QStringLiteral("--to"),
                             m_lab.value(QStringLiteral("SERVER")) + u':' + m_lab.value(QStringLiteral("PROBE_PORT")),
                             QStringLiteral("--count"), QStringLiteral("200"), QStringLiteral("--interval-ms"),
                             QStringLiteral("10") },
                           30000);
    QVERIFY2(r.finished && r.exitCode == 0, r.details().constData());
    qInfo().noquote() << QString::fromUtf8(r.out.trimmed());
    const QJsonObject rtt = r.json.value(QStringLiteral("rtt_ms")).toObject();
    QCOMPARE(r.json.value(QStringLiteral("received")).toInt(), 200);
    // The median: a busy machine wakes a process late now and then, which only adds.
    const double expected = 2 * delayMs;
    const double median = rtt.value(QStringLiteral("p50")).toDouble();
    QVERIFY2(std::abs(median - expected) <= 0.1 * expected,
             qPrintable(QStringLiteral("round trip %1 ms, set %2 ms").arg(median).arg(expected)));
    if (jitterMs > 0) {
        // Uniform jitter of +-J on each of the two passes: the round trip has a triangular
        // distribution over 2D +- 2J, whose 10th to 90th percentiles lie 2.21 J apart. Percentiles
        // are not moved by the late wake-ups of a busy machine as a standard deviation is.
        const double expectedWidth = 4 * jitterMs * (1 - std::sqrt(0.2));
        const double width = rtt.value(QStringLiteral("p90")).toDouble() - rtt.value(QStringLiteral("p10")).toDouble();
        QVERIFY2(std::abs(width - expectedWidth) <= 0.25 * expectedWidth,
                 qPrintable(QStringLiteral("jitter: 10th to 90th percentile %1 ms apart, expected %2 ms")
                                .arg(width)
                                .arg(expectedWidth)));
    }
}

void tst_LabLink::loss()
{
    const auto emulator = emulate({ QStringLiteral("--loss"), QStringLiteral("10") });
    QVERIFY(emulator);
    const int count = 1000;
    const auto r = measure({ QStringLiteral("rtt"), QStringLiteral("--to"),
                             m_lab.value(QStringLiteral("SERVER")) + u':' + m_lab.value(QStringLiteral("PROBE_PORT")),
                             QStringLiteral("--count"), QString::number(count), QStringLiteral("--interval-ms"),
                             QStringLiteral("2") },
                           30000);
    QVERIFY2(r.finished && r.exitCode == 0, r.details().constData());
    qInfo().noquote() << QString::fromUtf8(r.out.trimmed());
    // Each echo crosses the link twice: 1 - 0.9^2 = 19 % of them are lost. Three standard
    // deviations of the binomial at this count are 3.7 points.
    const double lossRatio = r.json.value(QStringLiteral("loss")).toDouble();
    QVERIFY2(std::abs(lossRatio - 0.19) <= 0.04, qPrintable(QStringLiteral("loss %1, expected 0.19").arg(lossRatio)));
}

void tst_LabLink::rate_data()
{
    QTest::addColumn<double>("rateMbit");
    QTest::addColumn<double>("delayMs");
    QTest::newRow("20mbit-5ms") << 20.0 << 5.0;
    QTest::newRow("100mbit-25ms") << 100.0 << 25.0;
}

void tst_LabLink::rate()
{
    QFETCH(double, rateMbit);
    QFETCH(double, delayMs);
    const auto emulator = emulate({ QStringLiteral("--rate-mbit"), QString::number(rateMbit),
                                    QStringLiteral("--delay-ms"), QString::number(delayMs) });
    QVERIFY(emulator);
    const auto r = measure({ QStringLiteral("tcp-send"), QStringLiteral("--to"),
                             m_lab.value(QStringLiteral("SERVER")) + u':' + m_lab.value(QStringLiteral("PROBE_PORT")),
                             QStringLiteral("--seconds"), QStringLiteral("6") },
                           60000);
    QVERIFY2(r.finished && r.exitCode == 0, r.details().constData());
    qInfo().noquote() << QString::fromUtf8(r.out.trimmed());
    // The limit counts IP bytes; TCP carries 1448 payload bytes in each 1500-byte packet.
    const double goodput = r.json.value(QStringLiteral("Mbps")).toDouble();
    const double expected = rateMbit * 1448.0 / 1500.0;
    QVERIFY2(std::abs(goodput - expected) <= 0.1 * expected,
             qPrintable(QStringLiteral("TCP goodput %1 Mbit/s over a %2 Mbit/s link, expected about %3")
                            .arg(goodput)
                            .arg(rateMbit)
                            .arg(expected)));
}

QTEST_GUILESS_MAIN(tst_LabLink)
#include "tst_LabLink.moc"
