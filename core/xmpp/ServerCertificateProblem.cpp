#include "core/xmpp/ServerCertificateProblem.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>

namespace Peerlink {

ServerCertificateProblem::ServerCertificateProblem(const QSslCertificate &certificate, const QList<QSslError> &errors,
                                                   const QString &serverName)
    : m_certificate(certificate)
    , m_errors(errors)
    , m_serverName(serverName)
{
    if (m_certificate.isNull()) {
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull()) {
                m_certificate = error.certificate();
                break;
            }
        }
    }
}

QByteArray ServerCertificateProblem::sha256() const
{
    return m_certificate.isNull() ? QByteArray() : m_certificate.digest(QCryptographicHash::Sha256);
}

QString ServerCertificateProblem::describe(const QSslError &error, const QString &serverName)
{
    const QSslCertificate certificate = error.certificate();
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
        return QStringLiteral("it is not signed by an authority this computer trusts");
    case QSslError::HostNameMismatch:
        return QStringLiteral("it was issued for another name than %1").arg(serverName);
    case QSslError::CertificateExpired:
        if (!certificate.isNull())
            return QStringLiteral("it expired on %1")
                .arg(QLocale().toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat));
        return QStringLiteral("it has expired");
    case QSslError::CertificateNotYetValid:
        if (!certificate.isNull())
            return QStringLiteral("it is not valid before %1")
                .arg(QLocale().toString(certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat));
        return QStringLiteral("it is not valid yet");
    case QSslError::CertificateRevoked:
        return QStringLiteral("it has been revoked");
    default:
        return error.errorString();
    }
}

QStringList ServerCertificateProblem::reasons() const
{
    QStringList result;
    for (const QSslError &error : m_errors) {
        const QString reason = describe(error, m_serverName);
        if (!result.contains(reason))
            result << reason;
    }
    if (result.isEmpty())
        result << QStringLiteral("it could not be verified");
    return result;
}

QString ServerCertificateProblem::message() const
{
    return QStringLiteral("The server %1 presented a certificate that is not trusted: %2. Its SHA-256 fingerprint is "
                          "%3. Trust it only if your server's administrator confirms this fingerprint.")
        .arg(m_serverName, reasons().join(QStringLiteral("; ")), fingerprint());
}

QString ServerCertificateProblem::formatFingerprint(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QByteArray ServerCertificateProblem::parseFingerprint(const QString &text)
{
    QByteArray hex;
    for (const QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        const char16_t u = c.unicode();
        const bool isHex = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!isHex)
            return {};
        hex.append(c.toLatin1());
    }
    if (hex.size() != 64)
        return {};
    return QByteArray::fromHex(hex);
}

} // namespace Peerlink
