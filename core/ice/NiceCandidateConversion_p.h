// NiceCandidateConversion: libnice's NiceCandidate <-> Peerlink's IceCandidate. Internal to core/ice
// (brings libnice in). Pure functions, unit-tested with literal candidates.
#pragma once

#include "core/ice/IceCandidate.h"

#include <nice/agent.h>

#include <memory>

namespace Peerlink {

struct NiceCandidateDeleter
{
    void operator()(NiceCandidate *candidate) const { nice_candidate_free(candidate); }
};
using NiceCandidatePtr = std::unique_ptr<NiceCandidate, NiceCandidateDeleter>;

class NiceCandidateConversion
{
public:
    // Type, transport, addresses, priority, foundation and component of a libnice candidate.
    // The related address is libnice's base address when it differs from the address (what
    // libnice itself writes as raddr/rport). viaUpnp and relayTransport are left to the caller
    // (see isNatAssisted() and relayTransport()).
    static IceCandidate toIceCandidate(const NiceCandidate &candidate);

    // A remote candidate for libnice's stream streamId, or null (with *error set) when the
    // candidate cannot be used: no address, no port, bad foundation or component.
    static NiceCandidatePtr toNiceCandidate(const IceCandidate &candidate, guint streamId, QString *error);

    static QHostAddress toHostAddress(const NiceAddress &address);
    static bool toNiceAddress(const QHostAddress &address, quint16 port, NiceAddress *out);

    // The type preference (RFC 8445 5.1.2.1) libnice put into a candidate's priority.
    static int typePreference(quint32 priority) { return int(priority >> 24); }

    // libnice gives server-reflexive candidates that a UPnP IGD mapped ("NAT-assisted") the type
    // preference 105 (halved to 52 for TCP candidates), STUN-discovered ones 100 (50).
    static bool isNatAssisted(const NiceCandidate &candidate);

    // libnice gives relayed candidates allocated over UDP the type preference 30, over TCP
    // (and TLS) 20 (halved for TCP candidates). overTlsTunnel: the allocation went through our
    // local TLS tunnel (libnice sees it as TURN over TCP).
    static IceCandidate::RelayTransport relayTransport(const NiceCandidate &candidate, bool overTlsTunnel);
};

} // namespace Peerlink
