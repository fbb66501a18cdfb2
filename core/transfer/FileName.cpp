#include "core/transfer/FileName.h"

#include <QRegularExpression>
#include <QStringView>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

// Characters Windows refuses in names, plus both separators.
bool isForbiddenAscii(char32_t c)
{
    switch (c) {
    case U'/':
    case U'\\':
    case U':':
    case U'*':
    case U'?':
    case U'"':
    case U'<':
    case U'>':
    case U'|':
        return true;
    default:
        return false;
    }
}

bool isDropped(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control: // C0, DEL, C1
    case QChar::Other_Format: // bidi overrides, zero-width joiners, BOM, ...
    case QChar::Other_Surrogate: // unpaired halves
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

qsizetype utf8Size(QStringView text)
{
    qsizetype n = 0;
    for (char32_t c : text.toUcs4()) {
        if (c < 0x80)
            n += 1;
        else if (c < 0x800)
            n += 2;
        else if (c < 0x10000)
            n += 3;
        else
            n += 4;
    }
    return n;
}

// The longest prefix of text (whole code points) with at most maxBytes UTF-8 bytes.
QString truncatedUtf8(const QString &text, qsizetype maxBytes)
{
    QString out;
    qsizetype bytes = 0;
    for (char32_t c : text.toUcs4()) {
        const qsizetype n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (bytes + n > maxBytes)
            break;
        bytes += n;
        out.append(QString::fromUcs4(&c, 1));
    }
    return out;
}

// Windows drops trailing dots and spaces; Unix hides names with a leading dot (and "." / ".."
// are the directory itself and its parent).
QString trimmed(QString name)
{
    name = name.trimmed();
    while (!name.isEmpty() && (name.startsWith(u'.') || name.front().isSpace()))
        name.remove(0, 1);
    while (!name.isEmpty() && (name.endsWith(u'.') || name.back().isSpace()))
        name.chop(1);
    return name;
}

// Splits "archive.tar.gz" into "archive.tar" and ".gz"; a short extension only (no spaces).
std::pair<QString, QString> splitExtension(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0 || name.size() - dot > 16 || name.sliced(dot).contains(u' '))
        return { name, QString() };
    return { name.first(dot), name.sliced(dot) };
}

// Cuts the stem so that stem + extension fits maxBytes.
QString capped(const QString &name, qsizetype maxBytes)
{
    if (utf8Size(name) <= maxBytes)
        return name;
    const auto [stem, extension] = splitExtension(name);
    const qsizetype extensionBytes = utf8Size(extension);
    if (extensionBytes >= maxBytes / 2)
        return truncatedUtf8(name, maxBytes);
    return truncatedUtf8(stem, maxBytes - extensionBytes) + extension;
}

} // namespace

bool FileName::isWindowsReserved(const QString &name)
{
    // The device name counts up to the first dot, ignoring trailing spaces ("CON .txt").
    QString stem = name.section(u'.', 0, 0);
    while (stem.endsWith(u' '))
        stem.chop(1);
    stem = stem.toUpper();
    static const QStringList devices = { u"CON"_s, u"PRN"_s, u"AUX"_s, u"NUL"_s, u"CONIN$"_s, u"CONOUT$"_s };
    if (devices.contains(stem))
        return true;
    if (stem.size() == 4 && (stem.startsWith(u"COM") || stem.startsWith(u"LPT"))) {
        const QChar digit = stem.at(3);
        return (digit >= u'0' && digit <= u'9') || digit == u'\u00B9' || digit == u'\u00B2' || digit == u'\u00B3';
    }
    return false;
}

QString FileName::sanitize(const QString &name)
{
    QString out;
    out.reserve(name.size());
    const QString normalized = name.normalized(QString::NormalizationForm_C);
    for (char32_t c : normalized.toUcs4()) {
        if (isDropped(c))
            continue;
        if (isForbiddenAscii(c)) {
            out.append(u'_');
            continue;
        }
        if (QChar::isSpace(c)) {
            out.append(u' '); // tabs and exotic spaces become plain spaces
            continue;
        }
        out.append(QString::fromUcs4(&c, 1));
    }
    out = trimmed(out);
    if (out.isEmpty())
        return fallbackName();
    if (isWindowsReserved(out))
        out.prepend(u'_');
    out = trimmed(capped(out, MaxComponentBytes));
    return out.isEmpty() ? fallbackName() : out;
}

QStringList FileName::sanitizePath(const QString &path)
{
    QStringList components;
    const QList<QStringView> parts = QStringView(path).split(u'/');
    for (QStringView slashPart : parts) {
        for (QStringView part : slashPart.split(u'\\')) {
            const QString raw = part.toString();
            // Nothing that only names "here" or "up" (also "..." and " .. ") is ever a folder.
            if (raw.trimmed().isEmpty() || trimmed(raw).isEmpty())
                continue;
            components.append(sanitize(raw));
        }
    }
    if (components.isEmpty())
        return { fallbackName() };
    // Too deep or too long: keep the top folders and the file name, drop the deepest folders.
    while (components.size() > MaxDepth)
        components.removeAt(components.size() - 2);
    while (components.size() > 1 && utf8Size(components.join(u'/')) > MaxPathBytes)
        components.removeAt(components.size() - 2);
    return components;
}

QString FileName::numbered(const QString &name, int n)
{
    if (n <= 0)
        return name;
    const QString suffix = QStringLiteral(" (%1)").arg(n);
    auto [stem, extension] = splitExtension(name);
    const qsizetype room = MaxComponentBytes - utf8Size(suffix) - utf8Size(extension);
    if (room < 1)
        return truncatedUtf8(name, MaxComponentBytes - utf8Size(suffix)) + suffix;
    return truncatedUtf8(stem, room) + suffix + extension;
}

QString FileName::unnumbered(const QString &name)
{
    auto [stem, extension] = splitExtension(name);
    static const QRegularExpression suffix(QStringLiteral(" \\([0-9]{1,4}\\)$"));
    const QRegularExpressionMatch match = suffix.match(stem);
    if (!match.hasMatch() || match.capturedStart() == 0)
        return name;
    return stem.first(match.capturedStart()) + extension;
}

} // namespace Peerlink
