# core/ice integration tests: two real IceAgents on loopback, with and without a real coturn.
peerlink_add_test(tst_IceAgent SOURCES tst_IceAgent.cpp LABEL integration TIMEOUT 300 NO_GLIB_TWIN)
