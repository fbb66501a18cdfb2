// DirectUdpSender: sends an IceAgent's datagrams straight on the socket of the direct (host or
// server-reflexive, UDP) pair libnice selected, to the pair's remote address: the same socket and
// the same remote address nice_agent_send() uses, so the 5-tuple, the NAT bindings and libnice's
// consent checks are unchanged. What changes is the cost per datagram: a batch of equal-sized
// datagrams leaves in one sendmsg() with UDP segmentation offload (UDP_SEGMENT, Linux 4.18+), or
// in one sendmmsg() where the kernel or the route refuses that. Relayed and TCP pairs keep
// going through libnice (TURN framing). Receiving stays with libnice: it must see every STUN
// packet that arrives on the socket.
//
// On the socket it is given it also enlarges the send and receive buffers (up to what
// net.core.wmem_max/rmem_max allow an unprivileged process) and sets the IPv4/IPv6 "don't
// fragment" probing mode, so that path MTU probes larger than the path are lost instead of being
// fragmented (the previous mode is put back when the sender goes away).
//
// Network thread only. Internal to core/ice.
#pragma once

#include "core/Logging.h"
#include "core/net/DatagramLink.h"

#include <gio/gio.h>
#include <nice/address.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#ifdef __linux__
#include <netinet/in.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#define PEERLINK_DIRECT_UDP 1
#endif

namespace Peerlink {

class DirectUdpSender
{
public:
    // Payload of a full-sized Ethernet frame (MTU 1500) over IPv4 and over IPv6.
    static constexpr size_t MaxProbeIpv4 = 1500 - 20 - 8;
    static constexpr size_t MaxProbeIpv6 = 1500 - 40 - 8;
    // Socket buffers asked for; the kernel caps them at net.core.[rw]mem_max.
    static constexpr int SocketBufferBytes = 4 * 1024 * 1024;

    // Null where direct sending is not available (not Linux, not an IP socket).
    static std::unique_ptr<DirectUdpSender> create(GSocket *socket, const NiceAddress &remote)
    {
#ifdef PEERLINK_DIRECT_UDP
        if (!socket || g_socket_is_closed(socket))
            return nullptr;
        const GSocketFamily family = g_socket_get_family(socket);
        if (family != G_SOCKET_FAMILY_IPV4 && family != G_SOCKET_FAMILY_IPV6)
            return nullptr;
        std::unique_ptr<DirectUdpSender> sender(new DirectUdpSender(socket, family == G_SOCKET_FAMILY_IPV6));
        nice_address_copy_to_sockaddr(&remote, reinterpret_cast<sockaddr *>(&sender->m_remote));
        if (sender->m_remote.ss_family == AF_INET)
            sender->m_remoteLength = sizeof(sockaddr_in);
        else if (sender->m_remote.ss_family == AF_INET6)
            sender->m_remoteLength = sizeof(sockaddr_in6);
        else
            return nullptr;
        sender->tuneSocket();
        return sender;
#else
        Q_UNUSED(socket);
        Q_UNUSED(remote);
        return nullptr;
#endif
    }

    ~DirectUdpSender()
    {
#ifdef PEERLINK_DIRECT_UDP
        if (m_savedMtuMode >= 0 && !g_socket_is_closed(m_socket))
            ::setsockopt(m_fd, m_ipv6 ? IPPROTO_IPV6 : IPPROTO_IP, m_ipv6 ? IPV6_MTU_DISCOVER : IP_MTU_DISCOVER,
                         &m_savedMtuMode, sizeof(m_savedMtuMode));
#endif
        g_object_unref(m_socket);
    }

    DirectUdpSender(const DirectUdpSender &) = delete;
    DirectUdpSender &operator=(const DirectUdpSender &) = delete;

    // False once libnice closed the socket (the candidate is gone): use libnice again.
    bool isUsable() const { return !g_socket_is_closed(m_socket); }

