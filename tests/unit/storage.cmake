peerlink_add_test(tst_Database SOURCES tst_Database.cpp LABEL unit NO_GLIB_TWIN)
peerlink_add_test(tst_TrustStore SOURCES tst_TrustStore.cpp LABEL unit NO_GLIB_TWIN)
