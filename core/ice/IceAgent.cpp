#include "core/ice/IceAgent.h"

#include "core/Logging.h"
#include "core/ice/DirectUdpSender_p.h"
#include "core/ice/NiceCandidateConversion_p.h"
#include "core/ice/RelayProbe_p.h"
#include "core/ice/TurnTlsTunnel_p.h"
#include "core/net/GlibContext.h"
#include "core/net/NetworkThread.h"

#include <nice/agent.h>
#include <nice/interfaces.h>

#include <QRandomGenerator>

#include <algorithm>
#include <atomic>
#include <vector>

namespace Peerlink {

namespace {

constexpr guint Component = 1;
constexpr size_t MaxDatagramSize = 1200;

using Transport = IceConfig::Server::Transport;

QString transportName(Transport transport)
{
    switch (transport) {
    case Transport::Udp:
        return QStringLiteral("UDP");
    case Transport::Tcp:
        return QStringLiteral("TCP");
    case Transport::Tls:
        return QStringLiteral("TLS");
    }
    return {};
}

QString describe(const IceConfig::Server &server)
{
    return QStringLiteral("%1 port %2 (%3)").arg(server.host).arg(server.port).arg(transportName(server.transport));
}

bool familyEnabled(const IceConfig &config, const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return config.ipv4;
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return config.ipv6;
    return false;
}

// A TURN server as libnice knows it, to tell which server (and transport) a relayed candidate
// came from.
struct RelayServer
{
    IceConfig::Server server;
    QHostAddress serverAddress; // where the server's name resolved to
    QHostAddress niceAddress; // what libnice connects to (the tunnel for TLS)
    quint16 nicePort = 0;
    TurnTlsTunnel *tunnel = nullptr;
    bool gotCandidate = false;
};

QString relayOnlyFailure(const IceConfig &config, const QStringList &problems)
{
    QString reason = config.turnServers.isEmpty()
        ? QStringLiteral("Relay-only mode is on but no TURN server is configured. Add a TURN server or turn relay-only "
                         "mode off.")
        : QStringLiteral("Relay-only mode is on but no TURN server gave a relayed address. Check the TURN server "
                         "addresses and credentials, or turn relay-only mode off.");
    if (!problems.isEmpty())
        reason += QStringLiteral(" Details: ") + problems.join(QStringLiteral("; ")) + u'.';
    return reason;
}

// How long relay-only mode waits for a relayed candidate before it gives up (libnice may wait
// much longer on a TURN/TCP connection that broke).
constexpr int RelayOnlyDeadlineMs = 15000;

// Ta (RFC 8445 section 14.2): one STUN transaction (gathering or connectivity check) starts per Ta.
// 5 ms is the lowest the RFC allows; libnice's default of 20 ms cost about 100 ms of connect time
// on a 50 ms path (measured with ./dev bench link). libnice also derives a check's first
// retransmission timeout from it (Ta times the pending checks, at least 100 ms, doubling after
// each retransmission): a check lost to a NAT that was not open yet is repeated sooner; on a
// slower path an early repeat only costs a small STUN packet.
constexpr guint StunPacingMs = 5;

// While the selected pair goes through one of our TURN servers, it is asked this often whether
// it still runs (RelayProbe), so that a relay that went away ends the session with that reason
// instead of a silent path (consent would only expire after 30 s).
constexpr int RelayProbeIntervalMs = 5000;

} // namespace

struct IceAgent::Private
{
    Private(IceAgent *agentObject, NetworkThread &thread, const IceConfig &iceConfig, bool isControlling)
        : q(agentObject)
        , net(thread)
        , config(iceConfig)
        , controlling(isControlling)
    {
        idPrefix = QString::number(QRandomGenerator::global()->generate() & 0xffffff, 36);
    }

    IceAgent *const q;
    NetworkThread &net;
    const IceConfig config;
    const bool controlling;
    QString idPrefix;

    // ---- owner thread ----
    State state = State::New;
    Credentials local;
    IceCandidates localCandidates;
    int generation = 0;
    int nextCandidateId = 0;
    bool started = false;
    bool localGatheringDone = false;
    bool closing = false;
    bool haveRemoteCredentials = false; // for this generation
    Credentials remote;
    struct PendingCandidate
    {
        IceCandidate candidate;
        QString ufrag; // empty: whatever credentials come next
    };
    QList<PendingCandidate> pendingRemote; // waiting for (their) remote credentials
    QStringList pendingRemoteGatheringDone; // ufrags ("" = the next credentials)
    int remoteCandidateCount = 0;
    bool everConnected = false; // in this generation
    bool hasFailed = false; // sticky until restart()
    std::optional<SelectedPair> selected;
    QString failureReason;
    std::atomic<int> rtt { -1 };
    std::atomic<bool> rttDeliveryPending { false };

    // ---- network thread (stream is also read by the owner: set before the constructor returns) ----
    struct Job; // a pending GLib callback that may outlive this object
    NiceAgent *agent = nullptr;
    guint stream = 0;
    GMainContext *context = nullptr;
    Receiver receiver;
    PathListener pathListener; // told of new and restored paths (network thread)
    std::vector<RelayServer> relays;
    std::vector<Job *> jobs;
    Job *closeJob = nullptr;
    uint32_t connectTimer = 0;
    uint32_t relayOnlyTimer = 0;
    int relayedCandidates = 0;
    bool relayOnlyFailed = false;
    NiceComponentState niceState = NICE_COMPONENT_STATE_DISCONNECTED;
    bool gatherStarted = false;
    std::vector<NiceCandidatePtr> earlyRemote; // remote candidates before gathering started
    bool earlyRemoteGatheringDone = false;
    std::vector<std::optional<QHostAddress>> stunResolved;
    std::vector<std::optional<QHostAddress>> turnResolved;
    int pendingResolves = 0;
    // The selected pair as the channel sees it: which path, how large its datagrams may be,
    // and the direct sender while it is a working direct UDP pair.
    struct PathKey
    {
        NiceAddress local {};
        NiceAddress remote {};
        NiceCandidateType type = NICE_CANDIDATE_TYPE_HOST;
        NiceCandidateTransport transport = NICE_CANDIDATE_TRANSPORT_UDP;
    };
    std::optional<PathKey> pathKey;
    uint64_t pathId = 0;
    std::unique_ptr<DirectUdpSender> direct;
    // Relayed candidates of the peer wait (relayGraceMs) while direct pairs are being checked:
    // see holdsRelays().
    std::vector<NiceCandidatePtr> heldRelays;
    bool relaysReleased = false;
    uint32_t relayGraceTimer = 0;
    bool remoteCredentialsSet = false; // in this generation
    bool peerChecksArrived = false; // a check of the peer reached us (libnice tells once per generation)
    bool restarted = false; // ICE restarted at least once (network thread)
    gint64 remoteCredentialsAtUs = 0; // g_get_monotonic_time() when they were set
    // The path was lost (consent expired, ICE restarted): when it works again, the channel is
    // told (see announcePathRestored()).
    bool pathLost = false;
    // The TURN server of the selected pair's local relayed candidate, watched while it is selected.
    std::optional<Transport> selectedRelay;
    RelayProbe *relayProbe = nullptr;
    uint32_t relayProbeTimer = 0;
    bool relayFailureReported = false;

