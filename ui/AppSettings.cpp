#include "ui/AppSettings.h"

#include <QStandardPaths>

namespace Peerlink {

namespace {
QString transportName(IceConfig::Server::Transport transport)
{
    switch (transport) {
    case IceConfig::Server::Transport::Udp:
        return QStringLiteral("udp");
    case IceConfig::Server::Transport::Tcp:
        return QStringLiteral("tcp");
    case IceConfig::Server::Transport::Tls:
        return QStringLiteral("tls");
    }
    return QStringLiteral("udp");
}

IceConfig::Server::Transport transportFromName(const QString &name)
{
    if (name == u"tcp")
        return IceConfig::Server::Transport::Tcp;
    if (name == u"tls")
        return IceConfig::Server::Transport::Tls;
    return IceConfig::Server::Transport::Udp;
}

quint16 portValue(const QVariant &value, quint16 fallback)
{
    bool ok = false;
    const int port = value.toInt(&ok);
    return ok && port >= 0 && port <= 65535 ? quint16(port) : fallback;
}
} // namespace

AppSettings::AppSettings(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{ }

QString AppSettings::fileName() const
{
    return m_settings.fileName();
}

void AppSettings::sync()
{
    m_settings.sync();
}

QString AppSettings::accountJid() const
{
    return m_settings.value(QStringLiteral("account/jid")).toString();
}

void AppSettings::setAccountJid(const QString &jid)
{
    m_settings.setValue(QStringLiteral("account/jid"), jid);
}

QString AppSettings::accountHost() const
{
    return m_settings.value(QStringLiteral("account/host")).toString();
}

void AppSettings::setAccountHost(const QString &host)
{
    m_settings.setValue(QStringLiteral("account/host"), host);
}

quint16 AppSettings::accountPort() const
{
    return portValue(m_settings.value(QStringLiteral("account/port")), 0);
}

void AppSettings::setAccountPort(quint16 port)
{
    m_settings.setValue(QStringLiteral("account/port"), port);
}

bool AppSettings::rememberPassword() const
{
    return m_settings.value(QStringLiteral("account/rememberPassword"), true).toBool();
}

void AppSettings::setRememberPassword(bool remember)
{
    m_settings.setValue(QStringLiteral("account/rememberPassword"), remember);
}

QList<QByteArray> AppSettings::pinnedCertificates() const
{
    QList<QByteArray> digests;
    const QStringList hex = m_settings.value(QStringLiteral("account/pinnedCertificates")).toStringList();
    for (const QString &text : hex) {
        const QByteArray digest = QByteArray::fromHex(text.toLatin1());
        if (digest.size() == 32)
            digests.append(digest);
    }
    return digests;
}

void AppSettings::setPinnedCertificates(const QList<QByteArray> &digests)
{
    QStringList hex;
    for (const QByteArray &digest : digests)
        hex.append(QString::fromLatin1(digest.toHex()));
    m_settings.setValue(QStringLiteral("account/pinnedCertificates"), hex);
}

QString AppSettings::extraCaFile() const
{
    return m_settings.value(QStringLiteral("account/extraCaFile")).toString();
}

void AppSettings::setExtraCaFile(const QString &path)
{
    m_settings.setValue(QStringLiteral("account/extraCaFile"), path);
}

QList<IceConfig::Server> AppSettings::servers(const QString &group) const
{
    QList<IceConfig::Server> result;
    const int count = m_settings.beginReadArray(group);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        IceConfig::Server server;
        server.host = m_settings.value(QStringLiteral("host")).toString().trimmed();
        server.port = portValue(m_settings.value(QStringLiteral("port")), 3478);
        server.username = m_settings.value(QStringLiteral("username")).toString();
        server.transport = transportFromName(m_settings.value(QStringLiteral("transport")).toString());
        if (!server.host.isEmpty() && server.port != 0)
            result.append(server);
    }
    m_settings.endArray();
    return result;
}

void AppSettings::setServers(const QString &group, const QList<IceConfig::Server> &servers)
{
    m_settings.remove(group);
    m_settings.beginWriteArray(group, int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("host"), servers[i].host);
        m_settings.setValue(QStringLiteral("port"), servers[i].port);
        if (!servers[i].username.isEmpty())
            m_settings.setValue(QStringLiteral("username"), servers[i].username);
        m_settings.setValue(QStringLiteral("transport"), transportName(servers[i].transport));
    }
    m_settings.endArray();
}

QList<IceConfig::Server> AppSettings::stunServers() const
{
    return servers(QStringLiteral("stun"));
}

void AppSettings::setStunServers(const QList<IceConfig::Server> &servers)
{
    QList<IceConfig::Server> stun = servers;
    for (IceConfig::Server &server : stun) {
        server.username.clear();
        server.password.clear();
        server.transport = IceConfig::Server::Transport::Udp;
    }
    setServers(QStringLiteral("stun"), stun);
}

