// peerlink-linkbench: the programs behind ./dev bench link (tools/lab/bench-link.sh), which runs
// them inside the network lab: kernel TCP across an emulated link (with a time limit for lossy
// links and an explicit congestion control), and the report that merges each link's
// measurements. Each measuring command prints one JSON object on stdout.
#include "bench/LinkReport.h"
#include "bench/LinkTcp.h"

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
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("peerlink-linkbench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The programs of ./dev bench link.\n"
                       "  tcp-recv --bind ADDR [--port P]        kernel TCP, receiving end (one connection)\n"
                       "  tcp-send --peer ADDR [--port P] --bytes N [--max-seconds S] [--cc NAME]\n"
                       "  report --dir DIR [--json FILE]         merge the measurements, print the table"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("tcp-recv, tcp-send or report"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("local address"), QStringLiteral("ADDR"));
    const QCommandLineOption peer(QStringLiteral("peer"), QStringLiteral("the receiver's address"),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port"), QStringLiteral("P"),
                                  QStringLiteral("47001"));
    const QCommandLineOption bytes(QStringLiteral("bytes"), QStringLiteral("bytes to send"), QStringLiteral("N"),
                                   QStringLiteral("200000000"));
    const QCommandLineOption maxSeconds(QStringLiteral("max-seconds"),
                                        QStringLiteral("stop sending after S seconds (0: no limit)"),
                                        QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption cc(QStringLiteral("cc"), QStringLiteral("kernel congestion control (default cubic)"),
                                QStringLiteral("NAME"), QStringLiteral("cubic"));
    const QCommandLineOption dir(QStringLiteral("dir"), QStringLiteral("report: the measurements"),
                                 QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("report: write the figures to FILE"),
                                  QStringLiteral("FILE"));
    parser.addOptions({ bind, peer, port, bytes, maxSeconds, cc, dir, json });
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);

    LinkTcpOptions options;
    bool ok = true;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber == 0 || portNumber > 65535) {
        std::fprintf(stderr, "peerlink-linkbench: --port needs a port number\n");
        return 2;
    }
    options.port = uint16_t(portNumber);
    options.bytes = parser.value(bytes).toULongLong(&ok);
    const double seconds = parser.value(maxSeconds).toDouble(&ok);
    if (!ok || seconds < 0 || options.bytes == 0) {
        std::fprintf(stderr, "peerlink-linkbench: --bytes and --max-seconds need positive numbers\n");
        return 2;
    }
    options.maxSeconds = seconds;
    options.congestionControl = parser.value(cc);

    if (command == u"tcp-recv") {
        options.address = parser.value(bind);
        return print(linkTcpReceive(options));
    }
    if (command == u"tcp-send") {
        options.address = parser.value(peer);
        return print(linkTcpSend(options));
    }
    if (command == u"report")
        return reportLinks(parser.value(dir), parser.value(json));
    std::fprintf(stderr, "peerlink-linkbench: unknown command '%s'\n%s", qPrintable(command),
                 qPrintable(parser.helpText()));
    return 2;
}
