// ContactRow: one contact in the contact list: initials avatar with presence, name, unread
// count, a status line (presence, typing, connection progress or failure) and the Connect
// button. Files dropped on it are sent to the contact.
#pragma once

#include "core/xmpp/RosterContact.h"
#include "ui/backend/ConnectionInfo.h"

#include <QFrame>

class QLabel;

namespace Peerlink {

class ConnectButton;
class ElidedLabel;

class ContactRow : public QFrame
{
    Q_OBJECT
public:
    explicit ContactRow(const RosterContact &contact, QWidget *parent = nullptr);

    QString jid() const { return m_contact.bareJid; }
    RosterContact contact() const { return m_contact; }
    QString displayName() const;
    void setContact(const RosterContact &contact);
    void setConnection(const ConnectionInfo &info);
    void setUnread(int count);
    int unread() const { return m_unread; }
    void setTyping(bool typing);
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    ConnectButton *connectButton() const { return m_button; }
    QString statusText() const;

Q_SIGNALS:
    void activated(const QString &jid); // clicked, or Enter
    void connectRequested(const QString &jid);
    void disconnectRequested(const QString &jid);
    void detailsRequested(const QString &jid);
    void filesDropped(const QString &jid, const QStringList &paths);
    void contextMenuRequested(const QString &jid, const QPoint &globalPos);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void setHighlight(const QString &kind);

    RosterContact m_contact;
    ConnectionInfo m_connection;
    int m_unread = 0;
    bool m_typing = false;
    bool m_selected = false;
    QLabel *m_avatar;
    ElidedLabel *m_name;
    QLabel *m_badge;
    ElidedLabel *m_status;
    ConnectButton *m_button;
};

} // namespace Peerlink
