#include "core/channel/SecureChannel.h"

#include "core/Logging.h"
#include "core/channel/Gnutls_p.h"
#include "core/net/DatagramLink.h"
#include "core/net/NetworkThread.h"

#include <gnutls/crypto.h>
#include <ngtcp2/ngtcp2.h>
#include <ngtcp2/ngtcp2_crypto.h>
#include <ngtcp2/ngtcp2_crypto_gnutls.h>

#include <QCryptographicHash>
#include <QHash>
#include <QPointer>

#include <algorithm>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <deque>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace Peerlink {

namespace {

using ErrorKind = SecureChannel::ErrorKind;

constexpr uint64_t MiB = 1024 * 1024;
// Flow control sized for >= 1 Gbit/s at 100 ms RTT (BDP 12.5 MB); ngtcp2 grows the windows
// further when the receiver keeps up. The stream window also bounds what a receiver that hands
// data on (a file being written, setManualCredit()) holds in memory per stream.
constexpr uint64_t InitialMaxData = 16 * MiB;
constexpr uint64_t InitialMaxStreamData = 8 * MiB;
constexpr uint64_t MaxWindow = 64 * MiB;
constexpr uint64_t MaxStreamWindow = 16 * MiB;
constexpr uint64_t MaxStreamsBidi = 128;
constexpr size_t MinDatagramSize = 1200; // QUIC's minimum datagram size (RFC 9000, 14)
// The largest datagram sent: a full Ethernet frame's UDP payload over IPv4. Path MTU discovery
// (RFC 8899, run by ngtcp2) probes these sizes, up to what the link offers to try.
constexpr size_t MaxDatagramSize = 1472;
constexpr uint16_t ProbeSizes[] = { 1400, 1452, 1472 };
constexpr size_t MaxVecs = 16;
constexpr size_t MaxPacketsPerPump = 64;
constexpr size_t MaxDatagramsBetweenPumps = 128;
constexpr qsizetype ReceiveChunkReserve = 64 * 1024;
constexpr qsizetype MaxReasonBytes = 1000;
constexpr uint8_t AlertBadCertificate = 42;
constexpr uint8_t AlertNoApplicationProtocol = 120;
constexpr ngtcp2_duration CloseResendInterval = 10 * NGTCP2_MILLISECONDS;

constexpr char Priority[] = "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+AES-128-GCM:+AES-256-GCM:"
                            "+CHACHA20-POLY1305:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-SECP384R1:"
                            "%DISABLE_TLS13_COMPAT_MODE";

ngtcp2_tstamp timestamp()
{
    return static_cast<ngtcp2_tstamp>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count());
}

ngtcp2_duration toDuration(std::chrono::milliseconds ms)
{
    return static_cast<ngtcp2_duration>(std::max<qint64>(ms.count(), 0)) * NGTCP2_MILLISECONDS;
}

QString seconds(std::chrono::milliseconds ms)
{
    return QString::number(double(ms.count()) / 1000.0, 'g', 3);
}

QString alertName(uint8_t alert)
{
    const char *name = gnutls_alert_get_name(static_cast<gnutls_alert_description_t>(alert));
    return name ? QString::fromUtf8(name) : QStringLiteral("unknown alert");
}

// UTF-8 of text, cut at a character boundary to at most max bytes.
QByteArray truncatedUtf8(const QString &text, qsizetype max)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= max)
        return utf8;
    utf8.truncate(max);
    while (!utf8.isEmpty() && (static_cast<uchar>(utf8.back()) & 0xc0) == 0x80)
        utf8.chop(1);
    if (!utf8.isEmpty() && static_cast<uchar>(utf8.back()) >= 0xc0)
        utf8.chop(1);
    return utf8;
}

bool traceEnabled()
{
    static const bool enabled = qEnvironmentVariableIntValue("PEERLINK_QUIC_TRACE") != 0;
    return enabled;
}

void tracePrintf(void *, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
}

enum class EventType : quint8 { Opened, StreamOpened, Data, Finished, Reset, Acked, StreamClosed, Closed };

// One thing the network side reports to the owner. Events travel in batches, one per pump.
struct Event
{
    explicit Event(EventType t, qint64 s = -1, quint64 v = 0)
        : type(t)
        , stream(s)
        , value(v)
    { }

    EventType type;
    qint64 stream = -1;
    quint64 value = 0; // Reset/StreamClosed: error code; Acked: acknowledged offset; Closed: ErrorKind
    bool hasErrorCode = false; // StreamClosed
    QByteArray data; // Data: payload; Closed: reason (UTF-8)
};
using EventBatch = std::vector<Event>;

struct Credit
{
    qint64 stream;
    quint64 bytes;
};

// The QUIC connection: lives on and is used only on the network thread (apart from stats()).
class QuicConnection : public std::enable_shared_from_this<QuicConnection>
{
public:
    using Sink = std::function<void(EventBatch &&)>;

    QuicConnection(NetworkThread &net, DatagramLink *link, const SecureChannel::Config &config, Sink sink)
        : m_net(net)
        , m_link(link)
        , m_config(config)
        , m_sink(std::move(sink))
    {
        // A fixed, made-up path: the DatagramLink is the path, addresses mean nothing here.
        m_localAddr.sin_family = AF_INET;
        m_localAddr.sin_port = htons(1);
        m_localAddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_remoteAddr = m_localAddr;
        m_remoteAddr.sin_port = htons(2);
        m_path.local.addr = reinterpret_cast<ngtcp2_sockaddr *>(&m_localAddr);
        m_path.local.addrlen = sizeof(m_localAddr);
        m_path.remote.addr = reinterpret_cast<ngtcp2_sockaddr *>(&m_remoteAddr);
        m_path.remote.addrlen = sizeof(m_remoteAddr);
        m_path.user_data = nullptr;
        m_connRef.get_conn
            = [](ngtcp2_crypto_conn_ref *ref) { return static_cast<QuicConnection *>(ref->user_data)->m_conn; };
        m_connRef.user_data = this;
    }

    ~QuicConnection() { teardown(false); }

    QuicConnection(const QuicConnection &) = delete;
    QuicConnection &operator=(const QuicConnection &) = delete;

    SecureChannel::Stats stats() const
    {
        std::lock_guard lock(m_statsMutex);
        return m_stats;
    }

    // Everything below runs on the network thread.

    void start()
    {
        if (m_phase != Phase::Idle)
            return;
        m_phase = Phase::Handshaking;
        if (!m_link) {
            fail(ErrorKind::Internal, QStringLiteral("The secure channel has no network path to run on."));
            return;
        }
        if (m_config.identity.isNull()) {
            fail(ErrorKind::Internal, QStringLiteral("This device has no identity (certificate and key) to present."));
            return;
        }
        if (m_config.expectedPeerFingerprint.size() != DeviceIdentity::FingerprintSize) {
            fail(ErrorKind::Security,
                 QStringLiteral("The peer's certificate fingerprint is unknown or malformed, so the peer cannot be "
                                "authenticated. Reconnect to exchange it again."));
            return;
        }
        const size_t mtu = m_link->maxDatagramSize();
        if (mtu < MinDatagramSize) {
            fail(ErrorKind::Internal,
                 QStringLiteral("The network path carries datagrams of at most %1 bytes; the secure channel needs "
                                "%2.")
                     .arg(mtu)
                     .arg(MinDatagramSize));
            return;
        }
        m_txBuffer.resize(MaxDatagramSize);
        m_txArea.resize(MaxPacketsPerPump * MaxDatagramSize);
        m_txQueue.reserve(MaxPacketsPerPump);
        m_pathId = m_link->pathId();
        if (!setupCredentials())
            return;

        m_link->setDatagramReceiver([this](const uint8_t *data, size_t size) { onDatagram(data, size); });
        m_link->setPathListener([this](DatagramLink::PathEvent event) { onPathEvent(event); });
        m_receiverSet = true;
        if (m_config.handshakeTimeout.count() > 0) {
            m_handshakeTimer = m_net.schedule(int(std::min<qint64>(m_config.handshakeTimeout.count(), INT_MAX)),
                                              [weak = weak_from_this()] {
                                                  if (auto self = weak.lock())
                                                      self->onHandshakeTimeout();
                                              });
        }
        if (m_config.role == SecureChannel::Role::Client) {
            if (!createConnection(nullptr))
                return;
            pump();
        }
    }

