#!/usr/bin/env bash
# ./dev demo: Peerlink on a self-contained network on this machine. The network lab
# (tools/lab/lab.sh) builds a WAN with prosody and coturn, a full-cone NAT with Alice's computer
# behind it and a port-restricted NAT with Bob's (so that a direct path needs a real hole punch).
# Alice and Bob get accounts on that prosody (each already the other's contact) and a Peerlink
# profile that trusts the lab's certificate authority. Everything is torn down at the end: no
# namespace, process, mount or file is left behind.
#
#   demo.sh check [OPTIONS]            what ./dev runs before building: are the options usable,
#                                      is there a display for the windows?
#   demo.sh run BUILD_DIR [OPTIONS]    the demo itself (root, inside the build environment)
#
# Without options it opens two Peerlink windows, Alice's and Bob's, both signed in and each
# showing the other as a contact: click Connect, chat, drop a file on the conversation. Closing
# both windows or Ctrl-C ends the demo.
#
#   --headless         no windows: the same story with peerlink-cli at both ends (connect, messages
#                      both ways, a 50 MB file), a summary on stdout
#   --json FILE        (headless) the result as JSON: path, local_type, remote_type, connect_ms,
#                      messages_sent, messages_delivered, file_bytes, file_sha256_match, ...
#   --screenshots DIR  (headless) also Alice's and Bob's windows, rendered offscreen with the
#                      real app signed in and connected: DIR/alice.png, DIR/bob.png
#   --keep             keep the demo's and the lab's folders (logs) even when all went well
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

# Alice's and Bob's computers: hosts of the lab (tools/lab/lab.sh hosts lists them).
ALICE_HOST=full-a
BOB_HOST=port-b
FILE_BYTES=$((50 * 1000 * 1000))
ALICE_MESSAGES=("Hi Bob, this came straight from my computer to yours." "No server in between: look at the route." "Sending you the file now.")
BOB_MESSAGES=("Hi Alice! Got your messages." "Thanks, the file is coming in.")

die() {
    echo "demo: $*" >&2
    exit 1
}
note() { echo "demo: $*" >&2; }

usage() { # [status]
    sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

HEADLESS=0 JSON="" SHOTS="" KEEP=0
parse_options() {
    while [ $# -gt 0 ]; do
        case "$1" in
        --headless) HEADLESS=1; shift ;;
        --json) [ $# -ge 2 ] || die "--json needs a file name"; JSON=$2; shift 2 ;;
        --screenshots) [ $# -ge 2 ] || die "--screenshots needs a folder"; SHOTS=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h | --help) usage 0 ;;
        *) echo "demo: unknown option '$1'" >&2; usage ;;
        esac
    done
    if [ "$HEADLESS" = 0 ] && { [ -n "$JSON" ] || [ -n "$SHOTS" ]; }; then
        die "--json and --screenshots go with --headless (./dev demo --headless --json FILE --screenshots DIR)"
    fi
    return 0
}

