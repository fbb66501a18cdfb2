// FileDrop: what a drag carries for Peerlink: local files and folders to send.
#pragma once

#include <QStringList>

class QMimeData;

namespace Peerlink {

class FileDrop
{
public:
    // The local files and folders of a drag (its file URLs); empty when there are none.
    static QStringList localPaths(const QMimeData *mime);
};

} // namespace Peerlink
