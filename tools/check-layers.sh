#!/usr/bin/env bash
# Checks the layer rules of ../shared/design.md on the sources; prints each violation.
set -u
cd "${1:-$(dirname "$0")/..}" || exit 2
fail=0
check() { # description, grep output
    if [ -n "$2" ]; then
        echo "layer rule broken: $1"
        echo "$2" | sed 's/^/  /'
        fail=1
    fi
}
check "core must not include QtGui or QtWidgets" \
    "$(grep -rnE '#include *[<"](QtWidgets|QtGui|QWidget|QApplication|QGuiApplication|QMainWindow|QPixmap|QImage|QIcon)' core 2>/dev/null)"
check "ui must not include QXmpp, libnice, GLib, ngtcp2 or GnuTLS" \
    "$(grep -rnE '#include *[<"](nice/|nice\.h|glib|gio/|ngtcp2|gnutls|QXmpp)' ui 2>/dev/null)"
check "only core/net and core/ice may include GLib or libnice" \
    "$(grep -rnE '#include *[<"](nice/|nice\.h|glib\.h|glib/|gio/)' core 2>/dev/null | grep -vE '^core/(net|ice)/')"
check "only core/channel may include ngtcp2 or GnuTLS" \
    "$(grep -rnE '#include *[<"](ngtcp2|gnutls)' core 2>/dev/null | grep -vE '^core/channel/')"
check "core/net and core/ice public headers must not expose GLib (only GlibContext.h and *_p.h may)" \
    "$(grep -rlE '#include *[<"](nice/|glib\.h|gio/)' core --include='*.h' 2>/dev/null | grep -vE '(GlibContext\.h|_p\.h)$')"
[ $fail = 0 ] && echo "layering: all rules hold"
exit $fail
