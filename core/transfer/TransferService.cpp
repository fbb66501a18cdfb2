#include "core/transfer/TransferService.h"

#include "core/Logging.h"
#include "core/channel/SecureChannel.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/transfer/FileName.h"
#include "core/transfer/SpeedMeter.h"
#include "core/transfer/TransferIo.h"
#include "core/transfer/TransferStore.h"
#include "core/xmpp/Account.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QMimeDatabase>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <vector>

namespace Peerlink {

namespace {

constexpr qint64 MiB = 1024 * 1024;
// Sender: bytes read ahead plus bytes the channel holds unacknowledged, per transfer.
constexpr qint64 SendWindow = 16 * MiB;
constexpr qint64 ReadChunk = TransferIo::ChunkSize;
// Receiver: received chunks are handed to the worker in batches of this size (or when the
// channel's events of the moment are handled), which saves a wake-up of the worker per chunk.
constexpr qint64 WriteBatch = MiB;
// Streams one session carries for outgoing offers and transfers at a time (QUIC allows 128).
constexpr int MaxOutgoingPerSession = 64;
constexpr int MaxOfferAttempts = 8;
constexpr int EmitIntervalMs = 250;
constexpr int SaveIntervalMs = 5000; // progress only: a resume starts from the part file
constexpr int TickIntervalMs = 500;
constexpr int ReconnectIntervalMs = 5000;
// A running transfer without progress this long whose peer device went offline (its XMPP
// presence is gone) has lost its peer: the session is ended at once, and the transfer waits,
// resumable, instead of waiting for the channel's idle timeout (about a minute).
constexpr int StalledMs = 5000;

// QUIC application error codes on a file stream (RESET_STREAM / STOP_SENDING).
constexpr quint64 ResetCancelled = 0x10;
constexpr quint64 ResetPaused = 0x11;
constexpr quint64 ResetFailed = 0x12;

using State = Transfer::State;
using Direction = Transfer::Direction;
using Action = PeerSession::ContentAction;
using Condition = JingleReason::Condition;

QString newId(QChar prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128);
}

bool isConnected(const PeerSession *session)
{
    return session && session->state() == PeerSession::State::Connected && session->channel();
}

// The session initiator is the QUIC client (the responder answers 'passive', PeerSession), and a
// client opens bidirectional streams 0, 4, 8, ..., a server 1, 5, 9, ... (RFC 9000, 2.1).
bool peerOpensStream(const PeerSession *session, quint64 stream)
{
    const bool peerIsClient = !session->isInitiator();
    return stream % 4 == (peerIsClient ? 0u : 1u);
}

JingleContent::Creator role(bool initiator)
{
    return initiator ? JingleContent::Creator::Initiator : JingleContent::Creator::Responder;
}

JingleContent::Senders sendersOf(JingleContent::Creator creator)
{
    return creator == JingleContent::Creator::Initiator ? JingleContent::Senders::Initiator
                                                        : JingleContent::Senders::Responder;
}

JingleReason reason(Condition condition, const QString &text = {})
{
    JingleReason r;
    r.condition = condition;
    r.text = text.left(JingleReason::MaxTextLength);
    return r;
}

const QByteArray *sha256Of(const JingleFileDescription &file)
{
    for (const JingleFileDescription::Hash &hash : file.hashes) {
        if (hash.algorithm == QCryptographicHash::Sha256 && hash.value.size() == 32)
            return &hash.value;
    }
    return nullptr;
}

struct Entry
{
    TransferStore::Record rec;
    Transfer &t() { return rec.transfer; }
    const Transfer &t() const { return rec.transfer; }
    bool outgoing() const { return rec.transfer.direction == Direction::Outgoing; }

    // The session carrying the live offer or the running transfer, and its stream.
    QPointer<PeerSession> session;
    qint64 stream = -1;
    bool offerLive = false; // outgoing: our offer awaits an answer; incoming: the peer's offer awaits ours
    bool preparing = false; // incoming: the download file is being prepared for accepting
    bool running = false; // bytes flow on `stream`
    quint32 run = 0; // results of the worker for an older run are dropped
    QPointer<PeerSession> offeredIn; // outgoing: offered once in this session already
    int offerAttempts = 0;
    bool autoAccepted = false;
    // sending
    qint64 nextRead = 0;
    qint64 readsInFlight = 0;
    qint64 written = 0;
    bool finSent = false;
    // receiving
    qint64 received = 0;
    bool sideClosed = false;
    QList<QByteArray> batch; // received, not yet handed to the worker
    qint64 batchBytes = 0;
    bool flushQueued = false;

    SpeedMeter meter;
    qint64 progressBytes = -1; // bytesDone when it last changed, and when
    qint64 progressMs = 0;
    qint64 lastEmitMs = -1000000;
    qint64 lastSaveMs = 0;
};

} // namespace

struct TransferService::Private
{
    TransferService *q;
    Account &account;
    SessionManager &sessions;
    TransferSettings settings;
    TransferStore store;
    TransferIo io;

    std::vector<std::unique_ptr<Entry>> entries; // in the order they were added
    QHash<QString, Entry *> byId;
    QHash<std::pair<const PeerSession *, qint64>, Entry *> byStream;
    QHash<const PeerSession *, QPointer<PeerSession>> attached;
    QHash<const PeerSession *, bool> channelAttached;
    QHash<quint64, std::pair<QString, QString>> folderRequests; // listFolder request -> peer, folder
    quint64 nextRequest = 0;
    quint32 nextRun = 0;
    QElapsedTimer clock;
    QTimer tick;
    QTimer reconnect;

    Private(TransferService *service, Account &a, SessionManager &s, Database &database, const TransferSettings &ts)
        : q(service)
        , account(a)
        , sessions(s)
        , settings(ts)
        , store(database, a.config().jid.section(u'/', 0, 0))
    {
        clock.start();
    }

    // ------------------------------------------------------------------------------ helpers

    Entry *find(const QString &id) const { return byId.value(id); }

    Entry *findContent(const QString &peer, const QString &contentName, Direction direction) const
    {
        for (const auto &e : entries) {
            if (e->t().direction == direction && e->rec.contentName == contentName
                && e->t().peer.compare(peer, Qt::CaseInsensitive) == 0)
                return e.get();
        }
        return nullptr;
    }

    QString downloadDir() const
    {
        QString dir = settings.downloadDir;
        if (dir.isEmpty())
            dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        if (dir.isEmpty())
            dir = QDir::homePath();
        return QDir::cleanPath(QDir(dir).absolutePath());
    }

    PeerSession *liveSession(const QString &peer) const
    {
        PeerSession *s = sessions.session(peer);
        return isConnected(s) ? s : nullptr;
    }

    // Who created a file content in session s: always the side that sends the file.
    static JingleContent::Creator creatorIn(const Entry &e, const PeerSession *s)
    {
        return role(e.outgoing() == s->isInitiator());
    }

