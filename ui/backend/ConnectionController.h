// ConnectionController: the peer-to-peer connections with contacts (what the Connect buttons
// and the connection details show and do), and the network settings they use. Qt and core
// value types only; CoreConnectionController adapts core/session SessionManager, tests use a fake.
#pragma once

#include "core/ice/IceConfig.h"
#include "core/xmpp/ExternalService.h"
#include "ui/backend/ConnectionInfo.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace Peerlink {

class ConnectionController : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual ConnectionInfo connection(const QString &bareJid) const = 0;
    // Starts connecting (or keeps the running connection). False with *error when it cannot
    // even start (signed out, contact offline, ...); the contact's connection then shows it too.
    virtual bool connectToContact(const QString &bareJid, QString *error) = 0;
    virtual void disconnectFromContact(const QString &bareJid) = 0;

    // The STUN/TURN services the XMPP server announces (XEP-0215).
    virtual QList<ExternalService> serverServices() const = 0;
    // The user's network settings, for connections started from now on.
    virtual void setNetworkSettings(const IceConfig &ice, bool useServerServices) = 0;

Q_SIGNALS:
    // Anything about the connection with this contact changed (state, path, RTT, candidates).
    void connectionChanged(const QString &bareJid);
    void serverServicesChanged();
    // The contact's device presented a key not seen before for them.
    void peerDeviceChanged(const QString &bareJid, const QByteArray &fingerprint);
};

} // namespace Peerlink
