// JingleCandidate: conversion between Peerlink::IceCandidate (what libnice reports) and the
// XEP-0176 <candidate/> element, in both directions, for every candidate kind Peerlink sends
// (IPv4, IPv6, related addresses, ICE-TCP types), and refusal of candidates that are not valid.
#include "core/xmpp/JingleCandidate.h"
#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomDocument>
#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

namespace {

IceCandidate makeCandidate(IceCandidate::Type type, IceCandidate::Transport transport, const QString &ip, quint16 port,
                           const QString &relatedIp = {}, quint16 relatedPort = 0)
{
    IceCandidate c;
    c.foundation = u"4+/x"_s;
    c.component = 1;
    c.transport = transport;
    c.priority = 1862270975;
    c.address = QHostAddress(ip);
    c.port = port;
    c.type = type;
    if (!relatedIp.isEmpty())
        c.relatedAddress = QHostAddress(relatedIp);
    c.relatedPort = relatedPort;
    c.generation = 0;
    c.network = 0;
    c.id = u"cand-1"_s;
    return c;
}

QString candidateXml(const QString &attributes)
{
    return u"<candidate xmlns='urn:xmpp:jingle:transports:ice-udp:1' component='1' foundation='4+/x' "
           u"generation='0' id='cand-1' network='0' priority='1862270975' %1/>"_s.arg(attributes);
}

QString canonical(const QString &xml)
{
    QString error;
    const QString form = JingleXml::canonicalForm(xml, &error);
    return form.isEmpty() ? u"not XML: "_s + error : form;
}

// The candidate element as written inside its transport (which declares the namespace).
QString written(const JingleCandidate &candidate)
{
    QString xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartElement(u"transport"_s);
    writer.writeDefaultNamespace(JingleNamespaces::IceUdp);
    candidate.toXml(&writer);
    writer.writeEndElement();
    QDomDocument document;
    QString error;
    return JingleXml::canonicalForm(JingleXml::parseDocument(xml, &document, &error).firstChildElement());
}

bool parseCandidate(const QString &xml, JingleCandidate *candidate, QString *error)
{
    QDomDocument document;
    const QDomElement element = JingleXml::parseDocument(xml, &document, error);
    return !element.isNull() && candidate->parse(element, error);
}

} // namespace

class tst_JingleCandidate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convertsBothWays_data();
    void convertsBothWays();
    void localOnlyFieldsAreNotSent();
    void scopeIdIsDropped();
    void rejectsIceCandidate_data();
    void rejectsIceCandidate();
    void rejectsElement_data();
    void rejectsElement();
    void rejectsInvalidFieldsOnConversion_data();
    void rejectsInvalidFieldsOnConversion();
};