    JingleFileDescription description(const Entry &e) const
    {
        JingleFileDescription file;
        file.name = e.t().name;
        file.size = e.t().size;
        file.mediaType = e.t().mediaType;
        file.date = e.t().modified;
        file.hashes = { { QCryptographicHash::Sha256, e.t().sha256 } };
        return file;
    }

    JingleContent content(const Entry &e, const PeerSession *s) const
    {
        JingleContent c;
        c.creator = creatorIn(e, s);
        c.name = e.rec.contentName;
        return c;
    }

    JingleContent fileContent(const Entry &e, const PeerSession *s, std::optional<JingleFileDescription::Range> range,
                              bool withTransport) const
    {
        JingleContent c = content(e, s);
        c.senders = sendersOf(c.creator);
        JingleFileDescription file = description(e);
        file.range = range;
        c.description = file;
        if (withTransport)
            c.transport = JingleQuicStreamTransport { quint64(e.stream) };
        return c;
    }

    bool send(PeerSession *s, Action action, const JingleContent &c, const std::optional<JingleReason> &r = {})
    {
        return isConnected(s) && s->sendContentAction(action, { c }, r);
    }

    // ---------------------------------------------------------------------- state and signals

    void save(Entry &e)
    {
        e.lastSaveMs = clock.elapsed();
        store.save(e.rec);
    }

    // Progress or speed changed: signal now and then, save now and then.
    void touch(Entry &e, bool force = false)
    {
        const qint64 now = clock.elapsed();
        Transfer &t = e.t();
        if (e.running && t.state == State::Running) {
            e.meter.add(t.bytesDone, now);
            t.bytesPerSecond = e.meter.bytesPerSecond(now);
            t.secondsLeft = e.meter.secondsLeft(t.size - t.bytesDone, now);
        } else {
            t.bytesPerSecond = 0;
            t.secondsLeft = t.isFinal() ? 0 : -1;
        }
        if (force || now - e.lastSaveMs >= SaveIntervalMs)
            save(e);
        if (force || now - e.lastEmitMs >= EmitIntervalMs) {
            e.lastEmitMs = now;
            Q_EMIT q->transferChanged(t);
        }
    }

    void setState(Entry &e, State state, const QString &error = {})
    {
        Transfer &t = e.t();
        const bool wasFinal = t.isFinal();
        t.state = state;
        t.error = error;
        if (state == State::Running)
            e.meter.reset();
        if (state == State::Completed)
            t.bytesDone = t.size;
        touch(e, true);
        if (!wasFinal && t.isFinal()) {
            qCInfo(lcTransfer).noquote() << (e.outgoing() ? "sending" : "receiving") << t.name << "with" << t.peer
                                         << "ended:" << Transfer::stateName(state) << error;
            Q_EMIT q->finished(t);
        }
    }

    // Where a stopped transfer waits: paused by someone, or for the connection.
    State restingState(const Entry &e) const
    {
        if (e.t().pausedLocally || e.t().pausedByPeer)
            return State::Paused;
        if (e.outgoing() && e.t().state == State::Offered)
            return State::Offered;
        if (!e.outgoing() && !e.rec.accepted)
            return State::Offered;
        return State::Interrupted;
    }

    // Hands the received chunks to the worker (before anything else is asked of it).
    void flushWrites(Entry &e)
    {
        if (e.batch.isEmpty())
            return;
        io.write(e.t().id, e.run, e.batch);
        e.batch.clear();
        e.batchBytes = 0;
    }

    // Stops the current offer or run of bytes; the stream is reset when resetCode is given.
    void stopRun(Entry &e, std::optional<quint64> resetCode, bool removePart = false)
    {
        flushWrites(e);
        PeerSession *s = e.session;
        if (e.stream >= 0 && s) {
            if (resetCode && s->channel() && (e.running || e.offerLive || e.preparing))
                s->channel()->resetStream(e.stream, *resetCode);
            byStream.remove({ s, e.stream });
        }
        if (e.outgoing()) {
            io.closeRead(e.t().id);
        } else {
            io.closeWrite(e.t().id, removePart);
            if (removePart && !e.rec.partPath.isEmpty()) {
                io.removeFile(e.rec.partPath);
                e.rec.partPath.clear();
            }
        }
        e.running = false;
        e.offerLive = false;
        e.preparing = false;
        e.finSent = false;
        e.readsInFlight = 0;
        e.run = ++nextRun;
    }

    // ------------------------------------------------------------------------------ sessions

    void attach(PeerSession *s)
    {
        if (!s || attached.contains(s))
            return;
        attached.insert(s, s);
        QObject::connect(s, &PeerSession::stateChanged, q, [this, s](PeerSession::State state) {
            if (state == PeerSession::State::Connected)
                onConnected(s);
        });
        QObject::connect(s, &PeerSession::ended, q, [this, s] { onEnded(s); });
        QObject::connect(s, &QObject::destroyed, q, [this, s] {
            onEnded(s);
            attached.remove(s);
            channelAttached.remove(s);
        });
        QObject::connect(
            s, &PeerSession::contentActionReceived, q,
            [this, s](Action action, const QList<JingleContent> &contents, const std::optional<JingleReason> &r) {
                for (const JingleContent &c : contents)
                    onContentAction(s, action, c, r);
            });
        QObject::connect(s, &PeerSession::contentActionRefused, q,
                         [this, s](Action action, const QList<JingleContent> &contents, const QString &error) {
                             for (const JingleContent &c : contents)
                                 onRefused(s, action, c, error);
                         });
        if (s->state() == PeerSession::State::Connected)
            onConnected(s);
    }

    void onConnected(PeerSession *s)
    {
        SecureChannel *channel = s->channel();
        if (!channel || channelAttached.value(s))
            return;
        channelAttached.insert(s, true);
        QObject::connect(channel, &SecureChannel::dataReceived, q,
                         [this, s](qint64 stream, const QByteArray &data) { onData(s, stream, data); });
        QObject::connect(channel, &SecureChannel::streamOpened, q,
                         [this, s](qint64 stream) { closeOurSide(s, stream); });
        QObject::connect(channel, &SecureChannel::streamFinished, q,
                         [this, s](qint64 stream) { onStreamFinished(s, stream); });
        QObject::connect(channel, &SecureChannel::streamReset, q,
                         [this, s](qint64 stream, quint64 code) { onStreamReset(s, stream, code); });
        QObject::connect(channel, &SecureChannel::writable, q, [this, s](qint64 stream, qint64) {
            if (Entry *e = byStream.value({ s, stream }); e && e->outgoing())
                pump(*e);
        });
        // After the other handlers of connected() ran: the chat opens stream 0 first.
        QTimer::singleShot(0, q, [this, guard = QPointer<PeerSession>(s)] {
            if (isConnected(guard))
                sessionReady(guard);
        });
    }

