// CoreContactsSource: the ContactsSource of the real engine, over core/xmpp Account.
#pragma once

#include "ui/backend/ContactsSource.h"

namespace Peerlink {

class Account;

class CoreContactsSource : public ContactsSource
{
    Q_OBJECT
public:
    // account must outlive this object.
    explicit CoreContactsSource(Account &account, QObject *parent = nullptr);

    QList<RosterContact> contacts() const override;
    std::optional<RosterContact> contact(const QString &bareJid) const override;
    bool addContact(const QString &bareJid, const QString &name, QString *error) override;
    bool removeContact(const QString &bareJid) override;
    bool approveSubscription(const QString &bareJid) override;
    bool refuseSubscription(const QString &bareJid) override;

private:
    Account &m_account;
};

} // namespace Peerlink
