// tools/lab/lab.sh tears the lab down whatever happens to the command it runs: it succeeds,
// fails (leaving a process behind inside a lab namespace), or the lab itself is terminated. Each
// time no namespace, no process inside one and no namespace mount may be left; the lab's folder
// (logs) is removed after a success and kept after a failure.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

class tst_LabTeardown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void teardown_data();
    void teardown();

private:
    QString m_script;
    QString m_build;
};

namespace {

// The network namespace identities ("net:[inode]") of every process.
QStringList namespacesOfAllProcesses()
{
    QStringList result;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        const QString link = QFile::symLinkTarget(QStringLiteral("/proc/%1/ns/net").arg(pid));
        if (!link.isEmpty())
            result << QFileInfo(link).fileName();
    }
    return result;
}

// True while the process exists and has not ended (a zombie waiting for its parent has ended).
bool isRunning(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    const char state = close >= 0 && close + 2 < text.size() ? text.at(close + 2) : '?';
    return state != 'Z' && state != 'X';
}

} // namespace

void tst_LabTeardown::initTestCase()
{
    m_script = qEnvironmentVariable("PEERLINK_LAB_SCRIPT");
    m_build = qEnvironmentVariable("PEERLINK_LAB_BUILD");
    QVERIFY2(QFile::exists(m_script), "PEERLINK_LAB_SCRIPT must name tools/lab/lab.sh");
}

void tst_LabTeardown::teardown_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("terminate");
    QTest::addColumn<bool>("keepsFolder");
    QTest::newRow("command succeeds") << 0 << false << false;
    QTest::newRow("command fails, leaves a process in the lab") << 3 << false << true;
    QTest::newRow("lab terminated") << 143 << true << true;
}

void tst_LabTeardown::teardown()
{
    QFETCH(int, exitCode);
    QFETCH(bool, terminate);
    QFETCH(bool, keepsFolder);

    // The command tells what the lab made (prefix, folder, namespace identities), then leaves a
    // process inside the lab and ends with the status of the row, or waits to be terminated.
    const QString command
        = QStringLiteral(". \"$PEERLINK_LAB_ENV\"\n"
                         "echo \"PREFIX=$LAB_PREFIX\"\n"
                         "echo \"DIR=$LAB_DIR\"\n"
                         "for ns in /run/netns/$LAB_PREFIX-*; do echo \"NS=$(stat -L -c 'net:[%i]' $ns)\"; done\n"
                         "ip netns exec \"$LAB_WAN_NS\" sleep 300 &\n"
                         "echo \"SLEEPER=$!\"\n"
                         "echo READY\n")
        + (terminate ? QStringLiteral("sleep 300\n") : QStringLiteral("exit %1\n").arg(exitCode));
    QProcess lab;
    lab.setProcessChannelMode(QProcess::SeparateChannels);
    lab.start(QStringLiteral("bash"),
              { m_script, QStringLiteral("run"), QStringLiteral("--build"), m_build, QStringLiteral("--hosts"),
                QStringLiteral("upnp full-a"), QStringLiteral("--"), QStringLiteral("bash"), QStringLiteral("-c"),
                command });
    QVERIFY(lab.waitForStarted(5000));
    QByteArray out;
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += lab.readAllStandardOutput();
            return out.contains("READY") || lab.state() == QProcess::NotRunning;
        },
        60000));
    QVERIFY2(out.contains("READY"), QByteArray(out + lab.readAllStandardError()).constData());
    if (terminate)
        ::kill(pid_t(lab.processId()), SIGTERM);
    QVERIFY2(lab.waitForFinished(60000), "the lab did not end");
    out += lab.readAllStandardOutput();
    const QByteArray err = lab.readAllStandardError();
    QCOMPARE(lab.exitCode(), exitCode);

    const auto field = [&](const char *name) {
        QStringList values;
        const QRegularExpression re(QStringLiteral("^%1=(.*)$").arg(QLatin1String(name)),
                                    QRegularExpression::MultilineOption);
        for (auto it = re.globalMatch(QString::fromUtf8(out)); it.hasNext();)
            values << it.next().captured(1);
        return values;
    };
    const QString prefix = field("PREFIX").value(0);
    const QString dir = field("DIR").value(0);
    const QStringList namespaces = field("NS");
    QVERIFY2(!prefix.isEmpty() && !dir.isEmpty() && namespaces.size() >= 5, QByteArray(out + err).constData());

    // No namespace left by name, as a mount, or alive through a process.
    QProcess list;
    list.start(QStringLiteral("ip"), { QStringLiteral("netns"), QStringLiteral("list") });
    QVERIFY(list.waitForFinished(10000));
    QVERIFY2(!list.readAllStandardOutput().contains(prefix.toUtf8()), "a lab namespace is still listed");
    QFile mounts(QStringLiteral("/proc/self/mountinfo"));
    QVERIFY(mounts.open(QIODevice::ReadOnly));
    QVERIFY2(!mounts.readAll().contains(QByteArray("/run/netns/" + prefix.toUtf8())),
             "a lab namespace is still mounted");
    const QStringList alive = namespacesOfAllProcesses();
    for (const QString &ns : namespaces)
        QVERIFY2(!alive.contains(ns), qPrintable(QStringLiteral("a process still runs in lab namespace %1").arg(ns)));
    const QString sleeper = field("SLEEPER").value(0);
    QVERIFY(!sleeper.isEmpty());
    QVERIFY2(!isRunning(sleeper), "the process left in the lab still runs");

    QCOMPARE(QFileInfo::exists(dir), keepsFolder);
    if (keepsFolder) {
        QVERIFY2(err.contains(QByteArray("kept in " + dir.toUtf8())), err.constData());
        QDir(dir).removeRecursively();
    }
}

QTEST_GUILESS_MAIN(tst_LabTeardown)
#include "tst_LabTeardown.moc"
