#include "CliRunner.h"

#include "core/channel/DeviceIdentity.h"
#include "core/channel/SecureChannel.h"
#include "core/chat/ChatService.h"
#include "core/ice/IceAgent.h"
#include "core/net/NetworkThread.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/transfer/TransferService.h"
#include "core/xmpp/Account.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <map>

namespace Peerlink::Cli {

namespace {

// Spins the event loop until done() holds or the deadline passes; true when done() held.
bool waitUntil(const std::function<bool()> &done, const QDeadlineTimer &deadline)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    poll.start(10);
    loop.exec();
    return done();
}

QString protocolName(IceCandidate::Transport transport)
{
    switch (transport) {
    case IceCandidate::Transport::Udp:
        return QStringLiteral("udp");
    case IceCandidate::Transport::TcpActive:
        return QStringLiteral("tcp-active");
    case IceCandidate::Transport::TcpPassive:
        return QStringLiteral("tcp-passive");
    case IceCandidate::Transport::TcpSimultaneousOpen:
        return QStringLiteral("tcp-so");
    }
    return {};
}

QString relayTransportName(IceCandidate::RelayTransport transport)
{
    switch (transport) {
    case IceCandidate::RelayTransport::None:
        return {};
    case IceCandidate::RelayTransport::Udp:
        return QStringLiteral("udp");
    case IceCandidate::RelayTransport::Tcp:
        return QStringLiteral("tcp");
    case IceCandidate::RelayTransport::Tls:
        return QStringLiteral("tls");
    }
    return {};
}

QJsonObject candidateJson(const IceCandidate &c)
{
    QJsonObject o { { QStringLiteral("type"), IceCandidate::typeName(c.type) },
                    { QStringLiteral("address"), c.address.toString() },
                    { QStringLiteral("port"), c.port },
                    { QStringLiteral("protocol"), protocolName(c.transport) } };
    if (c.viaUpnp)
        o.insert(QStringLiteral("upnp"), true);
    if (const QString relay = relayTransportName(c.relayTransport); !relay.isEmpty())
        o.insert(QStringLiteral("relay_transport"), relay);
    if (!c.relatedAddress.isNull())
        o.insert(QStringLiteral("related"),
                 QString(c.relatedAddress.toString() + u':' + QString::number(c.relatedPort)));
    return o;
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return hash.result();
}

} // namespace

struct CliRunner::Private
{
    CliOptions options;
    QElapsedTimer clock;
    qint64 clockEpochMs = 0; // wall-clock time (ms since 1970) when clock started
    QDeadlineTimer deadline;
    QJsonObject report;
    QString error;

    std::unique_ptr<QTemporaryDir> temporaryProfile;
    QString profileDir;
    std::unique_ptr<NetworkThread> thread;
    std::unique_ptr<Account> account;
    DeviceIdentity identity;
    std::unique_ptr<Database> database;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<ChatService> chat;
    std::unique_ptr<TransferService> transfers;

    QPointer<PeerSession> session;
    QPointer<IceAgent> watchedIce;
    QString peerBare;
    QJsonArray pathChanges;
    QJsonArray candidates;
    QJsonArray events; // everything event() recorded, also written to --events as it happens
    QJsonArray accountStates;
    int iceRestarts = 0;

    // A running transfer whose bytes did not move this long has stalled (a lost path).
    static constexpr qint64 StallMs = 2000;
    struct FileRun
    {
        qint64 startedMs = -1;
        qint64 finishedMs = -1;
        qint64 lastBytes = -1;
        qint64 lastProgressMs = -1;
        QJsonArray stalls; // {"from_ms", "to_ms"}: no progress in between
        Transfer last;
    };
    std::map<QString, FileRun> files; // by transfer id
    QStringList outgoingMessages; // ids
    std::map<QString, ChatMessage> messages; // by id, both directions
    std::map<QString, qint64> messageSentMs; // by id
    std::map<QString, qint64> messageDeliveredMs; // by id

    qint64 now() const { return clock.elapsed(); }
    bool fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }

    bool setUp();
    bool signIn();
    bool makeContacts();
    bool connectSession();
    void watch(PeerSession *s);
    void watchIce();
    void recordPath(const char *what);
    void event(const QString &name, QJsonObject fields = {});
    bool sendPing(int number);
    bool doWork();
    void tearDown();
    void collectReport();
    int gather();
};

CliRunner::CliRunner(const CliOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = options;
}

