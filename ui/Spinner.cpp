#include "ui/Spinner.h"

#include <QPainter>

namespace Peerlink {

Spinner::Spinner(QWidget *parent)
    : QWidget(parent)
{
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_angle = (m_angle + 30) % 360;
        update();
    });
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

void Spinner::setRunning(bool running)
{
    m_running = running;
    if (running && isVisible())
        m_timer.start();
    else
        m_timer.stop();
    update();
}

QSize Spinner::sizeHint() const
{
    return QSize(16, 16);
}

QPixmap Spinner::frame(int size, qreal devicePixelRatio, int angle, const QColor &color)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal width = qMax(1.5, size / 8.0);
    const QRectF rect = QRectF(0, 0, size, size).adjusted(width, width, -width, -width);
    QColor track = color;
    track.setAlphaF(0.2);
    painter.setPen(QPen(track, width));
    painter.drawEllipse(rect);
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter.drawArc(rect, -angle * 16, 100 * 16);
    return pixmap;
}

void Spinner::paintEvent(QPaintEvent *)
{
    if (!m_running)
        return;
    QPainter painter(this);
    const int side = qMin(width(), height());
    painter.drawPixmap((width() - side) / 2, (height() - side) / 2,
                       frame(side, devicePixelRatioF(), m_angle, palette().color(QPalette::Highlight)));
}

void Spinner::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_running)
        m_timer.start();
}

void Spinner::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

} // namespace Peerlink
