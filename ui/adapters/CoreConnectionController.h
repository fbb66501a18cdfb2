// CoreConnectionController: the ConnectionController of the real engine, over core/session
// SessionManager and its PeerSessions (state, path, ICE candidates, RTT, channel statistics).
#pragma once

#include "ui/backend/ConnectionController.h"

#include <QHash>
#include <QSet>
#include <QTimer>

namespace Peerlink {

class Account;
class PeerSession;
class SessionManager;

class CoreConnectionController : public ConnectionController
{
    Q_OBJECT
public:
    // sessions and account must outlive this object.
    CoreConnectionController(SessionManager &sessions, Account &account, QObject *parent = nullptr);

    ConnectionInfo connection(const QString &bareJid) const override;
    bool connectToContact(const QString &bareJid, QString *error) override;
    void disconnectFromContact(const QString &bareJid) override;
    QList<ExternalService> serverServices() const override;
    void setNetworkSettings(const IceConfig &ice, bool useServerServices) override;

    // How often connected sessions report their RTT and byte counters (connectionChanged).
    static constexpr int StatsIntervalMs = 1000;

private:
    void watch(PeerSession *session);
    void watchAgent(PeerSession *session);
    void tick();

    SessionManager &m_sessions;
    Account &m_account;
    QHash<QString, QString> m_startErrors; // contact -> why the last connect could not start
    QSet<QObject *> m_watchedAgents;
    QTimer m_statsTimer;
};

} // namespace Peerlink
