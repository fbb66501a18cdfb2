// Bulk throughput of the secure channel between two processes: ICE (host candidates on the given
// address) and QUIC exactly as sessions use them, with the ICE and fingerprint exchange done over
// a plain TCP control connection instead of XMPP. The receiver measures from the first byte to
// the last, as the kernel TCP baseline does.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Peerlink::Bench {

struct ChannelBenchOptions
{
    QString bindAddress; // our address (ICE host candidates are gathered on it only)
    QString peerAddress; // sender: the receiver's control address
    quint16 controlPort = 47000;
    qint64 bytes = 0; // sender: how much to send
    bool bbr = false;
};

// Both print their result as one JSON line on stdout and return it.
QJsonObject runChannelReceiver(const ChannelBenchOptions &options);
QJsonObject runChannelSender(const ChannelBenchOptions &options);

} // namespace Peerlink::Bench
