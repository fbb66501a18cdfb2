// Merges the pieces of a benchmark run (one JSON file per measurement) into the figures file the
// issues name, and prints a human-readable summary.
#pragma once

#include <QString>

namespace Peerlink::Bench {

// dir holds connect.json, tcp-N.json, channel-N.json (+ channel-N.json.sender) for N in 1..rounds.
int reportChannel(const QString &dir, int rounds, const QString &jsonPath);

} // namespace Peerlink::Bench
