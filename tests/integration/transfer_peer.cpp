// transfer_peer: one Peerlink device in a process of its own, for tst_TransferRestart. It signs
// in, runs a TransferService (profile database, device key and download folder in --profile)
// that accepts everything from --accept-from, and prints what happens, one line per event:
//   ready
//   changed <id> <state> <bytesDone> <resumedFrom> <size>
//   finished <id> <state> <localPath>
// With --kill-at N it kills itself with SIGKILL as soon as an incoming transfer reports N bytes
// or more: a crash in the middle of a transfer, with no chance to save or close anything.
#include "core/channel/DeviceIdentity.h"
#include "core/net/NetworkThread.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/transfer/TransferService.h"
#include "core/xmpp/Account.h"

#include <sys/prctl.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>

#include <csignal>
#include <cstdio>

using namespace Peerlink;

namespace {
void say(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the test
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("XMPP server address"),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("XMPP port"), QStringLiteral("PORT"));
    const QCommandLineOption jid(QStringLiteral("jid"), QStringLiteral("account"), QStringLiteral("JID"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("password"), QStringLiteral("TEXT"));
    const QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("CA certificate (PEM)"), QStringLiteral("FILE"));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("profile folder"),
                                     QStringLiteral("DIR"));
    const QCommandLineOption acceptFrom(QStringLiteral("accept-from"), QStringLiteral("accept from"),
                                        QStringLiteral("JID"));
    const QCommandLineOption killAt(QStringLiteral("kill-at"), QStringLiteral("SIGKILL at"), QStringLiteral("BYTES"));
    parser.addOptions({ host, port, jid, password, ca, profile, acceptFrom, killAt });
    parser.process(app);

    QFile caFile(parser.value(ca));
    if (!caFile.open(QIODevice::ReadOnly)) {
        say(QStringLiteral("error cannot read %1").arg(parser.value(ca)));
        return 1;
    }
    const QString profileDir = parser.value(profile);
    QDir().mkpath(profileDir);
    QString error;
    const DeviceIdentity identity = DeviceIdentity::loadOrCreate(profileDir, &error);
    if (identity.isNull()) {
        say(QStringLiteral("error ") + error);
        return 1;
    }
    Database database;
    if (!database.open(profileDir + QStringLiteral("/profile.sqlite"))) {
        say(QStringLiteral("error ") + database.errorString());
        return 1;
    }

    NetworkThread thread;
    Account account;
    AccountConfig config;
    config.jid = parser.value(jid);
    config.password = parser.value(password);
    config.host = parser.value(host);
    config.port = quint16(parser.value(port).toUInt());
    config.trustedCaCertificates = QSslCertificate::fromData(caFile.readAll(), QSsl::Pem);
    account.setConfig(config);
    SessionConfig sessionConfig;
    sessionConfig.ice.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
    sessionConfig.ice.upnp = false;
    sessionConfig.ice.ipv6 = false;
    sessionConfig.ice.iceTcp = false;
    SessionManager sessions(account, thread, identity, sessionConfig);

    TransferSettings settings;
    settings.downloadDir = profileDir + QStringLiteral("/Downloads");
    if (parser.isSet(acceptFrom))
        settings.autoAccept = { { parser.value(acceptFrom), std::numeric_limits<qint64>::max() } };
    TransferService transfers(account, sessions, database, settings);
    if (!transfers.isValid()) {
        say(QStringLiteral("error ") + transfers.errorString());
        return 1;
    }
    const qint64 killBytes = parser.isSet(killAt) ? parser.value(killAt).toLongLong() : -1;
    QObject::connect(&transfers, &TransferService::transferChanged, [&](const Transfer &t) {
        say(QStringLiteral("changed %1 %2 %3 %4 %5")
                .arg(t.id, Transfer::stateName(t.state))
                .arg(t.bytesDone)
                .arg(t.resumedFrom)
                .arg(t.size));
        if (killBytes >= 0 && t.direction == Transfer::Direction::Incoming && t.state == Transfer::State::Running
            && t.bytesDone >= killBytes) {
            say(QStringLiteral("killing"));
            ::raise(SIGKILL);
        }
    });
    QObject::connect(&transfers, &TransferService::finished, [](const Transfer &t) {
        say(QStringLiteral("finished %1 %2 %3").arg(t.id, Transfer::stateName(t.state), t.localPath));
    });
    QObject::connect(&account, &Account::stateChanged, [](Account::State state) {
        if (state == Account::State::Connected)
            say(QStringLiteral("ready"));
    });
    account.connectToServer();
    return app.exec();
}
