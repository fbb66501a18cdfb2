// NiceCandidateConversion: libnice candidates <-> IceCandidate, on literal candidates.
#include "core/ice/NiceCandidateConversion_p.h"

#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(NiceCandidateType)
Q_DECLARE_METATYPE(NiceCandidateTransport)
Q_DECLARE_METATYPE(IceCandidate::Type)
Q_DECLARE_METATYPE(IceCandidate::Transport)
Q_DECLARE_METATYPE(IceCandidate::RelayTransport)

namespace {

NiceCandidatePtr makeNice(NiceCandidateType type, NiceCandidateTransport transport, const char *address, guint port,
                          const char *base, guint basePort, guint32 priority, const char *foundation)
{
    NiceCandidatePtr c(nice_candidate_new(type));
    c->transport = transport;
    nice_address_init(&c->addr);
    nice_address_set_from_string(&c->addr, address);
    nice_address_set_port(&c->addr, port);
    nice_address_init(&c->base_addr);
    if (base) {
        nice_address_set_from_string(&c->base_addr, base);
        nice_address_set_port(&c->base_addr, basePort);
    }
    c->priority = priority;
    c->stream_id = 1;
    c->component_id = 1;
    qstrncpy(c->foundation, foundation, sizeof c->foundation);
    return c;
}

constexpr quint32 priority(int typePreference, int localPreference = 65535, int component = 1)
{
    return (quint32(typePreference) << 24) | (quint32(localPreference) << 8) | quint32(256 - component);
}

} // namespace

class tst_NiceCandidateConversion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toIceCandidate_data();
    void toIceCandidate();
    void roundTrip_data();
    void roundTrip();
    void rejectsBadRemoteCandidates_data();
    void rejectsBadRemoteCandidates();
    void natAssisted_data();
    void natAssisted();
    void relayTransport_data();
    void relayTransport();
};

void tst_NiceCandidateConversion::toIceCandidate_data()
{
    QTest::addColumn<NiceCandidateType>("niceType");
    QTest::addColumn<NiceCandidateTransport>("niceTransport");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("base"); // empty: no base address
    QTest::addColumn<int>("basePort");
    QTest::addColumn<IceCandidate::Type>("type");
    QTest::addColumn<IceCandidate::Transport>("transport");
    QTest::addColumn<QString>("related"); // empty: no related address expected
    QTest::addColumn<int>("relatedPort");

    using T = IceCandidate::Type;
    using X = IceCandidate::Transport;
    QTest::newRow("host udp ipv4") << NICE_CANDIDATE_TYPE_HOST << NICE_CANDIDATE_TRANSPORT_UDP << u"192.168.1.10"_s
                                   << 50000 << u"192.168.1.10"_s << 50000 << T::Host << X::Udp << QString() << 0;
    QTest::newRow("host udp ipv6") << NICE_CANDIDATE_TYPE_HOST << NICE_CANDIDATE_TRANSPORT_UDP << u"2001:db8::1"_s
                                   << 50001 << QString() << 0 << T::Host << X::Udp << QString() << 0;
    QTest::newRow("srflx udp ipv4 related host")
        << NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE << NICE_CANDIDATE_TRANSPORT_UDP << u"203.0.113.7"_s << 61000
        << u"192.168.1.10"_s << 50000 << T::ServerReflexive << X::Udp << u"192.168.1.10"_s << 50000;
    QTest::newRow("prflx udp ipv6 related")
        << NICE_CANDIDATE_TYPE_PEER_REFLEXIVE << NICE_CANDIDATE_TRANSPORT_UDP << u"2001:db8::7"_s << 40000
        << u"2001:db8::1"_s << 50001 << T::PeerReflexive << X::Udp << u"2001:db8::1"_s << 50001;
    QTest::newRow("relay udp related srflx")
        << NICE_CANDIDATE_TYPE_RELAYED << NICE_CANDIDATE_TRANSPORT_UDP << u"198.51.100.2"_s << 49152 << u"203.0.113.7"_s
        << 61000 << T::Relayed << X::Udp << u"203.0.113.7"_s << 61000;
    QTest::newRow("relay same as base: no related")
        << NICE_CANDIDATE_TYPE_RELAYED << NICE_CANDIDATE_TRANSPORT_UDP << u"198.51.100.2"_s << 49152
        << u"198.51.100.2"_s << 49152 << T::Relayed << X::Udp << QString() << 0;
    QTest::newRow("host tcp active port 0")
        << NICE_CANDIDATE_TYPE_HOST << NICE_CANDIDATE_TRANSPORT_TCP_ACTIVE << u"10.0.0.5"_s << 0 << u"10.0.0.5"_s << 0
        << T::Host << X::TcpActive << QString() << 0;
    QTest::newRow("host tcp passive ipv6")
        << NICE_CANDIDATE_TYPE_HOST << NICE_CANDIDATE_TRANSPORT_TCP_PASSIVE << u"2001:db8::5"_s << 9000
        << u"2001:db8::5"_s << 9000 << T::Host << X::TcpPassive << QString() << 0;
    QTest::newRow("srflx tcp so") << NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE << NICE_CANDIDATE_TRANSPORT_TCP_SO
                                  << u"203.0.113.9"_s << 9001 << u"10.0.0.5"_s << 9000 << T::ServerReflexive
                                  << X::TcpSimultaneousOpen << u"10.0.0.5"_s << 9000;
    QTest::newRow("host keeps its base out of related")
        << NICE_CANDIDATE_TYPE_HOST << NICE_CANDIDATE_TRANSPORT_UDP << u"10.0.0.5"_s << 5000 << u"10.0.0.6"_s << 5001
        << T::Host << X::Udp << QString() << 0;
}

