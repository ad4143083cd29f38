#!/usr/bin/env bash
# Builds the old-glibc sysroot the NativeAOT modules link against, so they run on glibc 2.17+
# (see tools/build/glibc/PortableGlibc.targets). Debian 11 (glibc 2.31) is the oldest suite the
# package mirror still serves; the link only needs its headers, crt files and libraries.
#   usage: sysroot.sh <x86_64|aarch64>     ->  build/sysroot/<arch>/
# Cached: a no-op while build/sysroot/<arch>/.stamp holds the hash of this script.
#
# Every architecture takes the same path: `debootstrap --foreign` downloads and unpacks the
# required packages without running anything inside the tree (so a foreign arch needs no qemu),
# and the extra packages are unpacked here with dpkg-deb. No second stage: maintainer scripts
# only configure a live system, they add nothing a linker reads.
set -euo pipefail

arch=${1:-}
case $arch in
  x86_64)  debian_arch=amd64 ;;
  aarch64) debian_arch=arm64 ;;
  *) echo "usage: $0 <x86_64|aarch64> (got '${arch}')" >&2; exit 2 ;;
esac

suite=bullseye
packages=libc6-dev,libgcc-10-dev,zlib1g-dev
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${HPC_BUILD_DIR:-$root/build}
out=$build/sysroot/$arch
hash=$(sha256sum "$0" | cut -c1-16)

up_to_date() { [ "$(cat "$out/.stamp" 2>/dev/null)" = "$hash" ]; }
up_to_date && exit 0

# Concurrent builds (two makes, a make and a test run) wait for one another instead of racing.
mkdir -p "$build/sysroot" "$build/cache/debootstrap-$suite-$debian_arch"
exec 9>"$build/sysroot/.$arch.lock"
flock 9
up_to_date && exit 0

start=$(date +%s)
new=$build/sysroot/.$arch.new
rm -rf "$new"
trap 'rm -rf "$new"' EXIT
echo "sysroot: debootstrap $suite ($debian_arch) into $out"
debootstrap --foreign --arch="$debian_arch" --variant=minbase --include="$packages" \
  --cache-dir="$build/cache/debootstrap-$suite-$debian_arch" \
  "$suite" "$new" ${DEBIAN_MIRROR:+"$DEBIAN_MIRROR"} >"$build/sysroot/$arch.log" 2>&1 \
  || { tail -n 30 "$build/sysroot/$arch.log" >&2; exit 1; }

# The first stage unpacked only the Priority: required set; unpack the -dev packages too.
# --keep-directory-symlink keeps the merged /usr links (lib -> usr/lib) in place.
for pkg in $(cat "$new/debootstrap/base"); do
  deb=$(awk -v p="$pkg" '$1 == p { print $2 }' "$new/debootstrap/debpaths")
  dpkg-deb --fsys-tarfile "$new$deb" | tar -C "$new" --keep-directory-symlink -xf -
done
# Nothing a linker reads: the package files (kept in the cache) and the runtime-only trees.
rm -rf "$new"/var/cache/apt/archives/*.deb "$new"/dev "$new"/proc "$new"/sys "$new"/run

# Absolute links (usr/lib/<triplet>/libpthread.so -> /lib/...) would make the linker take this
# host's libraries; point them inside the sysroot instead.
find "$new" -type l -lname '/*' -print0 | while IFS= read -r -d '' link; do
  target=$(readlink "$link")
  ln -sfn "$(realpath -s -m --relative-to="$(dirname "$link")" "$new$target")" "$link"
done

triplet=$arch-linux-gnu
for f in "usr/lib/$triplet/crt1.o" "usr/lib/$triplet/libc.so" "usr/lib/$triplet/libm.so" "usr/lib/gcc/$triplet/10/libgcc.a"; do
  [ -e "$new/$f" ] || { echo "sysroot: $f missing after unpacking" >&2; exit 1; }
done

echo "$hash" >"$new/.stamp"
# Swap in one step: a build running now sees the old tree or the new one, never half of one.
rm -rf "$out.old"
[ -d "$out" ] && mv "$out" "$out.old"
mv "$new" "$out"
rm -rf "$out.old"
echo "sysroot: $out ready in $(( $(date +%s) - start ))s ($(du -sh "$out" | cut -f1))"
