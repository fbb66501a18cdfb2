// TransferSource: file transfers with contacts. Qt and core value types only; CoreTransferSource
// adapts core/transfer TransferService, tests use a fake.
#pragma once

#include "core/transfer/Transfer.h"
#include "core/transfer/TransferSettings.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Peerlink {

class TransferSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Offers files and folders to a contact: one transfer per file.
    virtual bool sendFiles(const QString &bareJid, const QStringList &paths, QString *error) = 0;
    // Accepts an offer into the download folder, or at saveAs (a file path) when given.
    virtual bool accept(const QString &id, const QString &saveAs, QString *error) = 0;
    virtual bool decline(const QString &id, QString *error) = 0;
    virtual bool pause(const QString &id, QString *error) = 0;
    virtual bool resume(const QString &id, QString *error) = 0;
    virtual bool cancel(const QString &id, QString *error) = 0;
    // Removes a finished transfer from the list (the file stays).
    virtual bool forget(const QString &id) = 0;

    virtual QList<Transfer> transfers() const = 0;
    virtual std::optional<Transfer> transfer(const QString &id) const = 0;

    virtual TransferSettings settings() const = 0;
    virtual void setSettings(const TransferSettings &settings) = 0;

Q_SIGNALS:
    void transferAdded(const Peerlink::Transfer &transfer);
    // An incoming offer waits for the user.
    void offerReceived(const Peerlink::Transfer &transfer);
    void transferChanged(const Peerlink::Transfer &transfer);
    void transferRemoved(const QString &id);
};

} // namespace Peerlink
