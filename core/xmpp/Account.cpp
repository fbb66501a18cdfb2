#include "core/xmpp/Account.h"

#include "core/Logging.h"
#include "core/xmpp/AccountFeatures.h"
#include "core/xmpp/ExternalServices.h"
#include "core/xmpp/ReconnectBackoff.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QXmppAuthenticationError.h>
#include <QXmppBindError.h>
#include <QXmppClient.h>
#include <QXmppConfiguration.h>
#include <QXmppDiscoveryManager.h>
#include <QXmppError.h>
#include <QXmppLogger.h>
#include <QXmppPresence.h>
#include <QXmppRosterManager.h>
#include <QXmppStreamError.h>
#include <QXmppTask.h>
#include <QXmppUtils.h>
#include <QXmppVersionManager.h>

namespace Peerlink {

namespace {

constexpr int CloseTimeout = 5000; // ms a closing connection may take before it is aborted

struct Failure
{
    Account::Error error = Account::Error::NoError;
    QString message;
    bool retry = false;
};

bool isBareJid(const QString &jid)
{
    return !QXmppUtils::jidToUser(jid).isEmpty() && !QXmppUtils::jidToDomain(jid).isEmpty()
        && QXmppUtils::jidToResource(jid).isEmpty();
}

RosterContact::Subscription subscriptionOf(QXmppRosterIq::Item::SubscriptionType type)
{
    switch (type) {
    case QXmppRosterIq::Item::To:
        return RosterContact::Subscription::To;
    case QXmppRosterIq::Item::From:
        return RosterContact::Subscription::From;
    case QXmppRosterIq::Item::Both:
        return RosterContact::Subscription::Both;
    default:
        return RosterContact::Subscription::None;
    }
}

RosterContact::Availability availabilityOf(const QXmppPresence &presence)
{
    switch (presence.availableStatusType()) {
    case QXmppPresence::Away:
        return RosterContact::Availability::Away;
    case QXmppPresence::XA:
        return RosterContact::Availability::ExtendedAway;
    case QXmppPresence::DND:
        return RosterContact::Availability::DoNotDisturb;
    case QXmppPresence::Chat:
        return RosterContact::Availability::Chat;
    default:
        return RosterContact::Availability::Online;
    }
}

// Which of several online resources represents the contact: the most available one.
int rank(RosterContact::Availability availability)
{
    switch (availability) {
    case RosterContact::Availability::Chat:
        return 5;
    case RosterContact::Availability::Online:
        return 4;
    case RosterContact::Availability::DoNotDisturb:
        return 3;
    case RosterContact::Availability::Away:
        return 2;
    case RosterContact::Availability::ExtendedAway:
        return 1;
    case RosterContact::Availability::Offline:
        break;
    }
    return 0;
}

} // namespace

struct Account::Private
{
    Account *q = nullptr;
    AccountConfig config;
    QXmppClient *client = nullptr;
    QXmppRosterManager *roster = nullptr;
    ExternalServices *services = nullptr;
    QPointer<QSslSocket> socket;
    QString resource;

    State state = State::Disconnected;
    Error error = Error::NoError;
    QString errorString;
    ServerCertificateProblem problem;

    bool wantConnected = false; // the user asked to be online
    bool attemptActive = false; // a connection attempt (or the session it became) is under way
    bool attemptConnected = false; // ... and reached the Connected state
    bool restartAfterDisconnect = false;
    AccountConfig attemptConfig; // the config the current attempt uses
    std::optional<Failure> attemptFailure;
    ServerCertificateProblem attemptProblem;
    QList<QByteArray> trustedOnce;
    ReconnectBackoff backoff;
    QTimer reconnectTimer;

    QString bareJid() const { return QXmppUtils::jidToBareJid(config.jid); }
    QString domain() const { return QXmppUtils::jidToDomain(config.jid); }
    QString serverDescription() const
    {
        if (config.host.isEmpty())
            return domain();
        return config.host + u':' + QString::number(config.port ? config.port : 5222);
    }

    void setState(State s)
    {
        if (state == s)
            return;
        state = s;
        Q_EMIT q->stateChanged(s);
    }

