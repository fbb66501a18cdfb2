// JingleXml: strict, bounded reading helpers shared by Peerlink's Jingle element classes, and a
// canonical text form of an element (namespaces resolved, attributes sorted, indentation dropped)
// used to compare stanzas independently of prefixes and attribute order.
#pragma once

#include <QCryptographicHash>
#include <QDomElement>
#include <QString>
#include <QXmlStreamWriter>

#include <optional>

class QDomDocument;

namespace Peerlink {

class JingleXml
{
public:
    // Longest attribute or text value echoed in an error message.
    static constexpr qsizetype MaxQuotedLength = 48;

    // The element's local name, whether or not the document was parsed with namespace processing.
    static QString localName(const QDomElement &element);
    static bool isElement(const QDomElement &element, QStringView name, QLatin1StringView ns);
    // "{namespace}name", for messages.
    static QString qualifiedName(const QDomElement &element);

    // A decimal number in [min, max]: ASCII digits only, no sign, no spaces, no leading zeros.
    static std::optional<quint64> parseNumber(QStringView text, quint64 min, quint64 max);

    // Read attribute 'name' of 'element'. On failure they return false and set *error to a message
    // starting with 'context' ("Jingle candidate: ..."). When the attribute is absent,
    // readOptionalNumber sets *present false and leaves *value untouched, and readOptionalString
    // clears *value.
    static bool readNumber(const QDomElement &element, QStringView context, const QString &name, quint64 min,
                           quint64 max, quint64 *value, QString *error);
    static bool readOptionalNumber(const QDomElement &element, QStringView context, const QString &name, quint64 min,
                                   quint64 max, quint64 *value, bool *present, QString *error);
    static bool readString(const QDomElement &element, QStringView context, const QString &name, qsizetype minLength,
                           qsizetype maxLength, QString *value, QString *error);
    static bool readOptionalString(const QDomElement &element, QStringView context, const QString &name,
                                   qsizetype minLength, qsizetype maxLength, QString *value, QString *error);
    // The element's text with surrounding white space removed; fails when longer than maxLength.
    static bool readText(const QDomElement &element, QStringView context, qsizetype maxLength, QString *value,
                         QString *error);

    // RFC 8445 ice-char: ALPHA / DIGIT / "+" / "/"
    static bool isIceChars(QStringView text);
    // No control characters (XML 1.0 cannot carry most of them anyway, but a DOM can).
    static bool isPrintable(QStringView text);
    // An identifier (session id, content name, candidate id): printable, without white space.
    static bool isIdentifier(QStringView text);
    // The value in double quotes for an error message, cut to MaxQuotedLength characters.
    static QString quoted(QStringView text);

    // Hash function text names (IANA / XEP-0300): sha-256, sha-384, sha-512, sha3-256, sha3-512,
    // blake2b-256, blake2b-512. Other algorithms have no name here.
    static QString hashName(QCryptographicHash::Algorithm algorithm);
    static std::optional<QCryptographicHash::Algorithm> parseHashName(QStringView name);

    // Parse 'xml' with namespace processing into *document; returns its root element, or a null
    // element with *error set.
    static QDomElement parseDocument(const QString &xml, QDomDocument *document, QString *error);
    static QString canonicalForm(const QDomElement &element);
    // Canonical form of an XML text; empty with *error set when it is not well-formed.
    static QString canonicalForm(const QString &xml, QString *error);

    // Serialise any element class with toXml(QXmlStreamWriter *) to a string.
    template<typename Element> static QString toXmlString(const Element &element)
    {
        QString xml;
        QXmlStreamWriter writer(&xml);
        element.toXml(&writer);
        return xml;
    }
};

} // namespace Peerlink
