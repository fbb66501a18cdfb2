// IceAgent: one ICE session (one stream, one component) run by libnice on the NetworkThread,
// behind a Qt-typed facade that lives on its owner's thread.
//
// - start() gathers host, server-reflexive (STUN), relayed (TURN over UDP, TCP and TLS) and
//   UPnP-mapped candidates; each is emitted by localCandidate() as soon as it is found (trickle
//   ICE), then gatheringDone().
// - Remote candidates may be added at any time, before or after setRemoteCredentials(): the agent
//   keeps them until the credentials arrive. Given the ufrag they were sent with (Jingle carries it
//   in each transport-info), candidates of a peer that restarted wait for its new credentials
//   instead of landing in the old generation. remoteGatheringDone() tells that no more will come,
//   so that checks can conclude (fail) when none works.
// - restart() performs an ICE restart: new local credentials (localCredentialsChanged()), local
//   candidates emitted again with the next generation. New remote credentials that differ from
//   the current ones mean the peer restarted: the agent restarts too.
// - Consent freshness (RFC 7675) is on: when the peer stops answering on the selected pair, the
//   agent goes to Failed with a reason. When the path comes back (after restart()), the path
//   listener hears PathEvent::Restored (or Changed, when another pair was selected), so that the
//   channel starts over on it at once.
// - Nomination: the peer's relayed candidates are held back for IceConfig::relayGraceMs unless the
//   peer's checks arrive directly (or a pair works) sooner, so that a direct path is preferred to
//   a relay that answered first.
// - While the selected pair goes through our TURN server, the server is probed every few
//   seconds; relayFailed() tells when it stopped running.
// - The agent is a DatagramLink over component 1 for the secure channel (network thread only).
//
// Signals are emitted on the owner's thread. Destroying the agent stops all its network-side
// work synchronously; close() additionally releases TURN allocations first and emits closed().
#pragma once

#include "core/ice/IceCandidate.h"
#include "core/ice/IceConfig.h"
#include "core/net/DatagramLink.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Peerlink {

class NetworkThread;

class IceAgent : public QObject, public DatagramLink
{
    Q_OBJECT
public:
    enum class State {
        New, // created, start() not called yet
        Gathering, // gathering local candidates, no check running yet
        Connecting, // connectivity checks running
        Connected, // at least one pair works
        Ready, // a pair is selected (nominated)
        Failed, // no path, or the path was lost: see failureReason()
        Closed, // close() finished
    };
    Q_ENUM(State)

    struct Credentials
    {
        QString ufrag;
        QString password;
        bool operator==(const Credentials &) const = default;
    };

    struct SelectedPair
    {
        IceCandidate local;
        IceCandidate remote;
        bool operator==(const SelectedPair &) const = default;
    };

    IceAgent(NetworkThread &thread, const IceConfig &config, bool controlling, QObject *parent = nullptr);
    ~IceAgent() override;

    // Starts gathering local candidates. Connect to the signals first.
    void start();

    State state() const;
    static QString stateName(State state);
    bool isControlling() const;
    const IceConfig &config() const;

    // Valid from construction on; change with restart().
    Credentials localCredentials() const;
    IceCandidates localCandidates() const; // the ones emitted so far in this generation
    bool isGatheringDone() const; // gatheringDone() was emitted (late ones such as UPnP are in)
    int generation() const; // 0, then +1 per ICE restart

    void setRemoteCredentials(const QString &ufrag, const QString &password);
    // ufrag: the remote ufrag the candidates were sent with; empty = the current one.
    void addRemoteCandidate(const IceCandidate &candidate, const QString &ufrag = QString());
    void addRemoteCandidates(const IceCandidates &candidates, const QString &ufrag = QString());
    void remoteGatheringDone(const QString &ufrag = QString());

    void restart();
    // Withdraws consent (RFC 7675): the peer's checks are refused from now on and both sides
    // fail. For "hang up" without signalling, or tests. Undone by restart().
    void revokeConsent();
    // Releases the TURN allocations, closes the sockets, emits closed(). Irreversible.
    void close();

    std::optional<SelectedPair> selectedPair() const;
    QString failureReason() const;

    // Round-trip time of the path in milliseconds, -1 while unknown. libnice 0.1.22 exposes no
    // timing of its STUN checks, so the channel running on this link feeds it (QUIC's smoothed
    // RTT) with reportRtt(); any thread may call it.
    int rttMs() const;
    void reportRtt(int milliseconds);

    // DatagramLink, network thread only. On a direct UDP pair, datagrams go straight on the
    // pair's socket in batches (UDP segmentation offload or sendmmsg, same 5-tuple as libnice);
    // on relayed and TCP pairs, and without consent, through libnice.
    bool sendDatagram(const uint8_t *data, size_t size) override;
    size_t sendDatagrams(const Datagram *datagrams, size_t count) override;
    void setDatagramReceiver(Receiver receiver) override;
    void setPathListener(PathListener listener) override;
    // 1200 bytes: the QUIC minimum. A TURN channel adds 4 bytes (a Send indication 36), which any
    // path with the IPv6 minimum MTU of 1280 still carries unfragmented.
    size_t maxDatagramSize() const override;
    // On a direct UDP pair, a full Ethernet frame's payload (1472 bytes over IPv4, 1452 over
    // IPv6), worth probing for; sent with "don't fragment". Otherwise maxDatagramSize().
    size_t maxProbeDatagramSize() const override;
    // +1 whenever libnice selects a pair with other addresses, type or transport.
    uint64_t pathId() const override;

Q_SIGNALS:
    void stateChanged(Peerlink::IceAgent::State state);
    void localCandidate(const Peerlink::IceCandidate &candidate);
    void gatheringDone();
    void localCredentialsChanged(const QString &ufrag, const QString &password);
    void selectedPairChanged(const Peerlink::IceAgent::SelectedPair &pair);
    void failed(const QString &reason);
    // The TURN server that the selected pair goes through (our relayed candidate) refuses
    // connections: it is not running any more. The path is gone for good unless ICE finds another.
    void relayFailed(const QString &reason);
    void rttChanged(int milliseconds);
    void closed();

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink

Q_DECLARE_METATYPE(Peerlink::IceAgent::SelectedPair)
