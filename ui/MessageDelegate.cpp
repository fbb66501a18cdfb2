#include "ui/MessageDelegate.h"

#include "core/chat/ChatMessage.h"
#include "ui/Format.h"
#include "ui/MessageListModel.h"

#include <QAbstractItemView>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace Peerlink {

namespace {
constexpr int SideMargin = 14;
constexpr int VerticalMargin = 3;
constexpr int PaddingX = 11;
constexpr int PaddingY = 7;
constexpr int FooterGap = 3;
constexpr int DayHeight = 30;
constexpr qreal Radius = 12;

QString bubbleText(const QString &text)
{
    QString result = text;
    result.replace(u'\n', QChar::LineSeparator);
    return result;
}

// Lays out text within maxWidth (breaking long words too); returns the size it takes.
QSizeF layoutText(QTextLayout &layout, qreal maxWidth)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    qreal width = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(maxWidth);
        line.setPosition(QPointF(0, height));
        height += line.height();
        width = qMax(width, line.naturalTextWidth());
    }
    layout.endLayout();
    return QSizeF(std::ceil(width), std::ceil(height));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QString stateMark(ChatMessage::State state)
{
    switch (state) {
    case ChatMessage::State::Pending:
        return QStringLiteral("◷");
    case ChatMessage::State::Sent:
        return QStringLiteral("✓");
    case ChatMessage::State::Delivered:
    case ChatMessage::State::Read:
        return QStringLiteral("✓✓");
    case ChatMessage::State::Failed:
        return QStringLiteral("!");
    }
    return {};
}
} // namespace

MessageDelegate::MessageDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{ }

QFont MessageDelegate::footerFont(const QFont &base) const
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.82);
    else
        font.setPixelSize(qMax(8, int(font.pixelSize() * 0.82)));
    return font;
}

QString MessageDelegate::footerText(const QModelIndex &index) const
{
    const ChatMessage message = index.data(MessageListModel::MessageRole).value<ChatMessage>();
    QStringList parts { Format::messageTime(message.timestamp) };
    if (message.isCorrected())
        parts.append(tr("edited"));
    if (message.path != ChatMessage::Path::None)
        parts.append(Format::messagePath(message.path));
    QString text = parts.join(QStringLiteral(" · "));
    if (message.isOutgoing()) {
        if (message.state == ChatMessage::State::Failed)
            text += QStringLiteral(" · ") + tr("Not sent");
        else
            text += u' ' + stateMark(message.state);
    }
    return text;
}

MessageDelegate::Geometry MessageDelegate::geometry(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                    int width) const
{
    Geometry g;
    qreal top = VerticalMargin;
    if (index.data(MessageListModel::DayBreakRole).toBool()) {
        g.day = QRectF(0, top + 4, width, DayHeight - 8);
        top += DayHeight;
    }
    const bool outgoing = index.data(MessageListModel::OutgoingRole).toBool();
    const qreal maxBubble = qMax(160.0, (width - 2 * SideMargin) * 0.75);
    QTextLayout layout(bubbleText(index.data(Qt::DisplayRole).toString()), option.font);
    const QSizeF text = layoutText(layout, maxBubble - 2 * PaddingX);
    const QFontMetricsF footerMetrics(footerFont(option.font));
    const QSizeF footer(std::ceil(footerMetrics.horizontalAdvance(footerText(index))),
                        std::ceil(footerMetrics.height()));
    const qreal innerWidth = qMin(maxBubble - 2 * PaddingX, qMax(text.width(), footer.width()));
    const qreal bubbleWidth = innerWidth + 2 * PaddingX;
    const qreal bubbleHeight = PaddingY + text.height() + FooterGap + footer.height() + PaddingY;
    const qreal left = outgoing ? width - SideMargin - bubbleWidth : SideMargin;
    g.bubble = QRectF(left, top, bubbleWidth, bubbleHeight);
    g.text = QRectF(left + PaddingX, top + PaddingY, innerWidth, text.height());
    g.footer = QRectF(left + PaddingX, g.text.bottom() + FooterGap, innerWidth, footer.height());
    g.height = int(std::ceil(top + bubbleHeight + VerticalMargin));
    return g;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view ? m_view->viewport()->width() : option.rect.width();
    return QSize(width, geometry(option, index, width).height);
}

