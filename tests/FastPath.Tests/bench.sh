#!/usr/bin/env bash
# Wall time of ansible-playbook running the same task 20 times, four ways, over connection local
# and over community.docker.docker against one container (issue 11's table):
#   stock    a compiled module, Ansible's stock binary-module path (hpc_weka_slurm_fast_path=false)
#   fast     the same module through the fast path, binary already cached on the host
#   ini_file community.general.ini_file (Python) with pipelining on, the same edit
#   raw      ansible.builtin.raw true: the floor, one remote command per task
# Uses the collection `make collection` installed (or HPC_WEKA_SLURM_COLLECTIONS), the team's
# container scripts, and an internal network of its own. RUNS timed runs per cell (default 5),
# round robin after one untimed warm-up run of each; prints min and median seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
collections=${HPC_WEKA_SLURM_COLLECTIONS:-$root/build/collections}
runs=${RUNS:-5}
tasks=${TASKS:-20}
image=hpc-weka-slurm/node:bookworm
network=hpc-fastpath-bench
container=hpc-fastpath-bench-$$
work=$(mktemp -d /tmp/hpc-fastpath-bench.XXXXXX)

cleanup() { docker rm -f "$container" >/dev/null 2>&1 || true; docker network rm "$network" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

"$root/tools/containers/start-dockerd.sh" >/dev/null
"$root/tools/containers/build-image.sh" bookworm
docker network inspect "$network" >/dev/null 2>&1 || docker network create --internal "$network" >/dev/null
docker run -d --name "$container" --network "$network" "$image" sleep infinity >/dev/null

mkdir -p "$work/home" "$work/local"
cat >"$work/inventory" <<INV
local ansible_connection=local ansible_python_interpreter=/usr/bin/python3 dir=$work/local
docker ansible_connection=community.docker.docker ansible_host=$container ansible_python_interpreter=/usr/bin/python3 dir=/tmp
INV

# play WAY: TASKS copies of one task for WAY.
play() {
  local task
  case $1 in
    stock|fast) task='hpc.weka_slurm.weka_service_conf: {path: "{{ dir }}/service.conf", create: true}' ;;
    ini_file)   task='community.general.ini_file: {path: "{{ dir }}/service.conf", option: isolate_cpusets, value: "false", no_extra_spaces: true}' ;;
    raw)        task='ansible.builtin.raw: "true"' ;;
  esac
  printf -- '- hosts: all\n  gather_facts: false\n  tasks:\n'
  for _ in $(seq "$tasks"); do printf '    - %s\n' "$task"; done
}

run() { # run HOST WAY: seconds of one ansible-playbook run
  local start end
  start=$(date +%s.%N)
  HOME=$work/home ANSIBLE_COLLECTIONS_PATH=$collections ANSIBLE_PIPELINING=$([ "$2" = ini_file ] && echo True || echo False) \
    ansible-playbook -i "$work/inventory" -l "$1" -e hpc_weka_slurm_fast_path=$([ "$2" = stock ] && echo false || echo true) \
    "$work/$2.yml" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'
}

for way in stock fast ini_file raw; do play "$way" >"$work/$way.yml"; done
ways="stock fast ini_file raw"; hosts="local docker"
for host in $hosts; do for way in $ways; do run "$host" "$way" >/dev/null; done; done   # warm-up: caches the binary, creates the file
# Round robin, so that load from anything else on the machine falls on every cell alike.
for _ in $(seq "$runs"); do
  for host in $hosts; do for way in $ways; do echo "$host $way $(run "$host" "$way")"; done; done
done >"$work/times"

printf '| %s tasks, min (median) of %s runs | connection local | community.docker.docker, one container |\n|---|---|---|\n' "$tasks" "$runs"
for way in $ways; do
  row="| $way |"
  for host in $hosts; do
    row="$row $(awk -v h="$host" -v w="$way" '$1 == h && $2 == w { print $3 }' "$work/times" | sort -n \
      | awk '{ t[NR] = $1 } END { printf "%.2f s (%.2f s)", t[1], t[int((NR + 1) / 2)] }') |"
  done
  echo "$row"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
