#include "core/session/SessionManager.h"

#include "core/Logging.h"
#include "core/session/JingleErrorIq.h"
#include "core/session/PeerSession.h"
#include "core/session/PeerSession_p.h"
#include "core/storage/TrustStore.h"
#include "core/xmpp/Account.h"
#include "core/xmpp/JingleIq.h"

#include <QDomElement>
#include <QHash>
#include <QPointer>
#include <QXmppClient.h>
#include <QXmppClientExtension.h>
#include <QXmppUtils.h>

namespace Peerlink {

namespace {

// Receives the Jingle requests of the account's client and hands them to the manager.
class JingleHandler : public QXmppClientExtension
{
public:
    explicit JingleHandler(std::function<void(const QDomElement &)> handler)
        : m_handler(std::move(handler))
    { }

    bool handleStanza(const QDomElement &stanza, const std::optional<QXmppE2eeMetadata> &) override
    {
        if (!JingleIq::isJingleIq(stanza))
            return false;
        const QString type = stanza.attribute(QStringLiteral("type"));
        if (type != u"set")
            return false; // answers to our own requests are matched by QXmppClient::sendIq
        m_handler(stanza);
        return true;
    }

private:
    std::function<void(const QDomElement &)> m_handler;
};

} // namespace

struct SessionManager::Private
{
    SessionManager *q = nullptr;
    Account &account;
    NetworkThread &thread;
    DeviceIdentity identity;
    SessionConfig config;
    TrustStore *trust = nullptr;
    QPointer<JingleHandler> handler;

    QHash<QString, PeerSession *> bySid; // every session the manager still owns
    QHash<QString, QPointer<PeerSession>> current; // bare JID -> the newest session with them

    Private(SessionManager *manager, Account &a, NetworkThread &t, const DeviceIdentity &id, const SessionConfig &c)
        : q(manager)
        , account(a)
        , thread(t)
        , identity(id)
        , config(c)
    { }

    QXmppClient *client() const { return account.client(); }

    bool isAllowedContact(const QString &bareJid) const
    {
        const auto contact = account.contact(bareJid);
        return contact
            && (contact->subscription == RosterContact::Subscription::From
                || contact->subscription == RosterContact::Subscription::Both);
    }

    PeerSession *create(const QString &sid, const QString &peerJid)
    {
        auto priv = std::make_unique<PeerSession::Private>();
        priv->client = client();
        priv->thread = &thread;
        priv->identity = identity;
        priv->config = config;
        priv->iceConfig = q->effectiveIceConfig();
        priv->sid = sid;
        priv->selfJid = account.boundJid();
        priv->peerJid = peerJid;
        auto *session = new PeerSession(std::move(priv), q);
        const QString bare = QXmppUtils::jidToBareJid(peerJid);
        // The previous session with this contact is replaced; an ended one is dropped.
        if (PeerSession *previous = current.value(bare)) {
            if (previous->state() == PeerSession::State::Ended)
                drop(previous);
        }
        bySid.insert(sid, session);
        current.insert(bare, session);
        QObject::connect(session, &PeerSession::connected, q, [this, session] { checkTrust(session); });
        return session;
    }

    void drop(PeerSession *session)
    {
        bySid.remove(session->sid());
        session->deleteLater();
    }

    void checkTrust(PeerSession *session)
    {
        if (!trust)
            return;
        const QString bare = session->peerBareJid();
        const QByteArray fingerprint = session->peerFingerprint();
        switch (trust->check(bare, fingerprint)) {
        case TrustStore::Verdict::FirstUse:
        case TrustStore::Verdict::Known:
            trust->remember(bare, fingerprint);
            break;
        case TrustStore::Verdict::Changed:
            qCWarning(lcSession) << bare << "uses a device fingerprint not seen before:"
                                 << DeviceIdentity::formatFingerprint(fingerprint);
            Q_EMIT q->peerDeviceChanged(bare, fingerprint);
            break;
        }
    }

    void acknowledge(const JingleIq &request)
    {
        QXmppIq result(QXmppIq::Result);
        result.setId(request.id());
        result.setTo(request.from());
        client()->sendPacket(result);
    }

    void refuse(const QString &from, const QString &id, JingleErrorIq::Condition condition, const QString &why)
    {
        qCInfo(lcSession).noquote() << "refused a Jingle request from" << from << ":" << why;
        client()->sendPacket(JingleErrorIq(from, id, condition, why));
        Q_EMIT q->requestRefused(from, why);
    }

    void handle(const QDomElement &element)
    {
        JingleIq iq;
        iq.parse(element);
        const QString from = iq.from();
        if (!iq.isValid()) {
            refuse(from, iq.id(), JingleErrorIq::Condition::BadRequest, iq.parseError());
            return;
        }
        if (iq.action() == JingleIq::Action::SessionInitiate) {
            handleInitiate(iq);
            return;
        }
        PeerSession *session = bySid.value(iq.sid());
        // Only the session's own peer (its full JID) may act on it; anyone else learns nothing.
        if (!session || session->peerJid() != from) {
            refuse(from, iq.id(), JingleErrorIq::Condition::UnknownSession,
                   session ? QStringLiteral("not the peer of this session") : QStringLiteral("unknown session"));
            return;
        }
        QString error;
        if (session->d->handleRequest(iq, &error))
            acknowledge(iq);
        else
            refuse(from, iq.id(), JingleErrorIq::Condition::OutOfOrder, error);
    }

