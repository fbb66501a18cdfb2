// JingleIq and the elements it holds: every request Peerlink sends is parsed from literal XML,
// serialised again and compared (canonical form: namespaces resolved, attributes sorted);
// requests built in code produce the same XML; malformed and hostile requests are refused with
// a clear error and never crash.
#include "core/xmpp/JingleIq.h"
#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomDocument>
#include <QSet>
#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

namespace {

const QString initiatorFingerprint
    = u"91:18:35:24:DA:02:4B:0D:07:10:B3:9B:56:DC:7E:6E:7E:9E:E5:05:48:19:D3:11:70:1D:19:27:E9:7F:0F:C8"_s;

const QString sessionInitiate = uR"(
<iq id='pl-1' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='Sx7q2mPc' initiator='alice@example.org/laptop'>
    <content creator='initiator' name='chat' senders='both'>
      <description xmlns='urn:peerlink:jingle:chat:0'/>
      <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='8hhy' pwd='asd88fgpdd777uzjYhagZg'>
        <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>91:18:35:24:DA:02:4B:0D:07:10:B3:9B:56:DC:7E:6E:7E:9E:E5:05:48:19:D3:11:70:1D:19:27:E9:7F:0F:C8</fingerprint>
        <candidate component='1' foundation='1' generation='0' id='c1' ip='192.168.1.20' network='0' port='50712' priority='2130706431' protocol='udp' type='host'/>
        <candidate component='1' foundation='2' generation='0' id='c2' ip='2001:db8::20' network='0' port='50713' priority='2130706175' protocol='udp' type='host'/>
        <candidate component='1' foundation='3' generation='0' id='c3' ip='192.168.1.20' network='0' port='9' priority='1015022847' protocol='tcp' tcptype='active' type='host'/>
        <candidate component='1' foundation='4' generation='0' id='c4' ip='192.168.1.20' network='0' port='50714' priority='1015021823' protocol='tcp' tcptype='passive' type='host'/>
        <candidate component='1' foundation='5' generation='0' id='c5' ip='203.0.113.7' network='0' port='61234' priority='1694498815' protocol='udp' rel-addr='192.168.1.20' rel-port='50712' type='srflx'/>
        <candidate component='1' foundation='6' generation='0' id='c6' ip='2001:db8:ffff::7' network='0' port='3478' priority='16777215' protocol='udp' rel-addr='2001:db8::20' rel-port='50713' type='relay'/>
      </transport>
    </content>
  </jingle>
</iq>)"_s;

const QString sessionInitiateWithFile = uR"(
<iq id='pl-1b' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='Fq8v1' initiator='alice@example.org/laptop'>
    <content creator='initiator' name='chat'>
      <description xmlns='urn:peerlink:jingle:chat:0'/>
      <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='8hhy' pwd='asd88fgpdd777uzjYhagZg'>
        <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>91:18:35:24:DA:02:4B:0D:07:10:B3:9B:56:DC:7E:6E:7E:9E:E5:05:48:19:D3:11:70:1D:19:27:E9:7F:0F:C8</fingerprint>
      </transport>
    </content>
    <content creator='initiator' name='file-1' senders='initiator'>
      <description xmlns='urn:xmpp:jingle:apps:file-transfer:5'>
        <file>
          <name>notes.txt</name>
          <size>15</size>
          <hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB57n8=</hash>
        </file>
      </description>
      <transport xmlns='urn:peerlink:jingle:transports:quic-stream:0' stream-id='3'/>
    </content>
  </jingle>
</iq>)"_s;

const QString sessionAccept = uR"(
<iq id='pl-2' from='bob@example.org/desk' to='alice@example.org/laptop' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='session-accept' sid='Sx7q2mPc' responder='bob@example.org/desk'>
    <content creator='initiator' name='chat' senders='both'>
      <description xmlns='urn:peerlink:jingle:chat:0'/>
      <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='Jd6z' pwd='Gm1xJvkfR7WbQh3Ns0LpTa'>
        <fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='active'>B1:22:16:A8:1A:94:69:4D:71:23:79:AB:A3:F7:91:57:4F:78:2A:5E:96:F4:8B:53:EF:A6:E5:02:4D:36:E5:58</fingerprint>
        <candidate component='1' foundation='1' generation='0' id='r1' ip='10.0.0.5' network='1' port='40000' priority='2130706431' protocol='udp' type='host'/>
      </transport>
    </content>
  </jingle>
</iq>)"_s;

const QString transportInfoTrickle = uR"(
<iq id='pl-3' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='Sx7q2mPc'>
    <content creator='initiator' name='chat'>
      <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='8hhy' pwd='asd88fgpdd777uzjYhagZg'>
        <candidate component='1' foundation='7' generation='0' id='c7' ip='198.51.100.9' network='0' port='49152' priority='1686052607' protocol='udp' rel-addr='192.168.1.20' rel-port='50712' type='srflx'/>
      </transport>
    </content>
  </jingle>
</iq>)"_s;

const QString transportInfoRestart = uR"(
<iq id='pl-4' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='Sx7q2mPc'>
    <content creator='initiator' name='chat'>
      <transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='Qw3r' pwd='n9Zk2LmPq8RsT4VwXy6AbC'/>
    </content>
  </jingle>
</iq>)"_s;

const QString contentAddFile = uR"(
<iq id='pl-5' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='content-add' sid='Sx7q2mPc'>
    <content creator='initiator' name='file-1' senders='initiator'>
      <description xmlns='urn:xmpp:jingle:apps:file-transfer:5'>
        <file>
          <media-type>text/plain</media-type>
          <name>notes.txt</name>
          <date>2025-03-14T09:26:53Z</date>
          <desc>Meeting notes</desc>
          <size>15</size>
          <hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB57n8=</hash>
          <range/>
        </file>
      </description>
      <transport xmlns='urn:peerlink:jingle:transports:quic-stream:0' stream-id='3'/>
    </content>
  </jingle>
</iq>)"_s;

const QString contentAcceptResume = uR"(
<iq id='pl-6' from='bob@example.org/desk' to='alice@example.org/laptop' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='content-accept' sid='Sx7q2mPc'>
    <content creator='initiator' name='file-1' senders='initiator'>
      <description xmlns='urn:xmpp:jingle:apps:file-transfer:5'>
        <file>
          <name>notes.txt</name>
          <size>15</size>
          <hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB57n8=</hash>
          <range offset='5' length='10'/>
        </file>
      </description>
      <transport xmlns='urn:peerlink:jingle:transports:quic-stream:0' stream-id='3'/>
    </content>
  </jingle>
