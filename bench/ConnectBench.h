// Connect latency: from the call a Connect button makes (SessionManager::connectToContact) to the
// channel being open at both ends, two accounts on a local prosody, host candidates on loopback.
#pragma once

#include <QJsonObject>

namespace Peerlink::Bench {

// Runs `runs` connects and returns {"runs", "p50", "p95", "min", "max", "samples"} in milliseconds,
// or {"error": ...}.
QJsonObject runConnectBench(int runs);

} // namespace Peerlink::Bench