    void setError(Error e, const QString &message)
    {
        error = e;
        errorString = message;
        if (e == Error::NoError)
            return;
        qCWarning(lcXmpp).noquote() << message;
        Q_EMIT q->errorOccurred(e, message);
    }

    QXmppConfiguration makeConfiguration() const
    {
        QXmppConfiguration c;
        c.setJid(bareJid());
        c.setResource(resource);
        c.setPassword(config.password);
        if (!config.host.isEmpty()) {
            c.setHost(config.host);
            c.setPort(config.port ? config.port : 5222);
        }
        // Never log in without TLS, never accept a certificate nobody vouched for.
        c.setStreamSecurityMode(QXmppConfiguration::TLSRequired);
        c.setIgnoreSslErrors(false);
        c.setUseNonSASLAuthentication(false);
        c.setAutoReconnectionEnabled(false); // our own backoff, see afterDisconnect()
        c.setAutoAcceptSubscriptions(false);
        if (!config.trustedCaCertificates.isEmpty())
            c.setCaCertificates(QSslConfiguration::systemCaCertificates() + config.trustedCaCertificates);
        return c;
    }

    void startAttempt()
    {
        reconnectTimer.stop();
        if (!isIdle()) {
            // Close the old connection first; continues in afterDisconnect() once the socket is closed.
            restartAfterDisconnect = true;
            if (client->state() != QXmppClient::DisconnectedState)
                client->disconnectFromServer();
            QTimer::singleShot(CloseTimeout, q, [this] {
                if (restartAfterDisconnect && socket && socket->state() != QAbstractSocket::UnconnectedState)
                    socket->abort();
            });
            QMetaObject::invokeMethod(q, [this] { afterDisconnect(); }, Qt::QueuedConnection);
            return;
        }
        attemptActive = true;
        attemptConfig = config;
        attemptConnected = false;
        attemptFailure.reset();
        attemptProblem = {};
        qCInfo(lcXmpp) << "connecting" << bareJid() << "to" << serverDescription();
        setState(State::Connecting);
        client->connectToServer(makeConfiguration(), QXmppPresence(QXmppPresence::Available));
    }

    // No connection and no socket still closing: a new attempt may start.
    bool isIdle() const
    {
        return client->state() == QXmppClient::DisconnectedState
            && (!socket || socket->state() == QAbstractSocket::UnconnectedState);
    }

    void onClientState(QXmppClient::State s)
    {
        switch (s) {
        case QXmppClient::ConnectingState:
            setState(State::Connecting);
            break;
        case QXmppClient::ConnectedState:
            attemptConnected = true;
            backoff.reset();
            error = Error::NoError;
            errorString.clear();
            problem = {};
            qCInfo(lcXmpp) << "connected as" << client->configuration().jid();
            setState(State::Connected);
            break;
        case QXmppClient::DisconnectedState:
            setState(State::Disconnected);
            // The error that caused it may be reported right after; decide once both are in.
            QMetaObject::invokeMethod(q, [this] { afterDisconnect(); }, Qt::QueuedConnection);
            break;
        }
    }

    void onSslErrors(const QList<QSslError> &errors)
    {
        const QSslCertificate peer = socket ? socket->peerCertificate() : QSslCertificate();
        const ServerCertificateProblem candidate(peer, errors, domain());
        const QByteArray digest = candidate.sha256();
        const bool pinned = config.pinnedCertificates.contains(digest);
        if (!digest.isEmpty() && (pinned || trustedOnce.contains(digest))) {
            qCInfo(lcXmpp).noquote() << "accepting the certificate" << candidate.fingerprint() << "of" << domain()
                                     << (pinned ? "(pinned)" : "(trusted for this session)")
                                     << "despite:" << candidate.reasons().join(QStringLiteral("; "));
            if (socket)
                socket->ignoreSslErrors();
            else
                client->configuration().setIgnoreSslErrors(true);
            return;
        }
        attemptProblem = candidate;
    }

