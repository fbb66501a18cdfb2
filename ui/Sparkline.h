// Sparkline: a small live graph of the last samples of one or two series (e.g. RTT, or bytes
// per second received and sent), with the current value and the scale written on it.
#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

#include <functional>

namespace Peerlink {

class Sparkline : public QWidget
{
    Q_OBJECT
public:
    using Formatter = std::function<QString(double)>;

    explicit Sparkline(const QString &title, QWidget *parent = nullptr);

    // Up to two series; the first is filled, the second drawn as a line.
    void setSeries(const QString &first, const QString &second = QString());
    void setFormatter(Formatter formatter);
    // A new sample for each series (NaN for "unknown").
    void addSample(double first, double second = 0);
    void clear();
    int sampleCount() const { return int(m_first.size()); }
    double last(int series = 0) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateAccessibleText();

    QString m_title;
    QString m_firstName;
    QString m_secondName;
    Formatter m_format;
    QList<double> m_first;
    QList<double> m_second;
    int m_capacity = 60;
};

} // namespace Peerlink
