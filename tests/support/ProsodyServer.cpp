#include "ProsodyServer.h"

#include "TestCertificateAuthority.h"

#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QDebug>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace Peerlink {

namespace {

constexpr int StartTimeoutMs = 30000;
constexpr int StopTimeoutMs = 10000;
constexpr int CtlTimeoutMs = 60000;

// A TCP port on 127.0.0.1 that was free a moment ago (prosody binds it right after).
quint16 pickFreeTcpPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            name, { QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/bin") });
    return path;
}

// A Lua string literal.
QString lua(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\n', QStringLiteral("\\n"));
    return u'"' + escaped + u'"';
}

bool chownTree(const QString &root, uid_t uid, gid_t gid)
{
    if (::chown(QFile::encodeName(root).constData(), uid, gid) != 0)
        return false;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (::lchown(QFile::encodeName(it.next()).constData(), uid, gid) != 0)
            return false;
    }
    return true;
}

QByteArray readFrom(const QString &path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    return file.readAll();
}

} // namespace

ProsodyServer::ProsodyServer(const TestCertificateAuthority &ca)
    : ProsodyServer(ca, Options())
{ }

ProsodyServer::ProsodyServer(const TestCertificateAuthority &ca, const Options &options)
    : m_options(options)
    , m_certificatePath(ca.serverCertificatePath())
    , m_keyPath(ca.serverKeyPath())
    , m_dir(QDir::tempPath() + QStringLiteral("/peerlink-prosody-XXXXXX"))
{ }

ProsodyServer::~ProsodyServer()
{
    stop();
}

QString ProsodyServer::configPath() const
{
    return m_dir.filePath(QStringLiteral("prosody.cfg.lua"));
}

QString ProsodyServer::logPath() const
{
    return m_dir.filePath(QStringLiteral("prosody.log"));
}

QString ProsodyServer::logTail(int lines) const
{
    const QString text = QString::fromUtf8(readFrom(logPath(), 0))
        + QString::fromUtf8(readFrom(m_dir.filePath(QStringLiteral("prosody.out")), 0));
    QStringList all = text.split(u'\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u'\n');
}

void ProsodyServer::fail(const QString &message)
{
    m_error = message;
    qWarning().noquote() << "ProsodyServer:" << message << "\n--- tail of" << logPath() << "---\n" << logTail();
}

bool ProsodyServer::prepare()
{
    if (m_prepared)
        return true;
    if (!m_dir.isValid()) {
        fail(QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString()));
        return false;
    }
    m_program = findProgram(QStringLiteral("prosody"));
    m_ctlProgram = findProgram(QStringLiteral("prosodyctl"));
    if (m_program.isEmpty() || m_ctlProgram.isEmpty()) {
        fail(QStringLiteral("prosody or prosodyctl is not installed (package 'prosody')"));
        return false;
    }

    QDir dir(m_dir.path());
    if (!dir.mkpath(QStringLiteral("data")) || !dir.mkpath(QStringLiteral("certs"))) {
        fail(QStringLiteral("cannot create directories in %1").arg(m_dir.path()));
        return false;
    }
    const QString certificate = dir.filePath(QStringLiteral("certs/%1.crt").arg(m_options.domain));
    const QString key = dir.filePath(QStringLiteral("certs/%1.key").arg(m_options.domain));
    if (!QFile::copy(m_certificatePath, certificate) || !QFile::copy(m_keyPath, key)) {
        fail(QStringLiteral("cannot copy the server certificate and key (%1, %2)").arg(m_certificatePath, m_keyPath));
        return false;
    }

    if (::geteuid() == 0) {
        // prosody refuses to run as root: run it as its own user, which owns the directory.
        if (const passwd *pw = ::getpwnam("prosody")) {
            m_runAsUid = int(pw->pw_uid);
            m_runAsGid = int(pw->pw_gid);
            if (!chownTree(m_dir.path(), pw->pw_uid, pw->pw_gid)) {
                fail(QStringLiteral("cannot give %1 to the prosody user: %2")
                         .arg(m_dir.path(), QString::fromLocal8Bit(strerror(errno))));
                return false;
            }
        } else {
            qWarning("ProsodyServer: running as root and there is no 'prosody' user; using run_as_root");
        }
    }
    if (m_port == 0)
        m_port = pickFreeTcpPort();
    if (m_port == 0 || !writeConfig())
        return false;
    m_prepared = true;
    return true;
}

