// TransferIo on real files in a temporary folder: checksums, reading from an offset, ".part"
// files under free names, verification and the rename that never overwrites, resuming a part,
// the download-folder boundary, free space, folder listing.
#include "core/transfer/Sha256.h"
#include "core/transfer/TransferIo.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 10000;

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    return data;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList tree(const QString &dir)
{
    QStringList names;
    QDir base(dir);
    const QFileInfoList infos
        = base.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &info : infos) {
        names.append(info.fileName());
        if (info.isDir() && !info.isSymLink()) {
            for (const QString &child : tree(info.absoluteFilePath()))
                names.append(info.fileName() + u'/' + child);
        }
    }
    names.sort();
    return names;
}

struct Prepared
{
    QString part;
    QString final;
    qint64 offset = -1;
    TransferIo::WriteError error = TransferIo::WriteError::Failed;
    QString message;
};

Prepared prepare(TransferIo &io, const QString &id, const QString &part, const QString &final, const QString &root,
                 qint64 size)
{
    QSignalSpy spy(&io, &TransferIo::writePrepared);
    io.prepareWrite(id, 1, part, final, root, size);
    Prepared p;
    if (!spy.wait(Timeout))
        return p;
    const QList<QVariant> args = spy.first();
    p.part = args.at(2).toString();
    p.final = args.at(3).toString();
    p.offset = args.at(4).toLongLong();
    p.error = args.at(5).value<TransferIo::WriteError>();
    p.message = args.at(6).toString();
    return p;
}

std::pair<QString, QString> finish(TransferIo &io, const QString &id, const QByteArray &sha256)
{
    QSignalSpy spy(&io, &TransferIo::writeFinished);
    io.finishWrite(id, 1, sha256);
    if (!spy.wait(Timeout))
        return { {}, u"timeout"_s };
    return { spy.first().at(2).toString(), spy.first().at(3).toString() };
}
} // namespace

