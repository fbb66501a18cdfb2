#!/usr/bin/env bash
# ./dev bench WHAT --json FILE: runs Peerlink's benchmarks inside the build environment.
#   channel   connect latency (local prosody, N >= 20) and bulk throughput of the QUIC channel
#             between two processes in network namespaces joined by an MTU 1500 veth link,
#             against kernel TCP on the same link in the same run.
#   link      Peerlink (peerlink-cli at both ends) between two hosts behind NATs in the network
#             lab, over emulated links (100 Mbit/s, 50 ms RTT; 0 % and 1 % loss; relayed through
#             coturn): file throughput against kernel TCP (CUBIC) on the same path in the same
#             run, and connect time. tools/lab/bench-link.sh explains what is measured how.
# Usage: tools/bench.sh BUILD_DIR channel [--json FILE] [--bytes N] [--runs N] [--rounds N]
#        tools/bench.sh BUILD_DIR link [--json FILE] [--bytes N] [--connects N] [--tcp-seconds S]
#                       [--links "NAME ..."] [--cc cubic|bbr] [--keep]
set -euo pipefail
build=$1
shift
what=${1:-}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
if [ "$what" = link ]; then
    # Its own options and its own topology (the network lab): see tools/lab/bench-link.sh.
    exec "$here/lab/bench-link.sh" "$build" "$@"
fi
json=""
bytes=$((512 * 1024 * 1024))
runs=20
rounds=2
while [ $# -gt 0 ]; do
    case "$1" in
    --json) json=$2; shift 2 ;;
    --bytes) bytes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
    esac
done
bin="$build/bench/peerlink-bench"
[ -x "$bin" ] || { echo "bench: $bin is missing; build first" >&2; exit 1; }
work=$(mktemp -d /tmp/peerlink-bench.XXXXXX)
prefix="plb$$"

cleanup() {
    "$here/netns-pair.sh" down "$prefix" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Runs a receiver in namespace b and a sender in namespace a; the receiver's JSON goes to $1.
pair_run() { # out, receiver args..., --, sender args...
    local out=$1
    shift
    local -a recv=() send=()
    while [ "$1" != -- ]; do recv+=("$1"); shift; done
    shift
    send=("$@")
    ip netns exec "$prefix-b" "$bin" "${recv[@]}" >"$out" 2>"$out.log" &
    local rpid=$!
    sleep 0.3
    if ! ip netns exec "$prefix-a" "$bin" "${send[@]}" >"$out.sender" 2>"$out.sender.log"; then
        echo "bench: sender failed: $(cat "$out.sender") $(tail -5 "$out.sender.log")" >&2
    fi
    wait "$rpid" || { echo "bench: receiver failed: $(cat "$out") $(tail -5 "$out.log")" >&2; return 1; }
}

case "$what" in
channel)
    echo "bench: connect latency, $runs connects on a local prosody..."
    "$bin" connect --runs "$runs" >"$work/connect.json" 2>"$work/connect.log" ||
        { echo "bench: connect benchmark failed: $(cat "$work/connect.json")" >&2; tail -20 "$work/connect.log" >&2; exit 1; }
    "$here/netns-pair.sh" up "$prefix"
    echo "bench: throughput, $((bytes / 1024 / 1024)) MiB per transfer over a veth link with MTU 1500, $rounds rounds..."
    for round in $(seq 1 "$rounds"); do
        pair_run "$work/tcp-$round.json" tcp-recv --bind 198.51.100.2 --port 47001 -- \
            tcp-send --peer 198.51.100.2 --port 47001 --bytes "$bytes"
        pair_run "$work/channel-$round.json" channel-recv --bind 198.51.100.2 --port 47000 -- \
            channel-send --bind 198.51.100.1 --peer 198.51.100.2 --port 47000 --bytes "$bytes"
        echo "bench:   round $round: tcp $(cat "$work/tcp-$round.json"), channel $(cat "$work/channel-$round.json")"
    done
    "$bin" report-channel --dir "$work" --rounds "$rounds" ${json:+--json "$json"}
    ;;
transfer)
    # A file of at least 1 GiB between two processes over loopback, against the channel's bulk
    # throughput in the same run; the receiver's memory growth.
    [ "$bytes" -lt 1073741824 ] && bytes=1073741824
    echo "bench: file transfer of $((bytes / 1024 / 1024)) MiB over loopback, $rounds rounds..."
    "$bin" transfer --bytes "$bytes" --rounds "$rounds" ${json:+--json "$json"}
    ;;
*)
    echo "usage: ./dev bench channel|transfer [--json FILE] [--bytes N] [--runs N] [--rounds N]" >&2
    echo "       ./dev bench link [--json FILE] [--bytes N] [--connects N] [--tcp-seconds S] [--links \"NAME ...\"] [--cc cubic|bbr]" >&2
    exit 2
    ;;
esac
