#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only when some are missing.
set -euo pipefail

packages=(
  ansible-core ansible ansible-lint yamllint          # the controller and the linters users run
  docker.io debootstrap dpkg-dev                      # container cluster: engine, base image, local apt repo
  clang lld binutils file                             # portable NativeAOT link (both archs), symbol checks
  qemu-user-static                                    # runs the arm64 modules in the tests (tests/Arm64.Tests)
  hwloc munge slurmctld slurmd slurm-client slurmdbd  # real daemons and slurmd's topology oracle
  python3-jsonschema python3-yaml                     # Molecule schema validation
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Daemons must not start on the build host: tests start their own, by hand.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi

command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required to build the modules" >&2; exit 1; }
