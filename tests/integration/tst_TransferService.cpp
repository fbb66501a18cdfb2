// TransferService end to end: two accounts on a real prosody, Jingle sessions with a QUIC channel
// over loopback ICE, real files on disk. Three transfers at once in both directions (one of 1 GiB),
// accept / decline / rules / save-as, pause and resume and cancel from either side, resume after
// the session broke, a folder with its structure, and a peer under the test's control that sends
// hostile names, more bytes than announced, bytes that do not match the checksum and invalid
// offers. A full disk (a small tmpfs, when running as root) pauses the transfer with the partial
// data kept, and it completes once there is room. Every received file is compared by SHA-256.
#include "ProsodyServer.h"
#include "TestCertificateAuthority.h"
#include "TestPeer.h"
#include "core/channel/SecureChannel.h"
#include "core/net/NetworkThread.h"
#include "core/session/PeerSession.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/transfer/Sha256.h"
#include "core/transfer/TransferService.h"
#include "core/xmpp/Account.h"
#include "core/xmpp/JingleIq.h"

#include <unistd.h>

#include <QDir>
#include <QDirIterator>
#include <QDomElement>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmppClient.h>
#include <QXmppTask.h>

using namespace Peerlink;
using namespace Peerlink::Test;
using namespace Qt::StringLiterals;

namespace {
const QString Password = u"transfer test password"_s;
constexpr int Timeout = 20000;
constexpr qint64 MiB = 1024 * 1024;
using State = Transfer::State;

SessionConfig loopbackConfig()
{
    SessionConfig config;
    config.ice.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
    config.ice.upnp = false;
    config.ice.ipv6 = false;
    config.ice.iceTcp = false;
    return config;
}

// Pseudo-random content, quick to make: one random block, each copy stamped with its index so
// that no two blocks are equal (a reordering would change the checksum).
bool makeFile(const QString &path, qint64 size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator random(seed);
    QByteArray block(qsizetype(4 * MiB), Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    for (qint64 at = 0, index = 0; at < size; ++index) {
        const qint64 n = std::min<qint64>(block.size(), size - at);
        std::memcpy(block.data(), &index, sizeof index);
        std::memcpy(block.data() + 2048, &seed, sizeof seed);
        if (file.write(block.constData(), n) != n)
            return false;
        at += n;
    }
    return true;
}

QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    QByteArray buffer(qsizetype(4 * MiB), Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n <= 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
    }
    return hash.result();
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

// Every path below dir (files and folders), relative, sorted.
QStringList tree(const QString &dir)
{
    QStringList names;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(QDir(dir).relativeFilePath(it.next()));
    names.sort();
    return names;
}

// One device with its transfers: TestPeer, a database and a download folder.
struct Side
{
    QString user;
    std::unique_ptr<TestPeer> peer;
    std::unique_ptr<QTemporaryDir> home = std::make_unique<QTemporaryDir>();
    std::unique_ptr<Database> db;
    std::unique_ptr<TransferService> transfers;

    QString downloads() const { return home->filePath(u"Downloads"_s); }

    bool startTransfers(const TransferSettings &extra = {})
    {
        db = std::make_unique<Database>();
        if (!db->open(home->filePath(u"profile.sqlite"_s)))
            return false;
        TransferSettings settings = extra;
        if (settings.downloadDir.isEmpty())
            settings.downloadDir = downloads();
        transfers = std::make_unique<TransferService>(*peer->account, *peer->sessions, *db, settings);
        return transfers->isValid();
    }

    std::optional<Transfer> byName(const QString &name, Transfer::Direction direction) const
    {
        const QList<Transfer> list = transfers->transfers();
        for (const Transfer &t : list) {
            if (t.name == name && t.direction == direction)
                return t;
        }
        return std::nullopt;
    }

    State state(const QString &id) const
    {
        const auto t = transfers->transfer(id);
        return t ? t->state : State::Failed;
    }

    ~Side()
    {
        transfers.reset();
        peer.reset();
    }
};

// A peer under the test's control: offers one file on a session with raw Jingle and sends
// whatever the test wants once it is accepted.
class RawSender : public QObject
{
public:
    RawSender(PeerSession *session, const QString &name, const QByteArray &bytes)
        : m_session(session)
        , payload(bytes)
    {
        file.name = name;
        file.size = payload.size();
        file.hashes = { { QCryptographicHash::Sha256, Sha256::hash(payload) } };
        file.range = JingleFileDescription::Range {};
        connect(session, &PeerSession::contentActionReceived, this,
                [this](PeerSession::ContentAction action, const QList<JingleContent> &contents,
                       const std::optional<JingleReason> &reason) {
                    if (contents.isEmpty() || contents.first().name != contentName)
                        return;
                    answers.append(action);
                    reasons.append(reason);
                    if (action == PeerSession::ContentAction::Accept && !sent) {
                        sent = true;
                        m_session->channel()->write(stream, this->payload);
                        m_session->channel()->finish(stream);
                    }
                });
    }

    bool offer(std::optional<quint64> streamId = std::nullopt)
    {
        SecureChannel *channel = m_session->channel();
        stream = channel->openStream();
        if (stream == 0) // the chat's
            stream = channel->openStream();
        JingleContent c;
        c.creator = m_session->isInitiator() ? JingleContent::Creator::Initiator : JingleContent::Creator::Responder;
        c.name = contentName;
        c.senders
            = senders.value_or(c.creator == JingleContent::Creator::Initiator ? JingleContent::Senders::Initiator
                                                                              : JingleContent::Senders::Responder);
        c.description = file;
        c.transport = JingleQuicStreamTransport { streamId.value_or(quint64(stream)) };
        return m_session->sendContentAction(PeerSession::ContentAction::Add, { c });
    }

    bool waitFor(PeerSession::ContentAction action, int timeoutMs = Timeout)
    {
        return QTest::qWaitFor([&] { return answers.contains(action); }, timeoutMs);
    }

    std::optional<JingleReason> reasonOf(PeerSession::ContentAction action) const
    {
        const qsizetype i = answers.indexOf(action);
        return i < 0 ? std::nullopt : reasons.at(i);
    }

    QPointer<PeerSession> m_session;
    QString contentName = u"raw-file-1"_s;
    JingleFileDescription file;
    QByteArray payload;
    std::optional<JingleContent::Senders> senders;
    qint64 stream = -1;
    bool sent = false;
    QList<PeerSession::ContentAction> answers;
    QList<std::optional<JingleReason>> reasons;
};
} // namespace

class tst_TransferService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCertificateAuthority> m_ca;
    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<NetworkThread> m_thread;
    std::unique_ptr<QTemporaryDir> m_files;
    int m_nextUser = 0;
    QString m_mountPoint;

