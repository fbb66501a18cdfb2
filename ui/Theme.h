// Theme: Peerlink's look on top of the platform style: a style sheet for its own widgets
// (contact rows, Connect buttons, chat bubbles' surroundings, composer, transfers), in light or
// dark colours following the palette.
#pragma once

#include <QString>

class QApplication;

namespace Peerlink {

class Theme
{
public:
    static void apply(QApplication &app);
    static QString styleSheet(bool dark);
    static bool isDark();
};

} // namespace Peerlink
