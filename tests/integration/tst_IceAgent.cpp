// IceAgent end to end: two real agents on 127.0.0.1 with trickle ICE (candidates passed on as
// they are emitted; one side's candidates reach the other BEFORE its credentials, as can happen
// with Jingle transport-info), with and without a real coturn (TURN over UDP, TCP and TLS,
// relay-only). Data is checked datagram by datagram through the DatagramLink interface, one by
// one and in batches of mixed sizes (sent straight on the socket of a direct pair).
#include "CoturnServer.h"
#include "core/ice/IceAgent.h"
#include "core/net/NetworkThread.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

using namespace Peerlink;
using namespace Peerlink::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(IceConfig::Server::Transport)
Q_DECLARE_METATYPE(IceCandidate::RelayTransport)

namespace {

constexpr int Timeout = 20000;

IceConfig loopbackConfig()
{
    IceConfig config;
    config.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
    config.upnp = false;
    config.iceTcp = false;
    return config;
}

// The payload of datagram seq in one direction: its number, then bytes derived from it.
QByteArray payload(int direction, int seq, int size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(quint32(direction * 100000 + seq));
    for (char &c : data)
        c = char(generator.bounded(256));
    for (int i = 0; i < 4; ++i)
        data[i] = char(seq >> (8 * i));
    return data;
}

// What one agent received, kept on the network thread.
struct Inbox
{
    explicit Inbox(int sender)
        : direction(sender)
    { }

    int direction = 0;
    std::set<int> good;
    int corrupt = 0;

    void receive(const uint8_t *data, size_t size)
    {
        if (size < 4) {
            ++corrupt;
            return;
        }
        int seq = 0;
        for (int i = 0; i < 4; ++i)
            seq |= int(data[i]) << (8 * i);
        const QByteArray expected = payload(direction, seq, int(size));
        if (seq < 0 || seq > 100000 || expected != QByteArrayView(data, qsizetype(size)))
            ++corrupt;
        else
            good.insert(seq);
    }
};

// Two agents wired like two Jingle peers: A's credentials reach B only once A has gathered all
// its candidates (so they arrive first), B's credentials reach A right away.
struct Peers
{
    NetworkThread &net;
    std::unique_ptr<IceAgent> a;
    std::unique_ptr<IceAgent> b;
    Inbox inboxA { 2 }; // A receives what B sends (direction 2)
    Inbox inboxB { 1 };
    bool aCredentialsPending = true;
    int candidatesBeforeCredentials = 0; // A's candidates that reached B before A's credentials

    Peers(NetworkThread &thread, const IceConfig &configA, const IceConfig &configB)
        : net(thread)
        , a(std::make_unique<IceAgent>(thread, configA, true))
        , b(std::make_unique<IceAgent>(thread, configB, false))
    {
        IceAgent *pa = a.get();
        IceAgent *pb = b.get();
        QObject::connect(pa, &IceAgent::localCandidate, pb, [this, pa, pb](const IceCandidate &c) {
            candidatesBeforeCredentials += aCredentialsPending ? 1 : 0;
            pb->addRemoteCandidate(c, pa->localCredentials().ufrag);
        });
        QObject::connect(pa, &IceAgent::localCredentialsChanged, pa, [this] { aCredentialsPending = true; });
        QObject::connect(pa, &IceAgent::gatheringDone, pb, [this, pa, pb] {
            if (std::exchange(aCredentialsPending, false))
                pb->setRemoteCredentials(pa->localCredentials().ufrag, pa->localCredentials().password);
            pb->remoteGatheringDone(pa->localCredentials().ufrag);
        });
        QObject::connect(pb, &IceAgent::localCandidate, pa,
                         [pa, pb](const IceCandidate &c) { pa->addRemoteCandidate(c, pb->localCredentials().ufrag); });
        QObject::connect(
            pb, &IceAgent::localCredentialsChanged, pa,
            [pa](const QString &ufrag, const QString &password) { pa->setRemoteCredentials(ufrag, password); });
        QObject::connect(pb, &IceAgent::gatheringDone, pa,
                         [pa, pb] { pa->remoteGatheringDone(pb->localCredentials().ufrag); });
        pa->setRemoteCredentials(pb->localCredentials().ufrag, pb->localCredentials().password);

        net.runSync([this] {
            a->setDatagramReceiver([this](const uint8_t *data, size_t size) { inboxA.receive(data, size); });
            b->setDatagramReceiver([this](const uint8_t *data, size_t size) { inboxB.receive(data, size); });
        });
    }

