#include "core/xmpp/JingleChatDescription.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Peerlink {

bool JingleChatDescription::isDescription(const QDomElement &element)
{
    return JingleXml::isElement(element, u"description", JingleNamespaces::Chat);
}

bool JingleChatDescription::parse(const QDomElement &element, QString *error)
{
    if (!isDescription(element)) {
        *error = u"Jingle chat description: expected <description/> in %1, got %2"_s.arg(
            JingleNamespaces::Chat, JingleXml::qualifiedName(element));
        return false;
    }
    return true;
}

void JingleChatDescription::toXml(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"description"_s);
    writer->writeDefaultNamespace(JingleNamespaces::Chat);
    writer->writeEndElement();
}

} // namespace Peerlink