    void openStream(int64_t id)
    {
        if (!isRunning())
            return;
        Stream &stream = m_streams[id];
        stream.id = id;
        m_pendingOpens.push_back(id);
        schedulePump();
    }

    void write(int64_t id, const QByteArray &data)
    {
        Stream *stream = findStream(id);
        if (!stream || stream->writeClosed || stream->finQueued || !isRunning())
            return;
        stream->chunks.push_back(data);
        stream->writtenOffset += uint64_t(data.size());
        schedulePump();
    }

    void finish(int64_t id)
    {
        Stream *stream = findStream(id);
        if (!stream || stream->writeClosed || !isRunning())
            return;
        stream->finQueued = true;
        schedulePump();
    }

    void reset(int64_t id, uint64_t errorCode)
    {
        Stream *stream = findStream(id);
        if (!stream || !isRunning())
            return;
        stream->writeClosed = true;
        if (!stream->opened) {
            stream->resetPending = true;
            stream->resetCode = errorCode;
        } else {
            ngtcp2_conn_shutdown_stream(m_conn, 0, id, errorCode);
        }
        schedulePump();
    }

    // The owner handled delivered data: give the peer that much more credit.
    void credit(const std::vector<Credit> &credits)
    {
        if (!isRunning() || !m_conn)
            return;
        uint64_t total = 0;
        for (const Credit &c : credits) {
            ngtcp2_conn_extend_max_stream_offset(m_conn, c.stream, c.bytes);
            total += c.bytes;
        }
        ngtcp2_conn_extend_max_offset(m_conn, total);
        schedulePump();
    }

    void closeLocal(const QString &reason)
    {
        if (m_closedReported)
            return;
        if (m_conn && isRunning()) {
            const QByteArray utf8 = truncatedUtf8(reason, MaxReasonBytes);
            ngtcp2_ccerr ccerr;
            ngtcp2_ccerr_default(&ccerr);
            ngtcp2_ccerr_set_application_error(
                &ccerr, NGTCP2_NO_ERROR, reinterpret_cast<const uint8_t *>(utf8.constData()), size_t(utf8.size()));
            sendConnectionClose(ccerr);
        }
        m_pending.clear();
        finishWith(ErrorKind::None, reason);
    }

    // Stops all network-side work. With sayGoodbye, an open connection is closed properly first.
    void teardown(bool sayGoodbye)
    {
        if (sayGoodbye && m_conn && isRunning()) {
            static const QByteArray reason = QByteArrayLiteral("The channel was closed.");
            ngtcp2_ccerr ccerr;
            ngtcp2_ccerr_default(&ccerr);
            ngtcp2_ccerr_set_application_error(
                &ccerr, NGTCP2_NO_ERROR, reinterpret_cast<const uint8_t *>(reason.constData()), size_t(reason.size()));
            sendConnectionClose(ccerr);
        }
        cancelTimers();
        if (m_receiverSet) {
            m_link->setDatagramReceiver({});
            m_link->setPathListener({});
            m_receiverSet = false;
        }
        m_phase = Phase::Closed;
        m_closedReported = true;
        deleteConnection();
        m_cred.reset();
        m_streams.clear();
        m_pending.clear();
    }

private:
    enum class Phase { Idle, Handshaking, Established, Closing, Draining, Closed };

    struct Stream
    {
        int64_t id = -1;
        bool opened = false; // known to ngtcp2
        bool announced = false; // a remote stream the owner was told about
        bool resetPending = false; // reset before ngtcp2 opened it
        uint64_t resetCode = 0;
        bool writeClosed = false;
        bool finQueued = false;
        bool finSent = false;
        bool blocked = false; // flow control blocked during this pump
        bool ackDirty = false;
        bool closed = false; // ngtcp2 closed it; erased at the end of the pump
        std::deque<QByteArray> chunks; // unacknowledged data; ngtcp2 points into it
        uint64_t baseOffset = 0; // stream offset of chunks.front()
        uint64_t writtenOffset = 0;
        uint64_t sentOffset = 0;
        uint64_t ackedOffset = 0;
        size_t cursorChunk = 0; // position of sentOffset
        qsizetype cursorOffset = 0;

        bool wantsToSend() const
        {
            return opened && !closed && !writeClosed && !blocked
                && (sentOffset < writtenOffset || (finQueued && !finSent));
        }

        size_t gather(ngtcp2_vec *vecs, size_t max, uint64_t *bytes) const
        {
            size_t count = 0;
            uint64_t total = 0;
            qsizetype offset = cursorOffset;
            for (size_t i = cursorChunk; i < chunks.size() && count < max; ++i) {
                const QByteArray &chunk = chunks[i];
                vecs[count].base = reinterpret_cast<uint8_t *>(const_cast<char *>(chunk.constData() + offset));
                vecs[count].len = size_t(chunk.size() - offset);
                total += vecs[count].len;
                ++count;
                offset = 0;
            }
            *bytes = total;
            return count;
        }

        void advance(uint64_t bytes)
        {
            sentOffset += bytes;
            while (bytes > 0 && cursorChunk < chunks.size()) {
                const auto left = uint64_t(chunks[cursorChunk].size() - cursorOffset);
                if (bytes < left) {
                    cursorOffset += qsizetype(bytes);
                    bytes = 0;
                } else {
                    bytes -= left;
                    ++cursorChunk;
                    cursorOffset = 0;
                }
            }
        }

        void acknowledge(uint64_t end)
        {
            if (end <= ackedOffset)
                return;
            ackedOffset = end;
            ackDirty = true;
            while (!chunks.empty() && baseOffset + uint64_t(chunks.front().size()) <= ackedOffset) {
                baseOffset += uint64_t(chunks.front().size());
                chunks.pop_front();
                if (cursorChunk > 0)
                    --cursorChunk;
            }
        }
    };

    bool isRunning() const { return m_phase == Phase::Handshaking || m_phase == Phase::Established; }

    Stream *findStream(int64_t id)
    {
        const auto it = m_streams.find(id);
        return it == m_streams.end() || it->second.closed ? nullptr : &it->second;
    }

    bool isLocalStream(int64_t id) const { return m_conn && ngtcp2_conn_is_local_stream(m_conn, id); }

    bool setupCredentials()
    {
        gnutls_certificate_credentials_t raw = nullptr;
        int rv = gnutls_certificate_allocate_credentials(&raw);
        if (rv < 0) {
            fail(ErrorKind::Internal,
                 QStringLiteral("GnuTLS could not allocate credentials: %1").arg(Gnutls::errorText(rv)));
            return false;
        }
        m_cred.reset(raw);
        const QByteArray certPem = m_config.identity.certificatePem();
        const QByteArray keyPem = m_config.identity.privateKeyPem();
        const gnutls_datum_t cert = Gnutls::view(certPem);
        const gnutls_datum_t key = Gnutls::view(keyPem);
        rv = gnutls_certificate_set_x509_key_mem2(m_cred.get(), &cert, &key, GNUTLS_X509_FMT_PEM, nullptr, 0);
        if (rv < 0) {
            fail(ErrorKind::Internal,
                 QStringLiteral("This device's certificate cannot be used for TLS: %1").arg(Gnutls::errorText(rv)));
            return false;
        }
        return true;
    }

