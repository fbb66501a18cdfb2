# Packaging: the desktop integration (desktop entry, AppStream metainfo, the icon as SVG and as
# PNGs rendered from it at build time) and the Debian package, made with CPack (`./dev package`,
# or `cpack` in the build directory). tests/package installs the package into a clean Debian 13
# root and starts what it installed.
#
# The application id names the desktop entry, the metainfo and the icons, and is what the app
# gives Qt as its desktop file name (app/main.cpp).
include(GNUInstallDirs)

set(PEERLINK_APP_ID im.peerlink.Peerlink)
set(PEERLINK_ICON_SIZES 16 22 24 32 48 64 128 256)
set(peerlink_metainfo ${PROJECT_SOURCE_DIR}/packaging/${PEERLINK_APP_ID}.metainfo.xml)
set(peerlink_desktop ${PROJECT_SOURCE_DIR}/packaging/${PEERLINK_APP_ID}.desktop)
set(peerlink_svg_icon ${PROJECT_SOURCE_DIR}/resources/peerlink.svg)

# The metainfo lists the releases, newest first: the newest must be this version.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${peerlink_metainfo})
file(READ ${peerlink_metainfo} peerlink_metainfo_text)
string(REGEX MATCH "<release version=\"([^\"]*)\"" peerlink_release_tag "${peerlink_metainfo_text}")
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "packaging/${PEERLINK_APP_ID}.metainfo.xml: the newest <release> is '${CMAKE_MATCH_1}' "
        "but the project version is ${PROJECT_VERSION}. Add <release version=\"${PROJECT_VERSION}\" date=\"YYYY-MM-DD\"> "
        "with a short description on top of <releases>.")
endif()

# The PNG icons, rendered from the SVG with QtSvg by a small build tool (not installed).
qt_add_executable(peerlink-render-icon ${PROJECT_SOURCE_DIR}/packaging/peerlink_render_icon.cpp)
target_link_libraries(peerlink-render-icon PRIVATE Qt6::Gui Qt6::Svg)
set(peerlink_png_icons)
foreach(size IN LISTS PEERLINK_ICON_SIZES)
    set(dir ${CMAKE_BINARY_DIR}/icons/hicolor/${size}x${size}/apps)
    add_custom_command(OUTPUT ${dir}/${PEERLINK_APP_ID}.png
        COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
        COMMAND peerlink-render-icon ${peerlink_svg_icon} ${size} ${dir}/${PEERLINK_APP_ID}.png
        DEPENDS peerlink-render-icon ${peerlink_svg_icon}
        COMMENT "Rendering the ${size}x${size} application icon"
        VERBATIM)
    list(APPEND peerlink_png_icons ${dir}/${PEERLINK_APP_ID}.png)
    install(FILES ${dir}/${PEERLINK_APP_ID}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(peerlink_icons ALL DEPENDS ${peerlink_png_icons})

install(FILES ${peerlink_svg_icon} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${PEERLINK_APP_ID}.svg)
install(FILES ${peerlink_desktop} DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${peerlink_metainfo} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/peerlink)

# ---------------------------------------------------------------- the Debian package
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME peerlink)
set(CPACK_PACKAGE_VENDOR "The Peerlink developers")
set(CPACK_PACKAGE_CONTACT "The Peerlink developers <packages@peerlink.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "peer-to-peer messenger: chat and files straight to your contacts")
# The long description, wrapped for `apt show` (CPack keeps the line breaks).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Peerlink connects two people directly. An XMPP account is the rendezvous:"
    "it holds the contacts and presence and carries the Jingle signalling. ICE"
    "(STUN, TURN, UPnP) then finds a direct path through the NATs in between,"
    "and chat and files travel over it in an encrypted QUIC channel (TLS 1.3),"
    "not through the server."
    ""
    "This package contains the desktop app, peerlink, and peerlink-cli, the same"
    "engine for the terminal.")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON) # the package carries no debug information
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # peerlink_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Libraries the executables link come from dpkg-shlibdeps; what they load at run time does not:
# the SQLite driver of QtSql (history, transfers, device fingerprints) and GIO's TLS backend
# (TURN over TLS in libnice).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, glib-networking")
# Qt's own dialogs and buttons in German and French (QtKeychain recommends a password store);
# OpenSSL's libcrypto, which core/transfer/Sha256 loads when present for faster file hashes
# (without it nettle hashes, correctly but slower).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, libssl3t64")

set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/build-[^/]*/" "/dist/")
include(CPack)
