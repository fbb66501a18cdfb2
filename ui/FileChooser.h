// FileChooser: the file dialogs Peerlink asks (files to send, where to save, a folder), in one
// place so that tests can answer them instead of a person (setHandler()).
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace Peerlink {

class FileChooser
{
public:
    enum class Kind { OpenFiles, SaveFile, Folder };
    // Answers a request: the chosen paths, or an empty list for "cancelled".
    using Handler = std::function<QStringList(Kind kind, const QString &suggestion)>;

    static QStringList openFiles(QWidget *parent, const QString &title);
    // An empty string when cancelled.
    static QString saveFile(QWidget *parent, const QString &title, const QString &suggestedPath);
    static QString folder(QWidget *parent, const QString &title, const QString &start);

    // Replaces the dialogs (nullptr: the dialogs again).
    static void setHandler(Handler handler);
};

} // namespace Peerlink
