#include "core/xmpp/JingleFileDescription.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QRegularExpression>
#include <QXmlStreamWriter>

#include <limits>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

constexpr QStringView context = u"Jingle file description";
constexpr quint64 maxInt64 = quint64(std::numeric_limits<qint64>::max());

// XEP-0082 DateTime with a mandatory time zone; fractions beyond milliseconds are dropped.
std::optional<QDateTime> parseDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        uR"(^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]{1,9}))?(Z|[+-][0-9]{2}:[0-9]{2})$)"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QString normalised = match.captured(1);
    if (match.hasCaptured(2))
        normalised += u'.' + match.captured(2).left(3);
    normalised += match.captured(3);
    const QDateTime date = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!date.isValid())
        return std::nullopt;
    return date.toUTC();
}

QString formatDateTime(const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

bool parseHash(const QDomElement &element, JingleFileDescription::Hash *hash, QString *error)
{
    QString name;
    if (!JingleXml::readString(element, context, u"algo"_s, 1, 32, &name, error))
        return false;
    const auto algorithm = JingleXml::parseHashName(name);
    if (!algorithm) {
        *error = u"%1: hash algorithm %2 is not supported; use sha-256"_s.arg(context, JingleXml::quoted(name));
        return false;
    }
    const int length = QCryptographicHash::hashLength(*algorithm);
    QString text;
    if (!JingleXml::readText(element, context, (length + 2) / 3 * 4, &text, error))
        return false;
    const QByteArray base64 = text.toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != length || decoded.decoded.toBase64() != base64) {
        *error = u"%1: the %2 hash must be %3 bytes in padded base64, not %4"_s.arg(
            context, name, QString::number(length), JingleXml::quoted(text));
        return false;
    }
    hash->algorithm = *algorithm;
    hash->value = decoded.decoded;
    return true;
}

bool parseRange(const QDomElement &element, JingleFileDescription::Range *range, QString *error)
{
    quint64 number = 0;
    bool present = false;
    if (!JingleXml::readOptionalNumber(element, context, u"offset"_s, 0, maxInt64, &number, &present, error))
        return false;
    range->offset = present ? qint64(number) : 0;
    if (!JingleXml::readOptionalNumber(element, context, u"length"_s, 1, maxInt64, &number, &present, error))
        return false;
    range->length = present ? std::optional<qint64>(qint64(number)) : std::nullopt;
    return true;
}

} // namespace

bool JingleFileDescription::isDescription(const QDomElement &element)
{
    return JingleXml::isElement(element, u"description", JingleNamespaces::FileTransfer);
}

