#!/usr/bin/env bash
# Prints the nftables ruleset of one lab NAT box (tools/lab/lab.sh loads it into the box's
# namespace). Behaviours in RFC 4787 terms:
#
#   type                mapping                        filtering                       extra
#   full-cone           endpoint-independent (EIM)     endpoint-independent            -
#   address-restricted  EIM                            address-dependent               -
#   port-restricted     EIM                            address-and-port-dependent      -
#   symmetric           address-and-port-dependent     address-and-port-dependent      random ports
#   hairpin             EIM                            address-and-port-dependent      hairpinning
#   upnp                address-and-port-dependent     address-and-port-dependent      miniupnpd (IGD)
#   udp-blocked         EIM (TCP only)                 address-and-port-dependent      UDP from the LAN dropped
#
# How: conntrack NAT (masquerade keeps the source port when it can, which with one host per box
# is always: EIM; "fully-random" gives every new destination a random port: APDM). Conntrack
# lets in only replies from the exact destination (APDF). Full cone and address-restricted add
# dynamic sets, filled from every packet leaving through the WAN: the mapped port ("open to
# all") or the mapped port and destination address ("open to that address"), and a map from
# the mapped port to the internal address and port; new inbound flows that match are DNATed.
# Unsolicited packets are dropped in the input hook, before conntrack confirms their entry, so
# they cannot make the NAT choose another port for a later outgoing flow (the Linux "clash").
#
# Usage: nat-rules.sh TYPE EXTERNAL_ADDRESS LAN_INTERFACE...
set -euo pipefail
type=$1 ext=$2
shift 2
[ $# -gt 0 ] || { echo "usage: nat-rules.sh TYPE EXTERNAL_ADDRESS LAN_INTERFACE..." >&2; exit 2; }
lans="{ $(printf '"%s", ' "$@" | sed 's/, $//') }"

masquerade="masquerade"
cone_sets=0 inbound="" hairpin=0 udp_drop=0 upnp=0
case "$type" in
full-cone)
    cone_sets=1
    inbound="iifname \"wan\" ip daddr $ext udp dport @open_to_all dnat ip to udp dport map @owner"
    ;;
address-restricted)
    cone_sets=1
    inbound="iifname \"wan\" ip daddr $ext udp dport . ip saddr @open_to_address dnat ip to udp dport map @owner"
    ;;
port-restricted) ;;
symmetric) masquerade="masquerade fully-random" ;;
hairpin) cone_sets=1 hairpin=1 ;;
upnp) masquerade="masquerade fully-random" upnp=1 ;;
udp-blocked) udp_drop=1 ;;
*)
    echo "nat-rules.sh: unknown NAT type '$type'" >&2
    exit 2
    ;;
esac

echo "# NAT box: $type, external address $ext, LAN $*"
echo "flush ruleset"
echo "table ip lab {"
if [ $cone_sets = 1 ]; then
    cat <<EOF
    # mapped port -> internal address . port, for new inbound flows
    map owner { type inet_service : ipv4_addr . inet_service; flags dynamic,timeout; timeout 5m; }
    set open_to_all { type inet_service; flags dynamic,timeout; timeout 5m; }
    set open_to_address { type inet_service . ipv4_addr; flags dynamic,timeout; timeout 5m; }

    # After source NAT: the packet carries its mapped port. Only the original direction of a flow
    # makes mappings (the replies of an inbound flow reuse the one it came in on).
    chain record {
        type filter hook postrouting priority srcnat + 10; policy accept;
        oifname "wan" meta l4proto udp ct direction original update @owner { udp sport : ct original ip saddr . ct original proto-src }
        oifname "wan" meta l4proto udp ct direction original update @open_to_all { udp sport }
        oifname "wan" meta l4proto udp ct direction original update @open_to_address { udp sport . ip daddr }
    }
EOF
fi
cat <<EOF
    chain prerouting {
        type nat hook prerouting priority dstnat; policy accept;
EOF
[ -n "$inbound" ] && echo "        $inbound"
# Hairpinning (RFC 4787 REQ-9): a host sends to the box's external address and a port mapped for
# another host: the packet turns around to that host, with the sender's external address.
[ $hairpin = 1 ] && echo "        iifname $lans ip daddr $ext udp dport @open_to_all dnat ip to udp dport map @owner"
cat <<EOF
    }

    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "wan" $masquerade
EOF
[ $hairpin = 1 ] && echo "        iifname $lans oifname $lans ct status dnat snat ip to $ext"
cat <<EOF
    }

    chain forward {
        type filter hook forward priority filter; policy drop;
EOF
[ $udp_drop = 1 ] && echo "        iifname $lans meta l4proto udp drop"
cat <<EOF
        ct state established,related accept
        ct status dnat accept
        iifname $lans oifname "wan" accept
    }

    # Nothing from the WAN reaches the box itself (dropped before conntrack confirms it).
    chain input {
        type filter hook input priority filter; policy drop;
        iifname "lo" accept
        ct state established,related accept
        iifname $lans accept
    }
}
EOF
if [ $upnp = 1 ]; then
    # The chains miniupnpd (nftables backend) fills with its port mappings; see lab.sh.
    cat <<EOF
table inet upnp {
    chain forward {
        type filter hook forward priority filter - 1; policy accept;
        jump miniupnpd
    }
    chain miniupnpd {
    }
    chain prerouting {
        type nat hook prerouting priority dstnat - 1; policy accept;
        jump prerouting_miniupnpd
    }
    chain prerouting_miniupnpd {
    }
    chain postrouting {
        type nat hook postrouting priority srcnat - 1; policy accept;
        jump postrouting_miniupnpd
    }
    chain postrouting_miniupnpd {
    }
}
EOF
fi
