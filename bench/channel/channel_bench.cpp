// peerlink-channel-bench: bulk throughput of SecureChannel (QUIC over UDP on loopback) between two
// processes, next to kernel TCP between two processes (plain, no TLS) as the reference.
//
//   peerlink-channel-bench [--mib N] [--cc cubic|bbr] [--quic-only | --tcp-only]
//
// The parent creates two device identities in a temporary folder, then starts a server and a
// client process for each protocol; the client sends N MiB on one stream and times it until the
// server has received everything (the server finishes its side after the client's FIN).
#include "UdpDatagramLink.h"
#include "core/channel/DeviceIdentity.h"
#include "core/channel/SecureChannel.h"
#include "core/net/NetworkThread.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>

using namespace Peerlink;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr int TimeoutMs = 300000;

[[noreturn]] void die(const QString &message)
{
    fprintf(stderr, "peerlink-channel-bench: %s\n", qPrintable(message));
    fflush(stderr);
    ::_exit(1);
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

quint16 localPort(int fd)
{
    sockaddr_in address {};
    socklen_t size = sizeof(address);
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
        die(QStringLiteral("getsockname failed"));
    return ntohs(address.sin_port);
}

void announcePort(int fd)
{
    printf("PORT %u\n", unsigned(localPort(fd)));
    fflush(stdout);
}

void setBuffers(int fd)
{
    const int size = 8 * int(MiB);
    // SO_*BUFFORCE lets root go beyond net.core.[rw]mem_max; fall back to the capped variant.
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
    if (::setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size)) != 0)
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
}

DeviceIdentity identity(const QString &dir)
{
    QString error;
    DeviceIdentity id = DeviceIdentity::loadOrCreate(dir, &error);
    if (id.isNull())
        die(error);
    return id;
}

SecureChannel::Config channelConfig(SecureChannel::Role role, const QString &dir, const QString &cc)
{
    const bool client = role == SecureChannel::Role::Client;
    SecureChannel::Config config;
    config.role = role;
    config.identity = identity(QDir(dir).filePath(client ? QStringLiteral("client") : QStringLiteral("server")));
    config.expectedPeerFingerprint
        = identity(QDir(dir).filePath(client ? QStringLiteral("server") : QStringLiteral("client"))).fingerprint();
    config.congestionControl
        = cc == u"bbr" ? SecureChannel::CongestionControl::Bbr : SecureChannel::CongestionControl::Cubic;
    return config;
}

int quicServer(const QString &dir, const QString &cc)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    const sockaddr_in any = loopback(0);
    if (fd < 0 || ::bind(fd, reinterpret_cast<const sockaddr *>(&any), sizeof(any)) != 0)
        die(QStringLiteral("cannot bind a UDP socket"));
    setBuffers(fd);
    announcePort(fd);
    // The client's first datagram tells where it is; it stays queued for the link.
    sockaddr_in peer {};
    socklen_t peerSize = sizeof(peer);
    char byte;
    if (::recvfrom(fd, &byte, 1, MSG_PEEK, reinterpret_cast<sockaddr *>(&peer), &peerSize) < 0
        || ::connect(fd, reinterpret_cast<const sockaddr *>(&peer), peerSize) != 0)
        die(QStringLiteral("no client"));

    NetworkThread net;
    int status = 1;
    {
        Bench::UdpDatagramLink link(net, fd);
        SecureChannel channel(net, &link, channelConfig(SecureChannel::Role::Server, dir, cc));
        qint64 received = 0;
        QObject::connect(&channel, &SecureChannel::dataReceived, &channel,
                         [&received](qint64, const QByteArray &data) { received += data.size(); });
        QObject::connect(&channel, &SecureChannel::streamFinished, &channel, [&](qint64 stream) {
            channel.finish(stream); // tells the client that everything arrived
        });
        QObject::connect(&channel, &SecureChannel::closed, &channel,
                         [&](SecureChannel::ErrorKind kind, const QString &reason) {
                             status = kind == SecureChannel::ErrorKind::ClosedByPeer ? 0 : 1;
                             if (status)
                                 fprintf(stderr, "server: %s\n", qPrintable(reason));
                             QCoreApplication::quit();
                         });
        QTimer::singleShot(TimeoutMs, [] { die(QStringLiteral("server timed out")); });
        channel.open();
        QCoreApplication::exec();
    }
    return status;
}

