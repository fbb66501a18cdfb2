// ExternalServices: XEP-0215 <service/> elements to ExternalService, and when to refresh.
#include "core/xmpp/ExternalServices.h"

#include <QDomDocument>
#include <QTest>
#include <QXmppExternalService.h>

using namespace Peerlink;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

ExternalService withExpiry(const QDateTime &expires)
{
    ExternalService s;
    s.type = ExternalService::Type::Turn;
    s.expires = expires;
    return s;
}

} // namespace

class tst_ExternalServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromXml_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<ExternalService>("expected");

        ExternalService turn;
        turn.type = ExternalService::Type::Turn;
        turn.typeName = QStringLiteral("turn");
        turn.host = QStringLiteral("turn.example.org");
        turn.port = 3478;
        turn.transport = ExternalService::Transport::Udp;
        turn.username = QStringLiteral("1764115200:alice");
        turn.password = QStringLiteral("pPj0b8Ct0Jx2nm9VbhTUbhuY5Hc=");
        turn.expires = QDateTime(QDate(2025, 11, 26), QTime(0, 0), QTimeZone::UTC);
        turn.restricted = true;
        QTest::newRow("turn udp with credentials")
            << QStringLiteral("<service xmlns='urn:xmpp:extdisco:2' type='turn' host='turn.example.org' port='3478' "
                              "transport='udp' username='1764115200:alice' password='pPj0b8Ct0Jx2nm9VbhTUbhuY5Hc=' "
                              "expires='2025-11-26T00:00:00Z' restricted='1'/>")
            << turn;

        ExternalService stun;
        stun.type = ExternalService::Type::Stun;
        stun.typeName = QStringLiteral("stun");
        stun.host = QStringLiteral("192.0.2.7");
        stun.port = 3478;
        stun.transport = ExternalService::Transport::Udp;
        QTest::newRow("stun without credentials")
            << QStringLiteral("<service xmlns='urn:xmpp:extdisco:2' type='stun' host='192.0.2.7' port='3478' "
                              "transport='udp'/>")
            << stun;

        ExternalService turns;
        turns.type = ExternalService::Type::Turns;
        turns.typeName = QStringLiteral("turns");
        turns.host = QStringLiteral("turn.example.org");
        turns.port = 5349;
        turns.transport = ExternalService::Transport::Tcp;
        turns.name = QStringLiteral("Relay");
        QTest::newRow("turns tcp with a name")
            << QStringLiteral("<service xmlns='urn:xmpp:extdisco:2' type='turns' host='turn.example.org' port='5349' "
                              "transport='tcp' name='Relay'/>")
            << turns;

        ExternalService other;
        other.typeName = QStringLiteral("ftp");
        other.host = QStringLiteral("files.example.org");
        QTest::newRow("other type, no port")
            << QStringLiteral("<service xmlns='urn:xmpp:extdisco:2' type='ftp' host='files.example.org'/>") << other;
    }

    void fromXml()
    {
        QFETCH(QString, xml);
        QFETCH(ExternalService, expected);
        QDomDocument document;
        QVERIFY(document.setContent(xml, QDomDocument::ParseOption::UseNamespaceProcessing));
        QVERIFY(QXmppExternalService::isExternalService(document.documentElement()));
        QXmppExternalService service;
        service.parse(document.documentElement());
        const ExternalService converted = ExternalServices::fromQXmpp(service);
        QCOMPARE(converted.type, expected.type);
        QCOMPARE(converted.typeName, expected.typeName);
        QCOMPARE(converted.host, expected.host);
        QCOMPARE(converted.port, expected.port);
        QCOMPARE(converted.transport, expected.transport);
        QCOMPARE(converted.username, expected.username);
        QCOMPARE(converted.password, expected.password);
        QCOMPARE(converted.expires, expected.expires);
        QCOMPARE(converted.restricted, expected.restricted);
        QCOMPARE(converted.name, expected.name);
        QCOMPARE(converted, expected);
        QCOMPARE(converted.isTurn(),
                 expected.type == ExternalService::Type::Turn || expected.type == ExternalService::Type::Turns);
    }

    void refreshDelay_data()
    {
        const QDateTime now(QDate(2025, 11, 25), QTime(12, 0), QTimeZone::UTC);
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QList<ExternalService>>("services");
        QTest::addColumn<qint64>("expectedMs"); // -1: no refresh

        ExternalService noExpiry;
        noExpiry.type = ExternalService::Type::Stun;
        QTest::newRow("nothing expires") << now << QList<ExternalService> { noExpiry } << qint64(-1);
        QTest::newRow("no services") << now << QList<ExternalService> {} << qint64(-1);
        QTest::newRow("one day: at 80 %") << now << QList<ExternalService> { withExpiry(now.addSecs(24 * 3600)) }
                                          << qint64(12 * 3600 * 1000); // 19.2 h capped to 12 h
        QTest::newRow("ten hours: at 80 %")
            << now << QList<ExternalService> { withExpiry(now.addSecs(10 * 3600)) } << qint64(8 * 3600 * 1000);
        QTest::newRow("ten seconds: at 80 %")
            << now << QList<ExternalService> { withExpiry(now.addSecs(10)) } << qint64(8000);
        QTest::newRow("two seconds: not sooner than 5 s")
            << now << QList<ExternalService> { withExpiry(now.addSecs(2)) } << qint64(5000);
        QTest::newRow("shortest wins") << now
                                       << QList<ExternalService> { noExpiry, withExpiry(now.addSecs(3600)),
                                                                   withExpiry(now.addSecs(100)) }
                                       << qint64(80000);
        QTest::newRow("already expired (clock skew): 5 min")
            << now << QList<ExternalService> { withExpiry(now.addSecs(-30)) } << qint64(5 * 60 * 1000);
    }

    void refreshDelay()
    {
        QFETCH(QDateTime, now);
        QFETCH(QList<ExternalService>, services);
        QFETCH(qint64, expectedMs);
        const auto delay = ExternalServices::refreshDelay(services, now);
        if (expectedMs < 0) {
            QVERIFY(!delay);
        } else {
            QVERIFY(delay);
            QCOMPARE(delay->count(), expectedMs);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ExternalServices)
#include "tst_ExternalServices.moc"