bool ProsodyServer::writeConfig()
{
    const QString d = m_dir.path();
    QStringList modules
        = { QStringLiteral("roster"), QStringLiteral("saslauth"), QStringLiteral("tls"),    QStringLiteral("disco"),
            QStringLiteral("ping"),   QStringLiteral("presence"), QStringLiteral("carbons") };
    if (!m_options.turnSecret.isEmpty())
        modules << QStringLiteral("turn_external");
    if (m_options.streamManagement)
        modules << QStringLiteral("smacks");
    QStringList quoted;
    for (const QString &m : std::as_const(modules))
        quoted << lua(m);

    QString config;
    QTextStream out(&config);
    out << "-- written by the Peerlink test fixture ProsodyServer\n"
        << "daemonize = false\n"
        << "data_path = " << lua(d + QStringLiteral("/data")) << "\n"
        << "certificates = " << lua(d + QStringLiteral("/certs")) << "\n"
        << "log = { { levels = { min = \"debug\" }, to = \"file\", filename = " << lua(logPath()) << " } }\n"
        << "interfaces = { \"127.0.0.1\" }\n"
        << "c2s_ports = { " << m_port << " }\n"
        << "c2s_direct_tls_ports = { }\n"
        << "legacy_ssl_ports = { }\n"
        << "s2s_ports = { }\n"
        << "http_ports = { }\n"
        << "https_ports = { }\n"
        << "modules_enabled = { " << quoted.join(QStringLiteral(", ")) << " }\n"
        << "modules_disabled = { \"s2s\", \"offline\" }\n"
        << "authentication = \"internal_hashed\"\n"
        << "storage = \"internal\"\n"
        << "c2s_require_encryption = true\n"
        << "allow_unencrypted_plain_auth = false\n"
        << "allow_registration = false\n";
    if (m_options.streamManagement)
        out << "smacks_hibernation_time = " << m_options.smacksHibernationSeconds << "\n";
    if (m_runAsUid < 0 && ::geteuid() == 0)
        out << "run_as_root = true\n";
    if (!m_options.turnSecret.isEmpty()) {
        out << "turn_external_secret = " << lua(m_options.turnSecret) << "\n"
            << "turn_external_host = " << lua(m_options.turnHost) << "\n"
            << "turn_external_port = " << m_options.turnPort << "\n"
            << "turn_external_ttl = " << m_options.turnTtlSeconds << "\n"
            << "turn_external_tcp = " << (m_options.turnTcp ? "true" : "false") << "\n";
        if (m_options.turnsPort)
            out << "turn_external_tls_port = " << m_options.turnsPort << "\n";
    }
    out << "\nVirtualHost " << lua(m_options.domain) << "\n"
        << "    ssl = { certificate = "
        << lua(d + QStringLiteral("/certs/") + m_options.domain + QStringLiteral(".crt"))
        << ", key = " << lua(d + QStringLiteral("/certs/") + m_options.domain + QStringLiteral(".key")) << " }\n";
    out.flush();

    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
        fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
        return false;
    }
    file.close();
    if (m_runAsUid >= 0
        && ::chown(QFile::encodeName(configPath()).constData(), uid_t(m_runAsUid), gid_t(m_runAsGid)) != 0) {
        fail(QStringLiteral("cannot give %1 to the prosody user").arg(configPath()));
        return false;
    }
    return true;
}