    void sessionReady(PeerSession *s)
    {
        const QString peer = s->peerBareJid();
        for (const auto &entry : entries) {
            Entry &e = *entry;
            if (e.t().peer.compare(peer, Qt::CaseInsensitive) != 0)
                continue;
            if (e.rec.notifyPeer) {
                e.rec.notifyPeer = false;
                send(s, Action::Remove, content(e, s), reason(Condition::Cancel, QStringLiteral("cancelled")));
                save(e);
            } else if (e.outgoing() && !e.t().isFinal() && e.t().pausedLocally) {
                JingleContent c = fileContent(e, s, std::nullopt, false);
                c.senders = JingleContent::Senders::None;
                send(s, Action::DescriptionInfo, c);
            }
        }
        trySend(peer);
    }

    void onEnded(PeerSession *s)
    {
        QString peer;
        for (const auto &entry : entries) {
            Entry &e = *entry;
            if (e.session != s && !(e.session.isNull() && (e.running || e.offerLive || e.preparing)))
                continue;
            peer = e.t().peer;
            if (!e.running && !e.offerLive && !e.preparing && !(e.outgoing() && e.t().state == State::Verifying))
                continue;
            stopRun(e, std::nullopt); // a part file being prepared is adopted when the worker is done
            e.session = nullptr;
            setState(e, restingState(e), e.t().error);
        }
        for (auto it = byStream.begin(); it != byStream.end();) {
            if (it.key().first == s)
                it = byStream.erase(it);
            else
                ++it;
        }
        if (!peer.isEmpty())
            QTimer::singleShot(1000, q, [this, peer] { ensureSession(peer); });
    }

    // The session of a running transfer that made no progress for StalledMs while the peer's
    // device (the session's full JID) is offline; nullptr otherwise.
    PeerSession *stalledWithPeerGone(Entry &e)
    {
        const qint64 now = clock.elapsed();
        if (e.t().bytesDone != e.progressBytes) {
            e.progressBytes = e.t().bytesDone;
            e.progressMs = now;
            return nullptr;
        }
        PeerSession *s = e.session;
        if (!s || now - e.progressMs < StalledMs || account.state() != Account::State::Connected)
            return nullptr;
        const auto contact = account.contact(s->peerBareJid());
        const QString resource = s->peerJid().section(u'/', 1);
        if (contact && contact->resources.contains(resource))
            return nullptr; // still there: a slow disk or a slow path, not a lost peer
        return s;
    }

    bool hasWork(const QString &peer) const
    {
        for (const auto &entry : entries) {
            const Entry &e = *entry;
            const Transfer &t = e.t();
            if (t.peer.compare(peer, Qt::CaseInsensitive) != 0)
                continue;
            if (e.rec.notifyPeer)
                return true;
            if (t.isFinal() || t.pausedLocally)
                continue;
            if (e.outgoing() && t.state != State::Preparing)
                return true;
            if (!e.outgoing() && e.rec.accepted && t.state != State::Verifying)
                return true;
        }
        return false;
    }

    // Starts a session with peer when there is something to send or resume and none runs.
    void ensureSession(const QString &peer)
    {
        if (!hasWork(peer) || account.state() != Account::State::Connected)
            return;
        PeerSession *s = sessions.session(peer);
        if (s && s->state() != PeerSession::State::Ended)
            return;
        const auto contact = account.contact(peer);
        if (!contact || !contact->isOnline())
            return;
        QString error;
        if (PeerSession *started = sessions.connectToContact(peer, &error))
            attach(started);
        else
            qCDebug(lcTransfer).noquote() << "cannot connect to" << peer << "to continue transfers:" << error;
    }

    void ensureSessions()
    {
        QStringList peers;
        for (const auto &e : entries) {
            if (!peers.contains(e->t().peer, Qt::CaseInsensitive))
                peers.append(e->t().peer);
        }
        for (const QString &peer : std::as_const(peers))
            ensureSession(peer);
    }

    // ------------------------------------------------------------------------------ sending

