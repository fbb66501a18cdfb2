#include "core/Logging.h"
#include "core/ice/TurnTlsTunnel_p.h"

#if __has_include(<netinet/tcp.h>)
#include <netinet/in.h>
#include <netinet/tcp.h>
#endif

namespace Peerlink {

namespace {

// TCP keep-alive of an established tunnel: the first probe after 15 s without traffic, then
// every 5 s; a server that misses 3 in a row is gone (about 30 s, the consent timeout).
constexpr int KeepAliveIdleSeconds = 15;
constexpr int KeepAliveIntervalSeconds = 5;
constexpr int KeepAliveProbes = 3;

QString errorText(const GError *error)
{
    return error ? QString::fromUtf8(error->message) : QStringLiteral("unknown error");
}

bool isCancelled(const GError *error)
{
    return error && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

// Every certificate in a PEM bundle (g_tls_certificate_new_from_pem reads only the first).
GList *parseCertificates(const QByteArray &pem)
{
    static const QByteArray end = QByteArrayLiteral("-----END CERTIFICATE-----");
    GList *certificates = nullptr;
    qsizetype from = 0;
    while (true) {
        const qsizetype begin = pem.indexOf("-----BEGIN CERTIFICATE-----", from);
        if (begin < 0)
            break;
        const qsizetype stop = pem.indexOf(end, begin);
        if (stop < 0)
            break;
        const QByteArray one = pem.mid(begin, stop + end.size() - begin);
        GError *error = nullptr;
        if (GTlsCertificate *certificate = g_tls_certificate_new_from_pem(one.constData(), one.size(), &error))
            certificates = g_list_append(certificates, certificate);
        else
            qCWarning(lcIce) << "ignoring a trusted TURN certificate that does not parse:" << errorText(error);
        g_clear_error(&error);
        from = stop + end.size();
    }
    return certificates;
}

} // namespace

// One connection from libnice, carried to the TURN server inside TLS. Reference counted: each
// pending GIO operation holds a reference, so callbacks never see a freed connection.
struct TurnTlsTunnel::Connection
{
    struct Pump
    {
        Connection *connection = nullptr;
        GInputStream *in = nullptr;
        GOutputStream *out = nullptr;
        char buffer[16 * 1024];
    };

    Connection(TurnTlsTunnel *owner, GSocketConnection *fromLibnice)
        : tunnel(owner)
        , local(fromLibnice)
    {
        tunnel->ref();
        tunnel->m_connections.append(this);
        up.connection = this;
        down.connection = this;
    }

    ~Connection()
    {
        g_cancellable_cancel(cancellable);
        if (tls)
            g_object_unref(tls);
        if (remote)
            g_object_unref(remote);
        if (client)
            g_object_unref(client);
        if (identity)
            g_object_unref(identity);
        g_object_unref(local);
        g_object_unref(cancellable);
        tunnel->m_connections.removeOne(this);
        tunnel->unref();
    }

    void ref() { ++refs; }
    void unref()
    {
        if (--refs == 0)
            delete this;
    }

    // Cuts both directions; the sockets close once the cancelled operations have returned.
    void close()
    {
        if (closed)
            return;
        closed = true;
        g_cancellable_cancel(cancellable);
    }

    void start()
    {
        client = g_socket_client_new();
        g_socket_client_set_timeout(client, 10);
        GSocketAddress *address = g_inet_socket_address_new_from_string(
            tunnel->m_serverAddress.toString().toLatin1().constData(), tunnel->m_serverPort);
        if (!address) {
            tunnel->addError(QStringLiteral("bad address for TURN server %1").arg(tunnel->serverDescription()));
            close();
            return;
        }
        ref();
        g_socket_client_connect_async(client, G_SOCKET_CONNECTABLE(address), cancellable, &Connection::onConnected,
                                      this);
        g_object_unref(address);
    }

    static void onConnected(GObject *source, GAsyncResult *result, gpointer data)
    {
        auto *c = static_cast<Connection *>(data);
        GError *error = nullptr;
        c->remote = g_socket_client_connect_finish(G_SOCKET_CLIENT(source), result, &error);
        if (!c->remote) {
            if (!isCancelled(error))
                c->tunnel->addError(QStringLiteral("cannot connect to TURN server %1: %2")
                                        .arg(c->tunnel->serverDescription(), errorText(error)));
            g_clear_error(&error);
            c->close();
            c->unref();
            return;
        }
        if (c->closed) {
            c->unref();
            return;
        }
        if (GSocketAddress *local = g_socket_connection_get_local_address(c->remote, nullptr)) {
            gchar *text = g_inet_address_to_string(g_inet_socket_address_get_address(G_INET_SOCKET_ADDRESS(local)));
            c->tunnel->m_upstream.append({ QHostAddress(QString::fromLatin1(text)),
                                           quint16(g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(local))) });
            g_free(text);
            g_object_unref(local);
        }
        c->identity = g_network_address_new(c->tunnel->m_serverName.toUtf8().constData(), c->tunnel->m_serverPort);
        c->tls = g_tls_client_connection_new(G_IO_STREAM(c->remote), c->identity, &error);
        if (!c->tls) {
            c->tunnel->addError(QStringLiteral("TLS is not available for TURN server %1: %2")
                                    .arg(c->tunnel->serverDescription(), errorText(error)));
            g_clear_error(&error);
            c->close();
            c->unref();
            return;
        }
        g_signal_connect(c->tls, "accept-certificate", G_CALLBACK(&Connection::onAcceptCertificate), c);
        g_tls_connection_handshake_async(G_TLS_CONNECTION(c->tls), G_PRIORITY_DEFAULT, c->cancellable,
                                         &Connection::onHandshake, c); // keeps the reference
    }

