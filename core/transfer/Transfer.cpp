#include "core/transfer/Transfer.h"

#include <QMetaEnum>

namespace Peerlink {

QString Transfer::stateName(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

} // namespace Peerlink
