# core/channel: the device identity and the QUIC secure channel (over an in-memory DatagramLink).
peerlink_add_test(tst_DeviceIdentity SOURCES tst_DeviceIdentity.cpp LABEL unit NO_GLIB_TWIN)
peerlink_add_test(tst_SecureChannel SOURCES tst_SecureChannel.cpp MemoryDatagramLink.h LABEL unit
    TIMEOUT 300 NO_GLIB_TWIN)
