#include "ui/ConnectButton.h"

#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/Spinner.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QStyle>

namespace Peerlink {

namespace {
QColor stateColor(const QString &state, const QPalette &palette)
{
    if (state == u"direct" || state == u"upnp")
        return QColor(0x1a, 0x7f, 0x37);
    if (state == u"relayed")
        return QColor(0x9a, 0x67, 0x00);
    if (state == u"failed")
        return QColor(0xcf, 0x22, 0x2e);
    return palette.color(QPalette::ButtonText);
}
} // namespace

ConnectButton::ConnectButton(QWidget *parent)
    : QPushButton(parent)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("connectButton"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoDefault(false);
    m_detailsAction = m_menu->addAction(Icons::icon(QStringLiteral("info")), tr("Connection details…"), this,
                                        &ConnectButton::detailsRequested);
    m_disconnectAction = m_menu->addAction(Icons::icon(QStringLiteral("disconnect")), tr("Disconnect"), this,
                                           &ConnectButton::disconnectRequested);
    m_spinTimer.setInterval(60);
    connect(&m_spinTimer, &QTimer::timeout, this, [this] {
        m_angle = (m_angle + 30) % 360;
        setIcon(QIcon(Spinner::frame(16, devicePixelRatioF(), m_angle, palette().color(QPalette::Highlight))));
    });
    connect(this, &QPushButton::clicked, this, &ConnectButton::onClicked);
    updateLook();
}

QString ConnectButton::stateName() const
{
    switch (m_info.state) {
    case ConnectionInfo::State::Idle:
        return QStringLiteral("idle");
    case ConnectionInfo::State::Connecting:
        return QStringLiteral("connecting");
    case ConnectionInfo::State::Connected:
        switch (m_info.route) {
        case ConnectionInfo::Route::Relayed:
            return QStringLiteral("relayed");
        case ConnectionInfo::Route::Upnp:
            return QStringLiteral("upnp");
        default:
            return QStringLiteral("direct");
        }
    case ConnectionInfo::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

void ConnectButton::setConnection(const ConnectionInfo &info, const QString &contactName, bool contactOnline)
{
    m_info = info;
    m_contactName = contactName;
    m_online = contactOnline;
    updateLook();
}

void ConnectButton::updateLook()
{
    const QString state = stateName();
    setProperty("connectionState", state);
    setText(Format::connectButtonText(m_info));
    const bool active = m_info.isActive();
    m_detailsAction->setVisible(m_info.state == ConnectionInfo::State::Connected);
    m_disconnectAction->setText(m_info.state == ConnectionInfo::State::Connecting ? tr("Cancel") : tr("Disconnect"));
    setEnabled(active || m_online);

    if (m_info.state == ConnectionInfo::State::Connecting) {
        if (!m_spinTimer.isActive()) {
            m_spinTimer.start();
            setIcon(QIcon(Spinner::frame(16, devicePixelRatioF(), m_angle, palette().color(QPalette::Highlight))));
        }
    } else {
        m_spinTimer.stop();
        const QColor color = stateColor(state, palette());
        if (m_info.state == ConnectionInfo::State::Failed)
            setIcon(Icons::icon(QStringLiteral("retry"), color));
        else if (m_info.state == ConnectionInfo::State::Connected)
            setIcon(Icons::icon(QStringLiteral("lock"), color));
        else
            setIcon(Icons::icon(QStringLiteral("connect")));
    }

    QString description;
    if (!m_online && !active)
        description = tr("%1 is offline. You can connect when they are online.").arg(m_contactName);
    else
        description = Format::connectionSummary(m_info, m_contactName);
    setToolTip(description);
    setAccessibleDescription(description);
    switch (m_info.state) {
    case ConnectionInfo::State::Idle:
        setAccessibleName(tr("Connect to %1").arg(m_contactName));
        break;
    case ConnectionInfo::State::Connecting:
        setAccessibleName(tr("Connecting to %1").arg(m_contactName));
        break;
    case ConnectionInfo::State::Connected:
        setAccessibleName(tr("Connected to %1: %2").arg(m_contactName, text()));
        break;
    case ConnectionInfo::State::Failed:
        setAccessibleName(tr("Retry connecting to %1").arg(m_contactName));
        break;
    }
    QPalette pal = palette();
    pal.setColor(QPalette::ButtonText, stateColor(state, QApplication::palette()));
    setPalette(pal);
    style()->unpolish(this);
    style()->polish(this);
    updateGeometry();
}

void ConnectButton::onClicked()
{
    if (m_info.isActive()) {
        m_menu->popup(mapToGlobal(QPoint(0, height())));
        return;
    }
    Q_EMIT connectRequested();
}

QSize ConnectButton::sizeHint() const
{
    QSize hint = QPushButton::sizeHint();
    hint.setWidth(qMax(hint.width(), 96));
    return hint;
}

void ConnectButton::changeEvent(QEvent *event)
{
    QPushButton::changeEvent(event);
    if (event->type() == QEvent::EnabledChange && !isEnabled())
        m_spinTimer.stop();
}

} // namespace Peerlink
