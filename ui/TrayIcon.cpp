#include "ui/TrayIcon.h"

#include "ui/Icons.h"

#include <QMenu>
#include <QSystemTrayIcon>

namespace Peerlink {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(Icons::appIcon(), this);
    m_menu = new QMenu;
    m_menu->addAction(tr("Show Peerlink"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    m_tray->setToolTip(tr("Peerlink"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::notificationClicked);
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::isAvailable() const
{
    return m_tray && m_tray->isVisible();
}

void TrayIcon::setUnread(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    if (!m_tray)
        return;
    m_tray->setIcon(Icons::appIcon(count));
    m_tray->setToolTip(count > 0 ? tr("Peerlink: %n unread message(s)", nullptr, count) : tr("Peerlink"));
}

void TrayIcon::notify(const QString &title, const QString &text)
{
    m_lastNotification = title + u'\n' + text;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, Icons::appIcon(), 6000);
}

} // namespace Peerlink
