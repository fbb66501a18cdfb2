// A STUN/TURN service announced by the XMPP server (XEP-0215), in Qt types.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Peerlink {

struct ExternalService
{
    Q_GADGET

public:
    enum class Type { Other, Stun, Turn, Turns };
    Q_ENUM(Type)
    enum class Transport { Unspecified, Udp, Tcp };
    Q_ENUM(Transport)

    Type type = Type::Other;
    QString typeName; // as sent: "stun", "turn", "turns", ...
    QString host;
    quint16 port = 0; // 0: the type's default (3478, or 5349 for turns)
    Transport transport = Transport::Unspecified;
    QString username; // TURN REST credentials for restricted services
    QString password;
    QDateTime expires; // invalid: no expiry
    bool restricted = false;
    QString name;

    bool isTurn() const { return type == Type::Turn || type == Type::Turns; }
    bool operator==(const ExternalService &) const = default;
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::ExternalService)
