#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace Peerlink {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Peerlink"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/peerlink.svg")));
    setObjectName(QStringLiteral("mainWindow"));

    auto *fileMenu = menuBar()->addMenu(tr("&Peerlink"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    auto *welcome = new QLabel(tr("Not signed in."), this);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setAccessibleName(tr("Account status"));
    setCentralWidget(welcome);
    statusBar()->showMessage(tr("Offline"));
    resize(900, 600);
}

} // namespace Peerlink
