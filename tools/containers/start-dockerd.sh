#!/bin/sh
# Start the Docker engine if it is not answering, and print its PID.
# Idempotent and safe to run concurrently: a lock serialises starters, and an
# engine that already answers is left alone. PID 1 here is not systemd, so the
# engine is started by hand (see shared/reference/platform-facts.md "Docker").
#   DOCKERD_LOG      log file (default /var/log/dockerd.log)
#   DOCKERD_TIMEOUT  seconds to wait for `docker info` (default 60)
set -eu

log=${DOCKERD_LOG:-/var/log/dockerd.log}
timeout=${DOCKERD_TIMEOUT:-60}
pidfile=/var/run/docker.pid   # dockerd's own default pidfile

engine_pid() {
    if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "$(cat "$pidfile")"   # the pidfile has no trailing newline
    else
        # Engine answers but its pidfile is elsewhere: ask the engine itself.
        pid=$(pidof dockerd 2>/dev/null | awk '{print $1}')
        echo "${pid:-unknown}"
    fi
}

answering() { docker info >/dev/null 2>&1; }

if answering; then engine_pid; exit 0; fi

command -v dockerd >/dev/null || { echo "dockerd not found: apt-get install docker.io" >&2; exit 1; }

exec 9>/var/run/start-dockerd.lock
flock -w "$timeout" 9 || { echo "timed out waiting for another starter" >&2; exit 1; }

if ! answering; then
    # A dockerd that is alive but not answering yet was started by someone else: just wait for it.
    if ! { [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }; then
        rm -f "$pidfile"
        mkdir -p "$(dirname "$log")"
        # --bridge=none: a container only gets the networks a test gives it. iptables stays on:
        # without it traffic between containers on our internal networks was dropped.
        setsid dockerd --bridge=none >>"$log" 2>&1 </dev/null &
    fi
    waited=0
    until answering; do
        if [ "$waited" -ge "$timeout" ]; then
            echo "dockerd did not answer within ${timeout}s; last log lines:" >&2
            tail -n 20 "$log" >&2
            exit 1
        fi
        sleep 1; waited=$((waited + 1))
    done
fi
engine_pid
