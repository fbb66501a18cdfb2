#include "CliOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSslCertificate>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace Peerlink::Cli {

namespace {

using Server = IceConfig::Server;

// "HOST", "HOST:PORT", "[V6]:PORT", with an optional "stun:" / "turn:" / "turns:" scheme.
bool parseHostPort(QString text, quint16 defaultPort, QString *host, quint16 *port)
{
    text = text.trimmed();
    *port = defaultPort;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return false;
        *host = text.mid(1, close - 1);
        text = text.mid(close + 1);
        if (text.isEmpty())
            return !host->isEmpty();
        if (!text.startsWith(u':'))
            return false;
        text = text.mid(1);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0 || text.count(u':') > 1) {
            *host = text;
            return !host->isEmpty();
        }
        *host = text.left(colon);
        text = text.mid(colon + 1);
    }
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value == 0 || value > 65535 || host->isEmpty())
        return false;
    *port = quint16(value);
    return true;
}

std::optional<Server> parseTurn(const QString &uri)
{
    Server server;
    QString rest = uri.trimmed();
    bool tls = false;
    if (rest.startsWith(QLatin1String("turns:"))) {
        tls = true;
        rest = rest.mid(6);
    } else if (rest.startsWith(QLatin1String("turn:"))) {
        rest = rest.mid(5);
    }
    QString transport;
    if (const qsizetype q = rest.indexOf(u'?'); q >= 0) {
        const QUrlQuery query(rest.mid(q + 1));
        transport = query.queryItemValue(QStringLiteral("transport")).toLower();
        rest = rest.left(q);
    }
    if (!parseHostPort(rest, tls ? 5349 : 3478, &server.host, &server.port))
        return std::nullopt;
    if (tls)
        server.transport = Server::Transport::Tls;
    else if (transport == u"tcp")
        server.transport = Server::Transport::Tcp;
    else if (transport.isEmpty() || transport == u"udp")
        server.transport = Server::Transport::Udp;
    else
        return std::nullopt;
    return server;
}

} // namespace