void tst_JingleCandidate::convertsBothWays_data()
{
    QTest::addColumn<IceCandidate>("ice");
    QTest::addColumn<QString>("xml");
    using T = IceCandidate::Type;
    using P = IceCandidate::Transport;

    QTest::newRow("host IPv4 udp") << makeCandidate(T::Host, P::Udp, u"192.0.2.10"_s, 40001)
                                   << candidateXml(u"ip='192.0.2.10' port='40001' protocol='udp' type='host'"_s);
    QTest::newRow("host IPv6 udp") << makeCandidate(T::Host, P::Udp, u"2001:db8:1:2::a"_s, 40002)
                                   << candidateXml(u"ip='2001:db8:1:2::a' port='40002' protocol='udp' type='host'"_s);
    QTest::newRow("srflx IPv4 with related")
        << makeCandidate(T::ServerReflexive, P::Udp, u"198.51.100.4"_s, 62000, u"192.0.2.10"_s, 40001)
        << candidateXml(u"ip='198.51.100.4' port='62000' protocol='udp' rel-addr='192.0.2.10' rel-port='40001' "
                        u"type='srflx'"_s);
    QTest::newRow("srflx IPv6 with related")
        << makeCandidate(T::ServerReflexive, P::Udp, u"2001:db8:ff::1"_s, 62001, u"2001:db8:1:2::a"_s, 40002)
        << candidateXml(u"ip='2001:db8:ff::1' port='62001' protocol='udp' rel-addr='2001:db8:1:2::a' "
                        u"rel-port='40002' type='srflx'"_s);
    QTest::newRow("prflx") << makeCandidate(T::PeerReflexive, P::Udp, u"203.0.113.50"_s, 5000, u"192.0.2.10"_s, 40001)
                           << candidateXml(u"ip='203.0.113.50' port='5000' protocol='udp' rel-addr='192.0.2.10' "
                                           u"rel-port='40001' type='prflx'"_s);
    QTest::newRow("relay IPv4 related to IPv6")
        << makeCandidate(T::Relayed, P::Udp, u"203.0.113.9"_s, 49999, u"2001:db8:ff::1"_s, 62001)
        << candidateXml(u"ip='203.0.113.9' port='49999' protocol='udp' rel-addr='2001:db8:ff::1' rel-port='62001' "
                        u"type='relay'"_s);
    QTest::newRow("relay with unspecified related address")
        << makeCandidate(T::Relayed, P::Udp, u"203.0.113.9"_s, 49998, u"0.0.0.0"_s, 0)
        << candidateXml(u"ip='203.0.113.9' port='49998' protocol='udp' rel-addr='0.0.0.0' rel-port='0' type='relay'"_s);
    QTest::newRow("tcp active, port 0") << makeCandidate(T::Host, P::TcpActive, u"192.0.2.10"_s, 0)
                                        << candidateXml(u"ip='192.0.2.10' port='0' protocol='tcp' tcptype='active' "
                                                        u"type='host'"_s);
    QTest::newRow("tcp passive IPv6") << makeCandidate(T::Host, P::TcpPassive, u"2001:db8::5"_s, 443)
                                      << candidateXml(u"ip='2001:db8::5' port='443' protocol='tcp' tcptype='passive' "
                                                      u"type='host'"_s);
    QTest::newRow("tcp simultaneous-open srflx")
        << makeCandidate(T::ServerReflexive, P::TcpSimultaneousOpen, u"198.51.100.4"_s, 7000, u"192.0.2.10"_s, 7000)
        << candidateXml(u"ip='198.51.100.4' port='7000' protocol='tcp' rel-addr='192.0.2.10' rel-port='7000' "
                        u"tcptype='so' type='srflx'"_s);
    QTest::newRow("IPv4-mapped IPv6") << makeCandidate(T::Host, P::Udp, u"::ffff:192.0.2.33"_s, 1234)
                                      << candidateXml(
                                             u"ip='::ffff:192.0.2.33' port='1234' protocol='udp' type='host'"_s);
    {
        IceCandidate c = makeCandidate(T::Host, P::Udp, u"192.0.2.10"_s, 65535);
        c.component = 2;
        c.generation = 3;
        c.network = 7;
        c.priority = JingleCandidate::MaxPriority;
        QTest::newRow("second component, generation, network, largest priority")
            << c
            << u"<candidate xmlns='urn:xmpp:jingle:transports:ice-udp:1' component='2' foundation='4+/x' "
               u"generation='3' id='cand-1' network='7' priority='2147483647' ip='192.0.2.10' port='65535' "
               u"protocol='udp' type='host'/>"_s;
    }
}

void tst_JingleCandidate::convertsBothWays()
{
    QFETCH(IceCandidate, ice);
    QFETCH(QString, xml);

    QString error;
    const auto outgoing = JingleCandidate::fromIceCandidate(ice, &error);
    QVERIFY2(outgoing, qPrintable(error));
    QCOMPARE(written(*outgoing), canonical(xml));

    JingleCandidate incoming;
    QVERIFY2(parseCandidate(xml, &incoming, &error), qPrintable(error));
    QCOMPARE(incoming, *outgoing);
    const auto back = incoming.toIceCandidate(&error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, ice);
    QCOMPARE(IceCandidate::typeName(back->type), incoming.type);
}

void tst_JingleCandidate::localOnlyFieldsAreNotSent()
{
    IceCandidate ice = makeCandidate(IceCandidate::Type::ServerReflexive, IceCandidate::Transport::Udp,
                                     u"198.51.100.4"_s, 62000, u"192.0.2.10"_s, 40001);
    ice.viaUpnp = true;
    IceCandidate relay = makeCandidate(IceCandidate::Type::Relayed, IceCandidate::Transport::Udp, u"203.0.113.9"_s,
                                       49999, u"198.51.100.4"_s, 62000);
    relay.relayTransport = IceCandidate::RelayTransport::Tls;
    for (const IceCandidate &local : { ice, relay }) {
        const auto sent = JingleCandidate::fromIceCandidate(local);
        QVERIFY(sent);
        const QString xml = written(*sent);
        QVERIFY2(!xml.contains(u"upnp", Qt::CaseInsensitive) && !xml.contains(u"tls", Qt::CaseInsensitive),
                 qPrintable(xml));
        const auto received = sent->toIceCandidate();
        QVERIFY(received);
        QVERIFY(!received->viaUpnp);
        QCOMPARE(received->relayTransport, IceCandidate::RelayTransport::None);
        IceCandidate expected = local;
        expected.viaUpnp = false;
        expected.relayTransport = IceCandidate::RelayTransport::None;
        QCOMPARE(*received, expected);
    }
}

