// TransferIo: all file work of the transfers (listing folders, checksums, reading what is sent,
// writing what is received into ".part" files, the final check and rename) on a worker thread
// of its own, so the main thread never touches file data in bulk. Calls return at once; the
// results come back as signals on the owner's thread. Every call carries the transfer id and a
// run number: a result of an earlier run (before a pause or a reconnect) can be told apart.
//
// Written data is queued to the worker; writeDone() reports each write handled, so the owner can
// give the sender credit only for data that reached the disk (SecureChannel::consumed()), and
// pendingWriteBytes() tells how much waits.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Peerlink {

class TransferIo : public QObject
{
    Q_OBJECT
public:
    enum class WriteError {
        None,
        NoSpace, // the disk (or quota) is full; the data written so far is kept
        Failed, // anything else, see the message
    };
    Q_ENUM(WriteError)

    struct FolderEntry
    {
        QString path; // absolute path of the file
        QString relativeName; // "Folder/sub/file.txt", '/' separated, starting with the folder's name
    };

    // Reads and checksums run in chunks of this size.
    static constexpr qint64 ChunkSize = 1024 * 1024;
    // A folder with more files than this is refused.
    static constexpr int MaxFolderFiles = 100000;

    explicit TransferIo(QObject *parent = nullptr);
    // Stops the worker after the work already queued (pending writes reach the disk).
    ~TransferIo() override;

    // Files below folder, symbolic links skipped, in a stable order.
    void listFolder(quint64 request, const QString &folder);
    void hashFile(const QString &id, const QString &path);

    // Sending: opens path at offset after checking it still has this size and modification
    // time; each read() delivers the next chunk of at most maxBytes.
    void openRead(const QString &id, quint32 run, const QString &path, qint64 offset, qint64 size,
                  const QDateTime &modified);
    void read(const QString &id, quint32 run, qint64 maxBytes);
    void closeRead(const QString &id);

    // Receiving: with an existing partPath, continues it (its current length is the offset);
    // otherwise makes the folders of finalPath and creates a new ".part" file beside it, under
    // a name that neither exists nor has a ".part" yet ("a (1).txt"). When rootDir is given,
    // the folder must lie inside it (symbolic links included). Checks that the rest of the file
    // fits on the disk.
    void prepareWrite(const QString &id, quint32 run, const QString &partPath, const QString &finalPath,
                      const QString &rootDir, qint64 size);
    void write(const QString &id, quint32 run, const QByteArray &data);
    // Several chunks at once (one wake-up of the worker for all of them).
    void write(const QString &id, quint32 run, const QList<QByteArray> &chunks);
    // Closes the part file and compares its SHA-256 with expected: on a match renames it to
    // the final path (another free name if that is taken meanwhile; nothing is overwritten),
    // else deletes it.
    void finishWrite(const QString &id, quint32 run, const QByteArray &expectedSha256);
    // Closes the part file (flushing what was written), deleting it when removePart.
    void closeWrite(const QString &id, bool removePart);
    // Deletes a part file that is not open (a transfer cancelled while stopped).
    void removeFile(const QString &path);

    qint64 pendingWriteBytes() const;
    // Blocks until at most atMost bytes are queued for writing; false on timeout.
    bool waitForPendingWrites(qint64 atMost, int timeoutMs);

    // Whether path is free for a new file: no file, directory or (dangling) link by that name.
    static bool isFree(const QString &path);

Q_SIGNALS:
    void folderListed(quint64 request, const QList<Peerlink::TransferIo::FolderEntry> &entries, const QString &error);
    void fileHashed(const QString &id, qint64 size, const QDateTime &modified, const QByteArray &sha256,
                    const QString &error);
    void chunkRead(const QString &id, quint32 run, const QByteArray &data);
    void readFailed(const QString &id, quint32 run, const QString &error);
    void writePrepared(const QString &id, quint32 run, const QString &partPath, const QString &finalPath, qint64 offset,
                       Peerlink::TransferIo::WriteError error, const QString &message);
    // Progress on disk, every few MiB.
    void written(const QString &id, quint32 run, qint64 bytesOnDisk);
    // One write() call was handled: its bytes are on the disk, or were dropped (a failed or
    // stopped run); either way they no longer take memory.
    void writeDone(const QString &id, quint32 run, qint64 bytes);
    // The data up to bytesOnDisk is kept in the part file; later writes of the run are dropped.
    void writeFailed(const QString &id, quint32 run, Peerlink::TransferIo::WriteError error, qint64 bytesOnDisk,
                     const QString &message);
    // error is empty when the file matched and was renamed to finalPath.
    void writeFinished(const QString &id, quint32 run, const QString &finalPath, const QString &error);

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
