#include "core/xmpp/JingleContent.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

constexpr QStringView context = u"Jingle content";

template<typename Element, typename Variant> bool parseInto(const QDomElement &element, Variant *target, QString *error)
{
    Element value;
    if (!value.parse(element, error))
        return false;
    *target = value;
    return true;
}

} // namespace

QString JingleContent::creatorName(Creator creator)
{
    return creator == Creator::Initiator ? u"initiator"_s : u"responder"_s;
}

std::optional<JingleContent::Creator> JingleContent::parseCreatorName(QStringView name)
{
    if (name == u"initiator")
        return Creator::Initiator;
    if (name == u"responder")
        return Creator::Responder;
    return std::nullopt;
}

QString JingleContent::sendersName(Senders senders)
{
    switch (senders) {
    case Senders::Both:
        return u"both"_s;
    case Senders::Initiator:
        return u"initiator"_s;
    case Senders::Responder:
        return u"responder"_s;
    case Senders::None:
        return u"none"_s;
    }
    return {};
}

std::optional<JingleContent::Senders> JingleContent::parseSendersName(QStringView name)
{
    for (Senders s : { Senders::Both, Senders::Initiator, Senders::Responder, Senders::None }) {
        if (name == sendersName(s))
            return s;
    }
    return std::nullopt;
}

bool JingleContent::isContent(const QDomElement &element)
{
    return JingleXml::isElement(element, u"content", JingleNamespaces::Jingle);
}

JingleParseResult JingleContent::parse(const QDomElement &element, QString *error)
{
    if (!isContent(element)) {
        *error = u"%1: expected <content/> in %2, got %3"_s.arg(context, JingleNamespaces::Jingle,
                                                                JingleXml::qualifiedName(element));
        return JingleParseResult::Malformed;
    }
    JingleContent c;
    QString text;
    if (!JingleXml::readString(element, context, u"creator"_s, 1, 16, &text, error))
        return JingleParseResult::Malformed;
    const auto creatorValue = parseCreatorName(text);
    if (!creatorValue) {
        *error = u"%1: creator %2 is neither initiator nor responder"_s.arg(context, JingleXml::quoted(text));
        return JingleParseResult::Malformed;
    }
    c.creator = *creatorValue;
    if (!JingleXml::readString(element, context, u"name"_s, 1, MaxNameLength, &c.name, error))
        return JingleParseResult::Malformed;
    if (!JingleXml::isIdentifier(c.name)) {
        *error = u"%1: name %2 contains white space"_s.arg(context, JingleXml::quoted(c.name));
        return JingleParseResult::Malformed;
    }
    if (!JingleXml::readOptionalString(element, context, u"senders"_s, 1, 16, &text, error))
        return JingleParseResult::Malformed;
    if (!text.isEmpty()) {
        c.senders = parseSendersName(text);
        if (!c.senders) {
            *error = u"%1: senders %2 is not one of both, initiator, responder, none"_s.arg(context,
                                                                                            JingleXml::quoted(text));
            return JingleParseResult::Malformed;
        }
    }

    const QString label = u"%1 '%2'"_s.arg(context, c.name);
    bool seenDescription = false;
    bool seenTransport = false;
    for (QDomElement child = element.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        const QString childName = JingleXml::localName(child);
        const bool isDescription = childName == u"description";
        const bool isTransport = childName == u"transport";
        if (!isDescription && !isTransport)
            continue; // for example a XEP-0391 <security/>: not used by Peerlink
        bool &seen = isDescription ? seenDescription : seenTransport;
        if (seen) {
            *error = u"%1: more than one <%2/>"_s.arg(label, childName);
            return JingleParseResult::Malformed;
        }
        seen = true;
        const QString ns = child.namespaceURI();
        if (ns.isEmpty() || ns == JingleNamespaces::Jingle) {
            *error = u"%1: <%2/> has no application or transport namespace"_s.arg(label, childName);
            return JingleParseResult::Malformed;
        }
        bool ok = true;
        if (isDescription) {
            if (JingleChatDescription::isDescription(child)) {
                ok = parseInto<JingleChatDescription>(child, &c.description, error);
            } else if (JingleFileDescription::isDescription(child)) {
                ok = parseInto<JingleFileDescription>(child, &c.description, error);
            } else {
                *error = u"%1: the application %2 is not supported"_s.arg(label, JingleXml::quoted(ns));
                return JingleParseResult::UnsupportedApplication;
            }
        } else {
            if (JingleIceTransport::isTransport(child)) {
                ok = parseInto<JingleIceTransport>(child, &c.transport, error);
            } else if (JingleQuicStreamTransport::isTransport(child)) {
                ok = parseInto<JingleQuicStreamTransport>(child, &c.transport, error);
            } else {
                *error = u"%1: the transport %2 is not supported"_s.arg(label, JingleXml::quoted(ns));
                return JingleParseResult::UnsupportedTransport;
            }
        }
        if (!ok) {
            *error = label + u": "_s + *error;
            return JingleParseResult::Malformed;
        }
    }
    *this = c;
    return JingleParseResult::Ok;
}

void JingleContent::toXml(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"content"_s);
    writer->writeAttribute(u"creator"_s, creatorName(creator));
    writer->writeAttribute(u"name"_s, name);
    if (senders)
        writer->writeAttribute(u"senders"_s, sendersName(*senders));
    std::visit(
        [writer](const auto &value) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(value)>, std::monostate>)
                value.toXml(writer);
        },
        description);
    std::visit(
        [writer](const auto &value) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(value)>, std::monostate>)
                value.toXml(writer);
        },
        transport);
    writer->writeEndElement();
}

} // namespace Peerlink
