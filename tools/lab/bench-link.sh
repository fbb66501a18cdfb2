#!/usr/bin/env bash
# ./dev bench link: Peerlink's file transfer and connect time over emulated Internet links between
# two hosts behind NATs, each link against kernel TCP (CUBIC) over exactly the same path in the
# same run. Needs root (network namespaces); tools/bench.sh calls it.
#
#   bench-link.sh BUILD_DIR [--json FILE] [--bytes N] [--connects N] [--tcp-seconds S]
#                 [--links "NAME ..."] [--cc cubic|bbr] [--keep]
#
# The topology (tools/lab/lab.sh): hosts port-a and port-b, each behind a port-restricted NAT box
# on the lab's WAN (prosody and coturn on it). port-a's access link (between the host and its NAT
# box) runs the link emulator (peerlink-linkem), which this script starts with each link's
# settings in turn, so every packet between the two hosts -- QUIC, TCP, STUN, TURN, XMPP --
# crosses it once in each direction. The emulator applies its settings to both directions:
#
#   "100mbit-50ms": 100 Mbit/s each way (IP bytes, 1000-packet tail-drop queue) and 25 ms of
#   one-way delay each way, so a round trip of 50 ms (as tst_LabLink's "100mbit-25ms" row names
#   the one-way delay of the same emulator: 2 x 25 ms = 50 ms RTT).
#   "1loss": 1 % random loss each way (data and acknowledgements).
#   "-relay": the same link, both peers forced to relayed candidates (coturn on the WAN).
#
# For each link, in this order:
#   1. kernel TCP: peerlink-linkbench tcp-send on port-a to tcp-recv on port-b, through a port
#      forward on port-b's NAT box (TCP cannot punch the NAT); up to --bytes, at most
#      --tcp-seconds (a lossy link makes CUBIC slow); CUBIC set explicitly (TCP_CONGESTION).
#   2. Peerlink: peerlink-cli connect on port-a sends a file of --bytes (random) to peerlink-cli
#      listen on port-b; the throughput is the receiver's (transfer running to file complete and
#      its SHA-256 checked).
#   3. --connects connect runs (peerlink-cli at both ends, nothing sent): connect_ms is the
#      initiator's, from the Connect call to the channel being open.
# Then peerlink-linkbench report writes {"links": [...]} to FILE and prints a table.
#
# Defaults: --bytes 200000000 (16 s at 100 Mbit/s: slow start is long over), --connects 5,
# --tcp-seconds 30; every link runs with the congestion control named in its row below (--cc
# overrides it for all links): CUBIC, the app's default, on the loss-free links; BBR on the lossy
# one, where CUBIC (ngtcp2's as the kernel's) backs off at every loss (measured: 0.43 MB/s with
# CUBIC against 9.3 MB/s with BBR at 1 % loss).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# name | linkem options | expected path | Peerlink congestion control | goals (meta.json keys)
LINKS_TABLE="
100mbit-50ms-0loss|--delay-ms 25 --rate-mbit 100|direct|cubic|\"goal_ratio\": 0.9, \"goal_connect_ms_p50\": 250
100mbit-50ms-1loss|--delay-ms 25 --rate-mbit 100 --loss 1|direct|bbr|\"goal_ratio\": 1.0
100mbit-50ms-0loss-relay|--delay-ms 25 --rate-mbit 100|relay|cubic|\"goal_vs_direct\": 0.8, \"direct_link\": \"100mbit-50ms-0loss\"
"
HOST_A=port-a
HOST_B=port-b
TCP_PORT=47001

die() {
    echo "bench link: $*" >&2
    exit 1
}
note() { echo "bench link: $*" >&2; }

# ------------------------------------------------------------------------------ inside the lab

