// TransferService: file transfer with the contacts of one account, over the QUIC channel of
// their Jingle sessions (docs/transfer.md). A file is offered with a Jingle content-add carrying
// its XEP-0234 description (name, size, media type, date, SHA-256) and the id of the QUIC stream
// its bytes will travel on; several transfers run at once, in both directions.
//
// The receiver accepts (optionally choosing where to save), declines, or has it accepted by a
// rule (a contact and a size limit). Received names are sanitised (FileName), nothing is ever
// overwritten, the data goes to a ".part" file that is renamed only after the whole file matched
// its checksum. Transfers pause and resume from either side, and survive a broken path or a
// restart of either app: the state is kept in the database, the partial file on disk, and the
// transfer continues from its offset when the peer is reachable again.
//
// Main thread object; all file work runs on a worker thread (TransferIo). Memory stays bounded:
// files are streamed in chunks with the channel's backpressure.
#pragma once

#include "core/transfer/Transfer.h"
#include "core/transfer/TransferSettings.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Peerlink {

class Account;
class Database;
class SessionManager;

class TransferService : public QObject
{
    Q_OBJECT
public:
    // account, sessions and database must outlive the service. Transfers stored by an earlier
    // run are loaded; those that were running continue when their peer is reachable.
    TransferService(Account &account, SessionManager &sessions, Database &database,
                    const TransferSettings &settings = {}, QObject *parent = nullptr);
    ~TransferService() override;

    // False when the database could not be set up; errorString() says why.
    bool isValid() const;
    QString errorString() const;

    TransferSettings settings() const;
    void setSettings(const TransferSettings &settings);

    // Offers files and folders (with their structure) to a contact. The transfers appear at once
    // (transferAdded; folders once listed) and are offered as soon as a session with the contact
    // is connected (one is started when needed). False with *error when nothing can be sent.
    bool sendFiles(const QString &bareJid, const QStringList &paths, QString *error = nullptr);

    // Accepts an incoming offer, into the download folder or at saveAs (a file path; a free
    // name beside it is taken if it exists). Free space is checked first; if it is short, the
    // offer stays open and its error says so.
    bool accept(const QString &id, const QString &saveAs = {}, QString *error = nullptr);
    bool decline(const QString &id, QString *error = nullptr);
    bool pause(const QString &id, QString *error = nullptr);
    bool resume(const QString &id, QString *error = nullptr);
    // Cancels a transfer that is not finished, telling the peer; a partial download is deleted.
    bool cancel(const QString &id, QString *error = nullptr);
    // Removes a finished transfer from the list (the file itself stays).
    bool forget(const QString &id);

    QList<Transfer> transfers() const;
    std::optional<Transfer> transfer(const QString &id) const;

Q_SIGNALS:
    void transferAdded(const Peerlink::Transfer &transfer);
    // An incoming offer waits for the user (it was not accepted by a rule).
    void offerReceived(const Peerlink::Transfer &transfer);
    // State, progress (a few times a second at most), speed, time left or error changed.
    void transferChanged(const Peerlink::Transfer &transfer);
    // The transfer reached a final state: Completed, Failed, Cancelled or Declined.
    void finished(const Peerlink::Transfer &transfer);

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
