#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Peerlink {

QStringList Translations::available()
{
    return { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr") };
}

QString Translations::install(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(&app);
    // English is the source language; its catalogue brings the plural forms ("1 file", "2 files").
    if (own->load(locale, QStringLiteral("peerlink"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral("peerlink_en"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return own->language().left(2);
    }
    delete own;
    return QStringLiteral("en");
}

} // namespace Peerlink
