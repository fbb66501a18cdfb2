// JingleContent: one XEP-0166 <content/>: who created it, its name (unique per creator within
// the session), who sends, and the application (chat or file) and transport (ICE-UDP, or a QUIC
// stream of the running session) it negotiates. Actions like transport-info carry contents
// with a transport only, content-remove contents with neither.
#pragma once

#include "core/xmpp/JingleChatDescription.h"
#include "core/xmpp/JingleFileDescription.h"
#include "core/xmpp/JingleIceTransport.h"
#include "core/xmpp/JingleParseResult.h"
#include "core/xmpp/JingleQuicStreamTransport.h"

#include <QString>

#include <optional>
#include <variant>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleContent
{
    static constexpr qsizetype MaxNameLength = 128;

    enum class Creator { Initiator, Responder };
    enum class Senders { Both, Initiator, Responder, None };
    using Description = std::variant<std::monostate, JingleChatDescription, JingleFileDescription>;
    using Transport = std::variant<std::monostate, JingleIceTransport, JingleQuicStreamTransport>;

    Creator creator = Creator::Initiator;
    QString name;
    std::optional<Senders> senders; // absent means both
    Description description;
    Transport transport;

    bool hasDescription() const { return !std::holds_alternative<std::monostate>(description); }
    bool hasTransport() const { return !std::holds_alternative<std::monostate>(transport); }
    const JingleChatDescription *chatDescription() const { return std::get_if<JingleChatDescription>(&description); }
    const JingleFileDescription *fileDescription() const { return std::get_if<JingleFileDescription>(&description); }
    const JingleIceTransport *iceTransport() const { return std::get_if<JingleIceTransport>(&transport); }
    const JingleQuicStreamTransport *quicStreamTransport() const
    {
        return std::get_if<JingleQuicStreamTransport>(&transport);
    }

    static QString creatorName(Creator creator);
    static std::optional<Creator> parseCreatorName(QStringView name);
    static QString sendersName(Senders senders);
    static std::optional<Senders> parseSendersName(QStringView name);

    static bool isContent(const QDomElement &element);
    // Malformed for invalid XML content; UnsupportedApplication / UnsupportedTransport for a
    // well-formed description / transport in a namespace Peerlink does not implement.
    JingleParseResult parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;

    bool operator==(const JingleContent &other) const = default;
};

} // namespace Peerlink
