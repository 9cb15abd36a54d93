"""Real read-only folders, files and disks for tests (not a mocked os.access).

An ordinary user gets them from the permission bits (chmod). Root ignores permission bits, so as root
the folder or file is made immutable (chattr +i), which the kernel enforces for root too, and a
read-only disk is a small tmpfs remounted read-only. A test is skipped only where none of these is
possible (Windows; a container without the right to mount or chattr).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = sys.platform != "win32" and os.geteuid() == 0


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@contextmanager
def read_only(path: Path):
    """`path` (a folder or a file) cannot be written while the block runs, for root too."""
    if sys.platform == "win32":
        pytest.skip("read-only folders are made with POSIX permissions or chattr")
    if ROOT:
        if not _chattr("+i", path):
            pytest.skip("root here cannot make a file immutable (chattr +i)")
        try:
            yield
        finally:
            _chattr("-i", path)
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    os.chmod(path, 0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        os.chmod(path, mode)


@contextmanager
def read_only_disk(folder: Path, files: dict[str, Path]):
    """A read-only file system at `folder` holding copies of `files` (name -> source): a tmpfs
    filled and then remounted read-only. Needs root and the right to mount."""
    if not ROOT or shutil.which("mount") is None:
        pytest.skip("mounting a read-only disk needs root")
    folder.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("this environment cannot mount a file system")
    try:
        for name, source in files.items():
            shutil.copy2(source, folder / name)
        if subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True).returncode:
            pytest.skip("this environment cannot remount a file system read-only")
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def listing(folder: Path) -> dict[str, bytes]:
    """Every file of a folder with its bytes: what a read must leave as it found it."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
