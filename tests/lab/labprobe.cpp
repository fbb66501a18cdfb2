// peerlink-labprobe: the small UDP/TCP probe of the network lab (tools/lab). It checks the lab's
// NAT boxes before any Peerlink test trusts them, and measures the link emulator. Plain POSIX
// sockets, one JSON object per run on stdout.
//
//   serve --addr A [--addr A2] --port P [--port P2]
//       On every address and port: UDP sockets answering the requests below, and a TCP listener
//       that writes "MAPPED ip:port" (the peer's address as seen) and echoes what it receives
//       into a sink that counts bytes (tcp-send measures with it). Runs until killed.
//   nat --server A --alt-server A2 --port P --alt-port P2 [--bind LOCAL]
//       RFC 4787/5780 behaviour discovery through the NAT in front of this host: the mapping
//       (same external address and port for every destination, per destination address, or per
//       destination address and port; "none" when there is no translation; "blocked" when UDP
//       gets no answer) and the filtering (a fresh mapping asks the server to answer from its own
//       port, from its other port and from its other address: which of them get through).
//   hairpin-wait --server A --port P [--timeout-ms N]
//       Learns its mapping from the server, prints {"mapped": ...} at once, then waits for a
//       datagram from anyone and prints {"received": true, "from": ...}.
//   hairpin-send --server A --port P --to IP:PORT
//       Makes a mapping of its own at the server (so the NAT knows it), then sends to IP:PORT.
//   rtt --to IP:PORT [--count N] [--interval-ms N]
//       UDP echo round trips: min/avg/p10/p50/p90/max/stddev in milliseconds and the loss ratio.
//   tcp-send --to IP:PORT [--seconds S] [--warmup S]
//       Kernel TCP goodput to the server's sink: the bytes acknowledged from the end of the
//       warm-up (slow start, default 1 s) until the last byte sent was acknowledged.
//
// Protocol (UDP, text): "MAP t" -> "MAPPED t ip:port" from the receiving socket; "FILTER t" ->
// "FROM t ip:port" from every socket of the server; "ECHO ..." -> the same datagram back.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Endpoint
{
    sockaddr_in addr {};

    static std::optional<Endpoint> parse(const std::string &host, int port)
    {
        Endpoint e;
        e.addr.sin_family = AF_INET;
        e.addr.sin_port = htons(uint16_t(port));
        if (inet_pton(AF_INET, host.c_str(), &e.addr.sin_addr) != 1 || port < 0 || port > 65535)
            return std::nullopt;
        return e;
    }
    static std::optional<Endpoint> parse(const std::string &hostPort)
    {
        const auto colon = hostPort.rfind(':');
        if (colon == std::string::npos)
            return std::nullopt;
        return parse(hostPort.substr(0, colon), std::atoi(hostPort.c_str() + colon + 1));
    }
    std::string text() const
    {
        char buffer[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &addr.sin_addr, buffer, sizeof buffer);
        return std::string(buffer) + ":" + std::to_string(ntohs(addr.sin_port));
    }
    const sockaddr *sa() const { return reinterpret_cast<const sockaddr *>(&addr); }
};

[[noreturn]] void fail(const std::string &message)
{
    std::printf("{\"error\": \"%s\"}\n", message.c_str());
    std::fflush(stdout);
    std::exit(1);
}

int udpSocket(const Endpoint &bindTo)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        fail("cannot create a UDP socket: " + std::string(std::strerror(errno)));
    if (::bind(fd, bindTo.sa(), sizeof bindTo.addr) != 0)
        fail("cannot bind UDP " + bindTo.text() + ": " + std::strerror(errno));
    return fd;
}

Endpoint localOf(int fd)
{
    Endpoint e;
    socklen_t length = sizeof e.addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&e.addr), &length);
    return e;
}

bool waitReadable(int fd, int timeoutMs)
{
    pollfd p { fd, POLLIN, 0 };
    return ::poll(&p, 1, std::max(timeoutMs, 0)) > 0 && (p.revents & POLLIN);
}

int remainingMs(Clock::time_point deadline)
{
    return int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
}

