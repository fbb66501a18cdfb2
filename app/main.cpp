// The composition root: the only place that sees every layer.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("peerlink"));
    QApplication::setApplicationDisplayName(QStringLiteral("Peerlink"));
    QApplication::setOrganizationName(QStringLiteral("Peerlink"));
    QApplication::setApplicationVersion(QStringLiteral(PEERLINK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("peerlink"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("peerlink"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Peer-to-peer messenger: chat and files go straight to your contacts, end-to-end encrypted."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Peerlink::MainWindow window;
    window.show();
    return QApplication::exec();
}
