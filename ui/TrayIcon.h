// TrayIcon: Peerlink in the system tray: the app icon with the number of unread messages,
// desktop notifications for messages and file offers, a menu to show the window or quit.
// Does nothing where the desktop has no tray.
#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QSystemTrayIcon;

namespace Peerlink {

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const;
    void setUnread(int count);
    int unread() const { return m_unread; }
    void notify(const QString &title, const QString &text);
    // What the last notification said (also where no tray exists), for tests.
    QString lastNotification() const { return m_lastNotification; }

Q_SIGNALS:
    void showRequested();
    void quitRequested();
    void notificationClicked();

private:
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    int m_unread = 0;
    QString m_lastNotification;
};

} // namespace Peerlink
