# core/xmpp: Peerlink's Jingle elements (parse and serialise only; flows live in core/session).
target_sources(peerlink_core PRIVATE
    xmpp/JingleCandidate.cpp xmpp/JingleCandidate.h
    xmpp/JingleChatDescription.cpp xmpp/JingleChatDescription.h
    xmpp/JingleContent.cpp xmpp/JingleContent.h
    xmpp/JingleFileDescription.cpp xmpp/JingleFileDescription.h
    xmpp/JingleFingerprint.cpp xmpp/JingleFingerprint.h
    xmpp/JingleIceTransport.cpp xmpp/JingleIceTransport.h
    xmpp/JingleIq.cpp xmpp/JingleIq.h
    xmpp/JingleNamespaces.cpp xmpp/JingleNamespaces.h
    xmpp/JingleParseResult.h
    xmpp/JingleQuicStreamTransport.cpp xmpp/JingleQuicStreamTransport.h
    xmpp/JingleReason.cpp xmpp/JingleReason.h
    xmpp/JingleXml.cpp xmpp/JingleXml.h)
target_link_libraries(peerlink_core PUBLIC QXmpp::QXmpp Qt6::Xml)
