// Spinner: a small turning arc that says "working on it", painted in the palette's highlight.
#pragma once

#include <QTimer>
#include <QWidget>

namespace Peerlink {

class Spinner : public QWidget
{
    Q_OBJECT
public:
    explicit Spinner(QWidget *parent = nullptr);

    // The arc turns only while running (and visible).
    void setRunning(bool running);
    bool isRunning() const { return m_running; }
    QSize sizeHint() const override;

    // The same arc drawn into a pixmap, at a given angle (for buttons that show a spinner icon).
    static QPixmap frame(int size, qreal devicePixelRatio, int angle, const QColor &color);

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QTimer m_timer;
    int m_angle = 0;
    bool m_running = false;
};

} // namespace Peerlink
