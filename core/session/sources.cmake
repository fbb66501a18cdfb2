# core/session: Jingle sessions tying an IceAgent and a SecureChannel to a contact.
target_sources(peerlink_core PRIVATE
    session/SessionConfig.h
    session/PeerSession.cpp session/PeerSession.h session/PeerSession_p.h
    session/SessionManager.cpp session/SessionManager.h
    session/JingleErrorIq.cpp session/JingleErrorIq.h)
