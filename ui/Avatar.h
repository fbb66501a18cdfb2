// Avatar: a round picture with a contact's initials on a colour derived from their address,
// with an optional presence dot.
#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>

namespace Peerlink {

class Avatar
{
public:
    // A stable, pleasant background colour for this address.
    static QColor color(const QString &bareJid);
    // size in device-independent pixels; presence invalid: no dot.
    static QPixmap pixmap(const QString &name, const QString &bareJid, int size, qreal devicePixelRatio,
                          const QColor &presence = QColor());
};

} // namespace Peerlink
