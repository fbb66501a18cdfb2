// A real prosody (13) XMPP server for tests: one VirtualHost on a free loopback port, TLS with a
// TestCertificateAuthority's server certificate (STARTTLS required), accounts in plain files in a
// temporary directory, optionally XEP-0215 TURN credentials (mod_turn_external). When the test
// runs as root, prosody runs as the 'prosody' user (it refuses to run as root). It dies with the
// test process (parent-death signal), and stop() or the destructor end it.
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace Peerlink {

class TestCertificateAuthority;

class ProsodyServer
{
public:
    struct Options
    {
        QString domain = QStringLiteral("localhost");
        // XEP-0215: with a secret, the server hands out STUN and TURN services on turnHost:turnPort
        // with TURN REST credentials (username "<expiry>", password base64(HMAC-SHA1(secret, username))).
        QString turnSecret;
        QString turnHost = QStringLiteral("127.0.0.1");
        quint16 turnPort = 3478;
        int turnTtlSeconds = 86400;
        bool turnTcp = false;
        quint16 turnsPort = 0; // non-zero: also a 'turns' (TURN over TLS) service on this port
        // XEP-0198 stream management (mod_smacks): acknowledged stanzas and resumption of a
        // session whose connection broke, within smacksHibernationSeconds. Off by default: while a
        // broken session hibernates the server still shows its resource online, which tests that
        // kill a client process do not expect.
        bool streamManagement = false;
        int smacksHibernationSeconds = 30;
    };

    explicit ProsodyServer(const TestCertificateAuthority &ca);
    ProsodyServer(const TestCertificateAuthority &ca, const Options &options);
    ~ProsodyServer();

    ProsodyServer(const ProsodyServer &) = delete;
    ProsodyServer &operator=(const ProsodyServer &) = delete;

    // Starts prosody and waits (bounded) until its c2s port listens. On failure returns false,
    // errorString() says why and the log tail is printed.
    bool start();
    // Terminates prosody (SIGTERM, then SIGKILL after a bounded wait). Data and port are kept.
    void stop();
    // stop() and start() on the same port with the same data.
    bool restart();
    bool isRunning() const;

    // Creates an account with prosodyctl (works whether or not the server runs).
    bool addAccount(const QString &user, const QString &password);

    QString domain() const { return m_options.domain; }
    QString jid(const QString &user) const { return user + u'@' + m_options.domain; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 c2sPort() const { return m_port; }

    QString configPath() const;
    QString logPath() const;
    QString logTail(int lines = 60) const;
    QString errorString() const { return m_error; }

private:
    bool prepare();
    bool writeConfig();
    bool startOnce(bool *portTaken);
    void fail(const QString &message);
    void setupChild(QProcess &process) const;

    Options m_options;
    QString m_certificatePath;
    QString m_keyPath;
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_program;
    QString m_ctlProgram;
    quint16 m_port = 0;
    bool m_prepared = false;
    int m_runAsUid = -1; // -1: as the current user
    int m_runAsGid = -1;
    QString m_error;
};

} // namespace Peerlink
