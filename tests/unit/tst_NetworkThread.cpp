#include "core/net/GlibContext.h"
#include "core/net/NetworkThread.h"

#include <QAbstractEventDispatcher>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>
#include <vector>

using namespace Peerlink;

class tst_NetworkThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dispatcherMatchesEnvironment();
    void glibTimeoutReachesMainThread();
    void scheduledTaskRunsOnNetworkThread();
    void cancelledTaskNeverRuns();
    void postsFromSeveralThreadsKeepOrder();
    void runSyncWaitsForResult();
    void shutdownFinishesPendingWorkAndCancelsTimers();
    void deliverToDeletedReceiverIsDropped();
};

// The QT_NO_GLIB twin of this test must really run without Qt's GLib dispatcher.
void tst_NetworkThread::dispatcherMatchesEnvironment()
{
    const QByteArray name = QAbstractEventDispatcher::instance()->metaObject()->className();
    qInfo() << "Qt event dispatcher:" << name;
    if (qEnvironmentVariableIsSet("QT_NO_GLIB"))
        QVERIFY2(!name.contains("Glib"), name.constData());
}

void tst_NetworkThread::glibTimeoutReachesMainThread()
{
    NetworkThread net;
    QObject receiver;
    std::atomic<bool> firedOnNetworkThread = false;
    QThread *deliveredOn = nullptr;
    int value = 0;

    struct Ctx
    {
        NetworkThread *net;
        QObject *receiver;
        std::atomic<bool> *fired;
        QThread **deliveredOn;
        int *value;
    } ctx { &net, &receiver, &firedOnNetworkThread, &deliveredOn, &value };

    // A raw GLib timeout attached to the network thread's context, as libnice's timers are.
    QVERIFY(net.post([&] {
        GSource *timeout = g_timeout_source_new(30);
        g_source_set_callback(
            timeout,
            [](gpointer data) -> gboolean {
                auto *c = static_cast<Ctx *>(data);
                c->fired->store(c->net->isCurrentThread());
                NetworkThread::deliver(c->receiver, [c] {
                    *c->deliveredOn = QThread::currentThread();
                    *c->value = 42;
                });
                return G_SOURCE_REMOVE;
            },
            &ctx, nullptr);
        g_source_attach(timeout, glibContext(net));
        g_source_unref(timeout);
    }));

    QTRY_COMPARE_WITH_TIMEOUT(value, 42, 5000);
    QVERIFY(firedOnNetworkThread.load());
    QCOMPARE(deliveredOn, QThread::currentThread());
}

void tst_NetworkThread::scheduledTaskRunsOnNetworkThread()
{
    NetworkThread net;
    QObject receiver;
    bool onNet = false;
    bool delivered = false;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(net.schedule(50, [&] {
        const bool current = net.isCurrentThread();
        NetworkThread::deliver(&receiver, [&, current] {
            onNet = current;
            delivered = true;
        });
    }) != 0);
    QTRY_VERIFY_WITH_TIMEOUT(delivered, 5000);
    QVERIFY(onNet);
    QVERIFY(timer.elapsed() >= 45);
    QVERIFY(!net.isCurrentThread());
}

void tst_NetworkThread::cancelledTaskNeverRuns()
{
    NetworkThread net;
    std::atomic<int> ran = 0;
    const uint32_t id = net.schedule(100, [&] { ran++; });
    QVERIFY(id != 0);
    net.cancel(id);
    net.schedule(300, [&] { ran += 10; });
    QTRY_COMPARE_WITH_TIMEOUT(ran.load(), 10, 5000);
    QTest::qWait(50);
    QCOMPARE(ran.load(), 10);
}

void tst_NetworkThread::postsFromSeveralThreadsKeepOrder()
{
    constexpr int threads = 4;
    constexpr int perThread = 20000;
    NetworkThread net;
    std::vector<std::pair<int, int>> seen; // only touched on the network thread
    seen.reserve(threads * perThread);

    std::atomic<int> refused = 0;
    std::vector<std::thread> posters;
    for (int t = 0; t < threads; ++t) {
        posters.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i) {
                if (!net.post([&seen, t, i] { seen.emplace_back(t, i); }))
                    refused++;
            }
        });
    }
    for (auto &p : posters)
        p.join();
    QCOMPARE(refused.load(), 0);
    QVERIFY(net.runSync([] { }));

    QCOMPARE(seen.size(), size_t(threads * perThread));
    std::vector<int> next(threads, 0);
    for (const auto &[t, i] : seen) {
        QCOMPARE(i, next[t]);
        next[t]++;
    }
    for (int t = 0; t < threads; ++t)
        QCOMPARE(next[t], perThread);
}

void tst_NetworkThread::runSyncWaitsForResult()
{
    NetworkThread net;
    int result = 0;
    QVERIFY(net.runSync([&] {
        QVERIFY(net.isCurrentThread());
        // Nested runSync on the network thread runs in place instead of deadlocking.
        net.runSync([&] { result = 7; });
    }));
    QCOMPARE(result, 7);
}

void tst_NetworkThread::shutdownFinishesPendingWorkAndCancelsTimers()
{
    auto net = std::make_unique<NetworkThread>();
    std::atomic<int> done = 0;
    auto token = std::make_shared<int>(1);
    // A timer far in the future holds a reference in its closure: shutdown must free it.
    QVERIFY(net->schedule(60000, [token] { qFatal("cancelled timer ran"); }) != 0);
    QCOMPARE(token.use_count(), 2);
    // Slow tasks still queued when shutdown starts must all run.
    for (int i = 0; i < 200; ++i)
        QVERIFY(net->post([&] {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            done++;
        }));

    QElapsedTimer timer;
    timer.start();
    net->shutdown();
    QCOMPARE(done.load(), 200);
    QCOMPARE(token.use_count(), 1);
    QVERIFY(timer.elapsed() < 30000);

    QVERIFY(!net->post([&] { done++; }));
    QCOMPARE(net->schedule(1, [] { }), 0u);
    QVERIFY(!net->runSync([] { }));
    net->shutdown(); // idempotent
    net.reset();
    QCOMPARE(done.load(), 200);
}

void tst_NetworkThread::deliverToDeletedReceiverIsDropped()
{
    NetworkThread net;
    auto *receiver = new QObject;
    bool ran = false;
    QVERIFY(net.runSync([&] { NetworkThread::deliver(receiver, [&] { ran = true; }); }));
    delete receiver; // the queued call is still pending in the main thread's queue
    QTest::qWait(50);
    QVERIFY(!ran);
}

QTEST_GUILESS_MAIN(tst_NetworkThread)
#include "tst_NetworkThread.moc"