    bool setupSession()
    {
        const bool client = m_config.role == SecureChannel::Role::Client;
        gnutls_session_t raw = nullptr;
        int rv = gnutls_init(
            &raw, (client ? GNUTLS_CLIENT : GNUTLS_SERVER) | GNUTLS_NO_END_OF_EARLY_DATA | GNUTLS_NO_TICKETS);
        if (rv < 0) {
            fail(ErrorKind::Internal,
                 QStringLiteral("GnuTLS could not start a session: %1").arg(Gnutls::errorText(rv)));
            return false;
        }
        m_session.reset(raw);
        gnutls_session_t session = m_session.get();
        static const gnutls_datum_t alpn { reinterpret_cast<unsigned char *>(const_cast<char *>(SecureChannel::Alpn)),
                                           sizeof(SecureChannel::Alpn) - 1 };
        rv = gnutls_priority_set_direct(session, Priority, nullptr);
        if (rv >= 0)
            rv = client ? ngtcp2_crypto_gnutls_configure_client_session(session)
                        : ngtcp2_crypto_gnutls_configure_server_session(session);
        if (rv >= 0)
            rv = gnutls_credentials_set(session, GNUTLS_CRD_CERTIFICATE, m_cred.get());
        if (rv >= 0)
            rv = gnutls_alpn_set_protocols(session, &alpn, 1, GNUTLS_ALPN_MANDATORY);
        if (rv < 0) {
            fail(ErrorKind::Internal,
                 QStringLiteral("GnuTLS could not configure the session: %1").arg(Gnutls::errorText(rv)));
            return false;
        }
        gnutls_session_set_ptr(session, &m_connRef);
        // No certificate authority is involved: the peer's certificate is pinned by fingerprint.
        gnutls_session_set_verify_function(session, [](gnutls_session_t s) {
            auto *ref = static_cast<ngtcp2_crypto_conn_ref *>(gnutls_session_get_ptr(s));
            return static_cast<QuicConnection *>(ref->user_data)->verifyPeer(s);
        });
        if (!client)
            gnutls_certificate_server_set_request(session, GNUTLS_CERT_REQUIRE);
        return true;
    }

    int verifyPeer(gnutls_session_t session)
    {
        unsigned int count = 0;
        const gnutls_datum_t *certs = gnutls_certificate_get_peers(session, &count);
        if (!certs || count == 0) {
            m_securityProblem = QStringLiteral("The peer presented no certificate, so it cannot be authenticated.");
            return -1;
        }
        const QByteArray fingerprint = QCryptographicHash::hash(
            QByteArrayView(reinterpret_cast<const char *>(certs[0].data), qsizetype(certs[0].size)),
            QCryptographicHash::Sha256);
        if (fingerprint != m_config.expectedPeerFingerprint) {
            m_securityProblem = QStringLiteral("The peer's certificate (fingerprint %1) is not the one announced for "
                                               "this contact (%2). Someone may be intercepting the connection; it "
                                               "was refused. Compare fingerprints with your contact.")
                                    .arg(DeviceIdentity::formatFingerprint(fingerprint),
                                         DeviceIdentity::formatFingerprint(m_config.expectedPeerFingerprint));
            qCWarning(lcChannel).noquote() << m_securityProblem;
            return -1;
        }
        m_peerVerified = true;
        return 0;
    }

    static ngtcp2_callbacks makeCallbacks(bool client)
    {
        ngtcp2_callbacks cb {};
        if (client) {
            cb.client_initial = ngtcp2_crypto_client_initial_cb;
            cb.recv_retry = ngtcp2_crypto_recv_retry_cb;
        } else {
            cb.recv_client_initial = ngtcp2_crypto_recv_client_initial_cb;
        }
        cb.recv_crypto_data = [](ngtcp2_conn *conn, ngtcp2_encryption_level level, uint64_t offset, const uint8_t *data,
                                 size_t size, void *self) {
            self_(self)->m_cryptoSeen = true; // the packet decrypted: a real peer
            return ngtcp2_crypto_recv_crypto_data_cb(conn, level, offset, data, size, self);
        };
        cb.encrypt = ngtcp2_crypto_encrypt_cb;
        cb.decrypt = ngtcp2_crypto_decrypt_cb;
        cb.hp_mask = ngtcp2_crypto_hp_mask_cb;
        cb.update_key = ngtcp2_crypto_update_key_cb;
        cb.delete_crypto_aead_ctx = ngtcp2_crypto_delete_crypto_aead_ctx_cb;
        cb.delete_crypto_cipher_ctx = ngtcp2_crypto_delete_crypto_cipher_ctx_cb;
        cb.get_path_challenge_data = ngtcp2_crypto_get_path_challenge_data_cb;
        cb.version_negotiation = ngtcp2_crypto_version_negotiation_cb;
        cb.rand = [](uint8_t *dest, size_t size, const ngtcp2_rand_ctx *) {
            (void)gnutls_rnd(GNUTLS_RND_NONCE, dest, size);
        };
        cb.get_new_connection_id = [](ngtcp2_conn *, ngtcp2_cid *cid, uint8_t *token, size_t size, void *) {
            if (gnutls_rnd(GNUTLS_RND_NONCE, cid->data, size) != 0
                || gnutls_rnd(GNUTLS_RND_RANDOM, token, NGTCP2_STATELESS_RESET_TOKENLEN) != 0)
                return int(NGTCP2_ERR_CALLBACK_FAILURE);
            cid->datalen = size;
            return 0;
        };
        cb.handshake_completed = [](ngtcp2_conn *, void *self) { return self_(self)->onHandshakeCompleted(); };
        cb.handshake_confirmed = [](ngtcp2_conn *, void *self) { return self_(self)->onHandshakeConfirmed(); };
        cb.recv_stream_data = [](ngtcp2_conn *, uint32_t flags, int64_t id, uint64_t, const uint8_t *data, size_t size,
                                 void *self, void *) {
            self_(self)->onStreamData(id, data, size, flags & NGTCP2_STREAM_DATA_FLAG_FIN);
            return 0;
        };
        cb.acked_stream_data_offset
            = [](ngtcp2_conn *, int64_t id, uint64_t offset, uint64_t size, void *self, void *) {
                  self_(self)->onAcked(id, offset + size);
                  return 0;
              };
        cb.stream_open = [](ngtcp2_conn *, int64_t id, void *self) {
            self_(self)->announceRemoteStream(id);
            return 0;
        };
        cb.stream_close = [](ngtcp2_conn *, uint32_t flags, int64_t id, uint64_t code, void *self, void *) {
            self_(self)->onStreamClosed(id, flags & NGTCP2_STREAM_CLOSE_FLAG_APP_ERROR_CODE_SET, code);
            return 0;
        };
        cb.stream_reset = [](ngtcp2_conn *, int64_t id, uint64_t, uint64_t code, void *self, void *) {
            self_(self)->onStreamReset(id, code);
            return 0;
        };
        cb.extend_max_stream_data = [](ngtcp2_conn *, int64_t id, uint64_t, void *self, void *) {
            if (Stream *stream = self_(self)->findStream(id))
                stream->blocked = false;
            return 0;
        };
        return cb;
    }

    static QuicConnection *self_(void *userData) { return static_cast<QuicConnection *>(userData); }

    bool createConnection(const ngtcp2_pkt_hd *clientInitial)
    {
        const bool client = m_config.role == SecureChannel::Role::Client;
        ngtcp2_cid scid;
        scid.datalen = 16;
        (void)gnutls_rnd(GNUTLS_RND_NONCE, scid.data, scid.datalen);
        ngtcp2_cid dcid;
        if (client) {
            dcid.datalen = 18;
            (void)gnutls_rnd(GNUTLS_RND_NONCE, dcid.data, dcid.datalen);
        } else {
            dcid = clientInitial->scid;
        }

        ngtcp2_settings settings;
        ngtcp2_settings_default(&settings);
        settings.initial_ts = timestamp();
        settings.cc_algo = m_config.congestionControl == SecureChannel::CongestionControl::Bbr ? NGTCP2_CC_ALGO_BBR
                                                                                               : NGTCP2_CC_ALGO_CUBIC;
        // Datagrams start at 1200 bytes; ngtcp2's path MTU discovery raises that on paths that
        // carry more (writePackets() never lets a datagram exceed what the link offers).
        settings.max_tx_udp_payload_size = MaxDatagramSize;
        settings.pmtud_probes = ProbeSizes;
        settings.pmtud_probeslen = std::size(ProbeSizes);
        settings.max_window = MaxWindow;
        settings.max_stream_window = MaxStreamWindow;
        settings.handshake_timeout
            = m_config.handshakeTimeout.count() > 0 ? toDuration(m_config.handshakeTimeout) : UINT64_MAX;
        if (traceEnabled())
            settings.log_printf = tracePrintf;

        ngtcp2_transport_params params;
        ngtcp2_transport_params_default(&params);
        params.initial_max_data = InitialMaxData;
        params.initial_max_stream_data_bidi_local = InitialMaxStreamData;
        params.initial_max_stream_data_bidi_remote = InitialMaxStreamData;
        params.initial_max_stream_data_uni = 0;
        params.initial_max_streams_bidi = MaxStreamsBidi;
        params.initial_max_streams_uni = 0;
        params.max_idle_timeout = toDuration(m_config.idleTimeout);
        // Migration is how a new or restored ICE path is taken (startOver()): the client moves, the
        // server keeps spare connection IDs for it.
        params.disable_active_migration = 0;
        params.active_connection_id_limit = 4;
        if (!client) {
            params.original_dcid = clientInitial->dcid;
            params.original_dcid_present = 1;
        }

        const ngtcp2_callbacks callbacks = makeCallbacks(client);
        const int rv = client ? ngtcp2_conn_client_new(&m_conn, &dcid, &scid, &m_path, NGTCP2_PROTO_VER_V1, &callbacks,
                                                       &settings, &params, nullptr, this)
                              : ngtcp2_conn_server_new(&m_conn, &dcid, &scid, &m_path, clientInitial->version,
                                                       &callbacks, &settings, &params, nullptr, this);
        if (rv != 0) {
            m_conn = nullptr;
            fail(ErrorKind::Internal,
                 QStringLiteral("The QUIC connection could not be created: %1")
                     .arg(QString::fromUtf8(ngtcp2_strerror(rv))));
            return false;
        }
        if (!setupSession())
            return false;
        ngtcp2_conn_set_tls_native_handle(m_conn, m_session.get());
        if (m_config.keepAliveInterval.count() > 0)
            ngtcp2_conn_set_keep_alive_timeout(m_conn, toDuration(m_config.keepAliveInterval));
        return true;
    }

