#include "ui/ContactRow.h"

#include "ui/Avatar.h"
#include "ui/ConnectButton.h"
#include "ui/ElidedLabel.h"
#include "ui/FileDrop.h"
#include "ui/Format.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QStyle>
#include <QVBoxLayout>

namespace Peerlink {

namespace {
constexpr int AvatarSize = 40;
}

ContactRow::ContactRow(const RosterContact &contact, QWidget *parent)
    : QFrame(parent)
    , m_contact(contact)
    , m_avatar(new QLabel(this))
    , m_name(new ElidedLabel(this))
    , m_badge(new QLabel(this))
    , m_status(new ElidedLabel(this))
    , m_button(new ConnectButton(this))
{
    setObjectName(QStringLiteral("contactRow"));
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    setAttribute(Qt::WA_Hover);
    setAutoFillBackground(false);

    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    m_name->setObjectName(QStringLiteral("contactName"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_badge->setObjectName(QStringLiteral("unreadBadge"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->hide();
    m_status->setObjectName(QStringLiteral("contactStatus"));

    auto *nameLine = new QHBoxLayout;
    nameLine->setSpacing(6);
    nameLine->addWidget(m_name, 1);
    nameLine->addWidget(m_badge);
    auto *text = new QVBoxLayout;
    text->setSpacing(1);
    text->addStretch();
    text->addLayout(nameLine);
    text->addWidget(m_status);
    text->addStretch();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 8, 6);
    layout->setSpacing(10);
    layout->addWidget(m_avatar);
    layout->addLayout(text, 1);
    layout->addWidget(m_button);

    connect(m_button, &ConnectButton::connectRequested, this, [this] { Q_EMIT connectRequested(jid()); });
    connect(m_button, &ConnectButton::disconnectRequested, this, [this] { Q_EMIT disconnectRequested(jid()); });
    connect(m_button, &ConnectButton::detailsRequested, this, [this] { Q_EMIT detailsRequested(jid()); });
    setHighlight(QString());
    refresh();
}

QString ContactRow::displayName() const
{
    return Format::displayName(m_contact);
}

void ContactRow::setContact(const RosterContact &contact)
{
    m_contact = contact;
    refresh();
}

void ContactRow::setConnection(const ConnectionInfo &info)
{
    m_connection = info;
    refresh();
}

void ContactRow::setUnread(int count)
{
    m_unread = count;
    refresh();
}

void ContactRow::setTyping(bool typing)
{
    m_typing = typing;
    refresh();
}

void ContactRow::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    setHighlight(QString());
}

void ContactRow::setHighlight(const QString &kind)
{
    setProperty("selected", m_selected);
    setProperty("dropTarget", kind == u"drop");
    style()->unpolish(this);
    style()->polish(this);
    update();
}

QString ContactRow::statusText() const
{
    return m_status->text();
}

void ContactRow::refresh()
{
    const QString name = displayName();
    m_avatar->setPixmap(Avatar::pixmap(name, m_contact.bareJid, AvatarSize, devicePixelRatioF(),
                                       Format::availabilityColor(m_contact.availability)));
    m_name->setText(name);
    m_badge->setVisible(m_unread > 0);
    m_badge->setText(m_unread > 99 ? QStringLiteral("99+") : QString::number(m_unread));

    QString status;
    QString statusKind;
    if (m_connection.state == ConnectionInfo::State::Failed) {
        status = Format::connectionSummary(m_connection, name);
        statusKind = QStringLiteral("error");
    } else if (m_typing) {
        status = tr("typing…");
        statusKind = QStringLiteral("typing");
    } else if (m_connection.state == ConnectionInfo::State::Connecting) {
        status = Format::phase(m_connection.phase, name);
    } else {
        status = Format::presence(m_contact);
    }
    m_status->setText(status);
    m_status->setProperty("kind", statusKind);
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
    m_button->setConnection(m_connection, name, m_contact.isOnline());

    QString accessible = tr("%1, %2").arg(name, Format::presence(m_contact));
    if (m_unread > 0)
        accessible += QStringLiteral(", ") + tr("%n unread message(s)", nullptr, m_unread);
    if (statusKind == u"error" || m_connection.state != ConnectionInfo::State::Idle)
        accessible += QStringLiteral(", ") + Format::connectionSummary(m_connection, name);
    setAccessibleName(accessible);
    setAccessibleDescription(tr("Press Enter to open the conversation. Drop files here to send them to %1.").arg(name));
    setToolTip(m_contact.bareJid);
}

void ContactRow::mousePressEvent(QMouseEvent *event)
{
    QFrame::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    Q_EMIT activated(jid());
}

void ContactRow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        Q_EMIT activated(jid());
        return;
    default:
        QFrame::keyPressEvent(event);
    }
}

void ContactRow::contextMenuEvent(QContextMenuEvent *event)
{
    Q_EMIT contextMenuRequested(jid(), event->globalPos());
}

void ContactRow::dragEnterEvent(QDragEnterEvent *event)
{
    if (FileDrop::localPaths(event->mimeData()).isEmpty())
        return;
    event->acceptProposedAction();
    setHighlight(QStringLiteral("drop"));
}

void ContactRow::dragLeaveEvent(QDragLeaveEvent *event)
{
    QFrame::dragLeaveEvent(event);
    setHighlight(QString());
}

void ContactRow::dropEvent(QDropEvent *event)
{
    setHighlight(QString());
    const QStringList paths = FileDrop::localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT filesDropped(jid(), paths);
}

void ContactRow::focusInEvent(QFocusEvent *event)
{
    QFrame::focusInEvent(event);
    setProperty("focused", true);
    setHighlight(QString());
}

void ContactRow::focusOutEvent(QFocusEvent *event)
{
    QFrame::focusOutEvent(event);
    setProperty("focused", false);
    setHighlight(QString());
}

void ContactRow::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        refresh();
}

} // namespace Peerlink