</iq>)"_s;

const QString contentReject = uR"(
<iq id='pl-7' from='bob@example.org/desk' to='alice@example.org/laptop' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='content-reject' sid='Sx7q2mPc'>
    <content creator='initiator' name='file-1'/>
    <reason><decline/><text>Not now</text></reason>
  </jingle>
</iq>)"_s;

const QString contentRemove = uR"(
<iq id='pl-8' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='content-remove' sid='Sx7q2mPc'>
    <content creator='initiator' name='file-1'/>
    <reason><cancel/></reason>
  </jingle>
</iq>)"_s;

const QString sessionInfoPing = uR"(
<iq id='pl-9' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='session-info' sid='Sx7q2mPc'/>
</iq>)"_s;

QString terminate(const QString &reasonXml)
{
    return uR"(
<iq id='pl-10' from='alice@example.org/laptop' to='bob@example.org/desk' type='set'>
  <jingle xmlns='urn:xmpp:jingle:1' action='session-terminate' sid='Sx7q2mPc'>
    %1
  </jingle>
</iq>)"_s.arg(reasonXml);
}

QString canonical(const QString &xml)
{
    QString error;
    const QString form = JingleXml::canonicalForm(xml, &error);
    return form.isEmpty() ? u"not XML: "_s + error : form;
}

JingleIq parseIq(const QString &xml)
{
    QDomDocument document;
    QString error;
    const QDomElement root = JingleXml::parseDocument(xml, &document, &error);
    if (root.isNull())
        qWarning("%s", qPrintable(error));
    JingleIq iq;
    iq.parse(root);
    return iq;
}

IceCandidate candidate(const QString &foundation, const QString &id, const QString &ip, quint16 port, quint32 priority,
                       IceCandidate::Type type, IceCandidate::Transport transport = IceCandidate::Transport::Udp,
                       const QString &relatedIp = {}, quint16 relatedPort = 0)
{
    IceCandidate c;
    c.foundation = foundation;
    c.id = id;
    c.address = QHostAddress(ip);
    c.port = port;
    c.priority = priority;
    c.type = type;
    c.transport = transport;
    if (!relatedIp.isEmpty())
        c.relatedAddress = QHostAddress(relatedIp);
    c.relatedPort = relatedPort;
    return c;
}

// The candidates of 'sessionInitiate', as libnice would report them.
IceCandidates initiatorCandidates()
{
    using T = IceCandidate::Type;
    using P = IceCandidate::Transport;
    return {
        candidate(u"1"_s, u"c1"_s, u"192.168.1.20"_s, 50712, 2130706431, T::Host),
        candidate(u"2"_s, u"c2"_s, u"2001:db8::20"_s, 50713, 2130706175, T::Host),
        candidate(u"3"_s, u"c3"_s, u"192.168.1.20"_s, 9, 1015022847, T::Host, P::TcpActive),
        candidate(u"4"_s, u"c4"_s, u"192.168.1.20"_s, 50714, 1015021823, T::Host, P::TcpPassive),
        candidate(u"5"_s, u"c5"_s, u"203.0.113.7"_s, 61234, 1694498815, T::ServerReflexive, P::Udp, u"192.168.1.20"_s,
                  50712),
        candidate(u"6"_s, u"c6"_s, u"2001:db8:ffff::7"_s, 3478, 16777215, T::Relayed, P::Udp, u"2001:db8::20"_s, 50713),
    };
}

void collectNamespaces(const QDomElement &element, QSet<QString> *namespaces)
{
    if (!element.namespaceURI().isEmpty())
        namespaces->insert(element.namespaceURI());
    for (QDomElement child = element.firstChildElement(); !child.isNull(); child = child.nextSiblingElement())
        collectNamespaces(child, namespaces);
}

void collectElements(const QDomElement &element, QList<QDomElement> *elements)
{
    elements->append(element);
    for (QDomElement child = element.firstChildElement(); !child.isNull(); child = child.nextSiblingElement())
        collectElements(child, elements);
}

} // namespace

class tst_JingleIq : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void sessionInitiateValues();
    void sessionInitiateBuiltInCode();
    void terminateBuiltInCode_data();
    void terminateBuiltInCode();
    void iceRestartAndTrickleValues();
    void fileOfferValues();
    void prefixedNamespacesParse();
    void malformed_data();
    void malformed();
    void hostileAttributeValuesNeverCrash();
    void isJingleIq();
    void discoFeaturesCoverEverythingSent();
};

void tst_JingleIq::roundTrip_data()
{
    QTest::addColumn<QString>("xml");
    QTest::newRow("session-initiate: chat, ICE, fingerprint, candidates") << sessionInitiate;
    QTest::newRow("session-initiate: chat and a file") << sessionInitiateWithFile;
    QTest::newRow("session-accept") << sessionAccept;
    QTest::newRow("transport-info: one trickled candidate") << transportInfoTrickle;
    QTest::newRow("transport-info: ICE restart") << transportInfoRestart;
    QTest::newRow("content-add: file offer with hash and range") << contentAddFile;
    QTest::newRow("content-accept: resume from an offset") << contentAcceptResume;
    QTest::newRow("content-reject: decline with text") << contentReject;
    QTest::newRow("content-remove: cancel") << contentRemove;
    QTest::newRow("session-info: ping") << sessionInfoPing;
    for (const char *condition : { "success", "decline", "timeout", "security-error", "connectivity-error",
                                   "failed-transport", "gone", "busy", "cancel", "expired", "unsupported-applications",
                                   "unsupported-transports", "failed-application", "incompatible-parameters" }) {
        QTest::addRow("session-terminate: %s", condition)
            << terminate(u"<reason><%1/></reason>"_s.arg(QLatin1StringView(condition)));
    }
    QTest::newRow("session-terminate: general-error with text")
        << terminate(u"<reason><general-error/><text>The chat channel closed unexpectedly</text></reason>"_s);
    QTest::newRow("session-terminate: security-error with text")
        << terminate(u"<reason><security-error/><text>Certificate does not match the fingerprint</text></reason>"_s);
    QTest::newRow("session-terminate: alternative-session")
        << terminate(u"<reason><alternative-session><sid>Kq2mB</sid></alternative-session></reason>"_s);
}

