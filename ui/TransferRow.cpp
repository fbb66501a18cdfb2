#include "ui/TransferRow.h"

#include "ui/ElidedLabel.h"
#include "ui/Format.h"
#include "ui/Icons.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Peerlink {

TransferRow::TransferRow(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_name(new ElidedLabel(this))
    , m_status(new ElidedLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("transferRow"));
    m_icon->setFixedSize(28, 28);
    m_icon->setAlignment(Qt::AlignCenter);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setObjectName(QStringLiteral("transferName"));
    m_status->setObjectName(QStringLiteral("transferStatus"));
    m_progress->setObjectName(QStringLiteral("transferProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(6);

    auto *text = new QVBoxLayout;
    text->setSpacing(3);
    text->addWidget(m_name);
    text->addWidget(m_progress);
    text->addWidget(m_status);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 8, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
    addButton(Action::Accept, QStringLiteral("check"));
    addButton(Action::SaveAs, QStringLiteral("folder"));
    addButton(Action::Decline, QStringLiteral("cancel"));
    addButton(Action::Pause, QStringLiteral("pause"));
    addButton(Action::Resume, QStringLiteral("resume"));
    addButton(Action::Open, QStringLiteral("open"));
    addButton(Action::ShowInFolder, QStringLiteral("folder"));
    addButton(Action::Cancel, QStringLiteral("cancel"));
    addButton(Action::Remove, QStringLiteral("clear"));
    // At most three actions fit a state; a fixed-width strip keeps the progress bars aligned.
    auto *actions = new QWidget(this);
    auto *actionLayout = new QHBoxLayout(actions);
    actionLayout->setContentsMargins(0, 0, 0, 0);
    actionLayout->setSpacing(2);
    actionLayout->addStretch(1);
    for (const auto &[action, button] : std::as_const(m_buttons))
        actionLayout->addWidget(button);
    const int buttonWidth = m_buttons.first().second->sizeHint().width();
    actions->setFixedWidth(3 * buttonWidth + 2 * actionLayout->spacing());
    layout->addWidget(actions);
}

QToolButton *TransferRow::addButton(Action action, const QString &icon)
{
    auto *button = new QToolButton; // placed in the action strip by the constructor
    button->setIcon(Icons::icon(icon));
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setObjectName(QStringLiteral("transferAction%1").arg(int(action)));
    connect(button, &QToolButton::clicked, this, [this, action] { Q_EMIT actionRequested(m_transfer.id, action); });
    button->hide();
    m_buttons.append({ action, button });
    return button;
}

QToolButton *TransferRow::button(Action action) const
{
    for (const auto &[a, button] : m_buttons) {
        if (a == action)
            return button->isVisibleTo(this) ? button : nullptr;
    }
    return nullptr;
}

QString TransferRow::statusText() const
{
    return m_status->text();
}

int TransferRow::progressValue() const
{
    return m_progress->value();
}

void TransferRow::setTransfer(const Transfer &transfer, const QString &contactName)
{
    m_transfer = transfer;
    m_contactName = contactName;
    const bool incoming = transfer.direction == Transfer::Direction::Incoming;
    const QString fileName = transfer.name.section(u'/', -1);
    m_name->setText(incoming ? tr("%1 from %2").arg(transfer.name, contactName)
                             : tr("%1 to %2").arg(transfer.name, contactName));
    m_icon->setPixmap(
        Icons::pixmap(incoming ? QStringLiteral("download") : QStringLiteral("upload"), 22, devicePixelRatioF(),
                      transfer.state == Transfer::State::Failed          ? QColor(0xcf, 0x22, 0x2e)
                          : transfer.state == Transfer::State::Completed ? QColor(0x1a, 0x7f, 0x37)
                                                                         : palette().color(QPalette::Highlight)));
    m_progress->setValue(int(qBound(0.0, transfer.progress(), 1.0) * 1000));
    m_progress->setVisible(!transfer.isFinal() || transfer.state == Transfer::State::Completed);
    const QString status = Format::transferStatus(transfer, contactName);
    m_status->setText(status);
    m_status->setProperty("kind", transfer.state == Transfer::State::Failed ? QStringLiteral("error") : QString());
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);

    const auto state = transfer.state;
    const bool offeredToMe = incoming && state == Transfer::State::Offered;
    const bool canOpen = state == Transfer::State::Completed && QFileInfo::exists(transfer.localPath);
    const QList<std::pair<Action, bool>> visible {
        { Action::Accept, offeredToMe },
        { Action::SaveAs, offeredToMe },
        { Action::Decline, offeredToMe },
        { Action::Pause, state == Transfer::State::Running },
        { Action::Resume, state == Transfer::State::Paused && transfer.pausedLocally },
        { Action::Open, canOpen },
        { Action::ShowInFolder, canOpen },
        { Action::Cancel, !transfer.isFinal() && !offeredToMe && state != Transfer::State::Verifying },
        { Action::Remove, transfer.isFinal() },
    };
    for (const auto &[action, show] : visible) {
        for (const auto &[a, button] : std::as_const(m_buttons)) {
            if (a == action)
                button->setVisible(show);
        }
    }
    const QList<std::pair<Action, QString>> names {
        { Action::Accept, tr("Accept %1") },
        { Action::SaveAs, tr("Save %1 as…") },
        { Action::Decline, tr("Decline %1") },
        { Action::Pause, tr("Pause %1") },
        { Action::Resume, tr("Resume %1") },
        { Action::Open, tr("Open %1") },
        { Action::ShowInFolder, tr("Show %1 in its folder") },
        { Action::Cancel, tr("Cancel %1") },
        { Action::Remove, tr("Remove %1 from the list") },
    };
    for (const auto &[action, pattern] : names) {
        for (const auto &[a, button] : std::as_const(m_buttons)) {
            if (a == action) {
                button->setAccessibleName(pattern.arg(fileName));
                button->setToolTip(pattern.arg(fileName));
            }
        }
    }
    setAccessibleName(tr("%1: %2").arg(m_name->text(), status));
}

} // namespace Peerlink
