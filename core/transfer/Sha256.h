// Sha256: incremental SHA-256 for file checksums (XEP-0300 'sha-256'). Uses the system's OpenSSL
// libcrypto (loaded at run time; SHA extensions, about 2 GB/s here) when it is there, else nettle
// when the build found it (about 0.7 GB/s here), else QCryptographicHash (about 0.2 GB/s).
// PEERLINK_SHA256_BACKEND=openssl|nettle|qt in the environment picks one.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace Peerlink {

class Sha256
{
public:
    static constexpr int Size = 32;

    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    // The digest of everything added since the last reset(); starts over afterwards.
    QByteArray result();
    void reset();

    static QByteArray hash(QByteArrayView data);
    // Which implementation runs: "openssl", "nettle" or "qt".
    static const char *backend();

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