# The windows need a display the lab's hosts can reach. X11 works through its socket file
# (/tmp/.X11-unix/X<n>, shared with the network namespaces), not over TCP (ssh -X forwards the
# display to a TCP port that the namespaces cannot see); Wayland works through its socket file.
check_display() {
    if [ -n "${WAYLAND_DISPLAY:-}" ]; then
        local socket=$WAYLAND_DISPLAY
        [ "${socket#/}" != "$socket" ] || socket="${XDG_RUNTIME_DIR:-/nonexistent}/$socket"
        [ -S "$socket" ] && return 0
        [ -n "${DISPLAY:-}" ] || die "WAYLAND_DISPLAY is set but its socket $socket is not there; run ./dev demo --headless to play the demo without windows"
    fi
    if [ -z "${DISPLAY:-}" ]; then
        note "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the demo cannot open its windows."
        note "run it without windows instead:  ./dev demo --headless   (add --json FILE --screenshots DIR for a report and pictures)"
        exit 2
    fi
    local display=${DISPLAY#unix}
    if [[ $display =~ ^:([0-9]+)(\.[0-9]+)?$ ]]; then
        local socket="/tmp/.X11-unix/X${BASH_REMATCH[1]}"
        [ -S "$socket" ] || die "DISPLAY=$DISPLAY but the X server's socket $socket is not there (is the X server running?); or run ./dev demo --headless"
        return 0
    fi
    die "DISPLAY=$DISPLAY is reached over the network, which the demo's isolated hosts cannot do (an X server on this machine, DISPLAY=:N, works); or run ./dev demo --headless"
}

# Inside the Debian 13 root only /tmp, the repository and the build folder are this machine's.
check_output_path() { # option path
    [ -n "${PEERLINK_IN_ROOT:-}" ] || return 0
    local p
    p=$(realpath -m "$2")
    case "$p/" in
    /tmp/* | "$repo"/* | "$BUILD"/*) return 0 ;;
    esac
    die "$1 $2: the build environment shares only /tmp, the repository and the build folder with this machine; put it there (e.g. $1 /tmp/peerlink-demo-out/$(basename "$p"))"
}

# ------------------------------------------------------------------------------- outside the lab

stop_lab() {
    local demo
    demo=$(cat "$WORK/in-lab.pid" 2>/dev/null || true)
    if [ -n "$demo" ] && kill -TERM "$demo" 2>/dev/null; then
        return 0
    fi
    kill -TERM "$LAB_PID" 2>/dev/null || true
}

cmd_check() {
    parse_options "$@"
    [ "$HEADLESS" = 1 ] || check_display
}

cmd_run() {
    [ $# -ge 1 ] || usage
    BUILD=$(cd "$1" && pwd)
    shift
    parse_options "$@"
    [ "$(id -u)" = 0 ] || die "the demo needs root (network namespaces); run ./dev demo as root"
    [ "$HEADLESS" = 1 ] || check_display
    APP="$BUILD/app/peerlink"
    CLI="$BUILD/app/cli/peerlink-cli"
    for p in "$APP" "$CLI" "$BUILD/tests/lab/peerlink-labprobe"; do
        [ -x "$p" ] || die "$p is missing: build first (./dev build)"
    done
    if [ "$HEADLESS" = 1 ]; then
        command -v python3 >/dev/null || die "python3 is needed for the report"
        [ -z "$JSON" ] || { check_output_path --json "$JSON"; JSON=$(realpath -m "$JSON"); }
        [ -z "$SHOTS" ] || { check_output_path --screenshots "$SHOTS"; SHOTS=$(realpath -m "$SHOTS"); }
    fi

    WORK=$(mktemp -d /tmp/peerlink-demo.XXXXXX)
    chmod 755 "$WORK"
    export DEMO_WORK="$WORK" DEMO_APP="$APP" DEMO_CLI="$CLI" DEMO_HEADLESS="$HEADLESS" DEMO_JSON="$JSON" \
        DEMO_SHOTS="$SHOTS"
    local keep=()
    [ "$KEEP" = 1 ] && keep=(--keep)
    [ "$HEADLESS" = 1 ] || note "starting the network: prosody, coturn, two NATs and two computers..."
    # Ctrl-C or SIGTERM: the demo inside the lab ends (as when the windows are closed) and lab.sh
    # tears the lab down; before that point lab.sh is stopped itself. lab.sh runs in the
    # background so that this script can pass the signal on (a background job ignores SIGINT);
    # it then waits until everything is gone.
    "$repo/tools/lab/lab.sh" run --build "$BUILD" --hosts "$ALICE_HOST $BOB_HOST" "${keep[@]}" -- \
        "$here/demo.sh" in-lab &
    LAB_PID=$!
    INTERRUPTED=0
    trap 'INTERRUPTED=1; stop_lab' INT TERM
    local status
    while :; do
        status=0
        wait "$LAB_PID" || status=$?
        kill -0 "$LAB_PID" 2>/dev/null || break
    done
    trap - INT TERM
    if [ "$INTERRUPTED" = 1 ]; then
        # Nothing stays, not even the logs: lab.sh keeps its folder when it was stopped itself
        # (its description names its PID).
        local d
        for d in /tmp/peerlink-lab.*; do
            grep -qx "LAB_PREFIX='pl$LAB_PID'" "$d/lab.env" 2>/dev/null && rm -rf "$d"
        done
        rm -rf "$WORK"
        note "stopped: the network, the servers and the apps are gone"
        return 130
    fi
    if [ "$status" != 0 ] || [ "$KEEP" = 1 ] || [ -n "${PEERLINK_KEEP_LOGS:-}" ]; then
        note "the demo's files and logs are kept in $WORK"
    else
        rm -rf "$WORK"
    fi
    return "$status"
}

# --------------------------------------------------------------------------------- inside the lab

# Accounts alice and bob on the lab's prosody, each in the other's roster with a mutual
# subscription, stored as prosody's internal storage keeps them (as lab.sh does for its hosts).
make_accounts() {
    local accounts
    accounts=$(echo "$LAB_DIR"/prosody/data/*/accounts)
    [ -d "$accounts" ] || die "the lab's prosody has no accounts folder ($accounts)"
    local data
    data=$(dirname "$accounts")
    mkdir -p "$data/roster"
    local user peer name
    for user in alice bob; do
        if [ "$user" = alice ]; then peer=bob name=Bob; else peer=alice name=Alice; fi
        printf 'return {\n\t["password"] = "%s";\n};\n' "$LAB_PASSWORD" >"$accounts/$user.dat"
        cat >"$data/roster/$user.dat" <<EOF
return {
	[false] = {
		["version"] = 1;
		["pending"] = {};
	};
	["$peer@$LAB_DOMAIN"] = {
		["subscription"] = "both";
		["name"] = "$name";
		["groups"] = {};
	};
};
EOF
    done
    chown -R prosody:prosody "$data"
    chmod 600 "$accounts"/*.dat "$data"/roster/*.dat
}

# A Peerlink profile as the user would have set it up: the account (its password comes from a
# file, nothing goes to a keyring), the lab's CA trusted, downloads in the profile.
make_profile() { # user
    local user=$1 dir=$DEMO_WORK/$1
    mkdir -p "$dir/Downloads"
    chmod 700 "$dir"
    cat >"$dir/settings.ini" <<EOF
[account]
jid=$user@$LAB_DOMAIN
host=$LAB_SERVER
port=$LAB_XMPP_PORT
rememberPassword=false
extraCaFile=$LAB_CA

[network]
upnp=false

[files]
downloadDir=$dir/Downloads

[general]
closeToTray=false
EOF
}

host_of() { if [ "$1" = alice ]; then echo "$ALICE_HOST"; else echo "$BOB_HOST"; fi; }
lab_host() { # host key
    local var="LAB_HOST_${1//-/_}_$2"
    echo "${!var}"
}

# Starts the app of user in its host's namespace, in the background; sets APP_PID.
start_app() { # user args...
    local user=$1 host
    shift
    host=$(host_of "$user")
    # The user's runtime folder only for Wayland (its socket is there), else one of the demo's.
    local runtime=$DEMO_WORK/runtime-$user
    mkdir -p "$runtime" "$DEMO_WORK/tmp-$user"
    chmod 700 "$runtime"
    case "${QT_QPA_PLATFORM:-wayland}" in wayland*) runtime=${XDG_RUNTIME_DIR:-$runtime} ;; esac
    # TMPDIR: the app's single-instance socket lives and dies with the demo's folder.
    # APP_LIMIT: seconds after which the app is stopped (the screenshots).
    ip netns exec "$(lab_host "$host" NS)" ${APP_LIMIT:+timeout -k 5 "$APP_LIMIT"} env TMPDIR="$DEMO_WORK/tmp-$user" \
        XDG_RUNTIME_DIR="$runtime" "$DEMO_APP" --profile-dir "$DEMO_WORK/$user" \
        --password-file "$DEMO_WORK/password" "$@" >"$DEMO_WORK/$user.log" 2>&1 &
    APP_PID=$!
}

describe_host() { # user
    local host
    host=$(host_of "$1")
    printf '%s@%s on %s, behind a %s NAT (%s, seen outside as %s)' "$1" "$LAB_DOMAIN" "$host" \
        "$(lab_host "$host" TYPE)" "$(lab_host "$host" ADDR)" "$(lab_host "$host" EXT)"
}

run_windows() {
    # X11 when there is an X server (unless the user chose otherwise).
    [ -n "${DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && export QT_QPA_PLATFORM=xcb
    # Side by side (where the window system lets an app place its windows).
    start_app alice -qwindowgeometry 900x650+0+0
    local alice=$APP_PID
    start_app bob -qwindowgeometry 900x650+920+0
    local bob=$APP_PID
    cat <<EOF

Peerlink demo: two computers behind two different NATs, one XMPP server (prosody, with a TURN
server, coturn, beside it) on a network of their own on this machine.
  Alice: $(describe_host alice)
  Bob:   $(describe_host bob)

Both windows sign in by themselves and show each other as a contact. Click Connect next to the
contact: Peerlink punches a hole through both NATs and the route says "direct". Then chat, and
drag a file onto the conversation.

Close both windows (or press Ctrl-C here) to stop: the network, the servers and the apps go away.
EOF
    local status=0 a=0 b=0
    wait "$alice" || a=$?
    wait "$bob" || b=$?
    for user in alice bob; do
        local code=$a
        [ "$user" = bob ] && code=$b
        if [ "$code" != 0 ]; then
            note "Peerlink ($user) ended with status $code; its last words ($DEMO_WORK/$user.log):"
            tail -n 15 "$DEMO_WORK/$user.log" >&2
            status=1
        fi
    done
    [ "$status" = 0 ] && note "both windows are closed: stopping the network"
    return $status
}

run_cli() { # user role output args...
    local user=$1 host peer
    host=$(host_of "$user")
    if [ "$user" = alice ]; then peer=bob; else peer=alice; fi
    shift
    ip netns exec "$(lab_host "$host" NS)" "$DEMO_CLI" "$@" \
        --jid "$user@$LAB_DOMAIN/demo" --password-file "$DEMO_WORK/password" \
        --host "$LAB_SERVER" --port "$LAB_XMPP_PORT" --ca "$LAB_CA" --turn-ca "$LAB_CA" \
        --local-address "$(lab_host "$host" ADDR)" --contact "$peer@$LAB_DOMAIN" --no-upnp --timeout 90 \
        --profile-dir "$DEMO_WORK/cli-$user" --json "$DEMO_WORK/cli-$user.json" \
        >"$DEMO_WORK/cli-$user.out" 2>"$DEMO_WORK/cli-$user.log"
}

run_headless() {
    local payload=$DEMO_WORK/payload.bin
    head -c "$FILE_BYTES" /dev/urandom >"$payload"
    mkdir -p "$DEMO_WORK/cli-bob-downloads"

    local args=() m
    for m in "${BOB_MESSAGES[@]}"; do args+=(--message "$m"); done
    run_cli bob listen --expect-files 1 --expect-messages "${#ALICE_MESSAGES[@]}" \
        --download-dir "$DEMO_WORK/cli-bob-downloads" "${args[@]}" &
    local bob=$!
    args=()
    for m in "${ALICE_MESSAGES[@]}"; do args+=(--message "$m"); done
    local a=0 b=0
    run_cli alice connect "bob@$LAB_DOMAIN" --send "$payload" --expect-messages "${#BOB_MESSAGES[@]}" \
        "${args[@]}" &
    local alice=$!
    wait "$alice" || a=$?
    wait "$bob" || b=$?

    local shots_status=0
    if [ -n "$DEMO_SHOTS" ]; then
        mkdir -p "$DEMO_SHOTS"
        shoot || shots_status=$?
    fi

    local report_status=0
    python3 "$here/report.py" --alice "$DEMO_WORK/cli-alice.json" --bob "$DEMO_WORK/cli-bob.json" \
        --alice-exit "$a" --bob-exit "$b" --payload "$payload" \
        --alice-host "$(describe_host alice)" --bob-host "$(describe_host bob)" \
        ${DEMO_JSON:+--json "$DEMO_JSON"} ${DEMO_SHOTS:+--screenshots "$DEMO_SHOTS"} \
        --logs "$DEMO_WORK" || report_status=$?
    [ "$report_status" = 0 ] && [ "$shots_status" = 0 ]
}

# Alice's and Bob's windows, offscreen: the real app, signed in, connected with each other (both
# ask; should they ask at the same moment, the engine keeps one session), saved as PNG.
shoot() {
    export QT_QPA_PLATFORM=offscreen
    local APP_LIMIT=150
    start_app bob --connect "alice@$LAB_DOMAIN" --screenshot "$DEMO_SHOTS/bob.png"
    local bob=$APP_PID
    start_app alice --connect "bob@$LAB_DOMAIN" --screenshot "$DEMO_SHOTS/alice.png"
    local alice=$APP_PID
    local a=0 b=0
    wait "$alice" || a=$?
    wait "$bob" || b=$?
    if [ "$a" != 0 ] || [ "$b" != 0 ]; then
        note "the screenshots failed (alice: status $a, bob: status $b); logs: $DEMO_WORK/alice.log, $DEMO_WORK/bob.log"
        tail -n 5 "$DEMO_WORK/alice.log" "$DEMO_WORK/bob.log" >&2
        return 1
    fi
}

cmd_in_lab() {
    [ -n "${PEERLINK_LAB_ENV:-}" ] || die "in-lab runs inside tools/lab/lab.sh"
    # shellcheck disable=SC1090 # the lab's description
    . "$PEERLINK_LAB_ENV"
    # Stopped from outside (Ctrl-C): a normal end, lab.sh then removes everything. The peers run
    # in the background and are waited for, so that this happens at once.
    trap 'exit 0' TERM
    echo "$BASHPID" >"$DEMO_WORK/in-lab.pid"
    make_accounts
    printf '%s\n' "$LAB_PASSWORD" >"$DEMO_WORK/password"
    chmod 600 "$DEMO_WORK/password"
    make_profile alice
    make_profile bob
    if [ "$DEMO_HEADLESS" = 1 ]; then run_headless; else run_windows; fi
}

case "${1:-}" in
check) shift; cmd_check "$@" ;;
run) shift; cmd_run "$@" ;;
in-lab) shift; cmd_in_lab "$@" ;;
*) usage ;;
esac
