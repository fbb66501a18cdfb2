// The receiving app dies in the middle of a transfer and is started again: the transfer resumes
// from the bytes its ".part" file holds, the second run sends fewer bytes than the file has, and
// the file that arrives matches the sender's checksum. The receiver is a separate process
// (transfer_peer) that kills itself with SIGKILL at a given byte count, so nothing is saved or
// closed on the way out; the sender runs in this process.
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

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Peerlink;
using namespace Peerlink::Test;
using namespace Qt::StringLiterals;

namespace {
const QString Password = u"restart test password"_s;
constexpr int Timeout = 20000;
constexpr qint64 MiB = 1024 * 1024;

QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    QByteArray buffer(qsizetype(4 * MiB), Qt::Uninitialized);
    for (qint64 n; (n = file.read(buffer.data(), buffer.size())) > 0;)
        hash.addData(QByteArrayView(buffer.constData(), n));
    return hash.result();
}

bool makeFile(const QString &path, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray block(qsizetype(4 * MiB), Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    for (qint64 at = 0, index = 0; at < size; ++index) {
        const qint64 n = std::min<qint64>(block.size(), size - at);
        std::memcpy(block.data(), &index, sizeof index);
        if (file.write(block.constData(), n) != n)
            return false;
        at += n;
    }
    return true;
}

// A transfer_peer process and the lines it printed.
class PeerProcess
{
public:
    QProcess process;
    QStringList lines;

    void start(const QStringList &arguments)
    {
        lines.clear();
        process.setProgram(QStringLiteral(TRANSFER_PEER_PATH));
        process.setArguments(arguments);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] {
            while (process.canReadLine())
                lines.append(QString::fromUtf8(process.readLine()).trimmed());
        });
        process.start();
    }

    bool saw(const QString &prefix) const
    {
        return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.startsWith(prefix); });
    }

    QString last(const QString &prefix) const
    {
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (it->startsWith(prefix))
                return *it;
        }
        return {};
    }

    ~PeerProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};
} // namespace

