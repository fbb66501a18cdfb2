// SpeedMeter: the recent speed of a transfer and the time left, over a sliding window of a few
// seconds, so that a stall shows up quickly and short bursts do not make the estimate jump.
#pragma once

#include <QtGlobal>

#include <deque>

namespace Peerlink {

class SpeedMeter
{
public:
    explicit SpeedMeter(qint64 windowMs = 3000);

    // The transfer has moved `total` bytes so far (monotonic within a run), at time nowMs.
    void add(qint64 total, qint64 nowMs);
    // Starts over (a new run after pause, resume or reconnect).
    void reset();

    double bytesPerSecond(qint64 nowMs) const;
    // Seconds until `remaining` more bytes have moved at the current speed; -1 when unknown.
    qint64 secondsLeft(qint64 remaining, qint64 nowMs) const;

private:
    struct Sample
    {
        qint64 ms;
        qint64 total;
    };
    qint64 m_windowMs;
    std::deque<Sample> m_samples;
};

} // namespace Peerlink
