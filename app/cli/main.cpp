// peerlink-cli: Peerlink without a window, built from the same engine as the app. It signs in,
// connects to a contact or waits for one, sends and receives messages and files over the
// peer-to-peer channel, and prints a JSON report (selected candidate pair, connect time, bytes,
// hashes, throughput). The network lab (tools/lab) and the benchmarks run it at both ends.
// Logging: QT_LOGGING_RULES="peerlink.*.debug=true" shows what the engine does (on stderr).
#include "CliOptions.h"
#include "CliRunner.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("peerlink-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEERLINK_VERSION));

    Peerlink::Cli::CliOptions options;
    QString error;
    if (!Peerlink::Cli::CliOptions::parse(app, &options, &error)) {
        const QJsonObject report { { QStringLiteral("ok"), false }, { QStringLiteral("error"), error } };
        std::fputs(QJsonDocument(report).toJson(QJsonDocument::Indented).constData(), stdout);
        std::fprintf(stderr, "peerlink-cli: %s\n", qPrintable(error));
        return 2;
    }
    Peerlink::Cli::CliRunner runner(options);
    return runner.run();
}
