// ./dev demo (tools/demo/demo.sh), run as a user would, each time in a lab of its own:
// - headless: the story with --json and --screenshots. The report says the two NATed hosts got a
//   direct path (host, server- or peer-reflexive candidates at both ends, no relay), every message
//   sent either way was delivered, and the 50 MB file arrived with its SHA-256; both pictures
//   are real renderings of a window (a reasonable size, many colours);
// - without a display the windowed demo says so, suggests --headless and fails;
// - windows under a virtual X server (Xvfb), stopped with Ctrl-C (SIGINT to the process group,
//   as a terminal sends it) once both apps run and signed in (prosody's log says so).
// After every run nothing is left: no namespace (listed or mounted), no process inside one, no
// process of the demo's apps, no folder of the demo or of its lab.
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

namespace {

// The network namespace identity ("net:[inode]") of every running process, by PID.
QHash<QString, QString> namespacesOfAllProcesses()
{
    QHash<QString, QString> result;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        const QString link = QFile::symLinkTarget(QStringLiteral("/proc/%1/ns/net").arg(pid));
        if (!link.isEmpty())
            result.insert(pid, QFileInfo(link).fileName());
    }
    return result;
}

QByteArray commandLineOf(const QString &pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll().replace('\0', ' ') : QByteArray();
}

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

// Whether process pid runs the program file `path` (the same file, whatever name the link shows:
// seen from inside the build environment the links name the host's paths).
bool isProgram(const QString &pid, const QString &path)
{
    struct stat process = {}, program = {};
    return ::stat(QStringLiteral("/proc/%1/exe").arg(pid).toLocal8Bit().constData(), &process) == 0
        && ::stat(path.toLocal8Bit().constData(), &program) == 0 && process.st_dev == program.st_dev
        && process.st_ino == program.st_ino;
}

// The demo's own folders (the lab's folder is known by name: other labs may come and go meanwhile).
QStringList demoFolders()
{
    return QDir(QStringLiteral("/tmp")).entryList({ QStringLiteral("peerlink-demo.*") }, QDir::Dirs);
}

// How many different colours an image has (up to `enough`).
int colours(const QImage &image, int enough)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            seen.insert(image.pixel(x, y));
            if (seen.size() >= enough)
                return int(seen.size());
        }
    }
    return int(seen.size());
}

} // namespace

class tst_Demo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void headless();
    void noDisplay();
    void windowsStopWithCtrlC();

private:
    // One run of demo.sh: what it printed, and what it made while it ran (seen from outside).
    struct Run
    {
        int exitCode = -1;
        bool finished = false;
        QByteArray out, err;
        QHash<QString, QString> namespaces; // lab namespace name -> "net:[inode]"
        QString labDir;
        QSet<QString> appPids; // the demo's peerlink and peerlink-cli processes seen running
        QByteArray details() const { return out + "\n--- stderr ---\n" + err.right(6000); }
    };
    // Runs demo.sh with arguments in its own process group; `stopWhen`, checked while it runs,
    // returning true sends SIGINT to that group (Ctrl-C).
    Run runDemo(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs,
                const std::function<bool(const Run &)> &stopWhen = {});
    void verifyNothingLeft(const Run &run, const QStringList &foldersBefore);

    QString m_script;
    QString m_build;
};

void tst_Demo::initTestCase()
{
    m_script = qEnvironmentVariable("PEERLINK_DEMO_SCRIPT");
    m_build = qEnvironmentVariable("PEERLINK_DEMO_BUILD");
    QVERIFY2(QFile::exists(m_script), "PEERLINK_DEMO_SCRIPT must name tools/demo/demo.sh");
    QVERIFY2(QFile::exists(m_build + QStringLiteral("/app/peerlink")), "PEERLINK_DEMO_BUILD must name the build");
    QVERIFY2(::geteuid() == 0, "the demo needs root (network namespaces)");
}

