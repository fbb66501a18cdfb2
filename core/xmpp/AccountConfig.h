// What an Account needs to log in. Plain value type; the password comes from the key store.
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Peerlink {

struct AccountConfig
{
    // user@domain, optionally with a /resource (otherwise one is chosen per Account).
    QString jid;
    QString password;
    // Optional server address; empty: the domain's SRV records, then the domain itself.
    QString host;
    quint16 port = 0; // with host; 0 means 5222
    // Certificate authorities trusted in addition to the system's (e.g. a company CA).
    QList<QSslCertificate> trustedCaCertificates;
    // SHA-256 digests (32 raw bytes) of server certificates the user accepted as they are,
    // even if no trusted authority signed them. See ServerCertificateProblem::parseFingerprint().
    QList<QByteArray> pinnedCertificates;

    bool operator==(const AccountConfig &) const = default;
};

} // namespace Peerlink
