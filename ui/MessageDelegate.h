// MessageDelegate: draws a message as a chat bubble (ours on the right, the contact's on the
// left) with its time, correction mark, path (P2P or server) and delivery state, and a date
// header above the first message of each day.
#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace Peerlink {

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The bubble's rectangle within an item rectangle (for hit tests).
    QRect bubbleRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

private:
    struct Geometry
    {
        QRectF day;
        QRectF bubble;
        QRectF text;
        QRectF footer;
        int height = 0;
    };
    Geometry geometry(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    QFont footerFont(const QFont &base) const;
    QString footerText(const QModelIndex &index) const;

    QAbstractItemView *m_view;
};

} // namespace Peerlink
