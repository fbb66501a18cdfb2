#include "core/chat/ChatFrame.h"

#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>
#include <QTimeZone>
#include <QtEndian>

#include <limits>

namespace Peerlink {

namespace {

const QString KeyType = QStringLiteral("t");
const QString KeyVersion = QStringLiteral("v");
const QString KeyId = QStringLiteral("id");
const QString KeyText = QStringLiteral("text");
const QString KeyTimestamp = QStringLiteral("ts");
const QString KeyRevision = QStringLiteral("rev");
const QString KeyPath = QStringLiteral("path");
const QString KeyState = QStringLiteral("state");

constexpr ChatFrame::Type AllTypes[] = { ChatFrame::Type::Hello, ChatFrame::Type::Message, ChatFrame::Type::Ack,
                                         ChatFrame::Type::Read,  ChatFrame::Type::State,   ChatFrame::Type::Error };

// Reads an optional non-negative integer that fits an int. False (with *error) when present
// and wrong.
bool readCount(const QCborMap &map, const QString &key, int *value, QString *error)
{
    const QCborValue v = map.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isInteger() || v.toInteger() < 0 || v.toInteger() > std::numeric_limits<int>::max()) {
        *error = QStringLiteral("\"%1\" must be an integer from 0 to %2").arg(key).arg(std::numeric_limits<int>::max());
        return false;
    }
    *value = int(v.toInteger());
    return true;
}

bool readId(const QCborMap &map, bool required, QString *id, QString *error)
{
    const QCborValue v = map.value(KeyId);
    if (v.isUndefined() && !required)
        return true;
    if (!v.isString()) {
        *error = QStringLiteral("\"id\" is missing or not a text string");
        return false;
    }
    const QString value = v.toString();
    if (!ChatFrame::isValidId(value)) {
        *error = QStringLiteral("\"id\" must have 1 to %1 characters and no control characters (it has %2)")
                     .arg(ChatFrame::MaxIdLength)
                     .arg(value.size());
        return false;
    }
    *id = value;
    return true;
}

} // namespace

ChatFrame ChatFrame::hello()
{
    return ChatFrame();
}

ChatFrame ChatFrame::message(const QString &id, const QString &text, const QDateTime &timestamp, int revision)
{
    ChatFrame frame;
    frame.type = Type::Message;
    frame.id = id;
    frame.text = text;
    frame.timestamp = timestamp;
    frame.revision = revision;
    return frame;
}

ChatFrame ChatFrame::ack(const QString &id, int revision, ChatMessage::Path path)
{
    ChatFrame frame;
    frame.type = Type::Ack;
    frame.id = id;
    frame.revision = revision;
    frame.path = path;
    return frame;
}

ChatFrame ChatFrame::read(const QString &id)
{
    ChatFrame frame;
    frame.type = Type::Read;
    frame.id = id;
    return frame;
}

ChatFrame ChatFrame::chatState(ChatState state)
{
    ChatFrame frame;
    frame.type = Type::State;
    frame.state = state;
    return frame;
}

ChatFrame ChatFrame::error(const QString &text, const QString &id)
{
    ChatFrame frame;
    frame.type = Type::Error;
    frame.text = text.left(MaxErrorTextLength);
    frame.id = isValidId(id) ? id : QString();
    return frame;
}

QString ChatFrame::typeName(Type type)
{
    switch (type) {
    case Type::Hello:
        return QStringLiteral("hello");
    case Type::Message:
        return QStringLiteral("msg");
    case Type::Ack:
        return QStringLiteral("ack");
    case Type::Read:
        return QStringLiteral("read");
    case Type::State:
        return QStringLiteral("state");
    case Type::Error:
        return QStringLiteral("error");
    }
    return QString();
}

bool ChatFrame::isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > MaxIdLength)
        return false;
    for (const QChar c : id) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

QByteArray ChatFrame::encodePayload() const
{
    QCborMap map;
    map.insert(KeyType, typeName(type));
    switch (type) {
    case Type::Hello:
        map.insert(KeyVersion, version);
        break;
    case Type::Message:
        map.insert(KeyId, id);
        map.insert(KeyText, text);
        if (timestamp.isValid())
            map.insert(KeyTimestamp, timestamp.toMSecsSinceEpoch());
        if (revision > 0)
            map.insert(KeyRevision, revision);
        break;
    case Type::Ack:
        map.insert(KeyId, id);
        map.insert(KeyRevision, revision);
        map.insert(KeyPath, ChatMessage::pathName(path));
        break;
    case Type::Read:
        map.insert(KeyId, id);
        break;
    case Type::State:
        map.insert(KeyState, chatStateName(state));
        break;
    case Type::Error:
        map.insert(KeyText, text);
        if (!id.isEmpty())
            map.insert(KeyId, id);
        break;
    }
    return map.toCborValue().toCbor();
}

