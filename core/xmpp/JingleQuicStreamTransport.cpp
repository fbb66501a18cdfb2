#include "core/xmpp/JingleQuicStreamTransport.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Peerlink {

bool JingleQuicStreamTransport::isTransport(const QDomElement &element)
{
    return JingleXml::isElement(element, u"transport", JingleNamespaces::QuicStream);
}

bool JingleQuicStreamTransport::parse(const QDomElement &element, QString *error)
{
    constexpr QStringView context = u"Jingle QUIC stream transport";
    if (!isTransport(element)) {
        *error = u"%1: expected <transport/> in %2, got %3"_s.arg(context, JingleNamespaces::QuicStream,
                                                                  JingleXml::qualifiedName(element));
        return false;
    }
    quint64 id = 0;
    if (!JingleXml::readNumber(element, context, u"stream-id"_s, 0, MaxStreamId, &id, error))
        return false;
    streamId = id;
    return true;
}

void JingleQuicStreamTransport::toXml(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"transport"_s);
    writer->writeDefaultNamespace(JingleNamespaces::QuicStream);
    writer->writeAttribute(u"stream-id"_s, QString::number(streamId));
    writer->writeEndElement();
}

} // namespace Peerlink