int quicClient(const QString &dir, const QString &cc, quint16 port, qint64 total)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    const sockaddr_in server = loopback(port);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof(server)) != 0)
        die(QStringLiteral("cannot connect a UDP socket"));
    setBuffers(fd);

    NetworkThread net;
    Bench::UdpDatagramLink link(net, fd);
    SecureChannel channel(net, &link, channelConfig(SecureChannel::Role::Client, dir, cc));
    const QByteArray block(int(MiB), 'p'); // shared by every write, never copied
    constexpr qint64 MaxBuffered = 32 * MiB;
    qint64 stream = -1;
    qint64 sent = 0;
    bool done = false;
    QElapsedTimer timer;

    auto pump = [&] {
        while (sent < total && channel.bufferedBytes(stream) < MaxBuffered) {
            const qint64 size = std::min<qint64>(block.size(), total - sent);
            channel.write(stream, size == block.size() ? block : block.left(size));
            sent += size;
        }
        if (sent == total)
            channel.finish(stream);
    };
    QObject::connect(&channel, &SecureChannel::opened, &channel, [&] {
        stream = channel.openStream();
        timer.start();
        pump();
    });
    QObject::connect(&channel, &SecureChannel::writable, &channel, [&](qint64 s) {
        if (s == stream && sent < total)
            pump();
    });
    QObject::connect(&channel, &SecureChannel::streamFinished, &channel, [&](qint64 s) {
        if (s != stream)
            return;
        const qint64 ms = std::max<qint64>(timer.elapsed(), 1);
        const SecureChannel::Stats stats = channel.stats();
        printf("RESULT %lld %llu %llu %lld\n", static_cast<long long>(ms),
               static_cast<unsigned long long>(stats.datagramsSent), static_cast<unsigned long long>(stats.lostPackets),
               static_cast<long long>(stats.smoothedRtt.count()));
        fflush(stdout);
        done = true;
        channel.close(QStringLiteral("benchmark done"));
    });
    QObject::connect(&channel, &SecureChannel::closed, &channel, [&](SecureChannel::ErrorKind, const QString &reason) {
        if (!done)
            fprintf(stderr, "client: %s\n", qPrintable(reason));
        // Give the CONNECTION_CLOSE a moment to leave.
        QTimer::singleShot(50, [] { QCoreApplication::quit(); });
    });
    QTimer::singleShot(TimeoutMs, [] { die(QStringLiteral("client timed out")); });
    channel.open();
    QCoreApplication::exec();
    return done ? 0 : 1;
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

int tcpServer(qint64 total)
{
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in any = loopback(0);
    if (listener < 0 || ::bind(listener, reinterpret_cast<const sockaddr *>(&any), sizeof(any)) != 0
        || ::listen(listener, 1) != 0)
        die(QStringLiteral("cannot listen on TCP"));
    announcePort(listener);
    const int fd = ::accept(listener, nullptr, nullptr);
    if (fd < 0)
        die(QStringLiteral("accept failed"));
    std::vector<char> buffer(static_cast<size_t>(MiB));
    qint64 received = 0;
    while (received < total) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n <= 0)
            die(QStringLiteral("TCP read failed"));
        received += n;
    }
    const char ack = 'k';
    writeAll(fd, &ack, 1);
    ::close(fd);
    ::close(listener);
    return 0;
}

int tcpClient(quint16 port, qint64 total)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in server = loopback(port);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof(server)) != 0)
        die(QStringLiteral("cannot connect over TCP"));
    const std::vector<char> block(static_cast<size_t>(MiB), 'p');
    QElapsedTimer timer;
    timer.start();
    for (qint64 sent = 0; sent < total;) {
        const size_t size = size_t(std::min<qint64>(qint64(block.size()), total - sent));
        if (!writeAll(fd, block.data(), size))
            die(QStringLiteral("TCP write failed"));
        sent += qint64(size);
    }
    char ack = 0;
    if (::read(fd, &ack, 1) != 1)
        die(QStringLiteral("no TCP acknowledgement"));
    printf("RESULT %lld 0 0 0\n", static_cast<long long>(std::max<qint64>(timer.elapsed(), 1)));
    fflush(stdout);
    ::close(fd);
    return 0;
}

