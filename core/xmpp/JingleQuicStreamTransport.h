// JingleQuicStreamTransport: Peerlink's transport for a file content inside a running session:
// the bytes travel on one stream of the session's QUIC channel, named by its QUIC stream id
// (chosen by the sender of the file, RFC 9000 section 2.1).
//   <transport xmlns='urn:peerlink:jingle:transports:quic-stream:0' stream-id='6'/>
#pragma once

#include <QString>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleQuicStreamTransport
{
    static constexpr quint64 MaxStreamId = (quint64(1) << 62) - 1; // RFC 9000 variable-length integer

    quint64 streamId = 0;

    static bool isTransport(const QDomElement &element);
    bool parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;

    bool operator==(const JingleQuicStreamTransport &other) const = default;
};

} // namespace Peerlink
