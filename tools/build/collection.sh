#!/usr/bin/env bash
# Packs the collection as Galaxy would serve it, then installs that tarball into an empty
# collections path: tests and the demo use the collection exactly as a user gets it.
set -euo pipefail
build=$1
collections=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
stage="$build/stage/ansible_collections/hpc/weka_slurm"

rm -rf "$build/stage"
mkdir -p "$stage"
cp -a "$root/collection/." "$stage/"
cp "$root/galaxy.yml" "$root/README.md" "$root/LICENSE" "$stage/"
[ -d "$root/playbooks" ] && cp -a "$root/playbooks" "$stage/"

ansible-galaxy collection build --force --output-path "$build" "$stage" >/dev/null
tarball=$(ls -t "$build"/hpc-weka_slurm-*.tar.gz | head -1)

rm -rf "$collections"
mkdir -p "$collections"
ANSIBLE_COLLECTIONS_PATH="$collections" ansible-galaxy collection install --force -p "$collections" "$tarball" >/dev/null
echo "collection: $tarball ($(du -h "$tarball" | cut -f1)), installed in $collections"
