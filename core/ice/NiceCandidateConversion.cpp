#include "core/ice/NiceCandidateConversion_p.h"

#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <QByteArray>

#include <algorithm>
#include <cstring>

namespace Peerlink {

namespace {

constexpr int PrefNatAssisted = 105;
constexpr int PrefRelayedUdp = 30;

bool isTcp(NiceCandidateTransport transport)
{
    return transport != NICE_CANDIDATE_TRANSPORT_UDP;
}

IceCandidate::Type fromNiceType(NiceCandidateType type)
{
    switch (type) {
    case NICE_CANDIDATE_TYPE_HOST:
        return IceCandidate::Type::Host;
    case NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE:
        return IceCandidate::Type::ServerReflexive;
    case NICE_CANDIDATE_TYPE_PEER_REFLEXIVE:
        return IceCandidate::Type::PeerReflexive;
    case NICE_CANDIDATE_TYPE_RELAYED:
        return IceCandidate::Type::Relayed;
    }
    return IceCandidate::Type::Host;
}

NiceCandidateType toNiceType(IceCandidate::Type type)
{
    switch (type) {
    case IceCandidate::Type::Host:
        return NICE_CANDIDATE_TYPE_HOST;
    case IceCandidate::Type::ServerReflexive:
        return NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE;
    case IceCandidate::Type::PeerReflexive:
        return NICE_CANDIDATE_TYPE_PEER_REFLEXIVE;
    case IceCandidate::Type::Relayed:
        return NICE_CANDIDATE_TYPE_RELAYED;
    }
    return NICE_CANDIDATE_TYPE_HOST;
}

IceCandidate::Transport fromNiceTransport(NiceCandidateTransport transport)
{
    switch (transport) {
    case NICE_CANDIDATE_TRANSPORT_UDP:
        return IceCandidate::Transport::Udp;
    case NICE_CANDIDATE_TRANSPORT_TCP_ACTIVE:
        return IceCandidate::Transport::TcpActive;
    case NICE_CANDIDATE_TRANSPORT_TCP_PASSIVE:
        return IceCandidate::Transport::TcpPassive;
    case NICE_CANDIDATE_TRANSPORT_TCP_SO:
        return IceCandidate::Transport::TcpSimultaneousOpen;
    }
    return IceCandidate::Transport::Udp;
}

NiceCandidateTransport toNiceTransport(IceCandidate::Transport transport)
{
    switch (transport) {
    case IceCandidate::Transport::Udp:
        return NICE_CANDIDATE_TRANSPORT_UDP;
    case IceCandidate::Transport::TcpActive:
        return NICE_CANDIDATE_TRANSPORT_TCP_ACTIVE;
    case IceCandidate::Transport::TcpPassive:
        return NICE_CANDIDATE_TRANSPORT_TCP_PASSIVE;
    case IceCandidate::Transport::TcpSimultaneousOpen:
        return NICE_CANDIDATE_TRANSPORT_TCP_SO;
    }
    return NICE_CANDIDATE_TRANSPORT_UDP;
}

} // namespace

QHostAddress NiceCandidateConversion::toHostAddress(const NiceAddress &address)
{
    if (!nice_address_is_valid(&address))
        return {};
    sockaddr_storage storage {};
    nice_address_copy_to_sockaddr(&address, reinterpret_cast<sockaddr *>(&storage));
    return QHostAddress(reinterpret_cast<const sockaddr *>(&storage));
}

bool NiceCandidateConversion::toNiceAddress(const QHostAddress &address, quint16 port, NiceAddress *out)
{
    nice_address_init(out);
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv4Protocol) {
        nice_address_set_ipv4(out, v4);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        sockaddr_in6 sin6 {};
        sin6.sin6_family = AF_INET6;
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&sin6.sin6_addr, bytes.c, sizeof bytes.c);
        const QString scope = address.scopeId();
        if (!scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            sin6.sin6_scope_id = numeric ? index : ::if_nametoindex(scope.toLatin1().constData());
        }
        nice_address_set_from_sockaddr(out, reinterpret_cast<const sockaddr *>(&sin6));
    } else {
        return false;
    }
    nice_address_set_port(out, port);
    return true;
}