    Entry &addOutgoing(const QString &peer, const QString &path, const QString &name, bool hash = true)
    {
        auto entry = std::make_unique<Entry>();
        Entry &e = *entry;
        Transfer &t = e.t();
        t.id = newId(u'f');
        e.rec.contentName = t.id;
        t.direction = Direction::Outgoing;
        t.peer = peer;
        t.name = name.size() <= JingleFileDescription::MaxNameLength ? name : QFileInfo(path).fileName().right(255);
        t.localPath = path;
        t.mediaType = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchExtension).name();
        t.state = State::Preparing;
        t.created = QDateTime::currentDateTimeUtc();
        byId.insert(t.id, &e);
        entries.push_back(std::move(entry));
        save(e);
        Q_EMIT q->transferAdded(t);
        if (hash)
            io.hashFile(t.id, path);
        return e;
    }

    void onFileHashed(const QString &id, qint64 size, const QDateTime &modified, const QByteArray &sha256,
                      const QString &error)
    {
        Entry *e = find(id);
        if (!e || e->t().state != State::Preparing || !e->outgoing())
            return;
        if (!error.isEmpty()) {
            setState(*e, State::Failed, error);
            return;
        }
        e->t().size = size;
        e->t().modified = modified;
        e->t().sha256 = sha256;
        setState(*e, State::Offered);
        trySend(e->t().peer);
    }

    // Offers what waits for peer, as far as the session's streams allow.
    void trySend(const QString &peer)
    {
        PeerSession *s = liveSession(peer);
        if (!s) {
            ensureSession(peer);
            return;
        }
        int active = 0;
        for (const auto &e : entries) {
            if (e->outgoing() && e->session == s && (e->offerLive || e->running))
                ++active;
        }
        for (const auto &entry : entries) {
            Entry &e = *entry;
            const Transfer &t = e.t();
            if (!e.outgoing() || t.peer.compare(peer, Qt::CaseInsensitive) != 0 || t.pausedLocally)
                continue;
            const bool waiting = t.state == State::Offered || t.state == State::Interrupted || t.state == State::Paused;
            if (!waiting || e.offerLive || e.running || e.offeredIn == s)
                continue;
            if (active >= MaxOutgoingPerSession)
                break;
            if (offer(e, s))
                ++active;
        }
    }

    bool offer(Entry &e, PeerSession *s)
    {
        SecureChannel *channel = s->channel();
        qint64 stream = channel->openStream();
        if (stream == 0) // stream 0 is the chat's (docs/chat.md); it stays unused if no chat runs
            stream = channel->openStream();
        if (stream < 0)
            return false;
        e.session = s;
        e.stream = stream;
        e.offeredIn = s;
        e.offerLive = true;
        if (!send(s, Action::Add, fileContent(e, s, JingleFileDescription::Range {}, true))) {
            channel->resetStream(stream, ResetCancelled);
            e.offerLive = false;
            return false;
        }
        qCDebug(lcTransfer).noquote() << "offered" << e.t().name << "to" << e.t().peer << "on stream" << stream;
        return true;
    }

    void onAccepted(PeerSession *s, const JingleContent &c)
    {
        Entry *e = findContent(s->peerBareJid(), c.name, Direction::Outgoing);
        if (!e || !e->offerLive || e->session != s || e->t().isFinal())
            return;
        Transfer &t = e->t();
        const JingleFileDescription *file = c.fileDescription();
        const qint64 offset = file && file->range ? file->range->offset : 0;
        const bool toEnd = !file || !file->range || !file->range->length || offset + *file->range->length == t.size;
        if (offset < 0 || offset > t.size || !toEnd) {
            const QString text = QStringLiteral("the requested range does not run to the end of the file");
            stopRun(*e, ResetFailed);
            send(s, Action::Remove, content(*e, s), reason(Condition::FailedApplication, text));
            setState(*e, State::Failed, tr("%1 asked for a part of the file Peerlink cannot send.").arg(t.peer));
            return;
        }
        e->offerLive = false;
        e->running = true;
        e->run = ++nextRun;
        e->nextRead = offset;
        e->readsInFlight = 0;
        e->written = 0;
        e->finSent = false;
        e->offerAttempts = 0;
        t.resumedFrom = offset;
        t.bytesDone = offset;
        t.pausedByPeer = false;
        byStream.insert({ s, e->stream }, e);
        io.openRead(t.id, e->run, t.localPath, offset, t.size, t.modified);
        setState(*e, State::Running);
        qCDebug(lcTransfer).noquote() << "sending" << t.name << "to" << t.peer << "from byte" << offset;
        pump(*e);
    }

    // Keeps the stream fed: reads ahead while the channel holds little unacknowledged data.
    void pump(Entry &e)
    {
        if (!e.running || e.finSent || !isConnected(e.session))
            return;
        SecureChannel *channel = e.session->channel();
        const Transfer &t = e.t();
        const qint64 buffered = channel->bufferedBytes(e.stream);
        while (e.nextRead < t.size && buffered + e.readsInFlight < SendWindow) {
            const qint64 n = std::min(ReadChunk, t.size - e.nextRead);
            io.read(t.id, e.run, n);
            e.readsInFlight += n;
            e.nextRead += n;
        }
        e.t().bytesDone = t.resumedFrom + e.written - buffered; // acknowledged by the peer
        if (e.nextRead == t.size && e.readsInFlight == 0) {
            channel->finish(e.stream);
            e.finSent = true;
            io.closeRead(t.id);
            setState(e, State::Verifying);
        } else {
            touch(e);
        }
    }

    void onChunkRead(const QString &id, quint32 run, const QByteArray &data)
    {
        Entry *e = find(id);
        if (!e || e->run != run || !e->running || !isConnected(e->session))
            return;
        e->readsInFlight -= data.size();
        if (!e->session->channel()->write(e->stream, data))
            return; // the stream was reset or the channel closed: their signals follow
        e->written += data.size();
        pump(*e);
    }

    void onReadFailed(const QString &id, quint32 run, const QString &error)
    {
        Entry *e = find(id);
        if (!e || e->run != run || !e->running)
            return;
        PeerSession *s = e->session;
        stopRun(*e, ResetFailed);
        if (s)
            send(s, Action::Remove, content(*e, s),
                 reason(Condition::FailedApplication, QStringLiteral("the sender cannot read the file any more")));
        setState(*e, State::Failed, error);
    }

    // ------------------------------------------------------------------------------ receiving

    void onOffer(PeerSession *s, const JingleContent &c)
    {
        const JingleFileDescription *file = c.fileDescription();
        if (!file)
            return; // not a file: another part of Peerlink handles it
        const QString peer = s->peerBareJid();
        JingleContent answer;
        answer.creator = c.creator;
        answer.name = c.name;
        const auto refuse = [&](Condition condition, const QString &text) {
            qCInfo(lcTransfer).noquote() << "refused a file offer from" << peer << ":" << text;
            send(s, Action::Reject, answer, reason(condition, text));
        };
        const JingleContent::Creator peerRole = role(!s->isInitiator());
        const JingleQuicStreamTransport *transport = c.quicStreamTransport();
        if (!transport) {
            refuse(Condition::UnsupportedTransports, QStringLiteral("a file needs a QUIC stream transport"));
            return;
        }
        if (c.creator != peerRole || c.senders.value_or(JingleContent::Senders::Both) != sendersOf(peerRole)) {
            refuse(Condition::FailedApplication,
                   QStringLiteral("Peerlink only receives files offered by their sender"));
            return;
        }
        const quint64 stream = transport->streamId;
        const bool streamInUse
            = byStream.contains({ s, qint64(stream) })
            || std::any_of(entries.cbegin(), entries.cend(), [&](const auto &e) {
                   return e->session == s && e->stream == qint64(stream) && (e->offerLive || e->running);
               });
        if (stream == 0 || stream > quint64(std::numeric_limits<qint64>::max()) || !peerOpensStream(s, stream)
            || streamInUse) {
            refuse(Condition::FailedTransport, QStringLiteral("stream %1 cannot carry this file").arg(stream));
            return;
        }
        const QByteArray *sha256 = sha256Of(*file);
        if (!sha256) {
            refuse(Condition::FailedApplication,
                   QStringLiteral("the offer has no sha-256 checksum; Peerlink only accepts files it can verify"));
            return;
        }

        if (Entry *existing = findContent(peer, c.name, Direction::Incoming)) {
            Entry &e = *existing;
            if (e.t().size != file->size || e.t().sha256 != *sha256) {
                refuse(Condition::GeneralError, QStringLiteral("a different file was offered under this name before"));
                return;
            }
            switch (e.t().state) {
            case State::Completed:
                // The sender missed our confirmation: give it again.
                send(s, Action::Remove, answer, reason(Condition::Success));
                return;
            case State::Cancelled:
            case State::Failed:
                send(s, Action::Reject, answer, reason(Condition::Cancel, e.t().error));
                return;
            case State::Declined:
                send(s, Action::Reject, answer, reason(Condition::Decline));
                return;
            case State::Verifying:
                // Still checking the whole file from the last run: the answer follows that check.
                e.session = s;
                return;
            default:
                break;
            }
            if (e.running || e.preparing || e.offerLive)
                stopRun(e, e.session == s ? std::optional<quint64>(ResetCancelled) : std::nullopt);
            e.session = s;
            e.stream = qint64(stream);
            e.t().pausedByPeer = false;
            if (e.t().pausedLocally) {
                // Paused here: the sender withdraws the offer and offers again on our resume.
                setState(e, State::Paused, e.t().error);
                JingleContent info = fileContent(e, s, std::nullopt, false);
                info.senders = JingleContent::Senders::None;
                send(s, Action::DescriptionInfo, info);
                return;
            }
            e.offerLive = true;
            if (e.rec.accepted) {
                startReceive(e);
            } else {
                setState(e, State::Offered, e.t().error);
            }
            return;
        }

        auto entry = std::make_unique<Entry>();
        Entry &e = *entry;
        Transfer &t = e.t();
        t.id = newId(u'r');
        e.rec.contentName = c.name;
        t.direction = Direction::Incoming;
        t.peer = peer;
        t.name = FileName::sanitizePath(file->name).join(u'/');
        t.size = file->size;
        t.mediaType = file->mediaType;
        t.modified = file->date;
        t.sha256 = *sha256;
        t.state = State::Offered;
        t.created = QDateTime::currentDateTimeUtc();
        e.session = s;
        e.stream = qint64(stream);
        e.offerLive = true;
        byId.insert(t.id, &e);
        entries.push_back(std::move(entry));
        save(e);
        qCInfo(lcTransfer).noquote() << peer << "offers" << t.name << t.size << "bytes";
        Q_EMIT q->transferAdded(t);
        if (settings.autoAccepts(peer, t.size)) {
            e.rec.accepted = true;
            e.autoAccepted = true;
            startReceive(e);
        } else {
            Q_EMIT q->offerReceived(t);
        }
    }

    // Accepted: prepares the ".part" file (free space, folders) on the worker, then answers.
    void startReceive(Entry &e)
    {
        if (!e.offerLive || !isConnected(e.session)) {
            setState(e, restingState(e), e.t().error);
            ensureSession(e.t().peer);
            return;
        }
        if (e.preparing)
            return;
        e.preparing = true;
        e.run = ++nextRun;
        const Transfer &t = e.t();
        QString finalPath = t.localPath;
        QString root;
        if (finalPath.isEmpty()) {
            root = downloadDir();
            finalPath = root + u'/' + t.name;
        }
        io.prepareWrite(t.id, e.run, e.rec.partPath, finalPath, e.rec.partPath.isEmpty() ? root : QString(), t.size);
    }

    void onWritePrepared(const QString &id, quint32 run, const QString &partPath, const QString &finalPath,
                         qint64 offset, TransferIo::WriteError error, const QString &message)
    {
        Entry *found = find(id);
        if (!found)
            return;
        Entry &e = *found;
        Transfer &t = e.t();
        if (error == TransferIo::WriteError::None && e.rec.partPath.isEmpty() && !t.isFinal()) {
            // Adopt the new part file even if the run was stopped meanwhile: it is resumed later.
            e.rec.partPath = partPath;
            t.localPath = finalPath;
            save(e);
        }
        if (e.run != run || !e.preparing)
            return;
        e.preparing = false;
        if (error != TransferIo::WriteError::None) {
            if (t.bytesDone == 0 && e.rec.partPath.isEmpty()) {
                // Nothing received yet: the offer stays open for the user to decide again.
                e.rec.accepted = false;
                setState(e, State::Offered, message);
                if (e.autoAccepted) {
                    e.autoAccepted = false;
                    Q_EMIT q->offerReceived(t);
                }
            } else {
                pauseForProblem(e, message);
            }
            return;
        }
        PeerSession *s = e.session;
        if (!e.offerLive || !isConnected(s)) {
            io.closeWrite(t.id, false);
            e.offerLive = false;
            setState(e, restingState(e), t.error);
            return;
        }
        std::optional<JingleFileDescription::Range> range;
        if (offset > 0)
            range = JingleFileDescription::Range { offset, std::nullopt };
        // Flow control by what reached the disk, from the first byte (the sender writes only
        // once it has our accept).
        s->channel()->setManualCredit(e.stream, true);
        if (!send(s, Action::Accept, fileContent(e, s, range, true))) {
            s->channel()->setManualCredit(e.stream, false);
            io.closeWrite(t.id, false);
            e.offerLive = false;
            setState(e, restingState(e), t.error);
            return;
        }
        e.offerLive = false;
        e.running = true;
        e.received = 0;
        e.sideClosed = false;
        t.resumedFrom = offset;
        t.bytesDone = offset;
        byStream.insert({ s, e.stream }, &e);
        setState(e, State::Running);
        qCDebug(lcTransfer).noquote() << "receiving" << t.name << "from" << t.peer << "from byte" << offset;
    }

    // The disk is full (or another write problem): stop, keep the data, wait for the user.
    void pauseForProblem(Entry &e, const QString &message)
    {
        PeerSession *s = e.session;
        stopRun(e, ResetPaused);
        e.t().pausedLocally = true;
        if (isConnected(s)) {
            JingleContent info = fileContent(e, s, std::nullopt, false);
            info.senders = JingleContent::Senders::None;
            send(s, Action::DescriptionInfo, info);
        }
        setState(e, State::Paused, message);
    }

    void closeOurSide(PeerSession *s, qint64 stream)
    {
        Entry *e = byStream.value({ s, stream });
        if (e && !e->outgoing() && !e->sideClosed && s->channel())
            e->sideClosed = s->channel()->finish(stream); // the receiver never writes on a file stream
    }

    void onData(PeerSession *s, qint64 stream, const QByteArray &data)
    {
        Entry *found = byStream.value({ s, stream });
        if (!found || found->outgoing() || !found->running)
            return;
        Entry &e = *found;
        Transfer &t = e.t();
        if (!e.sideClosed)
            closeOurSide(s, stream);
        if (t.resumedFrom + e.received + data.size() > t.size) {
            const QString text = QStringLiteral("more data than the announced %1 bytes").arg(t.size);
            stopRun(e, ResetFailed, true);
            send(s, Action::Remove, content(e, s), reason(Condition::FailedApplication, text));
            setState(e, State::Failed,
                     tr("%1 sent more data than the announced size of the file, so the transfer was stopped and the "
                        "partial file deleted.")
                         .arg(t.peer));
            return;
        }
        e.received += data.size();
        t.bytesDone = t.resumedFrom + e.received;
        e.batch.append(data);
        e.batchBytes += data.size();
        if (e.batchBytes >= WriteBatch) {
            flushWrites(e);
        } else if (!e.flushQueued) {
            // After the channel's events of the moment: they often come many at a time.
            e.flushQueued = true;
            QMetaObject::invokeMethod(
                q,
                [this, id = t.id] {
                    if (Entry *again = find(id)) {
                        again->flushQueued = false;
                        flushWrites(*again);
                    }
                },
                Qt::QueuedConnection);
        }
        touch(e);
        // The peer gets credit for these bytes once they are on the disk (onWriteDone): a disk
        // slower than the network slows the sender, and memory holds at most the stream's window.
    }

    void onWriteDone(const QString &id, quint32 run, qint64 bytes)
    {
        Entry *e = find(id);
        if (!e || e->run != run || e->outgoing() || e->stream < 0 || !isConnected(e->session))
            return; // a stopped run: its stream was reset or closed, which returned the credit
        e->session->channel()->consumed(e->stream, bytes);
    }

    void onStreamFinished(PeerSession *s, qint64 stream)
    {
        Entry *found = byStream.value({ s, stream });
        if (!found || found->outgoing() || !found->running)
            return;
        Entry &e = *found;
        Transfer &t = e.t();
        byStream.remove({ s, stream });
        e.running = false;
        if (t.resumedFrom + e.received != t.size) {
            stopRun(e, std::nullopt, true);
            send(s, Action::Remove, content(e, s),
                 reason(Condition::FailedApplication, QStringLiteral("the stream ended before the end of the file")));
            setState(e, State::Failed,
                     tr("%1 stopped sending before the end of the file; the partial file was deleted.").arg(t.peer));
            return;
        }
        flushWrites(e);
        setState(e, State::Verifying);
        io.finishWrite(t.id, e.run, t.sha256);
    }

    void onWriteFinished(const QString &id, quint32 run, const QString &finalPath, const QString &error)
    {
        Entry *e = find(id);
        if (!e || e->run != run || e->t().state != State::Verifying)
            return;
        e->rec.partPath.clear();
        PeerSession *s = isConnected(e->session) ? e->session.data() : liveSession(e->t().peer);
        if (error.isEmpty()) {
            e->t().localPath = finalPath;
            if (s)
                send(s, Action::Remove, content(*e, s), reason(Condition::Success));
            setState(*e, State::Completed);
        } else {
            if (s)
                send(s, Action::Remove, content(*e, s),
                     reason(Condition::MediaError,
                            QStringLiteral("the received data does not match the sha-256 checksum")));
            setState(*e, State::Failed, error);
        }
    }

    void onWriteFailed(const QString &id, quint32 run, TransferIo::WriteError, qint64 bytesOnDisk,
                       const QString &message)
    {
        Entry *e = find(id);
        if (!e || e->run != run)
            return;
        e->t().bytesDone = bytesOnDisk; // what a resume starts from
        pauseForProblem(*e, message);
    }

    void onStreamReset(PeerSession *s, qint64 stream, quint64 code)
    {
        Entry *found = byStream.value({ s, stream });
        if (!found)
            return;
        Entry &e = *found;
        if (!e.running || (e.outgoing() && e.finSent))
            return;
        qCDebug(lcTransfer).noquote() << "stream of" << e.t().name << "reset by" << e.t().peer << "code" << code;
        stopRun(e, std::nullopt);
        // The reason (pause, cancel, failure) comes as a Jingle request; until then it rests.
        setState(e, restingState(e), e.t().error);
    }

    // ------------------------------------------------------------------------------ peer requests

    void onContentAction(PeerSession *s, Action action, const JingleContent &c, const std::optional<JingleReason> &r)
    {
        switch (action) {
        case Action::Add:
            onOffer(s, c);
            return;
        case Action::Accept:
            onAccepted(s, c);
            return;
        case Action::Reject:
            onRejected(s, c, r);
            return;
        case Action::Remove:
            onRemoved(s, c, r);
            return;
        case Action::DescriptionInfo:
            onInfo(s, c);
            return;
        }
    }

    // The entry a content of the session refers to: its creator is the sending side.
    Entry *entryFor(PeerSession *s, const JingleContent &c) const
    {
        const bool ours = c.creator == role(s->isInitiator());
        return findContent(s->peerBareJid(), c.name, ours ? Direction::Outgoing : Direction::Incoming);
    }

    void onRejected(PeerSession *s, const JingleContent &c, const std::optional<JingleReason> &r)
    {
        Entry *e = findContent(s->peerBareJid(), c.name, Direction::Outgoing);
        if (!e || e->t().isFinal())
            return;
        const Condition condition = r ? r->condition : Condition::Decline;
        const QString text = r ? r->text : QString();
        stopRun(*e, ResetCancelled);
        const QString peer = e->t().peer;
        if (condition == Condition::Decline)
            setState(*e, State::Declined, tr("%1 declined the file.").arg(peer));
        else if (condition == Condition::Cancel)
            setState(*e, State::Cancelled, tr("%1 cancelled the transfer.").arg(peer));
        else
            setState(*e, State::Failed,
                     tr("%1 could not take the file (%2).")
                         .arg(peer, text.isEmpty() ? JingleReason::conditionName(condition) : text));
        trySend(peer);
    }

    void onRemoved(PeerSession *s, const JingleContent &c, const std::optional<JingleReason> &r)
    {
        Entry *e = entryFor(s, c);
        if (!e || e->t().isFinal())
            return;
        const Condition condition = r ? r->condition : Condition::Cancel;
        const QString text = r ? r->text : QString();
        const QString peer = e->t().peer;
        if (e->outgoing()) {
            stopRun(*e, condition == Condition::Success ? std::nullopt : std::optional<quint64>(ResetCancelled));
            if (condition == Condition::Success)
                setState(*e, State::Completed);
            else if (condition == Condition::MediaError)
                setState(*e, State::Failed,
                         tr("%1 received the file, but it did not match its checksum and was deleted. Send it again.")
                             .arg(peer));
            else if (condition == Condition::Cancel)
                setState(*e, State::Cancelled, tr("%1 cancelled the transfer.").arg(peer));
            else
                setState(*e, State::Failed,
                         tr("%1 stopped the transfer (%2).")
                             .arg(peer, text.isEmpty() ? JingleReason::conditionName(condition) : text));
            trySend(peer);
        } else {
            if (e->t().state == State::Verifying)
                return; // everything arrived; the check decides
            stopRun(*e, ResetCancelled, true);
            if (condition == Condition::Cancel)
                setState(*e, State::Cancelled, tr("%1 cancelled the transfer.").arg(peer));
            else
                setState(*e, State::Failed,
                         tr("%1 stopped sending the file (%2).")
                             .arg(peer, text.isEmpty() ? JingleReason::conditionName(condition) : text));
        }
    }

    // description-info: senders='none' pauses, the sending side resumes (docs/transfer.md).
    void onInfo(PeerSession *s, const JingleContent &c)
    {
        Entry *found = entryFor(s, c);
        if (!found || found->t().isFinal() || !c.senders)
            return;
        Entry &e = *found;
        Transfer &t = e.t();
        if (*c.senders == JingleContent::Senders::None) {
            if (t.pausedByPeer && !e.running && !e.offerLive && !e.preparing)
                return;
            t.pausedByPeer = true;
            if (e.running || e.preparing || e.offerLive)
                stopRun(e, ResetPaused);
            setState(e, State::Paused, t.error);
            return;
        }
        t.pausedByPeer = false;
        if (t.pausedLocally || e.running || e.offerLive || e.preparing) {
            touch(e, true);
            return;
        }
        if (e.outgoing()) {
            // The receiver wants the bytes again: offer anew (also if its pause never reached us).
            e.offeredIn = nullptr;
            setState(e, t.state == State::Offered ? State::Offered : State::Interrupted);
            trySend(t.peer);
        } else {
            setState(e, restingState(e));
        }
    }

    void onRefused(PeerSession *s, Action action, const JingleContent &c, const QString &error)
    {
        Entry *found = entryFor(s, c);
        if (!found)
            return;
        Entry &e = *found;
        qCInfo(lcTransfer).noquote() << e.t().peer << "refused our" << PeerSession::staticMetaObject.className()
                                     << int(action) << "for" << e.t().name << ":" << error;
        if (action == Action::Add && e.outgoing() && e.offerLive && e.session == s) {
            stopRun(e, ResetCancelled);
            e.offeredIn = nullptr;
            // The peer's side of a new session may not be connected yet: try again shortly.
            if (++e.offerAttempts < MaxOfferAttempts) {
                QTimer::singleShot(250 * e.offerAttempts, q, [this, id = e.t().id, guard = QPointer<PeerSession>(s)] {
                    Entry *again = find(id);
                    if (again && isConnected(guard) && !again->t().isFinal())
                        trySend(again->t().peer);
                });
            } else {
                e.offeredIn = s;
                setState(e, restingState(e), tr("%1 did not take the offer: %2").arg(e.t().peer, error));
            }
        } else if (action == Action::Accept && !e.outgoing() && e.running && e.session == s) {
            stopRun(e, ResetCancelled);
            setState(e, restingState(e), tr("%1 did not take the answer: %2").arg(e.t().peer, error));
        }
    }

    // ------------------------------------------------------------------------------ start-up

    void load()
    {
        const QList<TransferStore::Record> records = store.load();
        for (const TransferStore::Record &record : records) {
            auto entry = std::make_unique<Entry>();
            entry->rec = record;
            Transfer &t = entry->t();
            // Nothing runs right after a start: what was under way continues when the peer is reachable.
            switch (t.state) {
            case State::Running:
            case State::Verifying:
                t.state = (t.pausedLocally || t.pausedByPeer) ? State::Paused : State::Interrupted;
                break;
            case State::Preparing:
                if (!entry->outgoing())
                    t.state = entry->rec.accepted ? State::Interrupted : State::Offered;
                break;
            default:
                break;
            }
            t.bytesPerSecond = 0;
            t.secondsLeft = -1;
            byId.insert(t.id, entry.get());
            entries.push_back(std::move(entry));
        }
        for (const auto &e : entries) {
            if (e->outgoing() && e->t().state == State::Preparing)
                io.hashFile(e->t().id, e->t().localPath);
        }
    }
};

