// PeerSession end to end against a real prosody and coturn on loopback: connect, ICE completes,
// the QUIC channel opens and carries data both ways, and keeps doing so with the server gone;
// relay forced with TURN credentials from XEP-0215; a fingerprint altered in transit; requests
// from a third party; glare; a peer that never answers; a stranger.
#include "CoturnServer.h"
#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "TestPeer.h"
#include "core/channel/SecureChannel.h"
#include "core/net/NetworkThread.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/xmpp/Account.h"
#include "core/xmpp/JingleIq.h"
#include "core/xmpp/JingleNamespaces.h"

#include <QDomElement>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QXmppClient.h>
#include <QXmppClientExtension.h>
#include <QXmppError.h>
#include <QXmppTask.h>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Password = QStringLiteral("session test password");
constexpr int Timeout = 20000;

SessionConfig loopbackConfig()
{
    SessionConfig config;
    config.ice.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
    config.ice.upnp = false;
    config.ice.ipv6 = false;
    config.ice.iceTcp = false;
    return config;
}

QByteArray randomBytes(int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

// Rewrites the fingerprint in incoming Jingle requests, as an attacker on the signalling path would.
class FingerprintTamperer : public QXmppClientExtension
{
public:
    int tampered = 0;
    bool handleStanza(const QDomElement &stanza, const std::optional<QXmppE2eeMetadata> &) override
    {
        QDomElement jingle = stanza.firstChildElement(QStringLiteral("jingle"));
        for (QDomElement content = jingle.firstChildElement(QStringLiteral("content")); !content.isNull();
             content = content.nextSiblingElement(QStringLiteral("content"))) {
            QDomElement fingerprint = content.firstChildElement(QStringLiteral("transport"))
                                          .firstChildElement(QStringLiteral("fingerprint"));
            if (fingerprint.isNull())
                continue;
            QString text = fingerprint.text();
            text.replace(0, 2, text.startsWith(u'0') ? QStringLiteral("11") : QStringLiteral("00"));
            fingerprint.firstChild().setNodeValue(text);
            tampered++;
        }
        return false; // let the real handler see the altered request
    }
};

// Swallows Jingle requests without any answer: a peer that never responds.
class Silence : public QXmppClientExtension
{
public:
    int swallowed = 0;
    bool handleStanza(const QDomElement &stanza, const std::optional<QXmppE2eeMetadata> &) override
    {
        if (!JingleIq::isJingleIq(stanza))
            return false;
        swallowed++;
        return true;
    }
};
} // namespace

