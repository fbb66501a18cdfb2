#include "core/xmpp/ExternalServices.h"

#include "core/Logging.h"

#include <QTimer>
#include <QXmppClient.h>
#include <QXmppExternalServiceDiscoveryManager.h>
#include <QXmppStanza.h>
#include <QXmppTask.h>

#include <algorithm>

namespace Peerlink {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

constexpr auto MinimumRefresh = milliseconds(5s);
constexpr auto MaximumRefresh = milliseconds(12h);
constexpr auto ExpiredRetry = milliseconds(5min);
constexpr auto FailureRetry = milliseconds(30s);

} // namespace

struct ExternalServices::Private
{
    QXmppClient *client = nullptr;
    QXmppExternalServiceDiscoveryManager *manager = nullptr;
    QList<ExternalService> services;
    QDateTime lastUpdate;
    QTimer timer;
    quint64 generation = 0; // answers to older requests are dropped
};

ExternalServices::ExternalServices(QXmppClient *client, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->client = client;
    d->manager = client->findExtension<QXmppExternalServiceDiscoveryManager>();
    if (!d->manager)
        d->manager = client->addNewExtension<QXmppExternalServiceDiscoveryManager>();
    d->timer.setSingleShot(true);
    connect(&d->timer, &QTimer::timeout, this, &ExternalServices::refresh);
    connect(client, &QXmppClient::connected, this, &ExternalServices::refresh);
    connect(client, &QXmppClient::disconnected, this, [this] {
        // The credentials stay valid until they expire; they are fetched again on the next login.
        d->timer.stop();
        ++d->generation;
    });
}

ExternalServices::~ExternalServices() = default;

QList<ExternalService> ExternalServices::services() const
{
    return d->services;
}

QList<ExternalService> ExternalServices::turnServices() const
{
    QList<ExternalService> result;
    std::copy_if(d->services.cbegin(), d->services.cend(), std::back_inserter(result),
                 [](const ExternalService &s) { return s.isTurn(); });
    return result;
}

QDateTime ExternalServices::lastUpdate() const
{
    return d->lastUpdate;
}

void ExternalServices::refresh()
{
    d->timer.stop();
    if (!d->client->isAuthenticated() || !d->client->isConnected())
        return;
    const quint64 generation = ++d->generation;
    const QString server = d->client->configuration().domain();
    qCDebug(lcXmpp) << "asking" << server << "for STUN/TURN services (XEP-0215)";
    d->manager->requestServices(server).then(this, [this, generation, server](auto &&result) {
        if (generation != d->generation)
            return;
        if (const auto *error = std::get_if<QXmppError>(&result)) {
            const auto stanzaError = error->template value<QXmppStanza::Error>();
            const bool unsupported = stanzaError
                && (stanzaError->condition() == QXmppStanza::Error::ServiceUnavailable
                    || stanzaError->condition() == QXmppStanza::Error::FeatureNotImplemented
                    || stanzaError->condition() == QXmppStanza::Error::ItemNotFound);
            if (unsupported) {
                qCInfo(lcXmpp) << server << "offers no STUN/TURN services (XEP-0215)";
                if (!d->services.isEmpty()) {
                    d->services.clear();
                    Q_EMIT servicesChanged();
                }
                return;
            }
            const QString message = QStringLiteral("Could not get the STUN/TURN servers of %1: %2. Peerlink asks "
                                                   "again in %3 s; direct connections may fail meanwhile.")
                                        .arg(server, error->description)
                                        .arg(FailureRetry.count() / 1000);
            qCWarning(lcXmpp).noquote() << message;
            d->timer.start(FailureRetry);
            Q_EMIT refreshFailed(message);
            return;
        }
        QList<ExternalService> services;
        for (const QXmppExternalService &service : std::get<QVector<QXmppExternalService>>(result))
            services << fromQXmpp(service);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        d->services = services;
        d->lastUpdate = now;
        if (const auto delay = refreshDelay(services, now)) {
            qCDebug(lcXmpp) << "got" << services.size() << "STUN/TURN services; asking again in" << delay->count()
                            << "ms";
            d->timer.start(*delay);
        } else {
            qCDebug(lcXmpp) << "got" << services.size() << "STUN/TURN services; none expires";
        }
        Q_EMIT servicesChanged();
    });
}

ExternalService ExternalServices::fromQXmpp(const QXmppExternalService &service)
{
    ExternalService s;
    s.typeName = service.type();
    const QString type = s.typeName.toLower();
    if (type == u"stun")
        s.type = ExternalService::Type::Stun;
    else if (type == u"turn")
        s.type = ExternalService::Type::Turn;
    else if (type == u"turns")
        s.type = ExternalService::Type::Turns;
    s.host = service.host();
    if (const auto port = service.port(); port && *port > 0 && *port <= 65535)
        s.port = quint16(*port);
    if (const auto transport = service.transport())
        s.transport = *transport == QXmppExternalService::Transport::Udp ? ExternalService::Transport::Udp
                                                                         : ExternalService::Transport::Tcp;
    s.username = service.username().value_or(QString());
    s.password = service.password().value_or(QString());
    if (const auto expires = service.expires())
        s.expires = expires->toUTC();
    s.restricted = service.restricted().value_or(false);
    s.name = service.name().value_or(QString());
    return s;
}

std::optional<milliseconds> ExternalServices::refreshDelay(const QList<ExternalService> &services, const QDateTime &now)
{
    std::optional<qint64> shortest;
    for (const ExternalService &s : services) {
        if (!s.expires.isValid())
            continue;
        const qint64 remaining = now.msecsTo(s.expires);
        if (!shortest || remaining < *shortest)
            shortest = remaining;
    }
    if (!shortest)
        return std::nullopt;
    if (*shortest <= 0)
        return ExpiredRetry;
    return std::clamp(milliseconds(*shortest * 8 / 10), MinimumRefresh, MaximumRefresh);
}

} // namespace Peerlink
