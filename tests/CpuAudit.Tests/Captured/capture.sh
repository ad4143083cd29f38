#!/bin/bash
# Regenerates the captured `scontrol show node` outputs in this directory from real Slurm:
# a private munged, slurmctld and slurmd on loopback, slurmd reading a synthetic hwloc topology
# (HWLOC_XMLFILE) of the host in question. Every daemon is stopped by its PID at the end.
#   tests/CpuAudit.Tests/Captured/capture.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/hws-capture-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/munge" && chown munge:munge "$work/munge" && chmod 711 "$work/munge"
runuser -u munge -- mungekey --create --keyfile "$work/munge/key"
runuser -u munge -- /usr/sbin/munged --socket "$work/munge/socket" --key-file "$work/munge/key" \
  --pid-file "$work/munge/pid" --log-file "$work/munge/log" --seed-file "$work/munge/seed"
for _ in $(seq 50); do [ -s "$work/munge/pid" ] && break; sleep 0.1; done
pids+=("$(cat "$work/munge/pid")")

# capture NAME "NODE LINE" "hwloc synthetic description" [-o]
capture() {
  local name=$1 line=$2 synthetic=$3 oneliner=${4:-}
  local d="$work/$name" port=$((17000 + RANDOM % 2000))
  mkdir -p "$d/state" "$d/spool"
  lstopo-no-graphics --input "$synthetic" --of xml "$d/topo.xml" 2>/dev/null
  cat > "$d/slurm.conf" <<CONF
ClusterName=audit-capture
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
CommunicationParameters=NoInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/slurmctld.log
SlurmdLogFile=$d/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
$line NodeAddr=127.0.0.1 Port=$((port + 1))
PartitionName=audit Nodes=ALL Default=YES State=UP
CONF
  local node=${line#NodeName=}; node=${node%% *}
  SLURM_CONF=$d/slurm.conf /usr/sbin/slurmctld -D -f "$d/slurm.conf" >"$d/ctld.out" 2>&1 &
  local ctld=$!
  SLURM_CONF=$d/slurm.conf HWLOC_XMLFILE=$d/topo.xml /usr/sbin/slurmd -D -f "$d/slurm.conf" -N "$node" >"$d/slurmd.out" 2>&1 &
  local slurmd=$!
  pids+=("$ctld" "$slurmd")
  for _ in $(seq 120); do
    out=$(SLURM_CONF=$d/slurm.conf scontrol show node "$node" $oneliner 2>/dev/null || true)
    if grep -q 'SlurmdStartTime=[0-9]' <<<"$out"; then break; fi
    sleep 0.5
  done
  grep -q 'SlurmdStartTime=[0-9]' <<<"$out" || { echo "node $node did not register"; cat "$d"/*.log; exit 1; }
  # Times, load, free memory and the random port are the only edits (stable files when regenerated).
  sed -E -e 's/(BootTime|SlurmdStartTime|LastBusyTime)=[^ ]+/\1=2026-11-20T10:00:00/g' \
         -e 's/CPULoad=[^ ]+/CPULoad=0.00/' -e 's/FreeMem=[^ ]+/FreeMem=N\/A/' -e 's/Port=[0-9]+ //' <<<"$out" > "$here/$name.txt"
  echo "captured $name.txt"
  kill "$ctld" "$slurmd"; wait "$ctld" "$slurmd" 2>/dev/null || true
  pids=("${pids[@]:0:${#pids[@]}-2}")
}

# The WEKA guide's interleaved host: 2 sockets x 32 cores, OS id = 2*core + socket.
b_indexes=$(for s in 0 1; do for c in $(seq 0 31); do printf '%s,' $((2 * c + s)); done; done)
b="pack:2 core:32 pu:1(indexes=${b_indexes%,})"
capture guide-interleaved-os-ids "NodeName=cn7 CPUs=64 Boards=1 SocketsPerBoard=2 CoresPerSocket=32 ThreadsPerCore=1 RealMemory=1000 CpuSpecList=56,58,60,62" "$b"
capture guide-interleaved-abstract-ids "NodeName=cn7 CPUs=64 Boards=1 SocketsPerBoard=2 CoresPerSocket=32 ThreadsPerCore=1 RealMemory=1000 CpuSpecList=28-31" "$b" --oneliner

# The integration guide's a2-ultragpu-8g: 2 sockets x 24 cores x 2 threads, OS id = thread*48 + socket*24 + core.
a_indexes=$(for s in 0 1; do for c in $(seq 0 23); do for t in 0 1; do printf '%s,' $((t * 48 + s * 24 + c)); done; done; done)
a="pack:2 core:24 pu:2(indexes=${a_indexes%,})"
capture a2-ultragpu-8g-cpu-spec-list-47-95 "NodeName=compute-node-0 CPUs=96 Boards=1 SocketsPerBoard=2 CoresPerSocket=24 ThreadsPerCore=2 RealMemory=1000 MemSpecLimit=500 CpuSpecList=47,95" "$a"
capture a2-ultragpu-8g-core-spec-count-1 "NodeName=compute-node-0 CPUs=96 Boards=1 SocketsPerBoard=2 CoresPerSocket=24 ThreadsPerCore=2 RealMemory=1000 CoreSpecCount=1" "$a"
capture a2-ultragpu-8g-no-spec "NodeName=compute-node-0 CPUs=96 Boards=1 SocketsPerBoard=2 CoresPerSocket=24 ThreadsPerCore=2 RealMemory=1000" "$a"