    void deleteConnection()
    {
        if (m_conn) {
            ngtcp2_conn_del(m_conn);
            m_conn = nullptr;
        }
        m_session.reset();
    }

    void onDatagram(const uint8_t *data, size_t size)
    {
        ++m_counters.datagramsReceived;
        m_counters.bytesReceived += size;
        if (m_phase == Phase::Closing) {
            // The peer did not get our CONNECTION_CLOSE yet (RFC 9000, 10.2.1): repeat it, rate-limited.
            const ngtcp2_tstamp now = timestamp();
            if (!m_closePacket.isEmpty() && now - m_lastCloseSent >= CloseResendInterval) {
                m_lastCloseSent = now;
                sendPacket(reinterpret_cast<const uint8_t *>(m_closePacket.constData()), size_t(m_closePacket.size()));
            }
            return;
        }
        if (!isRunning())
            return;
        if (!m_conn) {
            // A server waits for the client's first Initial packet; anything else is dropped.
            ngtcp2_pkt_hd header;
            if (m_config.role != SecureChannel::Role::Server || ngtcp2_accept(&header, data, size) != 0)
                return;
            if (!createConnection(&header))
                return;
        }
        const ngtcp2_tstamp now = timestamp();
        // A client reads on the path ngtcp2 counts as current: after a migration that is the new
        // one, or the old one again if validating the new one failed (a packet on any other path
        // would be ignored). A server reads on the path it last saw its peer on (see startOver()).
        ngtcp2_path_storage current;
        const ngtcp2_path *path = &m_path;
        if (m_config.role == SecureChannel::Role::Client) {
            ngtcp2_path_storage_zero(&current);
            ngtcp2_path_copy(&current.path, ngtcp2_conn_get_path(m_conn));
            path = &current.path;
        }
        const int rv = ngtcp2_conn_read_pkt(m_conn, path, nullptr, data, size, now);
        if (rv != 0) {
            handleReadError(rv);
            return;
        }
        // The link hands over datagrams for as long as they keep coming: every so many, answer
        // right away (acknowledgements, flow control credit, data for the owner) instead of
        // only once the socket is drained, so the peer's sending does not stall meanwhile.
        if (++m_receivedSincePump >= MaxDatagramsBetweenPumps)
            pump();
        else
            schedulePump();
    }

    void handleReadError(int rv)
    {
        qCDebug(lcChannel) << "ngtcp2_conn_read_pkt:" << ngtcp2_strerror(rv);
        ngtcp2_ccerr ccerr;
        ngtcp2_ccerr_default(&ccerr);
        switch (rv) {
        case NGTCP2_ERR_DRAINING:
            peerClosed();
            return;
        case NGTCP2_ERR_CRYPTO: {
            const uint8_t alert = ngtcp2_conn_get_tls_alert(m_conn);
            ngtcp2_ccerr_set_tls_alert(&ccerr, alert ? alert : AlertBadCertificate, nullptr, 0);
            fail(ErrorKind::Security,
                 !m_securityProblem.isEmpty()
                     ? m_securityProblem
                     : QStringLiteral("The secure handshake with the peer failed (TLS alert %1: %2).")
                           .arg(int(alert))
                           .arg(alertName(alert)),
                 &ccerr);
            return;
        }
        case NGTCP2_ERR_CALLBACK_FAILURE:
            if (m_callbackError) {
                const auto [kind, reason, alert] = *m_callbackError;
                ngtcp2_ccerr_set_tls_alert(&ccerr, alert, nullptr, 0);
                fail(kind, reason, &ccerr);
                return;
            }
            break;
        case NGTCP2_ERR_DROP_CONN:
        case NGTCP2_ERR_RETRY:
            if (m_config.role == SecureChannel::Role::Server && m_phase == Phase::Handshaking && !m_cryptoSeen) {
                // A bogus first packet: forget it and wait for the real client.
                qCDebug(lcChannel) << "dropping a half-made server connection";
                deleteConnection();
                m_peerVerified = false;
                m_securityProblem.clear();
                m_pending.clear();
                m_streams.clear();
                cancelTimer();
                return;
            }
            fail(ErrorKind::Protocol,
                 QStringLiteral("The QUIC connection was dropped: %1").arg(QString::fromUtf8(ngtcp2_strerror(rv))));
            return;
        case NGTCP2_ERR_RECV_VERSION_NEGOTIATION:
            fail(ErrorKind::Protocol, QStringLiteral("The peer does not speak QUIC version 1."));
            return;
        default:
            break;
        }
        ngtcp2_ccerr_set_liberr(&ccerr, rv, nullptr, 0);
        fail(ErrorKind::Protocol,
             QStringLiteral("The connection failed: QUIC error \"%1\".").arg(QString::fromUtf8(ngtcp2_strerror(rv))),
             &ccerr);
    }

    void peerClosed()
    {
        const ngtcp2_ccerr *ccerr = ngtcp2_conn_get_ccerr(m_conn);
        const QString peerReason = ccerr->reason && ccerr->reasonlen
            ? QString::fromUtf8(reinterpret_cast<const char *>(ccerr->reason), qsizetype(ccerr->reasonlen))
            : QString();
        m_phase = Phase::Draining;
        if (ccerr->type == NGTCP2_CCERR_TYPE_APPLICATION || ccerr->error_code == NGTCP2_NO_ERROR
            || ccerr->error_code == NGTCP2_APPLICATION_ERROR) {
            if (ccerr->type == NGTCP2_CCERR_TYPE_APPLICATION && ccerr->error_code != NGTCP2_NO_ERROR) {
                finishWith(ErrorKind::ClosedByPeer,
                           QStringLiteral("The peer closed the channel (error %1): %2")
                               .arg(ccerr->error_code)
                               .arg(peerReason));
                return;
            }
            finishWith(ErrorKind::ClosedByPeer,
                       peerReason.isEmpty() ? QStringLiteral("The peer closed the channel.") : peerReason);
            return;
        }
        if ((ccerr->error_code & ~uint64_t(0xff)) == NGTCP2_CRYPTO_ERROR) {
            const auto alert = uint8_t(ccerr->error_code & 0xff);
            m_pending.clear();
            finishWith(ErrorKind::Security,
                       QStringLiteral("The peer refused the secure connection (TLS alert %1: %2). It does not "
                                      "accept this device's certificate, or expected a different device; "
                                      "compare fingerprints with your contact.")
                           .arg(int(alert))
                           .arg(alertName(alert)));
            return;
        }
        finishWith(ErrorKind::Protocol,
                   QStringLiteral("The peer closed the connection with QUIC error 0x%1%2")
                       .arg(ccerr->error_code, 0, 16)
                       .arg(peerReason.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + peerReason));
    }

