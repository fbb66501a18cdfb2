// NetworkThread: one GMainContext run by a thread of its own. libnice agents and QUIC
// connections live here. Work goes in with post()/schedule(); results come out to QObjects
// as queued calls with deliver(). Independent of Qt's event dispatcher (GLib's or not).
#pragma once

#include <QMetaObject>
#include <QObject>

#include <cstdint>
#include <functional>
#include <memory>

namespace Peerlink {

class NetworkThread
{
public:
    using Task = std::function<void()>;

    NetworkThread();
    ~NetworkThread(); // shutdown()
    NetworkThread(const NetworkThread &) = delete;
    NetworkThread &operator=(const NetworkThread &) = delete;

    // Queues a task to run on the network thread. Tasks run in the order they were posted,
    // from whichever threads. Returns false (and drops the task) once shutdown() has begun.
    bool post(Task task);

    // Runs a task on the network thread after delayMs milliseconds. Returns an id for
    // cancel(), or 0 once shutdown() has begun. Timers still pending at shutdown are cancelled.
    uint32_t schedule(int delayMs, Task task);
    // Cancels a scheduled task that has not run yet; safe from any thread.
    void cancel(uint32_t id);

    // Runs a task on the network thread and waits for it to finish. Runs it in place when
    // called on the network thread. Returns false if the thread no longer accepts work.
    bool runSync(const Task &task);

    // True when called on the network thread.
    bool isCurrentThread() const;

    // Finishes the tasks already posted, cancels pending timers, stops the loop and joins the
    // thread. Idempotent. Must not be called on the network thread itself.
    void shutdown();

    // Delivers fn to receiver's thread as a queued call. The caller must guarantee that the
    // receiver outlives this call (owners stop their network-side work before they die);
    // a call still queued when the receiver is destroyed is discarded by Qt.
    template<typename Fn> static void deliver(QObject *receiver, Fn &&fn)
    {
        QMetaObject::invokeMethod(receiver, std::forward<Fn>(fn), Qt::QueuedConnection);
    }

private:
    friend struct NetworkThreadAccess;
    struct Private;
    const std::unique_ptr<Private> d;
};

} // namespace Peerlink