    struct Job
    {
        Private *d = nullptr; // null once the agent is gone
        bool turn = false;
        int index = 0;
        QString host;
        // for closing: what the job owns until libnice is done
        NiceAgent *agent = nullptr;
        std::vector<TurnTlsTunnel *> tunnels;
    };

    // ---------------------------------------------------------------- network thread

    bool createOnNetwork()
    {
        context = glibContext(net);
        const auto options = static_cast<NiceAgentOption>(
            NICE_AGENT_OPTION_ICE_TRICKLE | NICE_AGENT_OPTION_CONSENT_FRESHNESS | NICE_AGENT_OPTION_REGULAR_NOMINATION);
        agent = nice_agent_new_full(context, NICE_COMPATIBILITY_RFC5245, options);
        if (!agent)
            return false;
        g_object_set(agent, "controlling-mode", gboolean(controlling), "upnp", gboolean(config.upnp), "ice-tcp",
                     gboolean(config.iceTcp), "ice-udp", TRUE, "force-relay", gboolean(config.forceRelay),
                     // an IGD answers slowly under load (discovery, description, then the mapping:
                     // several seconds on a busy machine); with trickle ICE a late mapping costs nothing
                     "upnp-timeout", guint(6000),
                     // Ta, the pacing of STUN/TURN requests and checks: RFC 8445's lowest (libnice: 20 ms).
                     // Gathering asks a STUN server and three TURN transports one request per Ta, and
                     // every nominating check waits for the next Ta: this is connect time.
                     "stun-pacing-timer", guint(StunPacingMs), nullptr);
        nice_agent_set_software(agent, "Peerlink");

        for (const QHostAddress &address : localAddresses()) {
            NiceAddress nice;
            if (NiceCandidateConversion::toNiceAddress(address, 0, &nice))
                nice_agent_add_local_address(agent, &nice);
        }

        stream = nice_agent_add_stream(agent, 1);
        if (!stream)
            return false;
        if (config.minPort > 0 && config.maxPort >= config.minPort)
            nice_agent_set_port_range(agent, stream, Component, config.minPort, config.maxPort);

        g_signal_connect(agent, "new-candidate-full", G_CALLBACK(&Private::onNewCandidate), this);
        g_signal_connect(agent, "candidate-gathering-done", G_CALLBACK(&Private::onGatheringDone), this);
        g_signal_connect(agent, "component-state-changed", G_CALLBACK(&Private::onComponentState), this);
        g_signal_connect(agent, "new-selected-pair-full", G_CALLBACK(&Private::onNiceSelectedPair), this);
        g_signal_connect(agent, "initial-binding-request-received", G_CALLBACK(&Private::onFirstPeerCheck), this);
        nice_agent_attach_recv(agent, stream, Component, context, &Private::onReceive, this);
        return true;
    }

    // Explicit addresses, or (when an IP version is off) this host's addresses of the other one.
    // Empty: libnice finds the addresses itself.
    QList<QHostAddress> localAddresses() const
    {
        QList<QHostAddress> result;
        if (!config.localAddresses.isEmpty()) {
            for (const QHostAddress &address : config.localAddresses) {
                if (familyEnabled(config, address))
                    result.append(address);
            }
            return result;
        }
        if (config.ipv4 && config.ipv6)
            return result;
        GList *ips = nice_interfaces_get_local_ips(FALSE);
        for (GList *item = ips; item; item = item->next) {
            const QHostAddress address(QString::fromLatin1(static_cast<const char *>(item->data)));
            if (familyEnabled(config, address))
                result.append(address);
        }
        g_list_free_full(ips, g_free);
        return result;
    }

    static QHostAddress pick(const IceConfig &config, GList *addresses)
    {
        QHostAddress fallback;
        for (GList *item = addresses; item; item = item->next) {
            gchar *text = g_inet_address_to_string(G_INET_ADDRESS(item->data));
            const QHostAddress address(QString::fromLatin1(text));
            g_free(text);
            if (!familyEnabled(config, address))
                continue;
            if (address.protocol() == QAbstractSocket::IPv4Protocol)
                return address;
            if (fallback.isNull())
                fallback = address;
        }
        return fallback;
    }

    void startOnNetwork()
    {
        stunResolved.assign(size_t(config.stunServers.size()), std::nullopt);
        turnResolved.assign(size_t(config.turnServers.size()), std::nullopt);
        auto resolve = [this](const IceConfig::Server &server, bool turn, int index) {
            QHostAddress literal;
            if (literal.setAddress(server.host)) {
                (turn ? turnResolved : stunResolved)[size_t(index)] = literal;
                return;
            }
            auto *job = new Job;
            job->d = this;
            job->turn = turn;
            job->index = index;
            job->host = server.host;
            jobs.push_back(job);
            ++pendingResolves;
            GResolver *resolver = g_resolver_get_default();
            g_resolver_lookup_by_name_async(resolver, server.host.toUtf8().constData(), nullptr, &Private::onResolved,
                                            job);
            g_object_unref(resolver);
        };
        for (int i = 0; i < config.stunServers.size(); ++i)
            resolve(config.stunServers.at(i), false, i);
        for (int i = 0; i < config.turnServers.size(); ++i)
            resolve(config.turnServers.at(i), true, i);
        if (pendingResolves == 0)
            gather();
    }

    static void onResolved(GObject *source, GAsyncResult *result, gpointer data)
    {
        auto *job = static_cast<Job *>(data);
        GError *error = nullptr;
        GList *addresses = g_resolver_lookup_by_name_finish(G_RESOLVER(source), result, &error);
        if (Private *d = job->d) {
            std::erase(d->jobs, job);
            const QHostAddress address = d->pick(d->config, addresses);
            if (address.isNull()) {
                qCWarning(lcIce).noquote()
                    << "cannot resolve" << (job->turn ? "TURN" : "STUN") << "server" << job->host
                    << (error ? QString::fromUtf8(error->message) : QStringLiteral("no usable address"));
            } else {
                (job->turn ? d->turnResolved : d->stunResolved)[size_t(job->index)] = address;
            }
            if (--d->pendingResolves == 0)
                d->gather();
        }
        g_clear_error(&error);
        g_resolver_free_addresses(addresses);
        delete job;
    }