    int onHandshakeCompleted()
    {
        if (!m_peerVerified) {
            m_callbackError
                = CallbackError { ErrorKind::Security, QStringLiteral("The peer's certificate was not verified."),
                                  AlertBadCertificate };
            return NGTCP2_ERR_CALLBACK_FAILURE;
        }
        gnutls_datum_t protocol { nullptr, 0 };
        if (gnutls_alpn_get_selected_protocol(m_session.get(), &protocol) != 0
            || QByteArrayView(protocol.data, qsizetype(protocol.size)) != QByteArrayView(SecureChannel::Alpn)) {
            m_callbackError = CallbackError { ErrorKind::Security,
                                              QStringLiteral("The peer does not speak the Peerlink protocol (%1).")
                                                  .arg(QLatin1String(SecureChannel::Alpn)),
                                              AlertNoApplicationProtocol };
            return NGTCP2_ERR_CALLBACK_FAILURE;
        }
        // A server's handshake is confirmed when it completes; a client waits for HANDSHAKE_DONE,
        // which the server sends only after it accepted the client's certificate.
        if (m_config.role == SecureChannel::Role::Server)
            becomeEstablished();
        return 0;
    }

    int onHandshakeConfirmed()
    {
        if (m_config.role == SecureChannel::Role::Client)
            becomeEstablished();
        return 0;
    }

    void becomeEstablished()
    {
        if (m_phase != Phase::Handshaking)
            return;
        m_phase = Phase::Established;
        m_established = true;
        m_net.cancel(m_handshakeTimer);
        m_handshakeTimer = 0;
        // Anything the peer sent early is delivered right after opened().
        m_pending.insert(m_pending.begin(), Event { EventType::Opened });
        qCDebug(lcChannel) << "secure channel established as"
                           << (m_config.role == SecureChannel::Role::Client ? "client" : "server");
    }

    void announceRemoteStream(int64_t id)
    {
        if (isLocalStream(id))
            return;
        Stream &stream = m_streams[id];
        if (stream.announced)
            return;
        stream.id = id;
        stream.opened = true;
        stream.announced = true;
        m_pending.push_back(Event { EventType::StreamOpened, id });
    }

    void onStreamData(int64_t id, const uint8_t *data, size_t size, bool fin)
    {
        announceRemoteStream(id);
        if (size > 0) {
            Event *event = nullptr;
            for (auto it = m_pending.rbegin(); it != m_pending.rend(); ++it) {
                if (it->stream == id) {
                    // A full chunk is not grown (that would copy it): the data goes on in a new one.
                    if (it->type == EventType::Data && it->data.size() + qsizetype(size) <= it->data.capacity())
                        event = &*it;
                    break;
                }
            }
            if (!event) {
                m_pending.push_back(Event { EventType::Data, id });
                event = &m_pending.back();
                event->data.reserve(std::max<qsizetype>(ReceiveChunkReserve, qsizetype(size)));
            }
            event->data.append(reinterpret_cast<const char *>(data), qsizetype(size));
        }
        if (fin)
            m_pending.push_back(Event { EventType::Finished, id });
    }

    void onAcked(int64_t id, uint64_t end)
    {
        if (Stream *stream = findStream(id))
            stream->acknowledge(end);
    }

    void onStreamReset(int64_t id, uint64_t code)
    {
        announceRemoteStream(id);
        m_pending.push_back(Event { EventType::Reset, id, code });
    }

    void onStreamClosed(int64_t id, bool hasCode, uint64_t code)
    {
        m_lostOnClosedStreams += ngtcp2_conn_get_stream_loss_count(m_conn, id);
        // The peer may open one more stream for each of its streams that closed: without this,
        // a session allows only the initial limit of peer streams (one file each) in its lifetime.
        if (!isLocalStream(id))
            ngtcp2_conn_extend_max_streams_bidi(m_conn, 1);
        const auto it = m_streams.find(id);
        if (it != m_streams.end()) {
            Stream &stream = it->second;
            if (stream.ackDirty) {
                // The owner learns that everything was acknowledged before the stream goes away.
                stream.ackDirty = false;
                m_pending.push_back(Event { EventType::Acked, id, stream.ackedOffset });
            }
            stream.closed = true;
            m_closedStreams.push_back(id);
        }
        Event event { EventType::StreamClosed, id, code };
        event.hasErrorCode = hasCode;
        m_pending.push_back(std::move(event));
    }

    void schedulePump()
    {
        if (m_pumpPosted || !isRunning())
            return;
        m_pumpPosted = true;
        m_net.post([weak = weak_from_this()] {
            if (auto self = weak.lock())
                self->pump();
        });
    }

    void pump()
    {
        m_pumpPosted = false;
        m_receivedSincePump = 0;
        if (!m_conn || !isRunning())
            return;
        const ngtcp2_tstamp now = timestamp();
        if (ngtcp2_conn_get_expiry(m_conn) <= now) {
            const int rv = ngtcp2_conn_handle_expiry(m_conn, now);
            if (rv != 0) {
                handleExpiryError(rv);
                return;
            }
        }
        if (!openPendingStreams())
            return;
        if (!writePackets(now))
            return;
        flushEvents();
        eraseClosedStreams();
        armTimer();
        publishStats();
    }

    bool openPendingStreams()
    {
        while (!m_pendingOpens.empty()) {
            int64_t id = -1;
            const int rv = ngtcp2_conn_open_bidi_stream(m_conn, &id, nullptr);
            if (rv == NGTCP2_ERR_STREAM_ID_BLOCKED)
                return true; // extend_max_local_streams_bidi will come
            const int64_t expected = m_pendingOpens.front();
            m_pendingOpens.pop_front();
            if (rv != 0 || id != expected) {
                qCCritical(lcChannel) << "stream" << expected << "could not be opened:" << ngtcp2_strerror(rv) << id;
                fail(ErrorKind::Internal, QStringLiteral("A stream could not be opened."));
                return false;
            }
            Stream &stream = m_streams[id];
            stream.opened = true;
            if (stream.resetPending)
                ngtcp2_conn_shutdown_stream(m_conn, 0, id, stream.resetCode);
        }
        return true;
    }

    Stream *nextSender()
    {
        // Round robin over the streams with something to send.
        auto it = m_streams.upper_bound(m_lastSender);
        for (size_t n = 0; n < m_streams.size(); ++n, ++it) {
            if (it == m_streams.end())
                it = m_streams.begin();
            if (it->second.wantsToSend()) {
                m_lastSender = it->first;
                return &it->second;
            }
        }
        return nullptr;
    }

    // The link's path changed under an established connection (another ICE pair): what path MTU
    // discovery learnt was about the old path, and ngtcp2 cannot start it over, so datagrams stay
    // at the guaranteed size from now on; and QUIC starts over on the new path (startOver()).
    // True when the path had changed.
    bool followPath(ngtcp2_tstamp now)
    {
        const uint64_t path = m_link->pathId();
        if (path == m_pathId)
            return false;
        const bool moved = m_pathId != 0;
        m_pathId = path;
        if (!moved || !m_established || !m_conn)
            return true;
        if (m_sizeLimit > MinDatagramSize) {
            qCDebug(lcChannel) << "the path changed: datagrams of" << MinDatagramSize << "bytes from now on";
            m_sizeLimit = MinDatagramSize;
        }
        startOver(now);
        return true;
    }

    // A new path, or the path back after an outage: QUIC treats it as a new path (RFC 9000, 9),
    // congestion control and RTT start over and loss recovery forgets its back-off, so that what
    // went into the void is sent again within a round trip rather than at the next exponentially
    // backed-off probe (half a minute away after a long outage). The addresses are made up (the
    // DatagramLink is the path): a client moves to a new local address (an immediate migration;
    // the server has handed out spare connection IDs), a server sees its peer at a new address
    // with the client's next packet and validates it.
    void startOver(ngtcp2_tstamp now)
    {
        ++m_migrations;
        if (m_config.role == SecureChannel::Role::Server) {
            m_remoteAddr.sin_addr.s_addr = htonl(INADDR_LOOPBACK + 1 + uint32_t(m_migrations % 250));
            return;
        }
        const sockaddr_in previous = m_localAddr;
        m_localAddr.sin_port = htons(uint16_t(1000 + m_migrations % 60000));
        const int rv = ngtcp2_conn_initiate_immediate_migration(m_conn, &m_path, now);
        if (rv != 0) {
            qCDebug(lcChannel) << "QUIC could not move to the new path:" << ngtcp2_strerror(rv);
            m_localAddr = previous;
            --m_migrations;
        }
    }

