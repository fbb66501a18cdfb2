// LabNetwork: what a lab test knows of the network lab it runs in. tools/lab/lab.sh builds the
// namespaces, starts the servers and runs the test with PEERLINK_LAB_ENV naming the lab's
// description (lab.env: KEY='value' lines); this class reads it and runs programs inside the
// lab's namespaces (`ip netns exec`), each bounded in time and killed should the test die.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace Peerlink::Test {

class LabNetwork
{
public:
    // Ends a started program that still runs (SIGTERM, then SIGKILL) and waits for it.
    struct Stopper
    {
        void operator()(QProcess *process) const;
    };
    using Process = std::unique_ptr<QProcess, Stopper>;

    struct Result
    {
        bool finished = false; // false: it ran out of time and was killed
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json; // the last JSON object printed on stdout (empty if none)

        // What it printed, for failure messages.
        QByteArray details() const { return out + "\n--- stderr ---\n" + err.right(4000); }
    };

    // Reads the description named by PEERLINK_LAB_ENV; see isValid().
    LabNetwork();

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // LAB_<key> of the description, e.g. value("SERVER").
    QString value(const QString &key) const;
    QStringList hosts() const; // the lab's hosts, in the order of lab.sh's table
    bool hasHost(const QString &host) const { return hosts().contains(host); }
    // LAB_HOST_<host>_<key>: NS, ADDR (its own address), EXT (its NAT's external address), TYPE
    // (the NAT in front of it), BOX, JID, LINK_NS (with an emulated link).
    QString host(const QString &host, const QString &key) const;

    // Programs of the build: the probe, peerlink-cli, the link emulator.
    QString probe() const { return value(QStringLiteral("PROBE")); }
    static QString cli();
    // The peerlink-cli arguments every lab peer needs: host's account on the lab's prosody (the lab
    // CA trusted for XMPP and TURN over TLS), its address, peer as the contact, the time limit.
    QStringList cliArguments(const QString &host, const QString &peer, int timeoutSeconds) const;

    // Runs program in namespace ns and waits at most timeoutMs for it to end.
    Result run(const QString &ns, const QString &program, const QStringList &arguments, int timeoutMs) const;
    // Starts program in namespace ns; it gets SIGKILL if the test process dies.
    Process start(const QString &ns, const QString &program, const QStringList &arguments) const;
    // Waits at most timeoutMs for a started program and collects what it printed.
    static Result finish(QProcess &process, int timeoutMs);

    // The last complete JSON object in a program's output (programs print one per line, or one
    // indented document).
    static QJsonObject lastJsonObject(const QByteArray &output);

private:
    QHash<QString, QString> m_values;
    QString m_error;
};

} // namespace Peerlink::Test
