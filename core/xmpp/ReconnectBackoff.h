// Delays between reconnection attempts: exponential, capped, with jitter so that many clients
// cut off at once (server restart) do not come back in lockstep.
#pragma once

#include <chrono>

namespace Peerlink {

class ReconnectBackoff
{
public:
    explicit ReconnectBackoff(std::chrono::milliseconds initial = std::chrono::seconds(1),
                              std::chrono::milliseconds maximum = std::chrono::minutes(2));

    // The delay before the next attempt: the n-th call draws uniformly from [c/2, c] with
    // c = min(initial * 2^(n-1), maximum).
    std::chrono::milliseconds nextDelay();
    // After a successful connection: start again from the initial delay.
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

    std::chrono::milliseconds initial() const { return m_initial; }
    std::chrono::milliseconds maximum() const { return m_maximum; }
    // The ceiling (before jitter) of the n-th delay, n >= 1.
    std::chrono::milliseconds ceiling(int attempt) const;

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_maximum;
    int m_attempts = 0;
};

} // namespace Peerlink