CliRunner::~CliRunner()
{
    d->tearDown();
}

QJsonObject CliRunner::report() const
{
    return d->report;
}

bool CliRunner::Private::setUp()
{
    if (options.profileDir.isEmpty()) {
        temporaryProfile = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/peerlink-cli-XXXXXX"));
        if (!temporaryProfile->isValid())
            return fail(QStringLiteral("cannot create a temporary profile folder: ") + temporaryProfile->errorString());
        profileDir = temporaryProfile->path();
    } else {
        profileDir = options.profileDir;
        if (!QDir().mkpath(profileDir))
            return fail(QStringLiteral("cannot create the profile folder %1").arg(profileDir));
    }
    QString message;
    identity = DeviceIdentity::loadOrCreate(profileDir, &message);
    if (identity.isNull())
        return fail(QStringLiteral("cannot load or create the device key in %1: %2").arg(profileDir, message));
    database = std::make_unique<Database>();
    if (!database->open(QDir(profileDir).filePath(QStringLiteral("peerlink.sqlite"))))
        return fail(database->errorString());

    thread = std::make_unique<NetworkThread>();
    account = std::make_unique<Account>();
    account->setConfig(options.account);
    // Requests from the contacts we were asked to make are approved, from the first moment on.
    QObject::connect(account.get(), &Account::subscriptionRequested, account.get(), [this](const QString &jid) {
        if (options.contacts.contains(jid, Qt::CaseInsensitive))
            account->approveSubscription(jid);
    });
    QObject::connect(account.get(), &Account::stateChanged, account.get(), [this](Account::State state) {
        const QString name = QString::fromLatin1(QMetaEnum::fromType<Account::State>().valueToKey(int(state)));
        accountStates.append(QJsonObject { { QStringLiteral("at_ms"), now() }, { QStringLiteral("state"), name } });
        event(QStringLiteral("account"), { { QStringLiteral("state"), name } });
    });
    sessions = std::make_unique<SessionManager>(*account, *thread, identity, options.session);
    chat = std::make_unique<ChatService>(*account, *sessions, *database);
    if (!chat->isValid())
        return fail(chat->errorString());
    TransferSettings settings;
    settings.downloadDir
        = options.downloadDir.isEmpty() ? QDir(profileDir).filePath(QStringLiteral("downloads")) : options.downloadDir;
    if (!QDir().mkpath(settings.downloadDir))
        return fail(QStringLiteral("cannot create the download folder %1").arg(settings.downloadDir));
    transfers = std::make_unique<TransferService>(*account, *sessions, *database, settings);
    if (!transfers->isValid())
        return fail(transfers->errorString());
    report.insert(QStringLiteral("fingerprint"), DeviceIdentity::formatFingerprint(identity.fingerprint()));
    return true;
}

bool CliRunner::Private::signIn()
{
    bool gaveUp = false;
    QObject context;
    QObject::connect(
        account.get(), &Account::errorOccurred, &context, [&](Account::Error kind, const QString &message) {
            // Only errors that need the user end the attempt; others are retried.
            if (kind == Account::Error::AuthenticationFailed || kind == Account::Error::CertificateUntrusted
                || kind == Account::Error::InvalidConfiguration || kind == Account::Error::Conflict) {
                gaveUp = true;
                fail(message);
            }
        });
    account->connectToServer();
    if (!waitUntil([&] { return gaveUp || account->state() == Account::State::Connected; }, deadline))
        return fail(error.isEmpty()
                        ? QStringLiteral("could not sign in within the time limit: ") + account->errorString()
                        : error);
    if (gaveUp)
        return false;
    report.insert(QStringLiteral("jid"), account->boundJid());
    report.insert(QStringLiteral("signed_in_ms"), now());
    event(QStringLiteral("signed-in"));
    // The server's STUN/TURN services (XEP-0215) arrive shortly after sign-in.
    if (options.session.useServerServices)
        waitUntil([&] { return !account->externalServices().isEmpty(); },
                  QDeadlineTimer(std::min<qint64>(5000, deadline.remainingTime())));
    report.insert(QStringLiteral("server_services"), int(account->externalServices().size()));
    return true;
}

