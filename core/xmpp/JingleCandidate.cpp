#include "core/xmpp/JingleCandidate.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

constexpr QStringView context = u"Jingle candidate";

// A textual IP address without scope id; IPv4 only in its dotted-quad form ("127.1" is refused).
bool parseIp(const QString &text, QHostAddress *address)
{
    if (text.contains(u'%') || !address->setAddress(text))
        return false;
    return address->protocol() != QAbstractSocket::IPv4Protocol || address->toString() == text;
}

bool readIp(const QDomElement &element, const QString &name, bool required, QHostAddress *address, QString *error)
{
    QString text;
    if (!(required ? JingleXml::readString(element, context, name, 1, 64, &text, error)
                   : JingleXml::readOptionalString(element, context, name, 1, 64, &text, error)))
        return false;
    if (text.isEmpty()) {
        address->clear();
        return true;
    }
    if (!parseIp(text, address)) {
        *error = u"%1: attribute '%2' must be an IPv4 or IPv6 address without scope, not %3"_s.arg(
            context, name, JingleXml::quoted(text));
        return false;
    }
    return true;
}

std::optional<IceCandidate::Transport> transportOf(const QString &protocol, const QString &tcpType)
{
    if (protocol == u"udp" && tcpType.isEmpty())
        return IceCandidate::Transport::Udp;
    if (protocol == u"tcp") {
        if (tcpType == u"active")
            return IceCandidate::Transport::TcpActive;
        if (tcpType == u"passive")
            return IceCandidate::Transport::TcpPassive;
        if (tcpType == u"so")
            return IceCandidate::Transport::TcpSimultaneousOpen;
    }
    return std::nullopt;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

bool JingleCandidate::isCandidate(const QDomElement &element)
{
    return JingleXml::isElement(element, u"candidate", JingleNamespaces::IceUdp);
}

bool JingleCandidate::parse(const QDomElement &element, QString *error)
{
    if (!isCandidate(element)) {
        *error = u"%1: expected <candidate/> in %2, got %3"_s.arg(context, JingleNamespaces::IceUdp,
                                                                  JingleXml::qualifiedName(element));
        return false;
    }
    JingleCandidate c;
    quint64 number = 0;
    if (!JingleXml::readNumber(element, context, u"component"_s, 1, MaxComponent, &number, error))
        return false;
    c.component = int(number);
    if (!JingleXml::readString(element, context, u"foundation"_s, 1, 32, &c.foundation, error))
        return false;
    if (!JingleXml::readNumber(element, context, u"generation"_s, 0, MaxGeneration, &number, error))
        return false;
    c.generation = int(number);
    if (!JingleXml::readString(element, context, u"id"_s, 1, MaxIdLength, &c.id, error))
        return false;
    if (!readIp(element, u"ip"_s, true, &c.ip, error))
        return false;
    if (!JingleXml::readNumber(element, context, u"network"_s, 0, MaxNetwork, &number, error))
        return false;
    c.network = int(number);
    if (!JingleXml::readNumber(element, context, u"port"_s, 0, 65535, &number, error))
        return false;
    c.port = quint16(number);
    if (!JingleXml::readNumber(element, context, u"priority"_s, 1, MaxPriority, &number, error))
        return false;
    c.priority = quint32(number);
    if (!JingleXml::readString(element, context, u"protocol"_s, 1, 8, &c.protocol, error))
        return false;
    if (!JingleXml::readString(element, context, u"type"_s, 1, 8, &c.type, error))
        return false;
    if (!JingleXml::readOptionalString(element, context, u"tcptype"_s, 1, 8, &c.tcpType, error))
        return false;
    if (!readIp(element, u"rel-addr"_s, false, &c.relAddr, error))
        return false;
    bool hasRelPort = false;
    if (!JingleXml::readOptionalNumber(element, context, u"rel-port"_s, 0, 65535, &number, &hasRelPort, error))
        return false;
    if (hasRelPort)
        c.relPort = quint16(number);
    if (hasRelPort != !c.relAddr.isNull()) {
        *error = u"%1: attributes 'rel-addr' and 'rel-port' must come together"_s.arg(context);
        return false;
    }
    if (!c.validate(error))
        return false;
    *this = c;
    return true;
}

void JingleCandidate::toXml(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"candidate"_s);
    writer->writeAttribute(u"component"_s, QString::number(component));
    writer->writeAttribute(u"foundation"_s, foundation);
    writer->writeAttribute(u"generation"_s, QString::number(generation));
    writer->writeAttribute(u"id"_s, id);
    writer->writeAttribute(u"ip"_s, ip.toString());
    writer->writeAttribute(u"network"_s, QString::number(network));
    writer->writeAttribute(u"port"_s, QString::number(port));
    writer->writeAttribute(u"priority"_s, QString::number(priority));
    writer->writeAttribute(u"protocol"_s, protocol);
    if (!relAddr.isNull()) {
        writer->writeAttribute(u"rel-addr"_s, relAddr.toString());
        writer->writeAttribute(u"rel-port"_s, QString::number(relPort));
    }
    if (!tcpType.isEmpty())
        writer->writeAttribute(u"tcptype"_s, tcpType);
    writer->writeAttribute(u"type"_s, type);
    writer->writeEndElement();
}

