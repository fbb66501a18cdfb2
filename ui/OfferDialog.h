// OfferDialog: a contact offers files: what they are (name, size, type) and the answer:
// accept into the download folder, save as (a file, or a folder for several files), decline.
// One dialog per contact collects that contact's pending offers; closing it leaves them open
// in the transfers panel.
#pragma once

#include "core/transfer/Transfer.h"

#include <QDialog>
#include <QList>

class QLabel;
class QListWidget;
class QPushButton;

namespace Peerlink {

class TransferSource;

class OfferDialog : public QDialog
{
    Q_OBJECT
public:
    OfferDialog(TransferSource *source, const QString &jid, const QString &contactName, QWidget *parent = nullptr);

    QString jid() const { return m_jid; }
    void addOffer(const Transfer &transfer);
    QStringList offerIds() const;
    QString headline() const;

    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *saveAsButton() const { return m_saveAs; }
    QPushButton *declineButton() const { return m_decline; }

Q_SIGNALS:
    void errorOccurred(const QString &text);

private:
    void refresh();
    void onTransferChanged(const Transfer &transfer);
    void acceptAll();
    void saveAs();
    void declineAll();

    TransferSource *m_source;
    QString m_jid;
    QString m_contactName;
    QList<Transfer> m_offers;
    QLabel *m_title;
    QLabel *m_details;
    QListWidget *m_list;
    QPushButton *m_accept;
    QPushButton *m_saveAs;
    QPushButton *m_decline;
};

} // namespace Peerlink
