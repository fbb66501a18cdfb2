// SecureChannel: an encrypted, authenticated QUIC connection (ngtcp2 + GnuTLS, TLS 1.3) over one
// DatagramLink, carrying bidirectional streams. Both sides present their device certificate and
// each accepts the handshake only when the peer's certificate matches the fingerprint it expects
// (learned through Jingle); there is no plaintext path.
//
// All QUIC and TLS work runs on the NetworkThread; this object lives on its owner's thread and
// reports through queued signals. Stream data is delivered in large chunks; flow-control credit
// goes back to the peer only once dataReceived() has been handled (or, for a stream with manual
// credit, once the owner says it consumed the data), so a slow owner slows the sender instead of
// buffering without bound. Senders keep their own buffer bounded with bufferedBytes() and
// writable().
#pragma once

#include "core/channel/DeviceIdentity.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace Peerlink {

class DatagramLink;
class NetworkThread;

class SecureChannel : public QObject
{
    Q_OBJECT
public:
    enum class Role { Client, Server };
    Q_ENUM(Role)
    enum class CongestionControl { Cubic, Bbr };
    Q_ENUM(CongestionControl)
    enum class State { Idle, Connecting, Open, Closed };
    Q_ENUM(State)
    enum class ErrorKind {
        None, // closed by this side with close()
        ClosedByPeer, // the peer closed the channel; the reason is the peer's
        Security, // the peer is not who we expect, or it refused us (certificate, TLS, ALPN)
        Timeout, // handshake or idle timeout: the path is gone
        Protocol, // the peer broke the QUIC protocol, or closed with a transport error
        Internal, // this side could not set up or run the channel
    };
    Q_ENUM(ErrorKind)

    static constexpr char Alpn[] = "peerlink/1";

    struct Config
    {
        Role role = Role::Client;
        DeviceIdentity identity;
        // SHA-256 over the peer's DER certificate, DeviceIdentity::FingerprintSize raw bytes.
        QByteArray expectedPeerFingerprint;
        CongestionControl congestionControl = CongestionControl::Cubic;
        std::chrono::milliseconds handshakeTimeout { 20000 };
        std::chrono::milliseconds idleTimeout { 30000 };
        // PING after this long without traffic, so an idle channel stays open. 0: never.
        std::chrono::milliseconds keepAliveInterval { 10000 };
    };

    struct Stats
    {
        std::chrono::microseconds smoothedRtt { 0 };
        std::chrono::microseconds minRtt { 0 };
        quint64 congestionWindow = 0; // bytes
        quint64 bytesInFlight = 0;
        quint64 datagramsSent = 0;
        quint64 datagramsReceived = 0;
        quint64 bytesSent = 0; // datagram payload bytes, QUIC headers and all
        quint64 bytesReceived = 0;
        quint64 lostPackets = 0; // packets with stream data declared lost
        quint64 pathChanges = 0; // new or restored paths the connection started over on (migrations)
    };

    // link lives on thread's network thread and must outlive this object.
    SecureChannel(NetworkThread &thread, DatagramLink *link, Config config, QObject *parent = nullptr);
    // Sends CONNECTION_CLOSE if still open and stops all network-side work before returning.
    ~SecureChannel() override;

    State state() const;
    ErrorKind error() const;
    QString errorString() const;
    Stats stats() const;

    // Starts the handshake (a client sends its first packet, a server waits for it).
    void open();
    // Opens a bidirectional stream; -1 unless the channel is Open.
    qint64 openStream();
    // Queues data on a stream. False when the stream is unknown, finished or reset, or the
    // channel is not Open.
    bool write(qint64 stream, const QByteArray &data);
    // Ends the sending side of a stream once the queued data is sent.
    bool finish(qint64 stream);
    // Aborts both directions of a stream; queued data is dropped.
    bool resetStream(qint64 stream, quint64 errorCode);
    // Bytes written to the stream and not yet acknowledged by the peer.
    qint64 bufferedBytes(qint64 stream) const;
    // Manual flow control for a stream the owner hands on (to a disk, say): credit for its data
    // goes back to the peer only as consumed() reports it, not when dataReceived() returns, so
    // the data held by the owner stays within the stream's window and a slow consumer slows the
    // sender. May be set before the stream exists. What is not consumed when the stream closes
    // or is reset is returned to the connection; turning it off returns it to both.
    void setManualCredit(qint64 stream, bool manual);
    // The owner is done with bytes of the stream's delivered data (manual credit only).
    void consumed(qint64 stream, qint64 bytes);
    // Closes the channel at once, telling the peer why; closed(None, reason) follows. Data not yet
    // sent is dropped: wait for bufferedBytes() to reach 0 first to end a transfer gracefully.
    void close(const QString &reason);

Q_SIGNALS:
    void opened();
    void streamOpened(qint64 stream); // opened by the peer
    void dataReceived(qint64 stream, const QByteArray &data);
    void streamFinished(qint64 stream); // the peer finished its side; all its data was delivered
    void streamReset(qint64 stream, quint64 errorCode); // the peer aborted the stream
    void writable(qint64 stream, qint64 bufferedBytes); // the peer acknowledged data
    void closed(Peerlink::SecureChannel::ErrorKind kind, const QString &reason);

private:
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
