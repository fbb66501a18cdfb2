// XEP-0215: the STUN/TURN services the user's XMPP server offers. Fetched after each login and
// again before the short-lived TURN credentials expire (at 80 % of their lifetime).
#pragma once

#include "core/xmpp/ExternalService.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

class QXmppClient;
class QXmppExternalService;

namespace Peerlink {

class ExternalServices : public QObject
{
    Q_OBJECT

public:
    // Registers a QXmppExternalServiceDiscoveryManager with the client (unless it has one) and
    // follows the client's connection. Lives on the client's (the main) thread.
    explicit ExternalServices(QXmppClient *client, QObject *parent = nullptr);
    ~ExternalServices() override;

    QList<ExternalService> services() const;
    QList<ExternalService> turnServices() const;
    QDateTime lastUpdate() const;

    // Asks the server now (when connected); servicesChanged() or refreshFailed() follow.
    void refresh();

    static ExternalService fromQXmpp(const QXmppExternalService &service);
    // When to ask again: 80 % of the shortest remaining lifetime, at least 5 s and at most 12 h;
    // nothing if no service expires. Credentials already expired on arrival (clock skew) are
    // asked for again after 5 minutes.
    static std::optional<std::chrono::milliseconds> refreshDelay(const QList<ExternalService> &services,
                                                                 const QDateTime &now);

Q_SIGNALS:
    void servicesChanged();
    void refreshFailed(const QString &message);

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