bool CliRunner::Private::makeContacts()
{
    const QStringList wanted = options.contacts;
    for (const QString &jid : wanted) {
        auto contact = account->contact(jid);
        if (!contact || (contact->subscription == RosterContact::Subscription::None && !contact->subscriptionPending))
            account->addContact(jid);
        // Also answers a request that came in before we listened (or pre-approves one).
        contact = account->contact(jid);
        if (!contact || contact->subscription == RosterContact::Subscription::None
            || contact->subscription == RosterContact::Subscription::To)
            account->approveSubscription(jid);
    }
    const bool mutual = waitUntil(
        [&] {
            for (const QString &jid : wanted) {
                const auto contact = account->contact(jid);
                if (!contact || !contact->isMutual())
                    return false;
            }
            return true;
        },
        deadline);
    if (!mutual)
        return fail(
            QStringLiteral("%1 did not become a mutual contact in time").arg(wanted.join(QStringLiteral(", "))));
    report.insert(QStringLiteral("contacts_ms"), now());
    return true;
}

void CliRunner::Private::recordPath(const char *what)
{
    if (!session)
        return;
    // An incoming session gets its ICE agent after watch(): take the candidates from it now.
    if (candidates.isEmpty() && session->iceAgent()) {
        for (const IceCandidate &c : session->iceAgent()->localCandidates())
            candidates.append(candidateJson(c));
    }
    QJsonObject entry { { QStringLiteral("at_ms"), now() },
                        { QStringLiteral("event"), QString::fromLatin1(what) },
                        { QStringLiteral("state"), PeerSession::stateName(session->state()) } };
    if (const auto path = session->path()) {
        entry.insert(QStringLiteral("path"), path->relayed() ? QStringLiteral("relay") : QStringLiteral("direct"));
        entry.insert(QStringLiteral("local"), candidateJson(path->local));
        entry.insert(QStringLiteral("remote"), candidateJson(path->remote));
    }
    if (session->state() == PeerSession::State::Ended) {
        entry.insert(
            QStringLiteral("end_reason"),
            QString::fromLatin1(QMetaEnum::fromType<PeerSession::EndReason>().valueToKey(int(session->endReason()))));
        entry.insert(QStringLiteral("end_text"), session->endText());
    }
    pathChanges.append(entry);
    watchIce();
    QJsonObject fields = entry;
    fields.remove(QStringLiteral("at_ms"));
    fields.remove(QStringLiteral("event"));
    event(QString::fromLatin1(what), fields);
}

void CliRunner::Private::event(const QString &name, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), name);
    fields.insert(QStringLiteral("at_ms"), now());
    fields.insert(QStringLiteral("epoch_ms"), clockEpochMs + now());
    events.append(fields);
    if (options.eventsFile.isEmpty())
        return;
    QFile file(options.eventsFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n');
}

// The session's ICE agent: restarts and failures, as events. An incoming session gets its agent
// after watch(), so this runs again on every path event.
void CliRunner::Private::watchIce()
{
    IceAgent *agent = session ? session->iceAgent() : nullptr;
    if (!agent || agent == watchedIce)
        return;
    watchedIce = agent;
    QObject::connect(agent, &IceAgent::localCredentialsChanged, agent, [this, agent] {
        ++iceRestarts;
        event(QStringLiteral("ice-restart"), { { QStringLiteral("generation"), agent->generation() } });
    });
    QObject::connect(agent, &IceAgent::failed, agent, [this](const QString &reason) {
        event(QStringLiteral("ice-failed"), { { QStringLiteral("reason"), reason } });
    });
    QObject::connect(agent, &IceAgent::relayFailed, agent, [this](const QString &reason) {
        event(QStringLiteral("relay-failed"), { { QStringLiteral("reason"), reason } });
    });
}

void CliRunner::Private::watch(PeerSession *s)
{
    session = s;
    peerBare = s->peerBareJid();
    report.insert(QStringLiteral("peer"), s->peerJid());
    report.insert(QStringLiteral("role"), s->isInitiator() ? QStringLiteral("initiator") : QStringLiteral("responder"));
    QObject::connect(s, &PeerSession::pathChanged, s, [this] { recordPath("path"); });
    QObject::connect(s, &PeerSession::connected, s, [this] { recordPath("connected"); });
    QObject::connect(s, &PeerSession::ended, s, [this] { recordPath("ended"); });
    QObject::connect(s, &PeerSession::stateChanged, s, [this] { watchIce(); });
    watchIce();
    if (IceAgent *agent = s->iceAgent()) {
        for (const IceCandidate &c : agent->localCandidates())
            candidates.append(candidateJson(c));
        QObject::connect(agent, &IceAgent::localCandidate, s,
                         [this](const IceCandidate &c) { candidates.append(candidateJson(c)); });
    }
}

