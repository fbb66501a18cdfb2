// FileName: turns file names chosen by a peer into safe local names. A received name is never
// trusted: separators, '..', control and format characters (bidi overrides, zero-width),
// characters Windows forbids, Windows device names (CON, NUL, COM1, ...), leading dots and
// trailing dots or spaces are removed or replaced, and the length is capped so that the name
// plus " (999)" and ".part" still fits a 255-byte file system limit. Pure functions, no I/O.
#pragma once

#include <QString>
#include <QStringList>

namespace Peerlink {

struct FileName
{
    // UTF-8 bytes of one sanitised component.
    static constexpr qsizetype MaxComponentBytes = 200;
    // Folder levels kept from a relative path (the file name included).
    static constexpr qsizetype MaxDepth = 16;
    // UTF-8 bytes of a whole sanitised relative path.
    static constexpr qsizetype MaxPathBytes = 1024;
    // What a name that sanitises to nothing becomes.
    static QString fallbackName() { return QStringLiteral("file"); }

    // One safe file name component: never empty, never "." or "..", no separator.
    static QString sanitize(const QString &name);
    // A relative path as sent for a file inside a folder ("Photos/2024/a.jpg", '/' or '\'
    // separated): each component sanitised; empty, "." and ".." components are dropped (a path
    // never climbs); at most MaxDepth components and MaxPathBytes bytes (deepest folders dropped
    // first, the file name kept). Never empty.
    static QStringList sanitizePath(const QString &path);
    // CON, PRN, AUX, NUL, COM0-9, LPT0-9 (also with superscript digits), with or without an
    // extension, in any case.
    static bool isWindowsReserved(const QString &name);
    // "name (n).ext" for n >= 1 (name itself for n == 0), still within MaxComponentBytes.
    static QString numbered(const QString &name, int n);
    // The name without a " (n)" that numbered() added: "a (2).txt" -> "a.txt".
    static QString unnumbered(const QString &name);
};

} // namespace Peerlink