    // A full frame's payload, until the kernel refuses a datagram as too large for the route
    // (an interface with a smaller MTU): then the next smaller common size.
    size_t maxProbeDatagramSize() const { return m_ceiling; }

    // Sends datagrams in order; returns how many left (or were dropped for good, as UDP may),
    // counted from the first. Fewer than count: the socket buffer is full, try the rest later.
    size_t send(const DatagramLink::Datagram *datagrams, size_t count)
    {
#ifdef PEERLINK_DIRECT_UDP
        size_t done = 0;
        while (done < count) {
            const size_t group = m_gso ? gsoGroup(datagrams + done, count - done) : 1;
            if (group > 1) {
                const ssize_t sent = sendSegmented(datagrams + done, group);
                if (sent >= 0) {
                    done += group;
                    continue;
                }
                const int error = errno;
                if (error == EINTR)
                    continue;
                if (wouldBlock(error))
                    return done;
                // EINVAL/EIO/EOPNOTSUPP: no offload on this route (or the segments are larger than
                // it carries). Send the group one by one; if that works, stop trying the offload.
                const size_t each = sendEach(datagrams + done, group);
                if (each == group && m_gso && !m_sawTooLarge) {
                    qCInfo(lcIce).noquote()
                        << "UDP segmentation offload refused (" << QString::fromUtf8(strerror(error))
                        << "), sending datagrams with sendmmsg";
                    m_gso = false;
                }
                m_sawTooLarge = false;
                done += each;
                if (each < group)
                    return done;
                continue;
            }
            const size_t run = m_gso ? 1 : std::min(count - done, MaxBatch);
            const size_t each = sendEach(datagrams + done, run);
            done += each;
            if (each < run)
                return done;
        }
        return done;
#else
        Q_UNUSED(datagrams);
        Q_UNUSED(count);
        return 0;
#endif
    }

private:
#ifdef PEERLINK_DIRECT_UDP
    static constexpr size_t MaxBatch = 64;
    static constexpr size_t MaxSegments = 64; // UDP_MAX_SEGMENTS of older kernels
    static constexpr size_t MaxSegmentedBytes = 64000; // below the 65507 bytes of an IPv4 datagram

    DirectUdpSender(GSocket *socket, bool ipv6)
        : m_socket(G_SOCKET(g_object_ref(socket)))
        , m_fd(g_socket_get_fd(socket))
        , m_ipv6(ipv6)
    {
        m_ceiling = ipv6 ? MaxProbeIpv6 : MaxProbeIpv4;
    }

    void tooLarge(size_t size)
    {
        m_sawTooLarge = true;
        for (const size_t smaller : { size_t(1452), size_t(1400), size_t(1200) }) {
            if (smaller < size) {
                m_ceiling = std::min(m_ceiling, smaller);
                return;
            }
        }
    }

    static bool wouldBlock(int error) { return error == EAGAIN || error == EWOULDBLOCK || error == ENOBUFS; }

    void tuneSocket()
    {
        for (const int option : { SO_SNDBUF, SO_RCVBUF }) {
            int current = 0;
            socklen_t length = sizeof(current);
            // The kernel reports twice what was asked for (bookkeeping overhead included).
            if (::getsockopt(m_fd, SOL_SOCKET, option, &current, &length) == 0 && current / 2 < SocketBufferBytes)
                ::setsockopt(m_fd, SOL_SOCKET, option, &SocketBufferBytes, sizeof(SocketBufferBytes));
        }
        const int level = m_ipv6 ? IPPROTO_IPV6 : IPPROTO_IP;
        const int option = m_ipv6 ? IPV6_MTU_DISCOVER : IP_MTU_DISCOVER;
        const int probe = m_ipv6 ? IPV6_PMTUDISC_PROBE : IP_PMTUDISC_PROBE;
        int saved = -1;
        socklen_t length = sizeof(saved);
        if (::getsockopt(m_fd, level, option, &saved, &length) == 0 && saved != probe
            && ::setsockopt(m_fd, level, option, &probe, sizeof(probe)) == 0)
            m_savedMtuMode = saved;
    }

