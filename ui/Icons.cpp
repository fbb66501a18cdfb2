#include "ui/Icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace Peerlink {

namespace {
QByteArray svgSource(const QString &name)
{
    static QHash<QString, QByteArray> cache;
    auto it = cache.constFind(name);
    if (it != cache.cend())
        return *it;
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    QByteArray data;
    if (file.open(QIODevice::ReadOnly))
        data = file.readAll();
    cache.insert(name, data);
    return data;
}

QPixmap render(const QByteArray &svg, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(svg);
    if (renderer.isValid()) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    pixmap.setDevicePixelRatio(dpr);
    return pixmap;
}
} // namespace

QPixmap Icons::pixmap(const QString &name, int size, qreal devicePixelRatio, const QColor &color)
{
    QByteArray svg = svgSource(name);
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    return render(svg, size, devicePixelRatio);
}

QIcon Icons::icon(const QString &name, const QColor &color)
{
    const QPalette palette = QApplication::palette();
    const QColor normal = color.isValid() ? color : palette.color(QPalette::Active, QPalette::ButtonText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::ButtonText);
    QIcon icon;
    for (int size : { 16, 20, 24, 32 }) {
        for (qreal dpr : { 1.0, 2.0 }) {
            icon.addPixmap(pixmap(name, size, dpr, normal), QIcon::Normal);
            icon.addPixmap(pixmap(name, size, dpr, disabled), QIcon::Disabled);
        }
    }
    return icon;
}

QIcon Icons::appIcon(int badgeCount)
{
    QFile file(QStringLiteral(":/icons/peerlink.svg"));
    const QByteArray svg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    QIcon icon;
    for (int size : { 16, 22, 24, 32, 48, 64, 128, 256 }) {
        QPixmap pixmap = render(svg, size, 1.0);
        if (badgeCount > 0) {
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            const QString text = badgeCount > 99 ? QStringLiteral("99+") : QString::number(badgeCount);
            const qreal diameter = size * 0.62;
            const QRectF badge(size - diameter, 0, diameter, diameter);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0xd9, 0x30, 0x25));
            painter.drawEllipse(badge);
            QFont font = QApplication::font();
            font.setBold(true);
            font.setPixelSize(qMax(6, int(diameter * (text.size() > 2 ? 0.38 : text.size() > 1 ? 0.5 : 0.62))));
            painter.setFont(font);
            painter.setPen(Qt::white);
            painter.drawText(badge, Qt::AlignCenter, text);
        }
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Peerlink