void tst_JingleIq::roundTrip()
{
    QFETCH(QString, xml);
    const JingleIq iq = parseIq(xml);
    QVERIFY2(iq.isValid(), qPrintable(iq.parseError()));
    QVERIFY(iq.parseError().isEmpty());

    const QString written = JingleXml::toXmlString(iq);
    QCOMPARE(canonical(written), canonical(xml));

    // What we write parses to the same request.
    const JingleIq again = parseIq(written);
    QVERIFY2(again.isValid(), qPrintable(again.parseError()));
    QCOMPARE(again.action(), iq.action());
    QCOMPARE(again.sid(), iq.sid());
    QCOMPARE(again.contents(), iq.contents());
    QCOMPARE(again.reason(), iq.reason());
    QCOMPARE(canonical(JingleXml::toXmlString(again)), canonical(xml));
}

void tst_JingleIq::sessionInitiateValues()
{
    const JingleIq iq = parseIq(sessionInitiate);
    QVERIFY2(iq.isValid(), qPrintable(iq.parseError()));
    QCOMPARE(iq.type(), QXmppIq::Set);
    QCOMPARE(iq.id(), u"pl-1"_s);
    QCOMPARE(iq.from(), u"alice@example.org/laptop"_s);
    QCOMPARE(iq.action(), JingleIq::Action::SessionInitiate);
    QCOMPARE(iq.sid(), u"Sx7q2mPc"_s);
    QCOMPARE(iq.initiator(), u"alice@example.org/laptop"_s);
    QVERIFY(iq.responder().isEmpty());
    QVERIFY(!iq.reason());
    QCOMPARE(iq.contents().size(), 1);

    const JingleContent content = iq.contents().constFirst();
    QCOMPARE(content.creator, JingleContent::Creator::Initiator);
    QCOMPARE(content.name, u"chat"_s);
    QCOMPARE(content.senders, JingleContent::Senders::Both);
    QVERIFY(content.chatDescription());
    const JingleIceTransport *ice = content.iceTransport();
    QVERIFY(ice);
    QCOMPARE(ice->ufrag, u"8hhy"_s);
    QCOMPARE(ice->pwd, u"asd88fgpdd777uzjYhagZg"_s);
    QVERIFY(ice->fingerprint);
    QCOMPARE(ice->fingerprint->setup, JingleFingerprint::Setup::ActPass);
    QCOMPARE(ice->fingerprint->algorithm, QCryptographicHash::Sha256);
    QVERIFY(ice->fingerprint->matchesCertificate(QByteArrayLiteral("peerlink test certificate")));
    QVERIFY(!ice->fingerprint->matchesCertificate(QByteArrayLiteral("peerlink responder certificate")));

    IceCandidates converted;
    for (const JingleCandidate &c : ice->candidates) {
        QString error;
        const auto iceCandidate = c.toIceCandidate(&error);
        QVERIFY2(iceCandidate, qPrintable(error));
        converted.append(*iceCandidate);
    }
    QCOMPARE(converted, initiatorCandidates());
}

void tst_JingleIq::sessionInitiateBuiltInCode()
{
    JingleIceTransport ice;
    ice.ufrag = u"8hhy"_s;
    ice.pwd = u"asd88fgpdd777uzjYhagZg"_s;
    ice.fingerprint = JingleFingerprint::fromCertificate(QByteArrayLiteral("peerlink test certificate"),
                                                         JingleFingerprint::Setup::ActPass);
    QCOMPARE(JingleFingerprint::formatDigest(ice.fingerprint->digest), initiatorFingerprint);
    for (const IceCandidate &c : initiatorCandidates()) {
        QString error;
        const auto jingleCandidate = JingleCandidate::fromIceCandidate(c, &error);
        QVERIFY2(jingleCandidate, qPrintable(error));
        ice.candidates.append(*jingleCandidate);
    }
    JingleContent chat;
    chat.creator = JingleContent::Creator::Initiator;
    chat.name = u"chat"_s;
    chat.senders = JingleContent::Senders::Both;
    chat.description = JingleChatDescription();
    chat.transport = ice;

    JingleIq iq;
    iq.setId(u"pl-1"_s);
    iq.setFrom(u"alice@example.org/laptop"_s);
    iq.setTo(u"bob@example.org/desk"_s);
    iq.setAction(JingleIq::Action::SessionInitiate);
    iq.setSid(u"Sx7q2mPc"_s);
    iq.setInitiator(u"alice@example.org/laptop"_s);
    iq.addContent(chat);

    QString error;
    QVERIFY2(iq.validate(&error), qPrintable(error));
    QCOMPARE(canonical(JingleXml::toXmlString(iq)), canonical(sessionInitiate));

    // The same request without a fingerprint is refused before it is sent.
    JingleIceTransport withoutFingerprint = ice;
    withoutFingerprint.fingerprint.reset();
    chat.transport = withoutFingerprint;
    iq.setContents({ chat });
    QVERIFY(!iq.validate(&error));
    QVERIFY2(error.contains(u"fingerprint"), qPrintable(error));
}

void tst_JingleIq::terminateBuiltInCode_data()
{
    QTest::addColumn<JingleReason::Condition>("condition");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("xml");
    using C = JingleReason::Condition;
    const QList<std::pair<C, QString>> plain = {
        { C::Success, u"success"_s },
        { C::Decline, u"decline"_s },
        { C::Timeout, u"timeout"_s },
        { C::SecurityError, u"security-error"_s },
        { C::ConnectivityError, u"connectivity-error"_s },
        { C::FailedTransport, u"failed-transport"_s },
        { C::Gone, u"gone"_s },
        { C::Busy, u"busy"_s },
    };
    for (const auto &[condition, name] : plain) {
        QTest::addRow("%s", qPrintable(name))
            << condition << QString() << terminate(u"<reason><%1/></reason>"_s.arg(name));
    }
    QTest::newRow("general-error with text")
        << C::GeneralError << u"Disk full: free some space and try again"_s
        << terminate(u"<reason><general-error/><text>Disk full: free some space and try again</text></reason>"_s);
}

