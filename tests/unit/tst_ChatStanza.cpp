// ChatStanza: literal message stanzas as Peerlink and other XMPP clients send them are read
// field by field (body, origin-id, XEP-0184, XEP-0333, XEP-0085, XEP-0308 with Peerlink's
// revision, XEP-0203, errors); the stanzas Peerlink builds are written and read back.
#include "core/chat/ChatStanza_p.h"

#include <QBuffer>
#include <QDomDocument>
#include <QTest>
#include <QXmlStreamWriter>

using namespace Peerlink;

namespace {

QDomElement parseXml(const QByteArray &xml)
{
    static QDomDocument doc; // keeps the element alive for the test row
    doc = QDomDocument();
    const auto result = doc.setContent(xml, QDomDocument::ParseOption::UseNamespaceProcessing);
    if (!result)
        qWarning() << "XML error:" << result.errorMessage << result.errorLine << result.errorColumn;
    return doc.documentElement();
}

QByteArray write(const QXmppMessage &message)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    // A stream would declare this default namespace; do it here so the XML stands alone.
    writer.writeStartElement(QStringLiteral("stream"));
    writer.writeDefaultNamespace(QStringLiteral("jabber:client"));
    message.toXml(&writer);
    writer.writeEndElement();
    return xml;
}

ChatStanza roundTrip(const QXmppMessage &message)
{
    const QDomElement stream = parseXml(write(message));
    return ChatStanza::parse(stream.firstChildElement(QStringLiteral("message")));
}

} // namespace

