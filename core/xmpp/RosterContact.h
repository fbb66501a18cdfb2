// One roster entry with its presence, as the Account exposes it (Qt types only).
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Peerlink {

struct RosterContact
{
    Q_GADGET

public:
    // Who receives whose presence (RFC 6121): To = we see theirs, From = they see ours.
    enum class Subscription { None, To, From, Both };
    Q_ENUM(Subscription)

    enum class Availability { Offline, Online, Chat, Away, ExtendedAway, DoNotDisturb };
    Q_ENUM(Availability)

    QString bareJid;
    QString name;
    Subscription subscription = Subscription::None;
    bool subscriptionPending = false; // we asked to see their presence, no answer yet
    Availability availability = Availability::Offline;
    QString statusText;
    QStringList resources; // online resources (full JID = bareJid + '/' + resource)

    bool isOnline() const { return availability != Availability::Offline; }
    bool isMutual() const { return subscription == Subscription::Both; }
    bool operator==(const RosterContact &) const = default;
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::RosterContact)