    void gather()
    {
        if (!agent)
            return;
        for (size_t i = 0; i < stunResolved.size(); ++i) {
            if (stunResolved[i]) {
                const IceConfig::Server &server = config.stunServers.at(qsizetype(i));
                g_object_set(agent, "stun-server", stunResolved[i]->toString().toLatin1().constData(),
                             "stun-server-port", guint(server.port), nullptr);
                break;
            }
        }
        QStringList problems;
        for (size_t i = 0; i < turnResolved.size(); ++i) {
            const IceConfig::Server &server = config.turnServers.at(qsizetype(i));
            if (!turnResolved[i]) {
                problems << QStringLiteral("TURN server %1: its name does not resolve").arg(describe(server));
                continue;
            }
            RelayServer relay;
            relay.server = server;
            relay.serverAddress = *turnResolved[i];
            relay.niceAddress = *turnResolved[i];
            relay.nicePort = server.port;
            NiceRelayType type = NICE_RELAY_TYPE_TURN_UDP;
            if (server.transport == Transport::Tcp) {
                type = NICE_RELAY_TYPE_TURN_TCP;
            } else if (server.transport == Transport::Tls) {
                // libnice would speak plain TCP here: give it our TLS tunnel as a TURN/TCP server.
                type = NICE_RELAY_TYPE_TURN_TCP;
                relay.tunnel
                    = TurnTlsTunnel::create(server.host, *turnResolved[i], server.port, server.trustedCertificatesPem);
                relay.tunnel->setErrorHandler([this] {
                    checkRelayOnly(false);
                    probeRelay(); // a TURN server that reset our connection may have stopped
                });
                const QHostAddress loopback(config.ipv4 ? QHostAddress::LocalHost : QHostAddress::LocalHostIPv6);
                QString error;
                if (!relay.tunnel->listen(loopback, &error)) {
                    problems << error;
                    relay.tunnel->destroy();
                    continue;
                }
                relay.niceAddress = relay.tunnel->listenAddress();
                relay.nicePort = relay.tunnel->listenPort();
            }
            if (!nice_agent_set_relay_info(
                    agent, stream, Component, relay.niceAddress.toString().toLatin1().constData(), relay.nicePort,
                    server.username.toUtf8().constData(), server.password.toUtf8().constData(), type)) {
                problems << QStringLiteral("TURN server %1: libnice refused its address").arg(describe(server));
                if (relay.tunnel)
                    relay.tunnel->destroy();
                continue;
            }
            relays.push_back(relay);
        }
        for (const QString &problem : std::as_const(problems))
            qCWarning(lcIce).noquote() << problem;

        if (!nice_agent_gather_candidates(agent, stream)) {
            const QString reason = config.minPort > 0
                ? QStringLiteral("Could not gather local candidates: no local port free in the range %1-%2. "
                                 "Widen the port range or free ports in it.")
                      .arg(config.minPort)
                      .arg(config.maxPort)
                : QStringLiteral("Could not gather local candidates: no usable local network address. "
                                 "Check the network connection.");
            NetworkThread::deliver(q, [this, reason] { fail(reason); });
            return;
        }
        gatherStarted = true;
        if (config.forceRelay)
            relayOnlyTimer = net.schedule(RelayOnlyDeadlineMs, [this] {
                relayOnlyTimer = 0;
                checkRelayOnly(true);
            });
        if (!earlyRemote.empty())
            setRemoteCandidates(std::exchange(earlyRemote, {}));
        if (earlyRemoteGatheringDone)
            nice_agent_peer_candidate_gathering_done(agent, stream);
    }

    // Relay-only mode without a relayed candidate fails as soon as every TURN server is known
    // to have failed (our TLS tunnels tell), or at the deadline.
    void checkRelayOnly(bool deadline)
    {
        if (!config.forceRelay || relayOnlyFailed || relayedCandidates > 0 || !agent)
            return;
        bool allFailed = !relays.empty();
        QStringList problems;
        for (const RelayServer &relay : relays) {
            allFailed = allFailed && relay.tunnel && !relay.tunnel->errors().isEmpty();
            if (relay.tunnel)
                problems << relay.tunnel->errors();
        }
        if (!deadline && !allFailed)
            return;
        if (deadline)
            problems << QStringLiteral("no relayed address within %1 s").arg(RelayOnlyDeadlineMs / 1000);
        relayOnlyFailed = true;
        NetworkThread::deliver(q, [this, problems] { fail(relayOnlyFailure(config, problems)); });
    }

    void setRemoteCandidates(std::vector<NiceCandidatePtr> candidates)
    {
        if (!agent)
            return;
        if (!gatherStarted) {
            for (auto &candidate : candidates)
                earlyRemote.push_back(std::move(candidate));
            return;
        }
        if (holdsRelays()) {
            std::vector<NiceCandidatePtr> now;
            for (auto &candidate : candidates) {
                if (candidate->type == NICE_CANDIDATE_TYPE_RELAYED)
                    heldRelays.push_back(std::move(candidate));
                else
                    now.push_back(std::move(candidate));
            }
            if (!heldRelays.empty())
                qCDebug(lcIce) << "holding" << heldRelays.size()
                               << "relayed candidates of the peer while direct paths are checked";
            candidates = std::move(now);
            if (candidates.empty())
                return;
        }
        GSList *list = nullptr;
        for (const auto &candidate : candidates)
            list = g_slist_append(list, candidate.get());
        const int added = nice_agent_set_remote_candidates(agent, stream, Component, list);
        g_slist_free(list);
        if (added < int(candidates.size()))
            qCWarning(lcIce) << "libnice took" << added << "of" << candidates.size() << "remote candidates";
    }

