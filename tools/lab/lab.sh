#!/usr/bin/env bash
# Peerlink's network lab: a WAN with prosody, coturn and a probe server on documentation
# addresses (203.0.113.0/24), NAT boxes made with nftables (RFC 4787 behaviours, one namespace
# each) and hosts behind them (100.64.N.0/24, one namespace each). The namespaces connect only to
# each other: nothing is linked to the host's own namespace, so nothing leaves them.
#
#   lab.sh run [--hosts "H1 H2 ..."] [--link HOST=SPEC]... [--keep] -- COMMAND [ARGS...]
#       builds the topology, starts the servers, runs COMMAND with PEERLINK_LAB_ENV pointing at
#       the lab's description (lab.env, shell syntax), then tears everything down, whatever
#       happened (trap): no namespace, process or mount is left. Exits with COMMAND's status.
#       --link HOST=SPEC puts a link emulator (peerlink-linkem) on HOST's access link, between the
#       host and its NAT box; SPEC is its options, e.g. "--delay-ms 25 --rate-mbit 100", or
#       "manual": the link is built but COMMAND runs the emulator itself (LAB_HOST_<host>_LINK_NS,
#       devices em-up and em-dn; until then the link carries nothing).
#       --keep keeps the lab's directory (logs, configuration) even when COMMAND succeeds.
#   lab.sh hosts     lists the hosts and the NAT in front of each
#
# Needs root, iproute2, nftables, coturn, prosody, miniupnpd (for the upnp host) and the lab
# programs of the build (PEERLINK_BUILD_DIR or --build DIR): tests/lab/peerlink-labprobe and
# tests/lab/peerlink-linkem.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# host  box  NAT type  index (addresses: box WAN 203.0.113.(10+index), LAN 100.64.index.0/24)
HOST_TABLE="
none-a    -        none                1
none-b    -        none                2
full-a    full-a   full-cone           3
full-b    full-b   full-cone           4
addr-a    addr-a   address-restricted  5
addr-b    addr-b   address-restricted  6
port-a    port-a   port-restricted     7
port-b    port-b   port-restricted     8
sym-a     sym-a    symmetric           9
sym-b     sym-b    symmetric           10
hairpin-1 hairpin  hairpin             11
hairpin-2 hairpin  hairpin             12
upnp      upnp     upnp                13
udpblock  udpblock udp-blocked         14
"
ALL_HOSTS=$(echo "$HOST_TABLE" | awk 'NF {print $1}' | tr '\n' ' ')

SERVER=203.0.113.1
SERVER_ALT=203.0.113.2
RELAY=203.0.113.3 # coturn's relayed addresses
SINK=203.0.113.254 # "the rest of the Internet": the default route of the WAN, where packets vanish
DOMAIN=lab.example
XMPP_PORT=5222
TURN_PORT=3478
TURNS_PORT=5349
PROBE_PORT=3000
PROBE_ALT_PORT=3001

die() {
    echo "lab: error: $*" >&2
    exit 1
}
note() { echo "lab: $*" >&2; }
# With LAB_VERBOSE=1: how long each step of bringing the lab up took.
phase() { [ -n "${LAB_VERBOSE:-}" ] && note "$1 after $(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.2f s", b - a}')"; return 0; }

declare -A BOX_OF=() TYPE_OF=() INDEX_OF=() BOX_INDEX=() BOX_TYPE=() BOX_LANS=()
while read -r h b t i; do
    [ -n "$h" ] || continue
    [ "$b" = - ] && b=""
    BOX_OF[$h]=$b TYPE_OF[$h]=$t INDEX_OF[$h]=$i
    if [ -n "$b" ]; then
        [ -n "${BOX_INDEX[$b]:-}" ] || BOX_INDEX[$b]=$i
        BOX_TYPE[$b]=$t
        BOX_LANS[$b]+="lan$i "
    fi
done <<<"$HOST_TABLE"

# ----------------------------------------------------------------------------- state

PREFIX=""
DIR=""
COMMAND_PID=""
declare -a NAMESPACES=()