QList<IceConfig::Server> AppSettings::turnServers() const
{
    return servers(QStringLiteral("turn"));
}

void AppSettings::setTurnServers(const QList<IceConfig::Server> &servers)
{
    setServers(QStringLiteral("turn"), servers); // setServers() never writes passwords
}

bool AppSettings::useServerServices() const
{
    return m_settings.value(QStringLiteral("network/useServerServices"), true).toBool();
}

void AppSettings::setUseServerServices(bool use)
{
    m_settings.setValue(QStringLiteral("network/useServerServices"), use);
}

bool AppSettings::upnp() const
{
    return m_settings.value(QStringLiteral("network/upnp"), true).toBool();
}

void AppSettings::setUpnp(bool on)
{
    m_settings.setValue(QStringLiteral("network/upnp"), on);
}

quint16 AppSettings::minPort() const
{
    return portValue(m_settings.value(QStringLiteral("network/minPort")), 0);
}

quint16 AppSettings::maxPort() const
{
    return portValue(m_settings.value(QStringLiteral("network/maxPort")), 0);
}

void AppSettings::setPortRange(quint16 minPort, quint16 maxPort)
{
    if (minPort == 0 || maxPort == 0 || maxPort < minPort)
        minPort = maxPort = 0;
    m_settings.setValue(QStringLiteral("network/minPort"), minPort);
    m_settings.setValue(QStringLiteral("network/maxPort"), maxPort);
}

bool AppSettings::forceRelay() const
{
    return m_settings.value(QStringLiteral("network/forceRelay"), false).toBool();
}

void AppSettings::setForceRelay(bool on)
{
    m_settings.setValue(QStringLiteral("network/forceRelay"), on);
}

IceConfig AppSettings::iceConfig(const QHash<QString, QString> &turnPasswords) const
{
    IceConfig config;
    config.stunServers = stunServers();
    config.turnServers = turnServers();
    for (IceConfig::Server &server : config.turnServers)
        server.password = turnPasswords.value(turnSecretKey(server));
    config.upnp = upnp();
    config.minPort = minPort();
    config.maxPort = maxPort();
    config.forceRelay = forceRelay();
    return config;
}

QString AppSettings::downloadDir() const
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString dir = m_settings.value(QStringLiteral("files/downloadDir")).toString();
    return dir.isEmpty() ? fallback : dir;
}

void AppSettings::setDownloadDir(const QString &dir)
{
    m_settings.setValue(QStringLiteral("files/downloadDir"), dir);
}

QList<TransferSettings::AutoAcceptRule> AppSettings::autoAcceptRules() const
{
    QList<TransferSettings::AutoAcceptRule> rules;
    const int count = m_settings.beginReadArray(QStringLiteral("autoAccept"));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        TransferSettings::AutoAcceptRule rule;
        rule.bareJid = m_settings.value(QStringLiteral("jid")).toString().trimmed();
        rule.maxBytes = m_settings.value(QStringLiteral("maxBytes")).toLongLong();
        if (!rule.bareJid.isEmpty() && rule.maxBytes > 0)
            rules.append(rule);
    }
    m_settings.endArray();
    return rules;
}

void AppSettings::setAutoAcceptRules(const QList<TransferSettings::AutoAcceptRule> &rules)
{
    m_settings.remove(QStringLiteral("autoAccept"));
    m_settings.beginWriteArray(QStringLiteral("autoAccept"), int(rules.size()));
    for (int i = 0; i < rules.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("jid"), rules[i].bareJid);
        m_settings.setValue(QStringLiteral("maxBytes"), rules[i].maxBytes);
    }
    m_settings.endArray();
}

TransferSettings AppSettings::transferSettings() const
{
    TransferSettings settings;
    settings.downloadDir = downloadDir();
    settings.autoAccept = autoAcceptRules();
    return settings;
}

QString AppSettings::language() const
{
    return m_settings.value(QStringLiteral("general/language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(QStringLiteral("general/language"), language);
}

bool AppSettings::notifications() const
{
    return m_settings.value(QStringLiteral("general/notifications"), true).toBool();
}

void AppSettings::setNotifications(bool on)
{
    m_settings.setValue(QStringLiteral("general/notifications"), on);
}

bool AppSettings::closeToTray() const
{
    return m_settings.value(QStringLiteral("general/closeToTray"), true).toBool();
}

void AppSettings::setCloseToTray(bool on)
{
    m_settings.setValue(QStringLiteral("general/closeToTray"), on);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings.value(QStringLiteral("window/splitter")).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/splitter"), state);
}

QString AppSettings::accountSecretKey(const QString &jid)
{
    return QStringLiteral("account:") + jid.toLower();
}

QString AppSettings::turnSecretKey(const IceConfig::Server &server)
{
    return QStringLiteral("turn:%1@%2:%3").arg(server.username, server.host.toLower()).arg(server.port);
}

} // namespace Peerlink