inner() { # work build bytes connects tcp_seconds cc links
    local work=$1 build=$2 bytes=$3 connects=$4 tcp_seconds=$5 cc_override=$6 wanted=$7
    # shellcheck disable=SC1090 # written by lab.sh
    source "$PEERLINK_LAB_ENV"
    local a=${HOST_A//-/_} b=${HOST_B//-/_} v
    for v in NS ADDR EXT JID LINK_NS; do
        eval "A_$v=\${LAB_HOST_${a}_$v:-}"
        eval "B_$v=\${LAB_HOST_${b}_$v:-}"
    done
    eval "B_BOX_NS=\$LAB_BOX_${b}_NS"
    [ -n "$A_LINK_NS" ] || die "$HOST_A has no emulated link"
    local cli="$build/app/cli/peerlink-cli" linkbench="$build/bench/peerlink-linkbench"

    # A port forward on port-b's NAT box for the TCP baseline: TCP from port-a reaches port-b
    # through both NATs and the emulated link, as the QUIC packets do.
    ip netns exec "$B_BOX_NS" nft add rule ip lab prerouting iifname '"wan"' tcp dport "$TCP_PORT" \
        dnat ip to "$B_ADDR:$TCP_PORT" || die "cannot add the port forward on $HOST_B's NAT box"

    note "making a file of $bytes random bytes..."
    head -c "$bytes" /dev/urandom >"$work/payload.bin"

    # peerlink-cli's options for one end: host, peer, unique resource (a run never meets the
    # previous run's session on the server), extra options.
    cli_args() { # host_jid host_addr peer_jid resource
        printf '%s\n' --jid "$1/$4" --password "$LAB_PASSWORD" --host "$LAB_SERVER" --port "$LAB_XMPP_PORT" \
            --ca "$LAB_CA" --turn-ca "$LAB_CA" --local-address "$2" --contact "$3" --timeout 120
    }
    local run=0
    # Runs peerlink-cli at both ends: $1 directory/prefix, then the listener's extra options, --,
    # the initiator's extra options.
    peers() {
        local out=$1
        shift
        local -a listen_extra=() connect_extra=()
        while [ "$1" != -- ]; do listen_extra+=("$1"); shift; done
        shift
        connect_extra=("$@")
        run=$((run + 1))
        local -a la ca
        mapfile -t la < <(cli_args "$B_JID" "$B_ADDR" "$A_JID" "bench$run")
        mapfile -t ca < <(cli_args "$A_JID" "$A_ADDR" "$B_JID" "bench$run")
        ip netns exec "$B_NS" "$cli" listen "${la[@]}" "${listen_extra[@]}" >"$out.receive.json" 2>"$out.receive.log" &
        local listener=$!
        ip netns exec "$A_NS" "$cli" connect "$B_JID" "${ca[@]}" "${connect_extra[@]}" >"$out.send.json" \
            2>"$out.send.log" || true
        wait "$listener" || true
    }

    local line name spec path cc goals linkdir emu i
    : >"$work/links"
    while IFS='|' read -r name spec path cc goals; do
        [ -n "$name" ] || continue
        [ -z "$wanted" ] || [[ " $wanted " == *" $name "* ]] || continue
        [ -n "$cc_override" ] && cc=$cc_override
        linkdir="$work/$name"
        mkdir -p "$linkdir"
        echo "$name" >>"$work/links"
        local -a cc_option=() relay_option=()
        cc_option=(--cc "$cc")
        [ "$path" = relay ] && relay_option=(--force-relay)
        printf '{"name": "%s", "spec": "%s", "path": "%s", "cc": "%s", "bytes": %s, %s}\n' \
            "$name" "$spec" "$path" "$cc" "$bytes" "$goals" >"$linkdir/meta.json"

        note "$name: link emulator $spec"
        # shellcheck disable=SC2086 # the emulator's options are words
        ip netns exec "$A_LINK_NS" "$LAB_LINKEM" --up em-up --down em-dn $spec >"$linkdir/linkem.json" 2>&1 &
        emu=$!
        for i in $(seq 1 100); do
            grep -q '"running"' "$linkdir/linkem.json" && break
            kill -0 "$emu" 2>/dev/null || die "the link emulator did not start: $(cat "$linkdir/linkem.json")"
            sleep 0.1
        done

        note "$name: kernel TCP (cubic), up to $bytes bytes or $tcp_seconds s..."
        ip netns exec "$B_NS" "$linkbench" tcp-recv --bind "$B_ADDR" --port "$TCP_PORT" >"$linkdir/tcp.json" &
        local receiver=$!
        ip netns exec "$A_NS" "$linkbench" tcp-send --peer "$B_EXT" --port "$TCP_PORT" --bytes "$bytes" \
            --max-seconds "$tcp_seconds" --cc cubic >"$linkdir/tcp-sender.json" || true
        wait "$receiver" || true
        note "$name:   $(cat "$linkdir/tcp.json")"

        note "$name: Peerlink ($cc, $path path), a file of $bytes bytes..."
        rm -rf "$work/downloads"
        mkdir -p "$work/downloads"
        peers "$linkdir/transfer" --expect-files 1 --download-dir "$work/downloads" "${cc_option[@]}" \
            "${relay_option[@]}" -- --send "$work/payload.bin" "${cc_option[@]}" "${relay_option[@]}"
        mv "$linkdir/transfer.send.json" "$linkdir/send.json"
        mv "$linkdir/transfer.receive.json" "$linkdir/receive.json"
        rm -rf "$work/downloads"
        note "$name:   $(grep -m1 -o '"MBps": [0-9.]*' "$linkdir/receive.json" || echo "no figure: $(grep -m1 '"error"' "$linkdir/send.json" "$linkdir/receive.json")")"

        note "$name: $connects connects..."
        for i in $(seq 1 "$connects"); do
            peers "$linkdir/connect-$i" "${cc_option[@]}" "${relay_option[@]}" -- "${cc_option[@]}" "${relay_option[@]}"
            mv "$linkdir/connect-$i.send.json" "$linkdir/connect-$i.json"
            mv "$linkdir/connect-$i.receive.json" "$linkdir/listen-$i.json"
        done
        note "$name:   connect_ms $(for f in "$linkdir"/connect-*.json; do grep -m1 -o '"connect_ms": [0-9]*' "$f" || echo "failed"; done | awk '{printf "%s ", $NF}')"

        kill "$emu" 2>/dev/null || true
        wait "$emu" || true
    done <<<"$LINKS_TABLE"
}

if [ "${1:-}" = --inner ]; then
    shift
    inner "$@"
    exit 0
fi

# -------------------------------------------------------------------------------------- outer

[ $# -ge 1 ] || die "usage: bench-link.sh BUILD_DIR [--json FILE] [--bytes N] [--connects N] [--tcp-seconds S] [--links \"NAME ...\"] [--cc cubic|bbr] [--keep]"
build=$(cd "$1" && pwd)
shift
json="" bytes=200000000 connects=5 tcp_seconds=30 links="" cc="" keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --json) json=$(realpath -m "$2"); shift 2 ;;
    --bytes) bytes=$2; shift 2 ;;
    --connects) connects=$2; shift 2 ;;
    --tcp-seconds) tcp_seconds=$2; shift 2 ;;
    --links) links=$2; shift 2 ;;
    --cc) cc=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) die "unknown option $1" ;;
    esac
