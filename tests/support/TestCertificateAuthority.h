// A throw-away certificate authority for tests: a CA and one server certificate it signed, made
// with the openssl command line tool in a temporary directory that is removed with the object.
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Peerlink {

class TestCertificateAuthority
{
public:
    // Makes the CA and a server certificate (EC P-256, valid for two days) whose subject
    // alternative names are the given DNS names and IP addresses. Check isValid().
    explicit TestCertificateAuthority(const QStringList &dnsNames = { QStringLiteral("localhost") },
                                      const QStringList &ipAddresses = { QStringLiteral("127.0.0.1") });
    ~TestCertificateAuthority();

    TestCertificateAuthority(const TestCertificateAuthority &) = delete;
    TestCertificateAuthority &operator=(const TestCertificateAuthority &) = delete;

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    QString directory() const { return m_dir.path(); }

    QString caCertificatePath() const;
    QByteArray caCertificatePem() const;
    QSslCertificate caCertificate() const;

    QString serverCertificatePath() const;
    QString serverKeyPath() const;
    QSslCertificate serverCertificate() const;
    // SHA-256 digest of the server certificate (DER), the fingerprint clients pin.
    QByteArray serverCertificateSha256() const;

private:
    bool openssl(const QStringList &arguments);
    bool writeFile(const QString &name, const QByteArray &contents);

    QTemporaryDir m_dir;
    bool m_valid = false;
    QString m_error;
};

} // namespace Peerlink