void ProsodyServer::setupChild(QProcess &process) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    const int uid = m_runAsUid;
    const int gid = m_runAsGid;
    QProcess *self = &process;
    process.setChildProcessModifier([self, uid, gid] {
        if (uid >= 0) {
            const gid_t group = gid_t(gid);
            if (::setgroups(1, &group) != 0 || ::setgid(group) != 0 || ::setuid(uid_t(uid)) != 0)
                self->failChildProcessModifier("cannot switch to the prosody user", errno);
        }
        // The server must not outlive a test that crashed.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
}

bool ProsodyServer::startOnce(bool *portTaken)
{
    *portTaken = false;
    const qint64 logOffset = QFileInfo(logPath()).size();
    setupChild(m_process);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("prosody.out")), QIODevice::Append);
    m_process.start(m_program, { QStringLiteral("-F"), QStringLiteral("--config"), configPath() });
    if (!m_process.waitForStarted(StartTimeoutMs)) {
        fail(QStringLiteral("cannot start %1: %2").arg(m_program, m_process.errorString()));
        return false;
    }

    const QByteArray ready = "Activated service 'c2s' on [127.0.0.1]:" + QByteArray::number(m_port);
    QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.waitForFinished(50) || m_process.state() == QProcess::NotRunning) {
            fail(QStringLiteral("prosody exited during startup (exit code %1)").arg(m_process.exitCode()));
            return false;
        }
        const QByteArray log = readFrom(logPath(), logOffset);
        if (log.contains("Failed to open server port")) {
            *portTaken = true;
            stop();
            return false;
        }
        if (log.contains(ready)) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(1000)) {
                probe.abort();
                return true;
            }
        }
    }
    fail(QStringLiteral("prosody did not listen on port %1 within %2 s").arg(m_port).arg(StartTimeoutMs / 1000));
    stop();
    return false;
}

bool ProsodyServer::start()
{
    if (isRunning())
        return true;
    m_error.clear();
    if (!prepare())
        return false;
    for (int attempt = 0; attempt < 3; ++attempt) {
        bool portTaken = false;
        if (startOnce(&portTaken))
            return true;
        if (!portTaken)
            return false;
        qWarning("ProsodyServer: port %u was taken, trying another one", unsigned(m_port));
        m_port = pickFreeTcpPort();
        if (m_port == 0 || !writeConfig())
            return false;
    }
    fail(QStringLiteral("no free port for prosody after three attempts"));
    return false;
}

void ProsodyServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(StopTimeoutMs)) {
        qWarning("ProsodyServer: prosody ignored SIGTERM; killing it");
        m_process.kill();
        m_process.waitForFinished(StopTimeoutMs);
    }
}

bool ProsodyServer::restart()
{
    stop();
    if (!m_prepared)
        return start();
    bool portTaken = false;
    if (startOnce(&portTaken))
        return true;
    if (portTaken)
        fail(QStringLiteral("port %1 is taken by another process; prosody cannot restart on it").arg(m_port));
    return false;
}

bool ProsodyServer::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

bool ProsodyServer::addAccount(const QString &user, const QString &password)
{
    m_error.clear();
    if (!prepare())
        return false;
    QProcess ctl;
    setupChild(ctl);
    ctl.setProcessChannelMode(QProcess::MergedChannels);
    ctl.start(
        m_ctlProgram,
        { QStringLiteral("--config"), configPath(), QStringLiteral("register"), user, m_options.domain, password });
    if (!ctl.waitForFinished(CtlTimeoutMs) || ctl.exitStatus() != QProcess::NormalExit || ctl.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(ctl.readAll());
        ctl.kill();
        fail(QStringLiteral("prosodyctl register %1 %2 failed: %3 %4")
                 .arg(user, m_options.domain, ctl.errorString(), output));
        return false;
    }
    return true;
}

} // namespace Peerlink
