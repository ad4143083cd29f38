#!/bin/sh
# Build the Ansible controller image hpc-weka-slurm/controller:<suite> from debootstrap (no registry
# here): Debian's ansible-core (trixie: 2.19), community.docker and ansible.posix from Debian's ansible
# package, and docker-cli to reach the node containers through the mounted Docker socket.
# Cached: skipped when the image carries the hash of this script, its suite and mirror.
#   usage: build-controller.sh [suite]   (trixie default)
set -eu
. "$(dirname "$0")/lib.sh"

suite=${1:-trixie}
image=hpc-weka-slurm/controller:$suite
packages="ansible-core docker-cli"
hash=$(inputs_hash "$0" "$(dirname "$0")/lib.sh" "$suite" "$debian_mirror" "$packages")
label=hpc-weka-slurm.inputs

up_to_date() { [ "$(docker image inspect -f "{{index .Config.Labels \"$label\"}}" "$image" 2>/dev/null)" = "$hash" ]; }
if up_to_date; then say "$image is up to date ($hash)"; exit 0; fi
mkdir -p "$build_dir/images"
exec 9>"$build_dir/images/.controller-$suite.lock"
flock 9
if up_to_date; then say "$image is up to date ($hash)"; exit 0; fi

start=$(date +%s)
work=$build_dir/images/controller-$suite
rootfs=$work/rootfs
rm -rf "$rootfs"; mkdir -p "$rootfs" "$build_dir/cache/debootstrap-$suite"
trap 'rm -rf "$rootfs"' EXIT

# debootstrap --include cannot order this many Python packages' configuration: a minimal system
# first, then apt inside it (the chroot shares this machine's network to reach the mirror).
say "debootstrap $suite from $debian_mirror, then apt-get install $packages (and two collections of ansible)"
debootstrap --variant=minbase --cache-dir="$build_dir/cache/debootstrap-$suite" \
    "$suite" "$rootfs" "$debian_mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
echo "deb $debian_mirror $suite main" >"$rootfs/etc/apt/sources.list"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount -t proc proc "$rootfs/proc"
trap 'umount "$rootfs/proc" 2>/dev/null; rm -rf "$rootfs"' EXIT
# Of Debian's ansible package, whose hundred collections take minutes to unpack and byte-compile,
# only the two the tests use: community.docker (the connection) and ansible.posix (the json callback).
collections=./usr/lib/python3/dist-packages/ansible_collections
{ chroot "$rootfs" apt-get -q update && DEBIAN_FRONTEND=noninteractive chroot "$rootfs" \
    apt-get -y -q --no-install-recommends install $packages \
  && chroot "$rootfs" sh -c 'cd /tmp && apt-get -q download ansible' \
  && dpkg-deb --fsys-tarfile "$rootfs"/tmp/ansible_*.deb \
    | tar -x -C "$rootfs" "$collections/community/docker" "$collections/ansible/posix"; } >"$work/apt.log" 2>&1 \
    || { tail -n 30 "$work/apt.log" >&2; exit 1; }
umount "$rootfs/proc"
rm -rf "$rootfs"/tmp/*.deb "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*

say "docker import $image"
tar -C "$rootfs" -c . | docker import \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["ansible-playbook", "--version"]' \
    --change "LABEL $label=$hash" \
    - "$image" >/dev/null
say "built $image in $(( $(date +%s) - start ))s"
