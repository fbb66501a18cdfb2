#include "bench/ConnectBench.h"

#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "TestPeer.h"
#include "core/net/NetworkThread.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/xmpp/Account.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>
#include <QTest>

#include <algorithm>
#include <cmath>

namespace Peerlink::Bench {

namespace {
QJsonObject failure(const QString &message)
{
    return { { QStringLiteral("error"), message } };
}

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    const double rank = p / 100.0 * double(sorted.size() - 1);
    const auto low = size_t(std::floor(rank));
    const auto high = size_t(std::ceil(rank));
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - double(low));
}
} // namespace

QJsonObject runConnectBench(int runs)
{
    TestCertificateAuthority ca;
    if (!ca.isValid())
        return failure(ca.errorString());
    ProsodyServer server(ca);
    const QString password = QStringLiteral("bench password");
    if (!server.addAccount(QStringLiteral("alice"), password) || !server.addAccount(QStringLiteral("bob"), password)
        || !server.start())
        return failure(server.errorString());

    NetworkThread thread;
    SessionConfig config;
    config.ice.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
    config.ice.upnp = false;
    config.ice.ipv6 = false;
    config.ice.iceTcp = false;
    Test::TestPeer alice(thread, server, ca, QStringLiteral("alice"), password, config);
    Test::TestPeer bob(thread, server, ca, QStringLiteral("bob"), password, config);
    if (!alice.signIn() || !bob.signIn())
        return failure(
            QStringLiteral("sign-in failed: %1 %2").arg(alice.account->errorString(), bob.account->errorString()));
    if (!Test::makeMutualContacts(alice, bob))
        return failure(QStringLiteral("the accounts did not become contacts"));

    std::vector<double> samples;
    QJsonArray all;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        QPointer<PeerSession> incoming;
        qint64 incomingOpenAt = -1, outgoingOpenAt = -1;
        QObject context;
        QObject::connect(bob.sessions.get(), &SessionManager::sessionAdded, &context, [&](PeerSession *s) {
            incoming = s;
            QObject::connect(s, &PeerSession::connected, &context, [&] { incomingOpenAt = clock.nsecsElapsed(); });
        });
        clock.start();
        QString error;
        PeerSession *outgoing = alice.sessions->connectToContact(bob.bareJid(), &error);
        if (!outgoing)
            return failure(error);
        QObject::connect(outgoing, &PeerSession::connected, &context, [&] { outgoingOpenAt = clock.nsecsElapsed(); });
        const bool ok = QTest::qWaitFor(
            [&] {
                return (incomingOpenAt >= 0 && outgoingOpenAt >= 0) || outgoing->state() == PeerSession::State::Ended;
            },
            30000);
        if (!ok || incomingOpenAt < 0 || outgoingOpenAt < 0)
            return failure(QStringLiteral("run %1 did not connect: %2").arg(run).arg(outgoing->endText()));
        const double ms = double(std::max(incomingOpenAt, outgoingOpenAt)) / 1e6;
        samples.push_back(ms);
        all.append(std::round(ms * 100) / 100);
        outgoing->hangUp();
        (void)QTest::qWaitFor([&] { return !incoming || incoming->state() == PeerSession::State::Ended; }, 10000);
    }
    std::sort(samples.begin(), samples.end());
    const auto round2 = [](double v) { return std::round(v * 100) / 100; };
    return {
        { QStringLiteral("runs"), runs },
        { QStringLiteral("p50"), round2(percentile(samples, 50)) },
        { QStringLiteral("p95"), round2(percentile(samples, 95)) },
        { QStringLiteral("min"), round2(samples.front()) },
        { QStringLiteral("max"), round2(samples.back()) },
        { QStringLiteral("samples"), all },
    };
}

} // namespace Peerlink::Bench
