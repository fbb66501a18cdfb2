#include "core/xmpp/JingleReason.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

#include <array>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

constexpr QStringView context = u"Jingle reason";

using C = JingleReason::Condition;
struct ConditionEntry
{
    C condition;
    QLatin1StringView name;
};

constexpr std::array<ConditionEntry, 17> conditionNames { {
    { C::AlternativeSession, QLatin1StringView("alternative-session") },
    { C::Busy, QLatin1StringView("busy") },
    { C::Cancel, QLatin1StringView("cancel") },
    { C::ConnectivityError, QLatin1StringView("connectivity-error") },
    { C::Decline, QLatin1StringView("decline") },
    { C::Expired, QLatin1StringView("expired") },
    { C::FailedApplication, QLatin1StringView("failed-application") },
    { C::FailedTransport, QLatin1StringView("failed-transport") },
    { C::GeneralError, QLatin1StringView("general-error") },
    { C::Gone, QLatin1StringView("gone") },
    { C::IncompatibleParameters, QLatin1StringView("incompatible-parameters") },
    { C::MediaError, QLatin1StringView("media-error") },
    { C::SecurityError, QLatin1StringView("security-error") },
    { C::Success, QLatin1StringView("success") },
    { C::Timeout, QLatin1StringView("timeout") },
    { C::UnsupportedApplications, QLatin1StringView("unsupported-applications") },
    { C::UnsupportedTransports, QLatin1StringView("unsupported-transports") },
} };

} // namespace

QString JingleReason::conditionName(Condition condition)
{
    for (const ConditionEntry &entry : conditionNames) {
        if (entry.condition == condition)
            return entry.name;
    }
    return {};
}

std::optional<JingleReason::Condition> JingleReason::parseConditionName(QStringView name)
{
    for (const ConditionEntry &entry : conditionNames) {
        if (name == entry.name)
            return entry.condition;
    }
    return std::nullopt;
}

bool JingleReason::isReason(const QDomElement &element)
{
    return JingleXml::isElement(element, u"reason", JingleNamespaces::Jingle);
}

bool JingleReason::parse(const QDomElement &element, QString *error)
{
    if (!isReason(element)) {
        *error = u"%1: expected <reason/> in %2, got %3"_s.arg(context, JingleNamespaces::Jingle,
                                                               JingleXml::qualifiedName(element));
        return false;
    }
    JingleReason r;
    std::optional<Condition> found;
    bool hasText = false;
    for (QDomElement child = element.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        if (child.namespaceURI() != JingleNamespaces::Jingle)
            continue; // application-specific details
        const QString name = JingleXml::localName(child);
        if (name == u"text") {
            if (hasText) {
                *error = u"%1: more than one <text/>"_s.arg(context);
                return false;
            }
            hasText = true;
            if (!JingleXml::readText(child, context, MaxTextLength, &r.text, error))
                return false;
            continue;
        }
        const auto parsed = parseConditionName(name);
        if (!parsed) {
            *error = u"%1: element %2 is not a Jingle reason condition"_s.arg(context, JingleXml::quoted(name));
            return false;
        }
        if (found) {
            *error = u"%1: more than one condition (<%2/> and <%3/>)"_s.arg(context, conditionName(*found), name);
            return false;
        }
        found = parsed;
        if (*parsed == Condition::AlternativeSession) {
            QDomElement sid = child.firstChildElement();
            while (!sid.isNull() && !JingleXml::isElement(sid, u"sid", JingleNamespaces::Jingle))
                sid = sid.nextSiblingElement();
            if (!JingleXml::readText(sid, context, 128, &r.alternativeSid, error))
                return false;
            if (r.alternativeSid.isEmpty()) {
                *error = u"%1: <alternative-session/> needs a <sid/>"_s.arg(context);
                return false;
            }
        }
    }
    if (!found) {
        *error = u"%1: the condition is missing"_s.arg(context);
        return false;
    }
    r.condition = *found;
    *this = r;
    return true;
}

void JingleReason::toXml(QXmlStreamWriter *writer) const
{
    // Written inside <jingle/>, whose default namespace urn:xmpp:jingle:1 it shares.
    writer->writeStartElement(u"reason"_s);
    if (condition == Condition::AlternativeSession) {
        writer->writeStartElement(conditionName(condition));
        writer->writeTextElement(u"sid"_s, alternativeSid);
        writer->writeEndElement();
    } else {
        writer->writeEmptyElement(conditionName(condition));
    }
    if (!text.isEmpty())
        writer->writeTextElement(u"text"_s, text);
    writer->writeEndElement();
}

} // namespace Peerlink
