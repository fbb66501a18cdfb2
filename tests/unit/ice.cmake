# core/ice unit tests.
peerlink_add_test(tst_NiceCandidateConversion SOURCES tst_NiceCandidateConversion.cpp LABEL unit
    LIBS PkgConfig::GLIB PkgConfig::NICE NO_GLIB_TWIN)
