// Account against a real prosody 13 on loopback, with a test CA: TLS login, refused and pinned
// certificates, wrong password, roster subscription and presence, disco features, XEP-0215 TURN
// credentials (checked against the shared secret) and their refresh, reconnection after a restart.
#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "core/xmpp/Account.h"

#include <QDateTime>
#include <QHostAddress>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QXmppClient.h>
#include <QXmppDiscoveryIq.h>
#include <QXmppDiscoveryManager.h>
#include <QXmppError.h>
#include <QXmppTask.h>

#include <memory>

using namespace Peerlink;

namespace {

constexpr int ConnectTimeoutMs = 20000;
constexpr auto TurnSecret = "peerlink-test-secret";
constexpr int TurnTtlSeconds = 10;
constexpr quint16 TurnPort = 34780; // only announced; nothing has to listen there
const QString Password = QStringLiteral("correct horse battery");

} // namespace

class tst_Account : public QObject
{
    Q_OBJECT

private:
    AccountConfig configFor(const QString &user, bool trustTestCa = true) const
    {
        AccountConfig config;
        config.jid = m_server->jid(user);
        config.password = Password;
        config.host = m_server->host();
        config.port = m_server->c2sPort();
        if (trustTestCa)
            config.trustedCaCertificates = { m_ca->caCertificate() };
        return config;
    }

    std::unique_ptr<Account> makeAccount(const AccountConfig &config)
    {
        auto account = std::make_unique<Account>();
        account->setConfig(config);
        return account;
    }

