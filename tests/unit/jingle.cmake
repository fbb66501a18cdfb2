# Jingle elements (core/xmpp/Jingle*): literal-XML round trips, candidate conversion, strict parsing.
foreach(name JingleIq JingleCandidate JingleFileDescription JingleFingerprint)
    peerlink_add_test(tst_${name} SOURCES tst_${name}.cpp LABEL unit NO_GLIB_TWIN)
endforeach()