# The topology is planned first and applied with few processes (each one costs tens of
# milliseconds on a busy machine): one `ip -batch` in the host's namespace makes the namespaces
# and the veth pairs, then one shell per namespace sets its sysctls, runs its own `ip -batch`
# (addresses, routes, bridge) and loads its nftables rules.
plan() { # ns line...: appends lines to that namespace's ip batch
    local ns=$1
    shift
    printf '%s\n' "$@" >>"$DIR/plan/$ns.ip"
}
plan_root() { printf '%s\n' "$@" >>"$DIR/plan/root.ip"; }
plan_sysctl() { # ns key=value...
    local ns=$1 kv key
    shift
    for kv in "$@"; do
        key=${kv%%=*}
        printf 'echo %s > /proc/sys/%s\n' "${kv#*=}" "${key//.//}" >>"$DIR/plan/$ns.sh"
    done
}

ns_add() {
    NAMESPACES+=("$1")
    plan_root "netns add $1"
    plan "$1" "link set dev lo up"
    # IPv4 only: no IPv6 link-local candidates, no router solicitations.
    plan_sysctl "$1" net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}

router() { # ns: forwards packets, no reverse-path filter, no redirects
    plan_sysctl "$1" net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 \
        net.ipv4.conf.all.send_redirects=0 net.ipv4.conf.default.send_redirects=0
}

apply_plan() {
    ip -batch "$DIR/plan/root.ip" || die "setting up the namespaces failed (plan: $DIR/plan/root.ip)"
    local ns
    for ns in "${NAMESPACES[@]}"; do
        {
            [ -f "$DIR/plan/$ns.ip" ] && echo "ip -batch '$DIR/plan/$ns.ip'"
            [ -f "$DIR/plan/$ns.nft" ] && echo "nft -f '$DIR/plan/$ns.nft'"
        } >>"$DIR/plan/$ns.sh"
        ip netns exec "$ns" bash -e "$DIR/plan/$ns.sh" || die "setting up namespace $ns failed (plan: $DIR/plan/$ns.*)"
    done
}

