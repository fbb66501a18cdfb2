// Transfer: what the user sees of one file transfer, incoming or outgoing. Plain value type;
// TransferService hands out copies (transfers(), signals).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Peerlink {

struct Transfer
{
    Q_GADGET

public:
    enum class Direction { Incoming, Outgoing };
    Q_ENUM(Direction)

    enum class State {
        Preparing, // outgoing: computing the checksum; incoming: preparing the download folder
        Offered, // outgoing: waiting for the peer to accept; incoming: waiting for the user
        Running, // bytes are flowing
        Paused, // stopped by either side (pausedLocally / pausedByPeer); resume() continues
        Interrupted, // the connection was lost or an app restarted: continues when the peer is reachable
        Verifying, // incoming: checking the checksum; outgoing: all sent, waiting for the peer's check
        Completed, // the receiver checked the whole file against its checksum
        Failed, // see error
        Cancelled, // by either side
        Declined, // the receiver said no
    };
    Q_ENUM(State)

    QString id; // local, unique within this TransferService
    Direction direction = Direction::Outgoing;
    QString peer; // bare JID
    // Relative path with '/' separators: "notes.txt", or "Photos/2024/a.jpg" for a file of a
    // folder. For incoming transfers it is already sanitised (FileName).
    QString name;
    qint64 size = 0;
    QString mediaType;
    QDateTime modified; // invalid when unknown
    QByteArray sha256; // 32 bytes
    // Outgoing: the file sent. Incoming: where the file is saved (decided on accept; the data
    // goes to a ".part" file beside it until it is verified).
    QString localPath;

    State state = State::Preparing;
    qint64 bytesDone = 0;
    qint64 resumedFrom = 0; // offset at which the current (or last) run of bytes started
    double bytesPerSecond = 0;
    qint64 secondsLeft = -1; // -1: unknown
    bool pausedLocally = false;
    bool pausedByPeer = false;
    QString error; // what went wrong or what is awaited, in plain words; empty if nothing
    QDateTime created;

    bool isFinal() const { return isFinal(state); }
    static bool isFinal(State state)
    {
        return state == State::Completed || state == State::Failed || state == State::Cancelled
            || state == State::Declined;
    }
    static QString stateName(State state);
    double progress() const { return size > 0 ? double(bytesDone) / double(size) : (isFinal() ? 1.0 : 0.0); }

    bool operator==(const Transfer &other) const = default;
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::Transfer)
