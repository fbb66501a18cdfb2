// Icons: Peerlink's line icons (resources/icons/*.svg) drawn in a colour that suits the palette.
// They are rendered with QtSvg directly, so no image format plugin is needed.
#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace Peerlink {

class Icons
{
public:
    // name: a file of resources/icons without ".svg" ("send", "attach", ...). An invalid colour
    // means the palette's text colour (dimmed for disabled buttons).
    static QIcon icon(const QString &name, const QColor &color = QColor());
    static QPixmap pixmap(const QString &name, int size, qreal devicePixelRatio, const QColor &color);
    // The application icon (resources/peerlink.svg), optionally with a red badge showing `count`.
    static QIcon appIcon(int badgeCount = 0);
};

} // namespace Peerlink
