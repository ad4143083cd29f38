#!/usr/bin/env bash
# The demo: runs the collection's module against a sample WEKA service.conf, first in check
# mode with diff, then for real, then again to show it is idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ "${1:-}" = clean ] && { rm -rf "$root/build/demo"; exit 0; }

work="$root/build/demo"
rm -rf "$work" && mkdir -p "$work"
cat > "$work/service.conf" <<'CONF'
# WEKA agent configuration (sample)
[agent]
port = 14000
isolate_cpusets = true
cgroups_mode = auto
CONF
cat > "$work/play.yml" <<'PLAY'
- name: WEKA agent settings for Slurm
  hosts: localhost
  connection: local
  gather_facts: false
  tasks:
    - name: isolate_cpusets=false
      hpc.weka_slurm.weka_service_conf:
        path: "{{ service_conf }}"
      register: result
    - name: Show what the module returned
      ansible.builtin.debug:
        msg: "changed={{ result.changed }} restart_required={{ result.restart_required }} ({{ result.msg }})"
PLAY
export ANSIBLE_COLLECTIONS_PATH="$root/build/collections" ANSIBLE_NOCOLOR=1 ANSIBLE_STDOUT_CALLBACK=default
run() { echo; echo "### $*"; ansible-playbook -i localhost, "$work/play.yml" -e service_conf="$work/service.conf" "$@" | grep -vE '^$'; }
run --check --diff
run --diff
run
echo; echo "### $work/service.conf now:"; cat "$work/service.conf"
