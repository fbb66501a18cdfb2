#include "ui/OfferDialog.h"

#include "ui/FileChooser.h"
#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/TransfersPanel.h"
#include "ui/backend/TransferSource.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QVBoxLayout>

namespace Peerlink {

OfferDialog::OfferDialog(TransferSource *source, const QString &jid, const QString &contactName, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_jid(jid)
    , m_contactName(contactName)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("offerDialog"));
    setWindowTitle(tr("Files from %1").arg(contactName));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *icon = new QLabel(this);
    icon->setPixmap(
        Icons::pixmap(QStringLiteral("download"), 40, devicePixelRatioF(), palette().color(QPalette::Highlight)));
    icon->setAlignment(Qt::AlignTop);
    m_title->setObjectName(QStringLiteral("offerTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_details->setObjectName(QStringLiteral("offerDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_list->setObjectName(QStringLiteral("offerList"));
    m_list->setAccessibleName(tr("Offered files"));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setMaximumHeight(160);

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(tr("Accept"), QDialogButtonBox::AcceptRole);
    m_saveAs = buttons->addButton(tr("Save as…"), QDialogButtonBox::ActionRole);
    m_decline = buttons->addButton(tr("Decline"), QDialogButtonBox::RejectRole);
    m_accept->setObjectName(QStringLiteral("offerAccept"));
    m_saveAs->setObjectName(QStringLiteral("offerSaveAs"));
    m_decline->setObjectName(QStringLiteral("offerDecline"));
    m_accept->setDefault(true);
    m_accept->setIcon(Icons::icon(QStringLiteral("check")));
    m_saveAs->setIcon(Icons::icon(QStringLiteral("folder")));
    m_decline->setIcon(Icons::icon(QStringLiteral("cancel")));
    // The buttons act themselves; Escape only closes the dialog (the offers stay open).
    disconnect(buttons, nullptr, this, nullptr);
    connect(m_accept, &QPushButton::clicked, this, &OfferDialog::acceptAll);
    connect(m_saveAs, &QPushButton::clicked, this, &OfferDialog::saveAs);
    connect(m_decline, &QPushButton::clicked, this, &OfferDialog::declineAll);

    auto *text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_details);
    text->addWidget(m_list);
    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(14);
    layout->addLayout(top);
    layout->addWidget(buttons);

    connect(source, &TransferSource::transferChanged, this, &OfferDialog::onTransferChanged);
    connect(source, &TransferSource::transferRemoved, this, [this](const QString &id) {
        Transfer gone;
        gone.id = id;
        gone.state = Transfer::State::Cancelled;
        onTransferChanged(gone);
    });
    setMinimumWidth(480);
}

void OfferDialog::addOffer(const Transfer &transfer)
{
    for (const Transfer &offer : std::as_const(m_offers)) {
        if (offer.id == transfer.id)
            return;
    }
    m_offers.append(transfer);
    refresh();
}

QStringList OfferDialog::offerIds() const
{
    QStringList ids;
    for (const Transfer &offer : m_offers)
        ids.append(offer.id);
    return ids;
}

QString OfferDialog::headline() const
{
    return m_title->text();
}

void OfferDialog::refresh()
{
    qint64 total = 0;
    for (const Transfer &offer : std::as_const(m_offers))
        total += offer.size;
    if (m_offers.size() == 1) {
        const Transfer &offer = m_offers.first();
        m_title->setText(tr("%1 wants to send you “%2”").arg(m_contactName, offer.name));
        QStringList facts { Format::bytes(offer.size) };
        const QMimeType type = QMimeDatabase().mimeTypeForName(offer.mediaType);
        if (type.isValid() && !type.isDefault())
            facts.append(type.comment());
        if (offer.modified.isValid())
            facts.append(tr("modified %1").arg(QLocale().toString(offer.modified.toLocalTime(), QLocale::ShortFormat)));
        m_details->setText(facts.join(QStringLiteral(" · ")));
        m_list->hide();
    } else {
        m_title->setText(tr("%1 wants to send you %n file(s)", nullptr, int(m_offers.size())).arg(m_contactName));
        m_details->setText(tr("%1 in total").arg(Format::bytes(total)));
        m_list->clear();
        for (const Transfer &offer : std::as_const(m_offers))
            m_list->addItem(tr("%1 (%2)").arg(offer.name, Format::bytes(offer.size)));
        m_list->show();
    }
    m_title->setAccessibleName(m_title->text());
    m_details->setAccessibleName(m_details->text());
    m_accept->setAccessibleDescription(tr("Save into your download folder"));
    m_saveAs->setAccessibleDescription(m_offers.size() == 1 ? tr("Choose where to save the file")
                                                            : tr("Choose a folder for the files"));
    adjustSize();
}

void OfferDialog::onTransferChanged(const Transfer &transfer)
{
    for (qsizetype i = 0; i < m_offers.size(); ++i) {
        if (m_offers[i].id == transfer.id) {
            if (transfer.state == Transfer::State::Offered)
                return;
            m_offers.removeAt(i);
            if (m_offers.isEmpty())
                close();
            else
                refresh();
            return;
        }
    }
}

void OfferDialog::acceptAll()
{
    const QList<Transfer> offers = m_offers;
    for (const Transfer &offer : offers) {
        QString error;
        if (!m_source->accept(offer.id, QString(), &error)) {
            Q_EMIT errorOccurred(error);
            return; // the dialog stays: the user may choose another place
        }
    }
    close();
}

void OfferDialog::saveAs()
{
    const QList<Transfer> offers = m_offers;
    if (offers.size() == 1) {
        QString error;
        if (TransfersPanel::acceptAs(m_source, offers.first(), this, &error)) {
            close();
        } else if (!error.isEmpty()) {
            Q_EMIT errorOccurred(error);
        }
        return;
    }
    const QString start = m_source->settings().downloadDir;
    const QString folder = FileChooser::folder(this, tr("Save the files from %1 in").arg(m_contactName), start);
    if (folder.isEmpty())
        return;
    for (const Transfer &offer : offers) {
        const QString path = QDir(folder).filePath(offer.name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QString error;
        if (!m_source->accept(offer.id, path, &error)) {
            Q_EMIT errorOccurred(error);
            return;
        }
    }
    close();
}

void OfferDialog::declineAll()
{
    const QList<Transfer> offers = m_offers;
    for (const Transfer &offer : offers) {
        QString error;
        if (!m_source->decline(offer.id, &error))
            Q_EMIT errorOccurred(error);
    }
    close();
}

} // namespace Peerlink
