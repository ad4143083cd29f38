#!/bin/sh
# Build the local apt repository build/localrepo/<suite>/ (flat: Packages.gz + Release) that the
# test containers install from without network: munge, Slurm's daemons and clients, MariaDB and
# every dependency the node image does not already have (resolved against the image's own dpkg
# status, Depends only, like the image's apt configuration).
# For version-pin tests it also holds an older twin of each munge and slurm-wlm binary package:
# the same package rebuilt with version "<real>~pin1" (the mirror carries one version of each).
# The host's apt setup is not touched: apt runs with its own sources, lists and cache.
# Cached: skipped when build/localrepo/<suite>/.inputs matches the hash of the inputs.
#   usage: build-localrepo.sh [suite]     LOCALREPO_EXTRA_PACKAGES adds packages.
set -eu
. "$(dirname "$0")/lib.sh"

suite=${1:-bookworm}
image=$(node_image "$suite")
packages="munge slurmctld slurmd slurm-client slurmdbd mariadb-server ${LOCALREPO_EXTRA_PACKAGES:-}"
twin_sources="munge slurm-wlm"
twin_suffix="~pin1"
repo=$build_dir/localrepo/$suite
apt_dir=$build_dir/cache/apt-$suite

"$(dirname "$0")/build-image.sh" "$suite"
# The image's own id: a rebuilt image may hold other package versions, so its repository is rebuilt too.
image_id=$(docker image inspect -f '{{.Id}}' "$image")
hash=$(inputs_hash "$0" "$(dirname "$0")/lib.sh" "$suite" "$image_id" "$packages" "$debian_mirror" "$security_mirror")

mkdir -p "$build_dir/localrepo"
exec 9>"$build_dir/localrepo/.$suite.lock"
flock 9
if [ "$(cat "$repo/.inputs" 2>/dev/null)" = "$hash" ]; then say "$repo is up to date ($hash)"; exit 0; fi
start=$(date +%s)

# apt with its own configuration: sources for <suite>, its own lists and cache, and the image's
# dpkg status, so dependency resolution sees exactly what the image already has.
mkdir -p "$apt_dir/etc/sources.list.d" "$apt_dir/lists/partial" "$apt_dir/archives/partial"
cat >"$apt_dir/etc/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $debian_mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security_mirror
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
docker run --rm --network none "$image" cat /var/lib/dpkg/status >"$apt_dir/status"
apt_opts="-o Dir::Etc::sourcelist=- -o Dir::Etc::sourceparts=$apt_dir/etc/sources.list.d
 -o Dir::State=$apt_dir -o Dir::State::Lists=$apt_dir/lists -o Dir::State::status=$apt_dir/status
 -o Dir::Cache=$apt_dir -o Dir::Cache::archives=$apt_dir/archives
 -o APT::Install-Recommends=false -o APT::Architecture=amd64 -o APT::Architectures::=amd64"
# shellcheck disable=SC2086 # apt_opts is a list of words on purpose
apt() { tool=apt-$1; shift; "$tool" $apt_opts "$@"; }
say "apt-get update ($suite)"
apt get update >"$apt_dir/update.log" 2>&1 || { cat "$apt_dir/update.log" >&2; exit 1; }

# Resolve each package alone and all together: a role installs a subset, and apt may pick other
# alternatives for a subset than for the whole set.
needed=$apt_dir/needed.txt
: >"$needed"
for set in $packages "$packages"; do
    # shellcheck disable=SC2086
    apt get install -s $set >"$apt_dir/simulate.log" 2>&1 \
        || { echo "cannot resolve: $set" >&2; cat "$apt_dir/simulate.log" >&2; exit 1; }
    # "Inst NAME [OLD] (NEW SUITE [ARCH])"
    sed -n 's/^Inst \([^ ]*\) .*(\([^ ]*\) .*/\1=\2/p' "$apt_dir/simulate.log" >>"$needed"
done
sort -u -o "$needed" "$needed"

# apt-get download names files <name>_<version with ':' as %3a>_<arch>.deb; fetch only what the cache lacks.
cached() { ls "$apt_dir/archives/${1%%=*}_$(echo "${1#*=}" | sed 's/:/%3a/')_"*.deb 2>/dev/null; }
missing=$(while read -r p; do cached "$p" >/dev/null || echo "$p"; done <"$needed")
say "$(wc -l <"$needed") packages needed, downloading $(echo "$missing" | grep -c .)"
if [ -n "$missing" ]; then
    # shellcheck disable=SC2086
    (cd "$apt_dir/archives" && apt get download -q $missing >"$apt_dir/download.log" 2>&1) \
        || { cat "$apt_dir/download.log" >&2; exit 1; }
fi

stage=$build_dir/localrepo/.$suite.tmp
rm -rf "$stage"; mkdir -p "$stage"
while read -r p; do
    f=$(cached "$p")
    ln "$f" "$stage/" 2>/dev/null || cp "$f" "$stage/"
done <"$needed"

# Older twins for version-pin tests: identical content, version <real>~pin1 (sorts just below it),
# and exact-version relations between the twins rewritten the same way.
twin_dir=$apt_dir/twin
for deb in "$stage"/*.deb; do
    src=$(dpkg-deb -f "$deb" Source | cut -d' ' -f1); pkg=$(dpkg-deb -f "$deb" Package)
    echo " $twin_sources " | grep -q " ${src:-$pkg} " || continue
    version=$(dpkg-deb -f "$deb" Version)
    esc=$(printf '%s' "$version" | sed 's/[].*^$[]/\\&/g')   # literal in a sed BRE
    rm -rf "$twin_dir"; dpkg-deb -R "$deb" "$twin_dir"
    sed -i "s/$esc\()\|\$\)/$version$twin_suffix\1/g" "$twin_dir/DEBIAN/control"
    grep -qx "Version: $version$twin_suffix" "$twin_dir/DEBIAN/control"
    dpkg-deb -Zgzip -z1 -b "$twin_dir" "$stage/${pkg}_$version${twin_suffix}_$(dpkg-deb -f "$deb" Architecture).deb" >/dev/null
done
rm -rf "$twin_dir"

# Flat repository index; Release lets apt accept it quietly ([trusted=yes] on the client side).
(cd "$stage" && dpkg-scanpackages --multiversion . /dev/null 2>/dev/null >Packages && gzip -9nk Packages)
{
    echo "Origin: hpc-weka-slurm test"; echo "Label: localrepo $suite"; echo "Suite: $suite"
    echo "Date: $(LC_ALL=C date -u -R)"; echo "Architectures: amd64 all"; echo "SHA256:"
    for f in Packages Packages.gz; do
        echo " $(sha256sum "$stage/$f" | cut -d' ' -f1) $(stat -c %s "$stage/$f") $f"
    done
} >"$stage/Release"
chmod -R a+rX "$stage"
echo "$hash" >"$stage/.inputs"
rm -rf "$repo"; mv "$stage" "$repo"
say "built $repo: $(ls "$repo"/*.deb | wc -l) debs, $(du -sh "$repo" | cut -f1), in $(( $(date +%s) - start ))s"