void tst_NiceCandidateConversion::toIceCandidate()
{
    QFETCH(NiceCandidateType, niceType);
    QFETCH(NiceCandidateTransport, niceTransport);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, base);
    QFETCH(int, basePort);
    QFETCH(IceCandidate::Type, type);
    QFETCH(IceCandidate::Transport, transport);
    QFETCH(QString, related);
    QFETCH(int, relatedPort);

    const QByteArray baseLatin1 = base.toLatin1();
    const auto nice = makeNice(niceType, niceTransport, address.toLatin1().constData(), guint(port),
                               base.isEmpty() ? nullptr : baseLatin1.constData(), guint(basePort), priority(100), "7");
    const IceCandidate c = NiceCandidateConversion::toIceCandidate(*nice);
    QCOMPARE(c.type, type);
    QCOMPARE(c.transport, transport);
    QCOMPARE(c.address, QHostAddress(address));
    QCOMPARE(c.port, quint16(port));
    QCOMPARE(c.priority, priority(100));
    QCOMPARE(c.foundation, u"7"_s);
    QCOMPARE(c.component, 1);
    QCOMPARE(c.relatedAddress, related.isEmpty() ? QHostAddress() : QHostAddress(related));
    QCOMPARE(c.relatedPort, quint16(relatedPort));
    QVERIFY(!c.viaUpnp);
    QCOMPARE(c.relayTransport, IceCandidate::RelayTransport::None);
}

void tst_NiceCandidateConversion::roundTrip_data()
{
    QTest::addColumn<IceCandidate>("candidate");
    auto make = [](IceCandidate::Type type, IceCandidate::Transport transport, const QString &address, quint16 port,
                   const QString &related, quint16 relatedPort) {
        IceCandidate c;
        c.type = type;
        c.transport = transport;
        c.address = QHostAddress(address);
        c.port = port;
        c.relatedAddress = related.isEmpty() ? QHostAddress() : QHostAddress(related);
        c.relatedPort = relatedPort;
        c.priority = 2130706431;
        c.foundation = u"abc123"_s;
        return c;
    };
    using T = IceCandidate::Type;
    using X = IceCandidate::Transport;
    QTest::newRow("host udp v4") << make(T::Host, X::Udp, u"192.0.2.1"_s, 3000, {}, 0);
    QTest::newRow("host udp v6") << make(T::Host, X::Udp, u"2001:db8::2"_s, 3001, {}, 0);
    QTest::newRow("srflx udp v4") << make(T::ServerReflexive, X::Udp, u"203.0.113.1"_s, 4000, u"192.0.2.1"_s, 3000);
    QTest::newRow("prflx udp v6") << make(T::PeerReflexive, X::Udp, u"2001:db8::9"_s, 4001, u"2001:db8::2"_s, 3001);
    QTest::newRow("relay udp v4") << make(T::Relayed, X::Udp, u"198.51.100.1"_s, 5000, u"203.0.113.1"_s, 4000);
    QTest::newRow("host tcp active") << make(T::Host, X::TcpActive, u"192.0.2.1"_s, 0, {}, 0);
    QTest::newRow("host tcp passive v6") << make(T::Host, X::TcpPassive, u"2001:db8::2"_s, 6000, {}, 0);
    QTest::newRow("srflx tcp so") << make(T::ServerReflexive, X::TcpSimultaneousOpen, u"203.0.113.1"_s, 6001,
                                          u"192.0.2.1"_s, 6000);
}

void tst_NiceCandidateConversion::roundTrip()
{
    QFETCH(IceCandidate, candidate);
    QString error;
    const NiceCandidatePtr nice = NiceCandidateConversion::toNiceCandidate(candidate, 3, &error);
    QVERIFY2(nice, qPrintable(error));
    QCOMPARE(nice->stream_id, 3u);
    QCOMPARE(nice->component_id, 1u);
    QCOMPARE(QByteArray(nice->foundation), QByteArray("abc123"));
    QCOMPARE(nice->priority, candidate.priority);
    QCOMPARE(nice->username, nullptr);
    const IceCandidate back = NiceCandidateConversion::toIceCandidate(*nice);
    QCOMPARE(back, candidate);
}