    // Called by GIO when the system's authorities do not vouch for the certificate.
    static gboolean onAcceptCertificate(GTlsConnection *, GTlsCertificate *peer, GTlsCertificateFlags, gpointer data)
    {
        auto *c = static_cast<Connection *>(data);
        for (GList *item = c->tunnel->m_trusted; item; item = item->next) {
            auto *trusted = G_TLS_CERTIFICATE(item->data);
            if (g_tls_certificate_is_same(peer, trusted))
                return TRUE;
            if (g_tls_certificate_verify(peer, c->identity, trusted) == 0)
                return TRUE;
        }
        c->tunnel->addError(QStringLiteral("the TLS certificate of TURN server %1 is not trusted "
                                           "(not signed by a known authority, or for another name)")
                                .arg(c->tunnel->serverDescription()));
        return FALSE;
    }

    static void onHandshake(GObject *source, GAsyncResult *result, gpointer data)
    {
        auto *c = static_cast<Connection *>(data);
        GError *error = nullptr;
        if (!g_tls_connection_handshake_finish(G_TLS_CONNECTION(source), result, &error)) {
            if (!isCancelled(error))
                c->tunnel->addError(QStringLiteral("TLS handshake with TURN server %1 failed: %2")
                                        .arg(c->tunnel->serverDescription(), errorText(error)));
            g_clear_error(&error);
            c->close();
            c->unref();
            return;
        }
        if (!c->closed) {
            qCDebug(lcIce) << "TLS tunnel to TURN server" << c->tunnel->serverDescription() << "established";
            c->keepOpenWhileIdle();
            c->up.in = g_io_stream_get_input_stream(G_IO_STREAM(c->local));
            c->up.out = g_io_stream_get_output_stream(c->tls);
            c->down.in = g_io_stream_get_input_stream(c->tls);
            c->down.out = g_io_stream_get_output_stream(G_IO_STREAM(c->local));
            c->read(&c->up);
            c->read(&c->down);
        }
        c->unref();
    }

    // The client's I/O timeout bounds connecting and the TLS handshake. It stays on the socket
    // afterwards, where it would end a healthy tunnel with "Socket I/O timed out" as soon as the
    // TURN server has nothing to say for that long (a read pending between allocation refreshes).
    // An established tunnel waits for data without a limit; TCP keep-alive probes find a server
    // that vanished without closing the connection.
    void keepOpenWhileIdle()
    {
        GSocket *socket = g_socket_connection_get_socket(remote);
        g_socket_set_timeout(socket, 0);
        g_socket_set_keepalive(socket, TRUE);
#if defined(TCP_KEEPIDLE) && defined(TCP_KEEPINTVL) && defined(TCP_KEEPCNT)
        GError *error = nullptr;
        const bool tuned = g_socket_set_option(socket, IPPROTO_TCP, TCP_KEEPIDLE, KeepAliveIdleSeconds, &error)
            && g_socket_set_option(socket, IPPROTO_TCP, TCP_KEEPINTVL, KeepAliveIntervalSeconds, &error)
            && g_socket_set_option(socket, IPPROTO_TCP, TCP_KEEPCNT, KeepAliveProbes, &error);
        if (!tuned)
            qCDebug(lcIce) << "TCP keep-alive timing not set for the TURN/TLS tunnel:" << errorText(error);
        g_clear_error(&error);
#endif
    }

    void read(Pump *pump)
    {
        ref();
        g_input_stream_read_async(pump->in, pump->buffer, sizeof pump->buffer, G_PRIORITY_DEFAULT, cancellable,
                                  &Connection::onRead, pump);
    }

    static void onRead(GObject *source, GAsyncResult *result, gpointer data)
    {
        auto *pump = static_cast<Pump *>(data);
        Connection *c = pump->connection;
        GError *error = nullptr;
        const gssize n = g_input_stream_read_finish(G_INPUT_STREAM(source), result, &error);
        if (n <= 0 || c->closed) {
            if (n < 0 && !isCancelled(error) && pump == &c->down)
                c->tunnel->addError(QStringLiteral("TLS connection to TURN server %1 broke: %2")
                                        .arg(c->tunnel->serverDescription(), errorText(error)));
            g_clear_error(&error);
            c->close();
            c->unref();
            return;
        }
        g_output_stream_write_all_async(pump->out, pump->buffer, gsize(n), G_PRIORITY_DEFAULT, c->cancellable,
                                        &Connection::onWritten, pump); // keeps the reference
    }

