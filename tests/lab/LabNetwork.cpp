#include "LabNetwork.h"

#include <sys/prctl.h>

#include <QFile>
#include <QJsonDocument>

#include <csignal>

namespace Peerlink::Test {

LabNetwork::LabNetwork()
{
    const QString path = qEnvironmentVariable("PEERLINK_LAB_ENV");
    if (path.isEmpty()) {
        m_error = QStringLiteral("PEERLINK_LAB_ENV is not set: lab tests run inside the lab, "
                                 "through tools/lab/lab.sh run (ctest -L lab and ./dev lab do that)");
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read the lab description %1: %2").arg(path, file.errorString());
        return;
    }
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (line.isEmpty() || line.startsWith(u'#') || equals <= 0)
            continue;
        QString value = line.mid(equals + 1);
        if (value.size() >= 2 && value.startsWith(u'\'') && value.endsWith(u'\''))
            value = value.mid(1, value.size() - 2);
        m_values.insert(line.left(equals), value);
    }
    if (value(QStringLiteral("WAN_NS")).isEmpty())
        m_error = QStringLiteral("%1 is not a lab description (no LAB_WAN_NS)").arg(path);
}

QString LabNetwork::value(const QString &key) const
{
    return m_values.value(QStringLiteral("LAB_") + key);
}

QStringList LabNetwork::hosts() const
{
    return value(QStringLiteral("HOSTS")).split(u' ', Qt::SkipEmptyParts);
}

QString LabNetwork::host(const QString &host, const QString &key) const
{
    QString name = host;
    name.replace(u'-', u'_');
    return m_values.value(QStringLiteral("LAB_HOST_") + name + u'_' + key);
}

QString LabNetwork::cli()
{
    return qEnvironmentVariable("PEERLINK_CLI");
}

void LabNetwork::Stopper::operator()(QProcess *process) const
{
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(5000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    delete process;
}

LabNetwork::Process LabNetwork::start(const QString &ns, const QString &program, const QStringList &arguments) const
{
    Process process(new QProcess);
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process->start(QStringLiteral("ip"),
                   QStringList { QStringLiteral("netns"), QStringLiteral("exec"), ns, program } + arguments);
    return process;
}

LabNetwork::Result LabNetwork::finish(QProcess &process, int timeoutMs)
{
    Result result;
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.json = lastJsonObject(result.out);
    return result;
}

LabNetwork::Result LabNetwork::run(const QString &ns, const QString &program, const QStringList &arguments,
                                   int timeoutMs) const
{
    const auto process = start(ns, program, arguments);
    return finish(*process, timeoutMs);
}

QJsonObject LabNetwork::lastJsonObject(const QByteArray &output)
{
    const QJsonDocument whole = QJsonDocument::fromJson(output);
    if (whole.isObject())
        return whole.object();
    const QList<QByteArray> lines = output.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QJsonDocument line = QJsonDocument::fromJson(*it);
        if (line.isObject())
            return line.object();
    }
    return {};
}

QStringList LabNetwork::cliArguments(const QString &host, const QString &peer, int timeoutSeconds) const
{
    const QString ca = value(QStringLiteral("CA"));
    return { QStringLiteral("--jid"),
             this->host(host, QStringLiteral("JID")) + QStringLiteral("/lab"),
             QStringLiteral("--password"),
             value(QStringLiteral("PASSWORD")),
             QStringLiteral("--host"),
             value(QStringLiteral("SERVER")),
             QStringLiteral("--port"),
             value(QStringLiteral("XMPP_PORT")),
             QStringLiteral("--ca"),
             ca,
             QStringLiteral("--turn-ca"),
             ca,
             QStringLiteral("--local-address"),
             this->host(host, QStringLiteral("ADDR")),
             QStringLiteral("--contact"),
             this->host(peer, QStringLiteral("JID")),
             QStringLiteral("--timeout"),
             QString::number(timeoutSeconds) };
}

} // namespace Peerlink::Test
