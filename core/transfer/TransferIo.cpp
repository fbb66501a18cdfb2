#include "core/transfer/TransferIo.h"

#include "core/Logging.h"
#include "core/transfer/FileName.h"
#include "core/transfer/Sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QPointer>
#include <QStorageInfo>
#include <QThread>
#include <QTimeZone>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#endif

namespace Peerlink {

namespace {

constexpr qint64 ProgressEvery = 8 * 1024 * 1024;
#ifdef O_DIRECT
// Direct I/O (O_DIRECT): received data goes from a staging buffer straight to the disk, past the
// page cache. Copying a file into the page cache costs about as much CPU as the channel itself
// on small machines (and the kernel's write-back more later); direct writes cost almost none.
// Writes must start at offsets and have sizes that are multiples of the block size.
constexpr qint64 DirectAlign = 4096;
constexpr qint64 StageSize = 1024 * 1024;
#endif

QString sizeText(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// Whether dir is root or lies below it, after resolving links.
bool isInside(const QString &dir, const QString &root)
{
    const QString canonicalDir = QFileInfo(dir).canonicalFilePath();
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalDir.isEmpty() || canonicalRoot.isEmpty())
        return false;
    return canonicalDir == canonicalRoot
        || canonicalDir.startsWith(canonicalRoot.endsWith(u'/') ? canonicalRoot : canonicalRoot + u'/');
}

// Writes all chunks at the file's position; returns how many bytes were written. A write that
// fills the disk returns short without an error; the next one says why (*full).
qint64 writeAll(QFile &file, const QList<QByteArray> &chunks, QString *error, bool *full)
{
    qint64 done = 0;
#ifdef Q_OS_UNIX
    // One system call for many chunks.
    std::vector<iovec> vecs;
    vecs.reserve(size_t(chunks.size()));
    for (const QByteArray &chunk : chunks) {
        if (!chunk.isEmpty())
            vecs.push_back({ const_cast<char *>(chunk.constData()), size_t(chunk.size()) });
    }
    size_t first = 0;
    while (first < vecs.size()) {
        const int count = int(std::min<size_t>(vecs.size() - first, IOV_MAX));
        const ssize_t n = ::writev(file.handle(), vecs.data() + first, count);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int code = n < 0 ? errno : ENOSPC;
            *full = code == ENOSPC || code == EDQUOT;
            *error = QString::fromLocal8Bit(std::strerror(code));
            return done;
        }
        done += n;
        for (size_t left = size_t(n); left > 0;) {
            iovec &v = vecs[first];
            if (left >= v.iov_len) {
                left -= v.iov_len;
                ++first;
            } else {
                v.iov_base = static_cast<char *>(v.iov_base) + left;
                v.iov_len -= left;
                left = 0;
            }
        }
    }
#else
    for (const QByteArray &chunk : chunks) {
        qint64 at = 0;
        while (at < chunk.size()) {
            const qint64 n = file.write(chunk.constData() + at, chunk.size() - at);
            if (n <= 0) {
                *full = file.error() == QFileDevice::ResourceError;
                *error = file.errorString();
                return done;
            }
            at += n;
            done += n;
        }
    }
#endif
    return done;
}

struct ReadFile
{
    QFile file;
    quint32 run = 0;
    qint64 size = 0;
    bool failed = false;
};

struct FreeDeleter
{
    void operator()(char *p) const { std::free(p); }
};

struct WriteFile
{
    QFile file;
    Sha256 hash;
    qint64 position = 0; // bytes in the file (written through the descriptor, not QFile)
    quint32 run = 0;
    QString finalPath;
    qint64 lastReport = 0;
    bool failed = false;
    // Direct I/O: received bytes wait in stage until a whole stage can be written.
    bool direct = false;
    std::unique_ptr<char, FreeDeleter> stage;
    qint64 staged = 0;

#ifdef O_DIRECT
    // Turns direct I/O on when the file system supports it and the position is aligned.
    void tryDirect()
    {
        const int fd = file.handle();
        if (position % DirectAlign != 0 || fd < 0)
            return;
        void *buffer = nullptr;
        if (posix_memalign(&buffer, size_t(DirectAlign), size_t(StageSize)) != 0)
            return;
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_DIRECT) != 0) {
            std::free(buffer);
            return; // e.g. a file system without direct I/O: the page cache it is
        }
        stage.reset(static_cast<char *>(buffer));
        direct = true;
    }

    // Writes len bytes at the position; false with errno set when not all of them were written.
    bool writeRaw(const char *data, qint64 len)
    {
        while (len > 0) {
            const ssize_t n = ::write(file.handle(), data, size_t(len));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                if (n == 0)
                    errno = ENOSPC;
                return false;
            }
            position += n;
            data += n;
            len -= n;
        }
        return true;
    }

    // Writes what waits in the stage: whole blocks directly; with all, also the rest, after
    // turning direct I/O off (the end of the file, or a stop). False with errno on failure.
    bool flushStage(bool all)
    {
        if (!direct || staged == 0)
            return true;
        const qint64 aligned = staged - staged % DirectAlign;
        if (aligned > 0) {
            if (!writeRaw(stage.get(), aligned))
                return false;
            std::memmove(stage.get(), stage.get() + aligned, size_t(staged - aligned));
            staged -= aligned;
        }
        if (all && staged > 0) {
            const int flags = ::fcntl(file.handle(), F_GETFL);
            if (flags >= 0)
                (void)::fcntl(file.handle(), F_SETFL, flags & ~O_DIRECT);
            direct = false;
            const qint64 rest = staged;
            staged = 0;
            if (!writeRaw(stage.get(), rest))
                return false;
        }
        return true;
    }

    // Direct I/O: copies the chunks into the stage, writing each full stage. Returns the bytes
    // taken (staged or written); on a failure errno says why.
    qint64 writeDirect(const QList<QByteArray> &chunks, bool *ok)
    {
        qint64 taken = 0;
        for (const QByteArray &chunk : chunks) {
            qint64 at = 0;
            while (at < chunk.size()) {
                const qint64 n = std::min<qint64>(StageSize - staged, chunk.size() - at);
                std::memcpy(stage.get() + staged, chunk.constData() + at, size_t(n));
                staged += n;
                at += n;
                taken += n;
                if (staged == StageSize && !flushStage(false)) {
                    *ok = false;
                    return taken;
                }
            }
        }
        *ok = true;
        return taken;
    }