    std::unique_ptr<Side> makeSide()
    {
        auto side = std::make_unique<Side>();
        const QString user = u"t%1"_s.arg(++m_nextUser);
        if (!m_server->addAccount(user, Password))
            return {};
        side->user = user;
        side->peer = std::make_unique<TestPeer>(*m_thread, *m_server, *m_ca, user, Password, loopbackConfig());
        if (!side->peer->signIn())
            return {};
        return side;
    }

    std::pair<std::unique_ptr<Side>, std::unique_ptr<Side>> makePair()
    {
        auto a = makeSide();
        auto b = makeSide();
        if (!a || !b || !makeMutualContacts(*a->peer, *b->peer))
            return {};
        return { std::move(a), std::move(b) };
    }

    // Connects a to b directly (for tests where a is a raw peer).
    std::pair<PeerSession *, PeerSession *> connectPair(TestPeer &a, TestPeer &b)
    {
        QSignalSpy incoming(b.sessions.get(), &SessionManager::sessionAdded);
        PeerSession *outgoing = a.sessions->connectToContact(b.bareJid());
        if (!outgoing || (!incoming.wait(Timeout) && incoming.isEmpty()))
            return {};
        auto *accepted = incoming.first().first().value<PeerSession *>();
        if (!waitConnected(outgoing) || !waitConnected(accepted))
            return {};
        return { outgoing, accepted };
    }

    QString sourceFile(const QString &name, qint64 size)
    {
        const QString path = m_files->filePath(name);
        return makeFile(path, size, quint32(qHash(name))) ? path : QString();
    }

    static bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        const bool ok
            = process.waitForFinished(20000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (output)
            *output = QString::fromLocal8Bit(process.readAll()).trimmed();
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<PeerSession *>();
        qRegisterMetaType<Transfer>();
        qRegisterMetaType<PeerSession::ContentAction>();
        m_ca = std::make_unique<TestCertificateAuthority>();
        QVERIFY2(m_ca->isValid(), qPrintable(m_ca->errorString()));
        m_server = std::make_unique<ProsodyServer>(*m_ca);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_thread = std::make_unique<NetworkThread>();
        m_files = std::make_unique<QTemporaryDir>();
        QVERIFY(m_files->isValid());
        qInfo() << "SHA-256 by" << Sha256::backend();
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning().noquote() << "prosody log" << m_server->logPath() << "ends with:\n" << m_server->logTail(20);
        if (!m_mountPoint.isEmpty()) {
            run(u"umount"_s, { u"-l"_s, m_mountPoint });
            m_mountPoint.clear();
        }
        // The big source files go as soon as a test is done with them.
        for (const QString &name : QDir(m_files->path()).entryList(QDir::Files))
            QFile::remove(m_files->filePath(name));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_thread.reset();
        m_ca.reset();
    }

    // Alice sends 1 GiB and 24 MiB to Bob while Bob sends 40 MiB to Alice, all at once. Bob
    // accepts by rule, Alice by hand into a place she picks. Every file arrives whole.
    void threeConcurrentTransfersBothWays()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        TransferSettings bobSettings;
        bobSettings.autoAccept = { { alice->peer->bareJid(), 2048 * MiB } };
        QVERIFY(alice->startTransfers());
        QVERIFY(bob->startTransfers(bobSettings));

        const QString big = sourceFile(u"big.bin"_s, 1024 * MiB);
        const QString medium = sourceFile(u"medium.bin"_s, 24 * MiB + 123);
        const QString back = sourceFile(u"back.bin"_s, 40 * MiB + 7);
        QVERIFY(!big.isEmpty() && !medium.isEmpty() && !back.isEmpty());

