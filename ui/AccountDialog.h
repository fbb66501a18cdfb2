// AccountDialog: signing in: the address (JID), the password, whether to remember it in the
// system's password store, and optionally the server's host and port. Shown at the first
// start, after the server refused the password, and to switch accounts.
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Peerlink {

class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccountDialog(QWidget *parent = nullptr);

    void setJid(const QString &jid);
    void setHost(const QString &host, quint16 port);
    void setRememberPassword(bool remember);
    // storeAvailable false: the checkbox is off and disabled and `reason` explains why.
    void setStoreAvailability(bool storeAvailable, const QString &reason);
    // A problem to show above the fields (wrong password, server unreachable, ...).
    void setMessage(const QString &message);

    QString jid() const;
    QString password() const;
    QString host() const;
    quint16 port() const;
    bool rememberPassword() const;

    QLineEdit *jidField() const { return m_jid; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QString validationError() const;

    static bool isValidJid(const QString &jid);

private:
    void validate();

    QLabel *m_message;
    QLineEdit *m_jid;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_storeNote;
    QPushButton *m_advancedToggle;
    QWidget *m_advanced;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace Peerlink