    ~Peers()
    {
        net.runSync([this] {
            a->setDatagramReceiver({});
            b->setDatagramReceiver({});
        });
    }

    void start()
    {
        a->start();
        b->start();
    }

    // Sends count datagrams each way, resending the missing ones until all arrived intact.
    bool exchange(int count, int size, int timeoutMs) { return exchange(QList<int>(count, size), false, timeoutMs); }

    // Sends datagrams of these sizes each way (datagram i has size sizes[i]), one by one or in
    // batches with sendDatagrams(), resending the missing ones until all arrived intact.
    bool exchange(const QList<int> &sizes, bool batched, int timeoutMs)
    {
        const int count = int(sizes.size());
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            bool complete = false;
            int corrupt = 0;
            net.runSync([&] {
                for (const auto &[from, direction, inbox] :
                     { std::tuple { a.get(), 1, &inboxB }, std::tuple { b.get(), 2, &inboxA } }) {
                    QList<QByteArray> missing;
                    for (int seq = 0; seq < count; ++seq) {
                        if (!inbox->good.contains(seq))
                            missing.append(payload(direction, seq, sizes[seq]));
                    }
                    send(from, missing, batched);
                }
                complete = int(inboxA.good.size()) == count && int(inboxB.good.size()) == count;
                corrupt = inboxA.corrupt + inboxB.corrupt;
            });
            if (corrupt > 0) {
                qWarning() << corrupt << "corrupt datagrams";
                return false;
            }
            if (complete)
                return true;
            QTest::qWait(200);
        }
        return false;
    }

    // Network thread.
    static void send(IceAgent *agent, const QList<QByteArray> &datagrams, bool batched)
    {
        if (!batched) {
            for (const QByteArray &data : datagrams)
                agent->sendDatagram(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
            return;
        }
        std::vector<DatagramLink::Datagram> batch;
        for (const QByteArray &data : datagrams)
            batch.push_back({ reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()) });
        size_t done = 0;
        while (done < batch.size()) {
            const size_t n = std::min<size_t>(batch.size() - done, 100);
            const size_t sent = agent->sendDatagrams(batch.data() + done, n);
            if (sent == 0)
                return; // the socket buffer is full: the rest goes in the next round
            done += sent;
        }
    }

    void clearInboxes()
    {
        net.runSync([this] {
            inboxA.good.clear();
            inboxB.good.clear();
        });
    }
};

QString describe(const IceCandidate &c)
{
    return IceCandidate::typeName(c.type) + u' ' + c.address.toString() + u':' + QString::number(c.port);
}

// Sizes that exercise how a batch is split into segmented sends: runs of equal sizes, a shorter
// one ending a run, a longer one starting the next, single ones, and datagrams above 1200 bytes.
QList<int> mixedSizes(int largest)
{
    QList<int> sizes;
    for (int i = 0; i < 70; ++i)
        sizes.append(largest); // more than one segmented send carries
    sizes << 700 << largest << 1200 << 1200 << 1200 << 1300 << 40 << 40 << 1200 << 5;
    for (int i = 0; i < 30; ++i)
        sizes.append(1000 + i * 7);
    for (int i = 0; i < 20; ++i)
        sizes.append(1200);
    return sizes;
}

// What the agent tells the channel about its path, read on the network thread.
struct PathInfo
{
    size_t probeSize = 0;
    uint64_t id = 0;
};

PathInfo pathInfo(NetworkThread &net, IceAgent *agent)
{
    PathInfo info;
    net.runSync([&] {
        info.probeSize = agent->maxProbeDatagramSize();
        info.id = agent->pathId();
    });
    return info;
}

} // namespace

class tst_IceAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hostPairOnLoopback();
    void relayOnlyThroughCoturn_data();
    void relayOnlyThroughCoturn();
    void untrustedTurnCertificate();
    void restartAfterReady();
    void wrongTurnPassword_data();
    void wrongTurnPassword();
    void peerNeverAnswers_data();
    void peerNeverAnswers();
    void consentRevokedFailsThePeer();
    void closeEmitsClosed();