    Failure classify(const QXmppError &e) const
    {
        const QString server = serverDescription();
        if (const auto socketError = e.value<QAbstractSocket::SocketError>()) {
            if (!attemptProblem.isNull())
                return { Error::CertificateUntrusted, attemptProblem.message(), false };
            if (*socketError == QAbstractSocket::SslHandshakeFailedError)
                return { Error::ServerError,
                         QStringLiteral("The encrypted connection to %1 could not be set up (%2).")
                             .arg(server, e.description),
                         true };
            if (attemptConnected)
                return { Error::ConnectionLost,
                         QStringLiteral("The connection to %1 was lost (%2).").arg(server, e.description), true };
            return { Error::ServerUnreachable,
                     QStringLiteral("Cannot reach the server %1 (%2). Check the server address and your network.")
                         .arg(server, e.description),
                     true };
        }
        if (e.holdsType<QXmpp::TimeoutError>()) {
            if (attemptConnected)
                return { Error::ConnectionLost, QStringLiteral("The server %1 stopped answering.").arg(server), true };
            return { Error::ServerUnreachable, QStringLiteral("The server %1 did not answer in time.").arg(server),
                     true };
        }
        if (const auto auth = e.value<QXmpp::AuthenticationError>()) {
            switch (auth->type) {
            case QXmpp::AuthenticationError::NotAuthorized:
                return { Error::AuthenticationFailed,
                         QStringLiteral("The server %1 rejected the password for %2. Enter the correct password and "
                                        "connect again.")
                             .arg(server, bareJid()),
                         false };
            case QXmpp::AuthenticationError::AccountDisabled:
                return { Error::AuthenticationFailed,
                         QStringLiteral("The account %1 is disabled on its server. Contact the server's "
                                        "administrator.")
                             .arg(bareJid()),
                         false };
            case QXmpp::AuthenticationError::CredentialsExpired:
                return { Error::AuthenticationFailed,
                         QStringLiteral("The password of %1 has expired. Change it with your provider and connect "
                                        "again.")
                             .arg(bareJid()),
                         false };
            case QXmpp::AuthenticationError::MechanismMismatch:
                return { Error::AuthenticationFailed,
                         QStringLiteral("The server %1 offers no login method Peerlink supports.").arg(server), false };
            default:
                return { Error::AuthenticationFailed,
                         QStringLiteral("Logging in to %1 as %2 failed (%3).")
                             .arg(server, bareJid(), auth->text.isEmpty() ? e.description : auth->text),
                         false };
            }
        }
        if (const auto stream = e.value<QXmpp::StreamError>()) {
            switch (*stream) {
            case QXmpp::StreamError::Conflict:
                return { Error::Conflict,
                         QStringLiteral("Another device logged in to %1 with the same name, so the server closed "
                                        "this connection. Connect again to take over.")
                             .arg(bareJid()),
                         false };
            case QXmpp::StreamError::NotAuthorized:
                return { Error::AuthenticationFailed,
                         QStringLiteral("The server %1 refused %2 (%3). Check the password and connect again.")
                             .arg(server, bareJid(), e.description),
                         false };
            case QXmpp::StreamError::ConnectionTimeout:
            case QXmpp::StreamError::HostGone:
            case QXmpp::StreamError::InternalServerError:
            case QXmpp::StreamError::RemoteConnectionFailed:
            case QXmpp::StreamError::Reset:
            case QXmpp::StreamError::ResourceConstraint:
            case QXmpp::StreamError::SystemShutdown:
            case QXmpp::StreamError::UndefinedCondition:
                return { attemptConnected ? Error::ConnectionLost : Error::ServerUnreachable,
                         QStringLiteral("The server %1 closed the connection (%2).").arg(server, e.description), true };
            default:
                return { Error::ServerError,
                         QStringLiteral("The server %1 ended the session (%2). Check the account settings and "
                                        "connect again.")
                             .arg(server, e.description),
                         false };
            }
        }
        if (e.holdsType<QXmpp::BindError>())
            return { Error::ServerError,
                     QStringLiteral("The server %1 refused to open a session for %2 (%3).")
                         .arg(server, bareJid(), e.description),
                     false };
        return { Error::ServerError, QStringLiteral("The connection to %1 failed (%2).").arg(server, e.description),
                 true };
    }

    void onErrorOccurred(const QXmppError &e)
    {
        if (!attemptActive)
            return;
        qCDebug(lcXmpp) << "client error:" << e.description;
        if (!attemptFailure) // the first error is the cause, later ones are consequences
            attemptFailure = classify(e);
    }