QByteArray ChatFrame::encode() const
{
    const QByteArray payload = encodePayload();
    QByteArray frame(HeaderSize, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), frame.data());
    frame.append(payload);
    return frame;
}

std::optional<ChatFrame> ChatFrame::decode(const QByteArray &payload, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    error->clear();

    QCborStreamReader reader(payload);
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError) {
        *error = QStringLiteral("the payload is not valid CBOR (%1)").arg(reader.lastError().toString());
        return std::nullopt;
    }
    if (reader.currentOffset() != payload.size()) {
        *error = QStringLiteral("%1 bytes follow the CBOR value").arg(payload.size() - reader.currentOffset());
        return std::nullopt;
    }
    if (!value.isMap()) {
        *error = QStringLiteral("the payload is not a CBOR map");
        return std::nullopt;
    }
    const QCborMap map = value.toMap();
    const QCborValue typeValue = map.value(KeyType);
    if (!typeValue.isString()) {
        *error = QStringLiteral("the frame has no \"t\" (type) text string");
        return std::nullopt;
    }
    const QString typeString = typeValue.toString();
    std::optional<Type> type;
    for (Type t : AllTypes) {
        if (typeString == typeName(t))
            type = t;
    }
    if (!type)
        return std::nullopt; // a frame type of a later version: ignored

    ChatFrame frame;
    frame.type = *type;
    const QString where = typeString + QStringLiteral(" frame: ");
    const auto fail = [&](const QString &what) {
        *error = where + what;
        return std::nullopt;
    };
    switch (frame.type) {
    case Type::Hello: {
        const QCborValue v = map.value(KeyVersion);
        if (!v.isInteger() || v.toInteger() < 1 || v.toInteger() > std::numeric_limits<int>::max())
            return fail(QStringLiteral("\"v\" (protocol version) must be a positive integer"));
        frame.version = int(v.toInteger());
        break;
    }
    case Type::Message: {
        QString why;
        if (!readId(map, true, &frame.id, &why))
            return fail(why);
        const QCborValue text = map.value(KeyText);
        if (!text.isString())
            return fail(QStringLiteral("\"text\" is missing or not a text string"));
        frame.text = text.toString();
        if (frame.text.trimmed().isEmpty())
            return fail(QStringLiteral("\"text\" is empty"));
        if (frame.text.size() > MaxTextLength)
            return fail(QStringLiteral("the text has %1 characters, more than the limit of %2")
                            .arg(frame.text.size())
                            .arg(MaxTextLength));
        const QCborValue ts = map.value(KeyTimestamp);
        if (!ts.isUndefined()) {
            if (!ts.isInteger() || ts.toInteger() < 0)
                return fail(QStringLiteral("\"ts\" must be a non-negative integer (milliseconds since 1970)"));
            frame.timestamp = QDateTime::fromMSecsSinceEpoch(ts.toInteger(), QTimeZone::UTC);
        }
        if (!readCount(map, KeyRevision, &frame.revision, &why))
            return fail(why);
        break;
    }
    case Type::Ack: {
        QString why;
        if (!readId(map, true, &frame.id, &why) || !readCount(map, KeyRevision, &frame.revision, &why))
            return fail(why);
        const QCborValue path = map.value(KeyPath);
        if (path.isString() && path.toString() == ChatMessage::pathName(ChatMessage::Path::Server))
            frame.path = ChatMessage::Path::Server;
        else if (!path.isUndefined() && path.toString() != ChatMessage::pathName(ChatMessage::Path::PeerToPeer))
            return fail(QStringLiteral("\"path\" must be \"p2p\" or \"server\""));
        break;
    }
    case Type::Read: {
        QString why;
        if (!readId(map, true, &frame.id, &why))
            return fail(why);
        break;
    }
    case Type::State: {
        const QCborValue state = map.value(KeyState);
        const auto parsed = state.isString() ? chatStateFromName(state.toString()) : std::nullopt;
        if (!parsed)
            return fail(QStringLiteral("\"state\" must be one of active, composing, paused, inactive, gone"));
        frame.state = *parsed;
        break;
    }
    case Type::Error: {
        const QCborValue text = map.value(KeyText);
        if (!text.isString())
            return fail(QStringLiteral("\"text\" is missing or not a text string"));
        frame.text = text.toString().left(MaxErrorTextLength);
        QString why;
        if (!readId(map, false, &frame.id, &why))
            frame.id.clear(); // an error about an unusable id still tells its text
        break;
    }
    }
    return frame;
}

} // namespace Peerlink