bool JingleCandidate::validate(QString *error) const
{
    const auto fail = [error](const QString &message) {
        setError(error, u"%1: %2"_s.arg(context, message));
        return false;
    };
    if (component < 1 || component > MaxComponent)
        return fail(
            u"component %1 is outside 1 to %2"_s.arg(QString::number(component), QString::number(MaxComponent)));
    if (foundation.isEmpty() || foundation.size() > 32 || !JingleXml::isIceChars(foundation))
        return fail(u"foundation %1 must be 1 to 32 letters, digits, '+' or '/'"_s.arg(JingleXml::quoted(foundation)));
    if (generation < 0 || generation > MaxGeneration)
        return fail(
            u"generation %1 is outside 0 to %2"_s.arg(QString::number(generation), QString::number(MaxGeneration)));
    if (id.size() > MaxIdLength || !JingleXml::isIdentifier(id))
        return fail(u"the id must have 1 to %1 characters and no white space"_s.arg(QString::number(MaxIdLength)));
    if (network < 0 || network > MaxNetwork)
        return fail(u"network %1 is outside 0 to %2"_s.arg(QString::number(network), QString::number(MaxNetwork)));
    if (priority < 1 || priority > MaxPriority)
        return fail(u"priority %1 is outside 1 to %2"_s.arg(QString::number(priority), QString::number(MaxPriority)));
    if (protocol != u"udp" && protocol != u"tcp")
        return fail(u"protocol %1 is neither \"udp\" nor \"tcp\""_s.arg(JingleXml::quoted(protocol)));
    if (protocol == u"udp" && !tcpType.isEmpty())
        return fail(u"a udp candidate cannot have a tcptype"_s);
    if (!transportOf(protocol, tcpType))
        return fail(u"a tcp candidate needs tcptype \"active\", \"passive\" or \"so\", not %1"_s.arg(
            JingleXml::quoted(tcpType)));
    IceCandidate::Type iceType;
    if (!IceCandidate::parseTypeName(type, &iceType))
        return fail(u"type %1 is not one of host, srflx, prflx, relay"_s.arg(JingleXml::quoted(type)));
    if (ip.isNull() || ip.protocol() == QAbstractSocket::AnyIPProtocol)
        return fail(u"the address is missing"_s);
    if (!ip.scopeId().isEmpty())
        return fail(u"the address %1 has a scope id, which means nothing to the peer"_s.arg(ip.toString()));
    if (ip == QHostAddress::AnyIPv4 || ip == QHostAddress::AnyIPv6 || ip.isMulticast() || ip.isBroadcast())
        return fail(u"%1 is not a unicast address"_s.arg(ip.toString()));
    if (port == 0 && tcpType != u"active")
        return fail(u"port 0 is only allowed for active TCP candidates"_s);
    if (relAddr.isNull() && relPort != 0)
        return fail(u"a related port needs a related address"_s);
    if (!relAddr.isNull() && !relAddr.scopeId().isEmpty())
        return fail(u"the related address %1 has a scope id"_s.arg(relAddr.toString()));
    return true;
}

std::optional<IceCandidate> JingleCandidate::toIceCandidate(QString *error) const
{
    if (!validate(error))
        return std::nullopt;
    IceCandidate c;
    c.foundation = foundation;
    c.component = component;
    c.transport = *transportOf(protocol, tcpType);
    c.priority = priority;
    c.address = ip;
    c.port = port;
    IceCandidate::parseTypeName(type, &c.type);
    c.relatedAddress = relAddr;
    c.relatedPort = relPort;
    c.generation = generation;
    c.network = network;
    c.id = id;
    return c;
}

std::optional<JingleCandidate> JingleCandidate::fromIceCandidate(const IceCandidate &candidate, QString *error)
{
    JingleCandidate c;
    c.component = candidate.component;
    c.foundation = candidate.foundation;
    c.generation = candidate.generation;
    c.id = candidate.id;
    c.ip = candidate.address;
    c.ip.setScopeId(QString());
    c.network = candidate.network;
    c.port = candidate.port;
    c.priority = candidate.priority;
    switch (candidate.transport) {
    case IceCandidate::Transport::Udp:
        c.protocol = u"udp"_s;
        break;
    case IceCandidate::Transport::TcpActive:
        c.protocol = u"tcp"_s;
        c.tcpType = u"active"_s;
        break;
    case IceCandidate::Transport::TcpPassive:
        c.protocol = u"tcp"_s;
        c.tcpType = u"passive"_s;
        break;
    case IceCandidate::Transport::TcpSimultaneousOpen:
        c.protocol = u"tcp"_s;
        c.tcpType = u"so"_s;
        break;
    }
    c.type = IceCandidate::typeName(candidate.type);
    c.relAddr = candidate.relatedAddress;
    c.relAddr.setScopeId(QString());
    c.relPort = candidate.relatedPort;
    if (c.id.isEmpty()) {
        setError(error, u"%1: the candidate has no id; give every local candidate a session-unique id"_s.arg(context));
        return std::nullopt;
    }
    if (!c.validate(error))
        return std::nullopt;
    return c;
}

} // namespace Peerlink
