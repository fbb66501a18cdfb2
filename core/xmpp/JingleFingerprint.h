// JingleFingerprint: the XEP-0320 <fingerprint/> inside an ICE-UDP transport: the hash of the
// sender's device certificate and its connection role ('setup', RFC 4145/5763). The QUIC handshake
// accepts the peer only if its certificate hashes to this value.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <optional>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleFingerprint
{
    // actpass: either role (always sent by the initiator); active: this side opens the connection
    // (the QUIC client); passive: this side accepts it (the QUIC server).
    enum class Setup { ActPass, Active, Passive };

    QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256; // sha-256, sha-384 or sha-512
    Setup setup = Setup::ActPass;
    QByteArray digest; // raw bytes, as long as the algorithm's output

    static JingleFingerprint fromCertificate(const QByteArray &derCertificate, Setup setup,
                                             QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256);
    // True when 'derCertificate' hashes to this fingerprint with this fingerprint's algorithm.
    bool matchesCertificate(const QByteArray &derCertificate) const;

    static QString setupName(Setup setup);
    static std::optional<Setup> parseSetupName(QStringView name);
    // "AB:CD:..." (uppercase hex pairs separated by colons, RFC 8122)
    static QString formatDigest(const QByteArray &digest);
    // Accepts upper- or lowercase hex; exactly 'length' colon-separated pairs.
    static std::optional<QByteArray> parseDigest(QStringView text, qsizetype length);

    static bool isFingerprint(const QDomElement &element);
    bool parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;
    bool validate(QString *error) const;

    bool operator==(const JingleFingerprint &other) const = default;
};

} // namespace Peerlink
