// CoturnServer: a real coturn (`turnserver`) on free loopback ports for integration tests.
// Listens for STUN/TURN over UDP and TCP on port() and for TURN over TLS on tlsPort() with a
// self-signed certificate made for the run (CN localhost, IP 127.0.0.1). Authentication is the
// TURN REST scheme (use-auth-secret): credentials() makes a username/password pair the way
// prosody's mod_turn_external does. Runs as the unprivileged user `turnserver` when the test
// runs as root. Stopped by the destructor; its directory (log, certificate) is kept and its
// log tail printed when the current test failed.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Peerlink::Test {

class CoturnServer
{
public:
    struct Credentials
    {
        QString username; // "<expiry unix time>:<user>"
        QString password; // base64(HMAC-SHA1(secret, username))
    };

    CoturnServer();
    ~CoturnServer();
    CoturnServer(const CoturnServer &) = delete;
    CoturnServer &operator=(const CoturnServer &) = delete;

    // Starts coturn and waits (bounded) until its UDP, TCP and TLS listeners answer.
    // On failure returns false and sets errorString().
    bool start();
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    QHostAddress address() const { return QHostAddress(QHostAddress::LocalHost); }
    quint16 port() const { return m_port; } // UDP and TCP
    quint16 tlsPort() const { return m_tlsPort; }
    quint16 relayMinPort() const { return m_relayMin; }
    quint16 relayMaxPort() const { return m_relayMax; }
    QString realm() const { return QStringLiteral("peerlink.test"); }
    QString sharedSecret() const { return m_secret; }
    QByteArray certificatePem() const; // the server's self-signed certificate
    QString logPath() const;
    QString log() const; // the whole log so far

    // TURN REST credentials for user, valid for validitySeconds from now, with this server's secret.
    Credentials credentials(const QString &user = QStringLiteral("peerlink"), int validitySeconds = 3600) const;
    static Credentials restCredentials(const QByteArray &secret, const QString &user, qint64 expiryUnixTime);

private:
    bool makeCertificate();
    bool waitUntilReady(int timeoutMs);
    void dumpLogTail() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    QString m_secret;
    QString m_error;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    quint16 m_relayMin = 0;
    quint16 m_relayMax = 0;
};

} // namespace Peerlink::Test
