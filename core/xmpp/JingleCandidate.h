// JingleCandidate: one <candidate/> of a XEP-0176 ICE-UDP transport, as it appears on the wire,
// plus the conversion to and from Peerlink::IceCandidate. Peerlink adds the attribute 'tcptype'
// (active, passive, so; RFC 6544) to candidates whose protocol is 'tcp'.
#pragma once

#include "core/ice/IceCandidate.h"

#include <QHostAddress>
#include <QString>

#include <optional>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleCandidate
{
    static constexpr qsizetype MaxIdLength = 256;
    static constexpr int MaxComponent = 256;
    static constexpr int MaxGeneration = 65535;
    static constexpr int MaxNetwork = 65535;
    static constexpr quint32 MaxPriority = 0x7fffffff; // RFC 8445: 1 to 2^31 - 1

    int component = 1;
    QString foundation; // 1 to 32 ice-chars
    int generation = 0;
    QString id; // unique within the session
    QHostAddress ip;
    int network = 0;
    quint16 port = 0; // 0 only for tcptype 'active' (the port of an active TCP candidate is unused)
    quint32 priority = 0;
    QString protocol = QStringLiteral("udp"); // "udp" or "tcp"
    QHostAddress relAddr; // null when absent
    quint16 relPort = 0; // 0 when relAddr is null
    QString type = QStringLiteral("host"); // "host", "srflx", "prflx", "relay"
    QString tcpType; // "active", "passive" or "so" when protocol is "tcp", else empty

    static bool isCandidate(const QDomElement &element);

    // Reads a <candidate/> element; false with *error set when it is not a valid candidate.
    bool parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;
    // Whether the fields describe a candidate Peerlink can send or use (the rules of parse()).
    bool validate(QString *error) const;

    std::optional<IceCandidate> toIceCandidate(QString *error = nullptr) const;
    // The candidate as sent to the peer. An IPv6 scope id is dropped (it only means something on
    // this host); viaUpnp and relayTransport are local knowledge and not sent. Fails for
    // candidates without an id.
    static std::optional<JingleCandidate> fromIceCandidate(const IceCandidate &candidate, QString *error = nullptr);

    bool operator==(const JingleCandidate &other) const = default;
};

} // namespace Peerlink