    void afterDisconnect()
    {
        if (restartAfterDisconnect) {
            if (isIdle()) {
                restartAfterDisconnect = false;
                startAttempt();
            }
            return;
        }
        if (!attemptActive || client->state() != QXmppClient::DisconnectedState)
            return;
        attemptActive = false;
        Q_EMIT q->contactsReset();
        if (!wantConnected)
            return;

        Failure failure;
        if (!attemptProblem.isNull())
            failure = { Error::CertificateUntrusted, attemptProblem.message(), false };
        else if (attemptFailure)
            failure = *attemptFailure;
        else if (attemptConnected)
            failure = { Error::ConnectionLost,
                        QStringLiteral("The server %1 closed the connection.").arg(serverDescription()), true };
        else
            failure = { Error::ServerError,
                        QStringLiteral("The server %1 closed the connection before login completed. It may not offer "
                                       "the encrypted connection Peerlink requires.")
                            .arg(serverDescription()),
                        true };

        problem = failure.error == Error::CertificateUntrusted ? attemptProblem : ServerCertificateProblem();
        QString message = failure.message;
        int delayMs = -1;
        if (failure.retry) {
            delayMs = int(backoff.nextDelay().count());
            reconnectTimer.start(delayMs);
            message += QStringLiteral(" Peerlink tries again in %1 s.").arg((delayMs + 999) / 1000);
        } else {
            wantConnected = false;
        }
        setError(failure.error, message);
        if (failure.error == Error::CertificateUntrusted)
            Q_EMIT q->certificateRejected(problem);
        if (delayMs >= 0)
            Q_EMIT q->reconnectScheduled(delayMs);
    }

    RosterContact makeContact(const QString &jid) const
    {
        RosterContact c;
        const QXmppRosterIq::Item item = roster->getRosterEntry(jid);
        c.bareJid = jid;
        c.name = item.name();
        c.subscription = subscriptionOf(item.subscriptionType());
        c.subscriptionPending = item.subscriptionStatus() == u"subscribe";
        const auto presences = roster->getAllPresencesForBareJid(jid);
        for (auto it = presences.cbegin(); it != presences.cend(); ++it) {
            if (it.value().type() != QXmppPresence::Available)
                continue;
            c.resources << it.key();
            const auto availability = availabilityOf(it.value());
            if (rank(availability) > rank(c.availability)) {
                c.availability = availability;
                c.statusText = it.value().statusText();
            }
        }
        c.resources.sort();
        return c;
    }

    void onSubscriptionRequest(const QString &jid)
    {
        const QXmppRosterIq::Item item = roster->getRosterEntry(jid);
        const auto type = item.subscriptionType();
        const bool weAsked = type == QXmppRosterIq::Item::To || type == QXmppRosterIq::Item::Both
            || item.subscriptionStatus() == u"subscribe";
        if (roster->getRosterBareJids().contains(jid) && weAsked) {
            qCInfo(lcXmpp) << "approving the presence subscription of" << jid << "(a contact we added)";
            roster->acceptSubscription(jid);
            return;
        }
        Q_EMIT q->subscriptionRequested(jid);
    }
};

Account::Account(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->resource = QStringLiteral("peerlink-%1")
                      .arg(uint(QRandomGenerator::global()->generate() & 0xffffffu), 6, 16, QChar(u'0'));
    d->reconnectTimer.setSingleShot(true);
    connect(&d->reconnectTimer, &QTimer::timeout, this, [this] {
        if (d->wantConnected)
            d->startAttempt();
    });

    d->client = new QXmppClient(QXmppClient::BasicExtensions, this);
    d->socket = d->client->findChild<QSslSocket *>();
    if (d->socket) {
        connect(d->socket, &QAbstractSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
            if (s == QAbstractSocket::UnconnectedState && d->restartAfterDisconnect)
                QMetaObject::invokeMethod(this, [this] { d->afterDisconnect(); }, Qt::QueuedConnection);
        });
    } else {
        qCWarning(lcXmpp) << "QXmpp's socket was not found; pinned certificates rely on the configuration";
    }

