#include "ui/ConnectionDetailsDialog.h"

#include "core/channel/DeviceIdentity.h"
#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/Sparkline.h"
#include "ui/backend/ConnectionController.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Peerlink {

namespace {
QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setFocusPolicy(Qt::TabFocus);
    return label;
}

QString yesNo(bool value)
{
    return value ? ConnectionDetailsDialog::tr("Yes") : ConnectionDetailsDialog::tr("No");
}
} // namespace

ConnectionDetailsDialog::ConnectionDetailsDialog(ConnectionController *connections, const QString &jid,
                                                 const QString &contactName, QWidget *parent)
    : QDialog(parent)
    , m_connections(connections)
    , m_jid(jid)
    , m_name(contactName)
    , m_summary(new QLabel(this))
    , m_route(valueLabel(QStringLiteral("route"), this))
    , m_local(valueLabel(QStringLiteral("localAddress"), this))
    , m_remote(valueLabel(QStringLiteral("remoteAddress"), this))
    , m_rtt(valueLabel(QStringLiteral("rtt"), this))
    , m_turn(valueLabel(QStringLiteral("turnInUse"), this))
    , m_upnp(valueLabel(QStringLiteral("upnpInUse"), this))
    , m_connectTime(valueLabel(QStringLiteral("connectTime"), this))
    , m_fingerprint(valueLabel(QStringLiteral("fingerprint"), this))
    , m_rttGraph(new Sparkline(tr("Round trip time"), this))
    , m_throughputGraph(new Sparkline(tr("Throughput"), this))
    , m_candidates(new QTableWidget(this))
{
    setObjectName(QStringLiteral("connectionDetails"));
    setWindowTitle(tr("Connection with %1").arg(contactName));
    setAttribute(Qt::WA_DeleteOnClose);

    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Route:"), m_route);
    form->addRow(tr("This device:"), m_local);
    form->addRow(tr("%1's device:").arg(contactName), m_remote);
    form->addRow(tr("Round trip:"), m_rtt);
    form->addRow(tr("Relay (TURN) in use:"), m_turn);
    form->addRow(tr("Router port (UPnP) in use:"), m_upnp);
    form->addRow(tr("Time to connect:"), m_connectTime);
    form->addRow(tr("Device fingerprint:"), m_fingerprint);
    for (int row = 0; row < form->rowCount(); ++row) {
        auto *label = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)->widget());
        QWidget *field = form->itemAt(row, QFormLayout::FieldRole)->widget();
        if (label && field) {
            label->setBuddy(field);
            field->setAccessibleName(label->text().chopped(1));
        }
    }

    m_rttGraph->setFormatter([](double ms) { return Format::rtt(int(std::lround(ms))); });
    m_throughputGraph->setSeries(tr("received"), tr("sent"));
    m_throughputGraph->setFormatter([](double bps) { return Format::speed(bps); });
    auto *graphs = new QHBoxLayout;
    graphs->addWidget(m_rttGraph);
    graphs->addWidget(m_throughputGraph);

    m_candidates->setObjectName(QStringLiteral("candidates"));
    m_candidates->setAccessibleName(tr("Candidates gathered by this device"));
    m_candidates->setColumnCount(5);
    m_candidates->setHorizontalHeaderLabels(
        { tr("In use"), tr("Kind"), tr("Address"), tr("Transport"), tr("Priority") });
    m_candidates->verticalHeader()->hide();
    m_candidates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_candidates->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_candidates->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setStretchLastSection(true);
    m_candidates->setMinimumHeight(140);
    auto *candidateBox = new QGroupBox(tr("Candidates gathered by this device"), this);
    auto *candidateLayout = new QVBoxLayout(candidateBox);
    candidateLayout->addWidget(m_candidates);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setDefault(true);
    close->setFocus();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addLayout(graphs);
    layout->addWidget(candidateBox, 1);
    layout->addWidget(buttons);
    resize(640, 620);

    connect(connections, &ConnectionController::connectionChanged, this, [this](const QString &changed) {
        if (changed == m_jid)
            refresh();
    });
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { sample(m_connections->connection(m_jid)); });
    m_timer.start();
    refresh();
    sample(m_connections->connection(m_jid));
}

QString ConnectionDetailsDialog::fieldText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

