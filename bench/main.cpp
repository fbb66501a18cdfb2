// peerlink-bench: the measuring programs behind ./dev bench. Each subcommand prints one JSON
// object on stdout; tools/bench.sh runs them (in network namespaces where a link is needed) and
// writes the figures.
#include "bench/ChannelBench.h"
#include "bench/ConnectBench.h"
#include "bench/Report.h"
#include "bench/TcpBaseline.h"
#include "bench/TransferBench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Peerlink::Bench;

namespace {
int print(const QJsonObject &result)
{
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
    return result.contains(QStringLiteral("error")) ? 1 : 0;
}

QJsonObject tcpJson(const TcpResult &r)
{
    if (!r.error.isEmpty())
        return { { QStringLiteral("error"), r.error } };
    return { { QStringLiteral("bytes"), qint64(r.bytes) },
             { QStringLiteral("seconds"), r.seconds },
             { QStringLiteral("MBps"), r.megabytesPerSecond() } };
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("peerlink-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Peerlink's benchmark programs.\n"
                       "  connect --runs N                         connect latency on a local prosody\n"
                       "  channel-recv --bind ADDR [--port P]      receiving end of the channel throughput run\n"
                       "  channel-send --bind ADDR --peer ADDR --bytes N [--port P] [--bbr]\n"
                       "  tcp-recv --bind ADDR [--port P]          kernel TCP baseline, receiving end\n"
                       "  tcp-send --peer ADDR --bytes N [--port P]\n"
                       "  report-channel --dir DIR --rounds N [--json FILE]"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("what to measure"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("connects to measure"), QStringLiteral("N"),
                                  QStringLiteral("20"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("local address"), QStringLiteral("ADDR"));
    const QCommandLineOption peer(QStringLiteral("peer"), QStringLiteral("the receiver's address"),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("control/TCP port"), QStringLiteral("P"),
                                  QStringLiteral("47000"));
    const QCommandLineOption bytes(QStringLiteral("bytes"), QStringLiteral("bytes to send"), QStringLiteral("N"));
    const QCommandLineOption bbr(QStringLiteral("bbr"), QStringLiteral("BBR instead of CUBIC"));
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("report: folder of results"),
                                 QStringLiteral("DIR"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("report: rounds"), QStringLiteral("N"),
                                    QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("report: figures file"),
                                  QStringLiteral("FILE"));
    parser.addOptions({ runs, bind, peer, port, bytes, bbr, dir, rounds, json });
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);

    ChannelBenchOptions options;
    options.bindAddress = parser.value(bind);
    options.peerAddress = parser.value(peer);
    options.controlPort = quint16(parser.value(port).toUInt());
    options.bytes = parser.value(bytes).toLongLong();
    options.bbr = parser.isSet(bbr);

    if (command == u"report-channel")
        return reportChannel(parser.value(dir), parser.value(rounds).toInt(), parser.value(json));
    // transfer [--bytes N] [--rounds N] [--json FILE]: a file of >= 1 GiB vs the channel (TransferBench.h)
    if (command == u"transfer")
        return runTransferBench(options.bytes, parser.value(rounds).toInt(), parser.value(json));
    if (command == u"transfer-recv")
        return runTransferReceiver(parser.value(dir));
    if (command == u"connect")
        return print(runConnectBench(parser.value(runs).toInt()));
    if (command == u"channel-recv")
        return print(runChannelReceiver(options));
    if (command == u"channel-send")
        return print(runChannelSender(options));
    if (command == u"tcp-recv")
        return print(tcpJson(tcpReceive(options.bindAddress, options.controlPort)));
    if (command == u"tcp-send")
        return print(tcpJson(tcpSend(options.peerAddress, options.controlPort, quint64(options.bytes))));
    std::fprintf(stderr, "peerlink-bench: unknown command '%s'\n%s", qPrintable(command),
                 qPrintable(parser.helpText()));
    return 2;
}
