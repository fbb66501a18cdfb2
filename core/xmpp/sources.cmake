# core/xmpp: the XMPP account (QXmppClient), roster and presence, XEP-0215 STUN/TURN services,
# the disco features Peerlink advertises. The Jingle elements list their sources in jingle.cmake.
target_sources(peerlink_core PRIVATE
    xmpp/Account.cpp xmpp/Account.h xmpp/AccountConfig.h xmpp/AccountFeatures.cpp xmpp/AccountFeatures.h
    xmpp/ExternalService.h xmpp/ExternalServices.cpp xmpp/ExternalServices.h
    xmpp/ReconnectBackoff.cpp xmpp/ReconnectBackoff.h xmpp/RosterContact.h
    xmpp/ServerCertificateProblem.cpp xmpp/ServerCertificateProblem.h)
target_link_libraries(peerlink_core PUBLIC QXmpp::QXmpp)