bool CliRunner::Private::connectSession()
{
    if (options.command == CliOptions::Command::Connect) {
        peerBare = options.peer;
        const bool online = waitUntil(
            [&] {
                const auto contact = account->contact(peerBare);
                return contact && contact->isOnline() && !contact->resources.isEmpty();
            },
            deadline);
        if (!online)
            return fail(QStringLiteral("%1 is not online").arg(peerBare));
        QString message;
        PeerSession *s = sessions->connectToContact(peerBare, &message);
        if (!s)
            return fail(message);
        watch(s);
    } else {
        QObject context;
        QObject::connect(sessions.get(), &SessionManager::sessionAdded, &context, [this](PeerSession *s) {
            if (!session || session->state() == PeerSession::State::Ended)
                watch(s);
        });
        for (PeerSession *s : sessions->sessions()) {
            if (s->state() != PeerSession::State::Ended)
                watch(s);
        }
        if (!waitUntil([&] { return !session.isNull(); }, deadline))
            return fail(QStringLiteral("no contact connected within the time limit"));
    }
    const bool up = waitUntil(
        [&] {
            return !session || session->state() == PeerSession::State::Connected
                || session->state() == PeerSession::State::Ended;
        },
        deadline);
    if (!session)
        return fail(QStringLiteral("the session went away"));
    if (!up)
        return fail(QStringLiteral("the session did not connect within the time limit (state %1)")
                        .arg(PeerSession::stateName(session->state())));
    if (session->state() != PeerSession::State::Connected)
        return fail(QStringLiteral("the session ended before it connected: ") + session->endText());
    report.insert(QStringLiteral("connect_ms"), session->connectMs());
    return true;
}