void ConnectionDetailsDialog::refresh()
{
    const ConnectionInfo info = m_connections->connection(m_jid);
    m_summary->setText(Format::connectionSummary(info, m_name));
    const bool connected = info.state == ConnectionInfo::State::Connected;
    m_route->setText(connected ? Format::route(info.route) : QStringLiteral("–"));
    if (info.hasPath) {
        m_local->setText(tr("%1 · %2 · %3")
                             .arg(Format::candidateAddress(info.pathLocal), Format::candidateType(info.pathLocal.type),
                                  Format::candidateTransport(info.pathLocal)));
        m_remote->setText(tr("%1 · %2 · %3")
                              .arg(Format::candidateAddress(info.pathRemote),
                                   Format::candidateType(info.pathRemote.type),
                                   Format::candidateTransport(info.pathRemote)));
    } else {
        m_local->setText(tr("No path selected yet"));
        m_remote->setText(QStringLiteral("–"));
    }
    m_rtt->setText(info.rttMs >= 0 ? Format::rtt(info.rttMs) : tr("Not measured yet"));
    m_turn->setText(
        info.route == ConnectionInfo::Route::Relayed
            ? tr("Yes, the connection runs through the relay")
            : (info.turnInUse() ? tr("Allocated as a fallback, not carrying the connection") : yesNo(false)));
    m_upnp->setText(info.route == ConnectionInfo::Route::Upnp
                        ? tr("Yes, the connection runs through the mapped port")
                        : (info.upnpInUse() ? tr("A port is mapped, not carrying the connection") : yesNo(false)));
    m_connectTime->setText(info.connectMs >= 0 ? tr("%1 ms").arg(info.connectMs) : QStringLiteral("–"));
    m_fingerprint->setText(info.peerFingerprint.isEmpty() ? QStringLiteral("–")
                                                          : DeviceIdentity::formatFingerprint(info.peerFingerprint));

    const bool sameTable = info.localCandidates == m_shownCandidates && info.hasPath == m_shownHasPath
        && (!info.hasPath || info.pathLocal == m_shownPathLocal);
    if (sameTable)
        return;
    m_shownCandidates = info.localCandidates;
    m_shownHasPath = info.hasPath;
    m_shownPathLocal = info.pathLocal;
    // The candidate in use first, then in the order they were gathered.
    const auto isInUse = [&info](const IceCandidate &candidate) {
        return info.hasPath && candidate.address == info.pathLocal.address && candidate.port == info.pathLocal.port
            && candidate.type == info.pathLocal.type && candidate.transport == info.pathLocal.transport;
    };
    IceCandidates candidates = info.localCandidates;
    std::stable_partition(candidates.begin(), candidates.end(), isInUse);
    m_candidates->setRowCount(int(candidates.size()));
    for (int row = 0; row < candidates.size(); ++row) {
        const IceCandidate &candidate = candidates[row];
        const bool inUse = isInUse(candidate);
        const QStringList cells { inUse ? QStringLiteral("✓") : QString(), Format::candidateType(candidate.type),
                                  Format::candidateAddress(candidate), Format::candidateTransport(candidate),
                                  QString::number(candidate.priority) };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (inUse) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            if (column == 0)
                item->setData(Qt::AccessibleTextRole, inUse ? tr("in use") : tr("not in use"));
            m_candidates->setItem(row, column, item);
        }
    }
}

void ConnectionDetailsDialog::sample(const ConnectionInfo &info)
{
    const bool connected = info.state == ConnectionInfo::State::Connected;
    m_rttGraph->addSample(connected && info.rttMs >= 0 ? double(info.rttMs) : std::nan(""));
    if (connected && m_haveBytes && m_sinceSample.isValid() && m_sinceSample.elapsed() > 0) {
        const double seconds = double(m_sinceSample.elapsed()) / 1000.0;
        const double received = double(info.bytesReceived >= m_lastReceived ? info.bytesReceived - m_lastReceived : 0);
        const double sent = double(info.bytesSent >= m_lastSent ? info.bytesSent - m_lastSent : 0);
        m_throughputGraph->addSample(received / seconds, sent / seconds);
    } else {
        m_throughputGraph->addSample(connected ? 0 : std::nan(""), connected ? 0 : std::nan(""));
    }
    m_lastReceived = info.bytesReceived;
    m_lastSent = info.bytesSent;
    m_haveBytes = connected;
    m_sinceSample.restart();
    refresh();
}

} // namespace Peerlink
