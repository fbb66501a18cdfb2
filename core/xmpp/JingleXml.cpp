#include "core/xmpp/JingleXml.h"

#include <QDomDocument>
#include <QDomNamedNodeMap>

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

struct HashNameEntry
{
    QCryptographicHash::Algorithm algorithm;
    QLatin1StringView name;
};

constexpr std::array<HashNameEntry, 7> hashNames { {
    { QCryptographicHash::Sha256, QLatin1StringView("sha-256") },
    { QCryptographicHash::Sha384, QLatin1StringView("sha-384") },
    { QCryptographicHash::Sha512, QLatin1StringView("sha-512") },
    { QCryptographicHash::Sha3_256, QLatin1StringView("sha3-256") },
    { QCryptographicHash::Sha3_512, QLatin1StringView("sha3-512") },
    { QCryptographicHash::Blake2b_256, QLatin1StringView("blake2b-256") },
    { QCryptographicHash::Blake2b_512, QLatin1StringView("blake2b-512") },
} };

QString missingAttribute(QStringView context, const QString &name)
{
    return u"%1: the required attribute '%2' is missing"_s.arg(context, name);
}

bool isXmlnsAttribute(const QDomAttr &attribute)
{
    return attribute.name() == u"xmlns" || attribute.name().startsWith(u"xmlns:") || attribute.prefix() == u"xmlns"
        || attribute.namespaceURI() == u"http://www.w3.org/2000/xmlns/";
}

void appendCanonical(const QDomElement &element, QString *out)
{
    *out += u"<{"_s + element.namespaceURI() + u'}' + JingleXml::localName(element);

    QList<std::pair<QString, QString>> attributes;
    const QDomNamedNodeMap map = element.attributes();
    for (int i = 0; i < map.count(); ++i) {
        const QDomAttr attribute = map.item(i).toAttr();
        if (attribute.isNull() || isXmlnsAttribute(attribute))
            continue;
        const QString local = attribute.localName().isEmpty() ? attribute.name() : attribute.localName();
        const QString key = attribute.namespaceURI().isEmpty() ? local : u'{' + attribute.namespaceURI() + u'}' + local;
        attributes.append({ key, attribute.value() });
    }
    std::sort(attributes.begin(), attributes.end());
    for (const auto &[key, value] : std::as_const(attributes))
        *out += u' ' + key + u"=\""_s + value.toHtmlEscaped() + u'"';
    *out += u'>';

    for (QDomNode child = element.firstChild(); !child.isNull(); child = child.nextSibling()) {
        if (child.isElement()) {
            appendCanonical(child.toElement(), out);
        } else if (child.isText() || child.isCDATASection()) {
            const QString text = child.nodeValue().trimmed();
            if (!text.isEmpty())
                *out += text.toHtmlEscaped();
        }
    }
    *out += u"</>"_s;
}

} // namespace

QString JingleXml::localName(const QDomElement &element)
{
    const QString local = element.localName();
    if (!local.isEmpty())
        return local;
    const QString tag = element.tagName();
    const qsizetype colon = tag.indexOf(u':');
    return colon < 0 ? tag : tag.mid(colon + 1);
}

bool JingleXml::isElement(const QDomElement &element, QStringView name, QLatin1StringView ns)
{
    return !element.isNull() && element.namespaceURI() == ns && localName(element) == name;
}

QString JingleXml::qualifiedName(const QDomElement &element)
{
    return u'{' + element.namespaceURI() + u'}' + localName(element);
}

