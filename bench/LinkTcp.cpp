#include "bench/LinkTcp.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

namespace Peerlink::Bench {

namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t BufferSize = 256 * 1024;

QJsonObject systemError(const char *what)
{
    return { { QStringLiteral("error"),
               QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno))) } };
}

bool makeAddress(const QString &address, uint16_t port, sockaddr_in *out)
{
    std::memset(out, 0, sizeof(*out));
    out->sin_family = AF_INET;
    out->sin_port = htons(port);
    return inet_pton(AF_INET, address.toLatin1().constData(), &out->sin_addr) == 1;
}

struct Fd
{
    int fd = -1;
    explicit Fd(int f)
        : fd(f)
    { }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    ~Fd() { reset(-1); }
    void reset(int f)
    {
        if (fd >= 0)
            ::close(fd);
        fd = f;
    }
};

} // namespace

QJsonObject linkTcpReceive(const LinkTcpOptions &options)
{
    sockaddr_in addr;
    if (!makeAddress(options.address, options.port, &addr))
        return { { QStringLiteral("error"), QStringLiteral("bad address %1").arg(options.address) } };
    Fd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int one = 1;
    ::setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (::bind(listener.fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0)
        return systemError("bind");
    if (::listen(listener.fd, 1) != 0)
        return systemError("listen");
    pollfd waiting { listener.fd, POLLIN, 0 };
    const int ready = ::poll(&waiting, 1, options.acceptTimeoutMs);
    if (ready <= 0)
        return { { QStringLiteral("error"),
                   QStringLiteral("no sender connected within %1 s").arg(options.acceptTimeoutMs / 1000) } };
    Fd conn(::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC));
    if (conn.fd < 0)
        return systemError("accept");
    std::vector<char> buffer(BufferSize);
    uint64_t bytes = 0;
    Clock::time_point first, last;
    for (;;) {
        const ssize_t n = ::read(conn.fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return systemError("read");
        if (n == 0)
            break;
        last = Clock::now();
        if (bytes == 0)
            first = last;
        bytes += uint64_t(n);
    }
    const double seconds = std::chrono::duration<double>(last - first).count();
    return { { QStringLiteral("bytes"), qint64(bytes) },
             { QStringLiteral("seconds"), seconds },
             { QStringLiteral("MBps"), seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0 } };
}

QJsonObject linkTcpSend(const LinkTcpOptions &options)
{
    sockaddr_in addr;
    if (!makeAddress(options.address, options.port, &addr))
        return { { QStringLiteral("error"), QStringLiteral("bad address %1").arg(options.address) } };
    std::vector<char> buffer(BufferSize);
    uint32_t x = 2463534242u; // xorshift: incompressible, cheap
    for (size_t i = 0; i + 4 <= buffer.size(); i += 4) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        std::memcpy(buffer.data() + i, &x, 4);
    }
    const QByteArray cc = options.congestionControl.toLatin1();
    Fd conn(-1);
    // The receiver may still be starting: retry for a few seconds.
    for (int attempt = 0;; ++attempt) {
        conn.reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (conn.fd < 0)
            return systemError("socket");
        if (!cc.isEmpty()
            && ::setsockopt(conn.fd, IPPROTO_TCP, TCP_CONGESTION, cc.constData(), socklen_t(cc.size())) != 0)
            return systemError("setting the congestion control (TCP_CONGESTION)");
        if (::connect(conn.fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0)
            break;
        if (attempt >= 100)
            return systemError("connect");
        ::usleep(50 * 1000);
    }
    char used[32] = {};
    socklen_t usedLength = sizeof(used) - 1;
    ::getsockopt(conn.fd, IPPROTO_TCP, TCP_CONGESTION, used, &usedLength);

    const auto start = Clock::now();
    const auto limit = options.maxSeconds > 0
        ? start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.maxSeconds))
        : Clock::time_point::max();
    uint64_t sent = 0;
    bool timeLimited = false;
    while (sent < options.bytes) {
        if (Clock::now() >= limit) {
            timeLimited = true;
            break;
        }
        const size_t chunk = size_t(std::min<uint64_t>(buffer.size(), options.bytes - sent));
        const ssize_t n = ::write(conn.fd, buffer.data(), chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return systemError("write");
        sent += uint64_t(n);
    }
    ::shutdown(conn.fd, SHUT_WR);
    char drain;
    while (::read(conn.fd, &drain, 1) > 0) { }
    return { { QStringLiteral("bytes"), qint64(sent) },
             { QStringLiteral("seconds"), std::chrono::duration<double>(Clock::now() - start).count() },
             { QStringLiteral("cc"), QString::fromLatin1(used) },
             { QStringLiteral("time_limited"), timeLimited } };
}

} // namespace Peerlink::Bench