std::string receiveFrom(int fd, Endpoint *from)
{
    char buffer[2048];
    socklen_t length = sizeof from->addr;
    const ssize_t n = ::recvfrom(fd, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr *>(&from->addr), &length);
    return n > 0 ? std::string(buffer, size_t(n)) : std::string();
}

void sendTo(int fd, const Endpoint &to, const std::string &payload)
{
    (void)::sendto(fd, payload.data(), payload.size(), 0, to.sa(), sizeof to.addr);
}

std::string token()
{
    static std::mt19937_64 random(std::random_device {}());
    return std::to_string(random());
}

// Sends "MAP t" up to three times and returns the mapped address the server saw.
std::optional<std::string> mappedAddress(int fd, const Endpoint &server)
{
    const std::string t = token();
    for (int attempt = 0; attempt < 3; ++attempt) {
        sendTo(fd, server, "MAP " + t);
        const auto deadline = Clock::now() + std::chrono::milliseconds(400);
        while (waitReadable(fd, remainingMs(deadline))) {
            Endpoint from;
            const std::string reply = receiveFrom(fd, &from);
            const std::string prefix = "MAPPED " + t + " ";
            if (reply.rfind(prefix, 0) == 0)
                return reply.substr(prefix.size());
        }
    }
    return std::nullopt;
}

// ------------------------------------------------------------------------------------ serve

void tcpSink(int client, Endpoint peer)
{
    const std::string hello = "MAPPED " + peer.text() + "\n";
    (void)::send(client, hello.data(), hello.size(), MSG_NOSIGNAL);
    char buffer[65536];
    while (::recv(client, buffer, sizeof buffer, 0) > 0) { }
    ::close(client);
}

int serve(const std::vector<std::string> &addresses, const std::vector<int> &ports)
{
    std::vector<int> udp;
    std::vector<int> tcp;
    for (const std::string &a : addresses) {
        for (int p : ports) {
            const auto e = Endpoint::parse(a, p);
            if (!e)
                fail("bad address " + a);
            udp.push_back(udpSocket(*e));
            const int t = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            const int one = 1;
            ::setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (::bind(t, e->sa(), sizeof e->addr) != 0 || ::listen(t, 16) != 0)
                fail("cannot listen on TCP " + e->text() + ": " + std::strerror(errno));
            tcp.push_back(t);
        }
    }
    std::printf("{\"serving\": %zu}\n", udp.size());
    std::fflush(stdout);
    std::vector<pollfd> fds;
    for (int fd : udp)
        fds.push_back({ fd, POLLIN, 0 });
    for (int fd : tcp)
        fds.push_back({ fd, POLLIN, 0 });
    for (;;) {
        if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR)
            fail("poll failed");
        for (size_t i = 0; i < fds.size(); ++i) {
            if (!(fds[i].revents & POLLIN))
                continue;
            if (i >= udp.size()) {
                Endpoint peer;
                socklen_t length = sizeof peer.addr;
                const int client
                    = ::accept4(fds[i].fd, reinterpret_cast<sockaddr *>(&peer.addr), &length, SOCK_CLOEXEC);
                if (client >= 0)
                    std::thread(tcpSink, client, peer).detach();
                continue;
            }
            Endpoint from;
            const std::string request = receiveFrom(fds[i].fd, &from);
            if (request.rfind("MAP ", 0) == 0) {
                sendTo(fds[i].fd, from, "MAPPED " + request.substr(4) + " " + from.text());
            } else if (request.rfind("FILTER ", 0) == 0) {
                for (int fd : udp)
                    sendTo(fd, from, "FROM " + request.substr(7) + " " + localOf(fd).text());
            } else if (request.rfind("ECHO", 0) == 0) {
                sendTo(fds[i].fd, from, request);
            }
        }
    }
}

// -------------------------------------------------------------------------------------- nat