bool CliRunner::Private::doWork()
{
    QObject context;
    const auto track = [this](const Transfer &t) {
        if (t.peer.compare(peerBare, Qt::CaseInsensitive) != 0)
            return;
        FileRun &run = files[t.id];
        run.last = t;
        if (run.startedMs < 0 && t.state == Transfer::State::Running) {
            run.startedMs = now();
            event(QStringLiteral("transfer-running"), { { QStringLiteral("name"), t.name } });
        }
        if (t.state == Transfer::State::Running && t.bytesDone != run.lastBytes) {
            if (run.lastProgressMs >= 0 && now() - run.lastProgressMs >= StallMs) {
                run.stalls.append(QJsonObject { { QStringLiteral("from_ms"), run.lastProgressMs },
                                                { QStringLiteral("to_ms"), now() },
                                                { QStringLiteral("bytes"), t.bytesDone } });
                event(QStringLiteral("transfer-resumed"),
                      { { QStringLiteral("name"), t.name }, { QStringLiteral("stalled_ms"), run.lastProgressMs } });
            }
            run.lastBytes = t.bytesDone;
            run.lastProgressMs = now();
        }
        if (run.finishedMs < 0 && t.isFinal())
            run.finishedMs = now();
    };
    QObject::connect(transfers.get(), &TransferService::transferAdded, &context, track);
    QObject::connect(transfers.get(), &TransferService::transferChanged, &context, track);
    QObject::connect(transfers.get(), &TransferService::finished, &context, track);
    const auto onOffer = [this, track](const Transfer &t) {
        track(t);
        if (options.expectFiles <= 0 || t.peer.compare(peerBare, Qt::CaseInsensitive) != 0)
            return;
        QString message;
        if (!transfers->accept(t.id, {}, &message))
            fail(QStringLiteral("cannot accept %1: %2").arg(t.name, message));
    };
    QObject::connect(transfers.get(), &TransferService::offerReceived, &context, onOffer);
    // Offers that came as soon as the channel opened, before this point.
    for (const Transfer &t : transfers->transfers()) {
        if (t.direction == Transfer::Direction::Incoming && t.state == Transfer::State::Offered
            && t.created.toMSecsSinceEpoch() >= clockEpochMs)
            onOffer(t);
    }
    const auto trackMessage = [this](const ChatMessage &m) {
        if (m.peer.compare(peerBare, Qt::CaseInsensitive) != 0)
            return;
        messages[m.id] = m;
        if ((m.state == ChatMessage::State::Delivered || m.state == ChatMessage::State::Read)
            && !messageDeliveredMs.contains(m.id))
            messageDeliveredMs[m.id] = now();
    };
    QObject::connect(chat.get(), &ChatService::messageAdded, &context, trackMessage);
    QObject::connect(chat.get(), &ChatService::messageChanged, &context,
                     [trackMessage](const ChatMessage &m) { trackMessage(m); });
    // Messages the peer sent as soon as the channel opened may have arrived before this point.
    for (const ChatMessage &m : chat->history(peerBare)) {
        if (m.direction == ChatMessage::Direction::Incoming && m.receivedAt.toMSecsSinceEpoch() >= clockEpochMs)
            trackMessage(m);
    }

    for (const QString &text : std::as_const(options.messages)) {
        QString message;
        const QString id = chat->send(peerBare, text, &message);
        if (id.isEmpty())
            return fail(QStringLiteral("cannot send the message: ") + message);
        outgoingMessages.append(id);
        messageSentMs[id] = now();
    }
    if (!options.sendFiles.isEmpty()) {
        QString message;
        if (!transfers->sendFiles(peerBare, options.sendFiles, &message))
            return fail(QStringLiteral("cannot send the files: ") + message);
    }

    const auto count = [this](Transfer::Direction direction, bool completedOnly) {
        int n = 0;
        for (const auto &[id, run] : files) {
            if (run.last.direction == direction && (!completedOnly || run.last.state == Transfer::State::Completed))
                ++n;
        }
        return n;
    };
    const auto finalOutgoing = [this] {
        int n = 0;
        for (const auto &[id, run] : files)
            n += run.last.direction == Transfer::Direction::Outgoing && run.last.isFinal();
        return n;
    };
    const auto incomingMessages = [this] {
        int n = 0;
        for (const auto &[id, m] : messages)
            n += m.direction == ChatMessage::Direction::Incoming;
        return n;
    };
    const auto messagesSettled = [this] {
        for (const QString &id : std::as_const(outgoingMessages)) {
            const auto it = messages.find(id);
            if (it == messages.end()
                || (it->second.state != ChatMessage::State::Delivered && it->second.state != ChatMessage::State::Read
                    && it->second.state != ChatMessage::State::Failed))
                return false;
        }
        return true;
    };
    const auto sessionEnded = [this] { return !session || session->state() == PeerSession::State::Ended; };
    const auto workDone = [&] {
        return count(Transfer::Direction::Outgoing, false) >= options.sendFiles.size()
            && finalOutgoing() >= count(Transfer::Direction::Outgoing, false)
            && count(Transfer::Direction::Incoming, true) >= options.expectFiles
            && incomingMessages() >= options.expectMessages && messagesSettled();
    };
    const bool done = waitUntil([&] { return workDone() || sessionEnded() || !error.isEmpty(); }, deadline);
    if (!error.isEmpty())
        return false;
    if (!workDone()) {
        return fail(sessionEnded()
                        ? QStringLiteral("the session ended before the work was done: ")
                            + (session ? session->endText() : QString())
                        : (done ? QStringLiteral("the work stopped") : QStringLiteral("the time limit ran out")));
    }
    report.insert(QStringLiteral("work_done_ms"), now());
    if (options.waitGathering) {
        waitUntil([this] { return !session || !session->iceAgent() || session->iceAgent()->isGatheringDone(); },
                  QDeadlineTimer(std::min<qint64>(10000, deadline.remainingTime())));
        if (session && session->iceAgent())
            report.insert(QStringLiteral("gathering_done"), session->iceAgent()->isGatheringDone());
    }

    if (options.holdSeconds > 0) {
        // Optionally with a chat message every pingMs: a channel that keeps working delivers them.
        QTimer pings;
        int pingNumber = 0;
        QObject::connect(&pings, &QTimer::timeout, &pings, [&] {
            if (!sessionEnded())
                sendPing(++pingNumber);
        });
        if (options.pingMs > 0)
            pings.start(options.pingMs);
        waitUntil(sessionEnded,
                  QDeadlineTimer(std::min<qint64>(options.holdSeconds * 1000LL, deadline.remainingTime())));
        pings.stop();
        // The last pings get the chance to arrive before the session is closed.
        if (pingNumber > 0)
            waitUntil([&] { return sessionEnded() || messagesSettled(); },
                      QDeadlineTimer(std::min<qint64>(5000, deadline.remainingTime())));
    }
    if (session && session->state() == PeerSession::State::Connected) {
        if (session->isInitiator()) {
            session->hangUp(QStringLiteral("peerlink-cli is done"));
        } else {
            // The initiator hangs up once it saw everything confirmed; give it the chance.
            waitUntil(sessionEnded, QDeadlineTimer(std::min<qint64>(10000, deadline.remainingTime())));
        }
    }
    return true;
}