done
[[ $bytes =~ ^[0-9]+$ ]] && [ "$bytes" -gt 0 ] || die "--bytes needs a positive number"
[[ $connects =~ ^[0-9]+$ ]] && [ "$connects" -gt 0 ] || die "--connects needs a positive number"
[[ $tcp_seconds =~ ^[0-9]+$ ]] && [ "$tcp_seconds" -gt 0 ] || die "--tcp-seconds needs a whole number of seconds"
case "$cc" in "" | cubic | bbr) ;; *) die "--cc takes cubic or bbr" ;; esac
for name in $links; do
    grep -q "^$name|" <<<"$LINKS_TABLE" || die "unknown link $name (known: $(awk -F'|' 'NF {printf "%s ", $1}' <<<"$LINKS_TABLE"))"
done
for program in app/cli/peerlink-cli bench/peerlink-linkbench tests/lab/peerlink-linkem tests/lab/peerlink-labprobe; do
    [ -x "$build/$program" ] || die "$build/$program is missing; build first"
done
[ "$(id -u)" = 0 ] || die "needs root (network namespaces)"

work=$(mktemp -d /tmp/peerlink-benchlink.XXXXXX)
status=0
"$here/lab.sh" run --build "$build" --hosts "$HOST_A $HOST_B" --link "$HOST_A=manual" -- \
    "$here/bench-link.sh" --inner "$work" "$build" "$bytes" "$connects" "$tcp_seconds" "$cc" "$links" || status=$?
rm -f "$work/payload.bin"
if [ $status = 0 ]; then
    "$build/bench/peerlink-linkbench" report --dir "$work" ${json:+--json "$json"} || status=$?
fi
if [ $status != 0 ] || [ $keep = 1 ]; then
    note "measurements and logs kept in $work"
else
    rm -rf "$work"
fi
exit $status
