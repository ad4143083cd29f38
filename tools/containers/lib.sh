# Shared helpers for the container build scripts (sourced, not run).

# Repository root, build output and the name of the node image of a suite.
repo_root=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${HPC_BUILD_DIR:-$repo_root/build}
node_image() { echo "hpc-weka-slurm/node:$1"; }

# The Debian archive and security mirrors this machine uses (debian.sources, deb822),
# overridable with DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR.
sources_file=${DEBIAN_SOURCES:-/etc/apt/sources.list.d/debian.sources}
mirror_uri() {
    # $1 = "archive" or "security": the first URIs line whose URI does (not) end in -security.
    awk -v want="$1" '/^URIs:/ { for (i = 2; i <= NF; i++) {
            sec = ($i ~ /-security\/?$/); if ((want == "security") == sec) { print $i; exit } } }' "$sources_file"
}
debian_mirror=${DEBIAN_MIRROR:-$(mirror_uri archive)}
security_mirror=${DEBIAN_SECURITY_MIRROR:-$(mirror_uri security)}

# Hash of the given files and strings: the cache key of a build step.
inputs_hash() {
    for f in "$@"; do if [ -f "$f" ]; then cat "$f"; else printf '%s\n' "$f"; fi; done | sha256sum | cut -c1-16
}

say() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
