# -*- coding: utf-8 -*-
# Copyright: hpc.weka_slurm maintainers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs every compiled module of hpc.weka_slurm (each is routed here in meta/runtime.yml).

Ansible cannot pipeline a binary module: every task makes a temp dir, uploads the whole
binary and an args file, chmods, runs and cleans up. This plugin keeps each module's binary
in a per-user cache on the host and runs it with the args on stdin: one remote command per
task once the binary is cached, an upload only when the host lacks that exact build.
plugin_utils/remote_cache.py holds the remote commands and how the cache stays safe;
plugin_utils/module_binaries.py says which local file serves which host architecture.

Each host gets the build for its own architecture (``uname -m``): the fast path's one command
picks it on the host itself; the stock way (below) would upload plugins/modules/NAME, the
x86_64 build, so it first asks the host ``uname -m`` (once per host: the answer is kept as the
fact hpc_weka_slurm_architecture, or taken from a gathered ansible_architecture) and uploads
that architecture's build in its place. A host whose architecture has no build fails the task
naming it and the built ones.

Variables (host or group vars, or anywhere a variable can be set):
  hpc_weka_slurm_fast_path   bool, default true. false runs the modules Ansible's stock way.
  hpc_weka_slurm_cache_dir   default ~/.ansible/hpc_weka_slurm: the cache directory on the
                             host; ~/ is the home of the remote (become) user.

The stock way (Ansible's own action plugin 'normal', whose behaviour this class inherits) is
also used for async tasks, connections that cannot feed a command's stdin or whose shell is
not POSIX, become method su with a password (su reads it from the terminal, which is why
Ansible does not pipeline with su either), and, with a warning, when the cache cannot be
used on the host.

Like Ansible's pipelining, the fast path cannot become with sudo on a host whose sudoers says
``Defaults requiretty``: a command fed on stdin gets no tty, so sudo prints "sudo: sorry, you
must have a tty to run sudo" and exits 1. The stock way works there over ssh (the connection
asks for a tty when a command has no stdin). A task that meets that message runs the stock way
with a warning, and the host keeps the fact hpc_weka_slurm_sudo_requiretty: its later tasks
that become go the stock way at once. Only the English message is recognised: sudo translates
it into the remote session's language (LANG as ssh forwards it or the host sets it) where it
has a catalog for it, 32 of Debian's 39; such a host still fails the task as before.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from collections.abc import Sequence

from ansible.module_utils.common.json import AnsibleJSONEncoder
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action import ActionBase
from ansible.plugins.action.normal import ActionModule as NormalActionModule
from ansible.utils.display import Display
from ansible.utils.unsafe_proxy import wrap_var
from ansible.utils.vars import merge_hash
from ansible.vars.clean import remove_internal_keys

from ansible_collections.hpc.weka_slurm.plugins.plugin_utils import module_binaries, remote_cache

display = Display()
_PARSE_TAKES_PROFILE = 'profile' in inspect.signature(ActionBase._parse_returned_data).parameters

FAST_PATH_VAR = 'hpc_weka_slurm_fast_path'
CACHE_DIR_VAR = 'hpc_weka_slurm_cache_dir'
DEFAULT_CACHE_DIR = '~/.ansible/hpc_weka_slurm'
MODULE_NAME = re.compile(r'^[A-Za-z0-9_]+$')  # safe unquoted in the cache's file names
# A module result holding a secret the user asked for (munge_key return_content) carries this key
# (src/AnsibleModule ResultWriter.NoLogMarker); such a result is hidden as if the task had no_log.
NO_LOG_MARKER = '_hpc_weka_slurm_no_log'
ARCH_FACT = 'hpc_weka_slurm_architecture'
REQUIRETTY_FACT = 'hpc_weka_slurm_sudo_requiretty'
# What sudo prints after 'sudo: ' when sudoers has requiretty and there is no tty (Debian 12's 1.9.13, as older ones).
REQUIRETTY_MESSAGE = 'sorry, you must have a tty to run sudo'


