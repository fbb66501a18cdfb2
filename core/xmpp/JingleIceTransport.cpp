#include "core/xmpp/JingleIceTransport.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

constexpr QStringView context = u"Jingle ICE-UDP transport";

bool readCredential(const QDomElement &element, const QString &name, qsizetype minLength, QString *value,
                    QString *error)
{
    if (!JingleXml::readOptionalString(element, context, name, minLength, JingleIceTransport::MaxCredentialLength,
                                       value, error))
        return false;
    if (!JingleXml::isIceChars(*value)) {
        *error = u"%1: attribute '%2' may only contain letters, digits, '+' and '/'"_s.arg(context, name);
        return false;
    }
    return true;
}

} // namespace

bool JingleIceTransport::isTransport(const QDomElement &element)
{
    return JingleXml::isElement(element, u"transport", JingleNamespaces::IceUdp);
}

bool JingleIceTransport::parse(const QDomElement &element, QString *error)
{
    if (!isTransport(element)) {
        *error = u"%1: expected <transport/> in %2, got %3"_s.arg(context, JingleNamespaces::IceUdp,
                                                                  JingleXml::qualifiedName(element));
        return false;
    }
    JingleIceTransport t;
    if (!readCredential(element, u"ufrag"_s, MinUfragLength, &t.ufrag, error)
        || !readCredential(element, u"pwd"_s, MinPwdLength, &t.pwd, error))
        return false;
    if (t.ufrag.isEmpty() != t.pwd.isEmpty()) {
        *error = u"%1: attributes 'ufrag' and 'pwd' must come together"_s.arg(context);
        return false;
    }
    for (QDomElement child = element.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        if (JingleCandidate::isCandidate(child)) {
            if (t.candidates.size() == MaxCandidates) {
                *error = u"%1: more than %2 candidates"_s.arg(context, QString::number(MaxCandidates));
                return false;
            }
            JingleCandidate candidate;
            if (!candidate.parse(child, error))
                return false;
            for (const JingleCandidate &other : std::as_const(t.candidates)) {
                if (other.id == candidate.id) {
                    *error = u"%1: two candidates have the id %2"_s.arg(context, JingleXml::quoted(candidate.id));
                    return false;
                }
            }
            t.candidates.append(candidate);
        } else if (JingleFingerprint::isFingerprint(child)) {
            if (t.fingerprint) {
                *error = u"%1: more than one <fingerprint/>"_s.arg(context);
                return false;
            }
            JingleFingerprint parsed;
            if (!parsed.parse(child, error))
                return false;
            t.fingerprint = parsed;
        }
    }
    *this = t;
    return true;
}

void JingleIceTransport::toXml(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"transport"_s);
    writer->writeDefaultNamespace(JingleNamespaces::IceUdp);
    if (hasCredentials()) {
        writer->writeAttribute(u"pwd"_s, pwd);
        writer->writeAttribute(u"ufrag"_s, ufrag);
    }
    if (fingerprint)
        fingerprint->toXml(writer);
    for (const JingleCandidate &candidate : candidates)
        candidate.toXml(writer);
    writer->writeEndElement();
}

} // namespace Peerlink
