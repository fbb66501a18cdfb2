// CliRunner: runs one peerlink-cli command with the engine of the app (Account, SessionManager,
// ChatService, TransferService on a NetworkThread) and writes its JSON report: the selected
// candidate pair, connect time, channel bytes, and for every file its size, SHA-256 and
// throughput. Main thread; run() returns the process exit code (0: everything asked succeeded).
#pragma once

#include "CliOptions.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace Peerlink::Cli {

class CliRunner : public QObject
{
    Q_OBJECT
public:
    explicit CliRunner(const CliOptions &options, QObject *parent = nullptr);
    ~CliRunner() override;

    int run();
    QJsonObject report() const;

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink::Cli
