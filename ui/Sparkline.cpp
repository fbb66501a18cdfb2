#include "ui/Sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace Peerlink {

namespace {
const QColor FirstColor(0x1f, 0x6f, 0xeb);
const QColor SecondColor(0x1a, 0x7f, 0x37);
} // namespace

Sparkline::Sparkline(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_format([](double value) { return QString::number(value, 'f', 0); })
{
    setObjectName(QStringLiteral("sparkline"));
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateAccessibleText();
}

void Sparkline::setSeries(const QString &first, const QString &second)
{
    m_firstName = first;
    m_secondName = second;
    updateAccessibleText();
    update();
}

void Sparkline::setFormatter(Formatter formatter)
{
    m_format = std::move(formatter);
    update();
}

void Sparkline::addSample(double first, double second)
{
    m_first.append(first);
    m_second.append(second);
    while (m_first.size() > m_capacity) {
        m_first.removeFirst();
        m_second.removeFirst();
    }
    updateAccessibleText();
    update();
}

void Sparkline::clear()
{
    m_first.clear();
    m_second.clear();
    updateAccessibleText();
    update();
}

double Sparkline::last(int series) const
{
    const QList<double> &values = series == 0 ? m_first : m_second;
    return values.isEmpty() ? std::nan("") : values.last();
}

QSize Sparkline::sizeHint() const
{
    return QSize(260, 84);
}

QSize Sparkline::minimumSizeHint() const
{
    return QSize(120, 84);
}

void Sparkline::updateAccessibleText()
{
    setAccessibleName(m_title);
    QString text;
    if (m_first.isEmpty() || std::isnan(m_first.last())) {
        text = tr("No measurement yet");
    } else {
        text = (m_firstName.isEmpty() ? QString() : m_firstName + QStringLiteral(": ")) + m_format(m_first.last());
        if (!m_secondName.isEmpty() && !std::isnan(m_second.last()))
            text += QStringLiteral(", ") + m_secondName + QStringLiteral(": ") + m_format(m_second.last());
    }
    setAccessibleDescription(text);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(dark ? QColor(0x44, 0x4c, 0x56) : QColor(0xd8, 0xdc, 0xe0), 1));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(frame, 6, 6);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    const QFontMetricsF metrics(small);
    const QRectF header = frame.adjusted(8, 4, -8, 0);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(header, Qt::AlignLeft | Qt::AlignTop, m_title);

    double maximum = 0;
    for (qsizetype i = 0; i < m_first.size(); ++i) {
        if (!std::isnan(m_first[i]))
            maximum = qMax(maximum, m_first[i]);
        if (!m_secondName.isEmpty() && !std::isnan(m_second[i]))
            maximum = qMax(maximum, m_second[i]);
    }
    bool anyValue = false;
    for (double value : std::as_const(m_first))
        anyValue = anyValue || !std::isnan(value);
    if (anyValue && maximum <= 0)
        maximum = 1; // a flat line at zero
    QString current;
    if (!m_first.isEmpty() && !std::isnan(m_first.last())) {
        current = m_format(m_first.last());
        if (!m_secondName.isEmpty())
            current = QStringLiteral("↓ %1  ↑ %2").arg(current, m_format(m_second.last()));
    } else {
        current = QStringLiteral("–");
    }
    painter.drawText(header, Qt::AlignRight | Qt::AlignTop, current);

    const QRectF plot = frame.adjusted(8, metrics.height() + 8, -8, -6);
    painter.setPen(QPen(dark ? QColor(0x37, 0x3e, 0x47) : QColor(0xee, 0xf0, 0xf2), 1, Qt::DashLine));
    painter.drawLine(plot.topLeft(), plot.topRight());
    if (maximum > 0) {
        painter.setPen(dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81));
        painter.drawText(plot.adjusted(0, 1, 0, 0), Qt::AlignRight | Qt::AlignTop, m_format(maximum));
    }
    if (m_first.size() < 2 || maximum <= 0)
        return;
    const qreal step = plot.width() / qreal(m_capacity - 1);
    const auto pointAt = [&](qsizetype i, double value) {
        const qreal x = plot.right() - qreal(m_first.size() - 1 - i) * step;
        return QPointF(x, plot.bottom() - plot.height() * (value / (maximum * 1.1)));
    };
    const auto drawSeries = [&](const QList<double> &values, const QColor &color, bool fill) {
        QPainterPath line;
        bool started = false;
        qreal firstX = 0;
        qreal lastX = 0;
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (std::isnan(values[i]))
                continue;
            const QPointF p = pointAt(i, values[i]);
            if (!started) {
                line.moveTo(p);
                firstX = p.x();
                started = true;
            } else {
                line.lineTo(p);
            }
            lastX = p.x();
        }
        if (!started)
            return;
        if (fill) {
            QPainterPath area = line;
            area.lineTo(lastX, plot.bottom());
            area.lineTo(firstX, plot.bottom());
            area.closeSubpath();
            QColor fillColor = color;
            fillColor.setAlpha(45);
            painter.fillPath(area, fillColor);
        }
        painter.setPen(QPen(color, 1.6));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(line);
    };
    drawSeries(m_first, FirstColor, true);
    if (!m_secondName.isEmpty())
        drawSeries(m_second, SecondColor, false);
}

} // namespace Peerlink
