# core/ice: IceAgent, libnice behind a Qt-typed facade (libnice only in .cpp and *_p.h files).
target_sources(peerlink_core PRIVATE
    ice/IceAgent.cpp ice/IceAgent.h ice/IceCandidate.h ice/IceConfig.h
    ice/NiceCandidateConversion.cpp ice/NiceCandidateConversion_p.h
    ice/RelayProbe.cpp ice/RelayProbe_p.h
    ice/TurnTlsTunnel.cpp ice/TurnTlsTunnel_p.h)
target_link_libraries(peerlink_core PUBLIC PkgConfig::NICE)