QRect MessageDelegate::bubbleRect(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Geometry g = geometry(option, index, option.rect.width());
    return g.bubble.translated(option.rect.topLeft()).toAlignedRect();
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    const Geometry g = geometry(option, index, option.rect.width());
    const QPointF origin = option.rect.topLeft();
    const QPalette &palette = option.palette;
    const bool dark = isDark(palette);
    const bool outgoing = index.data(MessageListModel::OutgoingRole).toBool();
    const auto state = ChatMessage::State(index.data(MessageListModel::StateRole).toInt());

    if (!g.day.isNull()) {
        const ChatMessage message = index.data(MessageListModel::MessageRole).value<ChatMessage>();
        const QString day = Format::day(message.timestamp.toLocalTime().date());
        QFont font = footerFont(option.font);
        font.setBold(true);
        const QFontMetricsF metrics(font);
        const qreal pillWidth = metrics.horizontalAdvance(day) + 20;
        const QRectF pill(origin.x() + (g.day.width() - pillWidth) / 2, origin.y() + g.day.top(), pillWidth,
                          g.day.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(dark ? QColor(0x37, 0x3e, 0x47) : QColor(0xe3, 0xe6, 0xea));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setFont(font);
        painter->setPen(dark ? QColor(0xc9, 0xd1, 0xd9) : QColor(0x57, 0x60, 0x6a));
        painter->drawText(pill, Qt::AlignCenter, day);
    }

    QColor bubble;
    QColor text;
    QColor footer;
    if (outgoing) {
        bubble = state == ChatMessage::State::Failed ? QColor(0xb6, 0x23, 0x24) : QColor(0x1f, 0x6f, 0xeb);
        text = Qt::white;
        footer = QColor(255, 255, 255, 205);
    } else {
        bubble = dark ? QColor(0x2d, 0x33, 0x3b) : QColor(Qt::white);
        text = palette.color(QPalette::Text);
        footer = dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81);
    }
    const QRectF bubbleRect = g.bubble.translated(origin);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(Qt::NoPen);
        QColor highlight = palette.color(QPalette::Highlight);
        highlight.setAlpha(40);
        painter->setBrush(highlight);
        painter->drawRect(QRectF(origin.x(), bubbleRect.top() - 2, option.rect.width(), bubbleRect.height() + 4));
    }
    painter->setPen(outgoing || dark ? Qt::NoPen : QPen(QColor(0xd8, 0xdc, 0xe0), 1));
    painter->setBrush(bubble);
    painter->drawRoundedRect(bubbleRect, Radius, Radius);
    if (option.state & QStyle::State_HasFocus && m_view && m_view->hasFocus()) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(bubbleRect.adjusted(-2, -2, 2, 2), Radius + 2, Radius + 2);
    }

    QTextLayout layout(bubbleText(index.data(Qt::DisplayRole).toString()), option.font);
    layoutText(layout, g.text.width());
    painter->setPen(text);
    layout.draw(painter, g.text.translated(origin).topLeft());

    painter->setFont(footerFont(option.font));
    painter->setPen(footer);
    const QString footerString = footerText(index);
    if (outgoing && state == ChatMessage::State::Read) {
        // The read marks in a colour of their own.
        const QString mark = stateMark(state);
        const QString head = footerString.left(footerString.size() - mark.size());
        const QRectF footerRect = g.footer.translated(origin);
        const QFontMetricsF metrics(painter->font());
        const qreal markWidth = metrics.horizontalAdvance(mark);
        painter->drawText(footerRect.adjusted(0, 0, -markWidth, 0), Qt::AlignRight | Qt::AlignVCenter, head);
        painter->setPen(QColor(0x9b, 0xe9, 0xff));
        painter->drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter, mark);
    } else {
        painter->drawText(g.footer.translated(origin), Qt::AlignRight | Qt::AlignVCenter, footerString);
    }
    painter->restore();
}

} // namespace Peerlink