bool CliOptions::parse(const QCoreApplication &app, CliOptions *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Peerlink from a terminal: signs in, connects to a contact (or waits for one), sends and "
                       "receives messages and files over the peer-to-peer channel, and prints a JSON report.\n\n"
                       "Commands:\n"
                       "  connect JID   connect to a contact's online device, then send what was asked\n"
                       "  listen        wait for a contact to connect; ends when the expected files and\n"
                       "                messages arrived, or when the peer hangs up\n"
                       "  gather        gather ICE candidates with the ICE options and print them"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("connect, listen or gather"));
    parser.addPositionalArgument(QStringLiteral("jid"), QStringLiteral("connect: the contact"),
                                 QStringLiteral("[JID]"));

    const auto option = [&parser](const QString &name, const QString &description, const QString &value = {}) {
        parser.addOption(QCommandLineOption(name, description, value));
        return name;
    };
    const QString profile = option(QStringLiteral("profile"), QStringLiteral("INI file with any of these options"),
                                   QStringLiteral("FILE"));
    const QString jid
        = option(QStringLiteral("jid"), QStringLiteral("your JID (user@domain[/resource])"), QStringLiteral("JID"));
    const QString password = option(QStringLiteral("password"), QStringLiteral("your password"), QStringLiteral("PW"));
    const QString passwordFile = option(QStringLiteral("password-file"), QStringLiteral("read the password from FILE"),
                                        QStringLiteral("FILE"));
    const QString host = option(QStringLiteral("host"), QStringLiteral("server address (default: from the domain)"),
                                QStringLiteral("HOST"));
    const QString port
        = option(QStringLiteral("port"), QStringLiteral("server port (default 5222)"), QStringLiteral("N"));
    const QString ca
        = option(QStringLiteral("ca"), QStringLiteral("also trust this CA certificate (PEM) for the server"),
                 QStringLiteral("FILE"));
    const QString profileDir
        = option(QStringLiteral("profile-dir"),
                 QStringLiteral("keep the device key and the database here (default: a temporary folder)"),
                 QStringLiteral("DIR"));
    const QString stun = option(QStringLiteral("stun"), QStringLiteral("STUN server HOST[:PORT] (repeatable)"),
                                QStringLiteral("HOST"));
    const QString turn = option(QStringLiteral("turn"),
                                QStringLiteral("TURN server turn:HOST[:PORT][?transport=udp|tcp] or turns:HOST[:PORT] "
                                               "(repeatable; with --turn-user and --turn-password)"),
                                QStringLiteral("URI"));
    const QString turnUser
        = option(QStringLiteral("turn-user"), QStringLiteral("TURN user name"), QStringLiteral("USER"));
    const QString turnPassword
        = option(QStringLiteral("turn-password"), QStringLiteral("TURN password"), QStringLiteral("PW"));
    const QString turnCa
        = option(QStringLiteral("turn-ca"), QStringLiteral("certificates (PEM) trusted for TURN over TLS servers"),
                 QStringLiteral("FILE"));
    const QString noServerServices
        = option(QStringLiteral("no-server-services"), QStringLiteral("ignore the STUN/TURN services of the server"));
    const QString forceRelay = option(QStringLiteral("force-relay"), QStringLiteral("use only relayed candidates"));
    const QString noUpnp = option(QStringLiteral("no-upnp"), QStringLiteral("do not map ports with UPnP"));
    const QString noIceTcp = option(QStringLiteral("no-ice-tcp"), QStringLiteral("no ICE-TCP candidates"));
    const QString localAddress
        = option(QStringLiteral("local-address"), QStringLiteral("gather host candidates only on ADDR (repeatable)"),
                 QStringLiteral("ADDR"));
    const QString ports = option(QStringLiteral("ports"), QStringLiteral("local port range for host candidates"),
                                 QStringLiteral("MIN-MAX"));
    const QString bbr = option(QStringLiteral("bbr"), QStringLiteral("BBR congestion control instead of CUBIC"));
    const QString cc = option(QStringLiteral("cc"),
                              QStringLiteral("congestion control of the channel: cubic (default) or bbr (better on "
                                             "lossy links)"),
                              QStringLiteral("NAME"));
    const QString contact = option(QStringLiteral("contact"),
                                   QStringLiteral("make JID a mutual contact first (ask and approve; repeatable)"),
                                   QStringLiteral("JID"));
    const QString send = option(QStringLiteral("send"), QStringLiteral("connect: send this file (repeatable)"),
                                QStringLiteral("FILE"));
    const QString message
        = option(QStringLiteral("message"), QStringLiteral("send this message (repeatable)"), QStringLiteral("TEXT"));
    const QString expectFiles
        = option(QStringLiteral("expect-files"), QStringLiteral("accept incoming files and wait until N arrived"),
                 QStringLiteral("N"));
    const QString expectMessages = option(QStringLiteral("expect-messages"),
                                          QStringLiteral("wait until N messages arrived"), QStringLiteral("N"));
    const QString downloadDir
        = option(QStringLiteral("download-dir"),
                 QStringLiteral("save received files here (default: the profile folder)"), QStringLiteral("DIR"));
    const QString hold
        = option(QStringLiteral("hold"), QStringLiteral("keep the session open S seconds after the work is done"),
                 QStringLiteral("S"));
    const QString timeout = option(QStringLiteral("timeout"), QStringLiteral("give up after S seconds (default 120)"),
                                   QStringLiteral("S"));
    const QString linger = option(QStringLiteral("linger-ms"),
                                  QStringLiteral("gather: keep collecting late candidates MS milliseconds after "
                                                 "gathering is done (UPnP mappings can come late)"),
                                  QStringLiteral("MS"));
    const QString ping = option(QStringLiteral("ping-ms"),
                                QStringLiteral("while holding (--hold), send a chat message every MS milliseconds; the "
                                               "report says when each was delivered and over which path"),
                                QStringLiteral("MS"));
    const QString waitGathering = option(
        QStringLiteral("wait-gathering"),
        QStringLiteral("before ending, wait (at most 10 s) until ICE gathering is done, so that the report lists "
                       "late candidates such as UPnP mappings"));
    const QString relayGrace = option(QStringLiteral("relay-grace-ms"),
                                      QStringLiteral("hold the peer's relayed candidates back this long while direct "
                                                     "paths are checked (default 3000; 0: no head start)"),
                                      QStringLiteral("MS"));
    const QString events = option(QStringLiteral("events"),
                                  QStringLiteral("append each event (signed in, connected, path, ICE restart, account "
                                                 "state, end) to FILE as it happens, one JSON object per line"),
                                  QStringLiteral("FILE"));
    const QString json
        = option(QStringLiteral("json"), QStringLiteral("also write the report to FILE"), QStringLiteral("FILE"));
    parser.process(app);

    const auto fail = [error](const QString &why) {
        *error = why;
        return false;
    };
    std::unique_ptr<QSettings> settings;
    if (parser.isSet(profile)) {
        const QString path = parser.value(profile);
        if (!QFileInfo(path).isReadable())
            return fail(QStringLiteral("cannot read the profile %1").arg(path));
        settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    }
    // The command line wins over the profile.
    const auto value = [&](const QString &name) {
        if (parser.isSet(name) || !settings)
            return parser.value(name);
        return settings->value(name).toString();
    };
    const auto values = [&](const QString &name) {
        if (parser.isSet(name) || !settings)
            return parser.values(name);
        return settings->value(name).toStringList();
    };
    const auto flag
        = [&](const QString &name) { return parser.isSet(name) || (settings && settings->value(name).toBool()); };
    const auto number = [&](const QString &name, int fallback, int *out) {
        const QString text = value(name);
        if (text.isEmpty()) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = text.toInt(&ok);
        return ok && *out >= 0;
    };

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (command == u"connect") {
        options->command = Command::Connect;
        options->peer = positional.value(1);
        if (options->peer.isEmpty() || !options->peer.contains(u'@') || options->peer.contains(u'/'))
            return fail(QStringLiteral("connect needs the contact's bare JID (user@domain)"));
    } else if (command == u"listen") {
        options->command = Command::Listen;
    } else if (command == u"gather") {
        options->command = Command::Gather;
    } else {
        return fail(command.isEmpty() ? QStringLiteral("no command given: connect, listen or gather (see --help)")
                                      : QStringLiteral("unknown command '%1' (see --help)").arg(command));
    }

    AccountConfig &account = options->account;
    account.jid = value(jid);
    account.password = value(password);
    if (account.password.isEmpty() && !value(passwordFile).isEmpty()) {
        QFile file(value(passwordFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("cannot read the password file %1: %2").arg(file.fileName(), file.errorString()));
        account.password = QString::fromUtf8(file.readAll()).trimmed();
    }
    if (account.password.isEmpty())
        account.password = qEnvironmentVariable("PEERLINK_PASSWORD");
    account.host = value(host);
    int portNumber = 0;
    if (!number(port, 0, &portNumber) || portNumber > 65535)
        return fail(QStringLiteral("--port must be a port number"));
    account.port = quint16(portNumber);
    if (const QString path = value(ca); !path.isEmpty()) {
        account.trustedCaCertificates = QSslCertificate::fromPath(path, QSsl::Pem);
        if (account.trustedCaCertificates.isEmpty())
            return fail(QStringLiteral("no PEM certificate in %1").arg(path));
    }
    if (options->command != Command::Gather) {
        if (!account.jid.contains(u'@'))
            return fail(QStringLiteral("--jid user@domain is needed to sign in"));
        if (account.password.isEmpty())
            return fail(QStringLiteral("a password is needed: --password, --password-file or PEERLINK_PASSWORD"));
    }
    options->profileDir = value(profileDir);

    IceConfig &ice = options->session.ice;
    for (const QString &text : values(stun)) {
        Server server;
        QString hostPort = text;
        if (hostPort.startsWith(QLatin1String("stun:")))
            hostPort = hostPort.mid(5);
        if (!parseHostPort(hostPort, 3478, &server.host, &server.port))
            return fail(QStringLiteral("--stun %1: expected HOST[:PORT]").arg(text));
        ice.stunServers.append(server);
    }
    QByteArray turnPem;
    if (const QString path = value(turnCa); !path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        turnPem = file.readAll();
        if (QSslCertificate::fromData(turnPem, QSsl::Pem).isEmpty())
            return fail(QStringLiteral("no PEM certificate in %1").arg(path));
    }
    for (const QString &text : values(turn)) {
        auto server = parseTurn(text);
        if (!server)
            return fail(QStringLiteral("--turn %1: expected turn:HOST[:PORT][?transport=udp|tcp] or turns:HOST[:PORT]")
                            .arg(text));
        server->username = value(turnUser);
        server->password = value(turnPassword);
        if (server->transport == Server::Transport::Tls)
            server->trustedCertificatesPem = turnPem;
        ice.turnServers.append(*server);
    }
    options->session.turnTrustedCertificatesPem = turnPem;
    options->session.useServerServices = !flag(noServerServices);
    ice.forceRelay = flag(forceRelay);
    ice.upnp = !flag(noUpnp);
    ice.iceTcp = !flag(noIceTcp);
    for (const QString &text : values(localAddress)) {
        const QHostAddress address(text.trimmed());
        if (address.isNull())
            return fail(QStringLiteral("--local-address %1 is not an IP address").arg(text));
        ice.localAddresses.append(address);
    }
    if (const QString range = value(ports); !range.isEmpty()) {
        const QStringList parts = range.split(u'-');
        bool ok1 = false, ok2 = false;
        const uint low = parts.value(0).toUInt(&ok1), high = parts.value(1).toUInt(&ok2);
        if (parts.size() != 2 || !ok1 || !ok2 || low == 0 || high > 65535 || low > high)
            return fail(QStringLiteral("--ports expects MIN-MAX, e.g. 40000-40100"));
        ice.minPort = quint16(low);
        ice.maxPort = quint16(high);
    }
    if (flag(bbr))
        options->session.congestionControl = SecureChannel::CongestionControl::Bbr;
    if (const QString name = value(cc).toLower(); name == u"bbr")
        options->session.congestionControl = SecureChannel::CongestionControl::Bbr;
    else if (name == u"cubic")
        options->session.congestionControl = SecureChannel::CongestionControl::Cubic;
    else if (!name.isEmpty())
        return fail(QStringLiteral("--cc %1: expected cubic or bbr").arg(name));

    options->contacts = values(contact);
    if (options->command == Command::Connect && !options->contacts.contains(options->peer))
        options->contacts.append(options->peer);
    options->sendFiles = values(send);
    for (const QString &file : std::as_const(options->sendFiles)) {
        if (!QFileInfo(file).isReadable())
            return fail(QStringLiteral("cannot read %1").arg(file));
    }
    if (!options->sendFiles.isEmpty() && options->command != Command::Connect)
        return fail(QStringLiteral("--send works with connect"));
    options->messages = values(message);
    if (!number(expectFiles, 0, &options->expectFiles) || !number(expectMessages, 0, &options->expectMessages)
        || !number(hold, 0, &options->holdSeconds) || !number(timeout, 120, &options->timeoutSeconds)
        || !number(linger, 0, &options->lingerMs) || !number(ping, 0, &options->pingMs) || options->timeoutSeconds == 0)
        return fail(QStringLiteral("--expect-files, --expect-messages, --hold, --timeout, --linger-ms and --ping-ms "
                                   "take whole numbers"));
    options->eventsFile = value(events);
    options->waitGathering = flag(waitGathering);
    if (!number(relayGrace, ice.relayGraceMs, &ice.relayGraceMs))
        return fail(QStringLiteral("--relay-grace-ms takes a whole number of milliseconds"));
    options->downloadDir = value(downloadDir);
    options->jsonFile = value(json);
    return true;
}

} // namespace Peerlink::Cli