int nat(const std::string &server, const std::string &alt, int port, int altPort, const std::string &bindAddress)
{
    const auto s11 = Endpoint::parse(server, port), s12 = Endpoint::parse(server, altPort);
    const auto s21 = Endpoint::parse(alt, port), s22 = Endpoint::parse(alt, altPort);
    const auto local = Endpoint::parse(bindAddress.empty() ? "0.0.0.0" : bindAddress, 0);
    if (!s11 || !s12 || !s21 || !s22 || !local)
        fail("bad server address or port");

    // TCP: does a connection get through, and from which address?
    std::string tcpMapped;
    {
        const int t = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        timeval timeout { 2, 0 };
        ::setsockopt(t, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(t, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        ::bind(t, local->sa(), sizeof local->addr);
        if (::connect(t, s11->sa(), sizeof s11->addr) == 0) {
            char buffer[128] = {};
            const ssize_t n = ::recv(t, buffer, sizeof buffer - 1, 0);
            std::string line(buffer, size_t(std::max<ssize_t>(n, 0)));
            if (line.rfind("MAPPED ", 0) == 0)
                tcpMapped = line.substr(7, line.find('\n') - 7);
        }
        ::close(t);
    }

    // Mapping: one local socket, four destinations.
    const int fd = udpSocket(*local);
    const Endpoint mine = localOf(fd);
    std::vector<std::string> mapped;
    std::string mapping;
    for (const Endpoint &s : { *s11, *s12, *s21, *s22 }) {
        const auto m = mappedAddress(fd, s);
        mapped.push_back(m.value_or(""));
    }
    const auto portOf = [](const std::string &m) { return m.substr(m.rfind(':') + 1); };
    const std::string localPort = std::to_string(ntohs(mine.addr.sin_port));
    if (mapped[0].empty() || mapped[1].empty() || mapped[2].empty() || mapped[3].empty())
        mapping = "blocked";
    else if (mapped[0] == mapped[1] && mapped[0] == mapped[2] && mapped[0] == mapped[3])
        mapping = mapped[0].substr(0, mapped[0].rfind(':')) == bindAddress && portOf(mapped[0]) == localPort
            ? "none"
            : "endpoint-independent";
    else if (mapped[0] == mapped[1] && mapped[2] == mapped[3])
        mapping = "address-dependent";
    else
        mapping = "address-and-port-dependent";
    const bool portsPreserved = std::all_of(mapped.begin(), mapped.end(),
                                            [&](const std::string &m) { return !m.empty() && portOf(m) == localPort; });
    int distinctPorts = 0;
    {
        std::vector<std::string> ports;
        for (const std::string &m : mapped) {
            if (!m.empty())
                ports.push_back(portOf(m));
        }
        std::sort(ports.begin(), ports.end());
        distinctPorts = int(std::unique(ports.begin(), ports.end()) - ports.begin());
    }
    ::close(fd);

    // Filtering: a fresh mapping made towards s11; the server answers from all four sockets.
    std::string filtering = "blocked";
    std::map<std::string, bool> from {
        { s11->text(), false }, { s12->text(), false }, { s21->text(), false }, { s22->text(), false }
    };
    if (mapping != "blocked") {
        const int f = udpSocket(*local);
        const std::string t = token();
        for (int attempt = 0; attempt < 2 && !from[s11->text()]; ++attempt) {
            sendTo(f, *s11, "FILTER " + t);
            const auto deadline = Clock::now() + std::chrono::milliseconds(600);
            while (waitReadable(f, remainingMs(deadline))) {
                Endpoint sender;
                const std::string reply = receiveFrom(f, &sender);
                if (reply.rfind("FROM " + t + " ", 0) == 0 && from.count(sender.text()))
                    from[sender.text()] = true;
            }
        }
        ::close(f);
        if (!from[s11->text()])
            filtering = "blocked";
        else if (from[s12->text()] && from[s21->text()] && from[s22->text()])
            filtering = "endpoint-independent";
        else if (from[s12->text()] && !from[s21->text()] && !from[s22->text()])
            filtering = "address-dependent";
        else if (!from[s12->text()] && !from[s21->text()] && !from[s22->text()])
            filtering = "address-and-port-dependent";
        else
            filtering = "inconsistent";
    }

    std::printf("{\"local\": \"%s\", \"mapped\": [\"%s\", \"%s\", \"%s\", \"%s\"], \"mapping\": \"%s\", "
                "\"ports_preserved\": %s, \"distinct_ports\": %d, \"filtering\": \"%s\", "
                "\"answered_from\": {\"same\": %s, \"other_port\": %s, \"other_address\": %s, \"other_both\": %s}, "
                "\"tcp_mapped\": \"%s\"}\n",
                (bindAddress.empty() ? mine.text() : bindAddress + ":" + localPort).c_str(), mapped[0].c_str(),
                mapped[1].c_str(), mapped[2].c_str(), mapped[3].c_str(), mapping.c_str(),
                portsPreserved ? "true" : "false", distinctPorts, filtering.c_str(),
                from[s11->text()] ? "true" : "false", from[s12->text()] ? "true" : "false",
                from[s21->text()] ? "true" : "false", from[s22->text()] ? "true" : "false", tcpMapped.c_str());
    return 0;
}

// ---------------------------------------------------------------------------------- hairpin

int hairpinWait(const std::string &server, int port, int timeoutMs)
{
    const auto s = Endpoint::parse(server, port);
    if (!s)
        fail("bad server address");
    const int fd = udpSocket(*Endpoint::parse("0.0.0.0", 0));
    const auto m = mappedAddress(fd, *s);
    if (!m)
        fail("the server did not answer");
    std::printf("{\"mapped\": \"%s\"}\n", m->c_str());
    std::fflush(stdout);
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (waitReadable(fd, remainingMs(deadline))) {
        Endpoint from;
        const std::string data = receiveFrom(fd, &from);
        if (data.rfind("HAIRPIN", 0) == 0) {
            std::printf("{\"received\": true, \"from\": \"%s\"}\n", from.text().c_str());
            return 0;
        }
    }
    std::printf("{\"received\": false}\n");
    return 0;
}

int hairpinSend(const std::string &server, int port, const std::string &to)
{
    const auto s = Endpoint::parse(server, port);
    const auto target = Endpoint::parse(to);
    if (!s || !target)
        fail("bad address");
    const int fd = udpSocket(*Endpoint::parse("0.0.0.0", 0));
    const auto m = mappedAddress(fd, *s);
    if (!m)
        fail("the server did not answer");
    for (int i = 0; i < 5; ++i) {
        sendTo(fd, *target, "HAIRPIN " + std::to_string(i));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::printf("{\"mapped\": \"%s\"}\n", m->c_str());
    return 0;
}

// -------------------------------------------------------------------------------- rtt, tcp

int rtt(const std::string &to, int count, int intervalMs)
{
    const auto target = Endpoint::parse(to);
    if (!target || count <= 0)
        fail("bad address or count");
    const int fd = udpSocket(*Endpoint::parse("0.0.0.0", 0));
    std::map<int, Clock::time_point> sent;
    std::vector<double> rtts;
    const auto receiveUntil = [&](Clock::time_point deadline) {
        while (waitReadable(fd, remainingMs(deadline))) {
            Endpoint from;
            const std::string data = receiveFrom(fd, &from);
            if (data.rfind("ECHO ", 0) != 0)
                continue;
            const int seq = std::atoi(data.c_str() + 5);
            const auto it = sent.find(seq);
            if (it == sent.end())
                continue;
            rtts.push_back(std::chrono::duration<double, std::milli>(Clock::now() - it->second).count());
            sent.erase(it);
        }
    };
    auto next = Clock::now();
    for (int i = 0; i < count; ++i) {
        sent[i] = Clock::now();
        sendTo(fd, *target, "ECHO " + std::to_string(i) + std::string(64, 'x'));
        next += std::chrono::milliseconds(intervalMs);
        receiveUntil(next);
    }
    receiveUntil(Clock::now() + std::chrono::milliseconds(2000));
    if (rtts.empty()) {
        std::printf("{\"sent\": %d, \"received\": 0, \"loss\": 1.0}\n", count);
        return 0;
    }
    std::vector<double> sorted = rtts;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double r : rtts)
        sum += r;
    const double avg = sum / double(rtts.size());
    double variance = 0;
    for (double r : rtts)
        variance += (r - avg) * (r - avg);
    const auto percentile
        = [&](double p) { return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))]; };
    std::printf("{\"sent\": %d, \"received\": %zu, \"loss\": %.4f, \"rtt_ms\": {\"min\": %.3f, \"avg\": %.3f, "
                "\"p10\": %.3f, \"p50\": %.3f, \"p90\": %.3f, \"max\": %.3f, \"stddev\": %.3f}}\n",
                count, rtts.size(), 1.0 - double(rtts.size()) / count, sorted.front(), avg, percentile(0.1),
                percentile(0.5), percentile(0.9), sorted.back(), std::sqrt(variance / double(rtts.size())));
    return 0;
}

