// SecretStore: where passwords are kept, the operating system's secret store (KeychainSecretStore,
// through QtKeychain) and never a plain file. Asynchronous: the OS store may ask the user to
// unlock it. Tests use an in-memory fake.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Peerlink {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        bool notFound = false; // nothing is stored under the key
        QString secret; // read: the secret when ok
        QString error; // what failed, in plain words, when !ok
    };
    using Callback = std::function<void(const Peerlink::SecretStore::Result &)>;

    using QObject::QObject;

    // False when no secret store can be used on this system; unavailableReason() says why.
    virtual bool isAvailable() const = 0;
    virtual QString unavailableReason() const = 0;

    // Each call answers exactly once through done, on this object's thread, unless `context`
    // was destroyed first.
    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
};

} // namespace Peerlink