void tst_JingleIq::terminateBuiltInCode()
{
    QFETCH(JingleReason::Condition, condition);
    QFETCH(QString, text);
    QFETCH(QString, xml);

    JingleReason reason;
    reason.condition = condition;
    reason.text = text;
    JingleIq iq;
    iq.setId(u"pl-10"_s);
    iq.setFrom(u"alice@example.org/laptop"_s);
    iq.setTo(u"bob@example.org/desk"_s);
    iq.setAction(JingleIq::Action::SessionTerminate);
    iq.setSid(u"Sx7q2mPc"_s);
    iq.setReason(reason);
    QString error;
    QVERIFY2(iq.validate(&error), qPrintable(error));
    QCOMPARE(canonical(JingleXml::toXmlString(iq)), canonical(xml));

    const JingleIq parsed = parseIq(xml);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.parseError()));
    QCOMPARE(parsed.reason(), reason);
}

void tst_JingleIq::iceRestartAndTrickleValues()
{
    const JingleIq trickle = parseIq(transportInfoTrickle);
    QVERIFY2(trickle.isValid(), qPrintable(trickle.parseError()));
    QCOMPARE(trickle.action(), JingleIq::Action::TransportInfo);
    const JingleIceTransport *ice = trickle.contents().constFirst().iceTransport();
    QVERIFY(ice);
    QCOMPARE(ice->candidates.size(), 1);
    const auto c = ice->candidates.constFirst().toIceCandidate();
    QVERIFY(c);
    QCOMPARE(c->type, IceCandidate::Type::ServerReflexive);
    QCOMPARE(c->address, QHostAddress(u"198.51.100.9"_s));
    QCOMPARE(c->relatedAddress, QHostAddress(u"192.168.1.20"_s));
    QCOMPARE(c->relatedPort, quint16(50712));

    const JingleIq restart = parseIq(transportInfoRestart);
    QVERIFY2(restart.isValid(), qPrintable(restart.parseError()));
    const JingleIceTransport *fresh = restart.contents().constFirst().iceTransport();
    QVERIFY(fresh);
    QVERIFY(fresh->hasCredentials());
    QVERIFY(fresh->candidates.isEmpty());
    QVERIFY(fresh->ufrag != ice->ufrag);
    QCOMPARE(fresh->pwd, u"n9Zk2LmPq8RsT4VwXy6AbC"_s);
}

void tst_JingleIq::fileOfferValues()
{
    const JingleIq iq = parseIq(contentAddFile);
    QVERIFY2(iq.isValid(), qPrintable(iq.parseError()));
    const JingleContent content = iq.contents().constFirst();
    QCOMPARE(content.senders, JingleContent::Senders::Initiator);
    const JingleFileDescription *file = content.fileDescription();
    QVERIFY(file);
    QCOMPARE(file->name, u"notes.txt"_s);
    QCOMPARE(file->size, 15);
    QCOMPARE(file->mediaType, u"text/plain"_s);
    QCOMPARE(file->desc, u"Meeting notes"_s);
    QCOMPARE(file->date, QDateTime(QDate(2025, 3, 14), QTime(9, 26, 53), QTimeZone::UTC));
    QCOMPARE(file->hashes.size(), 1);
    QCOMPARE(file->hashes.constFirst().algorithm, QCryptographicHash::Sha256);
    QCOMPARE(file->hashes.constFirst().value,
             QCryptographicHash::hash(QByteArrayLiteral("hello peerlink\n"), QCryptographicHash::Sha256));
    QVERIFY(file->range);
    QCOMPARE(file->range->offset, 0);
    QVERIFY(!file->range->length);
    QVERIFY(content.quicStreamTransport());
    QCOMPARE(content.quicStreamTransport()->streamId, 3u);

    const JingleIq accept = parseIq(contentAcceptResume);
    QVERIFY2(accept.isValid(), qPrintable(accept.parseError()));
    const JingleFileDescription *resumed = accept.contents().constFirst().fileDescription();
    QVERIFY(resumed && resumed->range);
    QCOMPARE(resumed->range->offset, 5);
    QCOMPARE(resumed->range->length, 10);
}

void tst_JingleIq::prefixedNamespacesParse()
{
    // Same session-accept, written with namespace prefixes instead of default namespaces.
    const QString prefixed = uR"(
<iq id='pl-2' from='bob@example.org/desk' to='alice@example.org/laptop' type='set'
    xmlns:j='urn:xmpp:jingle:1' xmlns:c='urn:peerlink:jingle:chat:0'
    xmlns:t='urn:xmpp:jingle:transports:ice-udp:1' xmlns:d='urn:xmpp:jingle:apps:dtls:0'>
  <j:jingle action='session-accept' sid='Sx7q2mPc' responder='bob@example.org/desk'>
    <j:content creator='initiator' name='chat' senders='both'>
      <c:description/>
      <t:transport ufrag='Jd6z' pwd='Gm1xJvkfR7WbQh3Ns0LpTa'>
        <d:fingerprint hash='sha-256' setup='active'>B1:22:16:A8:1A:94:69:4D:71:23:79:AB:A3:F7:91:57:4F:78:2A:5E:96:F4:8B:53:EF:A6:E5:02:4D:36:E5:58</d:fingerprint>
        <t:candidate component='1' foundation='1' generation='0' id='r1' ip='10.0.0.5' network='1' port='40000' priority='2130706431' protocol='udp' type='host'/>
      </t:transport>
    </j:content>
  </j:jingle>
</iq>)"_s;
    const JingleIq iq = parseIq(prefixed);
    QVERIFY2(iq.isValid(), qPrintable(iq.parseError()));
    QCOMPARE(canonical(JingleXml::toXmlString(iq)), canonical(sessionAccept));
}

