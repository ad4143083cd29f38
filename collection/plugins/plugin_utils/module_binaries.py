# -*- coding: utf-8 -*-
# Copyright: hpc.weka_slurm maintainers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which local file holds a compiled module for each host architecture, and its content hash.

The action plugin ``hpc.weka_slurm.compiled_module`` asks this module for the binaries of a
module, puts their hashes in the one remote command of a task (the host picks its
architecture with ``uname -m`` inside that command), and uploads the matching file only when
the host lacks it.

The collection ships one multi-call binary per architecture, ``bin/<uname -m>/hpc_weka_slurm``,
serving every module; ``plugins/modules/NAME`` is a link to the x86_64 one (the file Ansible's
stock path uploads, which the action plugin swaps for the host's own build). A module file that
is a binary of its own (one module, one ELF) works too.
The architecture of a file is read from its ELF header; builds for the other architectures are
looked up beside it, in ``../<uname -m>/`` with the same file name.

Hashing the binaries is most of what a task costs on the controller (two files of a few MB each,
about 25 ms, in every task's worker process), so a hash is computed once per file version and
kept in the controller user's cache directory (``$XDG_CACHE_HOME`` or ``~/.cache``, then
``hpc_weka_slurm/sha256``), named after the file's device, inode, size, mtime and ctime: any
write to the binary changes its ctime, which no unprivileged user can set back, so a stale
hash is never used. When that directory cannot be written the hash is simply computed each time.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile

ELF_MAGIC = b'\x7fELF'
# ELF e_machine (little-endian half word at offset 18) -> uname -m name.
MACHINES = {0x3E: 'x86_64', 0xB7: 'aarch64'}
SHA256_HEX = re.compile(r'^[0-9a-f]{64}$')


class LocalBinary:
    """One architecture's build of a module on the controller."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.sha256 = cached_sha256(path)

    def read(self):
        with open(self.path, 'rb') as f:
            return f.read()


def hash_cache_dir():
    """Where the controller keeps the hashes of module binaries it has hashed before."""
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    return os.path.join(base, 'hpc_weka_slurm', 'sha256')


def cached_sha256(path):
    """The sha256 of a file, from the hash cache when this exact version of the file was hashed before."""
    st = os.stat(path)
    entry = os.path.join(hash_cache_dir(), '%d-%d-%d-%d-%d' % (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    try:
        with open(entry) as f:
            known = f.read().strip()
        if SHA256_HEX.match(known):
            return known
    except OSError:
        pass
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            digest.update(block)
    sha = digest.hexdigest()
    _remember(entry, sha)
    return sha


def _remember(entry, sha):
    """Write a cache entry atomically (concurrent workers may write the same one); failures only cost speed."""
    try:
        os.makedirs(os.path.dirname(entry), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(entry), prefix='.tmp-')
        try:
            with os.fdopen(fd, 'w') as f:
                f.write(sha + '\n')
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def is_compiled(path):
    """True for an ELF executable: the fast path only serves compiled modules."""
    return architecture(path) is not None


def architecture(path):
    """The uname -m name of an ELF file's machine, or None for anything else."""
    try:
        with open(path, 'rb') as f:
            header = f.read(20)
    except OSError:
        return None
    if len(header) < 20 or header[:4] != ELF_MAGIC:
        return None
    return MACHINES.get(int.from_bytes(header[18:20], 'little'), 'unknown')


def for_module(module_path):
    """{uname -m name: LocalBinary} for every architecture this module was built for."""
    real = os.path.realpath(module_path)
    found = {}
    own = architecture(real)
    if own:
        found[own] = LocalBinary(real)
    arch_dir, name = os.path.split(real)
    for arch in MACHINES.values():
        sibling = os.path.join(os.path.dirname(arch_dir), arch, name)
        if arch not in found and os.path.basename(arch_dir) in MACHINES.values() and architecture(sibling) == arch:
            found[arch] = LocalBinary(sibling)
    return found
