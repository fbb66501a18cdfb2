// TrustStore: the device fingerprints of each peer, remembered on first use (TOFU). A peer may
// have several devices; a fingerprint not seen before for a known peer is a change the user
// must see before it is trusted.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Peerlink {

class Database;

class TrustStore
{
public:
    enum class Verdict {
        FirstUse, // nothing known about this peer yet
        Known, // this fingerprint was remembered before
        Changed, // the peer is known, with other fingerprints only
    };

    // Creates or updates the trust tables; check isValid().
    TrustStore(Database &database, const QString &account);
    bool isValid() const { return m_valid; }

    Verdict check(const QString &peer, const QByteArray &fingerprint) const;
    // Remembers (or refreshes last_seen of) a fingerprint for peer. False on a database error.
    bool remember(const QString &peer, const QByteArray &fingerprint);
    bool forget(const QString &peer, const QByteArray &fingerprint);
    QList<QByteArray> fingerprints(const QString &peer) const;

private:
    Database &m_database;
    QString m_account;
    bool m_valid = false;
};

} // namespace Peerlink
