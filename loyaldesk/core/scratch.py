"""Temporary files of LoyalDesk in a folder of its own, readable by the user only.

Exports, reports and imports may write temporary files that hold client data (openpyxl's
worksheets, PDF pieces). They go into <data folder>/tmp/<this process>/ (0700), never the
system's shared temporary folder; the folder is removed when the process ends, and at every
start the folders of processes that are gone (their lock no longer held, e.g. after a crash or
a kill) are removed.

Files are written there and moved into place when complete (`partial_file`, `move_into_place`):
a killed export leaves nothing next to its target. When the target is on another file system,
the file is copied next to the target under a hidden name (`.loyaldesk-part-*`, listed in the
process's folder) and renamed: the next start removes such a copy if its process is gone.

Temporary files that must live in another folder (a backup is written in the backup folder and
renamed) are held by a lock (`HeldTemp`): `clear_unheld` removes those no process holds any
more, and every start does so in the backup folders (`.loyaldesk-backup-*.tmp`).
"""

from __future__ import annotations

import atexit
import errno
import os
import shutil
import tempfile
import uuid
from pathlib import Path

from loyaldesk import paths

_mine: Path | None = None

PART_PREFIX = ".loyaldesk-part-"  # a copy being moved into place on another file system
BACKUP_TEMP_PATTERN = ".loyaldesk-backup-*.tmp"  # see loyaldesk.core.backup
_MOVING = "moving"  # in a process's folder: the hidden copies it is moving into place, one path a line


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
                _remove_moving_copies(lock_path.with_suffix(""))
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
    try:
        for folder in paths.backup_dir().iterdir():  # backups of killed processes
            if folder.is_dir():
                clear_unheld(folder, BACKUP_TEMP_PATTERN)
    except OSError:
        pass
    return mine


def _remove_moving_copies(folder: Path) -> None:
    """The hidden copies a process that is gone was moving into place on another file system."""
    try:
        names = (folder / _MOVING).read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    for name in names:
        copy = Path(name)
        if copy.name.startswith(PART_PREFIX):
            try:
                copy.unlink(missing_ok=True)
            except OSError:
                pass


# --- files written elsewhere and moved into place ------------------------------------------------
def partial_file(target: Path) -> Path:
    """A new, empty file (0600) to write `target` into before it is moved there with move_into_place.

    In this process's own folder; next to the target under a hidden name when there is none.
    """
    folder = use_private_temp()
    if folder is None:
        folder = target.parent
    fd, name = tempfile.mkstemp(dir=folder, prefix=PART_PREFIX, suffix=target.suffix)
    os.close(fd)
    return Path(name)


def move_into_place(partial: Path, target: Path) -> None:
    """Replace `target` with the complete file `partial` (a rename; across file systems, a copy in the
    target's folder renamed into place). `partial` is gone afterwards."""
    try:
        os.replace(partial, target)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=PART_PREFIX, suffix=target.suffix)
    os.close(fd)
    copy = Path(name)
    moving = _mine / _MOVING if _mine is not None else None
    try:
        if moving is not None:
            with open(moving, "a", encoding="utf-8") as fh:
                fh.write(f"{copy}\n")
        with open(partial, "rb") as src, open(copy, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(copy, target)
    except BaseException:
        try:
            copy.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    finally:
        if moving is not None:
            try:
                moving.unlink(missing_ok=True)
            except OSError:
                pass
    partial.unlink(missing_ok=True)


# --- temporary files held by a lock ---------------------------------------------------------------
class HeldTemp:
    """A new empty file (0600) named <prefix><random><suffix> in `folder`, held by a lock next to it
    (<name>.lock) until release(); clear_unheld removes it once no process holds it."""

    def __init__(self, folder: Path, prefix: str, suffix: str) -> None:
        from filelock import FileLock

        for _ in range(100):
            path = Path(folder) / f"{prefix}{uuid.uuid4().hex[:12]}{suffix}"
            lock = FileLock(str(path) + ".lock", timeout=0)
            lock.acquire(timeout=0)  # before the file exists: a file seen by clear_unheld is always held
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                lock.release()
                continue
            except BaseException:
                lock.release()
                Path(lock.lock_file).unlink(missing_ok=True)
                raise
            os.close(fd)
            self.path, self._lock = path, lock
            return
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))  # pragma: no cover

    def release(self) -> None:
        """Remove the file if it is still there, then the lock."""
        try:
            self.path.unlink(missing_ok=True)
        finally:
            self._lock.release()
            try:
                Path(self._lock.lock_file).unlink(missing_ok=True)
            except OSError:
                pass


def clear_unheld(folder: Path, pattern: str) -> list[Path]:
    """Remove the files matching `pattern` in `folder` that no process holds (see HeldTemp); return them."""
    from filelock import FileLock, Timeout

    removed = []
    try:
        found = sorted(set(folder.glob(pattern)) | {p.with_suffix("") for p in folder.glob(pattern + ".lock")})
    except OSError:
        return removed
    for path in found:
        lock_path = Path(str(path) + ".lock")
        lock = FileLock(str(lock_path), timeout=0)
        try:
            lock.acquire(timeout=0)
        except (Timeout, OSError):
            continue  # being written
        try:
            for side in ("", "-journal", "-wal", "-shm"):
                candidate = Path(str(path) + side)
                if candidate.exists():
                    candidate.unlink()
                    if not side:
                        removed.append(path)
        except OSError:
            pass
        finally:
            lock.release()
            try:
                lock_path.unlink(missing_ok=True)
            except OSError:
                pass
    return removed