class tst_PeerSession : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCertificateAuthority> m_ca;
    std::unique_ptr<Test::CoturnServer> m_turn;
    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<NetworkThread> m_thread;
    int m_nextUser = 0;

    // Two fresh accounts, signed in, mutual contacts.
    std::pair<std::unique_ptr<TestPeer>, std::unique_ptr<TestPeer>> makePair(const SessionConfig &config
                                                                             = loopbackConfig())
    {
        auto a = makePeer(config);
        auto b = makePeer(config);
        if (!a || !b || !makeMutualContacts(*a, *b))
            return {};
        return { std::move(a), std::move(b) };
    }

    std::unique_ptr<TestPeer> makePeer(const SessionConfig &config = loopbackConfig())
    {
        const QString user = QStringLiteral("user%1").arg(++m_nextUser);
        if (!m_server->addAccount(user, Password))
            return {};
        auto peer = std::make_unique<TestPeer>(*m_thread, *m_server, *m_ca, user, Password, config);
        if (!peer->signIn())
            return {};
        return peer;
    }

    // Connects a to b and waits until both sides are connected; returns the two sessions.
    std::pair<PeerSession *, PeerSession *> connectPair(TestPeer &a, TestPeer &b)
    {
        QSignalSpy incoming(b.sessions.get(), &SessionManager::sessionAdded);
        QString error;
        PeerSession *outgoing = a.sessions->connectToContact(b.bareJid(), &error);
        if (!outgoing) {
            qWarning().noquote() << "connectToContact:" << error;
            return {};
        }
        if (!incoming.wait(Timeout) && incoming.isEmpty())
            return {};
        auto *accepted = incoming.first().first().value<PeerSession *>();
        if (!waitConnected(outgoing) || !waitConnected(accepted)) {
            qWarning().noquote() << "not connected:" << outgoing->endText() << "|" << accepted->endText();
            return {};
        }
        return { outgoing, accepted };
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<PeerSession *>();
        m_ca = std::make_unique<TestCertificateAuthority>();
        QVERIFY2(m_ca->isValid(), qPrintable(m_ca->errorString()));
        m_turn = std::make_unique<Test::CoturnServer>();
        QVERIFY2(m_turn->start(), qPrintable(m_turn->errorString()));
        ProsodyServer::Options options;
        options.turnSecret = m_turn->sharedSecret();
        options.turnHost = QStringLiteral("127.0.0.1");
        options.turnPort = m_turn->port();
        m_server = std::make_unique<ProsodyServer>(*m_ca, options);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_thread = std::make_unique<NetworkThread>();
    }

    void cleanup()
    {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "prosody log" << m_server->logPath() << "ends with:\n" << m_server->logTail(30);
            qWarning().noquote() << "coturn log:" << m_turn->logPath();
        }
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_turn.reset();
        m_thread.reset();
        m_ca.reset();
    }

    // The story of a Connect click: ICE over host candidates, the QUIC channel opens, data flows
    // both ways; with the XMPP server stopped, the channel still carries data both ways.
    void connectsDirectlyAndOutlivesTheServer()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        auto [a, b] = connectPair(*alice, *bob);
        QVERIFY(a && b);
        QCOMPARE(a->sid(), b->sid());
        QVERIFY(a->isInitiator() && !b->isInitiator());
        QCOMPARE(a->peerJid(), bob->account->boundJid());
        QCOMPARE(b->peerJid(), alice->account->boundJid());
        QCOMPARE(a->peerFingerprint(), bob->identity.fingerprint());
        QCOMPARE(b->peerFingerprint(), alice->identity.fingerprint());
        QVERIFY(a->path() && b->path());
        QCOMPARE(a->path()->local.type, IceCandidate::Type::Host);
        QCOMPARE(a->path()->remote.type, IceCandidate::Type::Host);
        QVERIFY(!a->path()->relayed());
        QVERIFY(a->connectMs() > 0);

        const QByteArray hello = randomBytes(64 * 1024), reply = randomBytes(100 * 1024);
        const qint64 stream = sendOnNewStream(a, b, hello);
        QVERIFY(stream >= 0);
        QVERIFY(sendOnStream(b, stream, a, reply));

        // The server goes away: the account notices, the path does not need it.
        m_server->stop();
        QTRY_COMPARE_WITH_TIMEOUT(alice->account->state(), Account::State::Disconnected, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(bob->account->state(), Account::State::Disconnected, Timeout);
        QCOMPARE(a->state(), PeerSession::State::Connected);
        QVERIFY(sendOnStream(a, stream, b, randomBytes(256 * 1024)));
        QVERIFY(sendOnStream(b, stream, a, randomBytes(256 * 1024)));
        QVERIFY(sendOnNewStream(b, a, randomBytes(1000)) >= 0);
        QCOMPARE(a->state(), PeerSession::State::Connected);
        QCOMPARE(b->state(), PeerSession::State::Connected);

        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(alice->account->state(), Account::State::Connected, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(bob->account->state(), Account::State::Connected, 60000);

        // Hanging up ends both sides with the same reason.
        a->hangUp();
        QCOMPARE(a->endReason(), PeerSession::EndReason::HungUp);
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), PeerSession::State::Ended, Timeout);
        QCOMPARE(b->endReason(), PeerSession::EndReason::HungUp);
    }

    // Relay forced on both sides: the only candidates are coturn's, with the credentials the
    // XMPP server handed out through XEP-0215.
    void relayWithServerCredentials()
    {
        SessionConfig config = loopbackConfig();
        config.ice.forceRelay = true;
        auto [alice, bob] = makePair(config);
        QVERIFY(alice && bob);
        for (auto *peer : { alice.get(), bob.get() }) {
            QTRY_VERIFY_WITH_TIMEOUT(!peer->account->externalServices().isEmpty(), Timeout);
            const IceConfig ice = peer->sessions->effectiveIceConfig();
            QVERIFY(!ice.turnServers.isEmpty());
            QCOMPARE(ice.turnServers.first().port, m_turn->port());
            // TURN REST credentials: the user name starts with the expiry time
            const QString username = ice.turnServers.first().username;
            QVERIFY2(username.section(u':', 0, 0).toLongLong() > QDateTime::currentSecsSinceEpoch(),
                     qPrintable(username));
        }
        auto [a, b] = connectPair(*alice, *bob);
        QVERIFY(a && b);
        QCOMPARE(a->path()->local.type, IceCandidate::Type::Relayed);
        QCOMPARE(b->path()->local.type, IceCandidate::Type::Relayed);
        QVERIFY(a->path()->relayed());

        const QByteArray payload = randomBytes(512 * 1024);
        const qint64 stream = sendOnNewStream(a, b, payload);
        QVERIFY(stream >= 0);
        QVERIFY(sendOnStream(b, stream, a, randomBytes(128 * 1024)));
        // coturn saw allocations made with the XEP-0215 user name.
        const QString username = alice->sessions->effectiveIceConfig().turnServers.first().username;
        QTRY_VERIFY_WITH_TIMEOUT(m_turn->log().contains(username), 5000);
        a->hangUp();
    }

    // The responder's fingerprint is altered on its way to the initiator: the QUIC handshake
    // fails on the certificate check, both sessions end, no byte is delivered.
    void alteredFingerprintFailsWithSecurityError()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        auto *tamperer = new FingerprintTamperer;
        alice->account->client()->insertExtension(0, tamperer);

        QSignalSpy incoming(bob->sessions.get(), &SessionManager::sessionAdded);
        PeerSession *a = alice->sessions->connectToContact(bob->bareJid());
        QVERIFY(a);
        QVERIFY(incoming.wait(Timeout));
        auto *b = incoming.first().first().value<PeerSession *>();
        QSignalSpy aConnected(a, &PeerSession::connected), bConnected(b, &PeerSession::connected);
        int deliveredBytes = 0;
        QObject watch;
        const auto countBytes = [&](PeerSession *s) {
            if (s->channel())
                connect(s->channel(), &SecureChannel::dataReceived, &watch,
                        [&](qint64, const QByteArray &data) { deliveredBytes += data.size(); });
        };
        countBytes(b);
        connect(a, &PeerSession::stateChanged, &watch, [&](PeerSession::State s) {
            if (s == PeerSession::State::Securing)
                countBytes(a);
        });

        QTRY_COMPARE_WITH_TIMEOUT(a->state(), PeerSession::State::Ended, Timeout);
        QCOMPARE(a->endReason(), PeerSession::EndReason::Security);
        QVERIFY2(a->endText().contains(QStringLiteral("did not prove the identity")), qPrintable(a->endText()));
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), PeerSession::State::Ended, Timeout);
        QCOMPARE(b->endReason(), PeerSession::EndReason::Security);
        QVERIFY(tamperer->tampered >= 1);
        QCOMPARE(aConnected.size(), 0);
        QCOMPARE(bConnected.size(), 0);
        QCOMPARE(deliveredBytes, 0);
        alice->account->client()->removeExtension(tamperer);
    }

    // A third account that learned the session id sends transport-info and session-terminate:
    // both are refused and the session carries on.
    void thirdPartyIsRefused()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        auto mallory = makePeer();
        QVERIFY(mallory);
        QVERIFY(makeMutualContacts(*alice, *mallory)); // even a contact may not touch another's session
        auto [a, b] = connectPair(*alice, *bob);
        QVERIFY(a && b);
        QSignalSpy refused(alice->sessions.get(), &SessionManager::requestRefused);

        const auto sendAs = [&](JingleIq::Action action) {
            JingleIq iq;
            iq.setTo(alice->account->boundJid());
            iq.setAction(action);
            iq.setSid(a->sid());
            if (action == JingleIq::Action::SessionTerminate)
                iq.setReason(JingleReason { JingleReason::Condition::Success, {}, {} });
            if (action == JingleIq::Action::TransportInfo) {
                JingleContent content;
                content.name = QStringLiteral("chat");
                JingleIceTransport transport;
                transport.ufrag = QStringLiteral("evil");
                transport.pwd = QStringLiteral("evilevilevilevilevilevil");
                content.transport = transport;
                iq.addContent(content);
            }
            bool answered = false, wasError = false;
            mallory->account->client()->sendIq(std::move(iq)).then(this, [&](QXmppClient::IqResult &&result) {
                answered = true;
                wasError = std::holds_alternative<QXmppError>(result);
            });
            return QTest::qWaitFor([&] { return answered; }, Timeout) && wasError;
        };
        QVERIFY(sendAs(JingleIq::Action::TransportInfo));
        QVERIFY(sendAs(JingleIq::Action::SessionTerminate));
        QCOMPARE(refused.size(), 2);
        QCOMPARE(refused.at(0).at(0).toString(), mallory->account->boundJid());

        QCOMPARE(a->state(), PeerSession::State::Connected);
        QCOMPARE(b->state(), PeerSession::State::Connected);
        const qint64 stream = sendOnNewStream(a, b, randomBytes(10000));
        QVERIFY(stream >= 0);
        QVERIFY(sendOnStream(b, stream, a, randomBytes(10000)));
        a->hangUp();
    }

    // Both sides press Connect at the same moment: exactly one session survives, on both sides.
    void glareEndsInOneSession()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        PeerSession *fromAlice = alice->sessions->connectToContact(bob->bareJid());
        PeerSession *fromBob = bob->sessions->connectToContact(alice->bareJid());
        QVERIFY(fromAlice && fromBob);
        const QString aliceSid = fromAlice->sid(), bobSid = fromBob->sid();
        QVERIFY(aliceSid != bobSid);
        // The losing session is ended and then replaced (deleted): watch it through signals.
        QSignalSpy aliceEnded(fromAlice, &PeerSession::ended), bobEnded(fromBob, &PeerSession::ended);

        const auto connectedWith = [](TestPeer &self, TestPeer &other) {
            PeerSession *s = self.sessions->session(other.bareJid());
            return s && s->state() == PeerSession::State::Connected;
        };
        QTRY_VERIFY_WITH_TIMEOUT(connectedWith(*alice, *bob), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(connectedWith(*bob, *alice), Timeout);
        PeerSession *a = alice->sessions->session(bob->bareJid());
        PeerSession *b = bob->sessions->session(alice->bareJid());
        QCOMPARE(a->sid(), b->sid());
        QCOMPARE(a->sid(), std::min(aliceSid, bobSid));
        const auto live = [](SessionManager *m) {
            int n = 0;
            for (PeerSession *s : m->sessions())
                n += s->state() != PeerSession::State::Ended;
            return n;
        };
        QCOMPARE(live(alice->sessions.get()), 1);
        QCOMPARE(live(bob->sessions.get()), 1);
        QSignalSpy &loserEnded = aliceSid < bobSid ? bobEnded : aliceEnded;
        QSignalSpy &winnerEnded = aliceSid < bobSid ? aliceEnded : bobEnded;
        QCOMPARE(loserEnded.size(), 1);
        QCOMPARE(loserEnded.first().first().value<PeerSession::EndReason>(),
                 PeerSession::EndReason::AlternativeSession);
        QCOMPARE(winnerEnded.size(), 0);
        QVERIFY(sendOnNewStream(a, b, randomBytes(5000)) >= 0);
        a->hangUp();
    }

    // File offers travel as content actions in the established session; anyone else's are refused.
    void contentActionsReachThePeer()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        auto [a, b] = connectPair(*alice, *bob);
        QVERIFY(a && b);
        qRegisterMetaType<PeerSession::ContentAction>();
        QSignalSpy bReceived(b, &PeerSession::contentActionReceived);
        QSignalSpy aReceived(a, &PeerSession::contentActionReceived);

        JingleFileDescription file;
        file.name = QStringLiteral("holiday.jpg");
        file.size = 123456;
        file.mediaType = QStringLiteral("image/jpeg");
        file.hashes = { { QCryptographicHash::Sha256, QByteArray(32, '\x42') } };
        file.range = JingleFileDescription::Range {};
        JingleContent offer;
        offer.creator = JingleContent::Creator::Initiator;
        offer.name = QStringLiteral("file-1");
        offer.senders = JingleContent::Senders::Initiator;
        offer.description = file;
        offer.transport = JingleQuicStreamTransport { 4 };
        QVERIFY(a->sendContentAction(PeerSession::ContentAction::Add, { offer }));
        QVERIFY(bReceived.wait(Timeout));
        QCOMPARE(bReceived.first().at(0).value<PeerSession::ContentAction>(), PeerSession::ContentAction::Add);
        const auto contents = bReceived.first().at(1).value<QList<JingleContent>>();
        QCOMPARE(contents.size(), 1);
        QVERIFY(contents.first().fileDescription());
        QCOMPARE(*contents.first().fileDescription(), file);
        QCOMPARE(contents.first().quicStreamTransport()->streamId, 4u);

        JingleContent accept = offer;
        JingleFileDescription resume = file;
        resume.range = JingleFileDescription::Range { 1000, std::nullopt };
        accept.description = resume;
        QVERIFY(b->sendContentAction(PeerSession::ContentAction::Accept, { accept }));
        QVERIFY(aReceived.wait(Timeout));
        QCOMPARE(aReceived.first().at(0).value<PeerSession::ContentAction>(), PeerSession::ContentAction::Accept);
        QCOMPARE(aReceived.first().at(1).value<QList<JingleContent>>().first().fileDescription()->range->offset, 1000);

        a->hangUp();
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), PeerSession::State::Ended, Timeout);
        // Outside an established session nothing is sent.
        QVERIFY(!a->sendContentAction(PeerSession::ContentAction::Add, { offer }));
    }

    // A peer whose client takes the request and never answers: the session ends with a timeout.
    void peerThatNeverAnswersTimesOut()
    {
        SessionConfig config = loopbackConfig();
        config.acceptTimeoutMs = 3000;
        auto [alice, bob] = makePair(config);
        QVERIFY(alice && bob);
        auto *silence = new Silence;
        bob->account->client()->insertExtension(0, silence);
        PeerSession *a = alice->sessions->connectToContact(bob->bareJid());
        QVERIFY(a);
        QSignalSpy ended(a, &PeerSession::ended);
        QVERIFY(ended.wait(Timeout));
        QCOMPARE(a->endReason(), PeerSession::EndReason::Timeout);
        QVERIFY2(a->endText().contains(QStringLiteral("did not answer")), qPrintable(a->endText()));
        QVERIFY(silence->swallowed >= 1);
        bob->account->client()->removeExtension(silence);
    }

    // Someone outside the roster cannot start a session, and nothing is created for them.
    void strangerIsRefused()
    {
        auto alice = makePeer();
        auto stranger = makePeer();
        QVERIFY(alice && stranger);
        QSignalSpy added(alice->sessions.get(), &SessionManager::sessionAdded);
        QSignalSpy refused(alice->sessions.get(), &SessionManager::requestRefused);

        JingleIq iq;
        iq.setTo(alice->account->boundJid());
        iq.setAction(JingleIq::Action::SessionInitiate);
        iq.setSid(QStringLiteral("stranger-session"));
        iq.setInitiator(stranger->account->boundJid());
        JingleContent content;
        content.name = QStringLiteral("chat");
        content.description = JingleChatDescription {};
        JingleIceTransport transport;
        transport.ufrag = QStringLiteral("abcd");
        transport.pwd = QStringLiteral("abcdefghijklmnopqrstuvwx");
        JingleFingerprint fingerprint;
        fingerprint.digest = stranger->identity.fingerprint();
        transport.fingerprint = fingerprint;
        content.transport = transport;
        iq.addContent(content);
        bool answered = false, wasError = false;
        stranger->account->client()->sendIq(std::move(iq)).then(this, [&](QXmppClient::IqResult &&result) {
            answered = true;
            wasError = std::holds_alternative<QXmppError>(result);
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, Timeout);
        QVERIFY(wasError);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(added.size(), 0);
        QVERIFY(alice->sessions->sessions().isEmpty());

        QString error;
        QVERIFY(!alice->sessions->connectToContact(stranger->bareJid(), &error));
        QVERIFY2(error.contains(QStringLiteral("not in your contacts")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_PeerSession)
#include "tst_PeerSession.moc"