    // libnice's regular nomination (RFC 8445 8.1.1) nominates as soon as two pairs are valid,
    // even while a better pair is still being checked. Pairs through a TURN relay validate
    // quickly; a direct pair that needs a peer-reflexive candidate (a symmetric NAT on one side)
    // validates a round trip later, so libnice used to settle on the relay although a direct
    // path worked. So direct pairs get a head start: the peer's relayed candidates reach libnice
    // only when the peer's checks reach us directly, when the component is connected, or after
    // relayGraceMs (no direct pair worked: the relay is what connects). The peer does the same
    // with ours, so no relay pair can validate early from either side, and the first check that
    // reaches us came on a direct path.
    //
    // When that first check arrives, the relays are released at once: our triggered check on
    // that direct path validates it within one round trip, while a relay pair needs a TURN
    // permission and a check through the relay (at least two legs more), and libnice nominates the
    // best valid pair once a second one is valid. Through NATs whose host pairs never answer,
    // that second valid pair is a relay pair: every millisecond of head start here was connect
    // time (250 ms of it before, measured with ./dev bench link).
    // This holds for a first check that comes early. A first check that comes only after the
    // peer's own grace time may have ended can come through a relay (the peer checking our relayed
    // candidate once it gave up holding it back: the lab's UDP-blocked host sees nothing earlier);
    // then the relays wait LateCheckHeadStartMs as every first check did before. (Releasing at
    // once there made that host settle on relay-to-relay after 5 s instead of its relay to the
    // peer's server-reflexive address after 3 s.)
    // After an ICE restart the same head start applies to every first check: the restart
    // followed an outage, and our own checks on the direct pairs may sit in retransmission
    // back-off from the time the path was still cut, while a relay pair released at once is
    // checked afresh (the lab saw a 40 s blackhole end on a relay that way).
    static constexpr int LateCheckHeadStartMs = 250;
    // (libnice also switches to regular nomination itself as soon as there are ICE-TCP
    // candidates: aggressive nomination is not an option.)

    bool holdsRelays() const { return !relaysReleased && !config.forceRelay && config.relayGraceMs > 0; }

    static void onFirstPeerCheck(NiceAgent *, guint streamId, gpointer data)
    {
        auto *d = static_cast<Private *>(data);
        if (streamId != d->stream)
            return;
        d->peerChecksArrived = true;
        d->shortenRelayGrace();
    }

    void shortenRelayGrace()
    {
        if (!peerChecksArrived || !remoteCredentialsSet || !holdsRelays())
            return;
        // On the next turn of the loop, not inside libnice's signal emission.
        net.cancel(std::exchange(relayGraceTimer, 0));
        relayGraceTimer = net.schedule(0, [this] {
            relayGraceTimer = 0;
            const gint64 sinceCredentialsMs = (g_get_monotonic_time() - remoteCredentialsAtUs) / 1000;
            if (!restarted && sinceCredentialsMs < config.relayGraceMs / 2) {
                qCDebug(lcIce) << "the peer's checks arrive directly: checking relayed pairs too";
                releaseRelays();
                return;
            }
            relayGraceTimer = net.schedule(LateCheckHeadStartMs, [this] {
                relayGraceTimer = 0;
                qCDebug(lcIce) << "the peer's checks arrive (late or after a restart): checking relayed pairs too";
                releaseRelays();
            });
        });
    }

    void startRelayGrace()
    {
        if (!holdsRelays() || relayGraceTimer)
            return;
        relayGraceTimer = net.schedule(config.relayGraceMs, [this] {
            relayGraceTimer = 0;
            qCDebug(lcIce) << "no direct pair within" << config.relayGraceMs << "ms: checking relayed pairs too";
            releaseRelays();
        });
    }

    void releaseRelays()
    {
        net.cancel(std::exchange(relayGraceTimer, 0));
        if (relaysReleased)
            return;
        relaysReleased = true;
        if (!heldRelays.empty() && agent)
            setRemoteCandidates(std::exchange(heldRelays, {}));
        heldRelays.clear();
    }

    // Network thread: ICE restarted, a new generation of candidates follows.
    void resetRelayGrace()
    {
        net.cancel(std::exchange(relayGraceTimer, 0));
        heldRelays.clear();
        relaysReleased = false;
        remoteCredentialsSet = false;
        peerChecksArrived = false;
        restarted = true;
    }

    void setRemoteCredentialsOnNetwork(const QByteArray &ufrag, const QByteArray &password)
    {
        if (!agent)
            return;
        nice_agent_set_remote_credentials(agent, stream, ufrag.constData(), password.constData());
        remoteCredentialsSet = true;
        remoteCredentialsAtUs = g_get_monotonic_time();
        startRelayGrace();
        shortenRelayGrace();
        net.cancel(std::exchange(connectTimer, 0));
        if (config.connectTimeoutMs > 0) {
            connectTimer = net.schedule(config.connectTimeoutMs, [this] {
                connectTimer = 0;
                if (niceState != NICE_COMPONENT_STATE_CONNECTED && niceState != NICE_COMPONENT_STATE_READY)
                    NetworkThread::deliver(q, [this] { onConnectTimeout(); });
            });
        }
    }

    void remoteGatheringDoneOnNetwork()
    {
        if (!agent)
            return;
        if (gatherStarted)
            nice_agent_peer_candidate_gathering_done(agent, stream);
        else
            earlyRemoteGatheringDone = true;
    }

    // libnice hands signal handlers copies of its candidates without the TURN server they came
    // from (nice_candidate_relay_address() would crash on them), so the TURN transport is told
    // by the type preference (UDP 30, TCP 20) and, for TCP versus TLS, by the configuration or
    // the allocation's mapped address (the tunnel's own connection when no NAT is in between).
    IceCandidate convertLocal(const NiceCandidate &candidate)
    {
        IceCandidate c = NiceCandidateConversion::toIceCandidate(candidate);
        c.viaUpnp = config.upnp && NiceCandidateConversion::isNatAssisted(candidate);
        if (candidate.type == NICE_CANDIDATE_TYPE_RELAYED) {
            c.relayTransport = NiceCandidateConversion::relayTransport(candidate, false);
            if (c.relayTransport == IceCandidate::RelayTransport::Tcp) {
                bool tcp = false;
                bool tls = false;
                bool throughTunnel = false;
                for (const RelayServer &relay : relays) {
                    tcp = tcp || relay.server.transport == Transport::Tcp;
                    tls = tls || relay.server.transport == Transport::Tls;
                    throughTunnel = throughTunnel
                        || (relay.tunnel && relay.tunnel->isUpstreamAddress(c.relatedAddress, c.relatedPort));
                }
                if (throughTunnel || (tls && !tcp))
                    c.relayTransport = IceCandidate::RelayTransport::Tls;
            }
            for (RelayServer &relay : relays) {
                if (relay.server.transport == transportOf(c.relayTransport))
                    relay.gotCandidate = true;
            }
        }
        return c;
    }

