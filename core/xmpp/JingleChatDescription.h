// JingleChatDescription: Peerlink's application for the chat channel of a session, one per
// session. It carries no parameters: the content stands for the QUIC channel the session sets up
// and its first bidirectional stream, which carries chat messages and control frames.
//   <description xmlns='urn:peerlink:jingle:chat:0'/>
#pragma once

#include <QString>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleChatDescription
{
    static bool isDescription(const QDomElement &element);
    // Child elements are ignored (reserved for later versions of the namespace).
    bool parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;

    bool operator==(const JingleChatDescription &other) const = default;
};

} // namespace Peerlink
