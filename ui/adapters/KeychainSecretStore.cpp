#include "ui/adapters/KeychainSecretStore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace Peerlink {

namespace {
SecretStore::Result resultOf(const QKeychain::Job &job)
{
    SecretStore::Result result;
    result.ok = job.error() == QKeychain::NoError;
    result.notFound = job.error() == QKeychain::EntryNotFound;
    if (!result.ok) {
        switch (job.error()) {
        case QKeychain::EntryNotFound:
            result.error = KeychainSecretStore::tr("Nothing is stored for this account yet.");
            break;
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            result.error
                = KeychainSecretStore::tr("The system password store refused access (%1). Unlock it and try again.")
                      .arg(job.errorString());
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            result.error
                = KeychainSecretStore::tr("No system password store is available (%1). Start GNOME Keyring, KWallet or "
                                          "KeePassXC to have your password remembered.")
                      .arg(job.errorString());
            break;
        default:
            result.error = KeychainSecretStore::tr("The system password store failed: %1").arg(job.errorString());
            break;
        }
    }
    return result;
}

void run(QKeychain::Job *job, const QString &key, QObject *context, SecretStore::Callback done, bool readsSecret)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(key);
    QObject::connect(
        job, &QKeychain::Job::finished, job,
        [guard = QPointer<QObject>(context), done = std::move(done), readsSecret](QKeychain::Job *finished) {
            SecretStore::Result result = resultOf(*finished);
            if (result.ok && readsSecret)
                result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            if (guard && done)
                done(result);
        });
    job->start();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{ }

bool KeychainSecretStore::isAvailable() const
{
    return QKeychain::isAvailable();
}

QString KeychainSecretStore::unavailableReason() const
{
    if (isAvailable())
        return {};
    return tr("No system password store is available (no Secret Service such as GNOME Keyring, KWallet or "
              "KeePassXC is running). Peerlink does not save your password in a file: you will be asked for "
              "it each time you start Peerlink.");
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    run(new QKeychain::ReadPasswordJob(m_service, this), key, context, std::move(done), true);
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(secret);
    run(job, key, context, std::move(done), false);
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    run(new QKeychain::DeletePasswordJob(m_service, this), key, context, std::move(done), false);
}

} // namespace Peerlink