    auto *logger = new QXmppLogger(d->client);
    logger->setLoggingType(QXmppLogger::SignalLogging);
    logger->setMessageTypes(QXmppLogger::InformationMessage | QXmppLogger::WarningMessage);
    connect(logger, &QXmppLogger::message, this,
            [](QXmppLogger::MessageType, const QString &text) { qCDebug(lcXmpp).noquote() << "qxmpp:" << text; });
    d->client->setLogger(logger);

    if (auto *disco = d->client->findExtension<QXmppDiscoveryManager>()) {
        disco->setClientName(QStringLiteral("Peerlink"));
        disco->setClientCapabilitiesNode(QStringLiteral("https://peerlink.example/caps"));
    }
    if (auto *version = d->client->findExtension<QXmppVersionManager>()) {
        version->setClientName(QStringLiteral("Peerlink"));
        version->setClientVersion(QStringLiteral(PEERLINK_VERSION));
        version->setClientOs(QString());
    }
    d->client->addNewExtension<AccountFeatures>();
    d->roster = d->client->findExtension<QXmppRosterManager>();
    d->services = new ExternalServices(d->client, this);

    connect(d->client, &QXmppClient::stateChanged, this, [this](QXmppClient::State s) { d->onClientState(s); });
    connect(d->client, &QXmppClient::errorOccurred, this, [this](const QXmppError &e) { d->onErrorOccurred(e); });
    connect(d->client, &QXmppClient::sslErrors, this, [this](const QList<QSslError> &e) { d->onSslErrors(e); });

    connect(d->roster, &QXmppRosterManager::rosterReceived, this, &Account::contactsReset);
    connect(d->roster, &QXmppRosterManager::itemAdded, this, &Account::contactChanged);
    connect(d->roster, &QXmppRosterManager::itemChanged, this, &Account::contactChanged);
    connect(d->roster, &QXmppRosterManager::itemRemoved, this, &Account::contactRemoved);
    connect(d->roster, &QXmppRosterManager::presenceChanged, this,
            [this](const QString &bareJid, const QString &) { Q_EMIT contactChanged(bareJid); });
    connect(d->roster, &QXmppRosterManager::subscriptionRequestReceived, this,
            [this](const QString &bareJid, const QXmppPresence &) { d->onSubscriptionRequest(bareJid); });

    connect(d->services, &ExternalServices::servicesChanged, this, &Account::externalServicesChanged);
}

Account::~Account()
{
    d->wantConnected = false;
    d->reconnectTimer.stop();
    // Nothing may call back into d while the client goes away.
    disconnect(d->client, nullptr, this, nullptr);
    disconnect(d->roster, nullptr, this, nullptr);
    if (d->socket)
        disconnect(d->socket, nullptr, this, nullptr);
    delete d->services;
    if (d->client->state() != QXmppClient::DisconnectedState)
        d->client->disconnectFromServer();
    delete d->client;
}

AccountConfig Account::config() const
{
    return d->config;
}

void Account::setConfig(const AccountConfig &config)
{
    if (d->config == config)
        return;
    d->config = config;
    if (const QString resource = QXmppUtils::jidToResource(config.jid); !resource.isEmpty())
        d->resource = resource;
    Q_EMIT configChanged();
}

Account::State Account::state() const
{
    return d->state;
}

Account::Error Account::error() const
{
    return d->error;
}

QString Account::errorString() const
{
    return d->errorString;
}

ServerCertificateProblem Account::certificateProblem() const
{
    return d->problem;
}

bool Account::isReconnectScheduled() const
{
    return d->reconnectTimer.isActive();
}

QString Account::boundJid() const
{
    return d->state == State::Connected ? d->client->configuration().jid() : QString();
}

void Account::connectToServer()
{
    if (QXmppUtils::jidToUser(d->config.jid).isEmpty() || QXmppUtils::jidToDomain(d->config.jid).isEmpty()) {
        d->setError(Error::InvalidConfiguration,
                    QStringLiteral("'%1' is not a valid account address. Enter it as name@server.").arg(d->config.jid));
        return;
    }
    if (d->config.password.isEmpty()) {
        d->setError(
            Error::InvalidConfiguration,
            QStringLiteral("No password is set for %1. Enter the password and connect again.").arg(d->bareJid()));
        return;
    }
    if (d->wantConnected && d->state != State::Disconnected && d->attemptActive && d->attemptConfig == d->config)
        return; // already on its way with this config
    d->wantConnected = true;
    d->backoff.reset();
    d->error = Error::NoError;
    d->errorString.clear();
    d->problem = {};
    d->startAttempt();
}