IceCandidate NiceCandidateConversion::toIceCandidate(const NiceCandidate &candidate)
{
    IceCandidate c;
    c.type = fromNiceType(candidate.type);
    c.transport = fromNiceTransport(candidate.transport);
    c.address = toHostAddress(candidate.addr);
    c.port = quint16(nice_address_get_port(&candidate.addr));
    c.priority = candidate.priority;
    c.foundation = QString::fromLatin1(candidate.foundation,
                                       qsizetype(strnlen(candidate.foundation, NICE_CANDIDATE_MAX_FOUNDATION)));
    c.component = int(candidate.component_id);
    if (c.type != IceCandidate::Type::Host && nice_address_is_valid(&candidate.base_addr)
        && !nice_address_equal(&candidate.addr, &candidate.base_addr)) {
        c.relatedAddress = toHostAddress(candidate.base_addr);
        c.relatedPort = quint16(nice_address_get_port(&candidate.base_addr));
    }
    return c;
}

NiceCandidatePtr NiceCandidateConversion::toNiceCandidate(const IceCandidate &candidate, guint streamId, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return NiceCandidatePtr();
    };
    if (candidate.component < 1 || candidate.component > 256)
        return fail(QStringLiteral("component %1 is out of range").arg(candidate.component));
    // RFC 8445: foundation = 1*32 ice-char, ice-char = ALPHA / DIGIT / "+" / "/"
    const QByteArray foundation = candidate.foundation.toLatin1();
    const bool iceChars = std::all_of(candidate.foundation.cbegin(), candidate.foundation.cend(), [](QChar ch) {
        return ch.unicode() < 0x80 && (ch.isLetterOrNumber() || ch == u'+' || ch == u'/');
    });
    if (foundation.isEmpty() || foundation.size() >= NICE_CANDIDATE_MAX_FOUNDATION || !iceChars)
        return fail(QStringLiteral("the foundation must be 1 to %1 letters, digits, '+' or '/'")
                        .arg(NICE_CANDIDATE_MAX_FOUNDATION - 1));
    // Active TCP candidates connect out and may announce port 0 (or the discard port 9).
    if (candidate.port == 0 && candidate.transport != IceCandidate::Transport::TcpActive)
        return fail(QStringLiteral("the candidate has no port"));

    NiceCandidatePtr nice(nice_candidate_new(toNiceType(candidate.type)));
    if (!toNiceAddress(candidate.address, candidate.port, &nice->addr))
        return fail(QStringLiteral("the candidate has no valid IP address"));
    if (!candidate.relatedAddress.isNull())
        toNiceAddress(candidate.relatedAddress, candidate.relatedPort, &nice->base_addr);
    else
        nice->base_addr = nice->addr;
    nice->transport = toNiceTransport(candidate.transport);
    nice->priority = candidate.priority;
    nice->stream_id = streamId;
    nice->component_id = guint(candidate.component);
    std::memcpy(nice->foundation, foundation.constData(), size_t(foundation.size()));
    nice->foundation[foundation.size()] = '\0';
    return nice;
}

bool NiceCandidateConversion::isNatAssisted(const NiceCandidate &candidate)
{
    if (candidate.type != NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE)
        return false;
    const int expected = isTcp(candidate.transport) ? PrefNatAssisted / 2 : PrefNatAssisted;
    return typePreference(candidate.priority) == expected;
}

IceCandidate::RelayTransport NiceCandidateConversion::relayTransport(const NiceCandidate &candidate, bool overTlsTunnel)
{
    if (candidate.type != NICE_CANDIDATE_TYPE_RELAYED)
        return IceCandidate::RelayTransport::None;
    if (overTlsTunnel)
        return IceCandidate::RelayTransport::Tls;
    const int udp = isTcp(candidate.transport) ? PrefRelayedUdp / 2 : PrefRelayedUdp;
    return typePreference(candidate.priority) == udp ? IceCandidate::RelayTransport::Udp
                                                     : IceCandidate::RelayTransport::Tcp;
}

} // namespace Peerlink