#else
    void tryDirect() { }
    bool flushStage(bool) { return true; }
#endif
};

} // namespace

// Lives on the worker thread; every method runs there.
class TransferIoWorker : public QObject
{
public:
    TransferIoWorker(TransferIo *facade, std::atomic<qint64> &pending, std::mutex &mutex,
                     std::condition_variable &drained)
        : m_facade(facade)
        , m_pending(pending)
        , m_mutex(mutex)
        , m_drained(drained)
    { }
    // Quitting: what waits in the stages reaches the part files, which a resume continues.
    ~TransferIoWorker() override
    {
        for (auto &[id, entry] : m_writes) {
            if (!entry->failed)
                (void)entry->flushStage(true);
        }
    }
    TransferIoWorker(const TransferIoWorker &) = delete;
    TransferIoWorker &operator=(const TransferIoWorker &) = delete;

    // Emits a signal of the facade on the facade's thread (dropped if the facade is gone).
    template<typename Fn> void report(Fn &&fn)
    {
        QMetaObject::invokeMethod(m_facade, std::forward<Fn>(fn), Qt::QueuedConnection);
    }

    void listFolder(quint64 request, const QString &folder)
    {
        QList<TransferIo::FolderEntry> entries;
        const QFileInfo root(folder);
        if (!root.isDir()) {
            report([f = m_facade, request, folder] {
                Q_EMIT f->folderListed(
                    request, {}, TransferIo::tr("The folder %1 cannot be read.").arg(QDir::toNativeSeparators(folder)));
            });
            return;
        }
        const QDir base(root.absoluteFilePath());
        const QString top = root.fileName().isEmpty() ? QStringLiteral("folder") : root.fileName();
        QDirIterator it(base.absolutePath(), QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo info = it.nextFileInfo();
            if (info.isSymLink() || !info.isFile())
                continue; // links could lead anywhere, also in a loop
            if (entries.size() == TransferIo::MaxFolderFiles) {
                report([f = m_facade, request, folder] {
                    Q_EMIT f->folderListed(request, {},
                                           TransferIo::tr("The folder %1 holds more than %2 files; send it in parts.")
                                               .arg(QDir::toNativeSeparators(folder))
                                               .arg(TransferIo::MaxFolderFiles));
                });
                return;
            }
            entries.append({ info.absoluteFilePath(), top + u'/' + base.relativeFilePath(info.absoluteFilePath()) });
        }
        std::sort(entries.begin(), entries.end(),
                  [](const TransferIo::FolderEntry &a, const TransferIo::FolderEntry &b) {
                      return a.relativeName < b.relativeName;
                  });
        report([f = m_facade, request, entries] { Q_EMIT f->folderListed(request, entries, {}); });
    }