    static Transport transportOf(IceCandidate::RelayTransport transport)
    {
        switch (transport) {
        case IceCandidate::RelayTransport::Tcp:
            return Transport::Tcp;
        case IceCandidate::RelayTransport::Tls:
            return Transport::Tls;
        case IceCandidate::RelayTransport::Udp:
        case IceCandidate::RelayTransport::None:
            break;
        }
        return Transport::Udp;
    }

    static void onNewCandidate(NiceAgent *, NiceCandidate *candidate, gpointer data)
    {
        auto *d = static_cast<Private *>(data);
        if (candidate->stream_id != d->stream || candidate->component_id != Component)
            return;
        const IceCandidate c = d->convertLocal(*candidate);
        if (c.type == IceCandidate::Type::Relayed) {
            ++d->relayedCandidates;
            d->net.cancel(std::exchange(d->relayOnlyTimer, 0));
        }
        NetworkThread::deliver(d->q, [d, c] { d->onLocalCandidate(c); });
    }

    static void onGatheringDone(NiceAgent *, guint, gpointer data)
    {
        auto *d = static_cast<Private *>(data);
        QStringList problems;
        for (const RelayServer &relay : d->relays) {
            if (relay.tunnel)
                problems << relay.tunnel->errors();
            if (!relay.gotCandidate)
                problems << QStringLiteral("TURN server %1 gave no relayed candidate (wrong credentials, or not "
                                           "reachable)")
                                .arg(describe(relay.server));
        }
        NetworkThread::deliver(d->q, [d, problems] { d->onLocalGatheringDone(problems); });
    }

    static void onComponentState(NiceAgent *, guint streamId, guint component, guint niceState, gpointer data)
    {
        auto *d = static_cast<Private *>(data);
        if (streamId != d->stream || component != Component)
            return;
        d->niceState = static_cast<NiceComponentState>(niceState);
        if (d->niceState == NICE_COMPONENT_STATE_CONNECTED || d->niceState == NICE_COMPONENT_STATE_READY
            || d->niceState == NICE_COMPONENT_STATE_FAILED)
            d->net.cancel(std::exchange(d->connectTimer, 0));
        if (d->niceState == NICE_COMPONENT_STATE_CONNECTED || d->niceState == NICE_COMPONENT_STATE_READY)
            d->releaseRelays(); // a direct pair works (or the relays already had their turn)
        if (d->niceState == NICE_COMPONENT_STATE_FAILED) {
            d->dropDirectPath(); // consent lost: nothing may be sent any more
            d->pathLost = true;
            d->probeRelay(); // was it the relay that went away?
        } else if (d->niceState == NICE_COMPONENT_STATE_READY && !d->direct && d->pathKey) {
            d->refreshPath(); // working again on the pair selected before
        }
        d->announcePathRestored(); // when the path works again after an outage
        const auto state = d->niceState;
        NetworkThread::deliver(d->q, [d, state] { d->onNiceState(state); });
    }

    static void onNiceSelectedPair(NiceAgent *, guint streamId, guint component, NiceCandidate *localCandidate,
                                   NiceCandidate *remoteCandidate, gpointer data)
    {
        auto *d = static_cast<Private *>(data);
        if (streamId != d->stream || component != Component)
            return;
        d->updatePath(*localCandidate, *remoteCandidate);
        d->announcePathRestored();
        SelectedPair pair { d->convertLocal(*localCandidate),
                            NiceCandidateConversion::toIceCandidate(*remoteCandidate) };
        d->watchRelay(pair.local.type == IceCandidate::Type::Relayed
                          ? std::optional<Transport>(transportOf(pair.local.relayTransport))
                          : std::nullopt);
        NetworkThread::deliver(d->q, [d, pair] { d->onSelectedPair(pair); });
    }

    // Network thread: the selected pair changed. Datagrams go straight on its socket while it is
    // a direct UDP pair (libnice tells: it hands out the socket of no other kind of pair).
    void updatePath(const NiceCandidate &localCandidate, const NiceCandidate &remoteCandidate)
    {
        const PathKey key { localCandidate.addr, remoteCandidate.addr, localCandidate.type, localCandidate.transport };
        if (!pathKey || !nice_address_equal(&pathKey->local, &key.local)
            || !nice_address_equal(&pathKey->remote, &key.remote) || pathKey->type != key.type
            || pathKey->transport != key.transport) {
            pathKey = key;
            ++pathId;
            pathLost = false; // a new path: the channel starts over on it anyway
            notifyPath(PathEvent::Changed);
        }
        direct.reset(); // puts the socket's previous MTU mode back before a new sender saves it
        if (GSocket *socket = nice_agent_get_selected_socket(agent, stream, Component)) {
            direct = DirectUdpSender::create(socket, remoteCandidate.addr);
            g_object_unref(socket);
        }
        qCDebug(lcIce) << "path" << pathId << (direct ? "sends directly on its UDP socket" : "sends through libnice");
    }

    void refreshPath()
    {
        NiceCandidate *localCandidate = nullptr;
        NiceCandidate *remoteCandidate = nullptr;
        if (agent && nice_agent_get_selected_pair(agent, stream, Component, &localCandidate, &remoteCandidate))
            updatePath(*localCandidate, *remoteCandidate);
    }

    // Network thread: datagrams go through libnice again, which refuses them without consent.
    void dropDirectPath() { direct.reset(); }

    // Network thread: the selected pair changed; relay: the TURN server it goes through.
    void watchRelay(std::optional<Transport> relay)
    {
        if (relay == selectedRelay)
            return;
        selectedRelay = relay;
        stopRelayProbe();
        if (selectedRelay)
            relayProbeTimer = net.schedule(RelayProbeIntervalMs, [this] {
                relayProbeTimer = 0;
                probeRelay();
            });
    }

    void stopRelayProbe()
    {
        net.cancel(std::exchange(relayProbeTimer, 0));
        if (relayProbe)
            std::exchange(relayProbe, nullptr)->cancel();
    }

    void probeRelay()
    {
        if (!selectedRelay || relayProbe || relayFailureReported || !agent)
            return;
        net.cancel(std::exchange(relayProbeTimer, 0));
        const auto relay = std::find_if(relays.cbegin(), relays.cend(),
                                        [this](const RelayServer &r) { return r.server.transport == *selectedRelay; });
        if (relay == relays.cend())
            return;
        const QString server = describe(relay->server);
        relayProbe = RelayProbe::start(net, relay->serverAddress, relay->server.port, *selectedRelay != Transport::Udp,
                                       [this, server](RelayProbe::Result result, const QString &detail) {
                                           relayProbe = nullptr;
                                           onRelayProbed(result, server, detail);
                                       });
    }

