# core/chat against a real prosody: the server path, and the peer-to-peer chat stream.
peerlink_add_test(tst_ChatServer SOURCES tst_ChatServer.cpp LABEL integration TIMEOUT 300 NO_GLIB_TWIN)
peerlink_add_test(tst_ChatPeerToPeer SOURCES tst_ChatPeerToPeer.cpp LABEL integration TIMEOUT 300 NO_GLIB_TWIN)
