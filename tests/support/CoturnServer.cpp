#include "CoturnServer.h"

#include "FreePort.h"

#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

#include <csignal>

namespace Peerlink::Test {

namespace {

constexpr int RelayPorts = 64;

QString randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(data.toHex());
}

// Makes path and everything in it belong to user (coturn must read its files and write its log).
bool giveTo(const QString &path, const struct passwd *user)
{
    const QByteArray native = QFile::encodeName(path);
    if (::chown(native.constData(), user->pw_uid, user->pw_gid) != 0)
        return false;
    const QDir dir(path);
    for (const QString &entry : dir.entryList(QDir::Files)) {
        const QByteArray file = QFile::encodeName(dir.filePath(entry));
        if (::chown(file.constData(), user->pw_uid, user->pw_gid) != 0)
            return false;
    }
    return true;
}

bool tcpAccepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    const bool ok = socket.waitForConnected(300);
    socket.abort();
    return ok;
}

// Sends a STUN Binding request (RFC 5389) and waits for a Binding success response.
bool stunAnswers(quint16 port)
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress(QHostAddress::LocalHost), 0))
        return false;
    QByteArray request;
    request.append('\x00').append('\x01').append('\x00').append('\x00'); // Binding request, length 0
    request.append('\x21').append('\x12').append('\xA4').append('\x42'); // magic cookie
    for (int i = 0; i < 12; ++i)
        request.append(char(QRandomGenerator::global()->bounded(256)));
    socket.writeDatagram(request, QHostAddress(QHostAddress::LocalHost), port);
    if (!socket.waitForReadyRead(300))
        return false;
    const QByteArray response = socket.receiveDatagram().data();
    return response.size() >= 20 && response.at(0) == '\x01' && response.at(1) == '\x01'
        && response.mid(8, 12) == request.mid(8, 12);
}

} // namespace

CoturnServer::CoturnServer()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

CoturnServer::~CoturnServer()
{
    stop();
    if (m_dir && QTest::currentTestFailed()) {
        m_dir->setAutoRemove(false);
        dumpLogTail();
    }
}

QString CoturnServer::logPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("turnserver.log")) : QString();
}

QString CoturnServer::log() const
{
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QByteArray CoturnServer::certificatePem() const
{
    QFile file(m_dir ? m_dir->filePath(QStringLiteral("cert.pem")) : QString());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void CoturnServer::dumpLogTail() const
{
    const QStringList lines = log().split(u'\n');
    qWarning().noquote() << "coturn log kept in" << logPath() << "- last lines:";
    for (qsizetype i = std::max<qsizetype>(0, lines.size() - 40); i < lines.size(); ++i)
        qWarning().noquote() << "  " << lines.at(i);
}

bool CoturnServer::makeCertificate()
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                    QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"), QStringLiteral("-keyout"),
                    m_dir->filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                    m_dir->filePath(QStringLiteral("cert.pem")) });
    if (!openssl.waitForFinished(20000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl could not make the test certificate: ")
            + QString::fromLocal8Bit(openssl.readAll()) + openssl.errorString();
        return false;
    }
    return true;
}

