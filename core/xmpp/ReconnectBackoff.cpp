#include "core/xmpp/ReconnectBackoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Peerlink {

using std::chrono::milliseconds;

ReconnectBackoff::ReconnectBackoff(milliseconds initial, milliseconds maximum)
    : m_initial(std::max(initial, milliseconds(1)))
    , m_maximum(std::max(maximum, m_initial))
{ }

milliseconds ReconnectBackoff::ceiling(int attempt) const
{
    milliseconds value = m_initial;
    for (int i = 1; i < attempt && value < m_maximum; ++i)
        value *= 2;
    return std::min(value, m_maximum);
}

milliseconds ReconnectBackoff::nextDelay()
{
    if (m_attempts < 1000)
        ++m_attempts;
    const qint64 top = ceiling(m_attempts).count();
    const qint64 bottom = top / 2;
    return milliseconds(bottom + (QRandomGenerator::global()->bounded(top - bottom + 1)));
}

} // namespace Peerlink
