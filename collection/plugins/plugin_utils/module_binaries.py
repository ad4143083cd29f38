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
"""

from __future__ import annotations

import hashlib
import os

ELF_MAGIC = b'\x7fELF'
# ELF e_machine (little-endian half word at offset 18) -> uname -m name.
MACHINES = {0x3E: 'x86_64', 0xB7: 'aarch64'}


class LocalBinary:
    """One architecture's build of a module on the controller."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.sha256 = hashlib.sha256(self.read()).hexdigest()

    def read(self):
        with open(self.path, 'rb') as f:
            return f.read()


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