    void onRelayProbed(RelayProbe::Result result, const QString &server, const QString &detail)
    {
        if (result == RelayProbe::Result::Refused) {
            relayFailureReported = true;
            const QString reason
                = QStringLiteral("The TURN server %1 that relayed the connection is no longer running (%2). Without "
                                 "it there is no path to the peer; connect again once the server is back, or use "
                                 "another TURN server.")
                      .arg(server, detail);
            NetworkThread::deliver(q, [this, reason] { onRelayFailed(reason); });
            return;
        }
        if (selectedRelay)
            relayProbeTimer = net.schedule(RelayProbeIntervalMs, [this] {
                relayProbeTimer = 0;
                probeRelay();
            });
    }

    // Network thread: the path works again after an outage long enough to lose consent. Over it
    // QUIC's loss recovery has backed off exponentially (after 40 s without an answer its next
    // probe may be half a minute away): the channel is told, and starts over on the path as on a
    // new one (SecureChannel migrates), so it resumes within a round trip. Repeating the channel's
    // last datagram instead would work too, but its acknowledgement gives QUIC a round-trip sample
    // as long as the outage, which then paces and times everything.
    void announcePathRestored()
    {
        if (!pathLost || !agent || !pathUsable())
            return;
        NiceCandidate *localCandidate = nullptr;
        NiceCandidate *remoteCandidate = nullptr;
        if (!nice_agent_get_selected_pair(agent, stream, Component, &localCandidate, &remoteCandidate))
            return; // the selected pair's signal follows
        updatePath(*localCandidate, *remoteCandidate); // another pair: the channel hears of a new path
        if (!pathLost)
            return;
        pathLost = false;
        qCInfo(lcIce) << "path restored after an outage";
        notifyPath(PathEvent::Restored);
    }

    // Network thread: the channel hears of a new or restored path once libnice's callback returned.
    void notifyPath(PathEvent event)
    {
        net.post([this, event] {
            if (pathListener)
                pathListener(event);
        });
    }

    // Network thread: libnice sends on a selected pair (a check succeeded; nomination may follow).
    bool pathUsable() const
    {
        return niceState == NICE_COMPONENT_STATE_CONNECTED || niceState == NICE_COMPONENT_STATE_READY;
    }

    DirectUdpSender *directSender()
    {
        if (direct && !direct->isUsable())
            direct.reset(); // libnice closed the socket
        return direct.get();
    }

    static void onReceive(NiceAgent *, guint, guint, guint size, gchar *buffer, gpointer data)
    {
        auto *d = static_cast<Private *>(data);
        if (d->receiver)
            d->receiver(reinterpret_cast<const uint8_t *>(buffer), size);
    }

    // Stops everything of this agent on the network thread except what releasing the TURN
    // allocations needs; that finishes in onClosed(), with or without this object.
    void shutdownOnNetwork(bool notifyOwner)
    {
        if (closeJob) // a close() in progress finishes without this object
            std::exchange(closeJob, nullptr)->d = nullptr;
        net.cancel(std::exchange(connectTimer, 0));
        net.cancel(std::exchange(relayOnlyTimer, 0));
        resetRelayGrace();
        stopRelayProbe();
        selectedRelay.reset();
        for (Job *job : jobs)
            job->d = nullptr; // resolver callbacks still pending
        jobs.clear();
        receiver = {};
        pathListener = {};
        dropDirectPath();
        if (!agent)
            return;
        g_signal_handlers_disconnect_by_data(agent, this);
        nice_agent_attach_recv(agent, stream, Component, context, nullptr, nullptr);
        auto *job = new Job;
        job->d = notifyOwner ? this : nullptr;
        job->agent = std::exchange(agent, nullptr);
        for (const RelayServer &relay : relays) {
            if (relay.tunnel) {
                relay.tunnel->setErrorHandler({});
                job->tunnels.push_back(relay.tunnel);
            }
        }
        relays.clear();
        closeJob = notifyOwner ? job : nullptr;
        nice_agent_close_async(job->agent, &Private::onClosed, job);
    }

    static void onClosed(GObject *, GAsyncResult *, gpointer data)
    {
        auto *job = static_cast<Job *>(data);
        g_object_unref(job->agent);
        for (TurnTlsTunnel *tunnel : job->tunnels)
            tunnel->destroy();
        if (Private *d = job->d) {
            d->closeJob = nullptr;
            NetworkThread::deliver(d->q, [d] { d->onClosedOnOwner(); });
        }
        delete job;
    }

    // ---------------------------------------------------------------- owner thread

    void setState(State newState)
    {
        if (state == newState)
            return;
        qCDebug(lcIce) << q << "state" << stateName(state) << "->" << stateName(newState);
        state = newState;
        Q_EMIT q->stateChanged(newState);
    }

    void fail(const QString &reason)
    {
        if (hasFailed || closing)
            return;
        hasFailed = true;
        failureReason = reason;
        qCWarning(lcIce).noquote() << "ICE failed:" << reason;
        setState(State::Failed);
        Q_EMIT q->failed(reason);
    }

    void onRelayFailed(const QString &reason)
    {
        if (closing)
            return;
        qCWarning(lcIce).noquote() << reason;
        Q_EMIT q->relayFailed(reason);
    }

    void onLocalCandidate(IceCandidate c)
    {
        if (closing)
            return;
        if (config.forceRelay && c.type != IceCandidate::Type::Relayed)
            return;
        c.component = int(Component);
        c.generation = generation;
        c.id = idPrefix + u'-' + QString::number(nextCandidateId++);
        localCandidates.append(c);
        qCDebug(lcIce) << "local candidate" << IceCandidate::typeName(c.type) << c.address << c.port
                       << "upnp:" << c.viaUpnp;
        Q_EMIT q->localCandidate(c);
    }

    void onLocalGatheringDone(const QStringList &problems)
    {
        if (closing)
            return;
        localGatheringDone = true;
        Q_EMIT q->gatheringDone();
        bool haveRelay = false;
        for (const IceCandidate &c : std::as_const(localCandidates))
            haveRelay = haveRelay || c.type == IceCandidate::Type::Relayed;
        if (config.forceRelay && !haveRelay) {
            fail(relayOnlyFailure(config, problems));
        }
    }