    void handleInitiate(const JingleIq &iq)
    {
        const QString from = iq.from();
        const QString bare = QXmppUtils::jidToBareJid(from);
        if (!isAllowedContact(bare)) {
            refuse(from, iq.id(), JingleErrorIq::Condition::NotAuthorized, QStringLiteral("not a contact"));
            return;
        }
        if (bySid.contains(iq.sid())) {
            refuse(from, iq.id(), JingleErrorIq::Condition::OutOfOrder, QStringLiteral("session id in use"));
            return;
        }
        if (PeerSession *existing = current.value(bare); existing && existing->state() != PeerSession::State::Ended) {
            if (existing->state() == PeerSession::State::Initiating && existing->isInitiator()) {
                // Glare: both sides initiated. The lower session id wins on both sides.
                if (existing->sid() < iq.sid()) {
                    refuse(from, iq.id(), JingleErrorIq::Condition::TieBreak,
                           QStringLiteral("both sides initiated; the session %1 is kept").arg(existing->sid()));
                    return;
                }
                existing->d->end(PeerSession::EndReason::AlternativeSession,
                                 SessionManager::tr("%1 connected at the same time; their session is used.").arg(bare));
            } else {
                // The peer started over (a restarted app, a lost path): the new session replaces the old.
                existing->d->end(PeerSession::EndReason::HungUp,
                                 SessionManager::tr("%1 started a new session.").arg(bare));
            }
        }
        acknowledge(iq);
        PeerSession *session = create(iq.sid(), from);
        Q_EMIT q->sessionAdded(session);
        QString error;
        if (!session->d->startIncoming(iq, &error)) {
            qCInfo(lcSession).noquote() << "cannot accept the session from" << from << ":" << error;
            session->d->terminate(
                JingleReason::Condition::FailedApplication, PeerSession::EndReason::Error,
                SessionManager::tr("The session from %1 could not be accepted: %2.").arg(bare, error));
            Q_EMIT q->requestRefused(from, error);
        }
    }
};

SessionManager::SessionManager(Account &account, NetworkThread &thread, const DeviceIdentity &identity,
                               const SessionConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, account, thread, identity, config))
{
    d->handler = new JingleHandler([this](const QDomElement &element) { d->handle(element); });
    account.client()->addExtension(d->handler);
}

SessionManager::~SessionManager()
{
    if (d->handler)
        d->account.client()->removeExtension(d->handler);
    // Sessions are children: they close their channel and ICE agent as they are destroyed.
    qDeleteAll(d->bySid);
    d->bySid.clear();
}

SessionConfig SessionManager::config() const
{
    return d->config;
}

void SessionManager::setConfig(const SessionConfig &config)
{
    d->config = config;
}

IceConfig SessionManager::effectiveIceConfig() const
{
    IceConfig ice = d->config.ice;
    if (!d->config.useServerServices)
        return ice;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ExternalService &service : d->account.externalServices()) {
        if (service.expires.isValid() && service.expires <= now)
            continue;
        IceConfig::Server server;
        server.host = service.host;
        server.username = service.username;
        server.password = service.password;
        switch (service.type) {
        case ExternalService::Type::Stun:
            server.port = service.port ? service.port : 3478;
            ice.stunServers.append(server);
            break;
        case ExternalService::Type::Turn:
            server.port = service.port ? service.port : 3478;
            server.transport = service.transport == ExternalService::Transport::Tcp ? IceConfig::Server::Transport::Tcp
                                                                                    : IceConfig::Server::Transport::Udp;
            ice.turnServers.append(server);
            break;
        case ExternalService::Type::Turns:
            server.port = service.port ? service.port : 5349;
            server.transport = IceConfig::Server::Transport::Tls;
            server.trustedCertificatesPem = d->config.turnTrustedCertificatesPem;
            ice.turnServers.append(server);
            break;
        case ExternalService::Type::Other:
            break;
        }
    }
    return ice;
}

void SessionManager::setTrustStore(TrustStore *store)
{
    d->trust = store;
}

PeerSession *SessionManager::connectToContact(const QString &bareJid, QString *error)
{
    const auto fail = [error](const QString &message) -> PeerSession * {
        if (error)
            *error = message;
        return nullptr;
    };
    if (d->account.state() != Account::State::Connected)
        return fail(tr("You are not signed in. Sign in to connect to %1.").arg(bareJid));
    const auto contact = d->account.contact(bareJid);
    if (!contact)
        return fail(tr("%1 is not in your contacts. Add them first.").arg(bareJid));
    if (PeerSession *existing = d->current.value(bareJid); existing && existing->state() != PeerSession::State::Ended)
        return existing;
    if (contact->resources.isEmpty())
        return fail(tr("%1 is offline. Peerlink connects when both of you are online.").arg(bareJid));
    const QString peerJid = bareJid + u'/' + contact->resources.first();
    PeerSession *session = d->create(QXmppUtils::generateStanzaHash(24), peerJid);
    Q_EMIT sessionAdded(session);
    session->d->startOutgoing();
    return session;
}

PeerSession *SessionManager::session(const QString &bareJid) const
{
    return d->current.value(bareJid);
}

QList<PeerSession *> SessionManager::sessions() const
{
    return d->bySid.values();
}

} // namespace Peerlink