class tst_ChatStanza : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A Peerlink message as it arrives from the server.
    void peerlinkMessage()
    {
        const ChatStanza s = ChatStanza::parse(parseXml(R"(
<message xmlns='jabber:client' from='alice@example.org/laptop' to='bob@example.org' type='chat' id='5f0c2d8e'>
  <body>Hello &lt;Bob&gt; 👋</body>
  <origin-id xmlns='urn:xmpp:sid:0' id='5f0c2d8e'/>
  <request xmlns='urn:xmpp:receipts'/>
  <markable xmlns='urn:xmpp:chat-markers:0'/>
  <active xmlns='http://jabber.org/protocol/chatstates'/>
  <delay xmlns='urn:xmpp:delay' from='example.org' stamp='2025-03-14T09:26:53.123Z'/>
</message>)"));
        QCOMPARE(s.from, QStringLiteral("alice@example.org/laptop"));
        QCOMPARE(s.type, QStringLiteral("chat"));
        QCOMPARE(s.stanzaId, QStringLiteral("5f0c2d8e"));
        QCOMPARE(s.originId, QStringLiteral("5f0c2d8e"));
        QCOMPARE(s.messageId(), QStringLiteral("5f0c2d8e"));
        QVERIFY(s.hasBody);
        QCOMPARE(s.body, QStringLiteral("Hello <Bob> 👋"));
        QVERIFY(s.receiptRequested);
        QVERIFY(s.markable);
        QCOMPARE(s.chatState, ChatState::Active);
        QCOMPARE(s.delayStamp, QDateTime::fromMSecsSinceEpoch(1741944413123, QTimeZone::UTC));
        QVERIFY(s.replaceId.isEmpty());
        QCOMPARE(s.revision, -1);
        QVERIFY(!s.isError());
    }

    void others_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("receipt") << QByteArray("<message xmlns='jabber:client' from='b@x/r' id='r1'>"
                                               "<received xmlns='urn:xmpp:receipts' id='m1'/></message>")
                                 << QStringLiteral("receiptFor") << QStringLiteral("m1");
        QTest::newRow("displayed") << QByteArray("<message xmlns='jabber:client' from='b@x/r' type='chat'>"
                                                 "<displayed xmlns='urn:xmpp:chat-markers:0' id='m7'/></message>")
                                   << QStringLiteral("displayedId") << QStringLiteral("m7");
        QTest::newRow("composing") << QByteArray("<message xmlns='jabber:client' from='b@x/r' type='chat'>"
                                                 "<composing xmlns='http://jabber.org/protocol/chatstates'/>"
                                                 "<no-store xmlns='urn:xmpp:hints'/></message>")
                                   << QStringLiteral("chatState") << QStringLiteral("composing");
        QTest::newRow("correction from another client")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r' type='chat' id='e2'><body>fixed</body>"
                          "<replace xmlns='urn:xmpp:message-correct:0' id='m1'/></message>")
            << QStringLiteral("replaceId") << QStringLiteral("m1");
        QTest::newRow("peerlink revision")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r' type='chat' id='e3'><body>fixed again</body>"
                          "<replace xmlns='urn:xmpp:message-correct:0' id='m1'/>"
                          "<correction xmlns='urn:peerlink:chat:0' revision='2'/></message>")
            << QStringLiteral("revision") << QStringLiteral("2");
        QTest::newRow("revision with sign")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r' type='chat' id='e3'><body>x</body>"
                          "<correction xmlns='urn:peerlink:chat:0' revision='+2'/></message>")
            << QStringLiteral("revision") << QStringLiteral("-1");
        QTest::newRow("revision too large")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r' type='chat' id='e3'><body>x</body>"
                          "<correction xmlns='urn:peerlink:chat:0' revision='99999999999'/></message>")
            << QStringLiteral("revision") << QStringLiteral("-1");
        QTest::newRow("no type is normal")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r'><body>x</body></message>")
            << QStringLiteral("type") << QStringLiteral("normal");
        QTest::newRow("no origin-id: stanza id")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r' id='s5'><body>x</body></message>")
            << QStringLiteral("messageId") << QStringLiteral("s5");
        QTest::newRow("first of several bodies")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r'><body xml:lang='en'>one</body>"
                          "<body xml:lang='de'>eins</body></message>")
            << QStringLiteral("body") << QStringLiteral("one");
        QTest::newRow("body in another namespace is not a body")
            << QByteArray("<message xmlns='jabber:client' from='b@x/r'><body xmlns='urn:other'>x</body></message>")
            << QStringLiteral("hasBody") << QStringLiteral("false");
        QTest::newRow("bounce") << QByteArray("<message xmlns='jabber:client' from='b@x' type='error' id='m1'>"
                                              "<body>hi</body><error type='cancel'>"
                                              "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                                              "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>offline</text>"
                                              "</error></message>")
                                << QStringLiteral("error") << QStringLiteral("cancel/service-unavailable/offline");
    }

    void others()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, field);
        QFETCH(QString, value);
        const ChatStanza s = ChatStanza::parse(parseXml(xml));
        QString actual;
        if (field == u"receiptFor")
            actual = s.receiptFor;
        else if (field == u"displayedId")
            actual = s.displayedId;
        else if (field == u"chatState")
            actual = s.chatState ? chatStateName(*s.chatState) : QString();
        else if (field == u"replaceId")
            actual = s.replaceId;
        else if (field == u"revision")
            actual = QString::number(s.revision);
        else if (field == u"type")
            actual = s.type;
        else if (field == u"messageId")
            actual = s.messageId();
        else if (field == u"body")
            actual = s.body;
        else if (field == u"hasBody")
            actual = s.hasBody ? QStringLiteral("true") : QStringLiteral("false");
        else if (field == u"error")
            actual = s.errorType + u'/' + s.errorCondition + u'/' + s.errorText;
        QCOMPARE(actual, value);
    }

    void builtMessage()
    {
        const ChatStanza s = roundTrip(ChatStanza::message(QStringLiteral("bob@example.org"), QStringLiteral("m1"),
                                                           QStringLiteral("a < b & c"), 0));
        QCOMPARE(s.to, QStringLiteral("bob@example.org"));
        QCOMPARE(s.type, QStringLiteral("chat"));
        QCOMPARE(s.stanzaId, QStringLiteral("m1"));
        QCOMPARE(s.originId, QStringLiteral("m1"));
        QCOMPARE(s.body, QStringLiteral("a < b & c"));
        QVERIFY(s.receiptRequested);
        QVERIFY(s.markable);
        QCOMPARE(s.chatState, ChatState::Active);
        QVERIFY(s.replaceId.isEmpty());
        QCOMPARE(s.revision, -1);
    }

    void builtCorrection()
    {
        const ChatStanza s = roundTrip(ChatStanza::message(QStringLiteral("bob@example.org"), QStringLiteral("e1"),
                                                           QStringLiteral("fixed"), 3, QStringLiteral("m1")));
        QCOMPARE(s.stanzaId, QStringLiteral("e1"));
        QCOMPARE(s.replaceId, QStringLiteral("m1"));
        QCOMPARE(s.revision, 3);
        QCOMPARE(s.body, QStringLiteral("fixed"));
    }

    void builtOthers()
    {
        ChatStanza s = roundTrip(ChatStanza::receipt(QStringLiteral("alice@example.org/laptop"), QStringLiteral("m1")));
        QCOMPARE(s.receiptFor, QStringLiteral("m1"));
        QVERIFY(!s.hasBody);
        QVERIFY(!s.receiptRequested);
        QVERIFY(!s.stanzaId.isEmpty());

        s = roundTrip(ChatStanza::displayed(QStringLiteral("alice@example.org"), QStringLiteral("m9")));
        QCOMPARE(s.displayedId, QStringLiteral("m9"));
        QVERIFY(!s.hasBody);

        s = roundTrip(ChatStanza::chatStateNotification(QStringLiteral("alice@example.org"), ChatState::Paused));
        QCOMPARE(s.chatState, ChatState::Paused);
        QVERIFY(!s.hasBody);
        QVERIFY(!s.receiptRequested);

        s = roundTrip(ChatStanza::errorReply(QStringLiteral("eve@example.org/x"), QStringLiteral("m1"),
                                             QXmppStanza::Error::Modify, QXmppStanza::Error::NotAcceptable,
                                             QStringLiteral("too long")));
        QVERIFY(s.isError());
        QCOMPARE(s.stanzaId, QStringLiteral("m1"));
        QCOMPARE(s.errorType, QStringLiteral("modify"));
        QCOMPARE(s.errorCondition, QStringLiteral("not-acceptable"));
        QCOMPARE(s.errorText, QStringLiteral("too long"));
    }
};

QTEST_GUILESS_MAIN(tst_ChatStanza)
#include "tst_ChatStanza.moc"
