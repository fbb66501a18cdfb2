#include "ui/ContactListWidget.h"

#include "ui/ContactRow.h"
#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/backend/ChatSource.h"
#include "ui/backend/ConnectionController.h"
#include "ui/backend/ContactsSource.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace Peerlink {

ContactListWidget::ContactListWidget(const Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_search(new QLineEdit(this))
    , m_scroll(new QScrollArea(this))
    , m_container(new QWidget)
    , m_rowsLayout(new QVBoxLayout(m_container))
    , m_empty(new QLabel(m_container))
{
    setObjectName(QStringLiteral("contactList"));
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setPlaceholderText(tr("Search contacts"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_search, &QLineEdit::textChanged, this, &ContactListWidget::applyFilter);
    m_search->installEventFilter(this);

    m_container->setObjectName(QStringLiteral("contactRows"));
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(0);
    m_empty->setObjectName(QStringLiteral("emptyContacts"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(16);
    m_rowsLayout->addWidget(m_empty);
    m_rowsLayout->addStretch(1);

    m_scroll->setObjectName(QStringLiteral("contactScroll"));
    m_scroll->setWidget(m_container);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setAccessibleName(tr("Contacts"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *searchBox = new QVBoxLayout;
    searchBox->setContentsMargins(10, 0, 10, 0);
    searchBox->addWidget(m_search);
    layout->addLayout(searchBox);
    layout->addWidget(m_scroll, 1);

    connect(m_backend.contacts, &ContactsSource::contactsReset, this, &ContactListWidget::reload);
    connect(m_backend.contacts, &ContactsSource::contactChanged, this, &ContactListWidget::updateContact);
    connect(m_backend.contacts, &ContactsSource::contactRemoved, this, &ContactListWidget::removeContact);
    connect(m_backend.connections, &ConnectionController::connectionChanged, this,
            &ContactListWidget::updateConnection);
    connect(m_backend.chat, &ChatSource::unreadChanged, this, &ContactListWidget::updateUnread);
    connect(m_backend.chat, &ChatSource::messageAdded, this, &ContactListWidget::updateUnread);
    connect(m_backend.chat, &ChatSource::typingChanged, this, [this](const QString &jid, ChatState state) {
        if (ContactRow *r = row(jid))
            r->setTyping(state == ChatState::Composing);
    });
    reload();
}

ContactRow *ContactListWidget::row(const QString &jid) const
{
    return m_rows.value(jid);
}

QList<ContactRow *> ContactListWidget::rows() const
{
    return m_order;
}

void ContactListWidget::reload()
{
    const QList<RosterContact> contacts = m_backend.contacts->contacts();
    QSet<QString> present;
    for (const RosterContact &contact : contacts) {
        present.insert(contact.bareJid);
        updateContact(contact.bareJid);
    }
    const QStringList known = m_rows.keys();
    for (const QString &jid : known) {
        if (!present.contains(jid))
            removeContact(jid);
    }
    updateUnread();
    sortRows();
}

void ContactListWidget::updateContact(const QString &jid)
{
    const auto contact = m_backend.contacts->contact(jid);
    if (!contact) {
        removeContact(jid);
        return;
    }
    ContactRow *r = m_rows.value(jid);
    if (!r) {
        r = new ContactRow(*contact, m_container);
        r->installEventFilter(this);
        m_rows.insert(jid, r);
        m_order.append(r);
        connect(r, &ContactRow::activated, this, &ContactListWidget::setCurrentJid);
        connect(r, &ContactRow::connectRequested, this, &ContactListWidget::connectTo);
        connect(r, &ContactRow::disconnectRequested, this,
                [this](const QString &id) { m_backend.connections->disconnectFromContact(id); });
        connect(r, &ContactRow::detailsRequested, this, &ContactListWidget::detailsRequested);
        connect(r, &ContactRow::filesDropped, this, &ContactListWidget::filesDropped);
        connect(r, &ContactRow::contextMenuRequested, this, &ContactListWidget::showContextMenu);
        r->setConnection(m_backend.connections->connection(jid));
        r->setUnread(m_backend.chat->unreadCount(jid));
        r->setTyping(m_backend.chat->typingState(jid) == ChatState::Composing);
        r->setSelected(jid == m_current);
    } else {
        r->setContact(*contact);
    }
    sortRows();
}

void ContactListWidget::removeContact(const QString &jid)
{
    ContactRow *r = m_rows.take(jid);
    if (!r)
        return;
    m_order.removeAll(r);
    r->deleteLater();
    if (m_current == jid) {
        m_current.clear();
        Q_EMIT currentChanged(QString());
    }
    sortRows();
}

void ContactListWidget::updateConnection(const QString &jid)
{
    if (ContactRow *r = row(jid))
        r->setConnection(m_backend.connections->connection(jid));
}

void ContactListWidget::updateUnread()
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        it.value()->setUnread(m_backend.chat->unreadCount(it.key()));
}

void ContactListWidget::sortRows()
{
    std::stable_sort(m_order.begin(), m_order.end(), [](const ContactRow *a, const ContactRow *b) {
        if (a->contact().isOnline() != b->contact().isOnline())
            return a->contact().isOnline();
        const int byName = a->displayName().localeAwareCompare(b->displayName());
        return byName != 0 ? byName < 0 : a->jid() < b->jid();
    });
    for (int i = 0; i < m_order.size(); ++i) {
        const int at = m_rowsLayout->indexOf(m_order[i]);
        if (at != i + 1) { // index 0 is the "no contacts" label
            m_rowsLayout->removeWidget(m_order[i]);
            m_rowsLayout->insertWidget(i + 1, m_order[i]);
        }
    }
    // Tab order follows the display order: row, its Connect button, next row, ...
    QWidget *previous = m_search;
    for (ContactRow *r : std::as_const(m_order)) {
        setTabOrder(previous, r);
        setTabOrder(r, r->findChild<QWidget *>(QStringLiteral("connectButton")));
        previous = r->findChild<QWidget *>(QStringLiteral("connectButton"));
    }
    applyFilter();
}

void ContactListWidget::applyFilter()
{
    const QString needle = m_search->text().trimmed();
    int shown = 0;
    for (ContactRow *r : std::as_const(m_order)) {
        const bool match = needle.isEmpty() || r->displayName().contains(needle, Qt::CaseInsensitive)
            || r->jid().contains(needle, Qt::CaseInsensitive);
        r->setVisible(match);
        shown += match ? 1 : 0;
    }
    if (m_order.isEmpty())
        m_empty->setText(tr("No contacts yet.\nAdd someone with the “Add contact” button above."));
    else if (shown == 0)
        m_empty->setText(tr("No contact matches “%1”.").arg(needle));
    m_empty->setVisible(shown == 0);
}

void ContactListWidget::setCurrentJid(const QString &jid)
{
    if (jid == m_current)
        return;
    m_current = jid;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        it.value()->setSelected(it.key() == jid);
    if (ContactRow *r = row(jid))
        m_scroll->ensureWidgetVisible(r, 0, 0);
    Q_EMIT currentChanged(jid);
}

void ContactListWidget::connectTo(const QString &jid)
{
    QString error;
    if (!m_backend.connections->connectToContact(jid, &error) && !error.isEmpty())
        Q_EMIT errorOccurred(error);
}

void ContactListWidget::showContextMenu(const QString &jid, const QPoint &globalPos)
{
    ContactRow *r = row(jid);
    if (!r)
        return;
    const ConnectionInfo info = m_backend.connections->connection(jid);
    QMenu menu(this);
    menu.addAction(Icons::icon(QStringLiteral("chat")), tr("Open conversation"), this,
                   [this, jid] { setCurrentJid(jid); });
    if (info.isActive()) {
        if (info.state == ConnectionInfo::State::Connected)
            menu.addAction(Icons::icon(QStringLiteral("info")), tr("Connection details…"), this,
                           [this, jid] { Q_EMIT detailsRequested(jid); });
        menu.addAction(Icons::icon(QStringLiteral("disconnect")), tr("Disconnect"), this,
                       [this, jid] { m_backend.connections->disconnectFromContact(jid); });
    } else {
        QAction *connectAction = menu.addAction(Icons::icon(QStringLiteral("connect")), tr("Connect"), this,
                                                [this, jid] { connectTo(jid); });
        connectAction->setEnabled(r->contact().isOnline());
    }
    menu.addAction(Icons::icon(QStringLiteral("attach")), tr("Send files…"), this,
                   [this, jid] { Q_EMIT sendFilesRequested(jid); });
    menu.addSeparator();
    menu.addAction(tr("Remove contact…"), this, [this, jid, name = r->displayName()] {
        const auto answer = QMessageBox::question(
            this, tr("Remove contact"),
            tr("Remove %1 (%2) from your contacts? You will no longer see each other's presence.").arg(name, jid),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer == QMessageBox::Yes)
            m_backend.contacts->removeContact(jid);
    });
    menu.exec(globalPos);
}

void ContactListWidget::moveSelection(int step)
{
    QList<ContactRow *> visible;
    for (ContactRow *r : std::as_const(m_order)) {
        if (r->isVisible())
            visible.append(r);
    }
    if (visible.isEmpty())
        return;
    int index = -1;
    for (int i = 0; i < visible.size(); ++i) {
        if (visible[i]->hasFocus() || visible[i]->isAncestorOf(focusWidget()))
            index = i;
    }
    index = index < 0 ? (step > 0 ? 0 : int(visible.size()) - 1) : qBound(0, index + step, int(visible.size()) - 1);
    visible[index]->setFocus(Qt::OtherFocusReason);
    m_scroll->ensureWidgetVisible(visible[index], 0, 0);
}

bool ContactListWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const bool fromSearch = watched == m_search;
            if (!fromSearch || key->key() == Qt::Key_Down) {
                moveSelection(key->key() == Qt::Key_Down ? 1 : -1);
                return true;
            }
        }
        if (watched == m_search && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            for (ContactRow *r : std::as_const(m_order)) {
                if (r->isVisible()) {
                    setCurrentJid(r->jid());
                    return true;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Peerlink
