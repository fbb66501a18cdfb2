// Translations: puts Peerlink (and Qt's own dialogs, where installed) into the user's language:
// the one chosen in the settings, or the system's.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Peerlink {

class Translations
{
public:
    // language: "" for the system's, else "en", "de", "fr". Also sets the default QLocale so
    // numbers and dates follow. Returns the language in use ("en" when nothing else matched).
    static QString install(QCoreApplication &app, const QString &language);
    static QStringList available(); // {"en", "de", "fr"}
};

} // namespace Peerlink
