"""Temporary files of LoyalDesk in a folder of its own, readable by the user only.

Exports, reports and imports may write temporary files that hold client data (openpyxl's
worksheets, PDF pieces). They go into <data folder>/tmp/<this process>/ (0700), never the
system's shared temporary folder; the folder is removed when the process ends, and at every
start the folders of processes that are gone (their lock no longer held, e.g. after a crash or
a kill) are removed.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path

from loyaldesk import paths

_mine: Path | None = None


def use_private_temp() -> Path | None:
    """Point Python's tempfile at this process's own folder; None when the data folder cannot hold one."""
    global _mine
    if _mine is not None:
        return _mine
    from filelock import FileLock, Timeout

    root = paths.data_dir() / "tmp"
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        for folder in (root.parent, root):  # the data folder holds the practice and its backups: the user's only
            if os.name == "posix" and folder.stat().st_mode & 0o777 != 0o700:
                os.chmod(folder, 0o700)
        for lock_path in root.glob("*.lock"):  # leftovers of processes that are gone
            lock = FileLock(str(lock_path), timeout=0)
            try:
                lock.acquire(timeout=0)
            except (Timeout, OSError):
                continue  # still running
            try:
                shutil.rmtree(lock_path.with_suffix(""), ignore_errors=True)
            finally:
                lock.release()
                lock_path.unlink(missing_ok=True)
        mine = root / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        mine.mkdir(mode=0o700)
        lock = FileLock(str(mine) + ".lock", timeout=0)
        lock.acquire(timeout=0)
    except (OSError, Timeout):
        return None

    def _clean() -> None:
        shutil.rmtree(mine, ignore_errors=True)
        lock.release()
        Path(str(mine) + ".lock").unlink(missing_ok=True)

    atexit.register(_clean)
    tempfile.tempdir = str(mine)
    _mine = mine
    return mine
