#include "core/channel/DeviceIdentity.h"

#include "core/Logging.h"
#include "core/channel/Gnutls_p.h"

#include <gnutls/crypto.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstring>
#include <ctime>

namespace Peerlink {

namespace {

constexpr qint64 MaxPemFileSize = 64 * 1024;
constexpr char CommonName[] = "Peerlink device";
constexpr time_t Day = 24 * 60 * 60;
constexpr time_t Validity = 30 * 365 * Day;

void setError(QString *errorMessage, const QString &text)
{
    if (errorMessage)
        *errorMessage = text;
}

// GNUTLS_CURVE_TO_BITS without its C-style casts.
constexpr unsigned int curveToBits(gnutls_ecc_curve_t curve)
{
    return (1U << 31) | static_cast<unsigned int>(curve);
}

bool writeFile(const QString &path, const QByteArray &data, bool ownerOnly, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    // Restrict the temporary file before the key is written into it.
    if (ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("cannot restrict the file's permissions");
        file.cancelWriting();
        return false;
    }
    if (file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    if (ownerOnly && !QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("cannot restrict the file's permissions");
        return false;
    }
    return true;
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    if (file.size() > MaxPemFileSize) {
        *error = QStringLiteral("the file is too large to be a PEM certificate or key");
        return false;
    }
    *data = file.readAll();
    return true;
}

} // namespace

DeviceIdentity DeviceIdentity::fromPem(const QByteArray &certificatePem, const QByteArray &privateKeyPem,
                                       QString *errorMessage)
{
    gnutls_x509_crt_t rawCrt = nullptr;
    if (const int rv = gnutls_x509_crt_init(&rawCrt); rv < 0) {
        setError(errorMessage, QStringLiteral("GnuTLS cannot hold a certificate: %1").arg(Gnutls::errorText(rv)));
        return {};
    }
    const Gnutls::Certificate crt(rawCrt);
    const gnutls_datum_t certData = Gnutls::view(certificatePem);
    if (const int rv = gnutls_x509_crt_import(crt.get(), &certData, GNUTLS_X509_FMT_PEM); rv < 0) {
        setError(errorMessage, QStringLiteral("the certificate is not valid PEM (%1)").arg(Gnutls::errorText(rv)));
        return {};
    }

    gnutls_x509_privkey_t rawKey = nullptr;
    if (const int rv = gnutls_x509_privkey_init(&rawKey); rv < 0) {
        setError(errorMessage, QStringLiteral("GnuTLS cannot hold a private key: %1").arg(Gnutls::errorText(rv)));
        return {};
    }
    const Gnutls::PrivateKey key(rawKey);
    const gnutls_datum_t keyData = Gnutls::view(privateKeyPem);
    if (const int rv = gnutls_x509_privkey_import2(key.get(), &keyData, GNUTLS_X509_FMT_PEM, nullptr, 0); rv < 0) {
        setError(errorMessage, QStringLiteral("the private key is not valid PEM (%1)").arg(Gnutls::errorText(rv)));
        return {};
    }

    unsigned char certKeyId[64];
    size_t certKeyIdSize = sizeof(certKeyId);
    unsigned char keyId[64];
    size_t keyIdSize = sizeof(keyId);
    if (gnutls_x509_crt_get_key_id(crt.get(), GNUTLS_KEYID_USE_SHA256, certKeyId, &certKeyIdSize) < 0
        || gnutls_x509_privkey_get_key_id(key.get(), GNUTLS_KEYID_USE_SHA256, keyId, &keyIdSize) < 0
        || certKeyIdSize != keyIdSize || memcmp(certKeyId, keyId, keyIdSize) != 0) {
        setError(errorMessage, QStringLiteral("the private key does not belong to the certificate"));
        return {};
    }

    Gnutls::Datum der;
    if (const int rv = gnutls_x509_crt_export2(crt.get(), GNUTLS_X509_FMT_DER, &der); rv < 0) {
        setError(errorMessage, QStringLiteral("the certificate cannot be encoded (%1)").arg(Gnutls::errorText(rv)));
        return {};
    }

    DeviceIdentity identity;
    identity.m_certificatePem = certificatePem;
    identity.m_privateKeyPem = privateKeyPem;
    identity.m_fingerprint = QCryptographicHash::hash(der.toByteArray(), QCryptographicHash::Sha256);
    return identity;
}

DeviceIdentity DeviceIdentity::generate(QString *errorMessage)
{
    auto fail = [errorMessage](const char *step, int rv) {
        setError(errorMessage,
                 QStringLiteral("Could not create the device certificate (%1: %2).")
                     .arg(QLatin1String(step), Gnutls::errorText(rv)));
        return DeviceIdentity();
    };

    gnutls_x509_privkey_t rawKey = nullptr;
    if (const int rv = gnutls_x509_privkey_init(&rawKey); rv < 0)
        return fail("key", rv);
    const Gnutls::PrivateKey key(rawKey);
    if (const int rv = gnutls_x509_privkey_generate2(key.get(), GNUTLS_PK_ECDSA,
                                                     curveToBits(GNUTLS_ECC_CURVE_SECP256R1), 0, nullptr, 0);
        rv < 0)
        return fail("key generation", rv);

    gnutls_x509_crt_t rawCrt = nullptr;
    if (const int rv = gnutls_x509_crt_init(&rawCrt); rv < 0)
        return fail("certificate", rv);
    const Gnutls::Certificate crt(rawCrt);

    unsigned char serial[16];
    if (const int rv = gnutls_rnd(GNUTLS_RND_NONCE, serial, sizeof(serial)); rv < 0)
        return fail("serial number", rv);
    serial[0] = static_cast<unsigned char>((serial[0] & 0x7f) | 0x40); // positive, full length

    unsigned char keyId[64];
    size_t keyIdSize = sizeof(keyId);
    const time_t now = time(nullptr);

    int rv = gnutls_x509_crt_set_version(crt.get(), 3);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_serial(crt.get(), serial, sizeof(serial));
    if (rv >= 0)
        rv = gnutls_x509_crt_set_activation_time(crt.get(), now - Day);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_expiration_time(crt.get(), now + Validity);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_dn_by_oid(crt.get(), GNUTLS_OID_X520_COMMON_NAME, 0, CommonName,
                                           sizeof(CommonName) - 1);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_key(crt.get(), key.get());
    if (rv >= 0)
        rv = gnutls_x509_crt_set_basic_constraints(crt.get(), 0, -1);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_key_usage(crt.get(), GNUTLS_KEY_DIGITAL_SIGNATURE);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_key_purpose_oid(crt.get(), GNUTLS_KP_TLS_WWW_SERVER, 0);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_key_purpose_oid(crt.get(), GNUTLS_KP_TLS_WWW_CLIENT, 0);
    if (rv >= 0)
        rv = gnutls_x509_privkey_get_key_id(key.get(), 0, keyId, &keyIdSize);
    if (rv >= 0)
        rv = gnutls_x509_crt_set_subject_key_id(crt.get(), keyId, keyIdSize);
    if (rv < 0)
        return fail("certificate fields", rv);
    if (rv = gnutls_x509_crt_sign2(crt.get(), crt.get(), key.get(), GNUTLS_DIG_SHA256, 0); rv < 0)
        return fail("signature", rv);

    Gnutls::Datum certPem;
    if (rv = gnutls_x509_crt_export2(crt.get(), GNUTLS_X509_FMT_PEM, &certPem); rv < 0)
        return fail("certificate export", rv);
    Gnutls::Datum keyPem;
    if (rv = gnutls_x509_privkey_export2_pkcs8(key.get(), GNUTLS_X509_FMT_PEM, nullptr, GNUTLS_PKCS_PLAIN, &keyPem);
        rv < 0)
        return fail("key export", rv);

    return fromPem(certPem.toByteArray(), keyPem.toByteArray(), errorMessage);
}

DeviceIdentity DeviceIdentity::loadOrCreate(const QString &profileDir, QString *errorMessage)
{
    const QDir dir(profileDir);
    if (!dir.exists() && !QDir().mkpath(profileDir)) {
        setError(errorMessage,
                 QStringLiteral("Could not create the profile folder %1. Check that its parent folder exists and "
                                "is writable.")
                     .arg(QDir::toNativeSeparators(profileDir)));
        return {};
    }
    const QString certPath = dir.filePath(certificateFileName());
    const QString keyPath = dir.filePath(privateKeyFileName());
    const bool haveCert = QFileInfo::exists(certPath);
    const bool haveKey = QFileInfo::exists(keyPath);
    const QString startOver
        = QStringLiteral("Restore both files from a backup, or delete them to create a new device identity "
                         "(your contacts will then be told that this device's fingerprint changed).");

    if (!haveCert && !haveKey) {
        QString error;
        DeviceIdentity identity = generate(&error);
        if (identity.isNull()) {
            setError(errorMessage, error);
            return {};
        }
        // The key goes first: a certificate on disk always has its key beside it.
        if (!writeFile(keyPath, identity.m_privateKeyPem, true, &error)
            || !writeFile(certPath, identity.m_certificatePem, false, &error)) {
            QFile::remove(keyPath);
            setError(errorMessage,
                     QStringLiteral("Could not save the new device identity in %1 (%2). Check that the folder is "
                                    "writable and the disk is not full.")
                         .arg(QDir::toNativeSeparators(profileDir), error));
            return {};
        }
        qCInfo(lcChannel) << "created a new device identity in" << profileDir << "fingerprint"
                          << formatFingerprint(identity.fingerprint());
        return identity;
    }

    if (haveCert != haveKey) {
        setError(errorMessage,
                 QStringLiteral("The device identity in %1 is incomplete: %2 is missing. %3")
                     .arg(QDir::toNativeSeparators(profileDir), haveCert ? keyPath : certPath, startOver));
        return {};
    }

    QByteArray certPem;
    QByteArray keyPem;
    QString error;
    if (!readFile(certPath, &certPem, &error) || !readFile(keyPath, &keyPem, &error)) {
        setError(errorMessage,
                 QStringLiteral("Could not read the device identity in %1 (%2). Check the files' permissions.")
                     .arg(QDir::toNativeSeparators(profileDir), error));
        return {};
    }
    DeviceIdentity identity = fromPem(certPem, keyPem, &error);
    if (identity.isNull()) {
        setError(errorMessage,
                 QStringLiteral("The device identity in %1 is damaged: %2. %3")
                     .arg(QDir::toNativeSeparators(profileDir), error, startOver));
        return {};
    }

    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (QFile::permissions(keyPath) & others) {
        qCWarning(lcChannel) << "the device key" << keyPath << "was readable by others; restricting it to its owner";
        QFile::setPermissions(keyPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return identity;
}

QString DeviceIdentity::formatFingerprint(const QByteArray &sha256)
{
    if (sha256.size() != FingerprintSize)
        return {};
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QByteArray DeviceIdentity::parseFingerprint(QStringView text)
{
    text = text.trimmed();
    // "XX:" * 31 + "XX"
    if (text.size() != FingerprintSize * 3 - 1)
        return {};
    auto hexValue = [](QChar c) -> int {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return u - u'0';
        if (u >= u'a' && u <= u'f')
            return u - u'a' + 10;
        if (u >= u'A' && u <= u'F')
            return u - u'A' + 10;
        return -1;
    };
    QByteArray result(FingerprintSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < FingerprintSize; ++i) {
        const qsizetype at = i * 3;
        const int high = hexValue(text[at]);
        const int low = hexValue(text[at + 1]);
        if (high < 0 || low < 0)
            return {};
        if (i + 1 < FingerprintSize && text[at + 2] != u':')
            return {};
        result[i] = static_cast<char>(high * 16 + low);
    }
    return result;
}

} // namespace Peerlink
