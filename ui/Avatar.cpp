#include "ui/Avatar.h"

#include "ui/Format.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QPainter>
#include <QPainterPath>

namespace Peerlink {

QColor Avatar::color(const QString &bareJid)
{
    const QByteArray hash = QCryptographicHash::hash(bareJid.toLower().toUtf8(), QCryptographicHash::Sha1);
    const int hue = int((quint8(hash.at(0)) << 8 | quint8(hash.at(1))) % 360);
    return QColor::fromHsl(hue, 140, 118);
}

QPixmap Avatar::pixmap(const QString &name, const QString &bareJid, int size, qreal devicePixelRatio,
                       const QColor &presence)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const QRectF circle(0, 0, size, size);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color(bareJid));
    painter.drawEllipse(circle);

    QFont font = QApplication::font();
    font.setBold(true);
    font.setPixelSize(qMax(6, int(size * 0.38)));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(circle, Qt::AlignCenter, Format::initials(name.isEmpty() ? bareJid : name));

    if (presence.isValid()) {
        const qreal dot = size * 0.3;
        const QRectF dotRect(size - dot, size - dot, dot, dot);
        painter.setCompositionMode(QPainter::CompositionMode_Clear);
        painter.setBrush(Qt::black);
        painter.drawEllipse(dotRect.adjusted(-size * 0.05, -size * 0.05, size * 0.05, size * 0.05));
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
        painter.setBrush(presence);
        painter.drawEllipse(dotRect);
    }
    return pixmap;
}

} // namespace Peerlink