private:
    std::unique_ptr<CoturnServer> m_coturn;
};

void tst_IceAgent::initTestCase()
{
    qRegisterMetaType<IceAgent::State>();
    qRegisterMetaType<IceAgent::SelectedPair>();
    qRegisterMetaType<IceCandidate>();
    m_coturn = std::make_unique<CoturnServer>();
    QVERIFY2(m_coturn->start(), qPrintable(m_coturn->errorString()));
}

void tst_IceAgent::hostPairOnLoopback()
{
    NetworkThread net;
    Peers peers(net, loopbackConfig(), loopbackConfig());
    QSignalSpy candidatesA(peers.a.get(), &IceAgent::localCandidate);
    QSignalSpy pairA(peers.a.get(), &IceAgent::selectedPairChanged);
    peers.start();

    QTRY_COMPARE_WITH_TIMEOUT(peers.a->state(), IceAgent::State::Ready, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(peers.b->state(), IceAgent::State::Ready, Timeout);
    QVERIFY(!candidatesA.isEmpty());
    QCOMPARE(peers.candidatesBeforeCredentials, candidatesA.size()); // all of them came first
    QVERIFY(!pairA.isEmpty());
    const auto &first = candidatesA.first().first().value<IceCandidate>();
    QCOMPARE(first.type, IceCandidate::Type::Host);
    QCOMPARE(first.address, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!first.id.isEmpty());

    for (IceAgent *agent : { peers.a.get(), peers.b.get() }) {
        const auto pair = agent->selectedPair();
        QVERIFY(pair);
        qInfo().noquote() << (agent == peers.a.get() ? "A" : "B") << "selected" << describe(pair->local) << "->"
                          << describe(pair->remote);
        QCOMPARE(pair->local.type, IceCandidate::Type::Host);
        QCOMPARE(pair->remote.type, IceCandidate::Type::Host);
        QCOMPARE(pair->local.transport, IceCandidate::Transport::Udp);
        QCOMPARE(pair->local.address, QHostAddress(QHostAddress::LocalHost));
    }
    QCOMPARE(peers.a->selectedPair()->local.port, peers.b->selectedPair()->remote.port);
    QCOMPARE(peers.b->selectedPair()->local.port, peers.a->selectedPair()->remote.port);
    QCOMPARE(peers.a->maxDatagramSize(), size_t(1200));
    QVERIFY(peers.exchange(50, 1200, Timeout));

    // A direct IPv4 pair: full Ethernet-sized datagrams are worth probing for, and batches of
    // mixed sizes arrive intact.
    for (IceAgent *agent : { peers.a.get(), peers.b.get() }) {
        const PathInfo path = pathInfo(net, agent);
        QCOMPARE(path.probeSize, size_t(1472));
        QVERIFY(path.id > 0);
    }
    peers.clearInboxes();
    QVERIFY(peers.exchange(mixedSizes(1472), true, Timeout));
    peers.clearInboxes();
    QVERIFY(peers.exchange(QList<int>(500, 1472), true, Timeout));
}

void tst_IceAgent::relayOnlyThroughCoturn_data()
{
    QTest::addColumn<IceConfig::Server::Transport>("transport");
    QTest::addColumn<IceCandidate::RelayTransport>("relayTransport");
    QTest::newRow("TURN/UDP") << IceConfig::Server::Transport::Udp << IceCandidate::RelayTransport::Udp;
    QTest::newRow("TURN/TCP") << IceConfig::Server::Transport::Tcp << IceCandidate::RelayTransport::Tcp;
    QTest::newRow("TURN/TLS") << IceConfig::Server::Transport::Tls << IceCandidate::RelayTransport::Tls;
}

void tst_IceAgent::relayOnlyThroughCoturn()
{
    QFETCH(IceConfig::Server::Transport, transport);
    QFETCH(IceCandidate::RelayTransport, relayTransport);

    auto configFor = [&](const QString &user) {
        IceConfig config = loopbackConfig();
        const auto credentials = m_coturn->credentials(user);
        IceConfig::Server server;
        server.host = u"127.0.0.1"_s;
        server.port = transport == IceConfig::Server::Transport::Tls ? m_coturn->tlsPort() : m_coturn->port();
        server.transport = transport;
        server.username = credentials.username;
        server.password = credentials.password;
        server.trustedCertificatesPem = m_coturn->certificatePem();
        config.turnServers = { server };
        config.forceRelay = true;
        return config;
    };
    const QString userA = u"alice-"_s + QString::number(QRandomGenerator::global()->generate());
    const QString userB = u"bob-"_s + QString::number(QRandomGenerator::global()->generate());

    NetworkThread net;
    Peers peers(net, configFor(userA), configFor(userB));
    QSignalSpy candidatesA(peers.a.get(), &IceAgent::localCandidate);
    peers.start();
    QTRY_COMPARE_WITH_TIMEOUT(peers.a->state(), IceAgent::State::Ready, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(peers.b->state(), IceAgent::State::Ready, Timeout);

    // Relay-only: nothing but relayed candidates is offered.
    QVERIFY(!candidatesA.isEmpty());
    for (const auto &arguments : std::as_const(candidatesA))
        QCOMPARE(arguments.first().value<IceCandidate>().type, IceCandidate::Type::Relayed);

    for (IceAgent *agent : { peers.a.get(), peers.b.get() }) {
        const auto pair = agent->selectedPair();
        QVERIFY(pair);
        qInfo().noquote() << "selected" << describe(pair->local) << "->" << describe(pair->remote);
        QCOMPARE(pair->local.type, IceCandidate::Type::Relayed);
        QCOMPARE(pair->local.relayTransport, relayTransport);
        // The relayed address is one coturn allocated from its relay port range.
        QCOMPARE(pair->local.address, m_coturn->address());
        QVERIFY2(pair->local.port >= m_coturn->relayMinPort() && pair->local.port <= m_coturn->relayMaxPort(),
                 qPrintable(describe(pair->local)));
        QVERIFY2(pair->remote.port >= m_coturn->relayMinPort() && pair->remote.port <= m_coturn->relayMaxPort(),
                 qPrintable(describe(pair->remote)));
    }
    QVERIFY(peers.exchange(50, 1200, Timeout));
    // Through a relay nothing above the minimum is tried; batches go through libnice.
    QCOMPARE(pathInfo(net, peers.a.get()).probeSize, size_t(1200));
    QVERIFY(pathInfo(net, peers.a.get()).id > 0);
    peers.clearInboxes();
    QList<int> sizes = mixedSizes(1200);
    sizes.removeIf([](int size) { return size > 1200; });
    QVERIFY(peers.exchange(sizes, true, Timeout));

    // coturn's own log shows both users' sessions and allocations, over TLS exactly when asked.
    const QStringList log = m_coturn->log().split(u'\n');
    for (const QString &user : { userA, userB }) {
        const QString who = u"username=<"_s;
        const auto session = std::find_if(log.cbegin(), log.cend(), [&](const QString &line) {
            return line.contains(u": new, "_s) && line.contains(user + u'>') && line.contains(who);
        });
        QVERIFY2(session != log.cend(), qPrintable(u"no session for "_s + user + u" in "_s + m_coturn->logPath()));
        const bool tls = session->contains(u"method=TLS"_s) && session->contains(u"cipher="_s);
        QVERIFY2(tls == (transport == IceConfig::Server::Transport::Tls), qPrintable(*session));
        QVERIFY2(std::any_of(log.cbegin(), log.cend(),
                             [&](const QString &line) {
                                 return line.contains(user + u'>') && line.contains(u"ALLOCATE processed, success"_s);
                             }),
                 qPrintable(u"no allocation for "_s + user));
    }
}

void tst_IceAgent::untrustedTurnCertificate()
{
    IceConfig config = loopbackConfig();
    IceConfig::Server server;
    server.host = u"127.0.0.1"_s;
    server.port = m_coturn->tlsPort();
    server.transport = IceConfig::Server::Transport::Tls;
    const auto credentials = m_coturn->credentials(u"carol"_s);
    server.username = credentials.username;
    server.password = credentials.password;
    // No trusted certificate: coturn's self-signed one must be refused.
    config.turnServers = { server };
    config.forceRelay = true;

    NetworkThread net;
    IceAgent agent(net, config, true);
    QSignalSpy failed(&agent, &IceAgent::failed);
    agent.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    const QString reason = failed.first().first().toString();
    qInfo().noquote() << "reason:" << reason;
    QVERIFY2(reason.contains(u"certificate"_s) && reason.contains(u"not trusted"_s), qPrintable(reason));
    for (const IceCandidate &c : agent.localCandidates())
        QVERIFY(c.type != IceCandidate::Type::Relayed);
}

void tst_IceAgent::restartAfterReady()
{
    NetworkThread net;
    Peers peers(net, loopbackConfig(), loopbackConfig());
    peers.start();
    QTRY_COMPARE_WITH_TIMEOUT(peers.a->state(), IceAgent::State::Ready, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(peers.b->state(), IceAgent::State::Ready, Timeout);
    QVERIFY(peers.exchange(10, 1200, Timeout));

    const auto oldA = peers.a->localCredentials();
    const auto oldB = peers.b->localCredentials();
    QSignalSpy credentialsA(peers.a.get(), &IceAgent::localCredentialsChanged);
    QSignalSpy credentialsB(peers.b.get(), &IceAgent::localCredentialsChanged);
    QSignalSpy statesA(peers.a.get(), &IceAgent::stateChanged);
    QSignalSpy statesB(peers.b.get(), &IceAgent::stateChanged);

    peers.a->restart();
    QCOMPARE(credentialsA.size(), 1);
    QVERIFY(peers.a->localCredentials().ufrag != oldA.ufrag);
    QCOMPARE(peers.a->generation(), 1);
    // B learns A's new credentials through signalling, restarts and answers with its own.
    QTRY_COMPARE_WITH_TIMEOUT(credentialsB.size(), 1, Timeout);
    QVERIFY(peers.b->localCredentials().ufrag != oldB.ufrag);
    QTRY_VERIFY_WITH_TIMEOUT(statesA.contains({ QVariant::fromValue(IceAgent::State::Ready) }), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(statesB.contains({ QVariant::fromValue(IceAgent::State::Ready) }), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(peers.a->state(), IceAgent::State::Ready, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(peers.b->state(), IceAgent::State::Ready, Timeout);
    for (const auto &c : peers.a->localCandidates())
        QCOMPARE(c.generation, 1);
    peers.clearInboxes();
    QVERIFY(peers.exchange(10, 1200, Timeout));
    peers.clearInboxes();
    QVERIFY(peers.exchange(mixedSizes(1472), true, Timeout));
}

void tst_IceAgent::wrongTurnPassword_data()
{
    QTest::addColumn<bool>("forceRelay");
    QTest::newRow("relay-only fails") << true;
    QTest::newRow("otherwise no relayed candidate") << false;
}

void tst_IceAgent::wrongTurnPassword()
{
    QFETCH(bool, forceRelay);
    IceConfig config = loopbackConfig();
    IceConfig::Server server;
    server.host = u"127.0.0.1"_s;
    server.port = m_coturn->port();
    server.username = m_coturn->credentials(u"mallory"_s).username;
    server.password = u"wrong-password"_s;
    config.turnServers = { server };
    config.forceRelay = forceRelay;

    NetworkThread net;
    IceAgent agent(net, config, true);
    QSignalSpy gathered(&agent, &IceAgent::gatheringDone);
    QSignalSpy failed(&agent, &IceAgent::failed);
    agent.start();
    QVERIFY(gathered.wait(Timeout));
    for (const IceCandidate &c : agent.localCandidates())
        QVERIFY(c.type != IceCandidate::Type::Relayed);
    if (forceRelay) {
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        const QString reason = failed.first().first().toString();
        qInfo().noquote() << "reason:" << reason;
        QVERIFY2(reason.contains(u"TURN"_s) && reason.contains(u"credentials"_s), qPrintable(reason));
        QVERIFY2(reason.contains(QString::number(m_coturn->port())), qPrintable(reason));
        QCOMPARE(agent.state(), IceAgent::State::Failed);
        QCOMPARE(agent.failureReason(), reason);
    } else {
        QVERIFY(!agent.localCandidates().isEmpty()); // the host candidate
        QCOMPARE(failed.size(), 0);
        QVERIFY(agent.state() != IceAgent::State::Failed);
    }
}

void tst_IceAgent::peerNeverAnswers_data()
{
    QTest::addColumn<bool>("endOfCandidates");
    QTest::addColumn<int>("connectTimeoutMs");
    // libnice concludes itself once it knows no more candidates come...
    QTest::newRow("end of candidates, libnice fails") << true << 0;
    // ...otherwise (trickle ICE waits for more) the agent's own deadline does.
    QTest::newRow("no end of candidates, deadline") << false << 3000;
}

void tst_IceAgent::peerNeverAnswers()
{
    QFETCH(bool, endOfCandidates);
    QFETCH(int, connectTimeoutMs);
    // A real socket that reads and never answers.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress(QHostAddress::LocalHost), 0));

    IceConfig config = loopbackConfig();
    config.connectTimeoutMs = connectTimeoutMs;
    NetworkThread net;
    IceAgent agent(net, config, true);
    QSignalSpy failed(&agent, &IceAgent::failed);
    agent.start();
    IceCandidate remote;
    remote.address = QHostAddress(QHostAddress::LocalHost);
    remote.port = silent.localPort();
    remote.foundation = u"1"_s;
    remote.priority = 2130706431;
    agent.addRemoteCandidate(remote);
    agent.setRemoteCredentials(u"silentufrag"_s, u"silentpasswordsilentpassword"_s);
    if (endOfCandidates)
        agent.remoteGatheringDone();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
    const QString reason = failed.first().first().toString();
    qInfo().noquote() << "reason:" << reason;
    QVERIFY2(reason.contains(u"peer"_s), qPrintable(reason));
    QCOMPARE(agent.state(), IceAgent::State::Failed);
    QVERIFY(silent.hasPendingDatagrams()); // checks were really sent
}

void tst_IceAgent::consentRevokedFailsThePeer()
{
    NetworkThread net;
    Peers peers(net, loopbackConfig(), loopbackConfig());
    peers.start();
    QTRY_COMPARE_WITH_TIMEOUT(peers.a->state(), IceAgent::State::Ready, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(peers.b->state(), IceAgent::State::Ready, Timeout);
    QSignalSpy failedA(peers.a.get(), &IceAgent::failed);
    peers.b->revokeConsent();
    QTRY_COMPARE_WITH_TIMEOUT(failedA.size(), 1, 40000);
    const QString reason = failedA.first().first().toString();
    qInfo().noquote() << "reason:" << reason;
    QVERIFY2(reason.contains(u"lost"_s), qPrintable(reason));
    QCOMPARE(peers.a->state(), IceAgent::State::Failed);
    // Without consent nothing is sent any more, batches included (they took the pair's socket
    // directly while it had consent).
    const QByteArray data = payload(1, 0, 1200);
    const DatagramLink::Datagram datagrams[] = { { reinterpret_cast<const uint8_t *>(data.constData()), 1200 },
                                                 { reinterpret_cast<const uint8_t *>(data.constData()), 1200 } };
    size_t sent = 99;
    net.runSync([&] { sent = peers.a->sendDatagrams(datagrams, 2); });
    QCOMPARE(sent, size_t(0));
}

void tst_IceAgent::closeEmitsClosed()
{
    IceConfig config = loopbackConfig();
    IceConfig::Server server;
    server.host = u"127.0.0.1"_s;
    server.port = m_coturn->port();
    const auto credentials = m_coturn->credentials(u"closer"_s);
    server.username = credentials.username;
    server.password = credentials.password;
    config.turnServers = { server };

    NetworkThread net;
    IceAgent agent(net, config, true);
    QSignalSpy gathered(&agent, &IceAgent::gatheringDone);
    QSignalSpy closed(&agent, &IceAgent::closed);
    agent.start();
    QVERIFY(gathered.wait(Timeout));
    bool relayed = false;
    for (const IceCandidate &c : agent.localCandidates())
        relayed = relayed || c.type == IceCandidate::Type::Relayed;
    QVERIFY(relayed);
    agent.close();
    QVERIFY(closed.wait(Timeout));
    QCOMPARE(agent.state(), IceAgent::State::Closed);
    const uint8_t byte = 0;
    bool sent = true;
    net.runSync([&] { sent = agent.sendDatagram(&byte, 1); });
    QVERIFY(!sent);
}

QTEST_GUILESS_MAIN(tst_IceAgent)
#include "tst_IceAgent.moc"