    void hashFile(const QString &id, const QString &path)
    {
        const auto fail = [&](const QString &error) {
            report([f = m_facade, id, error] { Q_EMIT f->fileHashed(id, 0, {}, {}, error); });
        };
        const QFileInfo info(path);
        if (!info.isFile()) {
            fail(TransferIo::tr("%1 is not a file that can be sent.").arg(QDir::toNativeSeparators(path)));
            return;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(TransferIo::tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            return;
        }
        const qint64 size = file.size();
        const QDateTime modified = info.lastModified(QTimeZone::UTC);
        Sha256 hash;
        QByteArray buffer(TransferIo::ChunkSize, Qt::Uninitialized);
        qint64 total = 0;
        for (;;) {
            const qint64 n = file.read(buffer.data(), buffer.size());
            if (n < 0) {
                fail(TransferIo::tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
                return;
            }
            if (n == 0)
                break;
            hash.addData(QByteArrayView(buffer.constData(), n));
            total += n;
        }
        if (total != size || QFileInfo(path).lastModified(QTimeZone::UTC) != modified) {
            fail(TransferIo::tr("%1 changed while its checksum was computed; send it again.")
                     .arg(QDir::toNativeSeparators(path)));
            return;
        }
        const QByteArray digest = hash.result();
        report([f = m_facade, id, size, modified, digest] { Q_EMIT f->fileHashed(id, size, modified, digest, {}); });
    }

    void openRead(const QString &id, quint32 run, const QString &path, qint64 offset, qint64 size,
                  const QDateTime &modified)
    {
        auto entry = std::make_unique<ReadFile>();
        entry->run = run;
        entry->size = size;
        entry->file.setFileName(path);
        const QFileInfo info(path);
        QString error;
        if (!entry->file.open(QIODevice::ReadOnly)) {
            error = TransferIo::tr("%1 cannot be read any more: %2")
                        .arg(QDir::toNativeSeparators(path), entry->file.errorString());
        } else if (entry->file.size() != size
                   || (modified.isValid() && info.lastModified(QTimeZone::UTC) != modified)) {
            error
                = TransferIo::tr("%1 changed since it was offered; send it again.").arg(QDir::toNativeSeparators(path));
        } else if (!entry->file.seek(offset)) {
            error = TransferIo::tr("%1 cannot be read from byte %2: %3")
                        .arg(QDir::toNativeSeparators(path))
                        .arg(offset)
                        .arg(entry->file.errorString());
        }
        if (!error.isEmpty()) {
            entry->failed = true;
            report([f = m_facade, id, run, error] { Q_EMIT f->readFailed(id, run, error); });
        }
        m_reads[id] = std::move(entry);
    }

    void read(const QString &id, quint32 run, qint64 maxBytes)
    {
        const auto it = m_reads.find(id);
        if (it == m_reads.end() || it->second->run != run || it->second->failed)
            return;
        ReadFile &entry = *it->second;
        const qint64 left = entry.size - entry.file.pos();
        QByteArray data = entry.file.read(std::min(left, maxBytes));
        if (data.isEmpty() && left > 0) {
            entry.failed = true;
            const QString error = TransferIo::tr("%1 cannot be read any more (it became shorter or unreadable): %2")
                                      .arg(QDir::toNativeSeparators(entry.file.fileName()), entry.file.errorString());
            report([f = m_facade, id, run, error] { Q_EMIT f->readFailed(id, run, error); });
            return;
        }
        report([f = m_facade, id, run, data = std::move(data)] { Q_EMIT f->chunkRead(id, run, data); });
    }

    void closeRead(const QString &id) { m_reads.erase(id); }

    // A free file name in dir for name: neither it nor its ".part" exists; the ".part" is
    // created exclusively. Returns the final path; *part is open on success.
    QString createPart(const QString &dir, const QString &name, QFile *part)
    {
        for (int n = 0; n < 10000; ++n) {
            const QString candidate = QDir(dir).filePath(FileName::numbered(name, n));
            if (!TransferIo::isFree(candidate) || !TransferIo::isFree(candidate + u".part"))
                continue;
            part->setFileName(candidate + u".part");
            if (part->open(QIODevice::ReadWrite | QIODevice::NewOnly | QIODevice::Unbuffered))
                return candidate;
        }
        return {};
    }

    void prepareWrite(const QString &id, quint32 run, const QString &partPath, const QString &finalPath,
                      const QString &rootDir, qint64 size)
    {
        using WE = TransferIo::WriteError;
        if (const auto old = m_writes.find(id); old != m_writes.end()) {
            if (!old->second->failed)
                (void)old->second->flushStage(true);
            m_writes.erase(old);
        }
        const auto fail = [&](WE kind, const QString &message) {
            report([f = m_facade, id, run, partPath, finalPath, kind, message] {
                Q_EMIT f->writePrepared(id, run, partPath, finalPath, 0, kind, message);
            });
        };
        auto entry = std::make_unique<WriteFile>();
        entry->run = run;
        entry->finalPath = finalPath;
        qint64 offset = 0;
        QString part = partPath;
        bool created = false;
        const QFileInfo partInfo(partPath);
        if (!partPath.isEmpty() && (partInfo.exists() || partInfo.isSymLink())) {
            if (partInfo.isSymLink() || !partInfo.isFile()) {
                fail(WE::Failed,
                     TransferIo::tr("%1 is not a regular file; the download cannot continue there.")
                         .arg(QDir::toNativeSeparators(partPath)));
                return;
            }
            entry->file.setFileName(partPath);
            if (!entry->file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
                fail(WE::Failed,
                     TransferIo::tr("The partial download %1 cannot be opened: %2")
                         .arg(QDir::toNativeSeparators(partPath), entry->file.errorString()));
                return;
            }
            offset = entry->file.size();
            if (offset > size) { // not what we wrote: start over
                entry->file.resize(0);
                offset = 0;
            }
            // The checksum covers the whole file: take in what is already there.
            QByteArray buffer(TransferIo::ChunkSize, Qt::Uninitialized);
            qint64 done = 0;
            while (done < offset) {
                const qint64 n = entry->file.read(buffer.data(), std::min<qint64>(buffer.size(), offset - done));
                if (n <= 0) {
                    fail(WE::Failed,
                         TransferIo::tr("The partial download %1 cannot be read: %2")
                             .arg(QDir::toNativeSeparators(partPath), entry->file.errorString()));
                    return;
                }
                entry->hash.addData(QByteArrayView(buffer.constData(), n));
                done += n;
            }
            entry->file.seek(offset);
        } else {
            const QFileInfo target(finalPath);
            const QString dir = target.absolutePath();
            if (!QDir().mkpath(dir)) {
                fail(WE::Failed,
                     TransferIo::tr("The folder %1 cannot be created. Choose another folder.")
                         .arg(QDir::toNativeSeparators(dir)));
                return;
            }
            if (!rootDir.isEmpty() && !isInside(dir, rootDir)) {
                fail(WE::Failed,
                     TransferIo::tr("%1 leads outside the download folder %2; nothing was written there.")
                         .arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(rootDir)));
                return;
            }
            entry->finalPath = createPart(dir, target.fileName(), &entry->file);
            if (entry->finalPath.isEmpty()) {
                fail(WE::Failed,
                     TransferIo::tr("No file can be created in %1: %2")
                         .arg(QDir::toNativeSeparators(dir), entry->file.errorString()));
                return;
            }
            part = entry->file.fileName();
            created = true;
        }
        const QStorageInfo storage(QFileInfo(part).absolutePath());
        const qint64 available = storage.isValid() ? storage.bytesAvailable() : -1;
        if (available >= 0 && available < size - offset) {
            entry->file.close();
            if (created)
                QFile::remove(part);
            const QString message
                = TransferIo::tr("Not enough free space in %1: %2 more are needed, %3 are free. Free some space or "
                                 "choose another folder.")
                      .arg(QDir::toNativeSeparators(storage.rootPath()), sizeText(size - offset), sizeText(available));
            report([f = m_facade, id, run, partPath = created ? QString() : part, finalPath, message] {
                Q_EMIT f->writePrepared(id, run, partPath, finalPath, 0, WE::NoSpace, message);
            });
            return;
        }
        entry->lastReport = offset;
        entry->position = offset;
        entry->tryDirect();
        const QString final = entry->finalPath;
        m_writes[id] = std::move(entry);
        report([f = m_facade, id, run, part, final, offset] {
            Q_EMIT f->writePrepared(id, run, part, final, offset, WE::None, {});
        });
    }

    void write(const QString &id, quint32 run, const QList<QByteArray> &chunks)
    {
        qint64 total = 0;
        for (const QByteArray &chunk : chunks)
            total += chunk.size();
        const auto it = m_writes.find(id);
        if (it != m_writes.end() && it->second->run == run && !it->second->failed) {
            WriteFile &entry = *it->second;
            QString error;
            bool full = false;
            qint64 done = 0;
#ifdef O_DIRECT
            if (entry.direct) {
                bool ok = false;
                done = entry.writeDirect(chunks, &ok);
                if (!ok) {
                    const int code = errno;
                    full = code == ENOSPC || code == EDQUOT;
                    error = QString::fromLocal8Bit(std::strerror(code));
                    done = -1; // whatever was staged is lost; the file holds entry.position bytes
                }
            } else
#endif
            {
                done = writeAll(entry.file, chunks, &error, &full);
                entry.position += done;
            }
            if (done != total) {
                entry.failed = true;
                const QStorageInfo storage(QFileInfo(entry.file.fileName()).absolutePath());
                full = full || (storage.isValid() && storage.bytesAvailable() < total - done);
                const QString message = full
                    ? TransferIo::tr("The disk holding %1 is full. %2 were saved; free some space, then resume.")
                          .arg(QDir::toNativeSeparators(entry.finalPath), sizeText(entry.position))
                    : TransferIo::tr("Writing %1 failed: %2")
                          .arg(QDir::toNativeSeparators(entry.file.fileName()), error);
                const qint64 onDisk = entry.position;
                entry.file.close();
                const auto kind = full ? TransferIo::WriteError::NoSpace : TransferIo::WriteError::Failed;
                report([f = m_facade, id, run, kind, onDisk, message] {
                    Q_EMIT f->writeFailed(id, run, kind, onDisk, message);
                });
            } else {
                for (const QByteArray &chunk : chunks)
                    entry.hash.addData(chunk);
                const qint64 position = entry.position;
                if (position - entry.lastReport >= ProgressEvery) {
                    entry.lastReport = position;
                    report([f = m_facade, id, run, position] { Q_EMIT f->written(id, run, position); });
                }
            }
        }
        {
            std::lock_guard lock(m_mutex);
            m_pending -= total;
        }
        m_drained.notify_all();
        report([f = m_facade, id, run, total] { Q_EMIT f->writeDone(id, run, total); });
    }

    void finishWrite(const QString &id, quint32 run, const QByteArray &expected)
    {
        const auto it = m_writes.find(id);
        if (it == m_writes.end() || it->second->run != run || it->second->failed)
            return; // the failure was reported already, or the run was stopped
        std::unique_ptr<WriteFile> entry = std::move(it->second);
        m_writes.erase(it);
        const QString part = entry->file.fileName();
        const bool flushed = entry->flushStage(true);
        const QString flushError = flushed ? QString() : QString::fromLocal8Bit(std::strerror(errno));
        entry->file.close();
        const QByteArray digest = entry->hash.result();
        QString error;
        QString final;
        if (!flushed) {
            error = TransferIo::tr("Writing %1 failed: %2").arg(QDir::toNativeSeparators(part), flushError);
        } else if (entry->file.error() != QFileDevice::NoError) {
            error = TransferIo::tr("Writing %1 failed: %2")
                        .arg(QDir::toNativeSeparators(part), entry->file.errorString());
        } else if (digest != expected) {
            QFile::remove(part);
            error = TransferIo::tr("The received data does not match the file's SHA-256 checksum, so it was deleted. "
                                   "Ask the sender to send it again.");
        } else {
            // Never overwrite: the chosen name, or the next free one if it appeared meanwhile
            // (not one whose ".part" another download holds).
            const QFileInfo target(entry->finalPath);
            const QString base = FileName::unnumbered(target.fileName());
            for (int n = 0; n < 10000 && final.isEmpty(); ++n) {
                const QString candidate
                    = n == 0 ? target.absoluteFilePath() : target.dir().filePath(FileName::numbered(base, n));
                const QString candidatePart = candidate + u".part";
                if (TransferIo::isFree(candidate) && (candidatePart == part || TransferIo::isFree(candidatePart))
                    && QFile::rename(part, candidate))
                    final = candidate;
            }
            if (final.isEmpty())
                error = TransferIo::tr("The verified file %1 could not be given its final name.")
                            .arg(QDir::toNativeSeparators(part));
        }
        report([f = m_facade, id, run, final, error] { Q_EMIT f->writeFinished(id, run, final, error); });
    }

    void closeWrite(const QString &id, bool removePart)
    {
        const auto it = m_writes.find(id);
        if (it == m_writes.end())
            return;
        const QString part = it->second->file.fileName();
        if (!removePart && !it->second->failed)
            (void)it->second->flushStage(true); // everything received stays for a resume
        it->second->file.close();
        m_writes.erase(it);
        if (removePart)
            QFile::remove(part);
    }

private:
    TransferIo *m_facade;
    std::atomic<qint64> &m_pending;
    std::mutex &m_mutex;
    std::condition_variable &m_drained;
    std::unordered_map<QString, std::unique_ptr<ReadFile>> m_reads;
    std::unordered_map<QString, std::unique_ptr<WriteFile>> m_writes;
};

struct TransferIo::Private
{
    QThread thread;
    std::atomic<qint64> pending { 0 };
    std::mutex mutex;
    std::condition_variable drained;
    TransferIoWorker *worker = nullptr;