TransferService::TransferService(Account &account, SessionManager &sessions, Database &database,
                                 const TransferSettings &settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, account, sessions, database, settings))
{
    qRegisterMetaType<Transfer>();
    TransferIo *io = &d->io;
    connect(io, &TransferIo::fileHashed, this,
            [this](const QString &id, qint64 size, const QDateTime &modified, const QByteArray &sha256,
                   const QString &error) { d->onFileHashed(id, size, modified, sha256, error); });
    connect(io, &TransferIo::folderListed, this,
            [this](quint64 request, const QList<TransferIo::FolderEntry> &files, const QString &error) {
                const auto [peer, folder] = d->folderRequests.take(request);
                if (!error.isEmpty()) {
                    // Shown like a transfer that could not start, so the user learns why.
                    Entry &e = d->addOutgoing(peer, folder, QFileInfo(folder).fileName(), false);
                    d->setState(e, State::Failed, error);
                }
                for (const TransferIo::FolderEntry &file : files)
                    d->addOutgoing(peer, file.path, file.relativeName);
            });
    connect(io, &TransferIo::chunkRead, this,
            [this](const QString &id, quint32 run, const QByteArray &data) { d->onChunkRead(id, run, data); });
    connect(io, &TransferIo::readFailed, this,
            [this](const QString &id, quint32 run, const QString &error) { d->onReadFailed(id, run, error); });
    connect(io, &TransferIo::writePrepared, this,
            [this](const QString &id, quint32 run, const QString &part, const QString &final, qint64 offset,
                   TransferIo::WriteError error,
                   const QString &message) { d->onWritePrepared(id, run, part, final, offset, error, message); });
    connect(io, &TransferIo::writeFailed, this,
            [this](const QString &id, quint32 run, TransferIo::WriteError error, qint64 bytesOnDisk,
                   const QString &message) { d->onWriteFailed(id, run, error, bytesOnDisk, message); });
    connect(io, &TransferIo::writeDone, this,
            [this](const QString &id, quint32 run, qint64 bytes) { d->onWriteDone(id, run, bytes); });
    connect(io, &TransferIo::writeFinished, this,
            [this](const QString &id, quint32 run, const QString &final, const QString &error) {
                d->onWriteFinished(id, run, final, error);
            });

    d->load();

    connect(&sessions, &SessionManager::sessionAdded, this, [this](PeerSession *s) { d->attach(s); });
    const QList<PeerSession *> running = sessions.sessions();
    for (PeerSession *s : running)
        d->attach(s);

    connect(&account, &Account::contactChanged, this, [this](const QString &bareJid) { d->ensureSession(bareJid); });
    connect(&account, &Account::stateChanged, this, [this](Account::State state) {
        if (state == Account::State::Connected)
            d->ensureSessions();
    });

    d->tick.setInterval(TickIntervalMs);
    connect(&d->tick, &QTimer::timeout, this, [this] {
        QList<QPointer<PeerSession>> lost;
        for (const auto &e : d->entries) {
            if (e->running) {
                d->touch(*e);
                if (PeerSession *s = d->stalledWithPeerGone(*e); s && !lost.contains(s))
                    lost.append(s);
            }
        }
        for (const QPointer<PeerSession> &s : std::as_const(lost)) {
            if (s && s->state() != PeerSession::State::Ended) {
                qCInfo(lcTransfer).noquote() << "no progress and" << s->peerJid() << "went offline: ending the session";
                s->hangUp(tr("The contact's device went offline during a file transfer."));
            }
        }
    });
    d->tick.start();
    d->reconnect.setInterval(ReconnectIntervalMs);
    connect(&d->reconnect, &QTimer::timeout, this, [this] { d->ensureSessions(); });
    d->reconnect.start();
    QTimer::singleShot(0, this, [this] { d->ensureSessions(); });
}