bool CliRunner::Private::sendPing(int number)
{
    QString message;
    const QString id = chat->send(peerBare, QStringLiteral("ping %1").arg(number), &message);
    if (id.isEmpty()) {
        event(QStringLiteral("ping-refused"), { { QStringLiteral("error"), message } });
        return false;
    }
    outgoingMessages.append(id);
    messageSentMs[id] = now();
    return true;
}

void CliRunner::Private::collectReport()
{
    if (session) {
        report.insert(QStringLiteral("state"), PeerSession::stateName(session->state()));
        if (session->state() == PeerSession::State::Ended) {
            report.insert(QStringLiteral("end_reason"),
                          QString::fromLatin1(
                              QMetaEnum::fromType<PeerSession::EndReason>().valueToKey(int(session->endReason()))));
            report.insert(QStringLiteral("end_text"), session->endText());
        }
        // The path the session ran on: the last one it had.
        QJsonObject last;
        for (const auto &entry : std::as_const(pathChanges)) {
            if (entry.toObject().contains(QStringLiteral("path")))
                last = entry.toObject();
        }
        if (!last.isEmpty()) {
            report.insert(QStringLiteral("path"), last.value(QStringLiteral("path")));
            report.insert(QStringLiteral("local"), last.value(QStringLiteral("local")));
            report.insert(QStringLiteral("remote"), last.value(QStringLiteral("remote")));
        }
        if (SecureChannel *channel = session->channel()) {
            const SecureChannel::Stats stats = channel->stats();
            report.insert(
                QStringLiteral("channel"),
                QJsonObject { { QStringLiteral("bytes_sent"), qint64(stats.bytesSent) },
                              { QStringLiteral("bytes_received"), qint64(stats.bytesReceived) },
                              { QStringLiteral("lost_packets"), qint64(stats.lostPackets) },
                              { QStringLiteral("migrations"), qint64(stats.pathChanges) },
                              { QStringLiteral("smoothed_rtt_ms"), double(stats.smoothedRtt.count()) / 1000.0 },
                              { QStringLiteral("min_rtt_ms"), double(stats.minRtt.count()) / 1000.0 } });
        }
    }
    report.insert(QStringLiteral("path_changes"), pathChanges);
    report.insert(QStringLiteral("candidates"), candidates);
    report.insert(QStringLiteral("events"), events);
    report.insert(QStringLiteral("account_states"), accountStates);
    report.insert(QStringLiteral("ice_restarts"), iceRestarts);

    QJsonArray sent, received;
    qint64 bytesSent = 0, bytesReceived = 0;
    for (const auto &[id, run] : files) {
        const Transfer &t = run.last;
        QJsonObject o { { QStringLiteral("name"), t.name },
                        { QStringLiteral("size"), t.size },
                        { QStringLiteral("state"), Transfer::stateName(t.state) },
                        { QStringLiteral("sha256"), QString::fromLatin1(t.sha256.toHex()) } };
        if (!t.error.isEmpty())
            o.insert(QStringLiteral("error"), t.error);
        if (!run.stalls.isEmpty())
            o.insert(QStringLiteral("stalls"), run.stalls);
        if (run.startedMs >= 0 && run.finishedMs > run.startedMs) {
            const double seconds = double(run.finishedMs - run.startedMs) / 1000.0;
            o.insert(QStringLiteral("seconds"), seconds);
            o.insert(QStringLiteral("MBps"), double(t.size - t.resumedFrom) / seconds / 1e6);
        }
        if (t.direction == Transfer::Direction::Incoming) {
            o.insert(QStringLiteral("path"), t.localPath);
            if (t.state == Transfer::State::Completed) {
                // Checked again here, independently of the transfer layer.
                const QByteArray actual = sha256OfFile(t.localPath);
                o.insert(QStringLiteral("file_sha256"), QString::fromLatin1(actual.toHex()));
                o.insert(QStringLiteral("ok"), !actual.isEmpty() && actual == t.sha256);
                bytesReceived += t.size;
            } else {
                o.insert(QStringLiteral("ok"), false);
            }
            received.append(o);
        } else {
            o.insert(QStringLiteral("ok"), t.state == Transfer::State::Completed);
            if (t.state == Transfer::State::Completed)
                bytesSent += t.size;
            sent.append(o);
        }
    }
    report.insert(QStringLiteral("files_sent"), sent);
    report.insert(QStringLiteral("files_received"), received);
    report.insert(QStringLiteral("file_bytes_sent"), bytesSent);
    report.insert(QStringLiteral("file_bytes_received"), bytesReceived);

    QJsonArray messagesSent, messagesReceived;
    for (const auto &[id, m] : messages) {
        QJsonObject o { { QStringLiteral("id"), m.id },
                        { QStringLiteral("text"), m.text },
                        { QStringLiteral("state"), ChatMessage::stateName(m.state) },
                        { QStringLiteral("path"), ChatMessage::pathName(m.path) } };
        if (const auto at = messageSentMs.find(id); at != messageSentMs.end())
            o.insert(QStringLiteral("sent_ms"), at->second);
        if (const auto at = messageDeliveredMs.find(id); at != messageDeliveredMs.end())
            o.insert(QStringLiteral("delivered_ms"), at->second);
        (m.isOutgoing() ? messagesSent : messagesReceived).append(o);
    }
    report.insert(QStringLiteral("messages_sent"), messagesSent);
    report.insert(QStringLiteral("messages_received"), messagesReceived);
}

