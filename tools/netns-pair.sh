#!/usr/bin/env bash
# Two network namespaces joined by one veth pair (MTU 1500 unless MTU is set), for benchmarks
# that must cross a real link between two processes. Documentation addresses (198.51.100.0/24);
# nothing connects to the host's own namespace.
#   netns-pair.sh up PREFIX     creates PREFIX-a (198.51.100.1) and PREFIX-b (198.51.100.2)
#   netns-pair.sh down PREFIX   removes them (and every process still inside)
set -euo pipefail
cmd=$1 prefix=$2
mtu=${MTU:-1500}
case "$cmd" in
up)
    for side in a b; do
        ip netns add "$prefix-$side"
        ip -n "$prefix-$side" link set lo up
    done
    ip link add "$prefix-va" netns "$prefix-a" mtu "$mtu" type veth peer name "$prefix-vb" netns "$prefix-b" mtu "$mtu"
    ip -n "$prefix-a" addr add 198.51.100.1/24 dev "$prefix-va"
    ip -n "$prefix-b" addr add 198.51.100.2/24 dev "$prefix-vb"
    ip -n "$prefix-a" link set "$prefix-va" up
    ip -n "$prefix-b" link set "$prefix-vb" up
    ;;
down)
    for side in a b; do
        if ip netns list | grep -qw "$prefix-$side"; then
            pids=$(ip netns pids "$prefix-$side" 2>/dev/null || true)
            [ -n "$pids" ] && kill $pids 2>/dev/null || true
            ip netns del "$prefix-$side"
        fi
    done
    ;;
*)
    echo "usage: $0 up|down PREFIX" >&2
    exit 2
    ;;
esac