TransferService::~TransferService()
{
    // What was under way is saved as it stands; it continues after the next start.
    for (const auto &e : d->entries) {
        if (e->running || e->offerLive || e->preparing) {
            d->stopRun(*e, e->running ? std::optional<quint64>(ResetPaused) : std::nullopt);
            d->store.save(e->rec);
        }
    }
}

bool TransferService::isValid() const
{
    return d->store.isValid();
}

QString TransferService::errorString() const
{
    return d->store.errorString();
}

TransferSettings TransferService::settings() const
{
    return d->settings;
}

void TransferService::setSettings(const TransferSettings &settings)
{
    d->settings = settings;
}

bool TransferService::sendFiles(const QString &bareJid, const QStringList &paths, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString peer = bareJid.trimmed();
    if (peer.isEmpty() || peer.contains(u'/') || !d->account.contact(peer))
        return fail(tr("%1 is not in your contacts; add them before sending files.").arg(bareJid));
    if (paths.isEmpty())
        return fail(tr("No file was given."));
    QStringList missing;
    int sent = 0;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const quint64 request = ++d->nextRequest;
            d->folderRequests.insert(request, { peer, info.absoluteFilePath() });
            d->io.listFolder(request, info.absoluteFilePath());
            ++sent;
        } else if (info.isFile()) {
            d->addOutgoing(peer, info.absoluteFilePath(), info.fileName());
            ++sent;
        } else {
            missing.append(QDir::toNativeSeparators(path));
        }
    }
    if (!missing.isEmpty()) {
        const QString message = tr("These cannot be sent because they do not exist or are not files or folders: %1")
                                    .arg(missing.join(QStringLiteral(", ")));
        if (error)
            *error = message;
        if (sent == 0)
            return false;
    }
    return true;
}

