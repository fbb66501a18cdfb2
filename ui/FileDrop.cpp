#include "ui/FileDrop.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace Peerlink {

QStringList FileDrop::localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (QFileInfo::exists(path) && !paths.contains(path))
            paths.append(path);
    }
    return paths;
}

} // namespace Peerlink