tst_Demo::Run tst_Demo::runDemo(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs,
                                const std::function<bool(const Run &)> &stopWhen)
{
    Run run;
    const QString app = m_build + QStringLiteral("/app/peerlink");
    const QString cli = m_build + QStringLiteral("/app/cli/peerlink-cli");
    QProcess demo;
    demo.setProcessEnvironment(environment);
    demo.setChildProcessModifier([] {
        ::setpgid(0, 0); // a process group of its own, as a job started from a terminal
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // should this test die, the demo still tears down
    });
    demo.start(QStringLiteral("bash"), QStringList { m_script, QStringLiteral("run"), m_build } + arguments);
    if (!demo.waitForStarted(5000))
        return run;
    // lab.sh names its folder once the lab is up.
    const QRegularExpression description(QStringLiteral("description: (/tmp/peerlink-lab\\.[^/ ]+)/lab\\.env"));
    bool stopped = false;
    QElapsedTimer clock;
    clock.start();
    while (demo.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs) {
        demo.waitForFinished(200);
        run.out += demo.readAllStandardOutput();
        run.err += demo.readAllStandardError();
        // The lab's namespaces (lab.sh names them pl<pid>-...), in this mount namespace's /run.
        const QFileInfoList entries = QDir(QStringLiteral("/run/netns")).entryInfoList(QDir::Files);
        for (const QFileInfo &entry : entries) {
            if (!run.namespaces.contains(entry.fileName()) && entry.fileName().startsWith(u"pl")) {
                QProcess inode;
                inode.start(
                    QStringLiteral("stat"),
                    { QStringLiteral("-L"), QStringLiteral("-c"), QStringLiteral("net:[%i]"), entry.filePath() });
                if (inode.waitForFinished(5000) && inode.exitCode() == 0)
                    run.namespaces.insert(entry.fileName(), QString::fromUtf8(inode.readAllStandardOutput()).trimmed());
            }
        }
        const QHash<QString, QString> processes = namespacesOfAllProcesses();
        for (auto it = processes.cbegin(); it != processes.cend(); ++it) {
            if (isProgram(it.key(), app) || isProgram(it.key(), cli))
                run.appPids.insert(it.key());
        }
        if (run.labDir.isEmpty())
            run.labDir = description.match(QString::fromUtf8(run.err)).captured(1);
        if (!stopped && stopWhen && stopWhen(run)) {
            stopped = true;
            ::kill(-pid_t(demo.processId()), SIGINT);
        }
    }
    if (demo.state() != QProcess::NotRunning) {
        ::kill(-pid_t(demo.processId()), SIGTERM);
        demo.waitForFinished(60000);
    } else {
        run.finished = true;
    }
    run.out += demo.readAllStandardOutput();
    run.err += demo.readAllStandardError();
    run.exitCode = demo.exitStatus() == QProcess::NormalExit ? demo.exitCode() : -1;
    if (run.labDir.isEmpty())
        run.labDir = description.match(QString::fromUtf8(run.err)).captured(1);
    return run;
}

void tst_Demo::verifyNothingLeft(const Run &run, const QStringList &foldersBefore)
{
    QVERIFY2(run.namespaces.size() >= 5,
             qPrintable(QStringLiteral("the lab's namespaces were not seen\n") + QString::fromUtf8(run.details())));
    QProcess list;
    list.start(QStringLiteral("ip"), { QStringLiteral("netns"), QStringLiteral("list") });
    QVERIFY(list.waitForFinished(10000));
    const QByteArray listed = list.readAllStandardOutput();
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    QVERIFY(mountinfo.open(QIODevice::ReadOnly));
    const QByteArray mounts = mountinfo.readAll();
    const QHash<QString, QString> processes = namespacesOfAllProcesses();
    for (auto it = run.namespaces.cbegin(); it != run.namespaces.cend(); ++it) {
        QVERIFY2(!listed.contains(it.key().toUtf8()), qPrintable(it.key() + QStringLiteral(" is still listed")));
        QVERIFY2(!mounts.contains(QByteArray("/run/netns/" + it.key().toUtf8())),
                 qPrintable(it.key() + QStringLiteral(" is still mounted")));
        for (auto p = processes.cbegin(); p != processes.cend(); ++p) {
            QVERIFY2(p.value() != it.value() || !isRunning(p.key()),
                     qPrintable(QStringLiteral("process %1 (%2) still runs in %3")
                                    .arg(p.key(), QString::fromUtf8(commandLineOf(p.key())), it.key())));
        }
    }
    for (const QString &pid : run.appPids)
        QVERIFY2(!isRunning(pid), qPrintable(QStringLiteral("the demo's app %1 still runs").arg(pid)));
    QVERIFY2(!run.labDir.isEmpty(), run.err.constData());
    QVERIFY2(!QFileInfo::exists(run.labDir), qPrintable(run.labDir + QStringLiteral(" is left")));
    for (auto p = processes.cbegin(); p != processes.cend(); ++p) {
        QVERIFY2(!isRunning(p.key()) || !commandLineOf(p.key()).contains(run.labDir.toUtf8()),
                 qPrintable(QStringLiteral("process %1 still uses %2").arg(p.key(), run.labDir)));
    }
    const QStringList after = demoFolders();
    for (const QString &folder : after)
        QVERIFY2(foldersBefore.contains(folder), qPrintable(QStringLiteral("/tmp/%1 is left").arg(folder)));
}

