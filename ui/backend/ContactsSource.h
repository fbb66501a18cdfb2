// ContactsSource: the roster with presence, and the few things the user does with it. Qt and
// core value types only; CoreContactsSource adapts core/xmpp Account, tests use a fake.
#pragma once

#include "core/xmpp/RosterContact.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Peerlink {

class ContactsSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QList<RosterContact> contacts() const = 0;
    virtual std::optional<RosterContact> contact(const QString &bareJid) const = 0;

    // Adds a contact and asks to see their presence. False with *error when it cannot.
    virtual bool addContact(const QString &bareJid, const QString &name, QString *error) = 0;
    virtual bool removeContact(const QString &bareJid) = 0;
    virtual bool approveSubscription(const QString &bareJid) = 0;
    virtual bool refuseSubscription(const QString &bareJid) = 0;

Q_SIGNALS:
    void contactsReset();
    void contactChanged(const QString &bareJid);
    void contactRemoved(const QString &bareJid);
    // Someone asks to see our presence (and to become a contact).
    void subscriptionRequested(const QString &bareJid);
};

} // namespace Peerlink
