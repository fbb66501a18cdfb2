#!/usr/bin/env bash
# The package test (ctest label package): makes the .deb with CPack, installs it with apt into a
# clean Debian 13 root, so that apt has to fetch every runtime dependency from the mirror, and
# checks what got installed:
#   - the package's Depends come from dpkg-shlibdeps (versioned library packages) and bring the
#     plugins the executables load at run time (QtSql's SQLite driver, GIO's TLS backend, ...);
#   - peerlink --version and peerlink-cli --help run, and peerlink-cli gathers ICE candidates
#     (libnice and the network thread work);
#   - peerlink starts (offscreen) to its sign-in dialog, in English, German and French: the
#     translations are inside the executable and the installed app must find them;
#   - the desktop entry passes desktop-file-validate, the metainfo appstreamcli validate (and
#     validate-tree, with the desktop entry and icons it refers to), and the icons are there: the
#     SVG and a PNG of each size, of that size.
#
# usage: package_test.sh BUILD_DIR WORK_DIR VERSION
#
# The clean root is a copy of a pristine `debootstrap --variant=minbase` root, kept as a tarball in
# WORK_DIR/cache (or $PEERLINK_PACKAGE_CACHE) together with apt's lists and downloaded packages.
# Everything is mounted in a private mount namespace that ends with the test; the copy is removed
# afterwards, also on failure (kept with PEERLINK_KEEP_LOGS=1). Needs root and a Debian mirror.
set -euo pipefail

if [ "${1:-}" = --inside ]; then
    inside=1
    shift
else
    inside=0
fi

build=$1 work=$2 version=$3
suite=trixie
cache=${PEERLINK_PACKAGE_CACHE:-$work/cache}
root=$work/root
logs=$work/logs
appid=im.peerlink.Peerlink
icon_sizes="16 22 24 32 48 64 128 256"

started=${PACKAGE_TEST_STARTED:-$(date +%s)}
export PACKAGE_TEST_STARTED=$started
step() { echo "package-test: [$(($(date +%s) - started))s] $*"; }
fail() {
    echo "package-test: FAILED: $*" >&2
    if [ "$inside" = 1 ] && [ -s "$logs/stderr.log" ]; then
        echo "package-test: the last lines the programs wrote to stderr ($logs/stderr.log):" >&2
        tail -n 20 "$logs/stderr.log" >&2
    fi
    exit 1
}

# Runs a command inside the clean root, as a plain login would see it.
in_clean_root() {
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root TERM=dumb LANG=C.UTF-8 ${QT_NO_GLIB:+QT_NO_GLIB=$QT_NO_GLIB} "$@"
}