        // Alice picks where Bob's file goes, and a file of that name is there already.
        const QString picked = alice->home->filePath(u"Picked/from-bob.bin"_s);
        QVERIFY(makeFile(picked, 10, 1));
        QObject context;
        connect(alice->transfers.get(), &TransferService::offerReceived, &context,
                [&](const Transfer &t) { QVERIFY(alice->transfers->accept(t.id, picked)); });
        QSignalSpy bobOffers(bob->transfers.get(), &TransferService::offerReceived);
        // Both directions running at the same moment, seen from Alice's side.
        bool overlapped = false;
        connect(alice->transfers.get(), &TransferService::transferChanged, &context, [&] {
            int outgoing = 0, incoming = 0;
            for (const Transfer &t : alice->transfers->transfers()) {
                if (t.state == State::Running)
                    (t.direction == Transfer::Direction::Outgoing ? outgoing : incoming)++;
            }
            overlapped = overlapped || (outgoing >= 1 && incoming >= 1);
        });

        QString error;
        QVERIFY2(alice->transfers->sendFiles(bob->peer->bareJid(), { big, medium }, &error), qPrintable(error));
        QVERIFY2(bob->transfers->sendFiles(alice->peer->bareJid(), { back }, &error), qPrintable(error));
        QCOMPARE(alice->transfers->transfers().size(), 2);

        const auto allDone = [&] {
            const QList<Transfer> all = alice->transfers->transfers() + bob->transfers->transfers();
            return all.size() == 6
                && std::all_of(all.cbegin(), all.cend(), [](const Transfer &t) { return t.isFinal(); });
        };
        QVERIFY(QTest::qWaitFor(allDone, 180000));
        for (const Transfer &t : alice->transfers->transfers() + bob->transfers->transfers())
            QVERIFY2(t.state == State::Completed,
                     qPrintable(t.name + u": "_s + Transfer::stateName(t.state) + u' ' + t.error));
        QVERIFY(overlapped);
        QCOMPARE(bobOffers.size(), 0); // both were accepted by the rule

