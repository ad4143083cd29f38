#!/bin/sh
# Everything a container test needs, in order, each step cached: the Docker engine, the node image
# and the local apt repository of each suite given (default bookworm). Prints each step's time.
#   usage: prepare.sh [suite...]     e.g. prepare.sh bookworm trixie
set -eu
dir=$(dirname "$0")

step() {
    t0=$(date +%s.%N)
    "$@" >&2
    awk -v step="$(basename "$1") ${2:-}" -v t0="$t0" -v t1="$(date +%s.%N)" \
        'BEGIN { printf "[prepare] %-34s %6.1fs\n", step, t1 - t0 }' >&2
}

step "$dir/start-dockerd.sh"
[ $# -gt 0 ] || set -- bookworm
for suite in "$@"; do
    step "$dir/build-image.sh" "$suite"
    step "$dir/build-localrepo.sh" "$suite"
done