std::optional<quint64> JingleXml::parseNumber(QStringView text, quint64 min, quint64 max)
{
    if (text.isEmpty() || text.size() > 20 || (text.size() > 1 && text.front() == u'0'))
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const auto digit = quint64(c.unicode() - u'0');
        if (value > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    if (value < min || value > max)
        return std::nullopt;
    return value;
}

bool JingleXml::readNumber(const QDomElement &element, QStringView context, const QString &name, quint64 min,
                           quint64 max, quint64 *value, QString *error)
{
    bool present = false;
    if (!readOptionalNumber(element, context, name, min, max, value, &present, error))
        return false;
    if (!present) {
        *error = missingAttribute(context, name);
        return false;
    }
    return true;
}

bool JingleXml::readOptionalNumber(const QDomElement &element, QStringView context, const QString &name, quint64 min,
                                   quint64 max, quint64 *value, bool *present, QString *error)
{
    *present = element.hasAttribute(name);
    if (!*present)
        return true;
    const QString text = element.attribute(name);
    const std::optional<quint64> number = parseNumber(text, min, max);
    if (!number) {
        *error = u"%1: attribute '%2' must be a whole number from %3 to %4, not %5"_s.arg(
            context, name, QString::number(min), QString::number(max), quoted(text));
        return false;
    }
    *value = *number;
    return true;
}

bool JingleXml::readString(const QDomElement &element, QStringView context, const QString &name, qsizetype minLength,
                           qsizetype maxLength, QString *value, QString *error)
{
    if (!element.hasAttribute(name)) {
        *error = missingAttribute(context, name);
        return false;
    }
    return readOptionalString(element, context, name, minLength, maxLength, value, error);
}

bool JingleXml::readOptionalString(const QDomElement &element, QStringView context, const QString &name,
                                   qsizetype minLength, qsizetype maxLength, QString *value, QString *error)
{
    value->clear();
    if (!element.hasAttribute(name))
        return true;
    const QString text = element.attribute(name);
    if (text.size() < minLength || text.size() > maxLength) {
        *error = u"%1: attribute '%2' must have %3 to %4 characters, it has %5"_s.arg(
            context, name, QString::number(minLength), QString::number(maxLength), QString::number(text.size()));
        return false;
    }
    if (!isPrintable(text)) {
        *error = u"%1: attribute '%2' contains control characters"_s.arg(context, name);
        return false;
    }
    *value = text;
    return true;
}

bool JingleXml::readText(const QDomElement &element, QStringView context, qsizetype maxLength, QString *value,
                         QString *error)
{
    const QString text = element.text().trimmed();
    if (text.size() > maxLength) {
        *error = u"%1: the text of <%2> must have at most %3 characters, it has %4"_s.arg(
            context, localName(element), QString::number(maxLength), QString::number(text.size()));
        return false;
    }
    if (!isPrintable(text)) {
        *error = u"%1: the text of <%2> contains control characters"_s.arg(context, localName(element));
        return false;
    }
    *value = text;
    return true;
}

bool JingleXml::isIceChars(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'+'
            || c == u'/';
    });
}

bool JingleXml::isPrintable(QStringView text)
{
    return std::none_of(text.begin(), text.end(), [](QChar c) {
        return (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c.unicode() == 0x7f;
    });
}

bool JingleXml::isIdentifier(QStringView text)
{
    return !text.isEmpty() && isPrintable(text)
        && std::none_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

QString JingleXml::quoted(QStringView text)
{
    if (text.size() > MaxQuotedLength)
        return u'"' + text.first(MaxQuotedLength).toString() + u"\"..."_s;
    return u'"' + text.toString() + u'"';
}

QString JingleXml::hashName(QCryptographicHash::Algorithm algorithm)
{
    for (const HashNameEntry &entry : hashNames) {
        if (entry.algorithm == algorithm)
            return entry.name;
    }
    return {};
}

std::optional<QCryptographicHash::Algorithm> JingleXml::parseHashName(QStringView name)
{
    for (const HashNameEntry &entry : hashNames) {
        if (name == entry.name)
            return entry.algorithm;
    }
    return std::nullopt;
}

QDomElement JingleXml::parseDocument(const QString &xml, QDomDocument *document, QString *error)
{
    const QDomDocument::ParseResult result
        = document->setContent(xml, QDomDocument::ParseOption::UseNamespaceProcessing);
    if (!result) {
        *error = u"the XML is not well-formed (line %1, column %2): %3"_s.arg(
            QString::number(result.errorLine), QString::number(result.errorColumn), result.errorMessage);
        return {};
    }
    return document->documentElement();
}

QString JingleXml::canonicalForm(const QDomElement &element)
{
    QString out;
    if (!element.isNull())
        appendCanonical(element, &out);
    return out;
}

QString JingleXml::canonicalForm(const QString &xml, QString *error)
{
    QDomDocument document;
    const QDomElement root = parseDocument(xml, &document, error);
    return root.isNull() ? QString() : canonicalForm(root);
}

} // namespace Peerlink