void Account::disconnectFromServer()
{
    d->wantConnected = false;
    d->restartAfterDisconnect = false;
    d->reconnectTimer.stop();
    if (d->client->state() != QXmppClient::DisconnectedState)
        d->client->disconnectFromServer();
    else
        d->attemptActive = false;
}

void Account::trustCertificateOnce()
{
    if (d->problem.isNull())
        return;
    const QByteArray digest = d->problem.sha256();
    if (!d->trustedOnce.contains(digest))
        d->trustedOnce << digest;
    connectToServer();
}

void Account::pinCertificate()
{
    if (d->problem.isNull())
        return;
    const QByteArray digest = d->problem.sha256();
    if (!d->config.pinnedCertificates.contains(digest)) {
        d->config.pinnedCertificates << digest;
        Q_EMIT configChanged();
    }
    connectToServer();
}

QList<RosterContact> Account::contacts() const
{
    QList<RosterContact> result;
    const QStringList jids = d->roster->getRosterBareJids();
    for (const QString &jid : jids)
        result << d->makeContact(jid);
    return result;
}

std::optional<RosterContact> Account::contact(const QString &bareJid) const
{
    if (!d->roster->getRosterBareJids().contains(bareJid))
        return std::nullopt;
    return d->makeContact(bareJid);
}

bool Account::addContact(const QString &bareJid, const QString &name)
{
    if (d->state != State::Connected || !isBareJid(bareJid))
        return false;
    d->roster->addRosterItem(bareJid, name).then(this, [bareJid](QXmppRosterManager::Result &&result) {
        if (const auto *error = std::get_if<QXmppError>(&result))
            qCWarning(lcXmpp) << "adding" << bareJid << "to the roster failed:" << error->description;
    });
    d->roster->subscribeTo(bareJid).then(this, [bareJid](QXmpp::SendResult &&result) {
        if (const auto *error = std::get_if<QXmppError>(&result))
            qCWarning(lcXmpp) << "asking" << bareJid << "for presence failed:" << error->description;
    });
    return true;
}

bool Account::approveSubscription(const QString &bareJid)
{
    if (d->state != State::Connected || !isBareJid(bareJid))
        return false;
    if (!d->roster->acceptSubscription(bareJid))
        return false;
    const QXmppRosterIq::Item item = d->roster->getRosterEntry(bareJid);
    const auto type = item.subscriptionType();
    const bool seesThem = type == QXmppRosterIq::Item::To || type == QXmppRosterIq::Item::Both
        || item.subscriptionStatus() == u"subscribe";
    if (!seesThem) {
        d->roster->subscribeTo(bareJid).then(this, [bareJid](QXmpp::SendResult &&result) {
            if (const auto *error = std::get_if<QXmppError>(&result))
                qCWarning(lcXmpp) << "asking" << bareJid << "for presence failed:" << error->description;
        });
    }
    return true;
}

bool Account::refuseSubscription(const QString &bareJid)
{
    if (d->state != State::Connected || !isBareJid(bareJid))
        return false;
    return d->roster->refuseSubscription(bareJid);
}

bool Account::removeContact(const QString &bareJid)
{
    if (d->state != State::Connected || !isBareJid(bareJid))
        return false;
    d->roster->removeRosterItem(bareJid).then(this, [bareJid](QXmppRosterManager::Result &&result) {
        if (const auto *error = std::get_if<QXmppError>(&result))
            qCWarning(lcXmpp) << "removing" << bareJid << "from the roster failed:" << error->description;
    });
    return true;
}

QList<ExternalService> Account::externalServices() const
{
    return d->services->services();
}

void Account::refreshExternalServices()
{
    d->services->refresh();
}

QStringList Account::supportedFeatures()
{
    return AccountFeatures::jingleFeatures();
}

QXmppClient *Account::client() const
{
    return d->client;
}

} // namespace Peerlink