    template<typename Fn> void post(Fn &&fn)
    {
        QMetaObject::invokeMethod(worker, std::forward<Fn>(fn), Qt::QueuedConnection);
    }
};

TransferIo::TransferIo(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<QList<FolderEntry>>();
    d->worker = new TransferIoWorker(this, d->pending, d->mutex, d->drained);
    d->worker->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("peerlink-transfer-io"));
    d->thread.start();
}

TransferIo::~TransferIo()
{
    // Queued after everything else: pending writes and closes reach the disk first.
    QMetaObject::invokeMethod(d->worker, [this] { d->thread.quit(); }, Qt::QueuedConnection);
    d->thread.wait();
    delete d->worker;
}

void TransferIo::listFolder(quint64 request, const QString &folder)
{
    d->post([w = d->worker, request, folder] { w->listFolder(request, folder); });
}

void TransferIo::hashFile(const QString &id, const QString &path)
{
    d->post([w = d->worker, id, path] { w->hashFile(id, path); });
}

void TransferIo::openRead(const QString &id, quint32 run, const QString &path, qint64 offset, qint64 size,
                          const QDateTime &modified)
{
    d->post(
        [w = d->worker, id, run, path, offset, size, modified] { w->openRead(id, run, path, offset, size, modified); });
}

void TransferIo::read(const QString &id, quint32 run, qint64 maxBytes)
{
    d->post([w = d->worker, id, run, maxBytes] { w->read(id, run, maxBytes); });
}

