// TurnTlsTunnel: TURN over TLS for libnice. libnice 0.1.22 speaks plain TCP to a server given as
// NICE_RELAY_TYPE_TURN_TLS (it only has a fake "pseudo-SSL" handshake for Google/MS-OC modes, and
// links no TLS library), so an IceAgent gives libnice this tunnel's loopback port as a TURN/TCP
// server; each connection libnice opens is carried inside a real TLS connection (GIO, GnuTLS
// backend of glib-networking) to the TURN server, whose certificate is verified against the
// system's authorities, or the PEM certificates the configuration trusts for it.
// Lives on the network thread (everything runs on its GMainContext). Internal to core/ice.
#pragma once

#include <gio/gio.h>

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <functional>

namespace Peerlink {

class TurnTlsTunnel
{
public:
    // serverName: the name the certificate must carry (the configured host); serverAddress:
    // where it resolved to.
    static TurnTlsTunnel *create(const QString &serverName, const QHostAddress &serverAddress, quint16 serverPort,
                                 const QByteArray &trustedCertificatesPem);

    // Starts listening on listenAddress (a loopback address), port chosen by the system.
    bool listen(const QHostAddress &listenAddress, QString *error);
    QHostAddress listenAddress() const { return m_listenAddress; }
    quint16 listenPort() const { return m_listenPort; }

    // Whether one of the tunnel's connections to the TURN server leaves from address:port (what
    // the server reports as the mapped address of allocations made through the tunnel when no
    // NAT is in between).
    bool isUpstreamAddress(const QHostAddress &address, quint16 port) const;

    // Failures seen so far (connection, handshake, certificate), for error messages.
    QStringList errors() const { return m_errors; }
    QString serverDescription() const;
    // Called (on the network thread) after each new failure.
    void setErrorHandler(std::function<void()> handler) { m_onError = std::move(handler); }

    // Stops accepting and cuts every tunnelled connection; frees the tunnel once pending
    // operations are done. The pointer must not be used afterwards.
    void destroy();

private:
    struct Connection;
    friend struct Connection;

    TurnTlsTunnel() = default;
    ~TurnTlsTunnel();
    void ref() { ++m_refs; }
    void unref();
    void acceptNext();
    static void onAccepted(GObject *source, GAsyncResult *result, gpointer data);
    void addError(const QString &error);

    int m_refs = 1;
    bool m_destroyed = false;
    QString m_serverName;
    QHostAddress m_serverAddress;
    quint16 m_serverPort = 0;
    GList *m_trusted = nullptr; // GTlsCertificate*
    GSocketListener *m_listener = nullptr;
    GCancellable *m_cancellable = nullptr;
    QHostAddress m_listenAddress;
    quint16 m_listenPort = 0;
    QStringList m_errors;
    std::function<void()> m_onError;
    QList<QPair<QHostAddress, quint16>> m_upstream; // local ends of connections to the server
    QList<Connection *> m_connections;
};

} // namespace Peerlink