bool JingleFileDescription::parse(const QDomElement &element, QString *error)
{
    if (!isDescription(element)) {
        *error = u"%1: expected <description/> in %2, got %3"_s.arg(context, JingleNamespaces::FileTransfer,
                                                                    JingleXml::qualifiedName(element));
        return false;
    }
    QDomElement file;
    for (QDomElement child = element.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        if (JingleXml::isElement(child, u"file", JingleNamespaces::FileTransfer)) {
            if (!file.isNull()) {
                *error = u"%1: more than one <file/>"_s.arg(context);
                return false;
            }
            file = child;
        }
    }
    if (file.isNull()) {
        *error = u"%1: the <file/> element is missing"_s.arg(context);
        return false;
    }

    JingleFileDescription d;
    bool hasName = false;
    bool hasSize = false;
    const auto once = [error](bool *seen, const QDomElement &child) {
        if (*seen) {
            *error = u"%1: more than one <%2/> in <file/>"_s.arg(context, JingleXml::localName(child));
            return false;
        }
        *seen = true;
        return true;
    };
    bool hasMediaType = false;
    bool hasDate = false;
    bool hasDesc = false;
    for (QDomElement child = file.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        const QString childName = JingleXml::localName(child);
        if (child.namespaceURI() == JingleNamespaces::Hashes && childName == u"hash") {
            if (d.hashes.size() == MaxHashes) {
                *error = u"%1: more than %2 hashes"_s.arg(context, QString::number(MaxHashes));
                return false;
            }
            Hash hash;
            if (!parseHash(child, &hash, error))
                return false;
            d.hashes.append(hash);
            continue;
        }
        if (child.namespaceURI() != JingleNamespaces::FileTransfer)
            continue;
        if (childName == u"name") {
            if (!once(&hasName, child) || !JingleXml::readText(child, context, MaxNameLength, &d.name, error))
                return false;
            if (d.name.isEmpty()) {
                *error = u"%1: the file name is empty"_s.arg(context);
                return false;
            }
        } else if (childName == u"size") {
            QString text;
            if (!once(&hasSize, child) || !JingleXml::readText(child, context, 20, &text, error))
                return false;
            const auto parsedSize = JingleXml::parseNumber(text, 0, maxInt64);
            if (!parsedSize) {
                *error
                    = u"%1: the size must be a whole number of bytes, not %2"_s.arg(context, JingleXml::quoted(text));
                return false;
            }
            d.size = qint64(*parsedSize);
        } else if (childName == u"media-type") {
            if (!once(&hasMediaType, child)
                || !JingleXml::readText(child, context, MaxMediaTypeLength, &d.mediaType, error))
                return false;
        } else if (childName == u"date") {
            QString text;
            if (!once(&hasDate, child) || !JingleXml::readText(child, context, 64, &text, error))
                return false;
            const auto parsedDate = parseDateTime(text);
            if (!parsedDate) {
                *error = u"%1: the date must be a XEP-0082 date and time with time zone, not %2"_s.arg(
                    context, JingleXml::quoted(text));
                return false;
            }
            d.date = *parsedDate;
        } else if (childName == u"desc") {
            if (!once(&hasDesc, child) || !JingleXml::readText(child, context, MaxDescLength, &d.desc, error))
                return false;
        } else if (childName == u"range") {
            if (d.range) {
                *error = u"%1: more than one <range/> in <file/>"_s.arg(context);
                return false;
            }
            Range parsedRange;
            if (!parseRange(child, &parsedRange, error))
                return false;
            d.range = parsedRange;
        }
    }
    if (!hasName || !hasSize) {
        *error = u"%1: a file offer needs <name/> and <size/>"_s.arg(context);
        return false;
    }
    if (d.range) {
        const quint64 end = quint64(d.range->offset) + quint64(d.range->length.value_or(0));
        if (end > quint64(d.size)) {
            *error = u"%1: the range ends at byte %2, after the end of the %3-byte file"_s.arg(
                context, QString::number(end), QString::number(d.size));
            return false;
        }
    }
    *this = d;
    return true;
}

void JingleFileDescription::toXml(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"description"_s);
    writer->writeDefaultNamespace(JingleNamespaces::FileTransfer);
    writer->writeStartElement(u"file"_s);
    if (!mediaType.isEmpty())
        writer->writeTextElement(u"media-type"_s, mediaType);
    writer->writeTextElement(u"name"_s, name);
    if (date.isValid())
        writer->writeTextElement(u"date"_s, formatDateTime(date));
    if (!desc.isEmpty())
        writer->writeTextElement(u"desc"_s, desc);
    writer->writeTextElement(u"size"_s, QString::number(size));
    for (const Hash &hash : hashes) {
        writer->writeStartElement(u"hash"_s);
        writer->writeDefaultNamespace(JingleNamespaces::Hashes);
        writer->writeAttribute(u"algo"_s, JingleXml::hashName(hash.algorithm));
        writer->writeCharacters(QString::fromLatin1(hash.value.toBase64()));
        writer->writeEndElement();
    }
    if (range) {
        writer->writeStartElement(u"range"_s);
        if (range->offset != 0)
            writer->writeAttribute(u"offset"_s, QString::number(range->offset));
        if (range->length)
            writer->writeAttribute(u"length"_s, QString::number(*range->length));
        writer->writeEndElement();
    }
    writer->writeEndElement();
    writer->writeEndElement();
}

} // namespace Peerlink
