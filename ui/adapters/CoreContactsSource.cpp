#include "ui/adapters/CoreContactsSource.h"

#include "core/xmpp/Account.h"

namespace Peerlink {

CoreContactsSource::CoreContactsSource(Account &account, QObject *parent)
    : ContactsSource(parent)
    , m_account(account)
{
    connect(&account, &Account::contactsReset, this, &ContactsSource::contactsReset);
    connect(&account, &Account::contactChanged, this, &ContactsSource::contactChanged);
    connect(&account, &Account::contactRemoved, this, &ContactsSource::contactRemoved);
    connect(&account, &Account::subscriptionRequested, this, &ContactsSource::subscriptionRequested);
}

QList<RosterContact> CoreContactsSource::contacts() const
{
    return m_account.contacts();
}

std::optional<RosterContact> CoreContactsSource::contact(const QString &bareJid) const
{
    return m_account.contact(bareJid);
}

bool CoreContactsSource::addContact(const QString &bareJid, const QString &name, QString *error)
{
    const QString jid = bareJid.trimmed();
    const qsizetype at = jid.indexOf(u'@');
    if (at <= 0 || at == jid.size() - 1 || jid.contains(u'/') || jid.contains(u' ')) {
        if (error)
            *error = tr("\"%1\" is not an address. Enter it as name@example.org.").arg(jid);
        return false;
    }
    if (m_account.state() != Account::State::Connected) {
        if (error)
            *error = tr("You are not signed in. Contacts can be added once you are online.");
        return false;
    }
    if (!m_account.addContact(jid, name)) {
        if (error)
            *error = tr("%1 could not be added to your contacts.").arg(jid);
        return false;
    }
    return true;
}

bool CoreContactsSource::removeContact(const QString &bareJid)
{
    return m_account.removeContact(bareJid);
}

bool CoreContactsSource::approveSubscription(const QString &bareJid)
{
    return m_account.approveSubscription(bareJid);
}

bool CoreContactsSource::refuseSubscription(const QString &bareJid)
{
    return m_account.refuseSubscription(bareJid);
}

} // namespace Peerlink