int tcpSend(const std::string &to, double seconds, double warmup)
{
    const auto target = Endpoint::parse(to);
    if (!target)
        fail("bad address");
    const int t = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (::connect(t, target->sa(), sizeof target->addr) != 0)
        fail("cannot connect to " + to + ": " + std::strerror(errno));
    std::vector<char> buffer(1 << 16, 'p');
    char hello[128];
    (void)::recv(t, hello, sizeof hello, 0); // the greeting
    // Bytes the peer acknowledged so far: written minus what the socket still holds.
    unsigned long long written = 0;
    const auto acknowledged = [&] {
        int queued = 0;
        ::ioctl(t, TIOCOUTQ, &queued);
        return written - static_cast<unsigned long long>(std::max(queued, 0));
    };
    // Sends for the given time; the rate counts from the end of the warm-up (slow start) to the
    // moment the last byte is acknowledged.
    const auto start = Clock::now();
    const auto warm = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup));
    const auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::optional<std::pair<Clock::time_point, unsigned long long>> mark;
    while (Clock::now() < end) {
        const ssize_t n = ::send(t, buffer.data(), buffer.size(), MSG_NOSIGNAL);
        if (n <= 0)
            fail("send failed: " + std::string(std::strerror(errno)));
        written += static_cast<unsigned long long>(n);
        if (!mark && Clock::now() >= warm)
            mark.emplace(Clock::now(), acknowledged());
    }
    if (!mark)
        mark.emplace(start, 0ULL);
    while (acknowledged() < written)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const auto done = Clock::now();
    ::close(t);
    const double measured = std::chrono::duration<double>(done - mark->first).count();
    std::printf("{\"bytes\": %llu, \"seconds\": %.3f, \"measured_bytes\": %llu, \"measured_seconds\": %.3f, "
                "\"Mbps\": %.3f}\n",
                written, std::chrono::duration<double>(done - start).count(), written - mark->second, measured,
                double(written - mark->second) * 8 / measured / 1e6);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: peerlink-labprobe serve|nat|hairpin-wait|hairpin-send|rtt|tcp-send [options]\n"
                     "see the comment at the top of tests/lab/labprobe.cpp\n");
        return 2;
    }
    const std::string command = argv[1];
    std::multimap<std::string, std::string> options;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strncmp(argv[i], "--", 2) != 0)
            fail(std::string("unexpected argument ") + argv[i]);
        options.emplace(argv[i] + 2, argv[i + 1]);
    }
    const auto value = [&](const char *name, const std::string &fallback = {}) {
        const auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    };
    const auto all = [&](const char *name) {
        std::vector<std::string> result;
        for (auto [it, end] = options.equal_range(name); it != end; ++it)
            result.push_back(it->second);
        return result;
    };
    if (command == "serve") {
        std::vector<int> ports;
        for (const std::string &p : all("port"))
            ports.push_back(std::atoi(p.c_str()));
        return serve(all("addr"), ports);
    }
    if (command == "nat")
        return nat(value("server"), value("alt-server"), std::atoi(value("port").c_str()),
                   std::atoi(value("alt-port").c_str()), value("bind"));
    if (command == "hairpin-wait")
        return hairpinWait(value("server"), std::atoi(value("port").c_str()),
                           std::atoi(value("timeout-ms", "5000").c_str()));
    if (command == "hairpin-send")
        return hairpinSend(value("server"), std::atoi(value("port").c_str()), value("to"));
    if (command == "rtt")
        return rtt(value("to"), std::atoi(value("count", "20").c_str()), std::atoi(value("interval-ms", "50").c_str()));
    if (command == "tcp-send")
        return tcpSend(value("to"), std::atof(value("seconds", "5").c_str()), std::atof(value("warmup", "1").c_str()));
    fail("unknown command " + command);
}