bool TransferService::accept(const QString &id, const QString &saveAs, QString *error)
{
    Entry *e = d->find(id);
    if (!e || e->outgoing() || e->t().state != State::Offered || e->rec.accepted) {
        if (error)
            *error = tr("There is no offer waiting for an answer with this id.");
        return false;
    }
    e->rec.accepted = true;
    e->t().error.clear();
    if (!saveAs.isEmpty() && e->rec.partPath.isEmpty())
        e->t().localPath = QDir::cleanPath(QFileInfo(saveAs).absoluteFilePath());
    d->save(*e);
    d->startReceive(*e);
    return true;
}

bool TransferService::decline(const QString &id, QString *error)
{
    Entry *e = d->find(id);
    if (!e || e->outgoing() || e->t().state != State::Offered || e->rec.accepted) {
        if (error)
            *error = tr("There is no offer waiting for an answer with this id.");
        return false;
    }
    PeerSession *s = e->offerLive ? e->session.data() : nullptr;
    if (isConnected(s))
        d->send(s, Action::Reject, d->content(*e, s), reason(Condition::Decline));
    d->stopRun(*e, ResetCancelled, true);
    d->setState(*e, State::Declined);
    return true;
}

bool TransferService::pause(const QString &id, QString *error)
{
    Entry *e = d->find(id);
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!e)
        return fail(tr("There is no transfer with this id."));
    const State state = e->t().state;
    const bool pausable = state == State::Running || state == State::Interrupted || state == State::Paused
        || (e->outgoing() && state == State::Offered) || (!e->outgoing() && e->rec.accepted && state == State::Offered);
    if (!pausable || e->t().pausedLocally)
        return fail(e->t().pausedLocally ? tr("The transfer is paused already.")
                                         : tr("This transfer cannot be paused now."));
    PeerSession *s = e->session;
    d->stopRun(*e, ResetPaused);
    e->t().pausedLocally = true;
    if (!isConnected(s))
        s = d->liveSession(e->t().peer);
    if (isConnected(s) && (e->outgoing() || e->rec.accepted)) {
        JingleContent info = d->fileContent(*e, s, std::nullopt, false);
        info.senders = JingleContent::Senders::None;
        d->send(s, Action::DescriptionInfo, info);
    }
    d->setState(*e, State::Paused);
    return true;
}