class tst_TransferRestart : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCertificateAuthority> m_ca;
    std::unique_ptr<ProsodyServer> m_server;
    std::unique_ptr<NetworkThread> m_thread;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Transfer>();
        m_ca = std::make_unique<TestCertificateAuthority>();
        QVERIFY2(m_ca->isValid(), qPrintable(m_ca->errorString()));
        m_server = std::make_unique<ProsodyServer>(*m_ca);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_thread = std::make_unique<NetworkThread>();
        QVERIFY2(QFileInfo(QStringLiteral(TRANSFER_PEER_PATH)).isExecutable(), TRANSFER_PEER_PATH);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning().noquote() << "prosody log" << m_server->logPath() << "ends with:\n" << m_server->logTail(20);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_thread.reset();
        m_ca.reset();
    }

    void receiverKilledAndRestartedResumes()
    {
        QVERIFY(m_server->addAccount(u"sender"_s, Password));
        QVERIFY(m_server->addAccount(u"receiver"_s, Password));
        SessionConfig config;
        config.ice.localAddresses = { QHostAddress(QHostAddress::LocalHost) };
        config.ice.upnp = false;
        config.ice.ipv6 = false;
        config.ice.iceTcp = false;
        TestPeer alice(*m_thread, *m_server, *m_ca, u"sender"_s, Password, config);
        QVERIFY(alice.signIn());
        {
            // The roster lives on the server: make them contacts once, then the receiver's
            // own process signs in with the same account.
            TestPeer bob(*m_thread, *m_server, *m_ca, u"receiver"_s, Password, config);
            QVERIFY(bob.signIn());
            QVERIFY(makeMutualContacts(alice, bob));
        }
        const QString bobJid = m_server->jid(u"receiver"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!alice.account->contact(bobJid)->isOnline(), Timeout);

        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(u"sender.sqlite"_s)));
        TransferService transfers(*alice.account, *alice.sessions, db);
        const qint64 size = 512 * MiB;
        const QString source = dir.filePath(u"movie.bin"_s);
        QVERIFY(makeFile(source, size));
        const QString profile = dir.filePath(u"receiver-profile"_s);
        const QStringList arguments = { u"--host"_s,        m_server->host(),
                                        u"--port"_s,        QString::number(m_server->c2sPort()),
                                        u"--jid"_s,         bobJid,
                                        u"--password"_s,    Password,
                                        u"--ca"_s,          m_ca->caCertificatePath(),
                                        u"--profile"_s,     profile,
                                        u"--accept-from"_s, alice.bareJid() };

        // First run: the receiver dies at about a third of the file.
        PeerProcess receiver;
        receiver.start(arguments + QStringList { u"--kill-at"_s, QString::number(size / 3) });
        QTRY_VERIFY_WITH_TIMEOUT(receiver.saw(u"ready"_s), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(alice.account->contact(bobJid)->isOnline(), Timeout);
        QString error;
        QVERIFY2(transfers.sendFiles(bobJid, { source }, &error), qPrintable(error));
        const QString id = transfers.transfers().first().id;
        QTRY_COMPARE_WITH_TIMEOUT(transfers.transfer(id)->state, Transfer::State::Running, Timeout);
        QPointer<PeerSession> firstSession = alice.sessions->session(bobJid);
        QVERIFY(firstSession);
        std::optional<PeerSession::EndReason> firstEnd;
        connect(firstSession, &PeerSession::ended, this,
                [&](PeerSession::EndReason reason, const QString &) { firstEnd = reason; });
        // (spinning the event loop: the sender works on this thread)
        QTRY_COMPARE_WITH_TIMEOUT(receiver.process.state(), QProcess::NotRunning, 60000);
        QCOMPARE(receiver.process.exitStatus(), QProcess::CrashExit);
        QVERIFY(receiver.saw(u"killing"_s));
        // The sender notices (no progress, and the peer's device went offline), ends the session
        // itself instead of waiting for the channel's idle timeout, and keeps the transfer for later.
        QTRY_COMPARE_WITH_TIMEOUT(transfers.transfer(id)->state, Transfer::State::Interrupted, 40000);
        QVERIFY(firstEnd.has_value());
        QCOMPARE(*firstEnd, PeerSession::EndReason::HungUp);
        const QString part = profile + u"/Downloads/movie.bin.part"_s;
        const qint64 kept = QFileInfo(part).size();
        QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));
        QVERIFY(!QFileInfo::exists(profile + u"/Downloads/movie.bin"_s));

        // Second run: started again, it continues from what the part file holds.
        receiver.start(arguments);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.saw(u"ready"_s), Timeout);
        qint64 secondRunBytes = -1;
        QObject context;
        connect(&transfers, &TransferService::finished, &context, [&](const Transfer &t) {
            // The session of the second run carried the rest of the file and nothing more.
            if (PeerSession *s = alice.sessions->session(bobJid); s && s->channel())
                secondRunBytes = qint64(s->channel()->stats().bytesSent);
            QCOMPARE(t.state, Transfer::State::Completed);
        });
        QTRY_COMPARE_WITH_TIMEOUT(transfers.transfer(id)->state, Transfer::State::Completed, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.saw(u"finished"_s), Timeout);
        const Transfer sent = *transfers.transfer(id);
        QVERIFY2(sent.resumedFrom > 0, qPrintable(QString::number(sent.resumedFrom)));
        QVERIFY2(sent.resumedFrom == kept,
                 qPrintable(u"resumed at %1, %2 were kept"_s.arg(sent.resumedFrom).arg(kept)));
        QVERIFY2(secondRunBytes > 0 && secondRunBytes < size,
                 qPrintable(u"the second session sent %1 bytes for a %2-byte file"_s.arg(secondRunBytes).arg(size)));
        qInfo().noquote() << u"resumed at byte %1 of %2; the second session sent %3 bytes"_s.arg(sent.resumedFrom)
                                 .arg(size)
                                 .arg(secondRunBytes);

        const QString finished = receiver.last(u"finished"_s);
        QVERIFY2(finished.contains(u" Completed "_s), qPrintable(finished));
        const QString received = finished.section(u' ', 3);
        QCOMPARE(received, profile + u"/Downloads/movie.bin"_s);
        QCOMPARE(fileSha256(received), fileSha256(source));
        QVERIFY(!QFileInfo::exists(part));
        receiver.process.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(receiver.process.state(), QProcess::NotRunning, Timeout);
    }
};

QTEST_GUILESS_MAIN(tst_TransferRestart)
#include "tst_TransferRestart.moc"
