# core/chat unit tests: the chat stream frames, the history store, the XMPP message stanzas.
foreach(name ChatFrame ChatStore ChatStanza)
    peerlink_add_test(tst_${name} SOURCES tst_${name}.cpp LABEL unit NO_GLIB_TWIN)
endforeach()