void CliRunner::Private::tearDown()
{
    transfers.reset();
    chat.reset();
    sessions.reset(); // closes the sessions (QUIC, ICE) before the account goes
    if (account && account->state() != Account::State::Disconnected) {
        // Going offline properly, so that the contact does not see a stale device.
        account->disconnectFromServer();
        waitUntil([this] { return account->state() == Account::State::Disconnected; }, QDeadlineTimer(3000));
    }
    account.reset();
    if (thread)
        thread->shutdown();
    thread.reset();
    database.reset();
}

int CliRunner::Private::gather()
{
    thread = std::make_unique<NetworkThread>();
    int result = 0;
    {
        IceAgent agent(*thread, options.session.ice, true);
        bool done = false;
        QObject::connect(&agent, &IceAgent::localCandidate, &agent,
                         [this](const IceCandidate &c) { candidates.append(candidateJson(c)); });
        QObject::connect(&agent, &IceAgent::gatheringDone, &agent, [&done] { done = true; });
        agent.start();
        if (!waitUntil([&] { return done; }, deadline)) {
            fail(QStringLiteral("gathering did not finish within the time limit"));
            result = 1;
        }
        report.insert(QStringLiteral("gather_ms"), now());
        if (options.lingerMs > 0) {
            const qint64 until = now() + options.lingerMs;
            waitUntil([&] { return now() >= until; }, deadline);
        }
        report.insert(QStringLiteral("candidates"), candidates);
        bool closed = false;
        QObject::connect(&agent, &IceAgent::closed, &agent, [&closed] { closed = true; });
        agent.close();
        waitUntil([&] { return closed; }, QDeadlineTimer(5000));
    }
    thread->shutdown();
    return result;
}

int CliRunner::run()
{
    d->clock.start();
    d->clockEpochMs = QDateTime::currentMSecsSinceEpoch();
    d->report.insert(QStringLiteral("clock_epoch_ms"), d->clockEpochMs);
    d->deadline = QDeadlineTimer(qint64(d->options.timeoutSeconds) * 1000);
    int result = 0;
    if (d->options.command == CliOptions::Command::Gather) {
        result = d->gather();
    } else {
        const bool ok = d->setUp() && d->signIn() && d->makeContacts() && d->connectSession() && d->doWork();
        d->collectReport();
        result = ok ? 0 : 1;
        d->tearDown();
    }
    if (!d->error.isEmpty())
        d->report.insert(QStringLiteral("error"), d->error);
    d->report.insert(QStringLiteral("ok"), result == 0 && d->error.isEmpty());
    d->report.insert(QStringLiteral("total_ms"), d->now());

    const QByteArray json = QJsonDocument(d->report).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    if (!d->options.jsonFile.isEmpty()) {
        QFile file(d->options.jsonFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size()) {
            std::fprintf(stderr, "peerlink-cli: cannot write %s\n", qPrintable(d->options.jsonFile));
            return 1;
        }
    }
    return d->error.isEmpty() ? result : 1;
}

} // namespace Peerlink::Cli