# PIDs of every process inside one of the lab's namespaces.
lab_pids() {
    [ ${#NAMESPACES[@]} -gt 0 ] || return 0
    local inodes
    inodes=$(cd /run/netns 2>/dev/null && stat -L -c 'net:[%i]' "${NAMESPACES[@]}" 2>/dev/null | tr '\n' ' ')
    [ -n "$inodes" ] || return 0
    find /proc/[0-9]*/ns/net -maxdepth 0 -printf '%l %p\n' 2>/dev/null |
        awk -v set=" $inodes" 'index(set, " " $1 " ") { split($2, p, "/"); print p[3] }'
}

teardown() {
    local status=$?
    trap - EXIT INT TERM
    set +e
    local pids
    # The command (if it still runs), then every process inside a lab namespace (servers, peers,
    # emulators).
    if [ -n "${COMMAND_PID:-}" ]; then
        kill "$COMMAND_PID" 2>/dev/null
        for _ in $(seq 1 25); do kill -0 "$COMMAND_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$COMMAND_PID" 2>/dev/null
    fi
    pids=$(lab_pids)
    [ -n "$pids" ] && kill $pids 2>/dev/null
    for _ in $(seq 1 25); do
        pids=$(lab_pids)
        [ -z "$pids" ] && break
        sleep 0.2
    done
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null
    if [ ${#NAMESPACES[@]} -gt 0 ]; then
        printf 'netns del %s\n' "${NAMESPACES[@]}" | ip -force -batch - 2>/dev/null
    fi
    wait 2>/dev/null
    if [ -n "$DIR" ] && [ -d "$DIR" ]; then
        if [ "$status" != 0 ] || [ "${KEEP:-0}" = 1 ] || [ -n "${PEERLINK_KEEP_LOGS:-}" ]; then
            note "logs and configuration kept in $DIR"
        else
            rm -rf "$DIR"
        fi
    fi
    exit "$status"
}

# Starts a long-running program in a namespace; it gets SIGKILL should this script die.
spawn() { # ns logfile program args...
    local ns=$1 log=$2
    shift 2
    ip netns exec "$ns" setpriv --pdeathsig KILL -- "$@" >"$log" 2>&1 &
}

wait_for() { # seconds description command...
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -ge $deadline ] && die "$what did not come up within $seconds s (logs: $DIR)"
        sleep 0.1
    done
}

tcp_open() { ip netns exec "$1" timeout 1 bash -c "exec 3<>/dev/tcp/$2/$3"; }

# ---------------------------------------------------------------------------- topology

veth() { # ns1 if1 ns2 if2
    plan_root "link add $2 netns $1 type veth peer name $4 netns $3"
    plan "$1" "link set dev $2 up"
    plan "$3" "link set dev $4 up"
}

make_wan() {
    WAN_NS="$PREFIX-wan"
    ns_add "$WAN_NS"
    plan "$WAN_NS" "link add br0 type bridge" "link set dev br0 up" "addr add $SERVER/24 dev br0" \
        "addr add $SERVER_ALT/24 dev br0" "addr add $RELAY/24 dev br0" "route add default via $SINK"
    # The rest of the Internet: packets to any other address (a peer's private host candidate,
    # say) go there and vanish without an error, as they would on the real Internet. Without it
    # they would fail at once with "network unreachable", and coturn ends an allocation whose
    # relayed packet cannot be sent.
    local sink="$PREFIX-sink"
    ns_add "$sink"
    wan_port "$sink" eth0 "$SINK" 0
}

# Joins namespace ns (interface ifname) to the WAN bridge with address addr.
wan_port() { # ns ifname addr index
    veth "$1" "$2" "$WAN_NS" "w$4"
    plan "$WAN_NS" "link set dev w$4 master br0"
    plan "$1" "addr add $3/24 dev $2"
}

make_box() { # box
    local box=$1 index type ns ext
    index=${BOX_INDEX[$box]}
    type=${BOX_TYPE[$box]}
    ns="$PREFIX-box-$box"
    ext="203.0.113.$((10 + index))"
    ns_add "$ns"
    router "$ns"
    wan_port "$ns" wan "$ext" "$index"
    plan "$ns" "route add default via $SINK"
    "$here/nat-rules.sh" "$type" "$ext" ${BOX_LANS[$box]} >"$DIR/plan/$ns.nft"
    {
        echo "LAB_BOX_${box//-/_}_NS='$ns'"
        echo "LAB_BOX_${box//-/_}_TYPE='$type'"
        echo "LAB_BOX_${box//-/_}_EXT='$ext'"
    } >>"$DIR/lab.env"
}

# The host's namespace and its link to its box (or to the WAN when there is no NAT).
make_host() { # host
    local host=$1 index box ns addr ext="" gw
    index=${INDEX_OF[$host]}
    box=${BOX_OF[$host]}
    ns="$PREFIX-host-$host"
    ns_add "$ns"
    if [ -z "$box" ]; then
        addr="203.0.113.$((10 + index))"
        ext=$addr
        wan_port "$ns" eth0 "$addr" "$index"
        plan "$ns" "route add default via $SINK"
    else
        local box_ns="$PREFIX-box-$box"
        addr="100.64.$index.2"
        gw="100.64.$index.1"
        ext="203.0.113.$((10 + BOX_INDEX[$box]))"
        if [ -z "${LINKS[$host]:-}" ]; then
            veth "$ns" eth0 "$box_ns" "lan$index"
            plan "$box_ns" "addr add $gw/24 dev lan$index"
        else
            make_emulated_link "$host" "$ns" "$box_ns" "$index"
        fi
        plan "$ns" "addr add $addr/24 dev eth0" "route add default via $gw"
    fi
    {
        echo "LAB_HOST_${host//-/_}_NS='$ns'"
        echo "LAB_HOST_${host//-/_}_TYPE='${TYPE_OF[$host]}'"
        echo "LAB_HOST_${host//-/_}_BOX='$box'"
        echo "LAB_HOST_${host//-/_}_ADDR='$addr'"
        echo "LAB_HOST_${host//-/_}_EXT='$ext'"
        echo "LAB_HOST_${host//-/_}_JID='${host}@$DOMAIN'"
    } >>"$DIR/lab.env"
}

# ------------------------------------------------------------------------- link emulator

declare -A LINKS=()

# host eth0 100.64.i.2 -- to-host 100.64.i.1 [emulator] to-box 100.64.(100+i).2 -- box lan 100.64.(100+i).1
# Inside the emulator's namespace every forwarded packet takes a detour through peerlink-linkem:
# policy routing sends what comes from the host into TUN device em-up and what comes from the
# box into em-dn; the emulator delays (drops, reorders, paces) each packet and writes it back
# into the same device, from where the main table routes it on.
make_emulated_link() { # host host_ns box_ns index
    local host=$1 host_ns=$2 box_ns=$3 index=$4
    local emu="$PREFIX-link-$host" transit="100.64.$((100 + index))"
    ns_add "$emu"
    router "$emu"
    veth "$host_ns" eth0 "$emu" to-host
    veth "$emu" to-box "$box_ns" "lan$index"
    plan "$emu" "addr add 100.64.$index.1/24 dev to-host" "addr add $transit.2/24 dev to-box" \
        "route add default via $transit.1" \
        "tuntap add dev em-up mode tun" "tuntap add dev em-dn mode tun" \
        "link set dev em-up up" "link set dev em-dn up" \
        "route add default dev em-up table 100" "route add default dev em-dn table 101" \
        "rule add iif to-host lookup 100 pref 100" "rule add iif to-box lookup 101 pref 101"
    plan "$box_ns" "addr add $transit.1/24 dev lan$index" "route add 100.64.$index.0/24 via $transit.2"
    echo "LAB_HOST_${host//-/_}_LINK_NS='$emu'" >>"$DIR/lab.env"
}

start_link_emulators() {
    local host emu
    for host in "${!LINKS[@]}"; do
        [ "${LINKS[$host]}" = manual ] && continue
        emu="$PREFIX-link-$host"
        # shellcheck disable=SC2086 # the link's options are words
        spawn "$emu" "$DIR/linkem-$host.log" "$LINKEM" --up em-up --down em-dn ${LINKS[$host]}
        wait_for 10 "the link emulator of $host" grep -q '"running"' "$DIR/linkem-$host.log"
    done
}

# ------------------------------------------------------------------------------ servers

make_certificates() {
    local d=$DIR/pki
    mkdir -p "$d"
    (
        cd "$d"
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
            -subj "/CN=Peerlink lab CA" -keyout ca.key -out ca.pem
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$DOMAIN" \
            -keyout server.key -out server.csr
        printf 'subjectAltName=DNS:%s,IP:%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
            "$DOMAIN" "$SERVER" >server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
            -extfile server.ext -out server.pem
    ) >"$DIR/openssl.log" 2>&1 || die "openssl could not make the lab certificates (see $DIR/openssl.log)"
}

start_probe_server() {
    spawn "$WAN_NS" "$DIR/probe.log" "$PROBE" serve --addr "$SERVER" --addr "$SERVER_ALT" \
        --port "$PROBE_PORT" --port "$PROBE_ALT_PORT"
    wait_for 10 "the probe server" grep -q serving "$DIR/probe.log"
}

prosody_escape() { # text
    local text=$1 out="" c i
    for ((i = 0; i < ${#text}; i++)); do
        c=${text:i:1}
        if [[ $c == [a-zA-Z0-9] ]]; then out+=$c; else out+=$(printf '%%%02x' "'$c"); fi
    done
    echo "$out"
}

start_prosody() {
    local d=$DIR/prosody host_dir
    host_dir="$d/data/$(prosody_escape "$DOMAIN")/accounts"
    mkdir -p "$d/certs" "$host_dir"
    cp "$DIR/pki/server.pem" "$d/certs/$DOMAIN.crt"
    cp "$DIR/pki/server.key" "$d/certs/$DOMAIN.key"
    cat >"$d/prosody.cfg.lua" <<EOF
-- written by tools/lab/lab.sh
daemonize = false
pidfile = "$d/prosody.pid"
data_path = "$d/data"
certificates = "$d/certs"
log = { { levels = { min = "${PROSODY_LOG_LEVEL:-info}" }, to = "file", filename = "$d/prosody.log" } }
interfaces = { "$SERVER" }
c2s_ports = { $XMPP_PORT }
c2s_direct_tls_ports = { }
s2s_ports = { }
http_ports = { }
https_ports = { }
modules_enabled = { "roster", "saslauth", "tls", "disco", "ping", "presence", "carbons", "turn_external" }
modules_disabled = { "s2s", "offline" }
authentication = "internal_plain"
storage = "internal"
c2s_require_encryption = true
allow_unencrypted_plain_auth = false
allow_registration = false
turn_external_secret = "$TURN_SECRET"
turn_external_host = "$SERVER"
turn_external_port = $TURN_PORT
turn_external_tcp = true
turn_external_tls_port = $TURNS_PORT
turn_external_ttl = 86400

VirtualHost "$DOMAIN"
    ssl = { certificate = "$d/certs/$DOMAIN.crt", key = "$d/certs/$DOMAIN.key" }
EOF
    # One account per host, written the way mod_auth_internal_plain stores them (file names
    # escaped as prosody's datamanager does: every non-alphanumeric byte as %xx).
    local h
    for h in $ALL_HOSTS; do
        printf 'return {\n\t["password"] = "%s";\n};\n' "$PASSWORD" >"$host_dir/$(prosody_escape "$h").dat"
    done
    # The command in a script of its own: a test that restarts prosody (tst_LabFaults) runs it again.
    cat >"$d/run.sh" <<EOF
# written by tools/lab/lab.sh: prosody in the foreground, as its own user (run in $WAN_NS)
exec setpriv --reuid=prosody --regid=prosody --clear-groups -- env HOME="$d" prosody -F --config "$d/prosody.cfg.lua"
EOF
    chown -R prosody:prosody "$d"
    spawn "$WAN_NS" "$d/prosody.out" bash "$d/run.sh"
    # Every exec keeps the PID: it is prosody's own.
    echo "LAB_PROSODY_PID='$!'" >>"$DIR/lab.env"
    echo "LAB_PROSODY_RUN='$d/run.sh'" >>"$DIR/lab.env"
    wait_for 30 "prosody" tcp_open "$WAN_NS" "$SERVER" "$XMPP_PORT"
}

start_coturn() {
    local d=$DIR/coturn
    mkdir -p "$d"
    cp "$DIR/pki/server.pem" "$DIR/pki/server.key" "$d/"
    chown -R turnserver:turnserver "$d"
    spawn "$WAN_NS" "$d/turnserver.out" setpriv --reuid=turnserver --regid=turnserver --clear-groups -- \
        turnserver -n --listening-ip="$SERVER" --relay-ip="$RELAY" \
        --listening-port=$TURN_PORT --tls-listening-port=$TURNS_PORT --min-port=49152 --max-port=49999 \
        --cert="$d/server.pem" --pkey="$d/server.key" --use-auth-secret --static-auth-secret="$TURN_SECRET" \
        --realm=$DOMAIN --fingerprint --no-cli --no-dtls --no-rfc5780 --no-multicast-peers \
        --verbose --simple-log --log-file="$d/turnserver.log" --pidfile="$d/turnserver.pid" --userdb="$d/turndb"
    echo "LAB_COTURN_PID='$!'" >>"$DIR/lab.env"
    wait_for 20 "coturn" tcp_open "$WAN_NS" "$SERVER" "$TURN_PORT"
    wait_for 20 "coturn (TLS)" tcp_open "$WAN_NS" "$SERVER" "$TURNS_PORT"
}

start_miniupnpd() { # box
    local box=$1 ns="$PREFIX-box-$1" d=$DIR/miniupnpd-$1 lan
    mkdir -p "$d"
    lan="lan${BOX_INDEX[$box]}"
    cat >"$d/miniupnpd.conf" <<EOF
# written by tools/lab/lab.sh
ext_ifname=wan
listening_ip=$lan
http_port=0
enable_natpmp=yes
enable_upnp=yes
secure_mode=yes
system_uptime=yes
notify_interval=30
clean_ruleset_interval=600
# The documentation addresses count as reserved: miniupnpd reports them only when told
# explicitly (ext_ip) and allowed to.
ext_ip=203.0.113.$((10 + BOX_INDEX[$box]))
ext_allow_private_ipv4=yes
upnp_table_name=upnp
upnp_nat_table_name=upnp
upnp_forward_chain=miniupnpd
upnp_nat_chain=prerouting_miniupnpd
upnp_nat_postrouting_chain=postrouting_miniupnpd
lease_file=$d/leases
uuid=3b1e5f1c-5e0f-4c3a-9d55-$(printf '%012d' "${BOX_INDEX[$box]}")
allow 1024-65535 100.64.0.0/10 1024-65535
deny 0-65535 0.0.0.0/0 0-65535
EOF
    spawn "$ns" "$d/miniupnpd.log" miniupnpd -f "$d/miniupnpd.conf" -P "$d/miniupnpd.pid" -d
    wait_for 10 "miniupnpd on box $box" grep -q 'HTTP listening' "$d/miniupnpd.log"
}

# ---------------------------------------------------------------------------------- run

find_program() { # name
    local build=${BUILD:-${PEERLINK_BUILD_DIR:-}} p
    for p in "$build/tests/lab/$1" "$build/app/cli/$1"; do
        [ -x "$p" ] && { echo "$p"; return 0; }
    done
    command -v "$1" 2>/dev/null || die "$1 not found: build first (PEERLINK_BUILD_DIR=$build)"
}

cmd_run() {
    local hosts="$ALL_HOSTS"
    KEEP=0
    while [ $# -gt 0 ]; do
        case "$1" in
        --hosts) hosts=$2; shift 2 ;;
        --link) LINKS[${2%%=*}]=${2#*=}; shift 2 ;;
        --build) BUILD=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --) shift; break ;;
        *) die "unknown option $1" ;;
        esac
    done
    [ $# -gt 0 ] || die "no command to run in the lab"
    [ "$(id -u)" = 0 ] || die "the lab needs root (network namespaces)"
    local h
    for h in $hosts; do [ -n "${INDEX_OF[$h]:-}" ] || die "unknown host '$h' (lab.sh hosts lists them)"; done
    for h in "${!LINKS[@]}"; do
        [[ " $hosts " == *" $h "* ]] || die "--link for $h, which is not one of the hosts"
        [ -n "${BOX_OF[$h]}" ] || die "--link needs a host behind a NAT box ($h has none)"
    done
    for tool in nft setpriv prosody turnserver openssl; do
        command -v "$tool" >/dev/null || die "$tool is not installed (see tools/debian-packages.txt)"
    done
    PROBE=$(find_program peerlink-labprobe)
    [ ${#LINKS[@]} -gt 0 ] && LINKEM=$(find_program peerlink-linkem)

    PREFIX="pl$$"
    DIR=$(mktemp -d /tmp/peerlink-lab.XXXXXX)
    chmod 755 "$DIR"
    trap teardown EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    TURN_SECRET=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
    cat >"$DIR/lab.env" <<EOF
LAB_DIR='$DIR'
LAB_PREFIX='$PREFIX'
LAB_WAN_NS='$PREFIX-wan'
LAB_SERVER='$SERVER'
LAB_SERVER_ALT='$SERVER_ALT'
LAB_RELAY='$RELAY'
LAB_DOMAIN='$DOMAIN'
LAB_XMPP_PORT='$XMPP_PORT'
LAB_TURN_PORT='$TURN_PORT'
LAB_TURNS_PORT='$TURNS_PORT'
LAB_TURN_SECRET='$TURN_SECRET'
LAB_PROBE_PORT='$PROBE_PORT'
LAB_PROBE_ALT_PORT='$PROBE_ALT_PORT'
LAB_PASSWORD='$PASSWORD'
LAB_CA='$DIR/pki/ca.pem'
LAB_PROBE='$PROBE'
LAB_LINKEM='${LINKEM:-}'
LAB_HOSTS='$(echo $hosts)'
EOF

    T0=$EPOCHREALTIME
    mkdir -p "$DIR/plan"
    make_wan
    local boxes="" b
    for h in $hosts; do
        b=${BOX_OF[$h]}
        [ -n "$b" ] && [[ " $boxes " != *" $b "* ]] && boxes+=" $b"
    done
    for b in $boxes; do make_box "$b"; done
    for h in $hosts; do make_host "$h"; done
    phase "plan"
    apply_plan
    phase "topology"
    start_link_emulators
    make_certificates
    start_probe_server
    start_prosody
    start_coturn
    [[ " $boxes " == *" upnp "* ]] && start_miniupnpd upnp
    phase "servers"
    note "up: $(echo $hosts | wc -w) hosts, $(echo $boxes | wc -w) NAT boxes (description: $DIR/lab.env)"

    # In the background, so that a signal to this script is handled at once (bash runs traps
    # only between foreground commands); standard input stays the caller's.
    local status=0
    PEERLINK_LAB_ENV="$DIR/lab.env" "$@" <&0 &
    COMMAND_PID=$!
    wait "$COMMAND_PID" || status=$?
    COMMAND_PID=""
    exit $status
}

case "${1:-}" in
run) shift; cmd_run "$@" ;;
hosts)
    echo "$HOST_TABLE" | awk 'NF {printf "%-10s %s\n", $1, $3}'
    ;;
*)
    echo "usage: lab.sh run [--hosts \"H ...\"] [--link HOST=SPEC]... [--keep] -- COMMAND [ARGS...] | lab.sh hosts" >&2
    exit 2
    ;;
esac
