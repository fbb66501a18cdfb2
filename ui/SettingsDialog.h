// SettingsDialog: the user's settings in four pages. Network: the STUN/TURN servers the XMPP
// server offers and the user's own, UPnP, relay-only, the local port range. Files: download
// folder and auto-accept rules. General: language, notifications, tray. Account: the server
// certificates the user pinned and extra certificate authorities. Save writes AppSettings (TURN
// passwords into the SecretStore) and applies the settings to the running connections and
// transfers.
#pragma once

#include "core/ice/IceConfig.h"
#include "ui/backend/Backend.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace Peerlink {

class AppSettings;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // turnPasswords: the passwords of the user's TURN servers (AppSettings::turnSecretKey()).
    SettingsDialog(AppSettings &settings, const Backend &backend, const QHash<QString, QString> &turnPasswords,
                   QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // Rows of the editable tables, for keyboard users and tests.
    void addStunServer(const IceConfig::Server &server);
    void addTurnServer(const IceConfig::Server &server);
    void addAutoAcceptRule(const QString &jid, qint64 maxBytes);

    // Validates, saves and applies. False (with the reason shown) when something is invalid.
    bool save();
    QString errorText() const;

    // The languages offered: code ("" = system) and name in that language.
    static QList<std::pair<QString, QString>> languages();

Q_SIGNALS:
    void turnPasswordsChanged(const QHash<QString, QString> &passwords);
    void languageChanged(const QString &language);
    void applied();

private:
    QWidget *networkPage();
    QWidget *filesPage();
    QWidget *generalPage();
    QWidget *accountPage();
    void load();
    void fillServerServices();
    QList<IceConfig::Server> stunServers() const;
    QList<IceConfig::Server> turnServers() const;
    void showError(const QString &text);

    AppSettings &m_settings;
    Backend m_backend;
    QHash<QString, QString> m_turnPasswords;
    QTabWidget *m_tabs;
    QLabel *m_error;
    // Network
    QListWidget *m_serverServices;
    QCheckBox *m_useServerServices;
    QTableWidget *m_stun;
    QTableWidget *m_turn;
    QCheckBox *m_upnp;
    QCheckBox *m_forceRelay;
    QCheckBox *m_limitPorts;
    QSpinBox *m_minPort;
    QSpinBox *m_maxPort;
    // Files
    QLineEdit *m_downloadDir;
    QTableWidget *m_autoAccept;
    // General
    QComboBox *m_language;
    QCheckBox *m_notifications;
    QCheckBox *m_closeToTray;
    // Account
    QListWidget *m_pinned;
    QLineEdit *m_caFile;
};

} // namespace Peerlink
