// ConnectionInfo: the peer-to-peer connection with one contact as the UI shows it (the Connect
// button, the connection details). Plain value type, Qt and core value types only.
#pragma once

#include "core/ice/IceCandidate.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Peerlink {

struct ConnectionInfo
{
    Q_GADGET

public:
    enum class State {
        Idle, // no connection (never connected, or disconnected normally)
        Connecting,
        Connected,
        Failed, // see error
    };
    Q_ENUM(State)

    // What a connection in progress is doing.
    enum class Phase {
        None,
        Inviting, // waiting for the contact's device to answer
        Checking, // looking for a path through the NATs (ICE checks)
        Securing, // a path is found: the encrypted channel is being set up
    };
    Q_ENUM(Phase)

    // How the packets travel once connected.
    enum class Route {
        Unknown,
        Direct, // straight between the two devices (possibly through NATs that were punched)
        Upnp, // straight, through a port our router opened for us (UPnP)
        Relayed, // through a TURN relay
    };
    Q_ENUM(Route)

    State state = State::Idle;
    Phase phase = Phase::None;
    Route route = Route::Unknown;
    bool incoming = false; // the contact started it
    QString error; // Failed: what happened, in plain words
    int rttMs = -1; // -1: unknown
    qint64 connectMs = -1; // time it took to connect, -1 while not connected

    IceCandidates localCandidates; // the candidates gathered on this device
    bool hasPath = false;
    IceCandidate pathLocal; // the selected pair, when hasPath
    IceCandidate pathRemote;

    quint64 bytesSent = 0; // on the encrypted channel (QUIC packets, headers included)
    quint64 bytesReceived = 0;
    QByteArray peerFingerprint; // SHA-256 of the contact's device certificate

    bool isActive() const { return state == State::Connecting || state == State::Connected; }
    // A relay (TURN) allocation exists or carries the path.
    bool turnInUse() const
    {
        if (route == Route::Relayed)
            return true;
        for (const IceCandidate &candidate : localCandidates) {
            if (candidate.type == IceCandidate::Type::Relayed)
                return true;
        }
        return false;
    }
    // A port was mapped on the router with UPnP.
    bool upnpInUse() const
    {
        if (route == Route::Upnp)
            return true;
        for (const IceCandidate &candidate : localCandidates) {
            if (candidate.viaUpnp)
                return true;
        }
        return false;
    }
    bool operator==(const ConnectionInfo &) const = default;
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::ConnectionInfo)