void tst_JingleIq::malformed_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<JingleParseResult>("result");
    QTest::addColumn<QString>("error");

    const auto M = JingleParseResult::Malformed;
    // Each row changes one thing in a valid request; the change must happen.
    const auto change = [](const QString &xml, const QString &from, const QString &to) {
        if (!xml.contains(from))
            qFatal("malformed_data: %s does not occur", qPrintable(from));
        QString copy = xml;
        return copy.replace(from, to);
    };
    const QString s = sessionInitiate;
    const QString c1 = u"id='c1' ip='192.168.1.20' network='0' port='50712' priority='2130706431'"_s;

    QTest::newRow("iq type get") << change(s, u"type='set'"_s, u"type='get'"_s) << M << u"type set"_s;
    QTest::newRow("no action") << change(s, u"action='session-initiate'"_s, QString()) << M << u"'action' is missing"_s;
    QTest::newRow("unknown action") << change(s, u"'session-initiate'"_s, u"'session-start'"_s) << M
                                    << u"\"session-start\" is not a Jingle action"_s;
    QTest::newRow("no sid") << change(s, u"sid='Sx7q2mPc'"_s, QString()) << M << u"'sid' is missing"_s;
    QTest::newRow("empty sid") << change(s, u"sid='Sx7q2mPc'"_s, u"sid=''"_s) << M << u"'sid' must have 1 to 128"_s;
    QTest::newRow("blank sid") << change(s, u"sid='Sx7q2mPc'"_s, u"sid=' '"_s) << M << u"no white space"_s;
    QTest::newRow("oversized sid") << change(s, u"sid='Sx7q2mPc'"_s, u"sid='%1'"_s.arg(QString(129, u'x'))) << M
                                   << u"'sid' must have 1 to 128 characters, it has 129"_s;
    QTest::newRow("no initiator") << change(s, u"initiator='alice@example.org/laptop'"_s, QString()) << M
                                  << u"the initiator is missing"_s;
    QTest::newRow("bare initiator") << change(s, u"initiator='alice@example.org/laptop'"_s,
                                              u"initiator='alice@example.org'"_s)
                                    << M << u"is not a full JID"_s;
    QTest::newRow("oversized initiator") << change(s, u"initiator='alice@example.org/laptop'"_s,
                                                   u"initiator='alice@example.org/%1'"_s.arg(QString(4000, u'r')))
                                         << M << u"'initiator' must have 1 to 3071"_s;
    QTest::newRow("no responder in accept") << change(sessionAccept, u"responder='bob@example.org/desk'"_s, QString())
                                            << M << u"the responder is missing"_s;
    QTest::newRow("no content") << change(
        s, s.mid(s.indexOf(u"<content"), s.indexOf(u"</jingle>") - s.indexOf(u"<content")), QString())
                                << M << u"there is no <content/>"_s;
    QTest::newRow("bad creator") << change(s, u"creator='initiator'"_s, u"creator='someone'"_s) << M
                                 << u"creator \"someone\" is neither initiator nor responder"_s;
    QTest::newRow("bad senders") << change(s, u"senders='both'"_s, u"senders='all'"_s) << M
                                 << u"senders \"all\" is not one of"_s;
    QTest::newRow("content name with a tab")
        << change(s, u"name='chat'"_s, u"name='ch&#9;at'"_s) << M << u"name \"ch\tat\" contains white space"_s;
    QTest::newRow("no content name") << change(s, u"name='chat'"_s, QString()) << M << u"'name' is missing"_s;
    QTest::newRow("two descriptions") << change(s, u"<description xmlns='urn:peerlink:jingle:chat:0'/>"_s,
                                                u"<description xmlns='urn:peerlink:jingle:chat:0'/>"
                                                u"<description xmlns='urn:peerlink:jingle:chat:0'/>"_s)
                                      << M << u"more than one <description/>"_s;
    QTest::newRow("description without namespace")
        << change(s, u"<description xmlns='urn:peerlink:jingle:chat:0'/>"_s, u"<description/>"_s) << M
        << u"has no application or transport namespace"_s;
    QTest::newRow("unsupported application")
        << change(s, u"urn:peerlink:jingle:chat:0"_s, u"urn:xmpp:jingle:apps:rtp:1"_s)
        << JingleParseResult::UnsupportedApplication
        << u"application \"urn:xmpp:jingle:apps:rtp:1\" is not supported"_s;
    QTest::newRow("unsupported transport") << change(transportInfoTrickle, u"urn:xmpp:jingle:transports:ice-udp:1"_s,
                                                     u"urn:xmpp:jingle:transports:s5b:1"_s)
                                           << JingleParseResult::UnsupportedTransport
                                           << u"transport \"urn:xmpp:jingle:transports:s5b:1\" is not supported"_s;
    QTest::newRow("transport-info without transport") << change(
        transportInfoRestart,
        u"<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='Qw3r' pwd='n9Zk2LmPq8RsT4VwXy6AbC'/>"_s,
        QString()) << M << u"needs a <transport/>"_s;
    QTest::newRow("chat over a QUIC stream")
        << change(s, s.mid(s.indexOf(u"<transport"), s.indexOf(u"</content>") - s.indexOf(u"<transport")),
                  u"<transport xmlns='urn:peerlink:jingle:transports:quic-stream:0' stream-id='0'/>"_s)
        << M << u"the chat channel needs an ICE-UDP transport"_s;
    QTest::newRow("file over ICE") << change(
        contentAddFile, u"<transport xmlns='urn:peerlink:jingle:transports:quic-stream:0' stream-id='3'/>"_s,
        u"<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'/>"_s)
                                   << M << u"a file needs a QUIC stream transport"_s;
    QTest::newRow("two chat contents") << change(sessionInitiateWithFile, u"urn:xmpp:jingle:apps:file-transfer:5"_s,
                                                 u"urn:peerlink:jingle:chat:0"_s)
                                       << M << u"chat"_s;
    QTest::newRow("duplicate content names") << change(sessionInitiateWithFile, u"name='file-1'"_s, u"name='chat'"_s)
                                             << M << u"two contents of the initiator are named \"chat\""_s;
    QTest::newRow("no chat content in initiate")
        << change(sessionInitiateWithFile,
                  sessionInitiateWithFile.mid(
                      sessionInitiateWithFile.indexOf(u"<content creator='initiator' name='chat'>"),
                      sessionInitiateWithFile.indexOf(u"<content creator='initiator' name='file-1'")
                          - sessionInitiateWithFile.indexOf(u"<content creator='initiator' name='chat'>")),
                  QString())
        << M << u"the chat content is missing"_s;
    QTest::newRow("oversized content name") << change(s, u"name='chat'"_s, u"name='%1'"_s.arg(QString(129, u'n'))) << M
                                            << u"'name' must have 1 to 128 characters"_s;

    // candidates
    QTest::newRow("port not a number") << change(s, u"port='50712'"_s, u"port='abc'"_s) << M
                                       << u"attribute 'port' must be a whole number from 0 to 65535, not \"abc\""_s;
    QTest::newRow("port too big") << change(s, u"port='50712'"_s, u"port='65536'"_s) << M
                                  << u"'port' must be a whole number from 0 to 65535"_s;
    QTest::newRow("port negative") << change(s, u"port='50712'"_s, u"port='-1'"_s) << M << u"'port'"_s;
    QTest::newRow("port with spaces") << change(s, u"port='50712'"_s, u"port=' 50712'"_s) << M << u"'port'"_s;
    QTest::newRow("port 0 for udp") << change(s, u"port='50712'"_s, u"port='0'"_s) << M
                                    << u"port 0 is only allowed for active TCP candidates"_s;
    QTest::newRow("priority not a number") << change(s, u"priority='2130706431'"_s, u"priority='12a'"_s) << M
                                           << u"'priority' must be a whole number from 1 to 2147483647, not \"12a\""_s;
    QTest::newRow("priority zero") << change(s, u"priority='2130706431'"_s, u"priority='0'"_s) << M << u"'priority'"_s;
    QTest::newRow("priority above 2^31-1")
        << change(s, u"priority='2130706431'"_s, u"priority='2147483648'"_s) << M << u"'priority'"_s;
    QTest::newRow("priority overflowing 64 bits")
        << change(s, u"priority='2130706431'"_s, u"priority='99999999999999999999999'"_s) << M << u"'priority'"_s;
    QTest::newRow("priority missing") << change(s, u"priority='2130706431'"_s, QString()) << M
                                      << u"the required attribute 'priority' is missing"_s;
    QTest::newRow("unknown type") << change(s, c1 + u" protocol='udp' type='host'"_s,
                                            c1 + u" protocol='udp' type='local'"_s)
                                  << M << u"type \"local\" is not one of host, srflx, prflx, relay"_s;
    QTest::newRow("unknown protocol") << change(s, c1 + u" protocol='udp'"_s, c1 + u" protocol='sctp'"_s) << M
                                      << u"protocol \"sctp\" is neither"_s;
    QTest::newRow("tcp without tcptype") << change(s, u" tcptype='passive'"_s, QString()) << M
                                         << u"a tcp candidate needs tcptype"_s;
    QTest::newRow("udp with tcptype") << change(s, c1 + u" protocol='udp'"_s, c1 + u" protocol='udp' tcptype='so'"_s)
                                      << M << u"a udp candidate cannot have a tcptype"_s;
    QTest::newRow("ip not an address") << change(s, u"ip='192.168.1.20' network='0' port='50712'"_s,
                                                 u"ip='alice.local' network='0' port='50712'"_s)
                                       << M << u"attribute 'ip' must be an IPv4 or IPv6 address"_s;
    QTest::newRow("ip with scope id") << change(s, u"ip='2001:db8::20'"_s, u"ip='fe80::1%eth0'"_s) << M
                                      << u"without scope"_s;
    QTest::newRow("ip shorthand IPv4") << change(s, u"ip='192.168.1.20' network='0' port='50712'"_s,
                                                 u"ip='127.1' network='0' port='50712'"_s)
                                       << M << u"'ip'"_s;
    QTest::newRow("ip unspecified") << change(s, u"ip='192.168.1.20' network='0' port='50712'"_s,
                                              u"ip='0.0.0.0' network='0' port='50712'"_s)
                                    << M << u"0.0.0.0 is not a unicast address"_s;
    QTest::newRow("ip multicast") << change(s, u"ip='2001:db8::20'"_s, u"ip='ff02::1'"_s) << M
                                  << u"is not a unicast address"_s;
    QTest::newRow("rel-addr without rel-port")
        << change(s, u" rel-port='50712'"_s, QString()) << M << u"'rel-addr' and 'rel-port' must come together"_s;
    QTest::newRow("component 0") << change(s, u"component='1' foundation='1'"_s, u"component='0' foundation='1'"_s) << M
                                 << u"'component' must be a whole number from 1 to 256"_s;
    QTest::newRow("foundation too long") << change(s, u"foundation='1'"_s, u"foundation='%1'"_s.arg(QString(33, u'f')))
                                         << M << u"'foundation'"_s;
    QTest::newRow("foundation not ice-chars") << change(s, u"foundation='1'"_s, u"foundation='a b'"_s) << M
                                              << u"foundation \"a b\" must be 1 to 32 letters"_s;
    QTest::newRow("oversized candidate id") << change(s, u"id='c1'"_s, u"id='%1'"_s.arg(QString(257, u'i'))) << M
                                            << u"'id' must have 1 to 256 characters"_s;
    QTest::newRow("blank candidate id") << change(s, u"id='c1'"_s, u"id=' '"_s) << M << u"no white space"_s;
    QTest::newRow("duplicate candidate id")
        << change(s, u"id='c2'"_s, u"id='c1'"_s) << M << u"two candidates have the id \"c1\""_s;
    {
        QString many;
        for (int i = 0; i < JingleIceTransport::MaxCandidates + 1; ++i)
            many += u"<candidate component='1' foundation='1' generation='0' id='m%1' ip='10.0.0.1' network='0' "
                    u"port='1000' priority='1' protocol='udp' type='host'/>"_s.arg(i);
        QTest::newRow("too many candidates") << change(transportInfoRestart, u"pwd='n9Zk2LmPq8RsT4VwXy6AbC'/>"_s,
                                                       u"pwd='n9Zk2LmPq8RsT4VwXy6AbC'>"_s + many + u"</transport>"_s)
                                             << M << u"more than 128 candidates"_s;
    }
    {
        QString many;
        for (int i = 0; i < JingleIq::MaxContents + 1; ++i)
            many += u"<content creator='initiator' name='f%1'/>"_s.arg(i);
        QTest::newRow("too many contents")
            << change(contentRemove, u"<content creator='initiator' name='file-1'/>"_s, many) << M
            << u"more than 64 contents"_s;
    }

    // ICE credentials and fingerprint
    QTest::newRow("ufrag too short") << change(s, u"ufrag='8hhy'"_s, u"ufrag='8hh'"_s) << M
                                     << u"'ufrag' must have 4 to 256 characters, it has 3"_s;
    QTest::newRow("pwd too short") << change(s, u"pwd='asd88fgpdd777uzjYhagZg'"_s, u"pwd='short'"_s) << M
                                   << u"'pwd' must have 22 to 256"_s;
    QTest::newRow("ufrag without pwd") << change(s, u" pwd='asd88fgpdd777uzjYhagZg'"_s, QString()) << M
                                       << u"'ufrag' and 'pwd' must come together"_s;
    QTest::newRow("ufrag not ice-chars") << change(s, u"ufrag='8hhy'"_s, u"ufrag='8h-y'"_s) << M
                                         << u"'ufrag' may only contain letters, digits"_s;
    QTest::newRow("restart without credentials in initiate")
        << change(s, u" ufrag='8hhy' pwd='asd88fgpdd777uzjYhagZg'"_s, QString()) << M
        << u"the chat transport has no ufrag and pwd"_s;
    QTest::newRow("no fingerprint in initiate") << change(
        s, s.mid(s.indexOf(u"<fingerprint"), s.indexOf(u"</fingerprint>") + 14 - s.indexOf(u"<fingerprint")), QString())
                                                << M << u"no certificate fingerprint"_s;
    QTest::newRow("two fingerprints") << change(
        s, u"</fingerprint>"_s,
        u"</fingerprint><fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>"_s
            + initiatorFingerprint + u"</fingerprint>"_s)
                                      << M << u"more than one <fingerprint/>"_s;
    QTest::newRow("fingerprint sha-1") << change(s, u"hash='sha-256'"_s, u"hash='sha-1'"_s) << M
                                       << u"hash \"sha-1\" is not supported"_s;
    QTest::newRow("fingerprint too short") << change(s, initiatorFingerprint, initiatorFingerprint.left(59)) << M
                                           << u"must be 32 colon-separated hex bytes"_s;
    QTest::newRow("fingerprint not hex") << change(s, u"91:18:35"_s, u"91:1G:35"_s) << M
                                         << u"colon-separated hex bytes"_s;
    QTest::newRow("fingerprint without colons")
        << change(s, initiatorFingerprint, QString(initiatorFingerprint).remove(u':')) << M << u"hex bytes"_s;
    QTest::newRow("fingerprint bad setup") << change(s, u"setup='actpass'"_s, u"setup='holdconn'"_s) << M
                                           << u"setup \"holdconn\" is not one of actpass, active, passive"_s;
    QTest::newRow("initiator not actpass") << change(s, u"setup='actpass'"_s, u"setup='active'"_s) << M
                                           << u"the initiator's fingerprint setup must be actpass"_s;
    QTest::newRow("responder actpass") << change(sessionAccept, u"setup='active'"_s, u"setup='actpass'"_s) << M
                                       << u"the responder's fingerprint setup must be active or passive"_s;

    // reasons
    const QString t = terminate(u"<reason><success/></reason>"_s);
    QTest::newRow("terminate without reason")
        << change(t, u"<reason><success/></reason>"_s, QString()) << M << u"the <reason/> is missing"_s;
    QTest::newRow("reason without condition")
        << change(t, u"<success/>"_s, u"<text>bye</text>"_s) << M << u"the condition is missing"_s;
    QTest::newRow("unknown reason condition")
        << change(t, u"<success/>"_s, u"<finished/>"_s) << M << u"\"finished\" is not a Jingle reason condition"_s;
    QTest::newRow("two reason conditions")
        << change(t, u"<success/>"_s, u"<success/><gone/>"_s) << M << u"more than one condition"_s;
    QTest::newRow("two reasons") << change(t, u"</reason>"_s, u"</reason><reason><gone/></reason>"_s) << M
                                 << u"more than one <reason/>"_s;
    QTest::newRow("oversized reason text")
        << change(t, u"<success/>"_s, u"<general-error/><text>%1</text>"_s.arg(QString(1025, u't'))) << M
        << u"must have at most 1024 characters, it has 1025"_s;
    QTest::newRow("alternative-session without sid")
        << change(t, u"<success/>"_s, u"<alternative-session/>"_s) << M << u"needs a <sid/>"_s;

    // files
    const QString f = contentAddFile;
    const QString hash = u"l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB57n8="_s;
    QTest::newRow("hash not base64") << change(f, hash, u"l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB57n8!"_s) << M
                                     << u"the sha-256 hash must be 32 bytes in padded base64"_s;
    QTest::newRow("hash without padding") << change(f, hash, hash.chopped(1)) << M << u"padded base64"_s;
    QTest::newRow("hash in hex") << change(f, hash,
                                           QString::fromLatin1(QByteArray::fromBase64(hash.toLatin1()).toHex()))
                                 << M << u"hash"_s;
    QTest::newRow("hash too short") << change(f, hash, u"l3pvLCo2KjjRa0ppdSG+yw=="_s) << M << u"32 bytes"_s;
    QTest::newRow("hash unknown algorithm")
        << change(f, u"algo='sha-256'"_s, u"algo='md5'"_s) << M << u"hash algorithm \"md5\" is not supported"_s;
    QTest::newRow("file without name") << change(f, u"<name>notes.txt</name>"_s, QString()) << M
                                       << u"a file offer needs <name/> and <size/>"_s;
    QTest::newRow("file with empty name")
        << change(f, u"<name>notes.txt</name>"_s, u"<name> </name>"_s) << M << u"the file name is empty"_s;
    QTest::newRow("oversized file name") << change(f, u"<name>notes.txt</name>"_s,
                                                   u"<name>%1</name>"_s.arg(QString(1025, u'n')))
                                         << M << u"must have at most 1024 characters"_s;
    QTest::newRow("negative size") << change(f, u"<size>15</size>"_s, u"<size>-15</size>"_s) << M
                                   << u"the size must be a whole number of bytes, not \"-15\""_s;
    QTest::newRow("size beyond 64 bits") << change(f, u"<size>15</size>"_s, u"<size>9223372036854775808</size>"_s) << M
                                         << u"the size must be a whole number"_s;
    QTest::newRow("two sizes") << change(f, u"<size>15</size>"_s, u"<size>15</size><size>16</size>"_s) << M
                               << u"more than one <size/>"_s;
    QTest::newRow("range beyond the file") << change(contentAcceptResume, u"length='10'"_s, u"length='11'"_s) << M
                                           << u"the range ends at byte 16, after the end of the 15-byte file"_s;
    QTest::newRow("range with zero length") << change(contentAcceptResume, u"length='10'"_s, u"length='0'"_s) << M
                                            << u"'length' must be a whole number from 1"_s;
    QTest::newRow("date without time zone") << change(f, u"2025-03-14T09:26:53Z"_s, u"2025-03-14T09:26:53"_s) << M
                                            << u"the date must be a XEP-0082 date and time with time zone"_s;
    QTest::newRow("date impossible") << change(f, u"2025-03-14T09:26:53Z"_s, u"2025-02-30T09:26:53Z"_s) << M
                                     << u"the date must be"_s;
    QTest::newRow("no file") << change(f, f.mid(f.indexOf(u"<file>"), f.indexOf(u"</file>") + 7 - f.indexOf(u"<file>")),
                                       QString())
                             << M << u"the <file/> element is missing"_s;
    QTest::newRow("stream id beyond QUIC's range")
        << change(f, u"stream-id='3'"_s, u"stream-id='4611686018427387904'"_s) << M
        << u"'stream-id' must be a whole number from 0 to 4611686018427387903"_s;
}

