#include "core/transfer/Sha256.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QLibrary>

#ifdef PEERLINK_HAVE_NETTLE
#include <nettle/sha2.h>
#endif

namespace Peerlink {

namespace {

// OpenSSL's libcrypto, loaded at run time when the system has it (no build dependency): its
// SHA-256 uses the CPU's SHA extensions with interleaved rounds, about three times faster than
// nettle's on the machines we measured (docs/transfer.md, Figures). Only the six EVP functions
// below are used; their signatures are part of OpenSSL's stable 3.x ABI.
struct LibCrypto
{
    using CtxNew = void *(*)();
    using CtxFree = void (*)(void *);
    using Md = const void *(*)();
    using Init = int (*)(void *, const void *, void *);
    using Update = int (*)(void *, const void *, size_t);
    using Final = int (*)(void *, unsigned char *, unsigned int *);

    CtxNew ctxNew = nullptr;
    CtxFree ctxFree = nullptr;
    Md sha256 = nullptr;
    Init init = nullptr;
    Update update = nullptr;
    Final final = nullptr;
    const void *md = nullptr;

    LibCrypto()
    {
        QLibrary library(QStringLiteral("crypto"), 3);
        library.setLoadHints(QLibrary::ResolveAllSymbolsHint);
        if (!library.load())
            return; // kept loaded for the life of the process otherwise (never unloaded)
        const auto resolve = [&library](auto &fn, const char *name) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(library.resolve(name));
            return fn != nullptr;
        };
        if (!resolve(ctxNew, "EVP_MD_CTX_new") || !resolve(ctxFree, "EVP_MD_CTX_free") || !resolve(sha256, "EVP_sha256")
            || !resolve(init, "EVP_DigestInit_ex") || !resolve(update, "EVP_DigestUpdate")
            || !resolve(final, "EVP_DigestFinal_ex")) {
            ctxNew = nullptr;
            return;
        }
        md = sha256();
        // A self-test: a library that does not compute SHA-256 correctly is not used.
        void *ctx = ctxNew();
        unsigned char digest[Sha256::Size];
        unsigned int size = 0;
        const bool ok = ctx && md && init(ctx, md, nullptr) == 1 && update(ctx, "abc", 3) == 1
            && final(ctx, digest, &size) == 1 && size == Sha256::Size
            && QByteArray(reinterpret_cast<const char *>(digest), Sha256::Size)
                == QCryptographicHash::hash("abc", QCryptographicHash::Sha256);
        if (ctx)
            ctxFree(ctx);
        if (!ok)
            ctxNew = nullptr;
    }
    bool isValid() const { return ctxNew != nullptr; }

    static const LibCrypto &instance()
    {
        static const LibCrypto crypto;
        return crypto;
    }
};

enum class Backend { OpenSsl, Nettle, Qt };

Backend chooseBackend()
{
    // PEERLINK_SHA256_BACKEND=openssl|nettle|qt picks one (tests compare them); the default is
    // the fastest available.
    const QByteArray wanted = qgetenv("PEERLINK_SHA256_BACKEND");
#ifdef PEERLINK_HAVE_NETTLE
    if (wanted == "nettle")
        return Backend::Nettle;
#endif
    if (wanted == "qt")
        return Backend::Qt;
    if (LibCrypto::instance().isValid())
        return Backend::OpenSsl;
#ifdef PEERLINK_HAVE_NETTLE
    return Backend::Nettle;
#else
    return Backend::Qt;
#endif
}

Backend backendInUse()
{
    static const Backend backend = chooseBackend();
    return backend;
}

} // namespace

struct Sha256::Private
{
    Backend backend = backendInUse();
    void *evp = nullptr; // OpenSsl
#ifdef PEERLINK_HAVE_NETTLE
    sha256_ctx nettle {}; // Nettle
#endif
    QCryptographicHash qt { QCryptographicHash::Sha256 }; // Qt

    Private()
    {
        if (backend == Backend::OpenSsl) {
            evp = LibCrypto::instance().ctxNew();
            if (!evp)
                backend = fallback();
        }
        reset();
    }
    ~Private()
    {
        if (evp)
            LibCrypto::instance().ctxFree(evp);
    }
    Private(const Private &) = delete;
    Private &operator=(const Private &) = delete;

    static Backend fallback()
    {
#ifdef PEERLINK_HAVE_NETTLE
        return Backend::Nettle;
#else
        return Backend::Qt;
#endif
    }

    void reset()
    {
        switch (backend) {
        case Backend::OpenSsl:
            (void)LibCrypto::instance().init(evp, LibCrypto::instance().md, nullptr);
            break;
        case Backend::Nettle:
#ifdef PEERLINK_HAVE_NETTLE
            sha256_init(&nettle);
#endif
            break;
        case Backend::Qt:
            qt.reset();
            break;
        }
    }

    void add(QByteArrayView data)
    {
        switch (backend) {
        case Backend::OpenSsl:
            (void)LibCrypto::instance().update(evp, data.data(), size_t(data.size()));
            break;
        case Backend::Nettle:
#ifdef PEERLINK_HAVE_NETTLE
            sha256_update(&nettle, size_t(data.size()), reinterpret_cast<const uint8_t *>(data.data()));
#endif
            break;
        case Backend::Qt:
            qt.addData(data);
            break;
        }
    }

    QByteArray digest()
    {
        QByteArray out(Size, Qt::Uninitialized);
        switch (backend) {
        case Backend::OpenSsl: {
            unsigned int size = 0;
            (void)LibCrypto::instance().final(evp, reinterpret_cast<unsigned char *>(out.data()), &size);
            break;
        }
        case Backend::Nettle:
#ifdef PEERLINK_HAVE_NETTLE
            sha256_digest(&nettle, Size, reinterpret_cast<uint8_t *>(out.data()));
#endif
            break;
        case Backend::Qt:
            out = qt.result();
            break;
        }
        reset();
        return out;
    }
};

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
    switch (backendInUse()) {
    case Backend::OpenSsl:
        return "openssl";
    case Backend::Nettle:
        return "nettle";
    case Backend::Qt:
        break;
    }
    return "qt";
}

} // namespace Peerlink