    std::unique_ptr<TestCertificateAuthority> m_ca;
    std::unique_ptr<ProsodyServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_ca = std::make_unique<TestCertificateAuthority>();
        QVERIFY2(m_ca->isValid(), qPrintable(m_ca->errorString()));
        ProsodyServer::Options options;
        options.turnSecret = QString::fromLatin1(TurnSecret);
        options.turnHost = QStringLiteral("127.0.0.1");
        options.turnPort = TurnPort;
        options.turnTtlSeconds = TurnTtlSeconds;
        m_server = std::make_unique<ProsodyServer>(*m_ca, options);
        const QStringList users
            = { QStringLiteral("alice"), QStringLiteral("bob"),   QStringLiteral("carol"), QStringLiteral("dave"),
                QStringLiteral("erin"),  QStringLiteral("frank"), QStringLiteral("grace"), QStringLiteral("heidi"),
                QStringLiteral("ivan"),  QStringLiteral("judy") };
        for (const QString &user : users)
            QVERIFY2(m_server->addAccount(user, Password), qPrintable(m_server->errorString()));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning().noquote() << "prosody log" << m_server->logPath() << "ends with:\n" << m_server->logTail(40);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_ca.reset();
    }

    // Two accounts log in over TLS; the session is encrypted with the test server's certificate.
    void connectsOverTls()
    {
        auto alice = makeAccount(configFor(QStringLiteral("alice")));
        auto bob = makeAccount(configFor(QStringLiteral("bob")));
        QSignalSpy aliceStates(alice.get(), &Account::stateChanged);
        alice->connectToServer();
        bob->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Account::State::Connected, ConnectTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(bob->state(), Account::State::Connected, ConnectTimeoutMs);

        QCOMPARE(aliceStates.first().first().value<Account::State>(), Account::State::Connecting);
        QCOMPARE(aliceStates.last().first().value<Account::State>(), Account::State::Connected);
        QCOMPARE(alice->error(), Account::Error::NoError);
        QVERIFY(alice->boundJid().startsWith(m_server->jid(QStringLiteral("alice")) + u'/'));
        QVERIFY(bob->boundJid().startsWith(m_server->jid(QStringLiteral("bob")) + u'/'));

        const auto *socket = alice->client()->findChild<QSslSocket *>();
        QVERIFY(socket);
        QVERIFY(socket->isEncrypted());
        QCOMPARE(socket->peerCertificate(), m_ca->serverCertificate());

        alice->disconnectFromServer();
        QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Account::State::Disconnected, ConnectTimeoutMs);
        QCOMPARE(alice->error(), Account::Error::NoError);
        QVERIFY(!alice->isReconnectScheduled());
    }

    // connectToServer() on a connected account is a no-op; with a changed config it logs in again.
    void reconnectsWithChangedConfig()
    {
        auto alice = makeAccount(configFor(QStringLiteral("alice")));
        alice->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Account::State::Connected, ConnectTimeoutMs);
        QSignalSpy states(alice.get(), &Account::stateChanged);
        QSignalSpy errors(alice.get(), &Account::errorOccurred);
        alice->connectToServer();
        QVERIFY(!states.wait(500));

        AccountConfig config = alice->config();
        config.jid = m_server->jid(QStringLiteral("alice")) + QStringLiteral("/desk");
        alice->setConfig(config);
        alice->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(alice->boundJid(), config.jid, ConnectTimeoutMs);
        QCOMPARE(alice->state(), Account::State::Connected);
        QCOMPARE(alice->error(), Account::Error::NoError);
        QVERIFY(states.size() >= 2); // went down and up again
        QCOMPARE(errors.size(), 0);
    }

    // Without the test CA the certificate is refused with its fingerprint, and nothing retries.
    void refusesUntrustedCertificate_data()
    {
        QTest::addColumn<bool>("pinAnotherCertificate");
        QTest::newRow("nothing pinned") << false;
        QTest::newRow("another certificate pinned") << true;
    }

    void refusesUntrustedCertificate()
    {
        QFETCH(bool, pinAnotherCertificate);
        AccountConfig config = configFor(QStringLiteral("carol"), false);
        if (pinAnotherCertificate)
            config.pinnedCertificates = { m_ca->caCertificate().digest(QCryptographicHash::Sha256) };
        auto carol = makeAccount(config);
        QSignalSpy rejected(carol.get(), &Account::certificateRejected);
        QSignalSpy errors(carol.get(), &Account::errorOccurred);
        carol->connectToServer();
        QVERIFY(rejected.wait(ConnectTimeoutMs));

        const auto problem = rejected.first().first().value<ServerCertificateProblem>();
        QCOMPARE(problem.sha256(), m_ca->serverCertificateSha256());
        QCOMPARE(problem.certificate(), m_ca->serverCertificate());
        QVERIFY2(problem.reasons().contains(QStringLiteral("it is not signed by an authority this computer trusts")),
                 qPrintable(problem.reasons().join(u'|')));
        QCOMPARE(carol->error(), Account::Error::CertificateUntrusted);
        QCOMPARE(carol->certificateProblem(), problem);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().first().value<Account::Error>(), Account::Error::CertificateUntrusted);
        const QString message = errors.first().at(1).toString();
        QVERIFY2(message.contains(ServerCertificateProblem::formatFingerprint(m_ca->serverCertificateSha256())),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not trusted")), qPrintable(message));

        // Stays disconnected: no retry is scheduled, and none happens for longer than a first retry would take.
        QCOMPARE(carol->state(), Account::State::Disconnected);
        QVERIFY(!carol->isReconnectScheduled());
        QSignalSpy states(carol.get(), &Account::stateChanged);
        QVERIFY(!states.wait(2500));
        QCOMPARE(carol->state(), Account::State::Disconnected);
    }

    // The user accepts the refused certificate (pinned in the config, or for this session only).
    void acceptsRefusedCertificate_data()
    {
        QTest::addColumn<bool>("pin");
        QTest::newRow("pin") << true;
        QTest::newRow("trust once") << false;
    }

    void acceptsRefusedCertificate()
    {
        QFETCH(bool, pin);
        auto carol = makeAccount(configFor(QStringLiteral("carol"), false));
        QSignalSpy rejected(carol.get(), &Account::certificateRejected);
        QSignalSpy configChanged(carol.get(), &Account::configChanged);
        carol->connectToServer();
        QVERIFY(rejected.wait(ConnectTimeoutMs));
        QCOMPARE(carol->certificateProblem().sha256(), m_ca->serverCertificateSha256());

        if (pin)
            carol->pinCertificate();
        else
            carol->trustCertificateOnce();
        QTRY_COMPARE_WITH_TIMEOUT(carol->state(), Account::State::Connected, ConnectTimeoutMs);
        QCOMPARE(carol->error(), Account::Error::NoError);
        QVERIFY(carol->certificateProblem().isNull());
        const auto *socket = carol->client()->findChild<QSslSocket *>();
        QVERIFY(socket && socket->isEncrypted());
        QCOMPARE(socket->peerCertificate(), m_ca->serverCertificate());
        if (pin) {
            QCOMPARE(configChanged.size(), 1);
            QCOMPARE(carol->config().pinnedCertificates, QList<QByteArray> { m_ca->serverCertificateSha256() });
            // A new Account with the saved config connects without asking.
            auto again = makeAccount(carol->config());
            again->connectToServer();
            QTRY_COMPARE_WITH_TIMEOUT(again->state(), Account::State::Connected, ConnectTimeoutMs);
        } else {
            QCOMPARE(configChanged.size(), 0);
            QVERIFY(carol->config().pinnedCertificates.isEmpty());
        }
    }

    void wrongPassword()
    {
        AccountConfig config = configFor(QStringLiteral("dave"));
        config.password = QStringLiteral("not the password");
        auto dave = makeAccount(config);
        QSignalSpy errors(dave.get(), &Account::errorOccurred);
        QSignalSpy states(dave.get(), &Account::stateChanged);
        dave->connectToServer();
        QVERIFY(errors.wait(ConnectTimeoutMs));
        QCOMPARE(errors.first().first().value<Account::Error>(), Account::Error::AuthenticationFailed);
        const QString message = errors.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("rejected the password")), qPrintable(message));
        QVERIFY2(message.contains(m_server->jid(QStringLiteral("dave"))), qPrintable(message));
        QCOMPARE(dave->errorString(), message);

        // No reconnect loop: nothing scheduled, no second attempt within more than a first retry's delay.
        QTRY_COMPARE_WITH_TIMEOUT(dave->state(), Account::State::Disconnected, ConnectTimeoutMs);
        QVERIFY(!dave->isReconnectScheduled());
        const auto attempts = std::count_if(states.cbegin(), states.cend(), [](const QList<QVariant> &args) {
            return args.first().value<Account::State>() == Account::State::Connecting;
        });
        QCOMPARE(attempts, 1);
        QVERIFY(!states.wait(2500));
        QCOMPARE(errors.size(), 1);
    }

    void rejectsInvalidConfiguration_data()
    {
        QTest::addColumn<QString>("jid");
        QTest::addColumn<QString>("password");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("no server") << QStringLiteral("alice") << QStringLiteral("x");
        QTest::newRow("no user") << QStringLiteral("@localhost") << QStringLiteral("x");
        QTest::newRow("no password") << QStringLiteral("alice@localhost") << QString();
    }

    void rejectsInvalidConfiguration()
    {
        QFETCH(QString, jid);
        QFETCH(QString, password);
        AccountConfig config = configFor(QStringLiteral("alice"));
        config.jid = jid;
        config.password = password;
        auto account = makeAccount(config);
        QSignalSpy errors(account.get(), &Account::errorOccurred);
        account->connectToServer();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(account->error(), Account::Error::InvalidConfiguration);
        QCOMPARE(account->state(), Account::State::Disconnected);
        QVERIFY(!account->isReconnectScheduled());
        QVERIFY(!account->errorString().isEmpty());
    }

    // A port where nothing listens: "server unreachable" in plain words, and a retry is scheduled.
    void reportsUnreachableServer()
    {
        AccountConfig config = configFor(QStringLiteral("alice"));
        QTcpServer placeholder; // take a free port, then close it
        QVERIFY(placeholder.listen(QHostAddress::LocalHost, 0));
        config.port = placeholder.serverPort();
        placeholder.close();
        auto account = makeAccount(config);
        QSignalSpy errors(account.get(), &Account::errorOccurred);
        QSignalSpy scheduled(account.get(), &Account::reconnectScheduled);
        account->connectToServer();
        QVERIFY(errors.wait(ConnectTimeoutMs));
        QCOMPARE(errors.first().first().value<Account::Error>(), Account::Error::ServerUnreachable);
        const QString message = errors.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("Cannot reach the server")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("tries again")), qPrintable(message));
        QCOMPARE(scheduled.size(), 1);
        QVERIFY(account->isReconnectScheduled());
        account->disconnectFromServer();
        QVERIFY(!account->isReconnectScheduled());
    }

    // erin adds frank, frank approves; both become mutual contacts and see each other online.
    void mutualSubscriptionAndPresence()
    {
        auto erin = makeAccount(configFor(QStringLiteral("erin")));
        auto frank = makeAccount(configFor(QStringLiteral("frank")));
        erin->connectToServer();
        frank->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(erin->state(), Account::State::Connected, ConnectTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(frank->state(), Account::State::Connected, ConnectTimeoutMs);
        const QString erinJid = m_server->jid(QStringLiteral("erin"));
        const QString frankJid = m_server->jid(QStringLiteral("frank"));

        QSignalSpy requests(frank.get(), &Account::subscriptionRequested);
        QVERIFY(erin->addContact(frankJid, QStringLiteral("Frank")));
        QVERIFY(requests.wait(ConnectTimeoutMs));
        QCOMPARE(requests.first().first().toString(), erinJid);
        QVERIFY(frank->approveSubscription(erinJid));

        const auto mutualAndOnline = [](const Account &account, const QString &jid) {
            const auto contact = account.contact(jid);
            return contact && contact->isMutual() && contact->isOnline() && !contact->resources.isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(mutualAndOnline(*erin, frankJid), ConnectTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(mutualAndOnline(*frank, erinJid), ConnectTimeoutMs);
        QCOMPARE(erin->contact(frankJid)->name, QStringLiteral("Frank"));
        QCOMPARE(erin->contact(frankJid)->availability, RosterContact::Availability::Online);
        QCOMPARE(frankJid + u'/' + erin->contact(frankJid)->resources.first(), frank->boundJid());
        QCOMPARE(erin->contacts().size(), 1);

        // frank goes offline: erin sees it.
        frank->disconnectFromServer();
        QTRY_VERIFY_WITH_TIMEOUT(!erin->contact(frankJid)->isOnline(), ConnectTimeoutMs);
        QVERIFY(erin->contact(frankJid)->isMutual());
    }

    // heidi's disco#info, as grace sees it, lists the Jingle features Peerlink supports.
    void advertisesJingleFeatures()
    {
        auto grace = makeAccount(configFor(QStringLiteral("grace")));
        auto heidi = makeAccount(configFor(QStringLiteral("heidi")));
        grace->connectToServer();
        heidi->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(grace->state(), Account::State::Connected, ConnectTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(heidi->state(), Account::State::Connected, ConnectTimeoutMs);

        auto *disco = grace->client()->findExtension<QXmppDiscoveryManager>();
        QVERIFY(disco);
        bool done = false;
        QStringList features;
        QString failure;
        disco->requestDiscoInfo(heidi->boundJid()).then(this, [&](QXmppDiscoveryManager::InfoResult &&result) {
            if (const auto *iq = std::get_if<QXmppDiscoveryIq>(&result))
                features = iq->features();
            else
                failure = std::get<QXmppError>(result).description;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, ConnectTimeoutMs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QStringList expected = { QStringLiteral("urn:xmpp:jingle:1"),
                                       QStringLiteral("urn:xmpp:jingle:transports:ice-udp:1"),
                                       QStringLiteral("urn:xmpp:jingle:apps:dtls:0"),
                                       QStringLiteral("urn:xmpp:jingle:apps:file-transfer:5"),
                                       QStringLiteral("urn:xmpp:hashes:2"),
                                       QStringLiteral("urn:xmpp:hash-function-text-names:sha-256"),
                                       QStringLiteral("urn:peerlink:jingle:chat:0"),
                                       QStringLiteral("urn:peerlink:jingle:transports:quic-stream:0") };
        QCOMPARE(Account::supportedFeatures(), expected);
        for (const QString &feature : expected)
            QVERIFY2(features.contains(feature),
                     qPrintable(feature + QStringLiteral(" missing in ") + features.join(u' ')));
    }

    // XEP-0215: the server hands out TURN REST credentials that verify against the shared secret.
    void getsTurnCredentials()
    {
        auto ivan = makeAccount(configFor(QStringLiteral("ivan")));
        ivan->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(ivan->state(), Account::State::Connected, ConnectTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!ivan->externalServices().isEmpty(), ConnectTimeoutMs);

        const QList<ExternalService> services = ivan->externalServices();
        const auto stun = std::find_if(services.cbegin(), services.cend(),
                                       [](const ExternalService &s) { return s.type == ExternalService::Type::Stun; });
        QVERIFY(stun != services.cend());
        QCOMPARE(stun->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(stun->port, TurnPort);

        const auto turn = std::find_if(services.cbegin(), services.cend(),
                                       [](const ExternalService &s) { return s.type == ExternalService::Type::Turn; });
        QVERIFY(turn != services.cend());
        QCOMPARE(turn->typeName, QStringLiteral("turn"));
        QCOMPARE(turn->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(turn->port, TurnPort);
        QCOMPARE(turn->transport, ExternalService::Transport::Udp);
        QVERIFY(turn->restricted);

        const QByteArray expectedPassword
            = QMessageAuthenticationCode::hash(turn->username.toUtf8(), QByteArray(TurnSecret),
                                               QCryptographicHash::Sha1)
                  .toBase64();
        QCOMPARE(turn->password.toUtf8(), expectedPassword);
        bool ok = false;
        const qint64 expiry = turn->username.section(u':', 0, 0).toLongLong(&ok);
        QVERIFY2(ok, qPrintable(turn->username));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(expiry > now, qPrintable(QStringLiteral("%1 <= %2").arg(expiry).arg(now)));
        QVERIFY(turn->expires.isValid());
        QCOMPARE(turn->expires.toSecsSinceEpoch(), expiry);
    }

    // The TURN credentials live TurnTtlSeconds; the account fetches new ones before they expire.
    void refreshesTurnCredentials()
    {
        auto ivan = makeAccount(configFor(QStringLiteral("ivan")));
        QSignalSpy changed(ivan.get(), &Account::externalServicesChanged);
        ivan->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, ConnectTimeoutMs);
        const auto turnOf = [](const QList<ExternalService> &services) {
            for (const ExternalService &s : services) {
                if (s.type == ExternalService::Type::Turn)
                    return s;
            }
            return ExternalService();
        };
        const ExternalService first = turnOf(ivan->externalServices());
        QVERIFY(first.expires.isValid());

        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, TurnTtlSeconds * 1000 + ConnectTimeoutMs);
        const ExternalService second = turnOf(ivan->externalServices());
        QVERIFY(second.expires > first.expires);
        QVERIFY(second.username != first.username);
        // Fetched before the first credentials ran out.
        QVERIFY2(QDateTime::currentDateTimeUtc() < first.expires, qPrintable(first.expires.toString(Qt::ISODate)));
    }

    // prosody goes away: the account reports the lost connection and comes back by itself.
    void reconnectsAfterServerRestart()
    {
        auto judy = makeAccount(configFor(QStringLiteral("judy")));
        judy->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(judy->state(), Account::State::Connected, ConnectTimeoutMs);
        const QString firstJid = judy->boundJid();

        QSignalSpy errors(judy.get(), &Account::errorOccurred);
        m_server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(judy->state(), Account::State::Disconnected, ConnectTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), ConnectTimeoutMs);
        const auto error = errors.first().first().value<Account::Error>();
        QVERIFY2(error == Account::Error::ConnectionLost, qPrintable(errors.first().at(1).toString()));
        QVERIFY(judy->isReconnectScheduled());

        QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(judy->state(), Account::State::Connected, 60000);
        QCOMPARE(judy->error(), Account::Error::NoError);
        QCOMPARE(judy->boundJid(), firstJid);
    }
};

QTEST_GUILESS_MAIN(tst_Account)
#include "tst_Account.moc"
