// One message of a conversation, as the chat layer stores and shows it (Qt types only).
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Peerlink {

struct ChatMessage
{
    Q_GADGET

public:
    enum class Direction { Incoming, Outgoing };
    Q_ENUM(Direction)

    // Outgoing: Pending (waiting for a path) -> Sent (handed to a path) -> Delivered (the peer
    // stored it) -> Read (the peer saw it); Failed when the server refused it for good (retry()).
    // Incoming: Delivered when stored, Read once markRead() covered it.
    enum class State { Pending, Sent, Delivered, Read, Failed };
    Q_ENUM(State)

    // Which path carried the message: for incoming messages the path it first arrived on, for
    // outgoing ones the path on which the peer received it (before that: the last path tried).
    enum class Path { None, PeerToPeer, Server };
    Q_ENUM(Path)

    qint64 seq = -1; // position in the local history (ascending in conversation order)
    QString id; // the message id (a UUID for Peerlink's own messages; XMPP origin-id / stanza id)
    QString peer; // the contact's bare JID
    Direction direction = Direction::Outgoing;
    QString text;
    State state = State::Pending;
    Path path = Path::None;
    int revision = 0; // number of corrections (XEP-0308); 0: as first written
    QDateTime timestamp; // when it was written, by the sender's clock
    QDateTime receivedAt; // incoming: when it arrived; outgoing: when the peer confirmed it
    QDateTime readAt; // when it was read (outgoing: when the peer said so)
    QDateTime editedAt; // when the last correction was made (sender) or arrived (receiver)
    QString error; // why it failed (Failed), or the last refusal

    bool isOutgoing() const { return direction == Direction::Outgoing; }
    bool isCorrected() const { return revision > 0; }
    bool isValid() const { return seq >= 0; }

    static QString stateName(State state);
    static QString pathName(Path path);
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::ChatMessage)
