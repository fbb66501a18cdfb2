// RelayProbe: asks whether a TURN server still runs, for an IceAgent whose selected pair goes
// through it. Over UDP a STUN Binding request goes out on a connected socket; over TCP (and TLS,
// whose TCP port is what matters) a connection is opened. The answer is Refused only when the
// server's host actively refuses (ICMP port unreachable, TCP reset): the TURN server is not
// running. No answer within the time limit is Unknown, never Refused: the path itself may be
// down for a while (a network outage), which ICE restarts handle.
//
// Network thread only (GIO operations on the thread's default main context). Internal to core/ice.
#pragma once

#include <gio/gio.h>

#include <QHostAddress>

#include <functional>

namespace Peerlink {

class NetworkThread;

class RelayProbe
{
public:
    enum class Result { Alive, Refused, Unknown };
    using Callback = std::function<void(Result result, const QString &detail)>;

    // Starts the probe; callback runs once on the network thread, unless cancel() came first.
    static RelayProbe *start(NetworkThread &thread, const QHostAddress &address, quint16 port, bool tcp,
                             Callback callback);
    // No callback after this; frees the probe once pending operations are done. The pointer must
    // not be used afterwards, nor after the callback ran (the probe frees itself then).
    void cancel();

    // The request goes out every RetransmitMs: a host answers with at most one ICMP error per
    // second to one peer (Linux's default rate limit), and the channel's own packets to the dead
    // server compete for it.
    static constexpr int TimeoutMs = 3000;
    static constexpr int RetransmitMs = 100;

private:
    RelayProbe(NetworkThread &thread, Callback callback);
    ~RelayProbe();
    void startUdp(const QHostAddress &address, quint16 port);
    void startTcp(const QHostAddress &address, quint16 port);
    void sendRequest();
    void finish(Result result, const QString &detail);
    void unref();
    static gboolean onReadable(GSocket *socket, GIOCondition condition, gpointer data);
    static void onConnected(GObject *source, GAsyncResult *result, gpointer data);

    NetworkThread &m_net;
    Callback m_callback;
    int m_refs = 1;
    bool m_done = false;
    GSocket *m_socket = nullptr;
    GSource *m_source = nullptr;
    GCancellable *m_cancellable = nullptr;
    uint32_t m_timer = 0;
    uint32_t m_retransmit = 0;
    unsigned char m_request[20] {};
};

} // namespace Peerlink