    void onPathEvent(DatagramLink::PathEvent event)
    {
        if (!m_conn || !isRunning())
            return;
        const ngtcp2_tstamp now = timestamp();
        if (!followPath(now) && event == DatagramLink::PathEvent::Restored && m_established)
            startOver(now);
        pump(); // the path's first packets (a migration's PATH_CHALLENGE, data) go now
    }

    // The largest datagram to write now: what the link offers to try on its current path, and
    // no more than 1200 bytes once the path changed under an established connection.
    size_t datagramLimit(ngtcp2_tstamp now)
    {
        followPath(now);
        const size_t offered = std::clamp(m_link->maxProbeDatagramSize(), MinDatagramSize, MaxDatagramSize);
        return std::min(offered, m_sizeLimit);
    }

    // Hands the written packets to the link in one batch. False while some could not be sent
    // (socket buffer full); they go first on the next try, so the packet order is kept.
    bool flushPackets()
    {
        while (m_txSent < m_txQueue.size()) {
            const size_t sent = m_link->sendDatagrams(m_txQueue.data() + m_txSent, m_txQueue.size() - m_txSent);
            for (size_t i = m_txSent; i < m_txSent + sent; ++i) {
                ++m_counters.datagramsSent;
                m_counters.bytesSent += m_txQueue[i].size;
            }
            m_txSent += sent;
            if (sent == 0) {
                ++m_counters.sendFailures;
                return false;
            }
        }
        m_txQueue.clear();
        m_txSent = 0;
        return true;
    }

    bool writePackets(ngtcp2_tstamp now)
    {
        m_sendBlocked = false;
        if (!flushPackets()) {
            m_sendBlocked = true; // nothing new before these are out
            return true;
        }
        for (auto &[id, stream] : m_streams)
            stream.blocked = false;
        const size_t limit = datagramLimit(now);
        const size_t payload = std::max<size_t>(ngtcp2_conn_get_path_max_tx_udp_payload_size(m_conn), 1);
        const size_t maxPackets
            = std::clamp<size_t>(ngtcp2_conn_get_send_quantum(m_conn) / payload, 1, MaxPacketsPerPump);
        ngtcp2_path_storage ps;
        ngtcp2_path_storage_zero(&ps);
        ngtcp2_pkt_info pi;
        ngtcp2_vec vecs[MaxVecs];
        bool more = false;

        for (;;) {
            uint8_t *const dest = m_txArea.data() + m_txQueue.size() * MaxDatagramSize;
            Stream *stream = nextSender();
            int64_t streamId = -1;
            size_t vecCount = 0;
            uint64_t vecBytes = 0;
            uint32_t flags = NGTCP2_WRITE_STREAM_FLAG_MORE;
            if (stream) {
                streamId = stream->id;
                vecCount = stream->gather(vecs, MaxVecs, &vecBytes);
                if (stream->finQueued && stream->sentOffset + vecBytes == stream->writtenOffset)
                    flags |= NGTCP2_WRITE_STREAM_FLAG_FIN;
            }
            ngtcp2_ssize accepted = -1;
            const ngtcp2_ssize written = ngtcp2_conn_writev_stream(m_conn, &ps.path, &pi, dest, limit, &accepted, flags,
                                                                   streamId, vecs, vecCount, now);
            if (written < 0) {
                switch (written) {
                case NGTCP2_ERR_STREAM_DATA_BLOCKED:
                    if (!stream)
                        break;
                    stream->blocked = true;
                    continue;
                case NGTCP2_ERR_STREAM_SHUT_WR:
                case NGTCP2_ERR_STREAM_NOT_FOUND:
                    if (!stream)
                        break;
                    stream->writeClosed = true;
                    continue;
                case NGTCP2_ERR_WRITE_MORE:
                    if (!stream)
                        break;
                    noteSent(stream, accepted, vecBytes, flags);
                    if (accepted == 0 && !(flags & NGTCP2_WRITE_STREAM_FLAG_FIN))
                        stream->blocked = true; // no room for it in this packet
                    continue;
                default:
                    break;
                }
                handleWriteError(int(written));
                return false;
            }
            if (stream)
                noteSent(stream, accepted, vecBytes, flags);
            if (written == 0)
                break; // congestion or pacing limited, or nothing to send
            m_txQueue.push_back(DatagramLink::Datagram { dest, size_t(written) });
            if (m_txQueue.size() >= maxPackets) {
                more = true; // let incoming packets (acknowledgements) in, then go on
                break;
            }
        }
        ngtcp2_conn_update_pkt_tx_time(m_conn, now);
        if (!flushPackets())
            m_sendBlocked = true;
        else if (more)
            schedulePump();
        return true;
    }

    static void noteSent(Stream *stream, ngtcp2_ssize accepted, uint64_t vecBytes, uint32_t flags)
    {
        if (!stream || accepted < 0)
            return;
        stream->advance(uint64_t(accepted));
        if ((flags & NGTCP2_WRITE_STREAM_FLAG_FIN) && uint64_t(accepted) == vecBytes)
            stream->finSent = true;
    }

    void handleWriteError(int rv)
    {
        if (rv == NGTCP2_ERR_CALLBACK_FAILURE && m_callbackError) {
            const auto [kind, reason, alert] = *m_callbackError;
            ngtcp2_ccerr ccerr;
            ngtcp2_ccerr_default(&ccerr);
            ngtcp2_ccerr_set_tls_alert(&ccerr, alert, nullptr, 0);
            fail(kind, reason, &ccerr);
            return;
        }
        if (rv == NGTCP2_ERR_CRYPTO) {
            handleReadError(rv);
            return;
        }
        ngtcp2_ccerr ccerr;
        ngtcp2_ccerr_default(&ccerr);
        ngtcp2_ccerr_set_liberr(&ccerr, rv, nullptr, 0);
        fail(ErrorKind::Protocol,
             QStringLiteral("The connection failed: QUIC error \"%1\".").arg(QString::fromUtf8(ngtcp2_strerror(rv))),
             &ccerr);
    }

    void handleExpiryError(int rv)
    {
        if (rv == NGTCP2_ERR_IDLE_CLOSE) {
            fail(ErrorKind::Timeout,
                 QStringLiteral("Nothing was heard from the peer for %1 s; the connection was lost.")
                     .arg(seconds(m_config.idleTimeout)));
            return;
        }
        if (rv == NGTCP2_ERR_HANDSHAKE_TIMEOUT) {
            onHandshakeTimeout();
            return;
        }
        ngtcp2_ccerr ccerr;
        ngtcp2_ccerr_default(&ccerr);
        ngtcp2_ccerr_set_liberr(&ccerr, rv, nullptr, 0);
        fail(ErrorKind::Protocol,
             QStringLiteral("The connection failed: QUIC error \"%1\".").arg(QString::fromUtf8(ngtcp2_strerror(rv))),
             &ccerr);
    }

    void onHandshakeTimeout()
    {
        m_handshakeTimer = 0;
        if (m_phase != Phase::Handshaking)
            return;
        ngtcp2_ccerr ccerr;
        ngtcp2_ccerr_default(&ccerr);
        ngtcp2_ccerr_set_transport_error(&ccerr, NGTCP2_NO_ERROR, nullptr, 0);
        fail(ErrorKind::Timeout,
             QStringLiteral("The peer did not complete the secure handshake within %1 s. It may be offline, or the "
                            "network path between you may not carry its packets.")
                 .arg(seconds(m_config.handshakeTimeout)),
             &ccerr);
    }

    void flushEvents()
    {
        if (!m_established)
            return; // held back until the peer is authenticated
        for (auto &[id, stream] : m_streams) {
            if (stream.ackDirty) {
                stream.ackDirty = false;
                m_pending.push_back(Event { EventType::Acked, id, stream.ackedOffset });
            }
        }
        if (m_pending.empty())
            return;
        EventBatch batch;
        batch.swap(m_pending);
        m_sink(std::move(batch));
    }

