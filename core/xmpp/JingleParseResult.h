// JingleParseResult: how parsing a Jingle element ended. Besides "malformed" (answer the IQ with a
// bad-request error), Jingle distinguishes well-formed contents Peerlink does not support, which a
// session manager answers with session-terminate <unsupported-applications/> or
// <unsupported-transports/> (XEP-0166 section 6.3.2).
#pragma once

namespace Peerlink {

enum class JingleParseResult {
    Ok,
    Malformed,
    UnsupportedApplication,
    UnsupportedTransport,
};

} // namespace Peerlink
