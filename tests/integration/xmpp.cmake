# core/xmpp against a real prosody (tests/support/ProsodyServer) with a test CA.
peerlink_add_test(tst_Account SOURCES tst_Account.cpp LABEL integration TIMEOUT 300 NO_GLIB_TWIN)
