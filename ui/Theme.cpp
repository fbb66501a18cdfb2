#include "ui/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleHints>

namespace Peerlink {

bool Theme::isDark()
{
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark)
        return true;
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

void Theme::apply(QApplication &app)
{
    app.setStyleSheet(styleSheet(isDark()));
}

QString Theme::styleSheet(bool dark)
{
    const QString accent = QStringLiteral("#1f6feb");
    const QString line = dark ? QStringLiteral("#373e47") : QStringLiteral("#dde1e6");
    const QString sidebar = dark ? QStringLiteral("#1c2128") : QStringLiteral("#f6f7f9");
    const QString base = dark ? QStringLiteral("#22272e") : QStringLiteral("#ffffff");
    const QString chat = dark ? QStringLiteral("#1c2128") : QStringLiteral("#eef1f4");
    const QString secondary = dark ? QStringLiteral("#8b949e") : QStringLiteral("#5f6b76");
    const QString hover = dark ? QStringLiteral("#2d333b") : QStringLiteral("#eaedf1");
    const QString selected = dark ? QStringLiteral("#1f3a5f") : QStringLiteral("#dbe9ff");
    const QString red = dark ? QStringLiteral("#ff7b72") : QStringLiteral("#cf222e");
    const QString green = dark ? QStringLiteral("#56d364") : QStringLiteral("#1a7f37");
    const QString amber = dark ? QStringLiteral("#e3b341") : QStringLiteral("#9a6700");
    const QString noticeBg = dark ? QStringLiteral("#3d2a12") : QStringLiteral("#fff4e5");

    QString css = QStringLiteral(R"(
#leftPane { background: %SIDEBAR%; border-right: 1px solid %LINE%; }
#accountHeader { background: %SIDEBAR%; }
#accountName { font-weight: bold; }
#accountStatus { color: %SECONDARY%; }
#accountStatus[kind="error"] { color: %RED%; }
#accountStatus[kind="online"] { color: %GREEN%; }
#contactRows, #contactScroll { background: %SIDEBAR%; }
#emptyContacts, #emptyTransfers, #emptyHint { color: %SECONDARY%; }
#contactRow { border-radius: 10px; margin: 1px 6px; background: transparent; }
#contactRow:hover { background: %HOVER%; }
#contactRow[selected="true"] { background: %SELECTED%; }
#contactRow[focused="true"] { border: 2px solid %ACCENT%; }
#contactRow[dropTarget="true"] { border: 2px dashed %ACCENT%; background: %SELECTED%; }
#contactStatus { color: %SECONDARY%; }
#contactStatus[kind="error"] { color: %RED%; }
#contactStatus[kind="typing"] { color: %ACCENT%; font-style: italic; }
#unreadBadge { background: %ACCENT%; color: white; border-radius: 9px; padding: 0px 6px; min-height: 18px; font-weight: bold; }
QPushButton#connectButton { border: 1px solid %LINE%; border-radius: 14px; padding: 4px 12px; background: %BASE%; min-height: 20px; }
QPushButton#connectButton:hover { border-color: %ACCENT%; }
QPushButton#connectButton:focus { border: 2px solid %ACCENT%; }
QPushButton#connectButton[connectionState="idle"] { color: %ACCENT%; border-color: %ACCENT%; }
QPushButton#connectButton[connectionState="direct"], QPushButton#connectButton[connectionState="upnp"] { color: %GREEN%; border-color: %GREEN%; }
QPushButton#connectButton[connectionState="relayed"] { color: %AMBER%; border-color: %AMBER%; }
QPushButton#connectButton[connectionState="failed"] { color: %RED%; border-color: %RED%; }
QPushButton#connectButton:disabled { color: %SECONDARY%; border-color: %LINE%; }
QPushButton#connectButton::menu-indicator { width: 0px; image: none; }
#conversationHeader { background: %BASE%; border-bottom: 1px solid %LINE%; }
#conversationSubtitle { color: %SECONDARY%; }
#conversation, #emptyConversation { background: %CHAT%; }
#messageList { background: %CHAT%; }
#typingIndicator { color: %SECONDARY%; font-style: italic; padding: 2px 0px; }
#editBar { color: %ACCENT%; }
#composerFrame { background: %BASE%; border: 1px solid %LINE%; border-radius: 18px; }
#composer { background: transparent; border: none; }
#lengthCounter { color: %SECONDARY%; }
#lengthCounter[kind="error"] { color: %RED%; font-weight: bold; }
#conversationNotice { background: %NOTICE%; color: %RED%; padding: 8px 14px; border-bottom: 1px solid %LINE%; }
#dropOverlay { background: rgba(31, 111, 235, 40); border: 2px dashed %ACCENT%; border-radius: 14px; color: %ACCENT%; font-size: 15pt; font-weight: bold; }
#transfersPanel, #transfersScroll, #transfersScroll > QWidget > QWidget { background: %BASE%; }
#transfersSummary { color: %SECONDARY%; }
#transferRow { border-bottom: 1px solid %LINE%; }
#transferStatus { color: %SECONDARY%; }
#transferStatus[kind="error"] { color: %RED%; }
QProgressBar#transferProgress { border: none; background: %LINE%; border-radius: 3px; }
QProgressBar#transferProgress::chunk { background: %ACCENT%; border-radius: 3px; }
#accountMessage, #validationError, #settingsError { color: %RED%; }
#storeNote { color: %AMBER%; }
#emptyTitle { font-size: 14pt; font-weight: bold; }
)");
    css.replace(QStringLiteral("%SIDEBAR%"), sidebar);
    css.replace(QStringLiteral("%LINE%"), line);
    css.replace(QStringLiteral("%BASE%"), base);
    css.replace(QStringLiteral("%CHAT%"), chat);
    css.replace(QStringLiteral("%SECONDARY%"), secondary);
    css.replace(QStringLiteral("%HOVER%"), hover);
    css.replace(QStringLiteral("%SELECTED%"), selected);
    css.replace(QStringLiteral("%ACCENT%"), accent);
    css.replace(QStringLiteral("%RED%"), red);
    css.replace(QStringLiteral("%GREEN%"), green);
    css.replace(QStringLiteral("%AMBER%"), amber);
    css.replace(QStringLiteral("%NOTICE%"), noticeBg);
    return css;
}

} // namespace Peerlink
