#!/bin/sh
# Build the managed-host image hpc-weka-slurm/node:<suite> from debootstrap (no registry here).
# systemd runs as PID 1; apt points only at the local repository mounted at /srv/localrepo
# (tools/containers/build-localrepo.sh), so containers install slurm/munge without any network.
# Cached: skipped when the image carries the hash of this script, its suite and mirror.
#   usage: build-image.sh [suite]   (bookworm default; trixie for the newer-version matrix)
set -eu
. "$(dirname "$0")/lib.sh"

suite=${1:-bookworm}
image=$(node_image "$suite")
# What Ansible and the tests need on a managed host; slurm/munge come from our module + local repo.
include=python3,python3-apt,systemd,systemd-sysv,procps,iproute2
hash=$(inputs_hash "$0" "$(dirname "$0")/lib.sh" "$suite" "$debian_mirror" "$include")
label=hpc-weka-slurm.inputs

up_to_date() { [ "$(docker image inspect -f "{{index .Config.Labels \"$label\"}}" "$image" 2>/dev/null)" = "$hash" ]; }
if up_to_date; then say "$image is up to date ($hash)"; exit 0; fi
# One builder per suite at a time; a waiting one finds the image built.
mkdir -p "$build_dir/images"
exec 9>"$build_dir/images/.$suite.lock"
flock 9
if up_to_date; then say "$image is up to date ($hash)"; exit 0; fi

start=$(date +%s)
work=$build_dir/images/$suite
rootfs=$work/rootfs
rm -rf "$rootfs"; mkdir -p "$rootfs" "$build_dir/cache/debootstrap-$suite"
trap 'rm -rf "$rootfs"' EXIT

say "debootstrap $suite from $debian_mirror"
debootstrap --variant=minbase --include="$include" --cache-dir="$build_dir/cache/debootstrap-$suite" \
    "$suite" "$rootfs" "$debian_mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

# apt: only the local repository (flat, unsigned, mounted read-only by the test harness).
rm -f "$rootfs/etc/apt/sources.list" "$rootfs"/etc/apt/sources.list.d/*
echo 'deb [trusted=yes] file:/srv/localrepo ./' >"$rootfs/etc/apt/sources.list.d/localrepo.list"
# No recommends: the local repository carries Depends only. No docs: faster installs.
cat >"$rootfs/etc/apt/apt.conf.d/90hpc-test" <<'APT'
APT::Install-Recommends "false";
Acquire::Languages "none";
APT
printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/locale/*' >"$rootfs/etc/dpkg/dpkg.cfg.d/90hpc-nodoc"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*

# Each container gets its own machine id at boot (an empty file means "generate, not first boot").
: >"$rootfs/etc/machine-id"; rm -f "$rootfs/var/lib/dbus/machine-id"
# Units that cannot work in a container (no consoles, no kernel tunables to set) would leave
# systemd "degraded" and hide real failures.
for unit in getty.target console-getty.service systemd-firstboot.service systemd-remount-fs.service \
        sys-kernel-config.mount sys-kernel-debug.mount sys-kernel-tracing.mount systemd-sysctl.service \
        systemd-modules-load.service kmod-static-nodes.service; do
    ln -sf /dev/null "$rootfs/etc/systemd/system/$unit"
done

say "docker import $image"
tar -C "$rootfs" -c . | docker import \
    --change 'ENV container=docker' \
    --change 'CMD ["/lib/systemd/systemd"]' \
    --change "LABEL $label=$hash" \
    - "$image" >/dev/null
say "built $image in $(( $(date +%s) - start ))s"