void tst_JingleCandidate::scopeIdIsDropped()
{
    IceCandidate ice = makeCandidate(IceCandidate::Type::Host, IceCandidate::Transport::Udp, u"fe80::1:2"_s, 4000);
    ice.address.setScopeId(u"eth0"_s);
    QString error;
    const auto sent = JingleCandidate::fromIceCandidate(ice, &error);
    QVERIFY2(sent, qPrintable(error));
    QCOMPARE(written(*sent), canonical(candidateXml(u"ip='fe80::1:2' port='4000' protocol='udp' type='host'"_s)));
}

void tst_JingleCandidate::rejectsIceCandidate_data()
{
    QTest::addColumn<IceCandidate>("ice");
    QTest::addColumn<QString>("error");
    const IceCandidate good
        = makeCandidate(IceCandidate::Type::Host, IceCandidate::Transport::Udp, u"192.0.2.10"_s, 40001);
    const auto with = [&good](auto change) {
        IceCandidate c = good;
        change(c);
        return c;
    };
    QTest::newRow("no id") << with([](IceCandidate &c) { c.id.clear(); }) << u"has no id"_s;
    QTest::newRow("no address") << with([](IceCandidate &c) { c.address.clear(); }) << u"the address is missing"_s;
    QTest::newRow("any address") << with([](IceCandidate &c) { c.address = QHostAddress(QHostAddress::AnyIPv6); })
                                 << u"is not a unicast address"_s;
    QTest::newRow("broadcast") << with([](IceCandidate &c) { c.address = QHostAddress::Broadcast; })
                               << u"is not a unicast address"_s;
    QTest::newRow("multicast") << with([](IceCandidate &c) { c.address = QHostAddress(u"239.1.2.3"_s); })
                               << u"is not a unicast address"_s;
    QTest::newRow("udp port 0") << with([](IceCandidate &c) { c.port = 0; }) << u"port 0 is only allowed"_s;
    QTest::newRow("tcp passive port 0") << with([](IceCandidate &c) {
        c.port = 0;
        c.transport = IceCandidate::Transport::TcpPassive;
    }) << u"port 0 is only allowed"_s;
    QTest::newRow("priority 0") << with([](IceCandidate &c) { c.priority = 0; }) << u"priority 0 is outside"_s;
    QTest::newRow("priority 2^31") << with([](IceCandidate &c) { c.priority = 0x80000000u; })
                                   << u"priority 2147483648 is outside 1 to 2147483647"_s;
    QTest::newRow("component 0") << with([](IceCandidate &c) { c.component = 0; }) << u"component 0 is outside"_s;
    QTest::newRow("component 257") << with([](IceCandidate &c) { c.component = 257; }) << u"component 257"_s;
    QTest::newRow("empty foundation") << with([](IceCandidate &c) { c.foundation.clear(); }) << u"foundation"_s;
    QTest::newRow("foundation with space")
        << with([](IceCandidate &c) { c.foundation = u"a b"_s; }) << u"foundation \"a b\""_s;
    QTest::newRow("negative generation") << with([](IceCandidate &c) { c.generation = -1; })
                                         << u"generation -1 is outside"_s;
    QTest::newRow("negative network") << with([](IceCandidate &c) { c.network = -2; }) << u"network -2"_s;
    QTest::newRow("related port without address")
        << with([](IceCandidate &c) { c.relatedPort = 5; }) << u"a related port needs a related address"_s;
    QTest::newRow("oversized id") << with([](IceCandidate &c) { c.id = QString(257, u'i'); }) << u"the id must have"_s;
    QTest::newRow("id with control characters")
        << with([](IceCandidate &c) { c.id = u"a\u0001b"_s; }) << u"the id must have"_s;
    QTest::newRow("id with white space") << with([](IceCandidate &c) { c.id = u"c 1"_s; }) << u"no white space"_s;
}

void tst_JingleCandidate::rejectsIceCandidate()
{
    QFETCH(IceCandidate, ice);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!JingleCandidate::fromIceCandidate(ice, &message));
    QVERIFY2(message.startsWith(u"Jingle candidate: "), qPrintable(message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!JingleCandidate::fromIceCandidate(ice)); // no error pointer: no crash
}

