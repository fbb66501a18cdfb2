// AppSettings: the user's settings of one profile, in an INI file in the profile folder.
// Passwords are never stored here (SecretStore): TURN servers are kept without theirs and get
// them back through turnSecretKey().
#pragma once

#include "core/ice/IceConfig.h"
#include "core/transfer/TransferSettings.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSettings>
#include <QString>

namespace Peerlink {

class AppSettings
{
public:
    explicit AppSettings(const QString &fileName);

    QString fileName() const;
    void sync();

    // Account (the password lives in the SecretStore under accountSecretKey()).
    QString accountJid() const;
    void setAccountJid(const QString &jid);
    QString accountHost() const;
    void setAccountHost(const QString &host);
    quint16 accountPort() const;
    void setAccountPort(quint16 port);
    bool rememberPassword() const;
    void setRememberPassword(bool remember);
    // SHA-256 digests of the server certificates the user chose to trust.
    QList<QByteArray> pinnedCertificates() const;
    void setPinnedCertificates(const QList<QByteArray> &digests);
    // A PEM file with certificate authorities trusted besides the system's (e.g. a company CA).
    QString extraCaFile() const;
    void setExtraCaFile(const QString &path);

    // Network
    QList<IceConfig::Server> stunServers() const;
    void setStunServers(const QList<IceConfig::Server> &servers);
    // Without passwords.
    QList<IceConfig::Server> turnServers() const;
    void setTurnServers(const QList<IceConfig::Server> &servers);
    bool useServerServices() const;
    void setUseServerServices(bool use);
    bool upnp() const;
    void setUpnp(bool on);
    quint16 minPort() const; // 0/0: any port
    quint16 maxPort() const;
    void setPortRange(quint16 minPort, quint16 maxPort);
    bool forceRelay() const;
    void setForceRelay(bool on);
    // The IceConfig these settings make, TURN passwords taken from `turnPasswords`
    // (turnSecretKey() -> password).
    IceConfig iceConfig(const QHash<QString, QString> &turnPasswords = {}) const;

    // Files
    QString downloadDir() const; // default: the user's Downloads folder
    void setDownloadDir(const QString &dir);
    QList<TransferSettings::AutoAcceptRule> autoAcceptRules() const;
    void setAutoAcceptRules(const QList<TransferSettings::AutoAcceptRule> &rules);
    TransferSettings transferSettings() const;

    // General
    QString language() const; // "" = the system's, else "en", "de", "fr"
    void setLanguage(const QString &language);
    bool notifications() const;
    void setNotifications(bool on);
    bool closeToTray() const;
    void setCloseToTray(bool on);

    // Window
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    static QString accountSecretKey(const QString &jid);
    static QString turnSecretKey(const IceConfig::Server &server);

private:
    QList<IceConfig::Server> servers(const QString &group) const;
    void setServers(const QString &group, const QList<IceConfig::Server> &servers);

    mutable QSettings m_settings;
};

} // namespace Peerlink