void tst_NiceCandidateConversion::rejectsBadRemoteCandidates_data()
{
    QTest::addColumn<IceCandidate>("candidate");
    IceCandidate good;
    good.address = QHostAddress(u"192.0.2.1"_s);
    good.port = 3000;
    good.foundation = u"1"_s;
    QString error;
    QVERIFY(NiceCandidateConversion::toNiceCandidate(good, 1, &error));

    IceCandidate c = good;
    c.address = QHostAddress();
    QTest::newRow("no address") << c;
    c = good;
    c.port = 0;
    QTest::newRow("udp without port") << c;
    c = good;
    c.foundation.clear();
    QTest::newRow("empty foundation") << c;
    c = good;
    c.foundation = QString(40, u'f');
    QTest::newRow("foundation too long") << c;
    c = good;
    c.foundation = u"fö"_s;
    QTest::newRow("foundation not ascii") << c;
    c = good;
    c.component = 0;
    QTest::newRow("component 0") << c;
    c = good;
    c.component = 1000;
    QTest::newRow("component 1000") << c;
}

void tst_NiceCandidateConversion::rejectsBadRemoteCandidates()
{
    QFETCH(IceCandidate, candidate);
    QString error;
    QVERIFY(!NiceCandidateConversion::toNiceCandidate(candidate, 1, &error));
    QVERIFY(!error.isEmpty());
}

void tst_NiceCandidateConversion::natAssisted_data()
{
    QTest::addColumn<NiceCandidateType>("type");
    QTest::addColumn<NiceCandidateTransport>("transport");
    QTest::addColumn<quint32>("priority");
    QTest::addColumn<bool>("expected");
    QTest::newRow("upnp srflx udp") << NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE << NICE_CANDIDATE_TRANSPORT_UDP
                                    << priority(105) << true;
    QTest::newRow("upnp srflx tcp") << NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE << NICE_CANDIDATE_TRANSPORT_TCP_PASSIVE
                                    << priority(52) << true;
    QTest::newRow("stun srflx udp") << NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE << NICE_CANDIDATE_TRANSPORT_UDP
                                    << priority(100) << false;
    QTest::newRow("stun srflx tcp") << NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE << NICE_CANDIDATE_TRANSPORT_TCP_ACTIVE
                                    << priority(50) << false;
    QTest::newRow("host never") << NICE_CANDIDATE_TYPE_HOST << NICE_CANDIDATE_TRANSPORT_UDP << priority(105) << false;
}

void tst_NiceCandidateConversion::natAssisted()
{
    QFETCH(NiceCandidateType, type);
    QFETCH(NiceCandidateTransport, transport);
    QFETCH(quint32, priority);
    QFETCH(bool, expected);
    const auto nice = makeNice(type, transport, "203.0.113.1", 4000, "192.0.2.1", 3000, priority, "1");
    QCOMPARE(NiceCandidateConversion::isNatAssisted(*nice), expected);
}

void tst_NiceCandidateConversion::relayTransport_data()
{
    QTest::addColumn<NiceCandidateType>("type");
    QTest::addColumn<quint32>("priority");
    QTest::addColumn<bool>("tunnel");
    QTest::addColumn<IceCandidate::RelayTransport>("expected");
    using R = IceCandidate::RelayTransport;
    QTest::newRow("turn udp") << NICE_CANDIDATE_TYPE_RELAYED << priority(30) << false << R::Udp;
    QTest::newRow("turn tcp") << NICE_CANDIDATE_TYPE_RELAYED << priority(20) << false << R::Tcp;
    QTest::newRow("turn tls tunnel") << NICE_CANDIDATE_TYPE_RELAYED << priority(20) << true << R::Tls;
    QTest::newRow("not relayed") << NICE_CANDIDATE_TYPE_HOST << priority(120) << false << R::None;
}

void tst_NiceCandidateConversion::relayTransport()
{
    QFETCH(NiceCandidateType, type);
    QFETCH(quint32, priority);
    QFETCH(bool, tunnel);
    QFETCH(IceCandidate::RelayTransport, expected);
    const auto nice
        = makeNice(type, NICE_CANDIDATE_TRANSPORT_UDP, "198.51.100.1", 5000, "203.0.113.1", 4000, priority, "1");
    QCOMPARE(NiceCandidateConversion::relayTransport(*nice, tunnel), expected);
}

QTEST_GUILESS_MAIN(tst_NiceCandidateConversion)
#include "tst_NiceCandidateConversion.moc"
