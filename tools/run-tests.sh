#!/usr/bin/env bash
# Runs every xunit project under tests/ (unit projects first, then the ones that drive
# ansible-playbook and containers) and prints one closing line: "N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/build/test-results"
rm -rf "$results"
mkdir -p "$results"

# The tests use the collection as `make collection` installed it, the way a user gets it.
export HPC_WEKA_SLURM_COLLECTIONS="$root/build/collections"
export TESTCONTAINERS_RYUK_DISABLED=true

# The Docker engine, the node images and the local apt repository the cluster tests use (cached).
"$root/tools/containers/prepare.sh" bookworm || exit 1
# The newest pair's images (Debian 13 nodes with Slurm 24.11, the ansible-core 2.19 controller;
# minutes on a fresh machine) build while the unit tests run; the cluster tests wait for them.
newest_log="$results/prepare-newest.log"
{ "$root/tools/containers/prepare.sh" trixie && "$root/tools/containers/build-controller.sh" trixie; } >"$newest_log" 2>&1 &
newest_pid=$!

mapfile -t projects < <(ls "$root"/tests/*.Tests/*.csproj | sort)
ordered=()
for p in "${projects[@]}"; do [[ $p == */Integration.Tests/* ]] || ordered+=("$p"); done
for p in "${projects[@]}"; do [[ $p == */Integration.Tests/* ]] && ordered+=("$p"); done

status=0
for project in "${ordered[@]}"; do
  name=$(basename "$project" .csproj)
  if [[ $name == Integration.Tests && -n $newest_pid ]]; then
    wait "$newest_pid" || { echo "building the Debian 13 node and controller images failed:"; status=1; }
    cat "$newest_log"
    newest_pid=
  fi
  echo "== $name"
  if ! dotnet test "$project" --nologo -v:q --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
       --results-directory "$results" ${TEST_FILTER:+--filter "$TEST_FILTER"}; then
    status=1
  fi
done

/usr/bin/python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    c = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    p, f = int(c.get("passed")), int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    s = int(c.get("total")) - p - f
    print(f"  {trx.rsplit('/', 1)[1][:-4]}: {p} passed, {f} failed, {s} skipped")
    passed, failed, skipped = passed + p, failed + f, skipped + s
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