void tst_JingleCandidate::rejectsElement_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("error");
    const QString base = u"ip='192.0.2.10' port='40001' protocol='udp' type='host'"_s;
    QTest::newRow("wrong namespace")
        << u"<candidate xmlns='urn:xmpp:jingle:transports:raw-udp:1' component='1' foundation='1' generation='0' "
           u"id='x' ip='192.0.2.10' network='0' port='1' priority='1' protocol='udp' type='host'/>"_s
        << u"expected <candidate/> in urn:xmpp:jingle:transports:ice-udp:1"_s;
    QTest::newRow("no ip") << candidateXml(u"port='40001' protocol='udp' type='host'"_s)
                           << u"the required attribute 'ip' is missing"_s;
    QTest::newRow("no type") << candidateXml(u"ip='192.0.2.10' port='40001' protocol='udp'"_s)
                             << u"the required attribute 'type' is missing"_s;
    QTest::newRow("type in capitals") << candidateXml(u"ip='192.0.2.10' port='40001' protocol='udp' type='HOST'"_s)
                                      << u"type \"HOST\" is not one of"_s;
    QTest::newRow("protocol in capitals")
        << candidateXml(u"ip='192.0.2.10' port='40001' protocol='UDP' type='host'"_s) << u"protocol \"UDP\""_s;
    QTest::newRow("port with leading zero")
        << candidateXml(u"ip='192.0.2.10' port='040001' protocol='udp' type='host'"_s) << u"'port'"_s;
    QTest::newRow("port with plus sign") << candidateXml(u"ip='192.0.2.10' port='+4000' protocol='udp' type='host'"_s)
                                         << u"'port'"_s;
    QTest::newRow("port fractional") << candidateXml(u"ip='192.0.2.10' port='4000.5' protocol='udp' type='host'"_s)
                                     << u"'port'"_s;
    QTest::newRow("rel-port without rel-addr")
        << candidateXml(base + u" rel-port='9'"_s) << u"'rel-addr' and 'rel-port' must come together"_s;
    QTest::newRow("rel-addr not an address") << candidateXml(base + u" rel-addr='router' rel-port='9'"_s)
                                             << u"attribute 'rel-addr' must be an IPv4 or IPv6 address"_s;
    QTest::newRow("rel-port too big") << candidateXml(base + u" rel-addr='192.0.2.1' rel-port='70000'"_s)
                                      << u"'rel-port' must be a whole number from 0 to 65535"_s;
    QTest::newRow("unknown tcptype")
        << candidateXml(u"ip='192.0.2.10' port='40001' protocol='tcp' tcptype='both' type='host'"_s)
        << u"a tcp candidate needs tcptype \"active\", \"passive\" or \"so\", not \"both\""_s;
    QTest::newRow("huge ip attribute") << candidateXml(u"ip='%1' port='1' protocol='udp' type='host'"_s.arg(
        QString(100000, u'1'))) << u"'ip' must have 1 to 64 characters"_s;
}

void tst_JingleCandidate::rejectsElement()
{
    QFETCH(QString, xml);
    QFETCH(QString, error);
    JingleCandidate candidate;
    candidate.foundation = u"untouched"_s;
    QString message;
    QVERIFY(!parseCandidate(xml, &candidate, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QCOMPARE(candidate.foundation, u"untouched"_s); // a refused element leaves the object as it was
}

void tst_JingleCandidate::rejectsInvalidFieldsOnConversion_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("type") << u"type"_s << u"local"_s << u"type \"local\" is not one of host, srflx, prflx, relay"_s;
    QTest::newRow("protocol") << u"protocol"_s << u"sctp"_s << u"protocol \"sctp\" is neither"_s;
    QTest::newRow("tcptype on udp") << u"tcpType"_s << u"active"_s << u"a udp candidate cannot have a tcptype"_s;
    QTest::newRow("tcp without tcptype") << u"protocol"_s << u"tcp"_s << u"a tcp candidate needs tcptype"_s;
}

void tst_JingleCandidate::rejectsInvalidFieldsOnConversion()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, error);
    auto candidate = JingleCandidate::fromIceCandidate(
        makeCandidate(IceCandidate::Type::Host, IceCandidate::Transport::Udp, u"192.0.2.10"_s, 40001));
    QVERIFY(candidate);
    if (field == u"type")
        candidate->type = value;
    else if (field == u"protocol")
        candidate->protocol = value;
    else
        candidate->tcpType = value;
    QString message;
    QVERIFY(!candidate->toIceCandidate(&message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!candidate->validate(&message));
}

QTEST_GUILESS_MAIN(tst_JingleCandidate)
#include "tst_JingleCandidate.moc"
