#include "core/transfer/SpeedMeter.h"

#include <cmath>

namespace Peerlink {

SpeedMeter::SpeedMeter(qint64 windowMs)
    : m_windowMs(windowMs)
{ }

void SpeedMeter::add(qint64 total, qint64 nowMs)
{
    if (!m_samples.empty() && m_samples.back().ms == nowMs) {
        m_samples.back().total = total;
    } else {
        m_samples.push_back({ nowMs, total });
    }
    // Keep one sample older than the window as its start.
    while (m_samples.size() > 2 && m_samples[1].ms <= nowMs - m_windowMs)
        m_samples.pop_front();
}

void SpeedMeter::reset()
{
    m_samples.clear();
}

double SpeedMeter::bytesPerSecond(qint64 nowMs) const
{
    if (m_samples.empty())
        return 0;
    const Sample &first = m_samples.front();
    const Sample &last = m_samples.back();
    // Nothing new for a while: the speed decays towards zero instead of freezing.
    const qint64 spanMs = std::max<qint64>(nowMs, last.ms) - first.ms;
    if (spanMs <= 0)
        return 0;
    return double(last.total - first.total) * 1000.0 / double(spanMs);
}

qint64 SpeedMeter::secondsLeft(qint64 remaining, qint64 nowMs) const
{
    if (remaining <= 0)
        return 0;
    const double speed = bytesPerSecond(nowMs);
    if (speed < 1.0)
        return -1;
    return qint64(std::ceil(double(remaining) / speed));
}

} // namespace Peerlink
