// peerlink-linkem: the lab's link emulator (the kernel here has no netem). It sits in a router
// namespace (tools/lab/lab.sh, --link) on two TUN devices: policy routing sends every packet
// from the host into the "up" device and every packet towards the host into the "down" device;
// the emulator reads each packet, decides its fate and writes it back into the same device, from
// where the kernel routes it on. Both directions get the same settings:
//
//   --delay-ms D       one-way delay (the round trip gets 2 D)
//   --jitter-ms J      each packet's delay varies uniformly within D - J .. D + J (packets may
//                      overtake each other, as with netem)
//   --loss PCT         random loss, in percent
//   --reorder PCT      this share of packets skips the delay (arrives before those sent earlier)
//   --rate-mbit R      serialisation at R Mbit/s of IP bytes, behind a tail-drop queue of
//   --queue-packets N  N packets (default 1000)
//   --seed S           random seed (default: from the clock)
//
// It prints {"running": ...} once the devices are open, and its counters on SIGTERM/SIGINT.
//
// Usage: peerlink-linkem --up DEV --down DEV [options]

#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <queue>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using Nanos = std::chrono::nanoseconds;

volatile std::sig_atomic_t stopRequested = 0;

void onSignal(int)
{
    stopRequested = 1;
}

struct Settings
{
    double delayMs = 0;
    double jitterMs = 0;
    double lossPercent = 0;
    double reorderPercent = 0;
    double rateMbit = 0; // 0: unlimited
    size_t queuePackets = 1000;
};

struct Direction
{
    const char *name = "";
    int fd = -1;
    Clock::time_point linkFree {};
    std::deque<Clock::time_point> backlog; // when each admitted packet leaves the serialiser
    unsigned long long in = 0, out = 0, lost = 0, queueDrops = 0, reordered = 0, bytes = 0;
};

struct Packet
{
    Clock::time_point due;
    unsigned long long seq = 0;
    Direction *direction = nullptr;
    std::vector<unsigned char> data;
};

struct Later
{
    bool operator()(const Packet *a, const Packet *b) const
    {
        return a->due != b->due ? a->due > b->due : a->seq > b->seq;
    }
};

[[noreturn]] void fail(const std::string &message)
{
    std::fprintf(stderr, "peerlink-linkem: %s\n", message.c_str());
    std::printf("{\"error\": \"%s\"}\n", message.c_str());
    std::exit(1);
}

int openTun(const std::string &name)
{
    const int fd = ::open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        fail("cannot open /dev/net/tun: " + std::string(std::strerror(errno)));
    ifreq request {};
    request.ifr_flags = IFF_TUN | IFF_NO_PI;
    if (name.size() >= sizeof request.ifr_name)
        fail("device name too long: " + name);
    std::memcpy(request.ifr_name, name.c_str(), name.size());
    if (::ioctl(fd, TUNSETIFF, &request) != 0)
        fail("cannot attach to TUN device " + name + ": " + std::strerror(errno));
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

void printCounters(const Direction &d, const char *separator)
{
    std::printf("\"%s\": {\"in\": %llu, \"out\": %llu, \"lost\": %llu, \"queue_drops\": %llu, \"reordered\": %llu, "
                "\"bytes\": %llu}%s",
                d.name, d.in, d.out, d.lost, d.queueDrops, d.reordered, d.bytes, separator);
}

} // namespace

