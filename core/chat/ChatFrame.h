// ChatFrame: one frame of the chat stream (stream 0 of a session's QUIC channel), see
// docs/chat.md. A frame is a 4-byte big-endian payload length followed by that many bytes of
// CBOR: a map whose "t" names the frame type. Parsing is strict about the fields Peerlink reads
// and ignores unknown keys and unknown frame types, so later versions can add both.
#pragma once

#include "core/chat/ChatMessage.h"
#include "core/chat/ChatState.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Peerlink {

class ChatFrame
{
public:
    static constexpr int ProtocolVersion = 1;
    static constexpr qsizetype HeaderSize = 4;
    // Limits: a frame whose declared payload is larger is skipped (and reported).
    static constexpr qsizetype MaxPayloadSize = 256 * 1024;
    static constexpr qsizetype MaxTextLength = 65536; // UTF-16 code units, on both paths
    static constexpr qsizetype MaxIdLength = 256;
    static constexpr qsizetype MaxErrorTextLength = 1024;

    enum class Type {
        Hello, // {"t":"hello","v":1}: first frame of each side
        Message, // {"t":"msg","id","text","ts","rev"}: a message, or its correction when rev > 0
        Ack, // {"t":"ack","id","rev","path"}: the receiver stored the message (up to revision rev)
        Read, // {"t":"read","id"}: the receiver read every message up to and including id
        State, // {"t":"state","state"}: a XEP-0085 chat state (typing)
        Error, // {"t":"error","text","id"}: the receiver refused a frame; never answered
    };

    Type type = Type::Hello;
    int version = ProtocolVersion; // Hello
    QString id; // Message, Ack, Read; optional in Error
    QString text; // Message, Error
    QDateTime timestamp; // Message (UTC, milliseconds)
    int revision = 0; // Message, Ack
    ChatMessage::Path path = ChatMessage::Path::PeerToPeer; // Ack: the path the receiver first got it on
    ChatState state = ChatState::Active; // State

    static ChatFrame hello();
    static ChatFrame message(const QString &id, const QString &text, const QDateTime &timestamp, int revision);
    static ChatFrame ack(const QString &id, int revision, ChatMessage::Path path);
    static ChatFrame read(const QString &id);
    static ChatFrame chatState(ChatState state);
    static ChatFrame error(const QString &text, const QString &id = {});

    // The whole frame: header and CBOR payload.
    QByteArray encode() const;
    // The CBOR payload alone.
    QByteArray encodePayload() const;

    // Parses one payload (without the header). A malformed payload gives nullopt and *error
    // says what is wrong; a well-formed frame of a type this version does not know gives
    // nullopt with an empty *error (it is ignored).
    static std::optional<ChatFrame> decode(const QByteArray &payload, QString *error);

    // Message ids: 1 to MaxIdLength characters, no control characters.
    static bool isValidId(QStringView id);
    static QString typeName(Type type);
};

} // namespace Peerlink