    // How many datagrams from the first one form one segmented send: equal sizes, the last one
    // may be shorter.
    static size_t gsoGroup(const DatagramLink::Datagram *datagrams, size_t count)
    {
        const size_t segment = datagrams[0].size;
        size_t total = segment;
        size_t n = 1;
        while (n < count && n < MaxSegments && datagrams[n].size <= segment
               && total + datagrams[n].size <= MaxSegmentedBytes) {
            total += datagrams[n].size;
            if (datagrams[n++].size < segment)
                break;
        }
        return n;
    }

    ssize_t sendSegmented(const DatagramLink::Datagram *datagrams, size_t count)
    {
        iovec vectors[MaxSegments];
        for (size_t i = 0; i < count; ++i)
            vectors[i] = iovec { const_cast<uint8_t *>(datagrams[i].data), datagrams[i].size };
        union {
            cmsghdr header;
            char bytes[CMSG_SPACE(sizeof(uint16_t))];
        } control {};
        msghdr message {};
        message.msg_name = &m_remote;
        message.msg_namelen = m_remoteLength;
        message.msg_iov = vectors;
        message.msg_iovlen = count;
        message.msg_control = control.bytes;
        message.msg_controllen = sizeof(control.bytes);
        control.header.cmsg_level = SOL_UDP;
        control.header.cmsg_type = UDP_SEGMENT;
        control.header.cmsg_len = CMSG_LEN(sizeof(uint16_t));
        const auto segment = static_cast<uint16_t>(datagrams[0].size);
        std::memcpy(control.bytes + CMSG_LEN(0), &segment, sizeof(segment));
        return ::sendmsg(m_fd, &message, MSG_DONTWAIT);
    }

    // Sends up to MaxBatch datagrams with sendmmsg(); a datagram the kernel refuses for good
    // (too large for the route, unreachable, filtered) is dropped, as the network could.
    size_t sendEach(const DatagramLink::Datagram *datagrams, size_t count)
    {
        count = std::min(count, MaxBatch);
        iovec vectors[MaxBatch];
        mmsghdr messages[MaxBatch];
        for (size_t i = 0; i < count; ++i) {
            vectors[i] = iovec { const_cast<uint8_t *>(datagrams[i].data), datagrams[i].size };
            messages[i] = mmsghdr {};
            messages[i].msg_hdr.msg_name = &m_remote;
            messages[i].msg_hdr.msg_namelen = m_remoteLength;
            messages[i].msg_hdr.msg_iov = &vectors[i];
            messages[i].msg_hdr.msg_iovlen = 1;
        }
        size_t done = 0;
        while (done < count) {
            const int sent = ::sendmmsg(m_fd, messages + done, static_cast<unsigned int>(count - done), MSG_DONTWAIT);
            if (sent > 0) {
                done += size_t(sent);
                continue;
            }
            const int error = errno;
            if (error == EINTR)
                continue;
            if (wouldBlock(error))
                return done;
            if (error == EMSGSIZE)
                tooLarge(datagrams[done].size);
            qCDebug(lcIce).noquote() << "dropping a datagram of" << datagrams[done].size
                                     << "bytes:" << QString::fromUtf8(strerror(error));
            ++done;
        }
        return done;
    }

    GSocket *const m_socket;
    const int m_fd;
    const bool m_ipv6;
    sockaddr_storage m_remote {};
    socklen_t m_remoteLength = 0;
    int m_savedMtuMode = -1;
    bool m_gso = true; // until the kernel refuses it
    bool m_sawTooLarge = false;
#else
    GSocket *m_socket = nullptr;
#endif
    size_t m_ceiling = MaxProbeIpv4;
};

} // namespace Peerlink
