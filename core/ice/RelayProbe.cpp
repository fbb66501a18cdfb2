#include "core/Logging.h"
#include "core/ice/RelayProbe_p.h"
#include "core/net/NetworkThread.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Peerlink {

namespace {

GSocketAddress *socketAddress(const QHostAddress &address, quint16 port)
{
    return g_inet_socket_address_new_from_string(address.toString().toLatin1().constData(), port);
}

// Only a refusal counts: an unreachable host or network may be a local outage that passes.
bool refused(const GError *error)
{
    return error && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

} // namespace

RelayProbe::RelayProbe(NetworkThread &thread, Callback callback)
    : m_net(thread)
    , m_callback(std::move(callback))
    , m_cancellable(g_cancellable_new())
{ }

RelayProbe::~RelayProbe()
{
    if (m_source) {
        g_source_destroy(m_source);
        g_source_unref(m_source);
    }
    if (m_socket) {
        g_socket_close(m_socket, nullptr);
        g_object_unref(m_socket);
    }
    g_object_unref(m_cancellable);
}

RelayProbe *RelayProbe::start(NetworkThread &thread, const QHostAddress &address, quint16 port, bool tcp,
                              Callback callback)
{
    auto *probe = new RelayProbe(thread, std::move(callback));
    probe->m_timer = thread.schedule(TimeoutMs, [probe] {
        probe->m_timer = 0;
        probe->finish(Result::Unknown, QStringLiteral("no answer within %1 s").arg(TimeoutMs / 1000.0));
    });
    // Started from the event loop, so that the callback never runs before start() returned.
    ++probe->m_refs;
    thread.post([probe, address, port, tcp] {
        if (!probe->m_done) {
            if (tcp)
                probe->startTcp(address, port);
            else
                probe->startUdp(address, port);
        }
        probe->unref();
    });
    return probe;
}

void RelayProbe::cancel()
{
    m_callback = {};
    finish(Result::Unknown, {});
}

void RelayProbe::unref()
{
    if (--m_refs == 0)
        delete this;
}

void RelayProbe::finish(Result result, const QString &detail)
{
    if (m_done)
        return;
    m_done = true;
    m_net.cancel(std::exchange(m_timer, 0));
    m_net.cancel(std::exchange(m_retransmit, 0));
    g_cancellable_cancel(m_cancellable);
    if (m_source) {
        g_source_destroy(m_source);
        g_source_unref(std::exchange(m_source, nullptr));
    }
    if (auto callback = std::exchange(m_callback, {}))
        callback(result, detail);
    unref(); // the owner's reference: the probe is done (this may delete it)
}

// A STUN Binding request (RFC 8489): type 0x0001, no attributes, the magic cookie, a random
// transaction id. Any TURN server answers it on its listening port.
void RelayProbe::startUdp(const QHostAddress &address, quint16 port)
{
    m_request[0] = 0x00;
    m_request[1] = 0x01;
    m_request[4] = 0x21;
    m_request[5] = 0x12;
    m_request[6] = 0xa4;
    m_request[7] = 0x42;
    for (int i = 8; i < 20; ++i)
        m_request[i] = static_cast<unsigned char>(QRandomGenerator::global()->bounded(256));

    GError *error = nullptr;
    const GSocketFamily family
        = address.protocol() == QAbstractSocket::IPv6Protocol ? G_SOCKET_FAMILY_IPV6 : G_SOCKET_FAMILY_IPV4;
    m_socket = g_socket_new(family, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
    GSocketAddress *remote = m_socket ? socketAddress(address, port) : nullptr;
    // Connected: an ICMP "port unreachable" from the server's host comes back as ECONNREFUSED.
    if (!m_socket || !remote || !g_socket_connect(m_socket, remote, nullptr, &error)) {
        const QString detail = error ? QString::fromUtf8(error->message) : QStringLiteral("no socket");
        g_clear_error(&error);
        if (remote)
            g_object_unref(remote);
        finish(Result::Unknown, detail);
        return;
    }
    g_object_unref(remote);
    g_socket_set_blocking(m_socket, FALSE);
    m_source = g_socket_create_source(m_socket, GIOCondition(G_IO_IN | G_IO_ERR), nullptr);
    g_source_set_callback(m_source, G_SOURCE_FUNC(&RelayProbe::onReadable), this, nullptr);
    g_source_attach(m_source, g_main_context_get_thread_default());
    sendRequest();
}

void RelayProbe::sendRequest()
{
    if (m_done || !m_socket)
        return;
    GError *error = nullptr;
    if (g_socket_send(m_socket, reinterpret_cast<const gchar *>(m_request), sizeof m_request, nullptr, &error) < 0
        && refused(error)) {
        const QString detail = QString::fromUtf8(error->message);
        g_clear_error(&error);
        finish(Result::Refused, detail);
        return;
    }
    g_clear_error(&error);
    m_retransmit = m_net.schedule(RetransmitMs, [this] {
        m_retransmit = 0;
        sendRequest();
    });
}

gboolean RelayProbe::onReadable(GSocket *socket, GIOCondition, gpointer data)
{
    auto *probe = static_cast<RelayProbe *>(data);
    unsigned char buffer[1500];
    GError *error = nullptr;
    const gssize n = g_socket_receive(socket, reinterpret_cast<gchar *>(buffer), sizeof buffer, nullptr, &error);
    if (n < 0) {
        if (refused(error)) {
            const QString detail = QString::fromUtf8(error->message);
            g_clear_error(&error);
            probe->finish(Result::Refused, detail);
            return G_SOURCE_REMOVE;
        }
        g_clear_error(&error);
        return G_SOURCE_CONTINUE; // would block, or a transient error: wait for the timer
    }
    // A response (success or error: the class's high bit, 0x0100 of the type) to our transaction.
    if (n >= 20 && (buffer[0] & 0x01) && std::equal(buffer + 4, buffer + 20, probe->m_request + 4)) {
        probe->finish(Result::Alive, {});
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

void RelayProbe::startTcp(const QHostAddress &address, quint16 port)
{
    GSocketAddress *remote = socketAddress(address, port);
    if (!remote) {
        finish(Result::Unknown, QStringLiteral("bad address"));
        return;
    }
    GSocketClient *client = g_socket_client_new();
    ++m_refs; // the pending connection
    g_socket_client_connect_async(client, G_SOCKET_CONNECTABLE(remote), m_cancellable, &RelayProbe::onConnected, this);
    g_object_unref(client);
    g_object_unref(remote);
}

void RelayProbe::onConnected(GObject *source, GAsyncResult *result, gpointer data)
{
    auto *probe = static_cast<RelayProbe *>(data);
    GError *error = nullptr;
    GSocketConnection *connection = g_socket_client_connect_finish(G_SOCKET_CLIENT(source), result, &error);
    if (connection) {
        g_io_stream_close(G_IO_STREAM(connection), nullptr, nullptr);
        g_object_unref(connection);
        probe->finish(Result::Alive, {});
    } else if (refused(error)) {
        probe->finish(Result::Refused, QString::fromUtf8(error->message));
    }
    g_clear_error(&error);
    probe->unref();
}

} // namespace Peerlink