bool CoturnServer::start()
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/peerlink-coturn-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot make a temporary directory: ") + m_dir->errorString();
        return false;
    }
    if (!makeCertificate())
        return false;
    m_secret = randomHex(16);

    const bool root = ::geteuid() == 0;
    const struct passwd *user = root ? ::getpwnam("turnserver") : nullptr;
    if (root) {
        if (!user) {
            m_error = QStringLiteral("running as root but there is no 'turnserver' user to run coturn as");
            return false;
        }
        ::chmod(QFile::encodeName(m_dir->path()).constData(), 0750);
        if (!giveTo(m_dir->path(), user)) {
            m_error = QStringLiteral("cannot give the coturn directory to user turnserver");
            return false;
        }
    }

    // A port may be taken between probing and binding: try a few times.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = FreePort::tcpAndUdpRange(2);
        m_tlsPort = FreePort::tcpAndUdpRange(2);
        m_relayMin = FreePort::tcpAndUdpRange(RelayPorts);
        m_relayMax = quint16(m_relayMin + RelayPorts - 1);
        if (!m_port || !m_tlsPort || !m_relayMin || m_port == m_tlsPort) {
            m_error = QStringLiteral("no free loopback ports for coturn");
            continue;
        }
        const QStringList arguments = {
            QStringLiteral("-n"), // no configuration file
            QStringLiteral("--listening-ip=127.0.0.1"),
            QStringLiteral("--relay-ip=127.0.0.1"),
            QStringLiteral("--listening-port=%1").arg(m_port),
            QStringLiteral("--tls-listening-port=%1").arg(m_tlsPort),
            QStringLiteral("--min-port=%1").arg(m_relayMin),
            QStringLiteral("--max-port=%1").arg(m_relayMax),
            QStringLiteral("--cert=") + m_dir->filePath(QStringLiteral("cert.pem")),
            QStringLiteral("--pkey=") + m_dir->filePath(QStringLiteral("key.pem")),
            QStringLiteral("--use-auth-secret"),
            QStringLiteral("--static-auth-secret=") + m_secret,
            QStringLiteral("--realm=") + realm(),
            QStringLiteral("--fingerprint"),
            QStringLiteral("--no-cli"),
            QStringLiteral("--no-dtls"),
            QStringLiteral("--no-rfc5780"),
            QStringLiteral("--allow-loopback-peers"),
            QStringLiteral("--no-multicast-peers"),
            QStringLiteral("--verbose"),
            QStringLiteral("--simple-log"),
            QStringLiteral("--log-file=") + logPath(),
            QStringLiteral("--pidfile=") + m_dir->filePath(QStringLiteral("turnserver.pid")),
            QStringLiteral("--userdb=") + m_dir->filePath(QStringLiteral("turndb")),
        };
        // coturn dies with the test process, even a crashed or killed one (the fixture's
        // destructor would not run).
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        if (root) {
            m_process.start(QStringLiteral("setpriv"),
                            QStringList { QStringLiteral("--reuid=turnserver"), QStringLiteral("--regid=turnserver"),
                                          QStringLiteral("--clear-groups"), QStringLiteral("--pdeathsig=TERM"),
                                          QStringLiteral("--"), QStringLiteral("turnserver") }
                                + arguments);
        } else {
            m_process.start(QStringLiteral("turnserver"), arguments);
        }
        if (!m_process.waitForStarted(10000)) {
            m_error = QStringLiteral("cannot start turnserver: ") + m_process.errorString();
            return false;
        }
        if (waitUntilReady(15000))
            return true;
        m_error = QStringLiteral("coturn did not answer on 127.0.0.1 ports %1/%2 (log: %3): %4")
                      .arg(m_port)
                      .arg(m_tlsPort)
                      .arg(logPath(), QString::fromLocal8Bit(m_process.readAll()));
        stop();
    }
    return false;
}

bool CoturnServer::waitUntilReady(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running)
            return false;
        if (tcpAccepts(m_port) && tcpAccepts(m_tlsPort) && stunAnswers(m_port))
            return true;
        QThread::msleep(50);
    }
    return false;
}

bool CoturnServer::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

void CoturnServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

CoturnServer::Credentials CoturnServer::credentials(const QString &user, int validitySeconds) const
{
    return restCredentials(m_secret.toUtf8(), user, QDateTime::currentSecsSinceEpoch() + validitySeconds);
}

CoturnServer::Credentials CoturnServer::restCredentials(const QByteArray &secret, const QString &user,
                                                        qint64 expiryUnixTime)
{
    Credentials credentials;
    credentials.username = QString::number(expiryUnixTime) + u':' + user;
    credentials.password = QString::fromLatin1(
        QMessageAuthenticationCode::hash(credentials.username.toUtf8(), secret, QCryptographicHash::Sha1).toBase64());
    return credentials;
}

} // namespace Peerlink::Test