class ActionModule(NormalActionModule):
    """The 'normal' action (stock module execution) with the cached, one-command fast path first."""

    # (file the stock way would upload, this host's build to upload instead), set by _run_stock.
    _stock_swap = None

    def run(self, tmp=None, task_vars=None):
        result = self._run(tmp, task_vars)
        if result.pop(NO_LOG_MARKER, False):
            result['_ansible_no_log'] = True
        return result

    def _run(self, tmp, task_vars):
        task_vars = task_vars or {}
        module = self._shared_loader_obj.module_loader.find_plugin_with_context(
            self._task.action, collection_list=self._task.collections)
        why_stock = self._why_stock(module, task_vars)
        if why_stock:
            self._vvv('stock module execution: %s' % why_stock)
            return self._run_stock(tmp, task_vars, module)

        # The checks every action makes (check mode support, argument names), without the stock run.
        result = ActionBase.run(self, tmp, task_vars)
        module_name = module.plugin_resolved_name.rpartition('.')[2]
        binaries = module_binaries.for_module(module.plugin_resolved_path)
        # The multi-call binary is cached once under its own name and told which module to run.
        name = next(iter(binaries.values())).name
        cache_dir = self._templar.template(task_vars.get(CACHE_DIR_VAR, DEFAULT_CACHE_DIR))
        try:
            run_command = remote_cache.run_command(cache_dir, name, {arch: binary.sha256 for arch, binary in binaries.items()},
                                                   self._compute_environment_string(),
                                                   module=module_name if name != module_name else None)
        except ValueError as e:
            return dict(failed=True, msg='%s %s' % (CACHE_DIR_VAR, e))

        # The args exactly as the stock path writes them to its args file (plus vault values as text).
        args = dict(self._task.args)
        self._update_module_args(self._task.action, args, task_vars)
        stdin = json.dumps(args, cls=AnsibleJSONEncoder, vault_to_text=True).encode('utf-8')

        res = self._low_level_execute_command(run_command, in_data=stdin)
        if res['rc'] != 0 and REQUIRETTY_MESSAGE in res['stderr']:
            return self._fall_back(task_vars, module, "sudo requires a tty: sudoers has 'Defaults requiretty'", [],
                                   facts={REQUIRETTY_FACT: True})
        miss = remote_cache.parse_marker(res['stdout'])
        warnings = []
        if miss:
            reason, arch = miss
            if reason == remote_cache.UNSUPPORTED:
                return self._unsupported(arch, binaries)
            if reason == remote_cache.UNUSABLE:
                warnings.append('the cached %s binary on this host was not run: it is not a regular file owned by the '
                                'remote user and writable by nobody else (or its directory is not); it is replaced' % name)
            problem = self._upload(cache_dir, name, arch, binaries[arch])
            if not problem:
                res = self._low_level_execute_command(run_command, in_data=stdin)
                if remote_cache.parse_marker(res['stdout']):
                    problem = 'the cached binary is still not usable after the upload'
            if problem:
                return self._fall_back(task_vars, module, problem, warnings, arch)

        result = merge_hash(result, self._module_result(res))
        if warnings:
            result['warnings'] = warnings + list(result.get('warnings') or [])
        return result

    def _why_stock(self, module, task_vars):
        """Why this task cannot take the fast path, or None when it can."""
        if not boolean(self._templar.template(task_vars.get(FAST_PATH_VAR, True)), strict=False):
            return '%s is false' % FAST_PATH_VAR
        if self._task.async_val:
            return 'async task'
        if not self._connection.has_pipelining or self._connection._shell.SHELL_FAMILY != 'sh':
            return 'connection %s cannot feed stdin to a POSIX shell command' % self._connection.transport
        become = self._connection.become
        if become and become.name == 'su' and self.get_become_option('become_pass'):
            return 'become method su reads its password from the terminal'
        if become and not self._task.delegate_to and (task_vars.get('ansible_facts') or {}).get(REQUIRETTY_FACT):
            return 'sudo requires a tty on this host (fact %s)' % REQUIRETTY_FACT
        if not module.resolved or not module_binaries.is_compiled(module.plugin_resolved_path):
            return 'not a compiled module'
        if not MODULE_NAME.match(module.plugin_resolved_name.rpartition('.')[2]):
            return 'module name unsuitable for a file name'
        return None

    def _fall_back(self, task_vars, module, problem, warnings, arch=None, facts=None):
        """The stock way after a failed fast-path attempt, with a warning saying why; facts (kept for the
        host) make its later tasks skip the attempt (see _why_stock)."""
        self._vvv('stock module execution: %s' % problem)
        warnings.append('hpc.weka_slurm fast path unavailable on this host (%s): module run the stock way%s; '
                        'set %s: false to skip this attempt' % (problem, ', as are its later tasks' if facts else '', FAST_PATH_VAR))
        result = self._run_stock(None, task_vars, module, arch)
        result['warnings'] = warnings + list(result.get('warnings') or [])
        if facts and not self._task.delegate_to:
            result['ansible_facts'] = dict(result.get('ansible_facts') or {}, **facts)
        return result

    def _run_stock(self, tmp, task_vars, module, arch=None):
        """Ansible's stock execution, with this host's build of a compiled module (arch: its uname -m, if known)."""
        if not module.resolved or not module_binaries.is_compiled(module.plugin_resolved_path):
            return super().run(tmp, task_vars)
        binaries = module_binaries.for_module(module.plugin_resolved_path)
        # A delegated task's facts are the inventory host's, not those of the host it runs on.
        facts = {} if self._task.delegate_to else task_vars.get('ansible_facts') or {}
        arch = arch or facts.get(ARCH_FACT) or facts.get('architecture')
        if not arch:
            res = self._low_level_execute_command('uname -m', sudoable=False)
            arch = res['stdout'].strip()
            if res['rc'] != 0 or not arch:
                return dict(failed=True, msg="%s: cannot tell this host's architecture: uname -m failed (rc %s): %s"
                            % (self._task.action, res['rc'], (res['stderr'] or res['stdout']).strip()))
        if arch not in binaries:
            return self._unsupported(arch, binaries)
        uploaded = os.path.realpath(module.plugin_resolved_path)
        if binaries[arch].path != uploaded:
            self._vvv('stock module execution uploads the %s build %s' % (arch, binaries[arch].path))
            self._stock_swap = (uploaded, binaries[arch].path)
        result = super().run(tmp, task_vars)
        if not self._task.delegate_to:
            result['ansible_facts'] = dict(result.get('ansible_facts') or {}, **{ARCH_FACT: arch})
        return result

    def _transfer_file(self, local_path, remote_path):
        # The stock way uploads the module file (and the args, also through here): swap only the former.
        if self._stock_swap and os.path.realpath(local_path) == self._stock_swap[0]:
            local_path = self._stock_swap[1]
        return super()._transfer_file(local_path, remote_path)

    def _unsupported(self, arch, binaries):
        return dict(failed=True, msg="%s has no build for this host's architecture '%s' (built for: %s)"
                    % (self._task.action, arch, ', '.join(sorted(binaries))))

    def _upload(self, cache_dir, name, arch, binary):
        """Cache the binary on the host as the remote (become) user; a problem description, or None."""
        self._vvv('caching %s for %s (%s, sha256 %s)' % (name, arch, binary.path, binary.sha256))
        res = self._low_level_execute_command(
            remote_cache.upload_command(cache_dir, name, arch, binary.sha256), in_data=binary.read())
        if remote_cache.parse_marker(res['stdout']) == (remote_cache.CACHED, ''):
            return None
        return (res['stderr'] or res['stdout']).strip() or 'upload failed with rc %s' % res['rc']

    def _module_result(self, res):
        """The module's output processed as ActionBase._execute_module does for stock modules:
        invalid JSON becomes MODULE FAILURE, _ansible_* keys are removed (with a warning), empty
        warnings/deprecations dropped, stdout/stderr lines added, values marked unsafe to template."""
        # ansible-core 2.19 parses per serialization profile; a binary module's is 'legacy' (2.14-2.18 take none).
        data = self._parse_returned_data(res, 'legacy') if _PARSE_TAKES_PROFILE else self._parse_returned_data(res)
        if 'results' in data and (not isinstance(data['results'], Sequence) or isinstance(data['results'], str)):
            data['ansible_module_results'] = data.pop('results')
            display.warning("Found internal 'results' key in module return, renamed to 'ansible_module_results'.")
        remove_internal_keys(data)
        for stream in ('stdout', 'stderr'):
            if stream in data and stream + '_lines' not in data:
                data[stream + '_lines'] = (data[stream] or '').splitlines()
        return wrap_var(data)

    def _vvv(self, msg):
        display.vvv('hpc.weka_slurm fast path: %s' % msg, host=self._play_context.remote_addr)
