// ContactListWidget: the roster as a list of ContactRows (online contacts first, then by name)
// with a search field. Keeps itself up to date from the backend: presence, connection states,
// unread counts and typing. Up/Down move between contacts, Enter opens the conversation.
#pragma once

#include "ui/backend/Backend.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QScrollArea;
class QVBoxLayout;

namespace Peerlink {

class ContactRow;

class ContactListWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ContactListWidget(const Backend &backend, QWidget *parent = nullptr);

    QString currentJid() const { return m_current; }
    void setCurrentJid(const QString &jid);
    ContactRow *row(const QString &jid) const;
    // The rows in display order (filtered ones included, hidden).
    QList<ContactRow *> rows() const;
    QLineEdit *searchField() const { return m_search; }

Q_SIGNALS:
    void currentChanged(const QString &jid);
    void detailsRequested(const QString &jid);
    void filesDropped(const QString &jid, const QStringList &paths);
    void sendFilesRequested(const QString &jid);
    void errorOccurred(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reload();
    void updateContact(const QString &jid);
    void removeContact(const QString &jid);
    void updateConnection(const QString &jid);
    void updateUnread();
    void sortRows();
    void applyFilter();
    void connectTo(const QString &jid);
    void showContextMenu(const QString &jid, const QPoint &globalPos);
    void moveSelection(int step);

    Backend m_backend;
    QLineEdit *m_search;
    QScrollArea *m_scroll;
    QWidget *m_container;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_empty;
    QHash<QString, ContactRow *> m_rows;
    QList<ContactRow *> m_order;
    QString m_current;
};

} // namespace Peerlink
