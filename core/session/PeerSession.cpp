#include "core/session/PeerSession.h"

#include "core/Logging.h"
#include "core/session/PeerSession_p.h"
#include "core/xmpp/JingleCandidate.h"
#include "core/xmpp/JingleChatDescription.h"
#include "core/xmpp/JingleFingerprint.h"
#include "core/xmpp/JingleIceTransport.h"

#include <QDomElement>
#include <QXmppClient.h>
#include <QXmppError.h>
#include <QXmppTask.h>
#include <QXmppUtils.h>

namespace Peerlink {

namespace {
const QString ChatContentName = QStringLiteral("chat");

// libnice's consent freshness (RFC 7675): a path that stops answering is declared lost after 30 s.
constexpr int ConsentTimeoutMs = 30000;
// While a lost path is being restored, ICE restarts this often (the initiator always, the
// responder when the peer did not answer its last restart): checks of one generation give up on
// their own after a while, and a path that comes back later would otherwise wait for the end of
// the window.
constexpr int RestartRetryMs = 5000;
} // namespace

PeerSession::PeerSession(std::unique_ptr<Private> priv, QObject *parent)
    : QObject(parent)
    , d(std::move(priv))
{
    d->q = this;
    d->sinceStart.start();
    d->acceptTimer.setSingleShot(true);
    d->connectTimer.setSingleShot(true);
    d->restartRetryTimer.setInterval(RestartRetryMs);
    connect(&d->restartRetryTimer, &QTimer::timeout, this, [this] {
        // The initiator restarts again and again; the responder only when the peer did not answer
        // its last restart (its signalling may have been away).
        if (d->state != State::Connected || !d->restarting || (!d->initiator && d->peerAnsweredRestart))
            return;
        d->restartIce("no path yet, restarting ICE again");
    });
    connect(&d->acceptTimer, &QTimer::timeout, this, [this] {
        d->terminate(JingleReason::Condition::Timeout, EndReason::Timeout,
                     tr("%1 did not answer within %2 seconds. They may be away; try again later.")
                         .arg(peerBareJid())
                         .arg(d->config.acceptTimeoutMs / 1000));
    });
    connect(&d->connectTimer, &QTimer::timeout, this, [this] {
        if (d->state == State::Connected) { // an ICE restart did not bring the lost path back
            d->terminate(JingleReason::Condition::ConnectivityError, EndReason::Connectivity,
                         tr("The connection to %1 was lost and could not be restored within %2 seconds.")
                             .arg(peerBareJid())
                             .arg(d->config.connectTimeoutMs / 1000));
            return;
        }
        d->terminate(JingleReason::Condition::Timeout, EndReason::Timeout,
                     tr("No connection to %1 could be established within %2 seconds. A firewall may block "
                        "the way; a TURN server in the settings can help.")
                         .arg(peerBareJid())
                         .arg(d->config.connectTimeoutMs / 1000));
    });
}

PeerSession::~PeerSession()
{
    // The channel runs on the agent's link: it goes first. Both stop their network-side work.
    d->channel.reset();
    d->ice.reset();
}

QString PeerSession::sid() const
{
    return d->sid;
}

QString PeerSession::peerJid() const
{
    return d->peerJid;
}

QString PeerSession::peerBareJid() const
{
    return QXmppUtils::jidToBareJid(d->peerJid);
}

bool PeerSession::isInitiator() const
{
    return d->initiator;
}

PeerSession::State PeerSession::state() const
{
    return d->state;
}

QString PeerSession::stateName(State state)
{
    switch (state) {
    case State::Initiating:
        return QStringLiteral("initiating");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Securing:
        return QStringLiteral("securing");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

PeerSession::EndReason PeerSession::endReason() const
{
    return d->endReason;
}

QString PeerSession::endText() const
{
    return d->endText;
}

SecureChannel *PeerSession::channel() const
{
    return d->channel.get();
}

IceAgent *PeerSession::iceAgent() const
{
    return d->ice.get();
}

std::optional<PeerSession::Path> PeerSession::path() const
{
    if (!d->ice)
        return std::nullopt;
    const auto pair = d->ice->selectedPair();
    if (!pair)
        return std::nullopt;
    return Path { pair->local, pair->remote };
}

QByteArray PeerSession::peerFingerprint() const
{
    return d->peerFingerprint;
}

qint64 PeerSession::connectMs() const
{
    return d->connectMs;
}

void PeerSession::hangUp(const QString &text)
{
    d->terminate(JingleReason::Condition::Success, EndReason::HungUp, text);
}

namespace {
JingleIq::Action jingleAction(PeerSession::ContentAction action)
{
    switch (action) {
    case PeerSession::ContentAction::Add:
        return JingleIq::Action::ContentAdd;
    case PeerSession::ContentAction::Accept:
        return JingleIq::Action::ContentAccept;
    case PeerSession::ContentAction::Reject:
        return JingleIq::Action::ContentReject;
    case PeerSession::ContentAction::Remove:
        return JingleIq::Action::ContentRemove;
    case PeerSession::ContentAction::DescriptionInfo:
        return JingleIq::Action::DescriptionInfo;
    }
    return JingleIq::Action::ContentAdd;
}

std::optional<PeerSession::ContentAction> contentAction(JingleIq::Action action)
{
    for (auto a :
         { PeerSession::ContentAction::Add, PeerSession::ContentAction::Accept, PeerSession::ContentAction::Reject,
           PeerSession::ContentAction::Remove, PeerSession::ContentAction::DescriptionInfo }) {
        if (jingleAction(a) == action)
            return a;
    }
    return std::nullopt;
}
} // namespace

bool PeerSession::sendContentAction(ContentAction action, const QList<JingleContent> &contents,
                                    const std::optional<JingleReason> &reason)
{
    if (d->state != State::Connected)
        return false;
    JingleIq iq = d->makeIq(jingleAction(action));
    iq.setContents(contents);
    iq.setReason(reason);
    QString error;
    if (!iq.validate(&error)) {
        qCWarning(lcSession) << d->sid << "not sending an invalid" << JingleIq::actionName(iq.action()) << ":" << error;
        return false;
    }
    d->client->sendIq(std::move(iq)).then(this, [this, action, contents](QXmppClient::IqResult &&result) {
        if (const auto *failure = std::get_if<QXmppError>(&result)) {
            const auto stanzaError = failure->value<QXmppStanza::Error>();
            Q_EMIT contentActionRefused(action, contents,
                                        stanzaError && !stanzaError->text().isEmpty() ? stanzaError->text()
                                                                                      : failure->description);
        }
    });
    return true;
}

// ------------------------------------------------------------------------------------ Private

void PeerSession::Private::setState(State newState)
{
    if (state == newState)
        return;
    qCDebug(lcSession) << sid << stateName(state) << "->" << stateName(newState);
    state = newState;
    Q_EMIT q->stateChanged(newState);
}

void PeerSession::Private::startOutgoing()
{
    initiator = true;
    createIce(true);
    JingleIq iq = makeIq(JingleIq::Action::SessionInitiate);
    iq.addContent(chatContent());
    sendIq(std::move(iq));
    ice->start();
    acceptTimer.start(config.acceptTimeoutMs);
}

bool PeerSession::Private::startIncoming(const JingleIq &initiate, QString *error)
{
    initiator = false;
    createIce(false);
    const auto contents = initiate.contents();
    const auto chat = std::find_if(contents.cbegin(), contents.cend(),
                                   [](const JingleContent &c) { return c.chatDescription() != nullptr; });
    if (chat == contents.cend()) {
        *error = QStringLiteral("the session has no chat content");
        return false;
    }
    if (!applyRemoteTransport(*chat, error))
        return false;
    if (peerFingerprint.isEmpty()) {
        *error = QStringLiteral("the transport carries no sha-256 certificate fingerprint");
        return false;
    }
    createChannel(SecureChannel::Role::Server);
    ice->start();
    channel->open(); // a server waits for the client's first packet on the ICE path

    JingleIq accept = makeIq(JingleIq::Action::SessionAccept);
    accept.addContent(chatContent());
    sendIq(std::move(accept));
    setState(State::Connecting);
    connectTimer.start(config.connectTimeoutMs);
    return true;
}

bool PeerSession::Private::handleRequest(const JingleIq &iq, QString *error)
{
    const auto chatOf = [](const JingleIq &request) -> std::optional<JingleContent> {
        const QList<JingleContent> contents = request.contents();
        for (const JingleContent &content : contents) {
            if (content.name == ChatContentName)
                return content;
        }
        return std::nullopt;
    };
    const JingleIq &request = iq;

    switch (request.action()) {
    case JingleIq::Action::SessionAccept: {
        if (!initiator || state != State::Initiating) {
            *error = QStringLiteral("session-accept out of order");
            return false;
        }
        const auto chat = chatOf(request);
        if (!chat || !chat->chatDescription()) {
            *error = QStringLiteral("the session-accept has no chat content");
            terminate(JingleReason::Condition::FailedApplication, EndReason::Error,
                      tr("%1 answered with a session Peerlink cannot use.").arg(q->peerBareJid()));
            return true;
        }
        acceptTimer.stop();
        QString transportError;
        if (!applyRemoteTransport(*chat, &transportError) || peerFingerprint.isEmpty()) {
            terminate(JingleReason::Condition::SecurityError, EndReason::Security,
                      tr("%1 answered without a usable device fingerprint (%2). The connection was not made.")
                          .arg(q->peerBareJid(), transportError.isEmpty() ? tr("none given") : transportError));
            return true;
        }
        setState(State::Connecting);
        connectTimer.start(config.connectTimeoutMs);
        return true;
    }
    case JingleIq::Action::TransportInfo: {
        if (state == State::Ended) {
            *error = QStringLiteral("the session has ended");
            return false;
        }
        const auto chat = chatOf(request);
        if (!chat) {
            *error = QStringLiteral("transport-info for an unknown content");
            return false;
        }
        QString transportError;
        if (!applyRemoteTransport(*chat, &transportError)) {
            *error = transportError;
            return false;
        }
        return true;
    }
    case JingleIq::Action::SessionTerminate: {
        const auto reason = request.reason();
        const JingleReason::Condition condition = reason ? reason->condition : JingleReason::Condition::Success;
        QString text = reason ? reason->text : QString();
        if (text.isEmpty()) {
            text = condition == JingleReason::Condition::Success
                ? tr("%1 ended the session.").arg(q->peerBareJid())
                : tr("%1 ended the session (%2).").arg(q->peerBareJid(), JingleReason::conditionName(condition));
        }
        end(endReasonFor(condition), text);
        return true;
    }
    case JingleIq::Action::SessionInfo:
        return true; // pings and informational payloads need no action
    case JingleIq::Action::ContentAdd:
    case JingleIq::Action::ContentAccept:
    case JingleIq::Action::ContentReject:
    case JingleIq::Action::ContentRemove:
    case JingleIq::Action::DescriptionInfo: {
        // Offers outside an established session are refused.
        if (state != State::Connected) {
            *error
                = QStringLiteral("%1 while the session is not connected").arg(JingleIq::actionName(request.action()));
            return false;
        }
        Q_EMIT q->contentActionReceived(*contentAction(request.action()), request.contents(), request.reason());
        return true;
    }
    default:
        *error = QStringLiteral("unsupported action %1").arg(JingleIq::actionName(request.action()));
        return false;
    }
}

void PeerSession::Private::initiateRefused(bool tieBreak, const QString &text)
{
    if (state != State::Initiating)
        return;
    if (tieBreak)
        end(EndReason::AlternativeSession,
            tr("%1 connected at the same time; their session is used.").arg(q->peerBareJid()));
    else
        end(EndReason::Gone,
            tr("%1 cannot be reached with Peerlink right now%2.")
                .arg(q->peerBareJid(), text.isEmpty() ? QString() : QStringLiteral(" (") + text + u')'));
}

void PeerSession::Private::createIce(bool controlling)
{
    ice = std::make_unique<IceAgent>(*thread, iceConfig, controlling);
    IceAgent *agent = ice.get();
    QObject::connect(agent, &IceAgent::localCandidate, q, [this](const IceCandidate &c) { sendLocalCandidate(c); });
    QObject::connect(agent, &IceAgent::localCredentialsChanged, q, [this] { sendCredentials(); });
    QObject::connect(agent, &IceAgent::stateChanged, q, [this](IceAgent::State s) { onIceState(s); });
    QObject::connect(agent, &IceAgent::selectedPairChanged, q, [this] { Q_EMIT q->pathChanged(); });
    QObject::connect(agent, &IceAgent::relayFailed, q, [this](const QString &reason) {
        terminate(JingleReason::Condition::ConnectivityError, EndReason::Connectivity,
                  tr("The connection to %1 was lost: %2").arg(q->peerBareJid(), reason));
    });
}

void PeerSession::Private::createChannel(SecureChannel::Role role)
{
    SecureChannel::Config channelConfig;
    channelConfig.role = role;
    channelConfig.identity = identity;
    channelConfig.expectedPeerFingerprint = peerFingerprint;
    channelConfig.congestionControl = config.congestionControl;
    // The channel outlives a lost path: consent expires after 30 s, then ICE restarts for up to
    // connectTimeoutMs. QUIC must not give up before (it resumes on the restored path); the
    // session's own timers end it with a reason when the path stays lost.
    channelConfig.idleTimeout = std::chrono::milliseconds(ConsentTimeoutMs + config.connectTimeoutMs + 15000);
    channel = std::make_unique<SecureChannel>(*thread, ice.get(), channelConfig);
    QObject::connect(channel.get(), &SecureChannel::opened, q, [this] {
        if (state == State::Ended)
            return;
        connectTimer.stop();
        connectMs = sinceStart.elapsed();
        setState(State::Connected);
        Q_EMIT q->connected();
    });
    QObject::connect(channel.get(), &SecureChannel::closed, q,
                     [this](SecureChannel::ErrorKind kind, const QString &reason) { onChannelClosed(kind, reason); });
}

bool PeerSession::Private::applyRemoteTransport(const JingleContent &content, QString *error)
{
    const JingleIceTransport *transport = content.iceTransport();
    if (!transport) {
        *error = QStringLiteral("the content has no ICE-UDP transport");
        return false;
    }
    if (transport->fingerprint) {
        const JingleFingerprint &fp = *transport->fingerprint;
        if (fp.algorithm != QCryptographicHash::Sha256 || fp.digest.size() != DeviceIdentity::FingerprintSize) {
            *error = QStringLiteral("the fingerprint is not a sha-256 digest");
            return false;
        }
        if (!peerFingerprint.isEmpty() && peerFingerprint != fp.digest) {
            terminate(JingleReason::Condition::SecurityError, EndReason::Security,
                      tr("%1 announced a different device fingerprint in the middle of the session. "
                         "The session was ended to keep it private.")
                          .arg(q->peerBareJid()));
            *error = QStringLiteral("fingerprint changed during the session");
            return false;
        }
        peerFingerprint = fp.digest;
    }
    if (transport->hasCredentials()) {
        const IceAgent::Credentials credentials { transport->ufrag, transport->pwd };
        if (!(credentials == remoteCredentials)) {
            const bool restart = !remoteCredentials.ufrag.isEmpty();
            remoteCredentials = credentials;
            ice->setRemoteCredentials(credentials.ufrag, credentials.password);
            if (restart) {
                qCInfo(lcSession) << sid << "peer restarted ICE";
                peerAnsweredRestart = true;
                if (state == State::Connected) {
                    beginRestartWindow();
                } else {
                    restarting = true;
                    connectTimer.start(config.connectTimeoutMs);
                }
            }
        }
    }
    for (const JingleCandidate &candidate : transport->candidates) {
        QString candidateError;
        const auto ice_candidate = candidate.toIceCandidate(&candidateError);
        if (!ice_candidate) {
            qCWarning(lcSession) << sid << "ignoring a candidate:" << candidateError;
            continue;
        }
        ice->addRemoteCandidate(*ice_candidate);
    }
    return true;
}

JingleIq PeerSession::Private::makeIq(JingleIq::Action action) const
{
    JingleIq iq;
    iq.setTo(peerJid);
    iq.setAction(action);
    iq.setSid(sid);
    if (action == JingleIq::Action::SessionInitiate)
        iq.setInitiator(selfJid);
    if (action == JingleIq::Action::SessionAccept)
        iq.setResponder(selfJid);
    return iq;
}

JingleContent PeerSession::Private::chatContent() const
{
    JingleContent content;
    content.creator = JingleContent::Creator::Initiator;
    content.name = ChatContentName;
    content.description = JingleChatDescription {};
    JingleIceTransport transport;
    const auto credentials = ice->localCredentials();
    transport.ufrag = credentials.ufrag;
    transport.pwd = credentials.password;
    JingleFingerprint fingerprint;
    fingerprint.algorithm = QCryptographicHash::Sha256;
    // The initiator is the QUIC client, the responder the server (docs/protocol.md).
    fingerprint.setup = initiator ? JingleFingerprint::Setup::ActPass : JingleFingerprint::Setup::Passive;
    fingerprint.digest = identity.fingerprint();
    transport.fingerprint = fingerprint;
    content.transport = transport;
    return content;
}

void PeerSession::Private::sendIq(JingleIq &&iq)
{
    const JingleIq::Action action = iq.action();
    client->sendIq(std::move(iq)).then(q, [this, action](QXmppClient::IqResult &&result) {
        const auto *error = std::get_if<QXmppError>(&result);
        if (!error)
            return;
        const auto stanzaError = error->value<QXmppStanza::Error>();
        qCInfo(lcSession) << sid << JingleIq::actionName(action) << "refused:" << error->description;
        if (action == JingleIq::Action::SessionInitiate) {
            initiateRefused(stanzaError && stanzaError->condition() == QXmppStanza::Error::Conflict,
                            stanzaError ? stanzaError->text() : error->description);
        } else if (action == JingleIq::Action::SessionAccept) {
            end(EndReason::Gone, tr("%1 withdrew the session.").arg(q->peerBareJid()));
        }
    });
}

void PeerSession::Private::sendLocalCandidate(const IceCandidate &candidate)
{
    if (state == State::Ended)
        return;
    IceCandidate withId = candidate;
    withId.id = QStringLiteral("%1-%2").arg(initiator ? u'i' : u'r').arg(++candidateCounter);
    QString error;
    const auto jingleCandidate = JingleCandidate::fromIceCandidate(withId, &error);
    if (!jingleCandidate) {
        qCWarning(lcSession) << sid << "cannot announce a local candidate:" << error;
        return;
    }
    JingleContent content;
    content.creator = JingleContent::Creator::Initiator;
    content.name = ChatContentName;
    JingleIceTransport transport;
    const auto credentials = ice->localCredentials();
    transport.ufrag = credentials.ufrag;
    transport.pwd = credentials.password;
    transport.candidates.append(*jingleCandidate);
    content.transport = transport;
    JingleIq iq = makeIq(JingleIq::Action::TransportInfo);
    iq.addContent(content);
    sendIq(std::move(iq));
}

void PeerSession::Private::sendCredentials()
{
    if (state == State::Ended)
        return;
    JingleContent content;
    content.creator = JingleContent::Creator::Initiator;
    content.name = ChatContentName;
    JingleIceTransport transport;
    const auto credentials = ice->localCredentials();
    transport.ufrag = credentials.ufrag;
    transport.pwd = credentials.password;
    content.transport = transport;
    JingleIq iq = makeIq(JingleIq::Action::TransportInfo);
    iq.addContent(content);
    sendIq(std::move(iq));
}

void PeerSession::Private::onIceState(IceAgent::State iceState)
{
    if (state == State::Ended)
        return;
    switch (iceState) {
    case IceAgent::State::Connected: // a pair works: QUIC can start while ICE nominates
    case IceAgent::State::Ready:
        if (restarting) {
            restarting = false;
            restartRetryTimer.stop();
            if (state == State::Connected)
                connectTimer.stop();
            qCInfo(lcSession) << sid << "path restored after ICE restart";
        }
        if (!channel) {
            createChannel(SecureChannel::Role::Client);
            channel->open();
        }
        if (state == State::Connecting)
            setState(State::Securing);
        Q_EMIT q->pathChanged();
        break;
    case IceAgent::State::Failed: {
        const QString reason = ice->failureReason();
        if (state == State::Connected) {
            // The path was lost (consent expired). Either side restarts ICE at once (if both do,
            // each simply takes the other's new credentials); QUIC keeps the connection while
            // the new path is found.
            qCInfo(lcSession).noquote() << sid << "path lost:" << reason;
            beginRestartWindow();
            restartIce("path lost, restarting ICE");
            return;
        }
        if (state == State::Initiating)
            return; // nothing to check yet: the accept timeout decides
        terminate(JingleReason::Condition::FailedTransport, EndReason::Connectivity,
                  tr("No network path to %1 was found (%2). A TURN server in the settings can help.")
                      .arg(q->peerBareJid(), reason));
        break;
    }
    default:
        break;
    }
}

void PeerSession::Private::beginRestartWindow()
{
    if (restarting)
        return; // one window per loss, however often either side restarts within it
    restarting = true;
    connectTimer.start(config.connectTimeoutMs);
    restartRetryTimer.start();
}

void PeerSession::Private::restartIce(const char *why)
{
    qCInfo(lcSession) << sid << why;
    peerAnsweredRestart = false;
    ice->restart();
}

void PeerSession::Private::onChannelClosed(SecureChannel::ErrorKind kind, const QString &reason)
{
    if (state == State::Ended)
        return;
    switch (kind) {
    case SecureChannel::ErrorKind::Security:
        terminate(JingleReason::Condition::SecurityError, EndReason::Security,
                  tr("The device of %1 did not prove the identity announced for it (%2). Nothing was sent; "
                     "someone may be interfering with the connection.")
                      .arg(q->peerBareJid(), reason));
        break;
    case SecureChannel::ErrorKind::None:
    case SecureChannel::ErrorKind::ClosedByPeer:
        end(EndReason::HungUp, reason.isEmpty() ? tr("%1 ended the session.").arg(q->peerBareJid()) : reason);
        break;
    case SecureChannel::ErrorKind::Timeout:
        terminate(JingleReason::Condition::ConnectivityError, EndReason::Connectivity,
                  tr("The connection to %1 was lost (%2).").arg(q->peerBareJid(), reason));
        break;
    case SecureChannel::ErrorKind::Protocol:
    case SecureChannel::ErrorKind::Internal:
        terminate(JingleReason::Condition::GeneralError, EndReason::Error,
                  tr("The secure channel to %1 failed (%2).").arg(q->peerBareJid(), reason));
        break;
    }
}

void PeerSession::Private::terminate(JingleReason::Condition condition, EndReason reason, const QString &text)
{
    if (state == State::Ended)
        return;
    JingleIq iq = makeIq(JingleIq::Action::SessionTerminate);
    JingleReason jingleReason;
    jingleReason.condition = condition;
    jingleReason.text = text.left(JingleReason::MaxTextLength);
    iq.setReason(jingleReason);
    client->sendIq(std::move(iq)); // the answer does not matter: the session ends either way
    end(reason, text);
}

void PeerSession::Private::end(EndReason reason, const QString &text)
{
    if (state == State::Ended)
        return;
    acceptTimer.stop();
    connectTimer.stop();
    restartRetryTimer.stop();
    endReason = reason;
    endText = text;
    qCInfo(lcSession).noquote() << sid << "ended:" << text;
    // Teardown order: the QUIC connection first, then ICE.
    if (channel && channel->state() != SecureChannel::State::Closed)
        channel->close(text);
    if (ice)
        ice->close();
    setState(State::Ended);
    Q_EMIT q->ended(reason, text);
}

PeerSession::EndReason PeerSession::Private::endReasonFor(JingleReason::Condition condition)
{
    using C = JingleReason::Condition;
    switch (condition) {
    case C::Success:
    case C::Cancel:
    case C::Expired:
        return EndReason::HungUp;
    case C::Decline:
    case C::UnsupportedApplications:
    case C::UnsupportedTransports:
    case C::IncompatibleParameters:
        return EndReason::Declined;
    case C::Busy:
    case C::Gone:
        return EndReason::Gone;
    case C::Timeout:
        return EndReason::Timeout;
    case C::SecurityError:
        return EndReason::Security;
    case C::ConnectivityError:
    case C::FailedTransport:
        return EndReason::Connectivity;
    case C::AlternativeSession:
        return EndReason::AlternativeSession;
    case C::FailedApplication:
    case C::GeneralError:
    case C::MediaError:
        return EndReason::Error;
    }
    return EndReason::Error;
}

} // namespace Peerlink
