# core/channel: the encrypted QUIC channel (ngtcp2 + GnuTLS) and the device identity.
pkg_check_modules(NGTCP2 REQUIRED IMPORTED_TARGET libngtcp2 libngtcp2_crypto_gnutls gnutls)
target_sources(peerlink_core PRIVATE
    channel/DeviceIdentity.cpp channel/DeviceIdentity.h
    channel/SecureChannel.cpp channel/SecureChannel.h
    channel/Gnutls_p.h)
target_link_libraries(peerlink_core PUBLIC PkgConfig::NGTCP2)
