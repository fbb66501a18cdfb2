// The lab's NAT boxes, checked on their own before any Peerlink test trusts them. From each host
// the probe (peerlink-labprobe) asks the WAN probe server, which listens on two addresses and two
// ports, what the NAT made of it: the mapping (one local port, four destinations) and the
// filtering (a fresh mapping; the server answers from its own port, its other port, its other
// address and both: which answers get through). Then the extras: hairpinning between two hosts
// behind one box, the UPnP mapping libnice gets from miniupnpd, and that the hosts cannot reach
// each other except through their NATs.
#include "LabNetwork.h"

#include <QJsonArray>
#include <QTest>

using namespace Peerlink::Test;

class tst_LabNatBoxes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void behaviour_data();
    void behaviour();
    void hairpin();
    void upnpMapping();
    void lansAreSeparate();

private:
    LabNetwork m_lab;
};

void tst_LabNatBoxes::initTestCase()
{
    QVERIFY2(m_lab.isValid(), qPrintable(m_lab.errorString()));
}

void tst_LabNatBoxes::behaviour_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("filtering");
    QTest::addColumn<bool>("randomPorts");

    const QString eim = QStringLiteral("endpoint-independent");
    const QString apd = QStringLiteral("address-and-port-dependent");
    const struct
    {
        const char *type;
        QString mapping, filtering;
        bool randomPorts;
    } expected[] = {
        { "none", QStringLiteral("none"), eim, false },
        { "full-cone", eim, eim, false },
        { "address-restricted", eim, QStringLiteral("address-dependent"), false },
        { "port-restricted", eim, apd, false },
        { "symmetric", apd, apd, true },
        { "hairpin", eim, apd, false },
        { "upnp", apd, apd, true },
        { "udp-blocked", QStringLiteral("blocked"), QStringLiteral("blocked"), false },
    };
    for (const QString &host : m_lab.hosts()) {
        const QString type = m_lab.host(host, QStringLiteral("TYPE"));
        for (const auto &e : expected) {
            if (type == QLatin1String(e.type))
                QTest::newRow(qPrintable(host)) << host << e.mapping << e.filtering << e.randomPorts;
        }
    }
}

void tst_LabNatBoxes::behaviour()
{
    QFETCH(QString, host);
    QFETCH(QString, mapping);
    QFETCH(QString, filtering);
    QFETCH(bool, randomPorts);

    const QString address = m_lab.host(host, QStringLiteral("ADDR"));
    const QString external = m_lab.host(host, QStringLiteral("EXT"));
    const auto r
        = m_lab.run(m_lab.host(host, QStringLiteral("NS")), m_lab.probe(),
                    { QStringLiteral("nat"), QStringLiteral("--server"), m_lab.value(QStringLiteral("SERVER")),
                      QStringLiteral("--alt-server"), m_lab.value(QStringLiteral("SERVER_ALT")),
                      QStringLiteral("--port"), m_lab.value(QStringLiteral("PROBE_PORT")), QStringLiteral("--alt-port"),
                      m_lab.value(QStringLiteral("PROBE_ALT_PORT")), QStringLiteral("--bind"), address },
                    30000);
    QVERIFY2(r.finished && r.exitCode == 0, r.details().constData());
    const QJsonObject j = r.json;
    qInfo().noquote() << host << QString::fromUtf8(r.out.trimmed());

    QCOMPARE(j.value(QStringLiteral("mapping")).toString(), mapping);
    QCOMPARE(j.value(QStringLiteral("filtering")).toString(), filtering);
    // TCP always gets through, from the NAT's external address.
    const QString tcp = j.value(QStringLiteral("tcp_mapped")).toString();
    QCOMPARE(tcp.section(u':', 0, 0), external);
    if (mapping == u"blocked")
        return;
    // Every mapping is on the box's external address (or the host's own without NAT).
    for (const QJsonValue &m : j.value(QStringLiteral("mapped")).toArray())
        QCOMPARE(m.toString().section(u':', 0, 0), external);
    if (randomPorts) {
        // A new port for each of the four destinations, none of them the local port.
        QCOMPARE(j.value(QStringLiteral("distinct_ports")).toInt(), 4);
        QVERIFY(!j.value(QStringLiteral("ports_preserved")).toBool());
    } else {
        QVERIFY(j.value(QStringLiteral("ports_preserved")).toBool());
    }
}

