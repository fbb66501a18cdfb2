#include "ui/adapters/CoreConnectionController.h"

#include "core/channel/SecureChannel.h"
#include "core/ice/IceAgent.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/xmpp/Account.h"

namespace Peerlink {

CoreConnectionController::CoreConnectionController(SessionManager &sessions, Account &account, QObject *parent)
    : ConnectionController(parent)
    , m_sessions(sessions)
    , m_account(account)
{
    connect(&sessions, &SessionManager::sessionAdded, this, [this](PeerSession *session) {
        m_startErrors.remove(session->peerBareJid());
        watch(session);
        Q_EMIT connectionChanged(session->peerBareJid());
    });
    connect(&sessions, &SessionManager::peerDeviceChanged, this, &ConnectionController::peerDeviceChanged);
    connect(&account, &Account::externalServicesChanged, this, &ConnectionController::serverServicesChanged);
    const QList<PeerSession *> existing = sessions.sessions();
    for (PeerSession *session : existing)
        watch(session);
    m_statsTimer.setInterval(StatsIntervalMs);
    connect(&m_statsTimer, &QTimer::timeout, this, &CoreConnectionController::tick);
}

void CoreConnectionController::watch(PeerSession *session)
{
    const QString jid = session->peerBareJid();
    connect(session, &PeerSession::stateChanged, this, [this, session, jid](PeerSession::State state) {
        watchAgent(session);
        if (state == PeerSession::State::Connected && !m_statsTimer.isActive())
            m_statsTimer.start();
        Q_EMIT connectionChanged(jid);
    });
    connect(session, &PeerSession::pathChanged, this, [this, jid] { Q_EMIT connectionChanged(jid); });
    connect(session, &PeerSession::destroyed, this, [this, jid] { Q_EMIT connectionChanged(jid); });
    watchAgent(session);
}

void CoreConnectionController::watchAgent(PeerSession *session)
{
    IceAgent *agent = session->iceAgent();
    if (!agent || m_watchedAgents.contains(agent))
        return;
    m_watchedAgents.insert(agent);
    const QString jid = session->peerBareJid();
    connect(agent, &QObject::destroyed, this, [this, agent] { m_watchedAgents.remove(agent); });
    connect(agent, &IceAgent::localCandidate, this, [this, jid] { Q_EMIT connectionChanged(jid); });
    connect(agent, &IceAgent::rttChanged, this, [this, jid] { Q_EMIT connectionChanged(jid); });
}

void CoreConnectionController::tick()
{
    bool any = false;
    const QList<PeerSession *> sessions = m_sessions.sessions();
    for (PeerSession *session : sessions) {
        if (session->state() != PeerSession::State::Connected)
            continue;
        any = true;
        Q_EMIT connectionChanged(session->peerBareJid());
    }
    if (!any)
        m_statsTimer.stop();
}

ConnectionInfo CoreConnectionController::connection(const QString &bareJid) const
{
    ConnectionInfo info;
    PeerSession *session = m_sessions.session(bareJid);
    if (!session) {
        const auto error = m_startErrors.constFind(bareJid);
        if (error != m_startErrors.cend()) {
            info.state = ConnectionInfo::State::Failed;
            info.error = *error;
        }
        return info;
    }
    info.incoming = !session->isInitiator();
    switch (session->state()) {
    case PeerSession::State::Initiating:
        info.state = ConnectionInfo::State::Connecting;
        info.phase = ConnectionInfo::Phase::Inviting;
        break;
    case PeerSession::State::Connecting:
        info.state = ConnectionInfo::State::Connecting;
        info.phase = ConnectionInfo::Phase::Checking;
        break;
    case PeerSession::State::Securing:
        info.state = ConnectionInfo::State::Connecting;
        info.phase = ConnectionInfo::Phase::Securing;
        break;
    case PeerSession::State::Connected:
        info.state = ConnectionInfo::State::Connected;
        break;
    case PeerSession::State::Ended:
        switch (session->endReason()) {
        case PeerSession::EndReason::None:
        case PeerSession::EndReason::HungUp:
        case PeerSession::EndReason::AlternativeSession:
            info.state = ConnectionInfo::State::Idle;
            break;
        default:
            info.state = ConnectionInfo::State::Failed;
            info.error = session->endText();
            break;
        }
        break;
    }
    if (const IceAgent *agent = session->iceAgent()) {
        info.localCandidates = agent->localCandidates();
        info.rttMs = agent->rttMs();
    }
    if (const auto path = session->path()) {
        info.hasPath = true;
        info.pathLocal = path->local;
        info.pathRemote = path->remote;
        info.route = path->relayed() ? ConnectionInfo::Route::Relayed
            : path->viaUpnp()        ? ConnectionInfo::Route::Upnp
                                     : ConnectionInfo::Route::Direct;
    }
    if (const SecureChannel *channel = session->channel()) {
        const SecureChannel::Stats stats = channel->stats();
        info.bytesSent = stats.bytesSent;
        info.bytesReceived = stats.bytesReceived;
        if (info.rttMs < 0 && stats.smoothedRtt.count() > 0)
            info.rttMs = int(stats.smoothedRtt.count() / 1000);
    }
    info.connectMs = session->connectMs();
    info.peerFingerprint = session->peerFingerprint();
    return info;
}

bool CoreConnectionController::connectToContact(const QString &bareJid, QString *error)
{
    QString why;
    PeerSession *session = m_sessions.connectToContact(bareJid, &why);
    if (!session) {
        m_startErrors.insert(bareJid, why);
        Q_EMIT connectionChanged(bareJid);
        if (error)
            *error = why;
        return false;
    }
    m_startErrors.remove(bareJid);
    Q_EMIT connectionChanged(bareJid);
    return true;
}

void CoreConnectionController::disconnectFromContact(const QString &bareJid)
{
    m_startErrors.remove(bareJid);
    if (PeerSession *session = m_sessions.session(bareJid); session && session->state() != PeerSession::State::Ended)
        session->hangUp();
    Q_EMIT connectionChanged(bareJid);
}

QList<ExternalService> CoreConnectionController::serverServices() const
{
    return m_account.externalServices();
}

void CoreConnectionController::setNetworkSettings(const IceConfig &ice, bool useServerServices)
{
    SessionConfig config = m_sessions.config();
    config.ice = ice;
    config.useServerServices = useServerServices;
    m_sessions.setConfig(config);
}

} // namespace Peerlink
