// Why the XMPP server's certificate was refused, with what the user needs to decide: the reasons
// in plain words and the certificate's SHA-256 fingerprint (to compare with what the server's
// administrator publishes, then trust once or pin it).
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace Peerlink {

class ServerCertificateProblem
{
public:
    ServerCertificateProblem() = default;
    ServerCertificateProblem(const QSslCertificate &certificate, const QList<QSslError> &errors,
                             const QString &serverName);

    bool isNull() const { return m_certificate.isNull(); }
    QSslCertificate certificate() const { return m_certificate; }
    QList<QSslError> errors() const { return m_errors; }
    QString serverName() const { return m_serverName; }

    // SHA-256 over the certificate (DER): what AccountConfig::pinnedCertificates holds.
    QByteArray sha256() const;
    // The same as "AB:CD:...", how certificate viewers show it.
    QString fingerprint() const { return formatFingerprint(sha256()); }
    // Each distinct reason in plain words, e.g. "it is not signed by an authority this computer trusts".
    QStringList reasons() const;
    // One message for the UI: what failed, why, the fingerprint and what the user can do.
    QString message() const;

    static QString formatFingerprint(const QByteArray &digest);
    // Accepts "AB:CD:..", "ab cd ..", "abcd..." (64 hex digits); returns 32 bytes, or empty if invalid.
    static QByteArray parseFingerprint(const QString &text);
    static QString describe(const QSslError &error, const QString &serverName);

    bool operator==(const ServerCertificateProblem &other) const
    {
        return m_certificate == other.m_certificate && m_errors == other.m_errors && m_serverName == other.m_serverName;
    }

private:
    QSslCertificate m_certificate;
    QList<QSslError> m_errors;
    QString m_serverName;
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::ServerCertificateProblem)