void TransferIo::closeRead(const QString &id)
{
    d->post([w = d->worker, id] { w->closeRead(id); });
}

void TransferIo::prepareWrite(const QString &id, quint32 run, const QString &partPath, const QString &finalPath,
                              const QString &rootDir, qint64 size)
{
    d->post([w = d->worker, id, run, partPath, finalPath, rootDir, size] {
        w->prepareWrite(id, run, partPath, finalPath, rootDir, size);
    });
}

void TransferIo::write(const QString &id, quint32 run, const QByteArray &data)
{
    write(id, run, QList<QByteArray> { data });
}

void TransferIo::write(const QString &id, quint32 run, const QList<QByteArray> &chunks)
{
    qint64 bytes = 0;
    for (const QByteArray &chunk : chunks)
        bytes += chunk.size();
    {
        std::lock_guard lock(d->mutex);
        d->pending += bytes;
    }
    d->post([w = d->worker, id, run, chunks] { w->write(id, run, chunks); });
}

void TransferIo::finishWrite(const QString &id, quint32 run, const QByteArray &expectedSha256)
{
    d->post([w = d->worker, id, run, expectedSha256] { w->finishWrite(id, run, expectedSha256); });
}

void TransferIo::closeWrite(const QString &id, bool removePart)
{
    d->post([w = d->worker, id, removePart] { w->closeWrite(id, removePart); });
}

void TransferIo::removeFile(const QString &path)
{
    d->post([path] { QFile::remove(path); });
}

qint64 TransferIo::pendingWriteBytes() const
{
    return d->pending.load();
}

bool TransferIo::waitForPendingWrites(qint64 atMost, int timeoutMs)
{
    std::unique_lock lock(d->mutex);
    return d->drained.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                               [this, atMost] { return d->pending <= atMost; });
}

bool TransferIo::isFree(const QString &path)
{
    const QFileInfo info(path);
    return !info.exists() && !info.isSymLink();
}

} // namespace Peerlink
