#include "bench/TcpBaseline.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

namespace Peerlink::Bench {

namespace {
constexpr size_t BufferSize = 256 * 1024;

QString systemError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(strerror(errno)));
}

bool makeAddress(const QString &address, uint16_t port, sockaddr_in *out)
{
    memset(out, 0, sizeof(*out));
    out->sin_family = AF_INET;
    out->sin_port = htons(port);
    return inet_pton(AF_INET, address.toLatin1().constData(), &out->sin_addr) == 1;
}

struct Fd
{
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            close(fd);
    }
};
} // namespace

TcpResult tcpReceive(const QString &address, uint16_t port)
{
    TcpResult result;
    sockaddr_in addr;
    if (!makeAddress(address, port, &addr))
        return { 0, 0, QStringLiteral("bad address %1").arg(address) };
    Fd listener { socket(AF_INET, SOCK_STREAM, 0) };
    const int one = 1;
    setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(listener.fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0)
        return { 0, 0, systemError("bind") };
    if (listen(listener.fd, 1) != 0)
        return { 0, 0, systemError("listen") };
    Fd conn { accept(listener.fd, nullptr, nullptr) };
    if (conn.fd < 0)
        return { 0, 0, systemError("accept") };
    std::vector<char> buffer(BufferSize);
    std::chrono::steady_clock::time_point first, last;
    for (;;) {
        const ssize_t n = read(conn.fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return { result.bytes, 0, systemError("read") };
        if (n == 0)
            break;
        last = std::chrono::steady_clock::now();
        if (result.bytes == 0)
            first = last;
        result.bytes += uint64_t(n);
    }
    result.seconds = std::chrono::duration<double>(last - first).count();
    return result;
}

TcpResult tcpSend(const QString &address, uint16_t port, uint64_t bytes)
{
    sockaddr_in addr;
    if (!makeAddress(address, port, &addr))
        return { 0, 0, QStringLiteral("bad address %1").arg(address) };
    std::vector<char> buffer(BufferSize);
    uint32_t x = 2463534242u; // xorshift: incompressible, cheap
    for (size_t i = 0; i + 4 <= buffer.size(); i += 4) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        memcpy(buffer.data() + i, &x, 4);
    }
    Fd conn { socket(AF_INET, SOCK_STREAM, 0) };
    // The receiver may still be starting: retry for a few seconds.
    int attempts = 0;
    while (connect(conn.fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0) {
        if (++attempts > 100)
            return { 0, 0, systemError("connect") };
        usleep(50 * 1000);
        close(conn.fd);
        conn.fd = socket(AF_INET, SOCK_STREAM, 0);
    }
    const auto start = std::chrono::steady_clock::now();
    uint64_t sent = 0;
    while (sent < bytes) {
        const size_t chunk = size_t(std::min<uint64_t>(buffer.size(), bytes - sent));
        const ssize_t n = write(conn.fd, buffer.data(), chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return { sent, 0, systemError("write") };
        sent += uint64_t(n);
    }
    shutdown(conn.fd, SHUT_WR);
    char drain;
    while (read(conn.fd, &drain, 1) > 0) { }
    return { sent, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), {} };
}

} // namespace Peerlink::Bench