    void onNiceState(NiceComponentState newState)
    {
        if (closing || hasFailed)
            return;
        switch (newState) {
        case NICE_COMPONENT_STATE_DISCONNECTED:
        case NICE_COMPONENT_STATE_LAST:
            break;
        case NICE_COMPONENT_STATE_GATHERING:
            setState(State::Gathering);
            break;
        case NICE_COMPONENT_STATE_CONNECTING:
            setState(State::Connecting);
            break;
        case NICE_COMPONENT_STATE_CONNECTED:
            everConnected = true;
            setState(State::Connected);
            break;
        case NICE_COMPONENT_STATE_READY:
            everConnected = true;
            setState(State::Ready);
            break;
        case NICE_COMPONENT_STATE_FAILED:
            fail(niceFailureReason());
            break;
        }
    }

    QString niceFailureReason() const
    {
        if (everConnected)
            return QStringLiteral("The connection to the peer was lost: it stopped answering on the selected path "
                                  "(consent freshness, RFC 7675) or withdrew its consent. Reconnect to try again.");
        if (remoteCandidateCount == 0)
            return QStringLiteral("The peer sent no usable candidates, so no path could be tried. The peer may have "
                                  "no network connection.");
        return QStringLiteral("None of the paths to the peer worked: every connectivity check to its %1 candidates "
                              "failed. If both sides are behind restrictive NATs or firewalls, a TURN server that "
                              "both can reach is needed.")
            .arg(remoteCandidateCount);
    }

    void onConnectTimeout()
    {
        if (state == State::Connected || state == State::Ready)
            return;
        fail(QStringLiteral("No answer from the peer within %1 s: the connectivity checks to its %2 candidates got "
                            "no response. The peer may be offline, or a firewall blocks the traffic; a TURN server "
                            "that both sides can reach may help.")
                 .arg(config.connectTimeoutMs / 1000.0)
                 .arg(remoteCandidateCount));
    }

    void onSelectedPair(SelectedPair pair)
    {
        if (closing)
            return;
        pair.local.component = int(Component);
        pair.local.generation = generation;
        pair.remote.generation = generation;
        if (selected == pair)
            return;
        selected = pair;
        qCInfo(lcIce).noquote() << "selected pair:" << IceCandidate::typeName(pair.local.type)
                                << pair.local.address.toString() + u':' + QString::number(pair.local.port) << "->"
                                << IceCandidate::typeName(pair.remote.type)
                                << pair.remote.address.toString() + u':' + QString::number(pair.remote.port);
        Q_EMIT q->selectedPairChanged(pair);
    }

    void onClosedOnOwner()
    {
        setState(State::Closed);
        Q_EMIT q->closed();
    }

    void postRemoteCandidates(const IceCandidates &candidates)
    {
        auto list = std::make_shared<std::vector<NiceCandidatePtr>>();
        for (const IceCandidate &c : candidates) {
            QString error;
            NiceCandidatePtr nice = NiceCandidateConversion::toNiceCandidate(c, stream, &error);
            if (nice)
                list->push_back(std::move(nice));
        }
        remoteCandidateCount += int(list->size());
        net.post([this, list] { setRemoteCandidates(std::move(*list)); });
    }
};

IceAgent::IceAgent(NetworkThread &thread, const IceConfig &config, bool controlling, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, thread, config, controlling))
{
    bool created = false;
    Credentials credentials;
    thread.runSync([&] {
        created = d->createOnNetwork();
        if (!created)
            return;
        gchar *ufrag = nullptr;
        gchar *password = nullptr;
        if (nice_agent_get_local_credentials(d->agent, d->stream, &ufrag, &password))
            credentials = { QString::fromLatin1(ufrag), QString::fromLatin1(password) };
        g_free(ufrag);
        g_free(password);
    });
    d->local = credentials;
    if (!created)
        d->failureReason = QStringLiteral("The ICE agent could not be created (libnice or the network thread is not "
                                          "available).");
}

IceAgent::~IceAgent()
{
    if (!d->net.runSync([this] { d->shutdownOnNetwork(false); }) && d->agent)
        qCCritical(lcIce) << "IceAgent destroyed after its network thread stopped; its libnice agent leaks";
}

void IceAgent::start()
{
    if (d->started || d->closing)
        return;
    d->started = true;
    if (!d->failureReason.isEmpty()) {
        const QString reason = d->failureReason;
        d->failureReason.clear();
        d->fail(reason);
        return;
    }
    d->setState(State::Gathering);
    d->net.post([this] { d->startOnNetwork(); });
}

IceAgent::State IceAgent::state() const
{
    return d->state;
}