# ------------------------------------------------------------------------------------------------
# Inside the private mount namespace: mount, install, check. The mounts vanish with the namespace.
if [ "$inside" = 1 ]; then
    deb=$4
    : >"$logs/stderr.log"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    mkdir -p "$cache/archives/partial" "$cache/lists/partial"
    mount --bind "$cache/archives" "$root/var/cache/apt/archives"
    mount --bind "$cache/lists" "$root/var/lib/apt/lists"
    # Whatever runs in the root ends with this script (by process id, only those in the root).
    stop_root_processes() {
        local p
        for p in /proc/[0-9]*; do
            [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null || true
        done
    }
    trap 'stop_root_processes; umount -R "$root/var/lib/apt/lists" "$root/var/cache/apt/archives" "$root/sys" "$root/dev" "$root/proc" 2>/dev/null || true' EXIT

    step "apt-get update in the clean root"
    in_clean_root apt-get update >"$logs/apt-update.log" 2>&1 || fail "apt-get update failed; see $logs/apt-update.log"

    step "apt-get install ./$(basename "$deb") (dependencies from the mirror)"
    cp "$deb" "$root/tmp/"
    in_clean_root DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o DPkg::Options::=--force-unsafe-io "/tmp/$(basename "$deb")" >"$logs/apt-install.log" 2>&1 ||
        fail "apt-get install of the package failed; see $logs/apt-install.log"
    grep -E '^(Need to get|After this operation)' "$logs/apt-install.log" | sed 's/^/package-test:   /' || true
    in_clean_root dpkg-query -W -f='${Status}\n' peerlink | grep -qx 'install ok installed' ||
        fail "peerlink is not installed in the clean root; see $logs/apt-install.log"

    # What the executables load at run time, which dpkg-shlibdeps cannot see: the package's own
    # Depends must have brought it.
    for plugin in qt6/plugins/sqldrivers/libqsqlite.so qt6/plugins/platforms/libqxcb.so \
        qt6/plugins/tls/libqopensslbackend.so gio/modules/libgiognutls.so; do
        compgen -G "$root/usr/lib/*/$plugin" >/dev/null || fail "the clean root has no $plugin after installing the package"
    done

    step "peerlink --version"
    out=$(in_clean_root timeout 30 peerlink --version 2>>"$logs/stderr.log") || fail "peerlink --version failed: $out"
    [ "$out" = "peerlink $version" ] || fail "peerlink --version printed '$out', expected 'peerlink $version'"

    step "peerlink --help, in German"
    out=$(in_clean_root LANG=de_DE.UTF-8 timeout 30 peerlink --help 2>>"$logs/stderr.log") ||
        fail "peerlink --help failed: $out"
    grep -q 'Peer-to-Peer-Messenger: Chats und Dateien gehen direkt an Ihre Kontakte' <<<"$out" ||
        fail "peerlink --help with LANG=de_DE.UTF-8 is not in German: $out"

    step "peerlink-cli --help"
    out=$(in_clean_root timeout 30 peerlink-cli --help 2>>"$logs/stderr.log") || fail "peerlink-cli --help failed: $out"
    grep -q 'Peerlink from a terminal' <<<"$out" || fail "peerlink-cli --help printed: $out"

    step "peerlink-cli gather --local-address 127.0.0.1 (libnice on the network thread)"
    out=$(in_clean_root timeout 60 peerlink-cli gather --local-address 127.0.0.1 2>>"$logs/stderr.log") ||
        fail "peerlink-cli gather failed: $out"
    grep -q '"ok": true' <<<"$out" && grep -q '127.0.0.1' <<<"$out" ||
        fail "peerlink-cli gather found no host candidate on 127.0.0.1: $out"

    # The first start of a fresh profile shows the sign-in dialog; --quit-after-start prints the
    # windows on screen once the first one is shown, then quits as if the user cancelled.
    for case in "C.UTF-8|Sign in to Peerlink" "de_DE.UTF-8|Bei Peerlink anmelden" "fr_FR.UTF-8|Se connecter à Peerlink"; do
        lang=${case%%|*} title=${case#*|}
        step "peerlink starts to its sign-in dialog (offscreen, LANG=$lang)"
        profile=/tmp/profile-${lang%%.*}
        out=$(in_clean_root LANG="$lang" QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp \
            timeout 60 peerlink --profile-dir "$profile" --quit-after-start 2>"$logs/peerlink-$lang.log") ||
            fail "peerlink ended with status $? (LANG=$lang): ${out:-no window}; see $logs/peerlink-$lang.log"
        windows=$(grep '^window: ' <<<"$out" || true)
        [ "$windows" = "window: Peerlink::AccountDialog \"$title\"" ] ||
            fail "expected only the sign-in dialog \"$title\" on screen, got: ${windows:-no window} (LANG=$lang; log: $logs/peerlink-$lang.log)"
        echo "package-test:   $windows"
    done

    step "desktop entry, metainfo and icons as installed"
    desktop-file-validate "$root/usr/share/applications/$appid.desktop" ||
        fail "desktop-file-validate rejects /usr/share/applications/$appid.desktop"
    grep -qx "Icon=$appid" "$root/usr/share/applications/$appid.desktop" || fail "the desktop entry's Icon is not $appid"
    grep -qx "Exec=peerlink" "$root/usr/share/applications/$appid.desktop" || fail "the desktop entry does not start peerlink"
    appstreamcli validate --no-net "$root/usr/share/metainfo/$appid.metainfo.xml" ||
        fail "appstreamcli validate rejects /usr/share/metainfo/$appid.metainfo.xml"
    newest=$(grep -o -m1 '<release version="[^"]*"' "$root/usr/share/metainfo/$appid.metainfo.xml" | cut -d'"' -f2)
    [ "$newest" = "$version" ] || fail "the metainfo's newest release is '$newest', the package is $version"
    for binary in peerlink peerlink-cli; do
        grep -q "<binary>$binary</binary>" "$root/usr/share/metainfo/$appid.metainfo.xml" ||
            fail "the metainfo does not provide the binary $binary"
    done
    svg=$root/usr/share/icons/hicolor/scalable/apps/$appid.svg
    file -b "$svg" | grep -q 'SVG' || fail "no SVG icon at /usr/share/icons/hicolor/scalable/apps/$appid.svg"
    for size in $icon_sizes; do
        png=$root/usr/share/icons/hicolor/${size}x$size/apps/$appid.png
        [ -f "$png" ] || fail "no ${size}x$size icon at ${png#"$root"}"
        file -b "$png" | grep -q "^PNG image data, $size x $size, 8-bit/color RGBA" ||
            fail "${png#"$root"} is not a ${size}x$size RGBA PNG: $(file -b "$png")"
    done
    exit 0
fi

# ------------------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || {
    echo "package-test: SKIPPED: needs root (debootstrap, chroot, mounts)"
    exit 77
}
for tool in cpack dpkg-deb debootstrap unshare chroot file desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || fail "$tool is missing; it comes with tools/debian-packages.txt (./dev prepares it)"
done

mkdir -p "$work" "$cache" "$logs"
cleanup() {
    if [ "${PEERLINK_KEEP_LOGS:-}" = 1 ]; then
        echo "package-test: the clean root is kept in $root (PEERLINK_KEEP_LOGS=1)"
    else
        rm -rf --one-file-system "$root"
    fi
}
trap cleanup EXIT
# One package test at a time per cache.
exec 8>"$cache/lock"
flock 8

step "cpack: building the .deb"
rm -rf "$work/deb"
(cd "$build" && cpack -G DEB -B "$work/deb") >"$logs/cpack.log" 2>&1 || fail "cpack failed; see $logs/cpack.log"
debs=("$work"/deb/peerlink_*.deb)
[ "${#debs[@]}" = 1 ] && [ -f "${debs[0]}" ] || fail "cpack made no single peerlink_*.deb; see $logs/cpack.log"
deb=${debs[0]}
echo "package-test:   $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"
depends=$(dpkg-deb -f "$deb" Depends)
echo "package-test:   Depends: $depends"
echo "package-test:   Recommends: $(dpkg-deb -f "$deb" Recommends)"
# dpkg-shlibdeps ran: the linked libraries are there, with versions.
for lib in libc6 libqt6core6t64 libqt6widgets6 libqt6sql6 libnice10 libngtcp2 libgnutls30t64 libqt6keychain1 libqxmppqt6; do
    grep -q "$lib[^,]* (>= " <<<"$depends" || fail "Depends has no versioned $lib (dpkg-shlibdeps): $depends"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/peerlink ./usr/bin/peerlink-cli ./usr/share/applications/$appid.desktop \
    ./usr/share/metainfo/$appid.metainfo.xml ./usr/share/doc/peerlink/copyright; do
    grep -qx "$path" <<<"$contents" || fail "the package has no $path"
done
# The package's files as a tree: the metainfo, and the desktop entry and icons it refers to.
rm -rf "$work/tree"
dpkg-deb -x "$deb" "$work/tree"
appstreamcli validate-tree --no-net "$work/tree" >"$logs/validate-tree.log" 2>&1 ||
    fail "appstreamcli validate-tree rejects the package's files: $(cat "$logs/validate-tree.log")"
rm -rf "$work/tree"

# The pristine base root: made once with debootstrap, kept as a tarball.
base=$cache/$suite-minbase.tar
if [ ! -f "$base" ]; then
    mirror=${PEERLINK_MIRROR:-$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)}
    mirror=${mirror:-http://deb.debian.org/debian}
    step "debootstrap --variant=minbase $suite from $mirror (once; cached in $base)"
    rm -rf --one-file-system "$cache/base.partial"
    debootstrap --variant=minbase "$suite" "$cache/base.partial" "$mirror" >"$logs/debootstrap.log" 2>&1 ||
        fail "debootstrap failed; see $logs/debootstrap.log"
    printf '#!/bin/sh\nexit 101\n' >"$cache/base.partial/usr/sbin/policy-rc.d" # no services start
    chmod 755 "$cache/base.partial/usr/sbin/policy-rc.d"
    tar -C "$cache/base.partial" -cf "$base.partial" . || fail "cannot write $base.partial"
    mv "$base.partial" "$base"
    rm -rf --one-file-system "$cache/base.partial"
fi

step "a clean root from $(basename "$base")"
rm -rf --one-file-system "$root"
mkdir -p "$root"
tar -C "$root" -xf "$base" || fail "cannot unpack $base into $root"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

unshare -m --propagation private bash "$0" --inside "$build" "$work" "$version" "$deb"
step "passed"
