#include "TestPeer.h"

#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "core/channel/SecureChannel.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/xmpp/Account.h"

#include <QPointer>
#include <QTest>

namespace Peerlink::Test {

TestPeer::TestPeer(NetworkThread &thread, const ProsodyServer &server, const TestCertificateAuthority &ca,
                   const QString &user, const QString &password, const SessionConfig &config)
    : account(std::make_unique<Account>())
{
    AccountConfig accountConfig;
    accountConfig.jid = server.jid(user);
    accountConfig.password = password;
    accountConfig.host = server.host();
    accountConfig.port = server.c2sPort();
    accountConfig.trustedCaCertificates = { ca.caCertificate() };
    account->setConfig(accountConfig);
    QString error;
    identity = DeviceIdentity::generate(&error);
    if (identity.isNull())
        qWarning().noquote() << "cannot make a device identity:" << error;
    sessions = std::make_unique<SessionManager>(*account, thread, identity, config);
}

TestPeer::~TestPeer()
{
    sessions.reset(); // sessions close before the account goes
    account.reset();
}

bool TestPeer::signIn(int timeoutMs)
{
    account->connectToServer();
    return QTest::qWaitFor([this] { return account->state() == Account::State::Connected; }, timeoutMs);
}

QString TestPeer::bareJid() const
{
    return account->config().jid;
}

bool makeMutualContacts(TestPeer &a, TestPeer &b, int timeoutMs)
{
    const QString aJid = a.bareJid(), bJid = b.bareJid();
    QObject context;
    QObject::connect(b.account.get(), &Account::subscriptionRequested, &context, [&](const QString &jid) {
        if (jid == aJid)
            b.account->approveSubscription(aJid);
    });
    QObject::connect(a.account.get(), &Account::subscriptionRequested, &context, [&](const QString &jid) {
        if (jid == bJid)
            a.account->approveSubscription(bJid);
    });
    if (!a.account->addContact(bJid))
        return false;
    const auto mutualOnline = [](const Account &account, const QString &jid) {
        const auto contact = account.contact(jid);
        return contact && contact->isMutual() && contact->isOnline() && !contact->resources.isEmpty();
    };
    return QTest::qWaitFor([&] { return mutualOnline(*a.account, bJid) && mutualOnline(*b.account, aJid); }, timeoutMs);
}

bool waitConnected(PeerSession *session, int timeoutMs)
{
    QPointer<PeerSession> guard(session);
    (void)QTest::qWaitFor(
        [&] {
            return !guard || guard->state() == PeerSession::State::Connected
                || guard->state() == PeerSession::State::Ended;
        },
        timeoutMs);
    return guard && guard->state() == PeerSession::State::Connected;
}

namespace {
// Collects what `to` receives on one stream (the first that delivers data, or `stream`).
bool receiveAll(SecureChannel *channel, qint64 *stream, const QByteArray &expected, int timeoutMs,
                const std::function<void()> &send)
{
    QByteArray received;
    QObject context;
    QObject::connect(channel, &SecureChannel::dataReceived, &context, [&](qint64 id, const QByteArray &data) {
        if (*stream < 0)
            *stream = id;
        if (id == *stream)
            received.append(data);
    });
    send();
    (void)QTest::qWaitFor([&] { return received.size() >= expected.size(); }, timeoutMs);
    if (received != expected) {
        qWarning() << "stream" << *stream << "received" << received.size() << "of" << expected.size() << "bytes"
                   << (received.size() == expected.size() ? "(different content)" : "");
        return false;
    }
    return true;
}
} // namespace

qint64 sendOnNewStream(PeerSession *from, PeerSession *to, const QByteArray &message, int timeoutMs)
{
    if (!from->channel() || !to->channel())
        return -1;
    qint64 receiverStream = -1;
    bool written = false;
    const bool ok = receiveAll(to->channel(), &receiverStream, message, timeoutMs, [&] {
        const qint64 stream = from->channel()->openStream();
        written = stream >= 0 && from->channel()->write(stream, message);
    });
    return ok && written ? receiverStream : -1;
}

bool sendOnStream(PeerSession *from, qint64 stream, PeerSession *to, const QByteArray &message, int timeoutMs)
{
    if (!from->channel() || !to->channel())
        return false;
    qint64 receiverStream = stream;
    bool written = false;
    const bool ok = receiveAll(to->channel(), &receiverStream, message, timeoutMs,
                               [&] { written = from->channel()->write(stream, message); });
    return ok && written;
}

} // namespace Peerlink::Test
