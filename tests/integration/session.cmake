# Jingle sessions end to end: two accounts on a real prosody, ICE, QUIC, coturn for relays.
peerlink_add_test(tst_PeerSession SOURCES tst_PeerSession.cpp LABEL integration TIMEOUT 300 NO_GLIB_TWIN)
