// File transfer throughput: a file of at least 1 GB sent with TransferService between two
// processes over loopback (two accounts on a local prosody, a Jingle session, the QUIC channel),
// against the bulk throughput of that same channel measured in the same run (bytes from memory
// on a plain stream, as ChannelBench sends them), and the receiver's memory growth during the
// transfer. The sender runs in this process, the receiver in a child (transfer-recv).
//
// Transfer time is taken at the receiver from the moment it accepts (content-accept sent) to
// the file being verified against its SHA-256 and renamed; channel time from the first byte to
// the last, as ChannelBench does. The sender's checksum before the offer is reported apart.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Peerlink::Bench {

// Runs `rounds` rounds (transfer, then channel) with a file of `bytes` (at least 1 GiB is used)
// and writes {"file_MB", "transfer_MBps", "channel_MBps", "ratio", "rss_growth_MB", ...} to
// jsonPath (if given); prints it and returns 0, or prints {"error": ...} and returns 1.
int runTransferBench(qint64 bytes, int rounds, const QString &jsonPath);

// The receiving process: reads its account from dir/config.json, prints one JSON line per event.
int runTransferReceiver(const QString &dir);

} // namespace Peerlink::Bench