void tst_JingleIq::malformed()
{
    QFETCH(QString, xml);
    QFETCH(JingleParseResult, result);
    QFETCH(QString, error);

    const JingleIq iq = parseIq(xml);
    QVERIFY(!iq.isValid());
    QCOMPARE(iq.parseResult(), result);
    QVERIFY2(iq.parseError().contains(error), qPrintable(u"error was: "_s + iq.parseError()));
    // The session id is known whenever it could be read, so a manager can answer.
    if (iq.parseResult() != JingleParseResult::Malformed)
        QCOMPARE(iq.sid(), u"Sx7q2mPc"_s);
}

// Every attribute of every request gets hostile values. The parser must never crash, must explain
// each refusal, and what it accepts must serialise to XML that parses back to the same request.
void tst_JingleIq::hostileAttributeValuesNeverCrash()
{
    const QStringList hostile = {
        QString(),
        u" "_s,
        u"-1"_s,
        u"0"_s,
        u"4294967296"_s,
        u"18446744073709551616"_s,
        u"1e3"_s,
        u"0x10"_s,
        u"\u0661\u0662"_s, // Arabic-Indic digits
        u"::"_s,
        u"<&>'\""_s,
        QString(5000, u'A'),
        u"\t\n"_s,
    };
    int refused = 0;
    int accepted = 0;
    for (const QString &original : { sessionInitiate, sessionInitiateWithFile, contentAddFile, contentAcceptResume,
                                     terminate(u"<reason><general-error/><text>x</text></reason>"_s) }) {
        QDomDocument document;
        QString error;
        const QDomElement root = JingleXml::parseDocument(original, &document, &error);
        QVERIFY2(!root.isNull(), qPrintable(error));
        QList<QDomElement> elements;
        collectElements(root.firstChildElement(), &elements);
        for (QDomElement &element : elements) {
            const QDomNamedNodeMap attributes = element.attributes();
            QStringList names;
            for (int i = 0; i < attributes.count(); ++i)
                names.append(attributes.item(i).nodeName());
            for (const QString &name : std::as_const(names)) {
                const QString saved = element.attribute(name);
                for (const QString &value : hostile) {
                    element.setAttribute(name, value);
                    JingleIq iq;
                    iq.parse(root);
                    if (iq.isValid()) {
                        ++accepted;
                        const JingleIq again = parseIq(JingleXml::toXmlString(iq));
                        QVERIFY2(again.isValid(), qPrintable(again.parseError()));
                        QCOMPARE(again.contents(), iq.contents());
                    } else {
                        ++refused;
                        QVERIFY2(iq.parseError().startsWith(u"Jingle"),
                                 qPrintable(name + u'=' + value.left(20) + u": "_s + iq.parseError()));
                    }
                }
                element.setAttribute(name, saved);
            }
        }
        JingleIq restored;
        restored.parse(root);
        QVERIFY2(restored.isValid(), qPrintable(restored.parseError()));
    }
    qInfo() << "hostile attribute values refused:" << refused << "accepted:" << accepted;
    QVERIFY(refused > 500);
}

