// The GMainContext behind a NetworkThread. Only core/net and core/ice may include this header:
// it brings GLib in. Everything attached to this context runs on the network thread.
#pragma once

#include "core/net/NetworkThread.h"

#include <glib.h>

namespace Peerlink {

struct NetworkThreadAccess
{
    static GMainContext *context(const NetworkThread &thread);
};

inline GMainContext *glibContext(const NetworkThread &thread)
{
    return NetworkThreadAccess::context(thread);
}

} // namespace Peerlink
