# core/net: the network thread (one GMainContext on a thread of its own).
target_sources(peerlink_core PRIVATE
    net/NetworkThread.cpp net/NetworkThread.h net/GlibContext.h net/DatagramLink.h)
target_link_libraries(peerlink_core PUBLIC PkgConfig::GLIB)
