#include "ui/TransfersPanel.h"

#include "ui/FileChooser.h"
#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/backend/ContactsSource.h"
#include "ui/backend/TransferSource.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

#ifdef PEERLINK_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#endif

#include <algorithm>

namespace Peerlink {

namespace {
// Asks the file manager to show the file selected (freedesktop FileManager1), else opens its folder.
void showInFolder(const QString &path, QObject *context)
{
    const QUrl folder = QUrl::fromLocalFile(QFileInfo(path).absolutePath());
#ifdef PEERLINK_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.FileManager1"), QStringLiteral("/org/freedesktop/FileManager1"),
            QStringLiteral("org.freedesktop.FileManager1"), QStringLiteral("ShowItems"));
        call.setArguments({ QStringList { QUrl::fromLocalFile(path).toString() }, QString() });
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 3000), context);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, folder] {
            if (watcher->isError())
                QDesktopServices::openUrl(folder);
            watcher->deleteLater();
        });
        return;
    }
#else
    Q_UNUSED(context)
#endif
    QDesktopServices::openUrl(folder);
}
} // namespace

TransfersPanel::TransfersPanel(const Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_summary(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear finished"), this))
    , m_container(new QWidget)
    , m_rowsLayout(new QVBoxLayout(m_container))
    , m_empty(new QLabel(tr("No transfers yet. Drop files on a contact or a conversation to send them."), m_container))
{
    setObjectName(QStringLiteral("transfersPanel"));
    m_summary->setObjectName(QStringLiteral("transfersSummary"));
    m_clear->setIcon(Icons::icon(QStringLiteral("clear")));
    m_clear->setAccessibleName(tr("Clear finished transfers"));
    m_clear->setAutoDefault(false);
    connect(m_clear, &QPushButton::clicked, this, &TransfersPanel::clearFinished);

    m_empty->setObjectName(QStringLiteral("emptyTransfers"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(12);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(0);
    m_rowsLayout->addWidget(m_empty);
    m_rowsLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("transfersScroll"));
    scroll->setWidget(m_container);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setAccessibleName(tr("Transfers"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(10, 4, 10, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(m_backend.transfers, &TransferSource::transferAdded, this, &TransfersPanel::upsert);
    connect(m_backend.transfers, &TransferSource::offerReceived, this, &TransfersPanel::upsert);
    connect(m_backend.transfers, &TransferSource::transferChanged, this, &TransfersPanel::upsert);
    connect(m_backend.transfers, &TransferSource::transferRemoved, this, &TransfersPanel::remove);
    connect(m_backend.contacts, &ContactsSource::contactsReset, this, &TransfersPanel::reload);
    reload();
}

QString TransfersPanel::contactName(const QString &jid) const
{
    const auto contact = m_backend.contacts->contact(jid);
    return contact ? Format::displayName(*contact) : Format::displayName(QString(), jid);
}

void TransfersPanel::reload()
{
    QList<Transfer> transfers = m_backend.transfers->transfers();
    std::sort(transfers.begin(), transfers.end(),
              [](const Transfer &a, const Transfer &b) { return a.created < b.created; });
    for (const Transfer &transfer : std::as_const(transfers))
        upsert(transfer);
    updateSummary();
}

QList<TransferRow *> TransfersPanel::rows() const
{
    QList<TransferRow *> result;
    for (int i = 0; i < m_rowsLayout->count(); ++i) {
        if (auto *r = qobject_cast<TransferRow *>(m_rowsLayout->itemAt(i)->widget()))
            result.append(r);
    }
    return result;
}

TransferRow *TransfersPanel::row(const QString &id) const
{
    return m_rows.value(id);
}

void TransfersPanel::upsert(const Transfer &transfer)
{
    TransferRow *r = m_rows.value(transfer.id);
    if (!r) {
        r = new TransferRow(m_container);
        m_rows.insert(transfer.id, r);
        m_rowsLayout->insertWidget(1, r); // newest first, below the "no transfers" label
        connect(r, &TransferRow::actionRequested, this, &TransfersPanel::onAction);
    }
    r->setTransfer(transfer, contactName(transfer.peer));
    updateSummary();
}

void TransfersPanel::remove(const QString &id)
{
    if (TransferRow *r = m_rows.take(id)) {
        m_rowsLayout->removeWidget(r);
        r->deleteLater();
    }
    updateSummary();
}

int TransfersPanel::activeCount() const
{
    int active = 0;
    for (const TransferRow *r : m_rows) {
        if (!r->transfer().isFinal())
            ++active;
    }
    return active;
}

QString TransfersPanel::summaryText() const
{
    return m_summary->text();
}

void TransfersPanel::updateSummary()
{
    int finished = 0;
    qint64 speed = 0;
    for (const TransferRow *r : std::as_const(m_rows)) {
        if (r->transfer().isFinal())
            ++finished;
        else if (r->transfer().state == Transfer::State::Running)
            speed += qint64(r->transfer().bytesPerSecond);
    }
    const int active = int(m_rows.size()) - finished;
    QString text;
    if (m_rows.isEmpty())
        text = tr("No transfers");
    else if (active == 0)
        text = tr("%n finished", nullptr, finished);
    else if (speed > 0)
        text = tr("%n active", nullptr, active) + QStringLiteral(" · ") + Format::speed(double(speed));
    else
        text = tr("%n active", nullptr, active);
    m_summary->setText(text);
    m_summary->setAccessibleName(text);
    m_clear->setEnabled(finished > 0);
    m_empty->setVisible(m_rows.isEmpty());
    if (active != m_active) {
        m_active = active;
        Q_EMIT activeCountChanged(active);
    }
}

bool TransfersPanel::acceptAs(TransferSource *source, const Transfer &transfer, QWidget *parent, QString *error)
{
    const QString downloads = source->settings().downloadDir;
    const QString suggestion = QDir(downloads.isEmpty() ? QDir::homePath() : downloads).filePath(transfer.name);
    const QString path = FileChooser::saveFile(parent, tr("Save “%1” as").arg(transfer.name), suggestion);
    if (path.isEmpty())
        return false; // cancelled: the offer stays open
    return source->accept(transfer.id, path, error);
}

void TransfersPanel::onAction(const QString &id, TransferRow::Action action)
{
    const auto transfer = m_backend.transfers->transfer(id);
    if (!transfer)
        return;
    QString error;
    bool ok = true;
    switch (action) {
    case TransferRow::Action::Accept:
        ok = m_backend.transfers->accept(id, QString(), &error);
        break;
    case TransferRow::Action::SaveAs:
        ok = acceptAs(m_backend.transfers, *transfer, this, &error) || error.isEmpty();
        break;
    case TransferRow::Action::Decline:
        ok = m_backend.transfers->decline(id, &error);
        break;
    case TransferRow::Action::Pause:
        ok = m_backend.transfers->pause(id, &error);
        break;
    case TransferRow::Action::Resume:
        ok = m_backend.transfers->resume(id, &error);
        break;
    case TransferRow::Action::Cancel:
        ok = m_backend.transfers->cancel(id, &error);
        break;
    case TransferRow::Action::Open:
        QDesktopServices::openUrl(QUrl::fromLocalFile(transfer->localPath));
        break;
    case TransferRow::Action::ShowInFolder:
        showInFolder(transfer->localPath, this);
        break;
    case TransferRow::Action::Remove:
        if (m_backend.transfers->forget(id))
            remove(id);
        break;
    }
    if (!ok && !error.isEmpty())
        Q_EMIT errorOccurred(error);
}

void TransfersPanel::clearFinished()
{
    const QList<QString> ids = m_rows.keys();
    for (const QString &id : ids) {
        if (m_rows.value(id)->transfer().isFinal() && m_backend.transfers->forget(id))
            remove(id);
    }
}

} // namespace Peerlink
