// Small RAII helpers around GnuTLS handles, private to core/channel.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace Peerlink::Gnutls {

struct CertificateDeleter
{
    void operator()(gnutls_x509_crt_t crt) const { gnutls_x509_crt_deinit(crt); }
};
struct PrivateKeyDeleter
{
    void operator()(gnutls_x509_privkey_t key) const { gnutls_x509_privkey_deinit(key); }
};
struct CredentialsDeleter
{
    void operator()(gnutls_certificate_credentials_t cred) const { gnutls_certificate_free_credentials(cred); }
};
struct SessionDeleter
{
    void operator()(gnutls_session_t session) const { gnutls_deinit(session); }
};

using Certificate = std::unique_ptr<std::remove_pointer_t<gnutls_x509_crt_t>, CertificateDeleter>;
using PrivateKey = std::unique_ptr<std::remove_pointer_t<gnutls_x509_privkey_t>, PrivateKeyDeleter>;
using Credentials = std::unique_ptr<std::remove_pointer_t<gnutls_certificate_credentials_t>, CredentialsDeleter>;
using Session = std::unique_ptr<std::remove_pointer_t<gnutls_session_t>, SessionDeleter>;

// A datum GnuTLS allocated; freed with gnutls_free.
class Datum
{
public:
    Datum() = default;
    ~Datum() { gnutls_free(datum.data); }
    Datum(const Datum &) = delete;
    Datum &operator=(const Datum &) = delete;

    gnutls_datum_t *operator&() { return &datum; }
    QByteArray toByteArray() const
    {
        return QByteArray(reinterpret_cast<const char *>(datum.data), qsizetype(datum.size));
    }

private:
    gnutls_datum_t datum { nullptr, 0 };
};

// A datum viewing (not owning) a QByteArray.
inline gnutls_datum_t view(const QByteArray &data)
{
    return gnutls_datum_t { reinterpret_cast<unsigned char *>(const_cast<char *>(data.constData())),
                            static_cast<unsigned int>(data.size()) };
}

inline QString errorText(int code)
{
    return QString::fromUtf8(gnutls_strerror(code));
}

} // namespace Peerlink::Gnutls
