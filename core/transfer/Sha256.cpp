#include "core/transfer/Sha256.h"

#ifdef PEERLINK_HAVE_NETTLE
#include <nettle/sha2.h>
#else
#include <QCryptographicHash>
#endif

namespace Peerlink {

#ifdef PEERLINK_HAVE_NETTLE
struct Sha256::Private
{
    sha256_ctx context;
    Private() { sha256_init(&context); }
    void add(QByteArrayView data)
    {
        sha256_update(&context, size_t(data.size()), reinterpret_cast<const uint8_t *>(data.data()));
    }
    QByteArray digest()
    {
        QByteArray out(Size, Qt::Uninitialized);
        sha256_digest(&context, Size, reinterpret_cast<uint8_t *>(out.data())); // also re-initialises
        return out;
    }
    void reset() { sha256_init(&context); }
};
#else
struct Sha256::Private
{
    QCryptographicHash hash { QCryptographicHash::Sha256 };
    void add(QByteArrayView data) { hash.addData(data); }
    QByteArray digest()
    {
        QByteArray out = hash.result();
        hash.reset();
        return out;
    }
    void reset() { hash.reset(); }
};
#endif

Sha256::Sha256()
    : d(std::make_unique<Private>())
{ }

Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView data)
{
    d->add(data);
}

QByteArray Sha256::result()
{
    return d->digest();
}

void Sha256::reset()
{
    d->reset();
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 h;
    h.addData(data);
    return h.result();
}

const char *Sha256::backend()
{
#ifdef PEERLINK_HAVE_NETTLE
    return "nettle";
#else
    return "qt";
#endif
}

} // namespace Peerlink
