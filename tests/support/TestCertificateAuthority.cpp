#include "TestCertificateAuthority.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

namespace Peerlink {

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

TestCertificateAuthority::TestCertificateAuthority(const QStringList &dnsNames, const QStringList &ipAddresses)
    : m_dir(QDir::tempPath() + QStringLiteral("/peerlink-ca-XXXXXX"))
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return;
    }

    QStringList altNames;
    for (const QString &name : dnsNames)
        altNames << QStringLiteral("DNS:") + name;
    for (const QString &ip : ipAddresses)
        altNames << QStringLiteral("IP:") + ip;
    const QString commonName = dnsNames.isEmpty() ? ipAddresses.value(0) : dnsNames.first();

    const QByteArray extensions = "basicConstraints=critical,CA:FALSE\n"
                                  "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                  "extendedKeyUsage=serverAuth\n"
                                  "subjectKeyIdentifier=hash\n"
                                  "authorityKeyIdentifier=keyid,issuer\n"
                                  "subjectAltName="
        + altNames.join(u',').toUtf8() + '\n';
    if (!writeFile(QStringLiteral("server.ext"), extensions))
        return;

    const QString serial = QStringLiteral("0x")
        + QString::number(QRandomGenerator::global()->generate64() >> 1, 16).rightJustified(16, u'0');
    m_valid = openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("ca.key")),
                        QStringLiteral("-out"), caCertificatePath(), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/O=Peerlink tests/CN=Peerlink Test CA"),
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") })
        && openssl({ QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                     QStringLiteral("-nodes"), QStringLiteral("-keyout"), serverKeyPath(), QStringLiteral("-out"),
                     m_dir.filePath(QStringLiteral("server.csr")), QStringLiteral("-subj"),
                     QStringLiteral("/O=Peerlink tests/CN=") + commonName })
        && openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                     m_dir.filePath(QStringLiteral("server.csr")), QStringLiteral("-CA"), caCertificatePath(),
                     QStringLiteral("-CAkey"), m_dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-set_serial"),
                     serial, QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                     m_dir.filePath(QStringLiteral("server.ext")), QStringLiteral("-out"), serverCertificatePath() });
    if (m_valid && (caCertificate().isNull() || serverCertificate().isNull())) {
        m_valid = false;
        m_error = QStringLiteral("openssl succeeded but the certificates in %1 cannot be read").arg(m_dir.path());
    }
}

TestCertificateAuthority::~TestCertificateAuthority() = default;

QString TestCertificateAuthority::caCertificatePath() const
{
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

QByteArray TestCertificateAuthority::caCertificatePem() const
{
    return readFile(caCertificatePath());
}

QSslCertificate TestCertificateAuthority::caCertificate() const
{
    return QSslCertificate(caCertificatePem(), QSsl::Pem);
}

QString TestCertificateAuthority::serverCertificatePath() const
{
    return m_dir.filePath(QStringLiteral("server.pem"));
}

QString TestCertificateAuthority::serverKeyPath() const
{
    return m_dir.filePath(QStringLiteral("server.key"));
}

QSslCertificate TestCertificateAuthority::serverCertificate() const
{
    return QSslCertificate(readFile(serverCertificatePath()), QSsl::Pem);
}

QByteArray TestCertificateAuthority::serverCertificateSha256() const
{
    return serverCertificate().digest(QCryptographicHash::Sha256);
}

bool TestCertificateAuthority::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot run openssl: %1").arg(process.errorString());
        return false;
    }
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAll()));
        process.kill();
        return false;
    }
    return true;
}

bool TestCertificateAuthority::writeFile(const QString &name, const QByteArray &contents)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace Peerlink
