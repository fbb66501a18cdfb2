#include "ui/MessageListModel.h"

#include "ui/Format.h"

#include <QLocale>

#include <algorithm>

namespace Peerlink {

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void MessageListModel::setMessages(const QList<ChatMessage> &messages, const QString &peerName)
{
    beginResetModel();
    m_messages = messages;
    m_peerName = peerName;
    endResetModel();
}

void MessageListModel::prepend(const QList<ChatMessage> &older)
{
    if (older.isEmpty())
        return;
    beginInsertRows(QModelIndex(), 0, int(older.size()) - 1);
    m_messages = older + m_messages;
    endInsertRows();
    if (older.size() < m_messages.size()) {
        const QModelIndex first = index(int(older.size()));
        Q_EMIT dataChanged(first, first); // its day header may go away
    }
}

void MessageListModel::upsert(const ChatMessage &message)
{
    const int row = rowOf(message.id);
    if (row >= 0) {
        m_messages[row] = message;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    const auto at = std::upper_bound(m_messages.cbegin(), m_messages.cend(), message,
                                     [](const ChatMessage &a, const ChatMessage &b) { return a.seq < b.seq; });
    const int position = int(at - m_messages.cbegin());
    beginInsertRows(QModelIndex(), position, position);
    m_messages.insert(position, message);
    endInsertRows();
}

void MessageListModel::clear()
{
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

ChatMessage MessageListModel::message(int row) const
{
    return row >= 0 && row < m_messages.size() ? m_messages[row] : ChatMessage();
}

int MessageListModel::rowOf(const QString &id) const
{
    for (int i = int(m_messages.size()) - 1; i >= 0; --i) {
        if (m_messages[i].id == id)
            return i;
    }
    return -1;
}

qint64 MessageListModel::firstSeq() const
{
    return m_messages.isEmpty() ? -1 : m_messages.first().seq;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

bool MessageListModel::isDayBreak(int row) const
{
    if (row == 0)
        return true;
    return m_messages[row].timestamp.toLocalTime().date() != m_messages[row - 1].timestamp.toLocalTime().date();
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const ChatMessage &message = m_messages[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return message.text;
    case MessageRole:
        return QVariant::fromValue(message);
    case StateRole:
        return int(message.state);
    case PathRole:
        return int(message.path);
    case OutgoingRole:
        return message.isOutgoing();
    case DayBreakRole:
        return isDayBreak(index.row());
    case StatusTextRole: {
        QStringList parts { Format::messageTime(message.timestamp) };
        if (message.isCorrected())
            parts.append(tr("edited"));
        if (!Format::messagePath(message.path).isEmpty())
            parts.append(Format::messagePath(message.path));
        if (message.isOutgoing())
            parts.append(Format::messageState(message.state));
        return parts.join(QStringLiteral(" · "));
    }
    case Qt::ToolTipRole: {
        QString tip = QLocale().toString(message.timestamp.toLocalTime(), QLocale::LongFormat);
        if (message.isOutgoing())
            tip += u'\n' + Format::messageState(message.state);
        if (message.path != ChatMessage::Path::None)
            tip += u'\n'
                + (message.path == ChatMessage::Path::PeerToPeer ? tr("Carried over the direct, encrypted connection")
                                                                 : tr("Carried by your XMPP server"));
        if (!message.error.isEmpty())
            tip += u'\n' + message.error;
        return tip;
    }
    case Qt::AccessibleTextRole: {
        const QString who = message.isOutgoing() ? tr("You") : m_peerName;
        return tr("%1 at %2: %3. %4")
            .arg(who, Format::messageTime(message.timestamp), message.text, data(index, StatusTextRole).toString());
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(MessageRole, "message");
    names.insert(StateRole, "state");
    names.insert(PathRole, "path");
    names.insert(OutgoingRole, "outgoing");
    names.insert(DayBreakRole, "dayBreak");
    names.insert(StatusTextRole, "statusText");
    return names;
}

} // namespace Peerlink
