#include "bench/LinkReport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace Peerlink::Bench {

namespace {

QJsonObject readJson(const QString &path, QString *error = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1 is missing").arg(QDir(path).dirName());
        return {};
    }
    // peerlink-linkem prints a line when it starts and its counters at the end: take the last object.
    QByteArray data = file.readAll().trimmed();
    if (const qsizetype newline = data.lastIndexOf("\n{"); newline >= 0)
        data = data.mid(newline + 1);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isObject() && error)
        *error = QStringLiteral("%1 is not JSON: %2").arg(QDir(path).dirName(), parseError.errorString());
    return document.object();
}

double rounded(double value, int digits)
{
    const double scale = std::pow(10.0, digits);
    return std::round(value * scale) / scale;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int reportLinks(const QString &dir, const QString &jsonPath)
{
    QFile list(dir + QStringLiteral("/links"));
    if (!list.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench: no links measured (%s is missing)\n", qPrintable(list.fileName()));
        return 1;
    }
    QStringList names;
    for (const QByteArray &line : list.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            names.append(QString::fromUtf8(line.trimmed()));
    }

    QJsonArray links;
    std::map<QString, double> peerlinkByName;
    bool complete = true;
    QString table;
    for (const QString &name : std::as_const(names)) {
        const QString linkDir = dir + u'/' + name;
        QStringList errors;
        const auto read = [&](const QString &file) {
            QString error;
            const QJsonObject object = readJson(linkDir + u'/' + file, &error);
            if (!error.isEmpty())
                errors.append(error);
            else if (object.contains(QStringLiteral("error")))
                errors.append(file + QStringLiteral(": ") + object.value(QStringLiteral("error")).toString());
            return object;
        };
        const QJsonObject meta = read(QStringLiteral("meta.json"));
        const QJsonObject tcp = read(QStringLiteral("tcp.json"));
        const QJsonObject tcpSender = read(QStringLiteral("tcp-sender.json"));
        const QJsonObject send = read(QStringLiteral("send.json"));
        const QJsonObject receive = read(QStringLiteral("receive.json"));
        const QJsonObject linkem = read(QStringLiteral("linkem.json"));

        const QJsonObject file = receive.value(QStringLiteral("files_received")).toArray().first().toObject();
        const bool fileOk = file.value(QStringLiteral("ok")).toBool();
        if (!fileOk)
            errors.append(QStringLiteral("the file did not arrive intact"));
        const double peerlink = fileOk ? file.value(QStringLiteral("MBps")).toDouble() : 0.0;
        const double tcpMBps = tcp.value(QStringLiteral("MBps")).toDouble();
        const double ratio = tcpMBps > 0 ? peerlink / tcpMBps : 0.0;
        const QString path = send.value(QStringLiteral("path")).toString();
        // The selected pair as the sender saw it, e.g. "relay->relay/udp" (the TURN transport).
        const QJsonObject local = send.value(QStringLiteral("local")).toObject();
        QString pair = local.value(QStringLiteral("type")).toString() + QStringLiteral("->")
            + send.value(QStringLiteral("remote")).toObject().value(QStringLiteral("type")).toString();
        if (const QString relay = local.value(QStringLiteral("relay_transport")).toString(); !relay.isEmpty())
            pair += u'/' + relay;

        std::vector<double> connects;
        QJsonArray connectSamples;
        QStringList connectPaths;
        const QStringList connectFiles
            = QDir(linkDir).entryList({ QStringLiteral("connect-*.json") }, QDir::Files, QDir::Name);
        for (const QString &connectFile : connectFiles) {
            const QJsonObject run = readJson(linkDir + u'/' + connectFile);
            const qint64 ms = run.value(QStringLiteral("connect_ms")).toInteger(-1);
            if (!run.value(QStringLiteral("ok")).toBool() || ms < 0) {
                errors.append(connectFile + QStringLiteral(": ") + run.value(QStringLiteral("error")).toString());
                continue;
            }
            connects.push_back(double(ms));
            connectSamples.append(ms);
            connectPaths.append(run.value(QStringLiteral("path")).toString());
        }
        const double connectP50 = median(connects);

        const QString expectedPath = meta.value(QStringLiteral("path")).toString();
        if (!expectedPath.isEmpty() && path != expectedPath)
            errors.append(QStringLiteral("the transfer ran on a %1 path, not %2").arg(path, expectedPath));
        for (const QString &p : std::as_const(connectPaths)) {
            if (!expectedPath.isEmpty() && p != expectedPath) {
                errors.append(QStringLiteral("a connect run took a %1 path, not %2").arg(p, expectedPath));
                break;
            }
        }
        peerlinkByName[name] = peerlink;

        QJsonObject goals;
        QStringList goalText;
        bool meets = errors.isEmpty();
        const auto goal = [&](const char *key, double value, double target, bool atMost, const QString &label) {
            if (!meta.contains(QLatin1String(key)))
                return;
            const bool ok = value >= 0 && (atMost ? value <= target : value >= target);
            meets = meets && ok;
            goals.insert(QLatin1String(key), target);
            goalText.append(QStringLiteral("%1 %2 %3 %4")
                                .arg(label, atMost ? QStringLiteral("<=") : QStringLiteral(">="))
                                .arg(target)
                                .arg(ok ? QStringLiteral("ok") : QStringLiteral("MISSED")));
        };
        goal("goal_ratio", ratio, meta.value(QStringLiteral("goal_ratio")).toDouble(), false, QStringLiteral("ratio"));
        goal("goal_connect_ms_p50", connectP50, meta.value(QStringLiteral("goal_connect_ms_p50")).toDouble(), true,
             QStringLiteral("connect"));
        double vsDirect = -1;
        const QString directName = meta.value(QStringLiteral("direct_link")).toString();
        if (!directName.isEmpty()) {
            const auto it = peerlinkByName.find(directName);
            if (it != peerlinkByName.end() && it->second > 0)
                vsDirect = peerlink / it->second;
            goal("goal_vs_direct", vsDirect, meta.value(QStringLiteral("goal_vs_direct")).toDouble(), false,
                 QStringLiteral("vs direct"));
        }

        const QJsonObject channel = send.value(QStringLiteral("channel")).toObject();
        QJsonObject link { { QStringLiteral("name"), name },
                           { QStringLiteral("path"), path },
                           { QStringLiteral("pair"), pair },
                           { QStringLiteral("peerlink_MBps"), rounded(peerlink, 3) },
                           { QStringLiteral("tcp_MBps"), rounded(tcpMBps, 3) },
                           { QStringLiteral("ratio"), rounded(ratio, 3) },
                           { QStringLiteral("connect_ms_p50"), connectP50 },
                           { QStringLiteral("connect_ms_samples"), connectSamples },
                           { QStringLiteral("link"), meta.value(QStringLiteral("spec")) },
                           { QStringLiteral("peerlink_cc"), meta.value(QStringLiteral("cc")) },
                           { QStringLiteral("tcp_cc"), tcpSender.value(QStringLiteral("cc")) },
                           { QStringLiteral("peerlink_bytes"), file.value(QStringLiteral("size")) },
                           { QStringLiteral("peerlink_seconds"), file.value(QStringLiteral("seconds")) },
                           { QStringLiteral("tcp_bytes"), tcp.value(QStringLiteral("bytes")) },
                           { QStringLiteral("tcp_seconds"), tcp.value(QStringLiteral("seconds")) },
                           { QStringLiteral("tcp_time_limited"), tcpSender.value(QStringLiteral("time_limited")) },
                           { QStringLiteral("quic_lost_packets"), channel.value(QStringLiteral("lost_packets")) },
                           { QStringLiteral("quic_smoothed_rtt_ms"), channel.value(QStringLiteral("smoothed_rtt_ms")) },
                           { QStringLiteral("quic_min_rtt_ms"), channel.value(QStringLiteral("min_rtt_ms")) },
                           { QStringLiteral("linkem"), linkem },
                           { QStringLiteral("goals"), goals },
                           { QStringLiteral("meets_goals"), meets } };
        if (vsDirect >= 0)
            link.insert(QStringLiteral("vs_direct"), rounded(vsDirect, 3));
        if (!errors.isEmpty()) {
            link.insert(QStringLiteral("errors"), QJsonArray::fromStringList(errors));
            complete = false;
        }
        links.append(link);

        table += QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8\n")
                     .arg(name, -26)
                     .arg(path.isEmpty() ? QStringLiteral("-") : path, -6)
                     .arg(meta.value(QStringLiteral("cc")).toString(), -5)
                     .arg(peerlink, 9, 'f', 2)
                     .arg(tcpMBps, 9, 'f', 2)
                     .arg(ratio, 6, 'f', 2)
                     .arg(connectP50 >= 0 ? QString::number(connectP50, 'f', 0) + QStringLiteral(" ms")
                                          : QStringLiteral("-"),
                          9)
                     .arg(goalText.join(QStringLiteral(", ")));
        if (vsDirect >= 0)
            table += QStringLiteral("%1 relayed / direct Peerlink: %2\n").arg(QString(), 26).arg(vsDirect, 0, 'f', 2);
        for (const QString &error : std::as_const(errors))
            table += QStringLiteral("%1 error: %2\n").arg(QString(), 26).arg(error);
    }

    std::printf(
        "\nPeerlink over emulated links (file transfer with peerlink-cli vs kernel TCP, same path, same run)\n");
    std::printf("%s\n",
                qPrintable(QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8")
                               .arg(QStringLiteral("link"), -26)
                               .arg(QStringLiteral("path"), -6)
                               .arg(QStringLiteral("cc"), -5)
                               .arg(QStringLiteral("Peerlink"), 9)
                               .arg(QStringLiteral("TCP"), 9)
                               .arg(QStringLiteral("ratio"), 6)
                               .arg(QStringLiteral("connect"), 9)
                               .arg(QStringLiteral("goals"))));
    std::printf("%s", qPrintable(table));
    std::printf("(MB/s; connect: median of the connect runs, Connect call to channel open)\n");

    if (!jsonPath.isEmpty()) {
        QSaveFile out(jsonPath);
        if (!out.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "bench: cannot write %s: %s\n", qPrintable(jsonPath), qPrintable(out.errorString()));
            return 1;
        }
        out.write(QJsonDocument(QJsonObject { { QStringLiteral("links"), links } }).toJson(QJsonDocument::Indented));
        if (!out.commit()) {
            std::fprintf(stderr, "bench: cannot write %s\n", qPrintable(jsonPath));
            return 1;
        }
        std::printf("figures written to %s\n", qPrintable(jsonPath));
    }
    return complete ? 0 : 1;
}

} // namespace Peerlink::Bench