int main(int argc, char **argv)
{
    std::map<std::string, std::string> options;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strncmp(argv[i], "--", 2) != 0)
            fail(std::string("unexpected argument ") + argv[i]);
        options[argv[i] + 2] = argv[i + 1];
    }
    if ((argc - 1) % 2 != 0)
        fail("every option takes a value (see the comment at the top of tests/lab/linkem.cpp)");
    const auto number = [&](const char *name, double fallback) {
        const auto it = options.find(name);
        if (it == options.end())
            return fallback;
        char *end = nullptr;
        const double value = std::strtod(it->second.c_str(), &end);
        if (!end || *end || value < 0)
            fail(std::string("--") + name + " needs a number >= 0");
        return value;
    };
    Settings s;
    s.delayMs = number("delay-ms", 0);
    s.jitterMs = number("jitter-ms", 0);
    s.lossPercent = number("loss", 0);
    s.reorderPercent = number("reorder", 0);
    s.rateMbit = number("rate-mbit", 0);
    s.queuePackets = size_t(number("queue-packets", 1000));
    const auto seed
        = static_cast<unsigned long long>(number("seed", double(Clock::now().time_since_epoch().count() % 1000000007)));
    if (!options.count("up") || !options.count("down"))
        fail("--up DEV and --down DEV are needed");

    ::prctl(PR_SET_TIMERSLACK, 1UL); // wake up on time, not up to 50 us late
    struct sigaction action {};
    action.sa_handler = onSignal;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    Direction up, down;
    up.name = "up";
    down.name = "down";
    up.fd = openTun(options["up"]);
    down.fd = openTun(options["down"]);
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);

    std::printf("{\"running\": true, \"delay_ms\": %g, \"jitter_ms\": %g, \"loss\": %g, \"reorder\": %g, "
                "\"rate_mbit\": %g, \"queue_packets\": %zu, \"seed\": %llu}\n",
                s.delayMs, s.jitterMs, s.lossPercent, s.reorderPercent, s.rateMbit, s.queuePackets, seed);
    std::fflush(stdout);

    std::priority_queue<Packet *, std::vector<Packet *>, Later> pending;
    std::vector<Packet *> spare;
    unsigned long long seq = 0;
    const auto toDuration
        = [](double ms) { return std::chrono::duration_cast<Nanos>(std::chrono::duration<double, std::milli>(ms)); };

    const auto admit = [&](Direction &d, Packet *p, Clock::time_point now) {
        ++d.in;
        if (s.lossPercent > 0 && uniform(random) * 100.0 < s.lossPercent) {
            ++d.lost;
            spare.push_back(p);
            return;
        }
        Clock::time_point sent = now;
        if (s.rateMbit > 0) {
            while (!d.backlog.empty() && d.backlog.front() <= now)
                d.backlog.pop_front();
            if (d.backlog.size() >= s.queuePackets) {
                ++d.queueDrops;
                spare.push_back(p);
                return;
            }
            const Clock::time_point start = std::max(now, d.linkFree);
            d.linkFree = start
                + std::chrono::duration_cast<Nanos>(
                             std::chrono::duration<double>(double(p->data.size()) * 8.0 / (s.rateMbit * 1e6)));
            d.backlog.push_back(d.linkFree);
            sent = d.linkFree;
        }
        double delay = s.delayMs;
        if (s.jitterMs > 0)
            delay += (uniform(random) * 2.0 - 1.0) * s.jitterMs;
        if (s.reorderPercent > 0 && uniform(random) * 100.0 < s.reorderPercent) {
            delay = 0;
            ++d.reordered;
        }
        p->due = sent + toDuration(std::max(delay, 0.0));
        p->seq = seq++;
        p->direction = &d;
        pending.push(p);
    };

    pollfd fds[2] = { { up.fd, POLLIN, 0 }, { down.fd, POLLIN, 0 } };
    Direction *directions[2] = { &up, &down };
    std::vector<unsigned char> buffer(65536);
    while (!stopRequested) {
        timespec timeout {};
        timespec *wait = nullptr;
        if (!pending.empty()) {
            const auto left = std::max(Nanos(0), std::chrono::duration_cast<Nanos>(pending.top()->due - Clock::now()));
            timeout.tv_sec = time_t(left.count() / 1000000000);
            timeout.tv_nsec = long(left.count() % 1000000000);
            wait = &timeout;
        }
        const int ready = ::ppoll(fds, 2, wait, nullptr);
        if (ready < 0 && errno != EINTR)
            fail("poll failed: " + std::string(std::strerror(errno)));
        for (int i = 0; i < 2 && ready > 0; ++i) {
            if (!(fds[i].revents & POLLIN))
                continue;
            for (int n = 0; n < 256; ++n) {
                const ssize_t got = ::read(fds[i].fd, buffer.data(), buffer.size());
                if (got <= 0)
                    break;
                Packet *p = nullptr;
                if (spare.empty()) {
                    p = new Packet;
                } else {
                    p = spare.back();
                    spare.pop_back();
                }
                p->data.assign(buffer.begin(), buffer.begin() + got);
                admit(*directions[i], p, Clock::now());
            }
        }
        const auto now = Clock::now();
        while (!pending.empty() && pending.top()->due <= now) {
            Packet *p = pending.top();
            pending.pop();
            if (::write(p->direction->fd, p->data.data(), p->data.size()) == ssize_t(p->data.size())) {
                ++p->direction->out;
                p->direction->bytes += p->data.size();
            }
            spare.push_back(p);
        }
    }
    while (!pending.empty()) {
        spare.push_back(pending.top());
        pending.pop();
    }
    for (Packet *p : spare)
        delete p;
    std::printf("{");
    printCounters(up, ", ");
    printCounters(down, "}\n");
    std::fflush(stdout);
    return 0;
}
