#!/usr/bin/env bash
# ./dev lab ...: runs Peerlink's network lab inside the build environment (./dev calls this
# after building, as it calls tools/bench.sh). Needs root.
#
#   run.sh BUILD_DIR matrix [--json FILE] [--cells "A+B ..."] [--bytes N]
#       checks the NAT boxes, then runs the NAT matrix (peerlink-cli at both ends, a file per
#       cell); prints the matrix as a table, writes {"cells": [...]} to FILE.
#   run.sh BUILD_DIR boxes          only the checks of the NAT boxes
#   run.sh BUILD_DIR link           the link emulator against its own settings
#   run.sh BUILD_DIR shell [--hosts "H ..."] [--link HOST=SPEC]
#       brings the lab up and opens a shell in it (PEERLINK_LAB_ENV describes it); leaving the
#       shell tears the lab down
#   run.sh BUILD_DIR hosts          the lab's hosts and the NAT in front of each
set -euo pipefail
build=$(cd "$1" && pwd)
shift
what=${1:-}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
lab=("$here/lab.sh" run --build "$build")
tests="$build/tests/lab"
export QT_QPA_PLATFORM=offscreen
export PEERLINK_CLI="$build/app/cli/peerlink-cli"

need() { [ -x "$1" ] || { echo "lab: $1 is missing; build first" >&2; exit 1; }; }

case "$what" in
matrix)
    json="" cells="" bytes=""
    while [ $# -gt 0 ]; do
        case "$1" in
        --json) json=$(realpath -m "$2"); shift 2 ;;
        --cells) cells=$2; shift 2 ;;
        --bytes) bytes=$2; shift 2 ;;
        *) echo "lab matrix: unknown option $1" >&2; exit 2 ;;
        esac
    done
    need "$tests/tst_LabNatBoxes"
    need "$tests/tst_LabMatrix"
    need "$PEERLINK_CLI"
    selection=()
    for cell in $cells; do selection+=("cell:$cell"); done
    export PEERLINK_LAB_JSON="$json" PEERLINK_LAB_FILE_BYTES="$bytes"
    # The boxes are checked first, in the same lab; the matrix runs only if they behave.
    "${lab[@]}" -- bash -c '"$1" -silent && exec "$2" "${@:3}"' lab "$tests/tst_LabNatBoxes" "$tests/tst_LabMatrix" \
        "${selection[@]}"
    if [ -n "$json" ]; then echo "lab: cells written to $json"; fi
    ;;
boxes)
    need "$tests/tst_LabNatBoxes"
    "${lab[@]}" -- "$tests/tst_LabNatBoxes" "$@"
    ;;
link)
    need "$tests/tst_LabLink"
    "${lab[@]}" --hosts full-a --link full-a=manual -- "$tests/tst_LabLink" "$@"
    ;;
shell)
    "${lab[@]}" "$@" -- bash -i
    ;;
hosts)
    "$here/lab.sh" hosts
    ;;
*)
    sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