QString IceAgent::stateName(State state)
{
    switch (state) {
    case State::New:
        return QStringLiteral("new");
    case State::Gathering:
        return QStringLiteral("gathering");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Ready:
        return QStringLiteral("ready");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

bool IceAgent::isControlling() const
{
    return d->controlling;
}

const IceConfig &IceAgent::config() const
{
    return d->config;
}

IceAgent::Credentials IceAgent::localCredentials() const
{
    return d->local;
}

IceCandidates IceAgent::localCandidates() const
{
    return d->localCandidates;
}

bool IceAgent::isGatheringDone() const
{
    return d->localGatheringDone;
}

int IceAgent::generation() const
{
    return d->generation;
}

void IceAgent::setRemoteCredentials(const QString &ufrag, const QString &password)
{
    if (d->closing)
        return;
    if (ufrag.isEmpty() || password.isEmpty()) {
        qCWarning(lcIce) << "ignoring empty remote ICE credentials";
        return;
    }
    const Credentials credentials { ufrag, password };
    if (d->haveRemoteCredentials) {
        if (credentials == d->remote)
            return;
        qCInfo(lcIce) << "the peer sent new ICE credentials: it restarted ICE, restarting too";
        restart();
    }
    d->remote = credentials;
    d->haveRemoteCredentials = true;
    d->net.post([this, u = ufrag.toUtf8(), p = password.toUtf8()] { d->setRemoteCredentialsOnNetwork(u, p); });

    IceCandidates now;
    QList<Private::PendingCandidate> later;
    for (const Private::PendingCandidate &pending : std::as_const(d->pendingRemote)) {
        if (pending.ufrag.isEmpty() || pending.ufrag == ufrag)
            now.append(pending.candidate);
        else
            later.append(pending); // for a later restart of the peer
    }
    d->pendingRemote = later;
    if (!now.isEmpty())
        d->postRemoteCandidates(now);
    if (d->pendingRemoteGatheringDone.removeAll(QString()) + d->pendingRemoteGatheringDone.removeAll(ufrag) > 0)
        d->net.post([this] { d->remoteGatheringDoneOnNetwork(); });
}

void IceAgent::addRemoteCandidate(const IceCandidate &candidate, const QString &ufrag)
{
    addRemoteCandidates({ candidate }, ufrag);
}

void IceAgent::addRemoteCandidates(const IceCandidates &candidates, const QString &ufrag)
{
    if (d->closing)
        return;
    IceCandidates usable;
    for (const IceCandidate &c : candidates) {
        QString error;
        if (c.component != int(Component))
            error = QStringLiteral("component %1 is not used").arg(c.component);
        else
            NiceCandidateConversion::toNiceCandidate(c, d->stream, &error);
        if (!error.isEmpty()) {
            qCWarning(lcIce).noquote() << "ignoring remote candidate" << c.address.toString() << c.port << ":" << error;
            continue;
        }
        usable.append(c);
    }
    if (usable.isEmpty())
        return;
    if (d->haveRemoteCredentials && (ufrag.isEmpty() || ufrag == d->remote.ufrag)) {
        d->postRemoteCandidates(usable);
        return;
    }
    constexpr qsizetype MaxPending = 256; // bad input must not grow memory without bound
    for (const IceCandidate &c : std::as_const(usable)) {
        if (d->pendingRemote.size() >= MaxPending) {
            qCWarning(lcIce) << "too many remote candidates waiting for credentials; dropping the rest";
            break;
        }
        d->pendingRemote.append({ c, ufrag });
    }
}

void IceAgent::remoteGatheringDone(const QString &ufrag)
{
    if (d->closing)
        return;
    if (d->haveRemoteCredentials && (ufrag.isEmpty() || ufrag == d->remote.ufrag))
        d->net.post([this] { d->remoteGatheringDoneOnNetwork(); });
    else if (!d->pendingRemoteGatheringDone.contains(ufrag))
        d->pendingRemoteGatheringDone.append(ufrag);
}

void IceAgent::restart()
{
    if (d->closing || !d->started)
        return;
    Credentials credentials;
    IceCandidates candidates;
    NiceComponentState niceState = NICE_COMPONENT_STATE_DISCONNECTED;
    d->net.runSync([&] {
        if (!d->agent)
            return;
        d->net.cancel(std::exchange(d->connectTimer, 0));
        d->resetRelayGrace();
        d->pathLost = true; // a restart follows a lost path: the channel hears when it works again
        if (!nice_agent_restart_stream(d->agent, d->stream))
            qCWarning(lcIce) << "libnice refused to restart the stream";
        gchar *ufrag = nullptr;
        gchar *password = nullptr;
        if (nice_agent_get_local_credentials(d->agent, d->stream, &ufrag, &password))
            credentials = { QString::fromLatin1(ufrag), QString::fromLatin1(password) };
        g_free(ufrag);
        g_free(password);
        GSList *list = nice_agent_get_local_candidates(d->agent, d->stream, Component);
        for (GSList *item = list; item; item = item->next)
            candidates.append(d->convertLocal(*static_cast<NiceCandidate *>(item->data)));
        g_slist_free_full(list, reinterpret_cast<GDestroyNotify>(&nice_candidate_free));
        d->niceState = nice_agent_get_component_state(d->agent, d->stream, Component);
        niceState = d->niceState;
    });
    ++d->generation;
    d->local = credentials;
    d->haveRemoteCredentials = false;
    d->remote = {};
    d->pendingRemote.removeIf([&](const Private::PendingCandidate &p) { return p.ufrag.isEmpty(); });
    d->pendingRemoteGatheringDone.removeAll(QString());
    d->remoteCandidateCount = 0;
    d->everConnected = false;
    d->hasFailed = false;
    d->failureReason.clear();
    d->localCandidates.clear();
    qCInfo(lcIce) << "ICE restart, generation" << d->generation;
    Q_EMIT localCredentialsChanged(credentials.ufrag, credentials.password);
    for (const IceCandidate &c : std::as_const(candidates))
        d->onLocalCandidate(c);
    if (d->localGatheringDone)
        Q_EMIT gatheringDone();
    // Until the peer answers with its new credentials, the checks of this generation wait.
    d->setState(niceState == NICE_COMPONENT_STATE_GATHERING ? State::Gathering : State::Connecting);
}

void IceAgent::revokeConsent()
{
    if (d->closing)
        return;
    d->net.post([this] {
        d->dropDirectPath();
        if (d->agent && !nice_agent_consent_lost(d->agent, d->stream, Component))
            qCWarning(lcIce) << "libnice could not revoke consent";
    });
}

void IceAgent::close()
{
    if (d->closing)
        return;
    d->closing = true;
    d->net.post([this] { d->shutdownOnNetwork(true); });
}

std::optional<IceAgent::SelectedPair> IceAgent::selectedPair() const
{
    return d->selected;
}

QString IceAgent::failureReason() const
{
    return d->failureReason;
}

int IceAgent::rttMs() const
{
    return d->rtt.load();
}

void IceAgent::reportRtt(int milliseconds)
{
    if (d->rtt.exchange(milliseconds) == milliseconds)
        return;
    if (d->rttDeliveryPending.exchange(true))
        return; // one delivery at a time carries the latest value
    NetworkThread::deliver(this, [this] {
        d->rttDeliveryPending = false;
        Q_EMIT rttChanged(d->rtt.load());
    });
}

bool IceAgent::sendDatagram(const uint8_t *data, size_t size)
{
    const Datagram datagram { data, size };
    return sendDatagrams(&datagram, 1) == 1;
}

size_t IceAgent::sendDatagrams(const Datagram *datagrams, size_t count)
{
    if (!d->agent)
        return 0;
    for (size_t i = 0; i < count; ++i) {
        if (datagrams[i].size == 0 || datagrams[i].size > 65507)
            return i; // what no UDP path carries is never sent; earlier ones are
    }
    size_t sent = 0;
    if (DirectUdpSender *direct = d->directSender()) {
        sent = direct->send(datagrams, count);
    } else {
        while (sent < count
               && nice_agent_send(d->agent, d->stream, Component, guint(datagrams[sent].size),
                                  reinterpret_cast<const gchar *>(datagrams[sent].data))
                   == gint(datagrams[sent].size))
            ++sent;
    }
    return sent;
}

void IceAgent::setDatagramReceiver(Receiver receiver)
{
    d->receiver = std::move(receiver);
}

void IceAgent::setPathListener(PathListener listener)
{
    d->pathListener = std::move(listener);
}

size_t IceAgent::maxDatagramSize() const
{
    return MaxDatagramSize;
}

size_t IceAgent::maxProbeDatagramSize() const
{
    return d->direct ? std::max(d->direct->maxProbeDatagramSize(), MaxDatagramSize) : MaxDatagramSize;
}

uint64_t IceAgent::pathId() const
{
    return d->pathId;
}

} // namespace Peerlink
