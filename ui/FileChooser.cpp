#include "ui/FileChooser.h"

#include <QFileDialog>
#include <QStandardPaths>

namespace Peerlink {

namespace {
FileChooser::Handler &handler()
{
    static FileChooser::Handler instance;
    return instance;
}
} // namespace

void FileChooser::setHandler(Handler h)
{
    handler() = std::move(h);
}

QStringList FileChooser::openFiles(QWidget *parent, const QString &title)
{
    if (handler())
        return handler()(Kind::OpenFiles, QString());
    return QFileDialog::getOpenFileNames(parent, title, QStandardPaths::writableLocation(QStandardPaths::HomeLocation));
}

QString FileChooser::saveFile(QWidget *parent, const QString &title, const QString &suggestedPath)
{
    if (handler())
        return handler()(Kind::SaveFile, suggestedPath).value(0);
    return QFileDialog::getSaveFileName(parent, title, suggestedPath);
}

QString FileChooser::folder(QWidget *parent, const QString &title, const QString &start)
{
    if (handler())
        return handler()(Kind::Folder, start).value(0);
    return QFileDialog::getExistingDirectory(parent, title, start);
}

} // namespace Peerlink
