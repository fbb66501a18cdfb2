#include "ui/adapters/CoreTransferSource.h"

#include "core/transfer/TransferService.h"

namespace Peerlink {

CoreTransferSource::CoreTransferSource(TransferService &transfers, QObject *parent)
    : TransferSource(parent)
    , m_transfers(transfers)
{
    connect(&transfers, &TransferService::transferAdded, this, &TransferSource::transferAdded);
    connect(&transfers, &TransferService::offerReceived, this, &TransferSource::offerReceived);
    connect(&transfers, &TransferService::transferChanged, this, &TransferSource::transferChanged);
    connect(&transfers, &TransferService::finished, this, &TransferSource::transferChanged);
}

bool CoreTransferSource::sendFiles(const QString &bareJid, const QStringList &paths, QString *error)
{
    return m_transfers.sendFiles(bareJid, paths, error);
}

bool CoreTransferSource::accept(const QString &id, const QString &saveAs, QString *error)
{
    return m_transfers.accept(id, saveAs, error);
}

bool CoreTransferSource::decline(const QString &id, QString *error)
{
    return m_transfers.decline(id, error);
}

bool CoreTransferSource::pause(const QString &id, QString *error)
{
    return m_transfers.pause(id, error);
}

bool CoreTransferSource::resume(const QString &id, QString *error)
{
    return m_transfers.resume(id, error);
}

bool CoreTransferSource::cancel(const QString &id, QString *error)
{
    return m_transfers.cancel(id, error);
}

bool CoreTransferSource::forget(const QString &id)
{
    if (!m_transfers.forget(id))
        return false;
    Q_EMIT transferRemoved(id);
    return true;
}

QList<Transfer> CoreTransferSource::transfers() const
{
    return m_transfers.transfers();
}

std::optional<Transfer> CoreTransferSource::transfer(const QString &id) const
{
    return m_transfers.transfer(id);
}

TransferSettings CoreTransferSource::settings() const
{
    return m_transfers.settings();
}

void CoreTransferSource::setSettings(const TransferSettings &settings)
{
    m_transfers.setSettings(settings);
}

} // namespace Peerlink