class tst_TransferIo : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<TransferIo::WriteError>();
        QVERIFY(m_dir.isValid());
    }

    void hashesAFile()
    {
        TransferIo io;
        const QByteArray data = randomBytes(3 * TransferIo::ChunkSize + 17);
        const QString path = m_dir.filePath(u"hash.bin"_s);
        QVERIFY(writeFile(path, data));
        QSignalSpy spy(&io, &TransferIo::fileHashed);
        io.hashFile(u"a"_s, path);
        io.hashFile(u"b"_s, m_dir.filePath(u"missing"_s));
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, Timeout);
        QCOMPARE(spy.at(0).at(0).toString(), u"a"_s);
        QCOMPARE(spy.at(0).at(1).toLongLong(), data.size());
        QCOMPARE(spy.at(0).at(3).toByteArray(), Sha256::hash(data));
        QVERIFY(spy.at(0).at(4).toString().isEmpty());
        QVERIFY(spy.at(0).at(2).toDateTime().isValid());
        QVERIFY(spy.at(1).at(4).toString().contains(u"missing"_s));
    }

    void readsFromAnOffset()
    {
        TransferIo io;
        const QByteArray data = randomBytes(2 * TransferIo::ChunkSize + 1000);
        const QString path = m_dir.filePath(u"read.bin"_s);
        QVERIFY(writeFile(path, data));
        const QDateTime modified = QFileInfo(path).lastModified(QTimeZone::UTC);
        QSignalSpy chunks(&io, &TransferIo::chunkRead);
        const qint64 offset = 12345;
        io.openRead(u"r"_s, 7, path, offset, data.size(), modified);
        const int reads = int((data.size() - offset + TransferIo::ChunkSize - 1) / TransferIo::ChunkSize);
        QCOMPARE(reads, 2);
        for (int i = 0; i < reads; ++i)
            io.read(u"r"_s, 7, TransferIo::ChunkSize);
        QTRY_COMPARE_WITH_TIMEOUT(chunks.size(), reads, Timeout);
        QByteArray received;
        for (const QList<QVariant> &args : std::as_const(chunks)) {
            QCOMPARE(args.at(1).toUInt(), 7u);
            received += args.at(2).toByteArray();
        }
        QCOMPARE(received, data.mid(offset));
        io.read(u"r"_s, 6, 100); // an older run gets nothing
        io.closeRead(u"r"_s);
        QTest::qWait(100);
        QCOMPARE(chunks.size(), reads);
    }

    void refusesAChangedFile()
    {
        TransferIo io;
        const QString path = m_dir.filePath(u"changed.bin"_s);
        QVERIFY(writeFile(path, randomBytes(1000)));
        QSignalSpy failed(&io, &TransferIo::readFailed);
        io.openRead(u"c"_s, 1, path, 0, 999, {});
        QVERIFY(failed.wait(Timeout));
        QVERIFY2(failed.first().at(2).toString().contains(u"changed"_s), qPrintable(failed.first().at(2).toString()));
    }

    void writesVerifiesAndNeverOverwrites()
    {
        TransferIo io;
        const QString dir = m_dir.filePath(u"down1"_s);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(dir + u"/a.txt"_s, "existing"_ba));
        QVERIFY(writeFile(dir + u"/a (1).txt.part"_s, "someone else's part"_ba));
        const QByteArray data = randomBytes(500000);

        const Prepared p = prepare(io, u"w"_s, {}, dir + u"/a.txt"_s, dir, data.size());
        QCOMPARE(p.error, TransferIo::WriteError::None);
        QCOMPARE(p.offset, 0);
        QCOMPARE(p.final, dir + u"/a (2).txt"_s);
        QCOMPARE(p.part, dir + u"/a (2).txt.part"_s);
        QVERIFY(QFile::exists(p.part));
        io.write(u"w"_s, 1, data.first(200000));
        io.write(u"w"_s, 1, data.sliced(200000));
        // The chosen name appears meanwhile: the next free one is taken.
        QVERIFY(writeFile(p.final, "raced"_ba));
        const auto [final, error] = finish(io, u"w"_s, Sha256::hash(data));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(final, dir + u"/a (3).txt"_s);
        QCOMPARE(readFile(final), data);
        QCOMPARE(readFile(dir + u"/a.txt"_s), "existing"_ba);
        QCOMPARE(readFile(dir + u"/a (2).txt"_s), "raced"_ba);
        QCOMPARE(readFile(dir + u"/a (1).txt.part"_s), "someone else's part"_ba);
        QVERIFY(!QFile::exists(p.part));
        QCOMPARE(io.pendingWriteBytes(), 0);
    }

    void mismatchDeletesThePart()
    {
        TransferIo io;
        const QString dir = m_dir.filePath(u"down2"_s);
        const QByteArray data = randomBytes(100000);
        const Prepared p = prepare(io, u"m"_s, {}, dir + u"/x.bin"_s, {}, data.size());
        QCOMPARE(p.error, TransferIo::WriteError::None);
        io.write(u"m"_s, 1, data);
        QByteArray wrong = Sha256::hash(data);
        wrong[0] = char(wrong[0] ^ 1);
        const auto [final, error] = finish(io, u"m"_s, wrong);
        QVERIFY(final.isEmpty());
        QVERIFY2(error.contains(u"checksum"_s), qPrintable(error));
        QCOMPARE(tree(dir), QStringList());
    }

    void resumesAPart()
    {
        TransferIo io;
        const QString dir = m_dir.filePath(u"down3"_s);
        QVERIFY(QDir().mkpath(dir));
        const QByteArray data = randomBytes(3 * TransferIo::ChunkSize + 5);
        const qint64 had = TransferIo::ChunkSize + 77;
        const QString part = dir + u"/r.bin.part"_s;
        QVERIFY(writeFile(part, data.first(had)));
        const Prepared p = prepare(io, u"r"_s, part, dir + u"/r.bin"_s, dir, data.size());
        QCOMPARE(p.error, TransferIo::WriteError::None);
        QCOMPARE(p.offset, had);
        QCOMPARE(p.part, part);
        io.write(u"r"_s, 1, data.sliced(had));
        const auto [final, error] = finish(io, u"r"_s, Sha256::hash(data));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(readFile(final), data);
    }

    void staysInsideTheDownloadFolder()
    {
        TransferIo io;
        const QString root = m_dir.filePath(u"root"_s);
        const QString outside = m_dir.filePath(u"outside"_s);
        QVERIFY(QDir().mkpath(root) && QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, root + u"/link"_s));
        const Prepared p = prepare(io, u"o"_s, {}, root + u"/link/evil.txt"_s, root, 10);
        QCOMPARE(p.error, TransferIo::WriteError::Failed);
        QVERIFY2(p.message.contains(u"outside the download folder"_s), qPrintable(p.message));
        QCOMPARE(tree(outside), QStringList());
        // A part file that became a link is not followed either.
        const QString target = outside + u"/target"_s;
        QVERIFY(writeFile(target, "keep"_ba));
        QVERIFY(QFile::link(target, root + u"/p.part"_s));
        const Prepared q = prepare(io, u"q"_s, root + u"/p.part"_s, root + u"/p"_s, root, 10);
        QCOMPARE(q.error, TransferIo::WriteError::Failed);
        QCOMPARE(readFile(target), "keep"_ba);
    }

    void checksFreeSpace()
    {
        TransferIo io;
        const QString dir = m_dir.filePath(u"down4"_s);
        const Prepared p = prepare(io, u"s"_s, {}, dir + u"/huge.bin"_s, dir, qint64(1) << 60);
        QCOMPARE(p.error, TransferIo::WriteError::NoSpace);
        QVERIFY2(p.message.contains(u"Not enough free space"_s), qPrintable(p.message));
        QCOMPARE(tree(dir), QStringList());
    }

    void listsAFolder()
    {
        TransferIo io;
        const QString top = m_dir.filePath(u"Album"_s);
        QVERIFY(QDir().mkpath(top + u"/2024/raw"_s));
        QVERIFY(writeFile(top + u"/b.jpg"_s, "b"_ba));
        QVERIFY(writeFile(top + u"/2024/a.jpg"_s, "a"_ba));
        QVERIFY(writeFile(top + u"/2024/raw/.hidden"_s, "h"_ba));
        QVERIFY(QFile::link(top + u"/b.jpg"_s, top + u"/link.jpg"_s));
        QSignalSpy spy(&io, &TransferIo::folderListed);
        io.listFolder(42, top);
        QVERIFY(spy.wait(Timeout));
        QCOMPARE(spy.first().at(0).toULongLong(), 42u);
        const auto entries = spy.first().at(1).value<QList<TransferIo::FolderEntry>>();
        QStringList names;
        for (const TransferIo::FolderEntry &entry : entries) {
            names.append(entry.relativeName);
            QVERIFY(QFileInfo(entry.path).isAbsolute());
        }
        QCOMPARE(names, (QStringList { u"Album/2024/a.jpg"_s, u"Album/2024/raw/.hidden"_s, u"Album/b.jpg"_s }));
    }

    void boundsTheWriteQueue()
    {
        TransferIo io;
        const QString dir = m_dir.filePath(u"down5"_s);
        const QByteArray chunk = randomBytes(1024 * 1024);
        const Prepared p = prepare(io, u"q"_s, {}, dir + u"/q.bin"_s, {}, 64 * chunk.size());
        QCOMPARE(p.error, TransferIo::WriteError::None);
        QSignalSpy done(&io, &TransferIo::writeDone); // what the flow-control credit follows
        for (int i = 0; i < 32; ++i)
            io.write(u"q"_s, 1, chunk);
        for (int i = 0; i < 4; ++i)
            io.write(u"q"_s, 1, QList<QByteArray>(8, chunk));
        QVERIFY(io.waitForPendingWrites(0, Timeout));
        QCOMPARE(io.pendingWriteBytes(), 0);
        QCOMPARE(QFileInfo(p.part).size(), 64 * chunk.size());
        // One report per write() call, together all the bytes.
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 36, Timeout);
        qint64 reported = 0;
        for (const QList<QVariant> &args : std::as_const(done)) {
            QCOMPARE(args.at(0).toString(), u"q"_s);
            QCOMPARE(args.at(1).toUInt(), 1u);
            reported += args.at(2).toLongLong();
        }
        QCOMPARE(reported, 64 * chunk.size());
        io.closeWrite(u"q"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(p.part), Timeout);
    }
};

QTEST_GUILESS_MAIN(tst_TransferIo)
#include "tst_TransferIo.moc"