bool TransferService::resume(const QString &id, QString *error)
{
    Entry *e = d->find(id);
    if (!e || e->t().isFinal() || !e->t().pausedLocally) {
        if (error)
            *error = tr("There is no paused transfer with this id.");
        return false;
    }
    Transfer &t = e->t();
    t.pausedLocally = false;
    t.error.clear();
    PeerSession *s = d->liveSession(t.peer);
    if (t.pausedByPeer) {
        if (s) {
            JingleContent info = d->fileContent(*e, s, std::nullopt, false);
            d->send(s, Action::DescriptionInfo, info);
        }
        d->setState(*e, State::Paused);
        return true;
    }
    if (e->outgoing()) {
        e->offeredIn = nullptr;
        d->setState(*e, t.bytesDone > 0 || t.resumedFrom > 0 ? State::Interrupted : State::Offered);
        d->trySend(t.peer);
        return true;
    }
    // The sender offers the file again when it hears that we resumed; it is then accepted from
    // the offset the partial file has.
    d->setState(*e, d->restingState(*e));
    if (s)
        d->send(s, Action::DescriptionInfo, d->fileContent(*e, s, std::nullopt, false));
    else
        d->ensureSession(t.peer);
    return true;
}

bool TransferService::cancel(const QString &id, QString *error)
{
    Entry *e = d->find(id);
    if (!e || e->t().isFinal()) {
        if (error)
            *error = tr("There is no unfinished transfer with this id.");
        return false;
    }
    if (!e->outgoing() && e->t().state == State::Verifying) {
        if (error)
            *error = tr("The whole file has arrived and is being checked; it can be deleted once it is complete.");
        return false;
    }
    const bool peerKnows = !(e->outgoing() && e->t().state == State::Preparing);
    PeerSession *s = isConnected(e->session) ? e->session.data() : d->liveSession(e->t().peer);
    d->stopRun(*e, ResetCancelled, true);
    if (peerKnows) {
        if (s)
            d->send(s, Action::Remove, d->content(*e, s), reason(Condition::Cancel));
        else if (e->outgoing())
            e->rec.notifyPeer = true; // told when the peer is reachable again
    }
    d->setState(*e, State::Cancelled, tr("You cancelled the transfer."));
    d->trySend(e->t().peer);
    return true;
}

bool TransferService::forget(const QString &id)
{
    Entry *e = d->find(id);
    if (!e || !e->t().isFinal() || e->rec.notifyPeer)
        return false;
    d->store.remove(id);
    d->byId.remove(id);
    d->entries.erase(std::remove_if(d->entries.begin(), d->entries.end(),
                                    [e](const std::unique_ptr<Entry> &p) { return p.get() == e; }),
                     d->entries.end());
    return true;
}

QList<Transfer> TransferService::transfers() const
{
    QList<Transfer> list;
    list.reserve(qsizetype(d->entries.size()));
    for (const auto &e : d->entries)
        list.append(e->t());
    return list;
}

std::optional<Transfer> TransferService::transfer(const QString &id) const
{
    if (const Entry *e = d->find(id))
        return e->t();
    return std::nullopt;
}

} // namespace Peerlink
