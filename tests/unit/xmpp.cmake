# core/xmpp unit tests (no server; see ../integration/xmpp.cmake for the Account against prosody).
peerlink_add_test(tst_ReconnectBackoff SOURCES tst_ReconnectBackoff.cpp LABEL unit NO_GLIB_TWIN)
peerlink_add_test(tst_ServerCertificateProblem SOURCES tst_ServerCertificateProblem.cpp LABEL unit NO_GLIB_TWIN)
peerlink_add_test(tst_ExternalServices SOURCES tst_ExternalServices.cpp LABEL unit NO_GLIB_TWIN)
peerlink_add_test(tst_AccountFeatures SOURCES tst_AccountFeatures.cpp LABEL unit NO_GLIB_TWIN)