// Runs a server and a client child; returns the client's RESULT fields.
QList<QByteArray> runPair(const QStringList &serverArgs, const QStringList &clientArgs)
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(), serverArgs);
    if (!server.waitForReadyRead(10000))
        die(QStringLiteral("the server process did not start"));
    const QByteArray portLine = server.readLine().trimmed();
    if (!portLine.startsWith("PORT "))
        die(QStringLiteral("unexpected server output: ") + QString::fromUtf8(portLine));
    QProcess client;
    client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    client.start(QCoreApplication::applicationFilePath(),
                 QStringList(clientArgs) << QStringLiteral("--port") << QString::fromLatin1(portLine.mid(5)));
    if (!client.waitForFinished(TimeoutMs + 10000) || client.exitCode() != 0)
        die(QStringLiteral("the client process failed"));
    server.waitForFinished(10000);
    const QByteArray output = client.readAllStandardOutput();
    const qsizetype at = output.indexOf("RESULT ");
    if (at < 0)
        die(QStringLiteral("the client reported no result"));
    return output.mid(at + 7).trimmed().split(' ');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SecureChannel (QUIC) vs kernel TCP bulk throughput on loopback"));
    parser.addHelpOption();
    const QCommandLineOption mibOption(QStringLiteral("mib"), QStringLiteral("MiB to send (default 1024)."),
                                       QStringLiteral("n"), QStringLiteral("1024"));
    const QCommandLineOption ccOption(QStringLiteral("cc"), QStringLiteral("cubic (default) or bbr."),
                                      QStringLiteral("algorithm"), QStringLiteral("cubic"));
    const QCommandLineOption quicOnly(QStringLiteral("quic-only"), QStringLiteral("Only measure QUIC."));
    const QCommandLineOption tcpOnly(QStringLiteral("tcp-only"), QStringLiteral("Only measure TCP."));
    const QCommandLineOption roleOption(QStringLiteral("role"), QStringLiteral("Internal: child role."),
                                        QStringLiteral("role"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Internal: identities."),
                                       QStringLiteral("dir"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Internal: server port."),
                                        QStringLiteral("port"));
    parser.addOptions({ mibOption, ccOption, quicOnly, tcpOnly, roleOption, dirOption, portOption });
    parser.process(app);

    const qint64 total = parser.value(mibOption).toLongLong() * MiB;
    const QString cc = parser.value(ccOption);
    const QString role = parser.value(roleOption);
    const QString dir = parser.value(dirOption);
    const auto port = quint16(parser.value(portOption).toUInt());
    if (total <= 0 || (cc != u"cubic" && cc != u"bbr"))
        die(QStringLiteral("bad --mib or --cc"));

    if (role == u"quic-server")
        return quicServer(dir, cc);
    if (role == u"quic-client")
        return quicClient(dir, cc, port, total);
    if (role == u"tcp-server")
        return tcpServer(total);
    if (role == u"tcp-client")
        return tcpClient(port, total);
    if (!role.isEmpty())
        die(QStringLiteral("unknown role ") + role);

    QTemporaryDir identities;
    if (!identities.isValid())
        die(QStringLiteral("no temporary folder"));
    identity(identities.filePath(QStringLiteral("server")));
    identity(identities.filePath(QStringLiteral("client")));
    const QString mib = QString::number(total / MiB);

    auto report = [&](const char *name, const QList<QByteArray> &result) {
        const double ms = result.value(0).toDouble();
        printf("%-34s %6lld MiB in %8.0f ms: %8.0f Mbit/s", name, static_cast<long long>(total / MiB), ms,
               double(total) * 8.0 / 1000.0 / ms);
        if (result.value(1) != "0")
            printf("  (%s datagrams, %s lost, srtt %s us)", result.value(1).constData(), result.value(2).constData(),
                   result.value(3).constData());
        printf("\n");
        fflush(stdout);
    };
    if (!parser.isSet(tcpOnly)) {
        const QStringList common { QStringLiteral("--dir"), identities.path(),
                                   QStringLiteral("--cc"),  cc,
                                   QStringLiteral("--mib"), mib };
        const QByteArray name = "SecureChannel QUIC/UDP (" + cc.toLatin1() + ")";
        report(name.constData(),
               runPair(QStringList { QStringLiteral("--role"), QStringLiteral("quic-server") } + common,
                       QStringList { QStringLiteral("--role"), QStringLiteral("quic-client") } + common));
    }
    if (!parser.isSet(quicOnly)) {
        const QStringList common { QStringLiteral("--mib"), mib };
        report("kernel TCP (plain, no TLS)",
               runPair(QStringList { QStringLiteral("--role"), QStringLiteral("tcp-server") } + common,
                       QStringList { QStringLiteral("--role"), QStringLiteral("tcp-client") } + common));
    }
    return 0;
}
