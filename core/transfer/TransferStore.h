// TransferStore: the transfers of one account in the profile database (area "transfers"), so
// that partial downloads and unfinished offers survive a restart and resume from where they
// stopped. Main thread only (Database); progress is saved at a modest rate, the byte count of
// a partial download is always taken from its ".part" file.
#pragma once

#include "core/transfer/Transfer.h"

#include <QList>
#include <QString>

namespace Peerlink {

class Database;

class TransferStore
{
public:
    struct Record
    {
        Transfer transfer;
        QString contentName; // the Jingle content name, chosen by the sender, stable across sessions
        QString partPath; // incoming: the ".part" file holding the bytes so far
        bool accepted = false; // incoming: the user (or a rule) accepted it
        bool notifyPeer = false; // a cancel or decline still has to reach the peer
        bool operator==(const Record &other) const = default;
    };

    // Creates or updates the tables; check isValid().
    TransferStore(Database &database, const QString &account);
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    QList<Record> load() const;
    // Inserts or replaces the record with this transfer id.
    bool save(const Record &record);
    bool remove(const QString &id);

private:
    Database &m_database;
    QString m_account;
    bool m_valid = false;
    mutable QString m_error;
};

} // namespace Peerlink