    static void onWritten(GObject *source, GAsyncResult *result, gpointer data)
    {
        auto *pump = static_cast<Pump *>(data);
        Connection *c = pump->connection;
        GError *error = nullptr;
        if (!g_output_stream_write_all_finish(G_OUTPUT_STREAM(source), result, nullptr, &error) || c->closed) {
            g_clear_error(&error);
            c->close();
            c->unref();
            return;
        }
        c->read(pump);
        c->unref();
    }

    int refs = 1;
    bool closed = false;
    TurnTlsTunnel *tunnel;
    GSocketConnection *local;
    GSocketClient *client = nullptr;
    GSocketConnection *remote = nullptr;
    GSocketConnectable *identity = nullptr;
    GIOStream *tls = nullptr;
    GCancellable *cancellable = g_cancellable_new();
    Pump up; // libnice -> TURN server
    Pump down; // TURN server -> libnice
};

TurnTlsTunnel *TurnTlsTunnel::create(const QString &serverName, const QHostAddress &serverAddress, quint16 serverPort,
                                     const QByteArray &trustedCertificatesPem)
{
    auto *tunnel = new TurnTlsTunnel;
    tunnel->m_serverName = serverName;
    tunnel->m_serverAddress = serverAddress;
    tunnel->m_serverPort = serverPort;
    tunnel->m_trusted = parseCertificates(trustedCertificatesPem);
    tunnel->m_cancellable = g_cancellable_new();
    return tunnel;
}

TurnTlsTunnel::~TurnTlsTunnel()
{
    if (m_listener)
        g_object_unref(m_listener);
    g_object_unref(m_cancellable);
    g_list_free_full(m_trusted, g_object_unref);
}

bool TurnTlsTunnel::isUpstreamAddress(const QHostAddress &address, quint16 port) const
{
    for (const auto &[upstreamAddress, upstreamPort] : m_upstream) {
        if (upstreamPort == port && upstreamAddress.isEqual(address))
            return true;
    }
    return false;
}

QString TurnTlsTunnel::serverDescription() const
{
    return QStringLiteral("%1 port %2 (TLS)").arg(m_serverName).arg(m_serverPort);
}

void TurnTlsTunnel::addError(const QString &error)
{
    qCWarning(lcIce).noquote() << error;
    if (m_errors.contains(error))
        return;
    m_errors.append(error);
    if (m_onError)
        m_onError();
}

void TurnTlsTunnel::unref()
{
    if (--m_refs == 0)
        delete this;
}

bool TurnTlsTunnel::listen(const QHostAddress &listenAddress, QString *error)
{
    m_listener = g_socket_listener_new();
    GSocketAddress *address = g_inet_socket_address_new_from_string(listenAddress.toString().toLatin1().constData(), 0);
    GSocketAddress *effective = nullptr;
    GError *gerror = nullptr;
    const bool ok = address
        && g_socket_listener_add_address(m_listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, nullptr,
                                         &effective, &gerror);
    if (address)
        g_object_unref(address);
    if (!ok) {
        if (error)
            *error = QStringLiteral("cannot listen for the TURN/TLS tunnel on %1: %2")
                         .arg(listenAddress.toString(), errorText(gerror));
        g_clear_error(&gerror);
        return false;
    }
    m_listenAddress = listenAddress;
    m_listenPort = quint16(g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(effective)));
    g_object_unref(effective);
    acceptNext();
    return true;
}

void TurnTlsTunnel::acceptNext()
{
    ref();
    g_socket_listener_accept_async(m_listener, m_cancellable, &TurnTlsTunnel::onAccepted, this);
}

void TurnTlsTunnel::onAccepted(GObject *source, GAsyncResult *result, gpointer data)
{
    auto *tunnel = static_cast<TurnTlsTunnel *>(data);
    GError *error = nullptr;
    GSocketConnection *connection = g_socket_listener_accept_finish(G_SOCKET_LISTENER(source), result, nullptr, &error);
    if (!connection) {
        if (!isCancelled(error) && !tunnel->m_destroyed) {
            tunnel->addError(QStringLiteral("the TURN/TLS tunnel cannot accept: %1").arg(errorText(error)));
        }
        g_clear_error(&error);
        tunnel->unref();
        return;
    }
    if (tunnel->m_destroyed) {
        g_object_unref(connection);
        tunnel->unref();
        return;
    }
    auto *c = new Connection(tunnel, connection);
    c->start();
    c->unref(); // start() holds its own references while work is pending
    tunnel->acceptNext();
    tunnel->unref();
}

void TurnTlsTunnel::destroy()
{
    m_destroyed = true;
    m_onError = {};
    g_cancellable_cancel(m_cancellable);
    if (m_listener)
        g_socket_listener_close(m_listener);
    const QList<Connection *> connections = m_connections;
    for (Connection *c : connections)
        c->close();
    unref();
}

} // namespace Peerlink
