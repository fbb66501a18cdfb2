// DeviceIdentity: this device's long-lived key pair and self-signed certificate. Peers pin the
// certificate by its fingerprint (SHA-256 over the DER certificate), which travels in Jingle as
// an XEP-0320 <fingerprint/> in text form ("AB:CD:...").
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Peerlink {

class DeviceIdentity
{
public:
    static constexpr qsizetype FingerprintSize = 32; // SHA-256

    // A null identity (isNull()).
    DeviceIdentity() = default;

    // Loads the identity kept in profileDir, or creates one there on first use (ECDSA P-256,
    // CN "Peerlink device", valid for decades; the key file is readable by the owner only).
    // Files that exist but cannot be used are never replaced, since that would silently change
    // this device's fingerprint: a null identity is returned and *errorMessage says what to do.
    static DeviceIdentity loadOrCreate(const QString &profileDir, QString *errorMessage = nullptr);
    // A new identity in memory only.
    static DeviceIdentity generate(QString *errorMessage = nullptr);
    // An identity from PEM data; null (with *errorMessage) when the data is unusable or the key
    // does not belong to the certificate.
    static DeviceIdentity fromPem(const QByteArray &certificatePem, const QByteArray &privateKeyPem,
                                  QString *errorMessage = nullptr);

    static QString certificateFileName() { return QStringLiteral("device-certificate.pem"); }
    static QString privateKeyFileName() { return QStringLiteral("device-key.pem"); }

    bool isNull() const { return m_fingerprint.isEmpty(); }
    QByteArray certificatePem() const { return m_certificatePem; }
    QByteArray privateKeyPem() const { return m_privateKeyPem; }
    // SHA-256 over the DER certificate: FingerprintSize raw bytes.
    QByteArray fingerprint() const { return m_fingerprint; }

    // XEP-0320 text form: uppercase hex pairs separated by ':'. Empty unless given 32 bytes.
    static QString formatFingerprint(const QByteArray &sha256);
    // Parses the text form (hex digits of either case, surrounding white space ignored).
    // Returns the 32 raw bytes, or an empty QByteArray when the text is malformed.
    static QByteArray parseFingerprint(QStringView text);

    friend bool operator==(const DeviceIdentity &a, const DeviceIdentity &b)
    {
        return a.m_fingerprint == b.m_fingerprint && a.m_privateKeyPem == b.m_privateKeyPem;
    }

private:
    QByteArray m_certificatePem;
    QByteArray m_privateKeyPem;
    QByteArray m_fingerprint;
};

} // namespace Peerlink
