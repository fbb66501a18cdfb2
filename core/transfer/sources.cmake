# core/transfer: file offers over Jingle, the bytes on QUIC streams of the session's channel,
# resume, checksums, safe file names (docs/transfer.md).
target_sources(peerlink_core PRIVATE
    transfer/FileName.cpp transfer/FileName.h
    transfer/Sha256.cpp transfer/Sha256.h
    transfer/SpeedMeter.cpp transfer/SpeedMeter.h
    transfer/Transfer.cpp transfer/Transfer.h
    transfer/TransferIo.cpp transfer/TransferIo.h
    transfer/TransferService.cpp transfer/TransferService.h
    transfer/TransferSettings.h
    transfer/TransferStore.cpp transfer/TransferStore.h)
# nettle (installed with GnuTLS) computes SHA-256 with the CPU's SHA extensions, about ten times
# faster than QCryptographicHash; without it Sha256 falls back to Qt.
pkg_check_modules(PEERLINK_NETTLE IMPORTED_TARGET nettle)
if(PEERLINK_NETTLE_FOUND)
    target_link_libraries(peerlink_core PRIVATE PkgConfig::PEERLINK_NETTLE)
    set_property(SOURCE transfer/Sha256.cpp APPEND PROPERTY COMPILE_DEFINITIONS PEERLINK_HAVE_NETTLE)
endif()
