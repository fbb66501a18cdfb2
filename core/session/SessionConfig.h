// SessionConfig: how a SessionManager sets up sessions. Plain value type.
#pragma once

#include "core/channel/SecureChannel.h"
#include "core/ice/IceConfig.h"

namespace Peerlink {

struct SessionConfig
{
    // The user's own settings: STUN/TURN servers, UPnP, port range, local addresses, force relay.
    IceConfig ice;
    // Also use the STUN/TURN services the XMPP server announces (XEP-0215).
    bool useServerServices = true;
    // Certificates trusted for TURN-over-TLS servers announced by the XMPP server ("turns").
    QByteArray turnTrustedCertificatesPem;
    SecureChannel::CongestionControl congestionControl = SecureChannel::CongestionControl::Cubic;
    // The peer has not answered a session-initiate this long: the session ends (timeout).
    int acceptTimeoutMs = 30000;
    // The session was accepted (or an ICE restart began) but no channel is open this long after.
    int connectTimeoutMs = 30000;

    bool operator==(const SessionConfig &other) const = default;
};

} // namespace Peerlink