    void eraseClosedStreams()
    {
        for (const int64_t id : m_closedStreams)
            m_streams.erase(id);
        m_closedStreams.clear();
    }

    void armTimer()
    {
        if (!m_conn || !isRunning()) {
            cancelTimer();
            return;
        }
        const ngtcp2_tstamp expiry = ngtcp2_conn_get_expiry(m_conn);
        const ngtcp2_tstamp now = timestamp();
        int delayMs;
        if (m_sendBlocked) {
            delayMs = 1; // the link refused a datagram: try again shortly
        } else if (expiry == UINT64_MAX) {
            cancelTimer();
            return;
        } else if (expiry > now) {
            // Millisecond timers; a deadline less than 1 ms away is polled on the next loop turn.
            delayMs = int(std::min<uint64_t>((expiry - now) / NGTCP2_MILLISECONDS, INT_MAX));
        } else {
            // Already due although just handled: avoid spinning on it.
            delayMs = 1;
        }
        const qint64 nowMs = qint64(now / NGTCP2_MILLISECONDS);
        const qint64 due = nowMs + delayMs;
        if (m_timer && m_timerDue == due)
            return;
        cancelTimer();
        m_timerDue = due;
        m_timer = m_net.schedule(delayMs, [weak = weak_from_this()] {
            if (auto self = weak.lock()) {
                self->m_timer = 0;
                self->pump();
            }
        });
    }

    void cancelTimer()
    {
        if (m_timer) {
            m_net.cancel(m_timer);
            m_timer = 0;
        }
    }

    void cancelTimers()
    {
        cancelTimer();
        if (m_handshakeTimer) {
            m_net.cancel(m_handshakeTimer);
            m_handshakeTimer = 0;
        }
    }

    bool sendPacket(const uint8_t *data, size_t size)
    {
        if (!m_link->sendDatagram(data, size)) {
            ++m_counters.sendFailures;
            return false;
        }
        ++m_counters.datagramsSent;
        m_counters.bytesSent += size;
        return true;
    }

    void sendConnectionClose(const ngtcp2_ccerr &ccerr)
    {
        ngtcp2_path_storage ps;
        ngtcp2_path_storage_zero(&ps);
        ngtcp2_pkt_info pi;
        const ngtcp2_tstamp now = timestamp();
        const ngtcp2_ssize written = ngtcp2_conn_write_connection_close(m_conn, &ps.path, &pi, m_txBuffer.data(),
                                                                        datagramLimit(now), &ccerr, now);
        if (written > 0) {
            m_closePacket = QByteArray(reinterpret_cast<const char *>(m_txBuffer.data()), qsizetype(written));
            m_lastCloseSent = timestamp();
            sendPacket(m_txBuffer.data(), size_t(written));
            m_phase = Phase::Closing;
        }
    }

    // Ends the connection with an error; sends CONNECTION_CLOSE when ccerr is given.
    void fail(ErrorKind kind, const QString &reason, const ngtcp2_ccerr *ccerr = nullptr)
    {
        if (m_closedReported)
            return;
        qCInfo(lcChannel).noquote() << "secure channel failed:" << reason;
        if (ccerr && m_conn && isRunning())
            sendConnectionClose(*ccerr);
        if (kind == ErrorKind::Security)
            m_pending.clear(); // nothing from an unauthenticated peer reaches the owner
        finishWith(kind, reason);
    }

    void finishWith(ErrorKind kind, const QString &reason)
    {
        if (m_closedReported)
            return;
        if (m_phase != Phase::Closing && m_phase != Phase::Draining)
            m_phase = Phase::Closed;
        cancelTimers();
        flushEvents(); // data that arrived before the close still reaches the owner
        publishStats();
        m_pending.clear();
        m_closedReported = true;
        Event event { EventType::Closed, -1, quint64(kind) };
        event.data = reason.toUtf8();
        EventBatch batch;
        batch.push_back(std::move(event));
        m_sink(std::move(batch));
    }

    void publishStats()
    {
        SecureChannel::Stats stats;
        if (m_conn) {
            ngtcp2_conn_info info;
            ngtcp2_conn_get_conn_info(m_conn, &info);
            stats.smoothedRtt = std::chrono::microseconds(info.smoothed_rtt / NGTCP2_MICROSECONDS);
            stats.minRtt
                = std::chrono::microseconds(info.min_rtt == UINT64_MAX ? 0 : info.min_rtt / NGTCP2_MICROSECONDS);
            stats.congestionWindow = info.cwnd;
            stats.bytesInFlight = info.bytes_in_flight;
            stats.lostPackets = m_lostOnClosedStreams;
            stats.pathChanges = m_migrations;
            for (const auto &[id, stream] : m_streams) {
                if (!stream.closed)
                    stats.lostPackets += ngtcp2_conn_get_stream_loss_count(m_conn, id);
            }
        } else {
            stats = this->stats();
        }
        stats.datagramsSent = m_counters.datagramsSent;
        stats.datagramsReceived = m_counters.datagramsReceived;
        stats.bytesSent = m_counters.bytesSent;
        stats.bytesReceived = m_counters.bytesReceived;
        std::lock_guard lock(m_statsMutex);
        m_stats = stats;
    }

    struct CallbackError
    {
        ErrorKind kind;
        QString reason;
        uint8_t alert;
    };

    struct Counters
    {
        quint64 datagramsSent = 0;
        quint64 datagramsReceived = 0;
        quint64 bytesSent = 0;
        quint64 bytesReceived = 0;
        quint64 sendFailures = 0;
    };

    NetworkThread &m_net;
    DatagramLink *const m_link;
    const SecureChannel::Config m_config;
    const Sink m_sink;

    Phase m_phase = Phase::Idle;
    bool m_closedReported = false;
    bool m_receiverSet = false;
    ngtcp2_conn *m_conn = nullptr;
    Gnutls::Credentials m_cred;
    Gnutls::Session m_session;
    ngtcp2_crypto_conn_ref m_connRef {};
    ngtcp2_sockaddr_in m_localAddr {};
    ngtcp2_sockaddr_in m_remoteAddr {};
    ngtcp2_path m_path {};
    std::vector<uint8_t> m_txBuffer; // CONNECTION_CLOSE
    std::vector<uint8_t> m_txArea; // MaxPacketsPerPump packets of at most MaxDatagramSize
    std::vector<DatagramLink::Datagram> m_txQueue; // written into m_txArea, in order
    size_t m_txSent = 0; // of m_txQueue, handed to the link
    uint64_t m_pathId = 0;
    quint64 m_migrations = 0; // new and restored paths started over on (see startOver())
    size_t m_sizeLimit = MaxDatagramSize;

    bool m_cryptoSeen = false;
    bool m_peerVerified = false;
    bool m_established = false;
    QString m_securityProblem;
    std::optional<CallbackError> m_callbackError;

    std::map<int64_t, Stream> m_streams;
    std::deque<int64_t> m_pendingOpens;
    std::vector<int64_t> m_closedStreams;
    int64_t m_lastSender = -1;
    EventBatch m_pending;

    bool m_pumpPosted = false;
    size_t m_receivedSincePump = 0;
    bool m_sendBlocked = false;
    uint32_t m_timer = 0;
    qint64 m_timerDue = 0;
    uint32_t m_handshakeTimer = 0;
    QByteArray m_closePacket;
    ngtcp2_tstamp m_lastCloseSent = 0;

    Counters m_counters;
    quint64 m_lostOnClosedStreams = 0;
    mutable std::mutex m_statsMutex;
    SecureChannel::Stats m_stats; // guarded by m_statsMutex
};

} // namespace

struct SecureChannel::Private
{
    struct StreamState
    {
        qint64 written = 0;
        qint64 acked = 0;
        bool finished = false;
        bool resetReported = false;
    };

    SecureChannel *q;
    NetworkThread &net;
    std::shared_ptr<QuicConnection> connection;
    Role role;
    State state = State::Idle;
    bool closing = false;
    ErrorKind error = ErrorKind::None;
    QString errorString;
    qint64 nextLocalStream;
    QHash<qint64, StreamState> streams;
    // Streams whose flow-control credit the owner returns with consumed(): bytes delivered and
    // not yet consumed.
    QHash<qint64, qint64> manualCredit;

