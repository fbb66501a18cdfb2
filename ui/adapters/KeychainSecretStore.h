// KeychainSecretStore: the SecretStore of the desktop, QtKeychain over the operating system's
// secret store (Secret Service such as GNOME Keyring or KWallet, macOS Keychain, Windows
// Credential Manager). Never falls back to a plain file: without a store, nothing is kept.
#pragma once

#include "ui/backend/SecretStore.h"

namespace Peerlink {

class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    // service groups the secrets of this application in the OS store ("Peerlink").
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    bool isAvailable() const override;
    QString unavailableReason() const override;
    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    QString m_service;
};

} // namespace Peerlink
