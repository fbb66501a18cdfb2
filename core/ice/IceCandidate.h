// IceCandidate: one ICE candidate as Peerlink passes it between libnice (core/ice) and Jingle
// ICE-UDP transport elements (core/session). Plain value type, Qt types only.
#pragma once

#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Peerlink {

struct IceCandidate
{
    enum class Type { Host, ServerReflexive, PeerReflexive, Relayed };
    // Transport of the candidate itself. For relayed candidates this is the transport of the
    // allocation towards the peer (always UDP); relayTransport tells how we reach the TURN server.
    enum class Transport { Udp, TcpActive, TcpPassive, TcpSimultaneousOpen };

    QString foundation;
    int component = 1;
    Transport transport = Transport::Udp;
    quint32 priority = 0;
    QHostAddress address;
    quint16 port = 0;
    Type type = Type::Host;
    QHostAddress relatedAddress; // null when there is none
    quint16 relatedPort = 0;
    int generation = 0;
    int network = 0;
    QString id; // Jingle candidate id, unique within a session
    bool viaUpnp = false; // local only: a server-reflexive candidate mapped by a UPnP IGD
    // Local relayed candidates only: how this side reaches the TURN server that allocated it.
    enum class RelayTransport { None, Udp, Tcp, Tls };
    RelayTransport relayTransport = RelayTransport::None;

    // "host", "srflx", "prflx", "relay" (the names of RFC 8445 and XEP-0176)
    static QString typeName(Type type);
    static bool parseTypeName(const QString &name, Type *type);

    bool operator==(const IceCandidate &other) const = default;
};

inline QString IceCandidate::typeName(Type type)
{
    switch (type) {
    case Type::Host:
        return QStringLiteral("host");
    case Type::ServerReflexive:
        return QStringLiteral("srflx");
    case Type::PeerReflexive:
        return QStringLiteral("prflx");
    case Type::Relayed:
        return QStringLiteral("relay");
    }
    return {};
}

inline bool IceCandidate::parseTypeName(const QString &name, Type *type)
{
    for (Type t : { Type::Host, Type::ServerReflexive, Type::PeerReflexive, Type::Relayed }) {
        if (name == typeName(t)) {
            *type = t;
            return true;
        }
    }
    return false;
}

using IceCandidates = QList<IceCandidate>;

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::IceCandidate)