        const auto bigIn = bob->byName(u"big.bin"_s, Transfer::Direction::Incoming);
        const auto mediumIn = bob->byName(u"medium.bin"_s, Transfer::Direction::Incoming);
        const auto backIn = alice->byName(u"back.bin"_s, Transfer::Direction::Incoming);
        QVERIFY(bigIn && mediumIn && backIn);
        QCOMPARE(bigIn->localPath, bob->downloads() + u"/big.bin"_s);
        QCOMPARE(mediumIn->localPath, bob->downloads() + u"/medium.bin"_s);
        QCOMPARE(backIn->localPath, alice->home->filePath(u"Picked/from-bob (1).bin"_s));
        QCOMPARE(QFileInfo(picked).size(), 10); // never overwritten
        QCOMPARE(bigIn->size, 1024 * MiB);
        QCOMPARE(fileSha256(bigIn->localPath), fileSha256(big));
        QCOMPARE(fileSha256(mediumIn->localPath), fileSha256(medium));
        QCOMPARE(fileSha256(backIn->localPath), fileSha256(back));
        QCOMPARE(bigIn->sha256, fileSha256(big));
        QCOMPARE(tree(bob->downloads()), (QStringList { u"big.bin"_s, u"medium.bin"_s }));
    }

    // No rule: the offer waits and is declined. A rule with a size limit takes small files only.
    // A folder arrives with its structure.
    void acceptDeclineRulesAndFolders()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        QVERIFY(alice->startTransfers());
        QVERIFY(bob->startTransfers());
        QSignalSpy offers(bob->transfers.get(), &TransferService::offerReceived);
        const QString unwanted = sourceFile(u"unwanted.bin"_s, MiB);
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { unwanted }));
        QVERIFY(offers.wait(Timeout));
        const Transfer offer = offers.first().first().value<Transfer>();
        QCOMPARE(offer.name, u"unwanted.bin"_s);
        QCOMPARE(offer.size, MiB);
        QCOMPARE(offer.state, State::Offered);
        QCOMPARE(offer.sha256, fileSha256(unwanted));
        QVERIFY(bob->transfers->decline(offer.id));
        const QString sent = alice->transfers->transfers().first().id;
        QTRY_COMPARE_WITH_TIMEOUT(alice->state(sent), State::Declined, Timeout);
        QVERIFY(!QFileInfo::exists(bob->downloads()));

        TransferSettings rule;
        rule.downloadDir = bob->downloads();
        rule.autoAccept = { { alice->peer->bareJid(), 2 * MiB } };
        bob->transfers->setSettings(rule);
        offers.clear();
        const QString small = sourceFile(u"small.bin"_s, 2 * MiB);
        const QString large = sourceFile(u"large.bin"_s, 2 * MiB + 1);
        const QString folder = m_files->filePath(u"Album"_s);
        QVERIFY(makeFile(folder + u"/2024/a.jpg"_s, 100000, 2));
        QVERIFY(makeFile(folder + u"/2024/raw/b.raw"_s, 200000, 3));
        QVERIFY(makeFile(folder + u"/cover.png"_s, 300000, 4));
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { small, large, folder }));
        QVERIFY(offers.wait(Timeout));
        QCOMPARE(offers.size(), 1);
        QCOMPARE(offers.first().first().value<Transfer>().name, u"large.bin"_s);
        const auto incomingDone = [&](int n) {
            int done = 0;
            for (const Transfer &t : bob->transfers->transfers())
                done += t.state == State::Completed;
            return done == n;
        };
        QVERIFY(QTest::qWaitFor([&] { return incomingDone(4); }, Timeout));
        QCOMPARE(bob->byName(u"large.bin"_s, Transfer::Direction::Incoming)->state, State::Offered);
        QCOMPARE(tree(bob->downloads()),
                 (QStringList { u"Album"_s, u"Album/2024"_s, u"Album/2024/a.jpg"_s, u"Album/2024/raw"_s,
                                u"Album/2024/raw/b.raw"_s, u"Album/cover.png"_s, u"small.bin"_s }));
        QCOMPARE(fileSha256(bob->downloads() + u"/Album/2024/raw/b.raw"_s), fileSha256(folder + u"/2024/raw/b.raw"_s));
        QCOMPARE(fileSha256(bob->downloads() + u"/small.bin"_s), fileSha256(small));
        QDir(folder).removeRecursively();
    }

    // A folder of more files than a session has streams for (QUIC allows 128 at a time), empty
    // and one-byte files among them: every stream is closed after its file, all arrive.
    void manyFilesReuseStreams()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        TransferSettings rule;
        rule.autoAccept = { { alice->peer->bareJid(), MiB } };
        QVERIFY(alice->startTransfers());
        QVERIFY(bob->startTransfers(rule));
        const QString folder = m_files->filePath(u"Many"_s);
        constexpr int Files = 300;
        for (int i = 0; i < Files; ++i)
            QVERIFY(makeFile(folder + u"/sub%1/f%2.dat"_s.arg(i % 7).arg(i), i == 0 ? 0 : i == 1 ? 1 : 1000 + i, i));
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { folder }));
        const auto completed = [](const QList<Transfer> &list) {
            return std::count_if(list.cbegin(), list.cend(),
                                 [](const Transfer &t) { return t.state == State::Completed; });
        };
        const bool all = QTest::qWaitFor([&] { return completed(bob->transfers->transfers()) == Files; }, 60000);
        if (!all) {
            QMap<QString, int> states;
            for (const Transfer &t : alice->transfers->transfers() + bob->transfers->transfers())
                states[(t.direction == Transfer::Direction::Outgoing ? u"out "_s : u"in "_s)
                       + Transfer::stateName(t.state)]++;
            qWarning() << "states:" << states;
            // 127 complete and the rest stuck: the receiving channel does not give the sender
            // new stream credit (MAX_STREAMS) when a stream closes.
        }
        QVERIFY(all);
        QTRY_COMPARE_WITH_TIMEOUT(completed(alice->transfers->transfers()), Files, Timeout);
        for (int i = 0; i < Files; i += 37) {
            const QString name = u"Many/sub%1/f%2.dat"_s.arg(i % 7).arg(i);
            QCOMPARE(fileSha256(bob->downloads() + u'/' + name), fileSha256(m_files->path() + u'/' + name));
        }
        QCOMPARE(QFileInfo(bob->downloads() + u"/Many/sub0/f0.dat"_s).size(), 0);
        QCOMPARE(QFileInfo(bob->downloads() + u"/Many/sub1/f1.dat"_s).size(), 1);
        QDir(folder).removeRecursively();
    }

    // Bob pauses a running transfer, Alice sees it paused by him, pauses too; her resume alone
    // does not restart it, his does, and it continues from where it stopped. Then Alice cancels
    // one and Bob another: both sides end cancelled, no partial file is left.
    void pauseResumeAndCancelFromEitherSide()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        TransferSettings rule;
        rule.autoAccept = { { alice->peer->bareJid(), 4096 * MiB } };
        QVERIFY(alice->startTransfers());
        QVERIFY(bob->startTransfers(rule));
        const QString path = sourceFile(u"pausable.bin"_s, 384 * MiB);
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { path }));
        const QString out = alice->transfers->transfers().first().id;
        QTRY_VERIFY_WITH_TIMEOUT(bob->byName(u"pausable.bin"_s, Transfer::Direction::Incoming), Timeout);
        const QString in = bob->byName(u"pausable.bin"_s, Transfer::Direction::Incoming)->id;
        QTRY_VERIFY_WITH_TIMEOUT(bob->transfers->transfer(in)->bytesDone > 0, Timeout);

        QVERIFY(bob->transfers->pause(in));
        QCOMPARE(bob->state(in), State::Paused);
        QTRY_VERIFY_WITH_TIMEOUT(alice->transfers->transfer(out)->pausedByPeer, Timeout);
        QCOMPARE(alice->state(out), State::Paused);
        QVERIFY(alice->transfers->pause(out));
        QVERIFY(alice->transfers->resume(out));
        QTest::qWait(500);
        QCOMPARE(alice->state(out), State::Paused); // Bob still holds it
        QCOMPARE(bob->state(in), State::Paused);
        const qint64 pausedAt = bob->transfers->transfer(in)->bytesDone;
        QVERIFY(pausedAt < 384 * MiB);

        QVERIFY(bob->transfers->resume(in));
        QTRY_COMPARE_WITH_TIMEOUT(bob->state(in), State::Completed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(alice->state(out), State::Completed, Timeout);
        const Transfer received = *bob->transfers->transfer(in);
        QVERIFY2(received.resumedFrom > 0 && received.resumedFrom <= pausedAt,
                 qPrintable(u"resumed from %1, paused at %2"_s.arg(received.resumedFrom).arg(pausedAt)));
        QCOMPARE(alice->transfers->transfer(out)->resumedFrom, received.resumedFrom);
        QCOMPARE(fileSha256(received.localPath), fileSha256(path));

        // Cancelled by the sender, then by the receiver, while running.
        for (const bool bySender : { true, false }) {
            const QString name = bySender ? u"cancel-by-sender.bin"_s : u"cancel-by-receiver.bin"_s;
            const QString file = sourceFile(name, 256 * MiB);
            QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { file }));
            QTRY_VERIFY_WITH_TIMEOUT(bob->byName(name, Transfer::Direction::Incoming)
                                         && bob->byName(name, Transfer::Direction::Incoming)->bytesDone > 0,
                                     Timeout);
            const QString inId = bob->byName(name, Transfer::Direction::Incoming)->id;
            const QString outId = alice->byName(name, Transfer::Direction::Outgoing)->id;
            QVERIFY(bySender ? alice->transfers->cancel(outId) : bob->transfers->cancel(inId));
            QTRY_COMPARE_WITH_TIMEOUT(bob->state(inId), State::Cancelled, Timeout);
            QTRY_COMPARE_WITH_TIMEOUT(alice->state(outId), State::Cancelled, Timeout);
            const QString peerText = (bySender ? bob : alice)->transfers->transfer(bySender ? inId : outId)->error;
            QVERIFY2(peerText.contains(u"cancelled"_s), qPrintable(peerText));
        }
        QTRY_COMPARE_WITH_TIMEOUT(tree(bob->downloads()), QStringList { u"pausable.bin"_s }, Timeout);
    }

    // The session ends in the middle of a transfer: both sides keep its state, the service
    // connects again by itself and the transfer continues from its offset.
    void resumesAfterTheSessionBreaks()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        TransferSettings rule;
        rule.autoAccept = { { alice->peer->bareJid(), 4096 * MiB } };
        QVERIFY(alice->startTransfers());
        QVERIFY(bob->startTransfers(rule));
        const qint64 size = 384 * MiB;
        const QString path = sourceFile(u"broken.bin"_s, size);
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { path }));
        const QString out = alice->transfers->transfers().first().id;
        QTRY_VERIFY_WITH_TIMEOUT(alice->transfers->transfer(out)->bytesDone > 0, Timeout);
        PeerSession *first = alice->peer->sessions->session(bob->peer->bareJid());
        QVERIFY(first);
        const QString firstSid = first->sid();
        const QString in = bob->byName(u"broken.bin"_s, Transfer::Direction::Incoming)->id;
        QList<State> bobStates;
        QObject context;
        connect(bob->transfers.get(), &TransferService::transferChanged, &context, [&](const Transfer &t) {
            if (t.id == in && (bobStates.isEmpty() || bobStates.last() != t.state))
                bobStates.append(t.state);
        });
        first->hangUp(u"the test breaks the session"_s);
        QTRY_COMPARE_WITH_TIMEOUT(bob->state(in), State::Completed, 90000);
        QVERIFY2(bobStates.contains(State::Interrupted), qPrintable(QString::number(bobStates.size())));
        QCOMPARE(bobStates.last(), State::Completed);
        QTRY_COMPARE_WITH_TIMEOUT(alice->state(out), State::Completed, Timeout);
        QVERIFY(alice->peer->sessions->session(bob->peer->bareJid())->sid() != firstSid);
        const Transfer received = *bob->transfers->transfer(in);
        QVERIFY2(received.resumedFrom > 0 && received.resumedFrom < size,
                 qPrintable(QString::number(received.resumedFrom)));
        QCOMPARE(fileSha256(received.localPath), fileSha256(path));
    }

    // The sending app quits in the middle of a transfer and starts again with the same profile:
    // the transfer is loaded from the database and continues from the receiver's offset. On the
    // way, the sender pauses and resumes it once.
    void resumesAfterTheSenderRestarts()
    {
        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        TransferSettings rule;
        rule.autoAccept = { { alice->peer->bareJid(), 4096 * MiB } };
        QVERIFY(alice->startTransfers());
        QVERIFY(bob->startTransfers(rule));
        const qint64 size = 384 * MiB;
        const QString path = sourceFile(u"restart.bin"_s, size);
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { path }));
        const QString out = alice->transfers->transfers().first().id;
        QTRY_VERIFY_WITH_TIMEOUT(alice->transfers->transfer(out)->bytesDone > 0, Timeout);
        const auto in = [&] { return bob->byName(u"restart.bin"_s, Transfer::Direction::Incoming).value(); };

        QVERIFY(alice->transfers->pause(out));
        QTRY_VERIFY_WITH_TIMEOUT(in().pausedByPeer && in().state == State::Paused, Timeout);
        const qint64 pausedAt = in().bytesDone;
        QVERIFY(alice->transfers->resume(out));
        QTRY_VERIFY_WITH_TIMEOUT(in().state == State::Running && in().bytesDone > pausedAt, Timeout);
        QCOMPARE(in().resumedFrom, pausedAt);

        // Quit: the service, the sessions and the account go; the database file stays.
        alice->transfers.reset();
        alice->db.reset();
        alice->peer.reset();
        QTRY_COMPARE_WITH_TIMEOUT(in().state, State::Interrupted, Timeout);
        const qint64 interruptedAt = in().bytesDone; // all of it reaches the part file
        QVERIFY(interruptedAt > pausedAt && interruptedAt < size);
        QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(in().localPath + u".part"_s).size(), interruptedAt, Timeout);

        alice->peer = std::make_unique<TestPeer>(*m_thread, *m_server, *m_ca, alice->user, Password, loopbackConfig());
        QVERIFY(alice->startTransfers());
        const auto loaded = alice->transfers->transfer(out);
        QVERIFY(loaded);
        QCOMPARE(loaded->state, State::Interrupted);
        QCOMPARE(loaded->sha256, fileSha256(path));
        QVERIFY(alice->peer->signIn());
        QTRY_COMPARE_WITH_TIMEOUT(alice->state(out), State::Completed, 90000);
        QTRY_COMPARE_WITH_TIMEOUT(in().state, State::Completed, Timeout);
        QCOMPARE(in().resumedFrom, interruptedAt);
        QCOMPARE(alice->transfers->transfer(out)->resumedFrom, interruptedAt);
        QCOMPARE(fileSha256(in().localPath), fileSha256(path));
    }

    // Names a hostile peer may send: the file lands inside the download folder under a safe
    // name, an existing file is never overwritten, nothing outside is touched.
    void hostileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("climbing") << u"../../escaped.txt"_s << u"escaped.txt"_s;
        QTest::newRow("climbing backslashes") << u"..\\..\\win.ini"_s << u"win.ini"_s;
        QTest::newRow("absolute") << u"/etc/cron.d/evil"_s << u"etc/cron.d/evil"_s;
        QTest::newRow("windows absolute") << u"C:\\Windows\\System32\\evil.dll"_s << u"C_/Windows/System32/evil.dll"_s;
        QTest::newRow("climbing in the middle") << u"a/../../../b/c.txt"_s << u"a/b/c.txt"_s;
        QTest::newRow("device name") << u"CON"_s << u"_CON"_s;
        QTest::newRow("device with extension") << u"aux.txt"_s << u"_aux.txt"_s;
        QTest::newRow("bidi override") << u"photo\u202Egnp.exe"_s << u"photognp.exe"_s;
        QTest::newRow("hidden") << u".bashrc"_s << u"bashrc"_s;
        QTest::newRow("control characters") << u"bad\u0001na\nme\t.txt"_s << u"badname.txt"_s;
        QTest::newRow("trailing dots and spaces") << u"report.pdf. . "_s << u"report.pdf"_s;
        QTest::newRow("only dots") << u"..."_s << u"file"_s;
        QTest::newRow("existing file") << u"existing.txt"_s << u"existing (1).txt"_s;
        QTest::newRow("long") << QString(QString(1000, u'x') + u".txt"_s) << QString(QString(196, u'x') + u".txt"_s);
    }

    void hostileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        auto [mallory, bob] = makePair();
        QVERIFY(mallory && bob);
        TransferSettings rule;
        rule.autoAccept = { { mallory->peer->bareJid(), MiB } };
        QVERIFY(bob->startTransfers(rule));
        // Around the download folder: a sibling folder and files that must stay as they are.
        QVERIFY(makeFile(bob->home->filePath(u"escaped.txt"_s), 5, 9));
        QVERIFY(makeFile(bob->home->filePath(u"Sibling/keep.txt"_s), 5, 9));
        QVERIFY(makeFile(bob->downloads() + u"/existing.txt"_s, 5, 9));
        const QByteArray existing = fileSha256(bob->downloads() + u"/existing.txt"_s);
        QStringList around = tree(bob->home->path());
        around.removeAll(u"Downloads/existing.txt"_s);

        auto [m, b] = connectPair(*mallory->peer, *bob->peer);
        QVERIFY(m && b);
        const QByteArray payload = randomBytes(64 * 1024);
        RawSender sender(m, name, payload);
        QVERIFY(sender.offer());
        QVERIFY(sender.waitFor(PeerSession::ContentAction::Accept));
        QVERIFY(sender.waitFor(PeerSession::ContentAction::Remove));
        QCOMPARE(sender.reasonOf(PeerSession::ContentAction::Remove)->condition, JingleReason::Condition::Success);

        const QList<Transfer> received = bob->transfers->transfers();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().state, State::Completed);
        QCOMPARE(received.first().localPath, bob->downloads() + u'/' + expected);
        QCOMPARE(fileSha256(received.first().localPath), Sha256::hash(payload));
        QVERIFY(QFileInfo(received.first().localPath).canonicalFilePath().startsWith(bob->downloads() + u'/'));
        QCOMPARE(fileSha256(bob->downloads() + u"/existing.txt"_s), existing);
        QStringList after = tree(bob->home->path());
        after.removeAll(u"Downloads/existing.txt"_s);
        for (const QString &path : std::as_const(after)) {
            if (!path.startsWith(u"Downloads"_s))
                QVERIFY2(around.contains(path), qPrintable(path));
        }
        for (const QString &path : std::as_const(around))
            QVERIFY2(after.contains(path), qPrintable(path));
        QVERIFY(!after.join(u'\n').contains(u".part"_s));
    }

    // A sender that goes on past the announced size is stopped and nothing is kept; one whose
    // bytes do not match the announced checksum ends failed with the file deleted.
    void oversizedAndCorruptedSends()
    {
        auto [mallory, bob] = makePair();
        QVERIFY(mallory && bob);
        TransferSettings rule;
        rule.autoAccept = { { mallory->peer->bareJid(), 64 * MiB } };
        QVERIFY(bob->startTransfers(rule));
        auto [m, b] = connectPair(*mallory->peer, *bob->peer);
        QVERIFY(m && b);

        const QByteArray announced = randomBytes(4 * MiB);
        RawSender oversized(m, u"oversized.bin"_s, announced);
        oversized.payload = announced + randomBytes(2 * MiB); // 2 MiB more than announced
        QVERIFY(oversized.offer());
        QVERIFY(oversized.waitFor(PeerSession::ContentAction::Remove));
        QCOMPARE(oversized.reasonOf(PeerSession::ContentAction::Remove)->condition,
                 JingleReason::Condition::FailedApplication);
        auto t = bob->byName(u"oversized.bin"_s, Transfer::Direction::Incoming);
        QVERIFY(t);
        QCOMPARE(t->state, State::Failed);
        QVERIFY2(t->error.contains(u"more data than the announced size"_s), qPrintable(t->error));
        QVERIFY(t->bytesDone <= 4 * MiB);

        RawSender corrupted(m, u"corrupted.bin"_s, randomBytes(3 * MiB));
        corrupted.contentName = u"raw-file-2"_s;
        QByteArray flipped = corrupted.payload;
        flipped[12345] = char(flipped[12345] ^ 0x20); // announced checksum is of the original
        corrupted.payload = flipped;
        QVERIFY(corrupted.offer());
        QVERIFY(corrupted.waitFor(PeerSession::ContentAction::Remove));
        QCOMPARE(corrupted.reasonOf(PeerSession::ContentAction::Remove)->condition,
                 JingleReason::Condition::MediaError);
        t = bob->byName(u"corrupted.bin"_s, Transfer::Direction::Incoming);
        QVERIFY(t);
        QCOMPARE(t->state, State::Failed);
        QVERIFY2(t->error.contains(u"checksum"_s), qPrintable(t->error));
        QTRY_COMPARE_WITH_TIMEOUT(tree(bob->downloads()), QStringList(), Timeout);
    }

    // Offers that break the rules are refused and leave nothing behind: a stream the sender
    // cannot open, the chat's stream, no checksum, a sender that wants the receiver to send.
    // Offers from outside the session (a third party, an unknown session) never reach it.
    void invalidOffersAreRefused()
    {
        auto [mallory, bob] = makePair();
        QVERIFY(mallory && bob);
        QVERIFY(bob->startTransfers());
        auto [m, b] = connectPair(*mallory->peer, *bob->peer);
        QVERIFY(m && b);
        QSignalSpy added(bob->transfers.get(), &TransferService::transferAdded);
        const quint64 wrongParity = m->isInitiator() ? 5 : 4; // the initiator (QUIC client) opens 0, 4, 8, ...
        struct Case
        {
            QString what;
            std::function<void(RawSender &)> spoil;
            std::optional<quint64> stream;
            JingleReason::Condition condition;
        };
        const QList<Case> cases = {
            { u"stream of the receiver's role"_s, [](RawSender &) {}, wrongParity,
              JingleReason::Condition::FailedTransport },
            { u"chat stream"_s, [](RawSender &) {}, quint64(0), JingleReason::Condition::FailedTransport },
            { u"no checksum"_s, [](RawSender &s) { s.file.hashes.clear(); }, std::nullopt,
              JingleReason::Condition::FailedApplication },
            { u"receiver should send"_s,
              [&](RawSender &s) {
                  s.senders = m->isInitiator() ? JingleContent::Senders::Responder : JingleContent::Senders::Initiator;
              },
              std::nullopt, JingleReason::Condition::FailedApplication },
        };
        int n = 0;
        for (const Case &c : cases) {
            RawSender sender(m, u"invalid.bin"_s, randomBytes(1000));
            sender.contentName = u"invalid-%1"_s.arg(++n);
            c.spoil(sender);
            QVERIFY(sender.offer(c.stream));
            QVERIFY2(sender.waitFor(PeerSession::ContentAction::Reject), qPrintable(c.what));
            QCOMPARE(sender.reasonOf(PeerSession::ContentAction::Reject)->condition, c.condition);
        }
        QCOMPARE(added.size(), 0);

        // A third party that knows the session id, and a session id nobody uses.
        auto eve = makeSide();
        QVERIFY(eve && makeMutualContacts(*eve->peer, *bob->peer));
        for (const QString &sid : { b->sid(), u"no-such-session"_s }) {
            JingleIq iq;
            iq.setTo(bob->peer->account->boundJid());
            iq.setAction(JingleIq::Action::ContentAdd);
            iq.setSid(sid);
            JingleContent content;
            content.creator = JingleContent::Creator::Initiator;
            content.name = u"sneaky"_s;
            content.senders = JingleContent::Senders::Initiator;
            JingleFileDescription file;
            file.name = u"sneaky.exe"_s;
            file.size = 10;
            file.hashes = { { QCryptographicHash::Sha256, QByteArray(32, 'x') } };
            content.description = file;
            content.transport = JingleQuicStreamTransport { 4 };
            iq.addContent(content);
            bool answered = false, wasError = false;
            eve->peer->account->client()->sendIq(std::move(iq)).then(this, [&](QXmppClient::IqResult &&result) {
                answered = true;
                wasError = std::holds_alternative<QXmppError>(result);
            });
            QTRY_VERIFY_WITH_TIMEOUT(answered, Timeout);
            QVERIFY(wasError);
        }
        QCOMPARE(added.size(), 0);
        QVERIFY(bob->transfers->transfers().isEmpty());
        QVERIFY(!QFileInfo::exists(bob->downloads()));
        // Sending needs a contact.
        QString error;
        QVERIFY(!bob->transfers->sendFiles(u"stranger@localhost"_s, { m_files->path() }, &error));
        QVERIFY2(error.contains(u"not in your contacts"_s), qPrintable(error));
    }

    // The download folder is a 16 MiB tmpfs. An offer larger than the free space stays open with
    // the reason; two 10 MiB files that each fit fill the disk together: the one that hits the
    // full disk pauses with its partial data kept, and completes after the disk grew.
    void fullDisk()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        const QString mountPoint = m_files->filePath(u"small-disk"_s);
        QVERIFY(QDir().mkpath(mountPoint));
        QString output;
        QVERIFY2(
            run(u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=16m,mode=0777"_s, u"tmpfs"_s, mountPoint }, &output),
            qPrintable(u"running as root, but a tmpfs cannot be mounted at %1: %2"_s.arg(mountPoint, output)));
        m_mountPoint = mountPoint;

        auto [alice, bob] = makePair();
        QVERIFY(alice && bob);
        TransferSettings settings;
        settings.downloadDir = mountPoint + u"/Downloads"_s;
        settings.autoAccept = { { alice->peer->bareJid(), 64 * MiB } };
        QVERIFY(alice->startTransfers());
        QVERIFY(bob->startTransfers(settings));
        QSignalSpy offers(bob->transfers.get(), &TransferService::offerReceived);

        const QString tooBig = sourceFile(u"too-big.bin"_s, 20 * MiB);
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { tooBig }));
        QVERIFY(offers.wait(Timeout));
        const Transfer offer = offers.first().first().value<Transfer>();
        QCOMPARE(offer.state, State::Offered);
        QVERIFY2(offer.error.contains(u"Not enough free space"_s), qPrintable(offer.error));
        QVERIFY(bob->transfers->decline(offer.id));

        const QString one = sourceFile(u"one.bin"_s, 10 * MiB);
        const QString two = sourceFile(u"two.bin"_s, 10 * MiB);
        QVERIFY(alice->transfers->sendFiles(bob->peer->bareJid(), { one, two }));
        const auto settled = [&] {
            const auto a = bob->byName(u"one.bin"_s, Transfer::Direction::Incoming);
            const auto b = bob->byName(u"two.bin"_s, Transfer::Direction::Incoming);
            const auto done = [](const std::optional<Transfer> &t) {
                return t && (t->state == State::Completed || t->state == State::Paused);
            };
            return done(a) && done(b);
        };
        QVERIFY(QTest::qWaitFor(settled, 60000));
        QStringList paused;
        for (const Transfer &t : bob->transfers->transfers()) {
            if (t.state != State::Paused)
                continue;
            paused.append(t.id);
            QVERIFY(t.pausedLocally);
            QVERIFY2(t.error.contains(u"is full"_s), qPrintable(t.error));
            QVERIFY(t.bytesDone > 0 && t.bytesDone < t.size);
            const QString part = t.localPath + u".part"_s;
            QCOMPARE(QFileInfo(part).size(), t.bytesDone); // the partial data is kept
            const auto out = alice->byName(t.name, Transfer::Direction::Outgoing);
            QTRY_VERIFY_WITH_TIMEOUT(alice->transfers->transfer(out->id)->pausedByPeer, Timeout);
        }
        QVERIFY(!paused.isEmpty());

        QVERIFY2(run(u"mount"_s, { u"-o"_s, u"remount,size=64m"_s, mountPoint }, &output), qPrintable(output));
        for (const QString &id : std::as_const(paused))
            QVERIFY(bob->transfers->resume(id));
        for (const QString &name : { u"one.bin"_s, u"two.bin"_s }) {
            QTRY_COMPARE_WITH_TIMEOUT(bob->byName(name, Transfer::Direction::Incoming)->state, State::Completed, 60000);
            const Transfer t = *bob->byName(name, Transfer::Direction::Incoming);
            QCOMPARE(fileSha256(t.localPath), fileSha256(m_files->filePath(name)));
        }
        for (const QString &id : std::as_const(paused))
            QVERIFY(bob->transfers->transfer(id)->resumedFrom > 0);
        QCOMPARE(tree(mountPoint), (QStringList { u"Downloads"_s, u"Downloads/one.bin"_s, u"Downloads/two.bin"_s }));
        bob.reset();
        alice.reset();
    }
};

QTEST_GUILESS_MAIN(tst_TransferService)
#include "tst_TransferService.moc"
