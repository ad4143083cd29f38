# -*- coding: utf-8 -*-
# Copyright: hpc.weka_slurm maintainers
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which local file holds a compiled module for each host architecture, and its content hash.

The action plugin ``hpc.weka_slurm.compiled_module`` asks this module for the binaries of a
module, puts their hashes in the one remote command of a task (the host picks its
architecture with ``uname -m`` inside that command), and uploads the matching file only when
the host lacks it.

Today every module is built for x86_64 only, at ``plugins/modules/NAME``. A build for another
architecture plugs in here: add its ``uname -m`` name and where its file lives to ``LAYOUT``;
nothing else in the plugin changes.
"""

from __future__ import annotations

import hashlib
import os

# uname -m name -> path of that architecture's binary, relative to the module file Ansible resolved.
LAYOUT = {
    'x86_64': '{module}',
}

ELF_MAGIC = b'\x7fELF'


class LocalBinary:
    """One architecture's build of a module on the controller."""

    def __init__(self, path):
        self.path = path
        self.sha256 = hashlib.sha256(self.read()).hexdigest()

    def read(self):
        with open(self.path, 'rb') as f:
            return f.read()


def is_compiled(path):
    """True for an ELF executable: the fast path only serves compiled modules."""
    try:
        with open(path, 'rb') as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


def for_module(module_path):
    """{uname -m name: LocalBinary} for every architecture this module was built for."""
    directory, name = os.path.split(module_path)
    found = {}
    for arch, relative in LAYOUT.items():
        path = os.path.normpath(os.path.join(directory, relative.format(module=name)))
        if is_compiled(path):
            found[arch] = LocalBinary(path)
    return found
