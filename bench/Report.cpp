#include "bench/Report.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <cstdio>

namespace Peerlink::Bench {

namespace {
QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return { { QStringLiteral("error"), QStringLiteral("missing %1").arg(path) } };
    return QJsonDocument::fromJson(file.readAll()).object();
}

double round2(double v)
{
    return std::round(v * 100) / 100;
}
} // namespace

int reportChannel(const QString &dir, int rounds, const QString &jsonPath)
{
    const QJsonObject connect = readJson(dir + QStringLiteral("/connect.json"));
    if (connect.contains(QStringLiteral("error"))) {
        std::fprintf(stderr, "bench: connect: %s\n", qPrintable(connect.value(QStringLiteral("error")).toString()));
        return 1;
    }
    double bestTcp = 0, bestChannel = 0;
    QJsonArray tcpRuns, channelRuns;
    QJsonObject bestChannelRun, bestSender;
    for (int round = 1; round <= rounds; ++round) {
        const QJsonObject tcp = readJson(dir + QStringLiteral("/tcp-%1.json").arg(round));
        const QJsonObject channel = readJson(dir + QStringLiteral("/channel-%1.json").arg(round));
        const QJsonObject sender = readJson(dir + QStringLiteral("/channel-%1.json.sender").arg(round));
        for (const auto &[name, result] : { std::pair { "tcp", tcp }, std::pair { "channel", channel } }) {
            if (result.contains(QStringLiteral("error"))) {
                std::fprintf(stderr, "bench: %s round %d: %s\n", name, round,
                             qPrintable(result.value(QStringLiteral("error")).toString()));
                return 1;
            }
        }
        const double t = tcp.value(QStringLiteral("MBps")).toDouble();
        const double c = channel.value(QStringLiteral("MBps")).toDouble();
        tcpRuns.append(round2(t));
        channelRuns.append(round2(c));
        bestTcp = std::max(bestTcp, t);
        if (c > bestChannel) {
            bestChannel = c;
            bestChannelRun = channel;
            bestSender = sender;
        }
    }
    const double ratio = bestTcp > 0 ? bestChannel / bestTcp : 0;
    const QJsonObject figures {
        { QStringLiteral("connect_ms"),
          QJsonObject { { QStringLiteral("runs"), connect.value(QStringLiteral("runs")) },
                        { QStringLiteral("p50"), connect.value(QStringLiteral("p50")) },
                        { QStringLiteral("p95"), connect.value(QStringLiteral("p95")) },
                        { QStringLiteral("min"), connect.value(QStringLiteral("min")) },
                        { QStringLiteral("max"), connect.value(QStringLiteral("max")) },
                        { QStringLiteral("samples"), connect.value(QStringLiteral("samples")) } } },
        { QStringLiteral("throughput_MBps"),
          QJsonObject { { QStringLiteral("channel"), round2(bestChannel) },
                        { QStringLiteral("tcp"), round2(bestTcp) },
                        { QStringLiteral("ratio"), std::round(ratio * 1000) / 1000 },
                        { QStringLiteral("bytes"), bestChannelRun.value(QStringLiteral("bytes")) },
                        { QStringLiteral("rounds"), rounds },
                        { QStringLiteral("channel_runs"), channelRuns },
                        { QStringLiteral("tcp_runs"), tcpRuns },
                        { QStringLiteral("path"),
                          QStringLiteral("%1/%2").arg(bestChannelRun.value(QStringLiteral("local_type")).toString(),
                                                      bestChannelRun.value(QStringLiteral("remote_type")).toString()) },
                        { QStringLiteral("lost_packets"), bestSender.value(QStringLiteral("lost_packets")) },
                        { QStringLiteral("smoothed_rtt_us"), bestSender.value(QStringLiteral("smoothed_rtt_us")) },
                        { QStringLiteral("link"), QStringLiteral("veth between two network namespaces, MTU 1500") } } },
    };
    std::printf("\nPeerlink channel benchmark\n");
    std::printf("  connect (Connect call to channel open at both ends, %d runs): p50 %.1f ms, p95 %.1f ms "
                "(min %.1f, max %.1f)   goal: p50 <= 150, p95 <= 300\n",
                connect.value(QStringLiteral("runs")).toInt(), connect.value(QStringLiteral("p50")).toDouble(),
                connect.value(QStringLiteral("p95")).toDouble(), connect.value(QStringLiteral("min")).toDouble(),
                connect.value(QStringLiteral("max")).toDouble());
    std::printf("  bulk transfer over MTU 1500 veth (best of %d): channel %.1f MB/s, kernel TCP %.1f MB/s, "
                "ratio %.3f   goal: >= 0.25\n",
                rounds, bestChannel, bestTcp, ratio);
    if (!jsonPath.isEmpty()) {
        QSaveFile file(jsonPath);
        if (!file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "bench: cannot write %s: %s\n", qPrintable(jsonPath), qPrintable(file.errorString()));
            return 1;
        }
        file.write(QJsonDocument(figures).toJson(QJsonDocument::Indented));
        if (!file.commit()) {
            std::fprintf(stderr, "bench: cannot write %s\n", qPrintable(jsonPath));
            return 1;
        }
        std::printf("  figures written to %s\n", qPrintable(jsonPath));
    }
    return 0;
}

} // namespace Peerlink::Bench