void tst_JingleIq::isJingleIq()
{
    QDomDocument document;
    QString error;
    QVERIFY(JingleIq::isJingleIq(JingleXml::parseDocument(sessionInitiate, &document, &error)));
    QVERIFY(!JingleIq::isJingleIq(
        JingleXml::parseDocument(u"<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>"_s, &document, &error)));
    QVERIFY(!JingleIq::isJingleIq(JingleXml::parseDocument(
        u"<iq type='set' id='1'><jingle xmlns='urn:xmpp:jingle:0' action='session-initiate' sid='a'/></iq>"_s,
        &document, &error)));

    // A stanza without the Jingle element parses as malformed.
    JingleIq iq;
    iq.parse(
        JingleXml::parseDocument(u"<iq type='set' id='1'><ping xmlns='urn:xmpp:ping'/></iq>"_s, &document, &error));
    QCOMPARE(iq.parseResult(), JingleParseResult::Malformed);
    QVERIFY(iq.parseError().contains(u"<jingle"));
}

void tst_JingleIq::discoFeaturesCoverEverythingSent()
{
    const QStringList features = JingleNamespaces::discoFeatures();
    for (const QString &expected :
         { u"urn:xmpp:jingle:1"_s, u"urn:xmpp:jingle:transports:ice-udp:1"_s, u"urn:xmpp:jingle:apps:dtls:0"_s,
           u"urn:xmpp:jingle:apps:file-transfer:5"_s, u"urn:xmpp:hashes:2"_s,
           u"urn:xmpp:hash-function-text-names:sha-256"_s, u"urn:peerlink:jingle:chat:0"_s,
           u"urn:peerlink:jingle:transports:quic-stream:0"_s }) {
        QVERIFY2(features.contains(expected), qPrintable(expected));
    }
    QCOMPARE(features.size(), 8);

    QSet<QString> sent;
    for (const QString &xml : { sessionInitiate, sessionInitiateWithFile, sessionAccept, transportInfoTrickle,
                                transportInfoRestart, contentAddFile, contentAcceptResume, contentReject }) {
        QDomDocument document;
        QString error;
        collectNamespaces(JingleXml::parseDocument(JingleXml::toXmlString(parseIq(xml)), &document, &error), &sent);
    }
    for (const QString &ns : std::as_const(sent))
        QVERIFY2(features.contains(ns), qPrintable(ns + u" is sent but not advertised"_s));
}

QTEST_GUILESS_MAIN(tst_JingleIq)
#include "tst_JingleIq.moc"
