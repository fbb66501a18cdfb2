// The report of ./dev bench link (tools/lab/bench-link.sh): merges the measurements of each
// emulated link into {"links": [...]} and prints a table.
//
// dir/links lists the links in order, one name a line; dir/NAME/ holds what the script measured
// on that link: meta.json (the link's settings and goals), tcp.json and tcp-sender.json (kernel
// TCP), send.json and receive.json (peerlink-cli at both ends of the file transfer),
// connect-N.json (the initiator's peerlink-cli report of each connect run; listen-N.json is the
// other end's) and linkem.json (the emulator's counters).
#pragma once

#include <QString>

namespace Peerlink::Bench {

// Returns 0 when every measurement is there (goals missed are reported, not an error).
int reportLinks(const QString &dir, const QString &jsonPath);

} // namespace Peerlink::Bench