void tst_LabNatBoxes::hairpin()
{
    if (!m_lab.hasHost(QStringLiteral("hairpin-1")) || !m_lab.hasHost(QStringLiteral("hairpin-2")))
        QSKIP("the lab has no hairpin hosts");
    const QString server = m_lab.value(QStringLiteral("SERVER"));
    const QString port = m_lab.value(QStringLiteral("PROBE_PORT"));
    // hairpin-2 makes a mapping and waits; hairpin-1 sends to that mapping (the box's external
    // address): the packet must turn around inside the box and arrive from hairpin-1's mapping.
    auto waiter
        = m_lab.start(m_lab.host(QStringLiteral("hairpin-2"), QStringLiteral("NS")), m_lab.probe(),
                      { QStringLiteral("hairpin-wait"), QStringLiteral("--server"), server, QStringLiteral("--port"),
                        port, QStringLiteral("--timeout-ms"), QStringLiteral("8000") });
    QVERIFY(waiter->waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(waiter->canReadLine() || waiter->state() == QProcess::NotRunning, 10000);
    const QJsonObject mapped = LabNetwork::lastJsonObject(waiter->readLine());
    const QString target = mapped.value(QStringLiteral("mapped")).toString();
    QVERIFY2(!target.isEmpty(), "hairpin-2 got no mapping from the probe server");

    const auto sender = m_lab.run(m_lab.host(QStringLiteral("hairpin-1"), QStringLiteral("NS")), m_lab.probe(),
                                  { QStringLiteral("hairpin-send"), QStringLiteral("--server"), server,
                                    QStringLiteral("--port"), port, QStringLiteral("--to"), target },
                                  10000);
    QVERIFY2(sender.finished && sender.exitCode == 0, sender.details().constData());
    const auto received = LabNetwork::finish(*waiter, 10000);
    QVERIFY2(received.json.value(QStringLiteral("received")).toBool(), received.details().constData());
    // RFC 4787 REQ-9: the hairpinned packet carries the sender's external address and port.
    QCOMPARE(received.json.value(QStringLiteral("from")).toString(),
             sender.json.value(QStringLiteral("mapped")).toString());
}

void tst_LabNatBoxes::upnpMapping()
{
    if (!m_lab.hasHost(QStringLiteral("upnp")))
        QSKIP("the lab has no UPnP host");
    if (LabNetwork::cli().isEmpty())
        QSKIP("PEERLINK_CLI is not set (peerlink-cli is not built)");
    // libnice (through gupnp-igd) finds miniupnpd on the box and maps a port: a UPnP candidate on
    // the box's external address. (It may come after libnice's 200 ms UPnP wait, trickled.)
    const auto r = m_lab.run(m_lab.host(QStringLiteral("upnp"), QStringLiteral("NS")), LabNetwork::cli(),
                             { QStringLiteral("gather"), QStringLiteral("--local-address"),
                               m_lab.host(QStringLiteral("upnp"), QStringLiteral("ADDR")),
                               QStringLiteral("--no-ice-tcp"), QStringLiteral("--linger-ms"), QStringLiteral("2000"),
                               QStringLiteral("--timeout"), QStringLiteral("20") },
                             30000);
    QVERIFY2(r.finished && r.exitCode == 0, r.details().constData());
    bool found = false;
    for (const QJsonValue &c : r.json.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QStringLiteral("upnp")).toBool()) {
            found = true;
            QCOMPARE(o.value(QStringLiteral("address")).toString(),
                     m_lab.host(QStringLiteral("upnp"), QStringLiteral("EXT")));
        }
    }
    QVERIFY2(found, r.details().constData());
}

void tst_LabNatBoxes::lansAreSeparate()
{
    // A host behind one NAT cannot reach the private address of a host behind another: any
    // direct path the matrix finds goes through the NATs.
    QStringList natted;
    for (const QString &h : m_lab.hosts()) {
        if (!m_lab.host(h, QStringLiteral("BOX")).isEmpty() && m_lab.host(h, QStringLiteral("TYPE")) != u"hairpin")
            natted << h;
    }
    if (natted.size() < 2)
        QSKIP("fewer than two hosts behind separate NATs");
    // UDP echoes to the other host's private address: no answer (no route leads there).
    const auto r
        = m_lab.run(m_lab.host(natted[0], QStringLiteral("NS")), m_lab.probe(),
                    { QStringLiteral("rtt"), QStringLiteral("--to"),
                      m_lab.host(natted[1], QStringLiteral("ADDR")) + QStringLiteral(":9"), QStringLiteral("--count"),
                      QStringLiteral("3"), QStringLiteral("--interval-ms"), QStringLiteral("100") },
                    10000);
    QVERIFY2(r.finished && r.exitCode == 0, r.details().constData());
    QCOMPARE(r.json.value(QStringLiteral("received")).toInt(), 0);
    // ...while the WAN server's echo answers.
    const auto wan = m_lab.run(
        m_lab.host(natted[0], QStringLiteral("NS")), m_lab.probe(),
        { QStringLiteral("rtt"), QStringLiteral("--to"),
          m_lab.value(QStringLiteral("SERVER")) + u':' + m_lab.value(QStringLiteral("PROBE_PORT")),
          QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--interval-ms"), QStringLiteral("20") },
        10000);
    QCOMPARE(wan.json.value(QStringLiteral("received")).toInt(), 3);
}

QTEST_GUILESS_MAIN(tst_LabNatBoxes)
#include "tst_LabNatBoxes.moc"
