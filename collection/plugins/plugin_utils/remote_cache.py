# -*- coding: utf-8 -*-
# Copyright: hpc.weka_slurm maintainers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The two POSIX shell commands of the per-user binary cache on a managed host.

The cache is one directory per remote (become) user, mode 0700, holding ``BINARY.ARCH.SHA256``
files of mode 0700 (BINARY is the file's own name: the collection's multi-call binary serves
every module, so a host receives it once for all of them). ``run_command`` is the only command of a task once the binary is cached:
it picks the file for the host's architecture and runs it with the module args on stdin, but
only if the directory and the file belong to the user running it and nobody else can write
them. Otherwise it prints one MARKER line saying why, and the controller sends the binary with
``upload_command`` (temp file, sha256sum check, atomic rename, older builds of the same
module and architecture removed) and runs the task again.

Both commands run as the become user, so the cache is created and owned by that user: the
binary travels on stdin, never through a file another user wrote.
"""

from __future__ import annotations

import shlex

MARKER = 'hpc.weka_slurm.fast_path:'

# What run_command prints instead of running the module.
MISSING = 'missing'          # no cached file for this build
UNUSABLE = 'unusable'        # a cached file exists but is not safe (owner, mode, type): never run
UNSUPPORTED = 'unsupported'  # no build for this architecture
# What upload_command prints when the file is in place.
CACHED = 'cached'


def shell_dir(path):
    """The cache directory as one shell word; a leading ~/ is the home of the user running the command."""
    if path == '~':
        return '"$HOME"'
    if path.startswith('~/'):
        return '"$HOME"/' + shlex.quote(path[2:])
    if path.startswith('/'):
        return shlex.quote(path)
    raise ValueError("must be an absolute path or start with ~/, got '%s'" % path)


def run_command(cache_dir, name, hashes, env_prefix='', module=None):
    """Run the cached build of binary NAME for this host's architecture on stdin, or print MARKER + reason + arch.

    hashes: {uname -m name: sha256 of that architecture's binary}.
    env_prefix: the task's environment as VAR=value words (Ansible's shell env_prefix).
    module: the module to run when the binary serves several (its first argument).
    """
    cases = ' '.join('%s) h=%s;;' % (shlex.quote(arch), sha) for arch, sha in sorted(hashes.items()))
    # find -H: judge the directory itself even when it is a symlink; -perm /022: group or other may write.
    return (
        'd=%(dir)s; a=$(uname -m); '
        'case "$a" in %(cases)s *) echo "%(marker)s%(unsupported)s $a"; exit 0;; esac; '
        'f="$d/%(name)s.$a.$h"; '
        'if [ -O "$d" ] && [ ! -h "$f" ] && [ -f "$f" ] && [ -O "$f" ] && [ -x "$f" ] '
        '&& [ -z "$(find -H "$d" "$f" -maxdepth 0 -perm /022)" ]; then %(env)s"$f" %(module)s-; '
        'elif [ -e "$f" ] || [ -h "$f" ]; then echo "%(marker)s%(unusable)s $a"; '
        'else echo "%(marker)s%(missing)s $a"; fi'
    ) % dict(dir=shell_dir(cache_dir), cases=cases, marker=MARKER, name=name,
             env=env_prefix + ' ' if env_prefix else '', module=shlex.quote(module) + ' ' if module else '',
             unsupported=UNSUPPORTED, unusable=UNUSABLE, missing=MISSING)


def upload_command(cache_dir, name, arch, sha256):
    """Store stdin as NAME.ARCH.SHA256 in the cache if its sha256 matches; print MARKER + 'cached'."""
    return (
        'umask 077; d=%(dir)s; f="$d/%(name)s.%(arch)s.%(sha)s"; '
        'mkdir -p "$d" && [ -O "$d" ] && chmod 700 "$d" '
        '|| { echo "cache directory $d cannot be created or is not owned by $(id -un)" >&2; exit 1; }; '
        't=$(mktemp "$d/.%(name)s.XXXXXX") || exit 1; '
        'if cat >"$t" && [ "$(sha256sum <"$t" | cut -d" " -f1)" = %(sha)s ] && chmod 700 "$t" && mv -f "$t" "$f"; '
        'then for o in "$d"/%(name)s.%(arch)s.*; do [ "$o" = "$f" ] || rm -f "$o"; done; echo "%(marker)s%(cached)s"; '
        'else rm -f "$t"; echo "upload to $d failed or its sha256 differs from %(sha)s" >&2; exit 1; fi'
    ) % dict(dir=shell_dir(cache_dir), name=name, arch=arch, sha=sha256, marker=MARKER, cached=CACHED)


def parse_marker(stdout):
    """(reason, arch) when run_command did not run the module, else None."""
    text = stdout.strip()
    if not text.startswith(MARKER) or '\n' in text:
        return None
    reason, _, arch = text[len(MARKER):].partition(' ')
    return reason, arch
