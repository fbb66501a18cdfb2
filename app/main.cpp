// The composition root: the only place that sees every layer.
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {
// --help and --version must work without a display (in a terminal, in CI, in package tests).
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

void describe(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("peerlink"));
    QCoreApplication::setOrganizationName(QStringLiteral("Peerlink"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEERLINK_VERSION));
    QTranslator *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    QTranslator *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("peerlink"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

void parseArguments(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Peer-to-peer messenger: chat and files go straight to your contacts, end-to-end encrypted."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app); // exits after --help or --version
}
} // namespace

int main(int argc, char *argv[])
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describe(app);
        parseArguments(app);
        return 0;
    }
    QApplication app(argc, argv);
    describe(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Peerlink"));
    QApplication::setDesktopFileName(QStringLiteral("peerlink"));
    parseArguments(app);

    Peerlink::MainWindow window;
    window.show();
    return QApplication::exec();
}