    // Events from the network thread wait here for the owner. While one delivery is queued,
    // further batches join it instead of waking the owner's thread once more each.
    std::mutex inboxMutex;
    EventBatch inbox; // guarded by inboxMutex
    bool deliveryQueued = false; // guarded by inboxMutex

    Private(SecureChannel *owner, NetworkThread &thread, DatagramLink *link, const Config &config)
        : q(owner)
        , net(thread)
        , role(config.role)
        , nextLocalStream(config.role == Role::Client ? 0 : 1)
    {
        connection = std::make_shared<QuicConnection>(net, link, config, [this](EventBatch &&batch) {
            {
                std::lock_guard lock(inboxMutex);
                if (inbox.empty())
                    inbox.swap(batch);
                else
                    std::move(batch.begin(), batch.end(), std::back_inserter(inbox));
                if (std::exchange(deliveryQueued, true))
                    return;
            }
            NetworkThread::deliver(q, [this] { takeEvents(); });
        });
    }

    void takeEvents()
    {
        EventBatch batch;
        {
            std::lock_guard lock(inboxMutex);
            batch.swap(inbox);
            deliveryQueued = false;
        }
        handleEvents(batch);
    }

    template<typename Fn> void post(Fn &&fn)
    {
        net.post([weak = std::weak_ptr<QuicConnection>(connection), fn = std::forward<Fn>(fn)] {
            if (auto c = weak.lock())
                fn(*c);
        });
    }

    void handleEvents(EventBatch &batch)
    {
        const QPointer<SecureChannel> guard(q);
        std::vector<Credit> credits;
        auto addCredit = [&credits](qint64 stream, quint64 bytes) {
            for (Credit &c : credits) {
                if (c.stream == stream) {
                    c.bytes += bytes;
                    return;
                }
            }
            credits.push_back(Credit { stream, bytes });
        };

        for (Event &event : batch) {
            if (!guard)
                return; // deleted from a slot
            if (state == State::Closed)
                return;
            if (closing && event.type != EventType::Closed)
                continue;
            const auto stream = streams.find(event.stream);
            switch (event.type) {
            case EventType::Opened:
                state = State::Open;
                Q_EMIT q->opened();
                break;
            case EventType::StreamOpened:
                streams.insert(event.stream, StreamState());
                Q_EMIT q->streamOpened(event.stream);
                break;
            case EventType::Data:
                if (const auto manual = manualCredit.find(event.stream);
                    manual != manualCredit.end() && stream != streams.end())
                    *manual += event.data.size(); // the owner gives it back with consumed()
                else
                    addCredit(event.stream, quint64(event.data.size()));
                if (stream != streams.end())
                    Q_EMIT q->dataReceived(event.stream, event.data);
                break;
            case EventType::Finished:
                if (stream != streams.end())
                    Q_EMIT q->streamFinished(event.stream);
                break;
            case EventType::Reset:
                if (stream != streams.end() && !stream->resetReported) {
                    stream->resetReported = true;
                    Q_EMIT q->streamReset(event.stream, event.value);
                }
                break;
            case EventType::Acked:
                if (stream != streams.end()) {
                    stream->acked = qint64(event.value);
                    Q_EMIT q->writable(event.stream, stream->written - stream->acked);
                }
                break;
            case EventType::StreamClosed:
                if (stream != streams.end()) {
                    const bool report = event.hasErrorCode && !stream->resetReported;
                    streams.erase(stream);
                    if (const qint64 held = manualCredit.take(event.stream); held > 0)
                        addCredit(event.stream, quint64(held)); // the connection's share of it
                    if (report)
                        Q_EMIT q->streamReset(event.stream, event.value);
                }
                break;
            case EventType::Closed:
                state = State::Closed;
                closing = false;
                error = ErrorKind(event.value);
                errorString = QString::fromUtf8(event.data);
                streams.clear();
                manualCredit.clear();
                Q_EMIT q->closed(error, errorString);
                return;
            }
        }
        if (guard && !credits.empty() && state == State::Open)
            post([credits = std::move(credits)](QuicConnection &c) { c.credit(credits); });
    }

    void giveCredit(qint64 stream, qint64 bytes)
    {
        if (bytes > 0 && state == State::Open && !closing)
            post([credits = std::vector<Credit> { Credit { stream, quint64(bytes) } }](QuicConnection &c) {
                c.credit(credits);
            });
    }
};

SecureChannel::SecureChannel(NetworkThread &thread, DatagramLink *link, Config config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, thread, link, config))
{ }

SecureChannel::~SecureChannel()
{
    auto connection = std::move(d->connection);
    const bool ran = d->net.runSync([&connection] {
        connection->teardown(true);
        connection.reset();
    });
    if (!ran && connection) {
        // The network thread is gone: nothing runs concurrently any more.
        connection->teardown(false);
        connection.reset();
    }
}

SecureChannel::State SecureChannel::state() const
{
    return d->state;
}

SecureChannel::ErrorKind SecureChannel::error() const
{
    return d->error;
}

QString SecureChannel::errorString() const
{
    return d->errorString;
}

SecureChannel::Stats SecureChannel::stats() const
{
    return d->connection ? d->connection->stats() : Stats();
}

void SecureChannel::open()
{
    if (d->state != State::Idle)
        return;
    d->state = State::Connecting;
    d->post([](QuicConnection &c) { c.start(); });
}

qint64 SecureChannel::openStream()
{
    if (d->state != State::Open || d->closing)
        return -1;
    const qint64 id = d->nextLocalStream;
    d->nextLocalStream += 4;
    d->streams.insert(id, Private::StreamState());
    d->post([id](QuicConnection &c) { c.openStream(id); });
    return id;
}

bool SecureChannel::write(qint64 stream, const QByteArray &data)
{
    if (d->state != State::Open || d->closing)
        return false;
    const auto it = d->streams.find(stream);
    if (it == d->streams.end() || it->finished)
        return false;
    if (data.isEmpty())
        return true;
    it->written += data.size();
    d->post([stream, data](QuicConnection &c) { c.write(stream, data); });
    return true;
}

bool SecureChannel::finish(qint64 stream)
{
    if (d->state != State::Open || d->closing)
        return false;
    const auto it = d->streams.find(stream);
    if (it == d->streams.end() || it->finished)
        return false;
    it->finished = true;
    d->post([stream](QuicConnection &c) { c.finish(stream); });
    return true;
}

bool SecureChannel::resetStream(qint64 stream, quint64 errorCode)
{
    if (d->state != State::Open || d->closing)
        return false;
    if (!d->streams.remove(stream))
        return false;
    d->post([stream, errorCode](QuicConnection &c) { c.reset(stream, errorCode); });
    d->giveCredit(stream, d->manualCredit.take(stream));
    return true;
}

void SecureChannel::setManualCredit(qint64 stream, bool manual)
{
    if (manual) {
        if (d->state != State::Closed && !d->manualCredit.contains(stream))
            d->manualCredit.insert(stream, 0);
    } else {
        d->giveCredit(stream, d->manualCredit.take(stream));
    }
}

void SecureChannel::consumed(qint64 stream, qint64 bytes)
{
    const auto it = d->manualCredit.find(stream);
    if (it == d->manualCredit.end() || bytes <= 0)
        return;
    const qint64 n = std::min(bytes, *it);
    *it -= n;
    d->giveCredit(stream, n);
}

qint64 SecureChannel::bufferedBytes(qint64 stream) const
{
    const auto it = d->streams.constFind(stream);
    return it == d->streams.cend() ? 0 : it->written - it->acked;
}

void SecureChannel::close(const QString &reason)
{
    if (d->state == State::Closed || d->closing)
        return;
    d->closing = true;
    if (d->state == State::Idle) {
        d->state = State::Closed;
        d->closing = false;
        d->errorString = reason;
        QMetaObject::invokeMethod(
            this, [this, reason] { Q_EMIT closed(ErrorKind::None, reason); }, Qt::QueuedConnection);
        return;
    }
    d->post([reason](QuicConnection &c) { c.closeLocal(reason); });
}

} // namespace Peerlink
