// MainWindow: Peerlink's main window. Holds the contact list and the conversation once an
// account is signed in; until then it explains how to sign in.
#pragma once

#include <QMainWindow>

namespace Peerlink {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace Peerlink
