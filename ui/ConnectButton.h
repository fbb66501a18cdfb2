// ConnectButton: the per-contact button that starts a peer-to-peer connection and shows its
// state: "Connect" (idle), a spinner while connecting, the route and RTT once connected
// (direct, through UPnP, relayed), "Retry" with the reason after a failure. While connecting
// or connected it opens a menu (details, disconnect).
#pragma once

#include "ui/backend/ConnectionInfo.h"

#include <QPushButton>
#include <QTimer>

class QMenu;

namespace Peerlink {

class ConnectButton : public QPushButton
{
    Q_OBJECT
public:
    explicit ConnectButton(QWidget *parent = nullptr);

    void setConnection(const ConnectionInfo &info, const QString &contactName, bool contactOnline);
    ConnectionInfo connection() const { return m_info; }
    // "idle", "connecting", "direct", "upnp", "relayed", "failed": also the "connectionState"
    // property, for style sheets and tests.
    QString stateName() const;
    bool isSpinning() const { return m_spinTimer.isActive(); }

    QSize sizeHint() const override;

Q_SIGNALS:
    void connectRequested();
    void disconnectRequested();
    void detailsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateLook();
    void onClicked();

    ConnectionInfo m_info;
    QString m_contactName;
    bool m_online = false;
    QMenu *m_menu;
    QAction *m_detailsAction;
    QAction *m_disconnectAction;
    QTimer m_spinTimer;
    int m_angle = 0;
};

} // namespace Peerlink
