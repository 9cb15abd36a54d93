"""Whether a LoyalDesk window has a practice open.

The app holds a lock for the practice file it shows (`hold`, released when it closes the file);
commands that replace a whole practice (`demo --force`, `restore`) first make sure no window
holds it (`ensure_not_held`), so that the data a consultant sees is never swapped under them.
The lock files live in the app's own data folder (locks/, one per practice path), not beside
the practice. `filelock` gives the same behaviour on Windows, macOS and Linux; a lock dies with
the process that held it, so a crash leaves nothing held.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from loyaldesk import paths
from loyaldesk.core import errors
from loyaldesk.core.i18n import CATALOG

CATALOG.update({
    "db.in_use": {
        "en": "{path} is open in a LoyalDesk window: close it there first. Nothing was changed.",
        "ja": "{path} は LoyalDesk の画面で開かれています。先にそちらを閉じてください。何も変更していません。",
    },
})


def lock_file(db_path: str | os.PathLike) -> Path:
    key = hashlib.sha256(str(Path(db_path).expanduser().resolve()).encode("utf-8")).hexdigest()[:32]
    return paths.data_dir() / "locks" / f"{key}.lock"


def _lock(db_path: str | os.PathLike):
    from filelock import FileLock

    target = lock_file(db_path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return FileLock(str(target), timeout=0, is_singleton=False)


def hold(db_path: str | os.PathLike):
    """Hold the practice for a window; None when another window holds it already (both may show it).
    Release with `.release()`."""
    from filelock import Timeout

    lock = _lock(db_path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return None
    except OSError:  # a data folder that cannot hold locks: the window works without one
        return None
    return lock


def ensure_not_held(db_path: str | os.PathLike) -> None:
    """DatabaseError('db.in_use') when a window holds the practice."""
    from filelock import Timeout

    lock = _lock(db_path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise errors.DatabaseError("db.in_use", path=Path(db_path)) from None
    except OSError:
        return
    lock.release()
