#include "core/net/NetworkThread.h"

#include "core/Logging.h"
#include "core/net/GlibContext.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <thread>

namespace Peerlink {

struct NetworkThread::Private
{
    GMainContext *context = nullptr;
    GMainLoop *loop = nullptr;
    std::thread thread;
    std::thread::id threadId;

    std::mutex mutex;
    std::deque<Task> queue; // guarded by mutex
    bool accepting = true; // guarded by mutex
    bool drainScheduled = false; // guarded by mutex
    bool joined = false; // only touched by the owner's thread

    static void runTask(const Task &task)
    {
        try {
            task();
        } catch (const std::exception &e) {
            qCCritical(lcNet) << "network thread task threw:" << e.what();
        } catch (...) {
            qCCritical(lcNet) << "network thread task threw an unknown exception";
        }
    }

    // Runs everything queued so far, in order. Tasks posted meanwhile schedule the next drain.
    static gboolean drain(gpointer data)
    {
        auto *self = static_cast<Private *>(data);
        std::deque<Task> batch;
        {
            std::lock_guard lock(self->mutex);
            batch.swap(self->queue);
            self->drainScheduled = false;
        }
        for (const auto &task : batch)
            runTask(task);
        return G_SOURCE_REMOVE;
    }

    // Must hold mutex.
    void enqueueLocked(Task task)
    {
        queue.push_back(std::move(task));
        if (!drainScheduled) {
            drainScheduled = true;
            GSource *source = g_idle_source_new();
            g_source_set_priority(source, G_PRIORITY_DEFAULT);
            g_source_set_callback(source, &Private::drain, this, nullptr);
            g_source_attach(source, context);
            g_source_unref(source);
        }
    }
};

NetworkThread::NetworkThread()
    : d(std::make_unique<Private>())
{
    d->context = g_main_context_new();
    d->loop = g_main_loop_new(d->context, FALSE);
    std::promise<void> started;
    auto startedFuture = started.get_future();
    d->thread = std::thread([this, &started] {
        d->threadId = std::this_thread::get_id();
        g_main_context_push_thread_default(d->context);
        started.set_value();
        g_main_loop_run(d->loop);
        g_main_context_pop_thread_default(d->context);
    });
    startedFuture.wait();
}

NetworkThread::~NetworkThread()
{
    shutdown();
}

bool NetworkThread::post(Task task)
{
    std::lock_guard lock(d->mutex);
    if (!d->accepting)
        return false;
    d->enqueueLocked(std::move(task));
    return true;
}

namespace {
struct TimerClosure
{
    NetworkThread::Task task;
};

gboolean runTimer(gpointer data)
{
    const auto *closure = static_cast<TimerClosure *>(data);
    try {
        closure->task();
    } catch (const std::exception &e) {
        qCCritical(lcNet) << "network thread timer threw:" << e.what();
    }
    return G_SOURCE_REMOVE;
}

void freeTimer(gpointer data)
{
    delete static_cast<TimerClosure *>(data);
}
} // namespace

uint32_t NetworkThread::schedule(int delayMs, Task task)
{
    std::lock_guard lock(d->mutex);
    if (!d->accepting)
        return 0;
    GSource *source = g_timeout_source_new(static_cast<guint>(std::max(delayMs, 0)));
    g_source_set_callback(source, &runTimer, new TimerClosure { std::move(task) }, &freeTimer);
    const guint id = g_source_attach(source, d->context);
    g_source_unref(source);
    return id;
}

void NetworkThread::cancel(uint32_t id)
{
    if (id == 0)
        return;
    std::lock_guard lock(d->mutex);
    if (d->joined)
        return;
    if (GSource *source = g_main_context_find_source_by_id(d->context, id))
        g_source_destroy(source);
}

bool NetworkThread::runSync(const Task &task)
{
    if (isCurrentThread()) {
        Private::runTask(task);
        return true;
    }
    std::mutex doneMutex;
    std::condition_variable doneCondition;
    bool done = false;
    const bool queued = post([&] {
        Private::runTask(task);
        std::lock_guard lock(doneMutex);
        done = true;
        doneCondition.notify_one();
    });
    if (!queued)
        return false;
    std::unique_lock lock(doneMutex);
    doneCondition.wait(lock, [&] { return done; });
    return true;
}

bool NetworkThread::isCurrentThread() const
{
    return std::this_thread::get_id() == d->threadId;
}

void NetworkThread::shutdown()
{
    if (d->joined)
        return;
    if (isCurrentThread()) {
        qCCritical(lcNet) << "NetworkThread::shutdown() called on the network thread; ignored";
        return;
    }
    {
        std::lock_guard lock(d->mutex);
        d->accepting = false;
        // Runs after every task posted before: pending work is finished, then the loop stops.
        d->enqueueLocked([loop = d->loop] { g_main_loop_quit(loop); });
    }
    d->thread.join();
    {
        std::lock_guard lock(d->mutex);
        d->joined = true;
    }
    g_main_loop_unref(d->loop);
    d->loop = nullptr;
    // Destroys the sources still attached (pending timers) and frees their closures. Objects
    // that hold their own reference (libnice agents) must have been closed by their owners.
    g_main_context_unref(d->context);
    d->context = nullptr;
}

GMainContext *NetworkThreadAccess::context(const NetworkThread &thread)
{
    return thread.d->context;
}

} // namespace Peerlink
