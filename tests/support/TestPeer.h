// TestPeer: one Peerlink device for integration tests and benchmarks: an Account on the test
// prosody, a device identity, and a SessionManager on a shared NetworkThread. Plus helpers to
// make two peers mutual contacts and to pass bytes over a session's channel.
#pragma once

#include "core/channel/DeviceIdentity.h"
#include "core/session/SessionConfig.h"
#include "core/xmpp/AccountConfig.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Peerlink {
class Account;
class NetworkThread;
class PeerSession;
class SessionManager;
class ProsodyServer;
class TestCertificateAuthority;
} // namespace Peerlink

namespace Peerlink::Test {

struct TestPeer
{
    TestPeer(NetworkThread &thread, const ProsodyServer &server, const TestCertificateAuthority &ca,
             const QString &user, const QString &password, const SessionConfig &config = {});
    ~TestPeer();

    // Connects the account and waits until it is signed in.
    bool signIn(int timeoutMs = 20000);
    QString bareJid() const;

    std::unique_ptr<Account> account;
    DeviceIdentity identity;
    std::unique_ptr<SessionManager> sessions;
};

// Makes a and b mutual contacts and waits until each sees the other online.
bool makeMutualContacts(TestPeer &a, TestPeer &b, int timeoutMs = 20000);

// Waits until the session is Connected or Ended; true when Connected.
bool waitConnected(PeerSession *session, int timeoutMs = 20000);

// Sends `message` from `from` on a new stream and waits until `to` received all of it on one
// stream; returns that stream id at the receiver, or -1. The receiver's channel must be open.
qint64 sendOnNewStream(PeerSession *from, PeerSession *to, const QByteArray &message, int timeoutMs = 20000);
// Sends on an existing stream and waits until the other side got all of it on that stream.
bool sendOnStream(PeerSession *from, qint64 stream, PeerSession *to, const QByteArray &message, int timeoutMs = 20000);

} // namespace Peerlink::Test