void tst_Demo::headless()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString json = out.filePath(QStringLiteral("demo.json"));
    const QString shots = out.filePath(QStringLiteral("shots"));
    const QStringList before = demoFolders();
    const Run run = runDemo(
        { QStringLiteral("--headless"), QStringLiteral("--json"), json, QStringLiteral("--screenshots"), shots },
        QProcessEnvironment::systemEnvironment(), 150000);
    QVERIFY2(run.finished, qPrintable(QStringLiteral("the demo ran out of time\n") + QString::fromUtf8(run.details())));
    QVERIFY2(run.exitCode == 0, run.details().constData());

    QFile file(json);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(json));
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    const auto context = [&]() -> QByteArray { return QJsonDocument(report).toJson() + run.details(); };
    // Full cone against port-restricted: a hole punch gives a direct path.
    QVERIFY2(report.value(QStringLiteral("path")).toString() == u"direct", context().constData());
    const QStringList direct = { QStringLiteral("host"), QStringLiteral("srflx"), QStringLiteral("prflx") };
    QVERIFY2(direct.contains(report.value(QStringLiteral("local_type")).toString()), context().constData());
    QVERIFY2(direct.contains(report.value(QStringLiteral("remote_type")).toString()), context().constData());
    QVERIFY2(report.value(QStringLiteral("connect_ms")).toInteger(-1) > 0, context().constData());
    const qint64 sent = report.value(QStringLiteral("messages_sent")).toInteger(-1);
    QVERIFY2(sent >= 2, context().constData()); // both ways
    QCOMPARE(report.value(QStringLiteral("messages_delivered")).toInteger(-1), sent);
    QCOMPARE(report.value(QStringLiteral("file_bytes")).toInteger(), qint64(50) * 1000 * 1000);
    QCOMPARE(report.value(QStringLiteral("file_sha256_match")).toBool(false), true);
    QVERIFY2(report.value(QStringLiteral("file_sha256_match")).isBool(), context().constData());
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
    // The summary for people.
    QVERIFY2(run.out.contains("direct path") && run.out.contains("SHA-256 matches"), run.out.constData());

    for (const QString &name : { QStringLiteral("alice.png"), QStringLiteral("bob.png") }) {
        const QImage image(QDir(shots).filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name + QStringLiteral(" is not an image")));
        QVERIFY2(image.width() >= 600 && image.height() >= 400,
                 qPrintable(QStringLiteral("%1 is only %2x%3").arg(name).arg(image.width()).arg(image.height())));
        QVERIFY2(colours(image, 64) >= 64, qPrintable(name + QStringLiteral(" has hardly any colours")));
    }
    verifyNothingLeft(run, before);
}

void tst_Demo::noDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    for (const QString &command : { QStringLiteral("check"), QStringLiteral("run") }) {
        QProcess demo;
        demo.setProcessEnvironment(environment);
        QStringList arguments = { m_script, command };
        if (command == u"run")
            arguments << m_build;
        demo.start(QStringLiteral("bash"), arguments);
        QVERIFY(demo.waitForFinished(30000));
        const QByteArray err = demo.readAllStandardError();
        QVERIFY2(demo.exitCode() != 0, err.constData());
        QVERIFY2(err.contains("no display") && err.contains("./dev demo --headless"), err.constData());
    }
}

void tst_Demo::windowsStopWithCtrlC()
{
    // A virtual X server on a free display number; the apps reach it through its socket file.
    int number = 90;
    while (number < 200
           && (QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number))
               || QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(number))))
        ++number;
    QProcess xvfb;
    xvfb.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    xvfb.start(QStringLiteral("Xvfb"),
               { QStringLiteral(":%1").arg(number), QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                 QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1920x1080x24") });
    QVERIFY(xvfb.waitForStarted(5000));
    const QString socket = QStringLiteral("/tmp/.X11-unix/X%1").arg(number);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 20000);
    const auto stopXvfb = qScopeGuard([&xvfb] {
        xvfb.terminate();
        xvfb.waitForFinished(5000);
    });

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), QStringLiteral(":%1").arg(number));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // ctest sets offscreen; the demo picks xcb
    const QStringList before = demoFolders();
    bool signedIn = false;
    const Run run = runDemo({}, environment, 90000, [&](const Run &r) {
        // Both apps run and prosody saw both sign in: the windows are up and online.
        int running = 0;
        for (const QString &pid : r.appPids)
            running += isRunning(pid);
        if (running < 2 || r.labDir.isEmpty())
            return false;
        QFile log(r.labDir + QStringLiteral("/prosody/prosody.log"));
        const QByteArray text = log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        signedIn
            = text.contains("Authenticated as alice@lab.example") && text.contains("Authenticated as bob@lab.example");
        return signedIn;
    });
    QVERIFY2(
        signedIn,
        qPrintable(QStringLiteral("the two windows did not open and sign in\n") + QString::fromUtf8(run.details())));
    QVERIFY2(run.finished, run.details().constData());
    QCOMPARE(run.exitCode, 130);
    QVERIFY2(run.err.contains("stopped"), run.err.constData());
    verifyNothingLeft(run, before);
}

QTEST_GUILESS_MAIN(tst_Demo)
#include "tst_Demo.moc"
