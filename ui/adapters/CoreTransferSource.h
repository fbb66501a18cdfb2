// CoreTransferSource: the TransferSource of the real engine, over core/transfer TransferService.
#pragma once

#include "ui/backend/TransferSource.h"

namespace Peerlink {

class TransferService;

class CoreTransferSource : public TransferSource
{
    Q_OBJECT
public:
    // transfers must outlive this object.
    explicit CoreTransferSource(TransferService &transfers, QObject *parent = nullptr);

    bool sendFiles(const QString &bareJid, const QStringList &paths, QString *error) override;
    bool accept(const QString &id, const QString &saveAs, QString *error) override;
    bool decline(const QString &id, QString *error) override;
    bool pause(const QString &id, QString *error) override;
    bool resume(const QString &id, QString *error) override;
    bool cancel(const QString &id, QString *error) override;
    bool forget(const QString &id) override;
    QList<Transfer> transfers() const override;
    std::optional<Transfer> transfer(const QString &id) const override;
    TransferSettings settings() const override;
    void setSettings(const TransferSettings &settings) override;

private:
    TransferService &m_transfers;
};

} // namespace Peerlink
