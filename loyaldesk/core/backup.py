"""Backups of a LoyalDesk database: create, rotate, list and restore.

Every backup is a complete, self-contained SQLite file made with SQLite's online backup
API, so it can be taken while the database is open (also in WAL mode) and always holds
the latest committed state. It is written to a hidden temporary file first, checked with
``PRAGMA integrity_check`` and only then renamed into place: a failure (full disk, an
unwritable folder, a damaged database) leaves no partial file behind.

Each database has a folder of its own under ``paths.backup_dir()``; files are named
``<stem>-YYYYMMDD-HHMMSS-<reason>.db`` (``-2``, ``-3`` … when that name is taken), and the
date and reason are read back from the name. Migration backups carry the schema they were
taken from: ``<stem>-schema<N>-YYYYMMDD-HHMMSS-migration.db``.

After each automatic backup the folder is rotated: the newest ``backup_keep_last``
backups are kept, plus the newest one of each of the last ``backup_keep_monthly``
calendar months (both are practice settings, see loyaldesk.core.practice).
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import logging
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from loyaldesk.core import cipher, dbapi, errors
from loyaldesk.core import db as _db
from loyaldesk.core.db import Database, translate_sqlite_error
from loyaldesk.core.i18n import CATALOG

log = logging.getLogger(__name__)

REASONS = ("open", "import", "migration", "restore", "manual", "replace")  # replace: before demo --force
DEFAULT_KEEP_LAST = 10
DEFAULT_KEEP_MONTHLY = 12

_NAME = re.compile(
    r"^(?P<prefix>.+)-(?P<date>\d{8})-(?P<time>\d{6})-(?P<reason>" + "|".join(REASONS) + r")(?:-(?P<n>\d+))?\.db$"
)
_TEMP_PREFIX = ".loyaldesk-backup-"
_TEMP_SUFFIX = ".tmp"
_SIDE_FILES = ("-journal", "-wal", "-shm")
_STEP_PAGES = 1024  # pages per backup step when progress is reported (4 MiB with 4 KiB pages)

CATALOG.update({
    "backup.failed": {
        "en": "The backup could not be made: {detail}. Nothing was changed.",
        "ja": "バックアップを作成できませんでした: {detail}。何も変更していません。",
    },
    "backup.disk_full": {
        "en": "The disk is full: the backup could not be written to {path}. Nothing was changed; "
        "free some space and try again.",
        "ja": "ディスクの空き容量がないため、{path} にバックアップを書き込めませんでした。何も変更していません。"
        "空き容量を確保してから、もう一度お試しください。",
    },
    "backup.folder_unwritable": {
        "en": "The backup folder {path} cannot be written to; no backup was made and nothing was changed.",
        "ja": "バックアップフォルダ {path} に書き込めないため、バックアップを作成できませんでした。何も変更していません。",
    },
    "backup.check_failed": {
        "en": "The copy of {path} did not pass the integrity check (the database may be damaged); "
        "no backup was kept and nothing was changed.",
        "ja": "{path} のコピーが整合性チェックに合格しませんでした（データベースが壊れている可能性があります）。"
        "バックアップは保存せず、何も変更していません。",
    },
    "backup.same_file": {
        "en": "{path} is the database itself; choose another file.",
        "ja": "{path} はデータベースそのものです。別のファイルを指定してください。",
    },
    "backup.out_is_folder": {
        "en": "{path} is a folder; give the name of the backup file to write.",
        "ja": "{path} はフォルダです。書き出すバックアップファイルの名前を指定してください。",
    },
    "backup.not_found": {
        "en": "Backup file not found: {path}",
        "ja": "バックアップファイルが見つかりません: {path}",
    },
    "backup.damaged": {
        "en": "{path} is damaged or is not a LoyalDesk backup; nothing was restored and the database was not changed.",
        "ja": "{path} は壊れているか、LoyalDesk のバックアップではありません。復元は行わず、データベースは変更していません。",
    },
    "backup.newer": {
        "en": "{path} was made by a newer version of LoyalDesk (schema {found}, this version knows up to {known}). "
        "Update LoyalDesk to restore it; the database was not changed.",
        "ja": "{path} は新しいバージョンの LoyalDesk で作成されています（スキーマ {found}、このバージョンは {known} まで）。"
        "復元するには LoyalDesk を更新してください。データベースは変更していません。",
    },
    "backup.restore_failed": {
        "en": "The backup could not be restored: {detail}. The database was not changed.",
        "ja": "バックアップを復元できませんでした: {detail}。データベースは変更していません。",
    },
    # command line
    "backup.created": {"en": "Backup written: {path}", "ja": "バックアップを作成しました: {path}"},
    "backup.restored": {
        "en": "Restored {backup} into {path}. The state before the restore was saved as {safety}.",
        "ja": "{backup} を {path} に復元しました。復元前の状態は {safety} に保存しました。",
    },
    "backup.restored_no_safety": {
        "en": "Restored {backup} into {path}.",
        "ja": "{backup} を {path} に復元しました。",
    },
})


# --- errors -----------------------------------------------------------------------------
class BackupError(errors.DatabaseError):
    """A backup could not be made; nothing was changed."""

    key = "backup.failed"


class BackupDiskFullError(BackupError, errors.DiskFullError):
    key = "backup.disk_full"


class BackupFolderError(BackupError):
    key = "backup.folder_unwritable"


class BackupCheckError(BackupError):
    """The fresh copy failed its integrity check: the source database is damaged."""

    key = "backup.check_failed"


class InvalidBackupError(errors.DatabaseError):
    """A file offered for restoring is missing, damaged or not a LoyalDesk backup."""

    key = "backup.damaged"


class NewerBackupError(InvalidBackupError, errors.NewerDatabaseError):
    key = "backup.newer"


class RestoreError(errors.DatabaseError):
    key = "backup.restore_failed"


# --- where and what ---------------------------------------------------------------------
@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: _dt.datetime
    reason: str | None  # one of REASONS; None for a file not named by LoyalDesk
    size_bytes: int
    clients: int | None  # None when the file cannot be read
    schema_version: int | None


def backup_folder(db_path: str | os.PathLike) -> Path:
    """The backup folder of one database: <backups>/<stem>-<8 hex of sha1(absolute path)>."""
    from loyaldesk import paths

    path = Path(db_path).expanduser()
    resolved = path.resolve()
    digest = hashlib.sha1(os.fsencode(str(resolved))).hexdigest()[:8]
    return paths.backup_dir() / f"{path.stem}-{digest}"


def parse_backup_name(name: str) -> tuple[_dt.datetime, str, int] | None:
    """(created, reason, counter) from a backup's file name, or None if it is not one."""
    match = _NAME.match(name)
    if not match:
        return None
    try:
        created = _dt.datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return created, match["reason"], int(match["n"] or 1)


def _backups_in(folder: Path) -> list[tuple[_dt.datetime, int, str, Path]]:
    """(created, counter, reason, path) of every backup in folder, newest first.

    Backups of the same second are ordered by their counter, then by modification time.
    """
    found = []
    order: dict[Path, tuple] = {}
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    for entry in entries:
        parsed = parse_backup_name(entry.name)
        if parsed is None or not entry.is_file():
            continue
        created, reason, counter = parsed
        try:
            mtime = entry.stat().st_mtime_ns
        except OSError:
            mtime = 0
        found.append((created, counter, reason, entry))
        order[entry] = (created, counter, mtime, entry.name)
    found.sort(key=lambda item: order[item[3]], reverse=True)
    return found


# --- creating ---------------------------------------------------------------------------
def create_backup(
    db: Database | str | os.PathLike,
    reason: str,
    *,
    out: str | os.PathLike | None = None,
    folder: str | os.PathLike | None = None,
    label: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Back up a database (an open `Database` or a path) and return the new file.

    `out` writes exactly there (no rotation). Otherwise the file goes to `folder`
    (default: backup_folder(db path)) as <label>-YYYYMMDD-HHMMSS-<reason>.db, `label`
    defaulting to the database's stem, and the folder is rotated with the practice's
    settings. `progress(fraction)` may raise to abort; nothing is left behind then.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    with _Source(db) as source:
        if out is not None:
            target = Path(out).expanduser()
            _refuse_same_file(target, source.path)
            if target.is_dir():
                raise BackupError("backup.out_is_folder", path=target)
            if not target.parent.is_dir():
                raise errors.DatabaseError("db.dir_not_found", path=target.parent)
            _copy_to(source, target.parent, lambda _folder: target, progress)
            log.info("backed up %s to %s", source.path, target)
            return target
        where = Path(folder).expanduser() if folder is not None else backup_folder(source.path)
        _make_folder(where)
        prefix = label or source.path.stem

        def final_name(directory: Path) -> Path:
            return _free_name(directory, prefix, reason)

        created = _copy_to(source, where, final_name, progress)
        keep_last, keep_monthly = source.retention()
    log.info("backed up %s to %s (%s)", source.path, created, reason)
    try:
        rotate(where, keep_last=keep_last, keep_monthly=keep_monthly, protect=(created,))
    except errors.LoyalDeskError:  # a failed clean-up never undoes a good backup
        log.exception("rotating %s", where)
    return created


def backup_on_open(db: Database, progress: Callable[[float], None] | None = None) -> Path | None:
    """The automatic backup when the app opens a database.

    Skipped (None) for a database without clients (e.g. brand new) and for a read-only
    one, which LoyalDesk cannot change.
    """
    if db.read_only:
        return None
    try:
        has_clients = bool(db.scalar("SELECT EXISTS (SELECT 1 FROM clients)"))
    except errors.LoyalDeskError:
        return None
    if not has_clients:
        return None
    return create_backup(db, "open", progress=progress)


class _Source:
    """The database to back up: an open Database, or a path opened here for reading."""

    def __init__(self, db: Database | str | os.PathLike) -> None:
        self._given = db
        self._own: sqlite3.Connection | None = None
        if isinstance(db, Database):
            self.path = Path(db.path)
        else:
            self.path = Path(db).expanduser()

    def __enter__(self) -> _Source:
        if isinstance(self._given, Database):
            self.conn = self._given.conn
            return self
        path = self.path
        if not path.exists():
            raise errors.DatabaseNotFoundError(path=path)
        if path.is_dir():
            raise errors.NotADatabaseError(path=path)
        if not os.access(path, os.R_OK):
            raise errors.DatabaseError("db.no_permission", path=path)
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        uri = f"{path.resolve().as_uri()}?mode={'rw' if writable else 'ro'}"
        try:
            if cipher.is_encrypted(path):
                conn = cipher.connect(path, read_only=not writable)
            else:
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
        except dbapi.Error as exc:
            raise translate_sqlite_error(exc, path) from exc
        self._own = conn
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            if _db._is_foreign(conn):
                raise errors.DatabaseError("db.foreign", path=path)
        except dbapi.Error as exc:
            self.close()
            raise translate_sqlite_error(exc, path) from exc
        except BaseException:
            self.close()
            raise
        self.conn = conn
        return self

    def retention(self) -> tuple[int, int]:
        """(keep_last, keep_monthly) from the practice settings; the defaults if unreadable."""
        from loyaldesk.core import practice

        defaults = practice.PracticeSettings()
        conn = self.conn
        old_factory = conn.row_factory
        try:
            conn.row_factory = cipher.row_class(conn)
            settings = practice.load(Database(conn, self.path))
        except (*dbapi.Error, errors.LoyalDeskError):
            return defaults.backup_keep_last, defaults.backup_keep_monthly
        finally:
            conn.row_factory = old_factory
        keep_last = settings.backup_keep_last
        keep_monthly = settings.backup_keep_monthly
        if not practice._int_in(keep_last, practice.BACKUP_KEEP_LAST_RANGE):
            keep_last = defaults.backup_keep_last
        if not practice._int_in(keep_monthly, practice.BACKUP_KEEP_MONTHLY_RANGE):
            keep_monthly = defaults.backup_keep_monthly
        return keep_last, keep_monthly

    def close(self) -> None:
        if self._own is not None:
            try:
                self._own.close()
            except dbapi.Error:  # pragma: no cover
                pass
            self._own = None

    def __exit__(self, *exc: object) -> None:
        self.close()


def _refuse_same_file(target: Path, db_path: Path) -> None:
    try:
        same = target.exists() and db_path.exists() and os.path.samefile(target, db_path)
    except OSError:
        same = False
    same = same or target.resolve() == db_path.resolve()
    if not same:
        for suffix in _SIDE_FILES:
            if target.resolve() == db_path.resolve().with_name(db_path.name + suffix):
                same = True
    if same:
        raise BackupError("backup.same_file", path=target)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # backups hold every client: the owner's only
        if os.name == "posix" and (folder.stat().st_mode & 0o777) != 0o700 and folder.parent.name == "backups":
            os.chmod(folder, 0o700)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    if not folder.is_dir():
        raise BackupFolderError(path=folder)


def _free_name(folder: Path, prefix: str, reason: str, now: _dt.datetime | None = None) -> Path:
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{prefix}-{stamp}-{reason}.db"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{prefix}-{stamp}-{reason}-{counter}.db"
        counter += 1
    return candidate


def _os_error(exc: OSError, path: Path) -> errors.LoyalDeskError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return BackupDiskFullError(path=path)
    if isinstance(exc, (PermissionError, FileExistsError, NotADirectoryError)) or exc.errno in (
        errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST,
    ):
        return BackupFolderError(path=path)
    return BackupError(detail=exc.strerror or str(exc))


def _backup_error(exc: Exception, source_path: Path, folder: Path) -> errors.LoyalDeskError:
    """A sqlite3 error during a backup: the source's problem, or the destination's."""
    text = str(exc).lower()
    if "disk is full" in text:
        return BackupDiskFullError(path=folder)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return BackupFolderError(path=folder)
    translated = translate_sqlite_error(exc, source_path)
    if type(translated) is errors.DatabaseError:
        return BackupError(detail=str(exc))
    return translated


def _remove_quietly(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        try:
            candidate.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - nothing more can be done
            log.warning("could not remove %s", candidate)


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _run_backup(src: sqlite3.Connection, dest: sqlite3.Connection, progress: Callable[[float], None] | None) -> None:
    """The copy itself (a seam for tests that simulate a failing disk)."""
    if progress is None:
        src.backup(dest)
        return

    def report(_status: int, remaining: int, total: int) -> None:
        progress((total - remaining) / total if total else 1.0)

    src.backup(dest, pages=_STEP_PAGES, progress=report)


def _copy_to(
    source: _Source,
    folder: Path,
    final_name: Callable[[Path], Path],
    progress: Callable[[float], None] | None,
) -> Path:
    """Online backup into a temp file in `folder`, check it, then rename it into place."""
    from loyaldesk.core.scratch import HeldTemp

    try:  # held by a lock while it is written: the next start removes it if this process is killed
        held = HeldTemp(folder, _TEMP_PREFIX, _TEMP_SUFFIX)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    tmp = held.path
    dest: sqlite3.Connection | None = None
    try:
        try:
            os.chmod(tmp, 0o600)
            if cipher.is_cipher_connection(source.conn):  # a protected practice: its backup has the same key
                dest = cipher.create_like(tmp, source.path, key=getattr(source, "key", None))
            else:
                dest = sqlite3.connect(tmp, isolation_level=None)
            _run_backup(source.conn, dest, progress)
            # A backup is one self-contained file: no -wal/-shm next to it when it is opened.
            dest.execute("PRAGMA journal_mode = DELETE").fetchone()
            check = dest.execute("PRAGMA integrity_check").fetchall()
            dest.close()
            dest = None
        except dbapi.Error as exc:
            raise _backup_error(exc, source.path, folder) from exc
        if [tuple(row) for row in check] != [("ok",)]:
            log.error("integrity check of the backup of %s: %s", source.path, check[:5])
            raise BackupCheckError(path=source.path)
        try:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            target = final_name(folder)
            os.replace(tmp, target)
        except OSError as exc:
            raise _os_error(exc, folder) from exc
    except BaseException:
        if dest is not None:
            try:
                dest.close()
            except dbapi.Error:  # pragma: no cover
                pass
        _remove_quietly(tmp)
        held.release()
        raise
    held.release()
    _fsync_dir(folder)
    return target


# --- rotation ---------------------------------------------------------------------------
def _month_back(day: _dt.datetime, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) - months
    return index // 12, index % 12 + 1


def rotate(
    folder: str | os.PathLike,
    keep_last: int = DEFAULT_KEEP_LAST,
    keep_monthly: int = DEFAULT_KEEP_MONTHLY,
    *,
    protect: Iterable[str | os.PathLike] = (),
    now: _dt.datetime | None = None,
) -> list[Path]:
    """Delete old backups in folder; return what was deleted.

    Kept: the newest `keep_last` backups, the newest backup of each of the last
    `keep_monthly` calendar months (this month included), and every path in `protect`.
    Only files named like backups are considered; stale temporary files are cleared.
    """
    folder = Path(folder)
    keep_last = max(1, int(keep_last))
    keep_monthly = max(0, int(keep_monthly))
    now = now or _dt.datetime.now()
    backups = _backups_in(folder)
    keep: set[Path] = {Path(p).resolve() for p in protect}
    for _created, _n, _reason, path in backups[:keep_last]:
        keep.add(path.resolve())
    months = {_month_back(now, i) for i in range(keep_monthly)}
    seen_months: set[tuple[int, int]] = set()
    for created, _n, _reason, path in backups:  # newest first: the first of a month is its newest
        month = (created.year, created.month)
        if month in months and month not in seen_months:
            seen_months.add(month)
            keep.add(path.resolve())
    deleted = []
    for _created, _n, _reason, path in backups:
        if path.resolve() in keep:
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not delete old backup %s: %s", path, exc)
            continue
        _remove_quietly(path)
        deleted.append(path)
        log.info("deleted old backup %s", path)
    _clear_stale_temps(folder)
    return deleted


def _clear_stale_temps(folder: Path) -> None:
    """Temporary backups no process is writing any more (a killed or crashed backup)."""
    from loyaldesk.core.scratch import clear_unheld

    for tmp in clear_unheld(folder, f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
        log.info("removed the unfinished backup %s", tmp)


# --- reading backups ----------------------------------------------------------------------
def _open_read_only(path: Path) -> sqlite3.Connection:
    """A backup file, read-only and treated as unchanging: no lock, no -wal/-shm created."""
    if cipher.is_encrypted(path):
        return cipher.connect(path, read_only=True, immutable=True)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)


def _read_info(path: Path, created: _dt.datetime, reason: str | None) -> BackupInfo:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    clients = schema = None
    try:
        conn = _open_read_only(path)
        try:
            schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
            clients = int(conn.execute("SELECT COUNT(*) FROM clients").fetchone()[0])
        finally:
            conn.close()
    except (*dbapi.Error, errors.DatabaseError):  # damaged, or protected by a passphrase not given
        clients = None
    return BackupInfo(path=path, created=created, reason=reason, size_bytes=size, clients=clients,
                      schema_version=schema)


def list_backups(db_path: str | os.PathLike, *, folder: str | os.PathLike | None = None) -> list[BackupInfo]:
    """The backups of a database, newest first, with their client counts."""
    where = Path(folder).expanduser() if folder is not None else backup_folder(db_path)
    return [_read_info(path, created, reason) for created, _n, reason, path in _backups_in(where)]


def protect_backups(db_path: str | os.PathLike, *, folder: str | os.PathLike | None = None) -> int:
    """After a practice is protected: encrypt its plain backups with the same key; return how many.

    A backup that cannot be read as a database is left alone (and logged).
    """
    where = Path(folder).expanduser() if folder is not None else backup_folder(db_path)
    done = 0
    for _created, _n, _reason, path in _backups_in(where):
        try:
            if cipher.protect_copy(path, like=db_path):
                done += 1
        except errors.LoyalDeskError:
            log.exception("could not protect the backup %s", path)
    return done


def rekey_backups(db_path: str | os.PathLike, new_passphrase: str, *,
                  folder: str | os.PathLike | None = None) -> int:
    """After a passphrase change: give the practice's protected backups the new passphrase too.

    Only backups that open with a passphrase known to this run are changed; returns how many.
    """
    where = Path(folder).expanduser() if folder is not None else backup_folder(db_path)
    done = 0
    for _created, _n, _reason, path in _backups_in(where):
        if not cipher.is_encrypted(path):
            continue
        try:
            cipher.rekey(path, new_passphrase)
            done += 1
        except errors.LoyalDeskError:
            log.warning("the backup %s keeps its earlier passphrase", path)
    return done


def check_backup(backup_path: str | os.PathLike) -> BackupInfo:
    """Check that a file can be restored: a sound LoyalDesk database this version understands."""
    path = Path(backup_path).expanduser()
    if not path.is_file():
        raise InvalidBackupError("backup.not_found", path=path)
    try:
        conn = _open_read_only(path)
    except dbapi.Error as exc:
        raise InvalidBackupError(path=path) from exc
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in check] != [("ok",)]:
            raise InvalidBackupError(path=path)
        if _db._is_foreign(conn):
            raise InvalidBackupError(path=path)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version > _db.LATEST_VERSION:
            raise NewerBackupError(path=path, found=version, known=_db.LATEST_VERSION)
        if version < 1 or "clients" not in names:
            raise InvalidBackupError(path=path)
        clients = int(conn.execute("SELECT COUNT(*) FROM clients").fetchone()[0])
    except dbapi.Error as exc:
        raise InvalidBackupError(path=path) from exc
    finally:
        conn.close()
    parsed = parse_backup_name(path.name)
    if parsed is not None:
        created, reason = parsed[0], parsed[1]
    else:
        created, reason = _dt.datetime.fromtimestamp(path.stat().st_mtime), None
    return BackupInfo(path=path, created=created, reason=reason, size_bytes=path.stat().st_size,
                      clients=clients, schema_version=version)


# --- restoring ----------------------------------------------------------------------------
def restore_backup(
    db_path: str | os.PathLike,
    backup_path: str | os.PathLike,
    *,
    folder: str | os.PathLike | None = None,
) -> Path | None:
    """Replace the database at db_path with a backup; return the safety backup made first.

    The backup is checked first (sound, LoyalDesk, not from a newer version); then the
    current state is backed up (reason 'restore'; None only when there was no database
    yet) and the backup is copied into the live file with the online backup API, in one
    transaction. The caller must have closed its own connections to db_path.
    """
    db_path = Path(db_path).expanduser()
    backup = Path(backup_path).expanduser()
    _refuse_same_file(backup, db_path)
    info = check_backup(backup)
    if db_path.exists():
        if db_path.is_dir():
            raise errors.NotADatabaseError(path=db_path)
        if not (os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK)):
            raise errors.ReadOnlyDatabaseError(path=db_path)
    elif not db_path.parent.is_dir():
        raise errors.DatabaseError("db.dir_not_found", path=db_path.parent)
    where = Path(folder).expanduser() if folder is not None else backup_folder(db_path)
    # The live file is locked (exclusively) from before the safety backup until the copy is done: a
    # writer that comes in between waits and then writes into the restored practice; it never writes
    # a change that the safety backup misses and the copy then overwrites.
    if not db_path.exists():
        _replace_file(backup, db_path)
        log.info("restored %s into %s (no database there before)", backup, db_path)
        return None
    # Nothing reads the live file outside SQLite while the lock is held: closing a descriptor of the
    # file would drop this process's lock on it (POSIX). Its header (protected or not, the salt of a
    # protected one's key) is read once, before.
    with cipher.header_pinned(db_path):
        safety = _restore_locked(db_path, backup, info, where)
    log.info("restored %s into %s (safety backup %s)", backup, db_path, safety)
    try:
        with _Source(db_path) as source:
            keep_last, keep_monthly = source.retention()
        rotate(where, keep_last=keep_last, keep_monthly=keep_monthly, protect=[safety, backup])
    except errors.LoyalDeskError:
        log.exception("rotating %s after a restore", where)
    return safety


def _restore_locked(db_path: Path, backup: Path, info: BackupInfo, where: Path) -> Path:
    """The safety backup and the copy, with the live file locked from before the one to after the other."""
    same_protection = cipher.is_encrypted(backup) == cipher.is_encrypted(db_path)
    key = None
    if cipher.is_encrypted(db_path):
        key = cipher.key_of(db_path)
        if key is None:  # the passphrase is asked for before anything is changed
            cipher.connect(db_path).close()
    live = _lock_live(db_path)
    try:
        safety, damaged = _safety_backup(db_path, where, live, key)
        if damaged or not same_protection:
            # (a protected backup into a plain file, or the reverse: the file becomes the backup, key and all)
            _replace_file(backup, db_path)
        else:
            _copy_into_live(backup, db_path, info, live)
    finally:
        if live is not None:
            try:
                live.close()
            except dbapi.Error:  # pragma: no cover
                pass
    return safety


def _connect_live(db_path: Path) -> sqlite3.Connection:
    """A connection to the live file, out of WAL (this needs every other connection closed): a copy
    into it then also takes the backup's page size, and no stale -wal is left. open_database turns WAL
    back on."""
    if cipher.is_encrypted(db_path):  # both protected: the live file keeps its own passphrase
        dest = cipher.connect(db_path)
    else:
        dest = sqlite3.connect(db_path, isolation_level=None, timeout=5.0)
    try:
        dest.execute("PRAGMA busy_timeout = 5000")
        mode = dest.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise errors.DatabaseLockedError(path=db_path)
    except BaseException:
        dest.close()
        raise
    return dest


def _lock_live(db_path: Path) -> sqlite3.Connection | None:
    """The live file held with an exclusive lock until the connection closes (no other connection
    reads or writes it meanwhile: they wait, then see the restored practice); None when SQLite
    cannot open the file (damaged: it is then copied aside byte for byte and replaced)."""
    try:
        conn = _connect_live(db_path)
    except dbapi.Error as exc:
        translated = translate_sqlite_error(exc, db_path)
        if isinstance(translated, errors.DatabaseLockedError):
            raise translated from exc
        return None
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE").fetchone()
        # Waits (busy_timeout) for a writer already at work; in exclusive locking mode the lock is kept
        # after the commit, until the connection closes.
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except dbapi.Error as exc:
        conn.close()
        translated = translate_sqlite_error(exc, db_path)
        if isinstance(translated, errors.DatabaseLockedError):
            raise translated from exc
        return None
    return conn


def _copy_into_live(backup: Path, db_path: Path, info: BackupInfo, live: sqlite3.Connection | None = None) -> None:
    """The online backup API into the live file, in one transaction: all or nothing. `live`: the
    connection holding the file's exclusive lock (_lock_live), kept open by the caller."""
    src = dest = None
    try:
        src = _open_read_only(backup)
        dest = live if live is not None else _connect_live(db_path)
        src.backup(dest)
        dest.execute("PRAGMA locking_mode = NORMAL").fetchone()  # released when the next statement ends
        dest.execute("PRAGMA journal_mode = WAL").fetchone()
        restored_version = int(dest.execute("PRAGMA user_version").fetchone()[0])
        if restored_version != info.schema_version:  # pragma: no cover - the copy is exact
            raise RestoreError(detail=f"schema {restored_version} != {info.schema_version}")
    except dbapi.Error as exc:
        translated = translate_sqlite_error(exc, db_path)
        if type(translated) is errors.DatabaseError:
            translated = RestoreError(detail=str(exc))
        raise translated from exc
    finally:
        for conn in (None if dest is live else dest, src):
            if conn is not None:
                try:
                    conn.close()
                except dbapi.Error:  # pragma: no cover
                    pass


class _BackupSource:
    """A backup file as the source of _copy_to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = _open_read_only(path)


def _replace_file(backup: Path, db_path: Path) -> None:
    """No usable live file (missing, or damaged and already copied aside): write a new one.

    A checked copy is made next to it and renamed over it; the old file's -wal/-shm
    (copied aside with it) must go, or SQLite would replay them into the new file.
    """
    try:
        source = _BackupSource(backup)
    except dbapi.Error as exc:
        raise InvalidBackupError(path=backup) from exc
    try:
        _copy_to(source, db_path.parent, lambda _folder: db_path, None)
    finally:
        source.conn.close()
    for suffix in _SIDE_FILES:
        try:
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
            raise RestoreError(detail=exc.strerror or str(exc)) from exc


def _is_foreign_quietly(conn: sqlite3.Connection) -> bool:
    try:
        return _db._is_foreign(conn)
    except dbapi.Error:  # unreadable: the damaged path copies it aside byte for byte
        return False


def _safety_backup(db_path: Path, folder: Path, live: sqlite3.Connection | None = None,
                   key: bytes | None = None) -> tuple[Path, bool]:
    """Back up the current state before a restore: (path, damaged). `live`: the connection holding
    the file's exclusive lock (the backup is read through it); `key`: a protected file's key, found
    before the lock (no other connection can open the file to try keys while it is held).

    A damaged database cannot be copied with SQLite; it is copied aside byte for byte
    (with its -wal), so that nothing is lost either way.
    """
    _make_folder(folder)
    if live is not None and _is_foreign_quietly(live):  # as _Source refuses a foreign file it opens
        raise errors.DatabaseError("db.foreign", path=db_path)
    try:
        with _Source(Database(live, db_path) if live is not None else db_path) as source:
            source.key = key
            return _copy_to(source, folder, lambda d: _free_name(d, db_path.stem, "restore"), None), False
    except (errors.NotADatabaseError, BackupCheckError):
        log.warning("%s is damaged; copying it aside byte for byte before the restore", db_path)
    target = _free_name(folder, db_path.stem, "restore")
    written: list[Path] = []
    try:
        for suffix in ("", "-wal"):
            src = db_path.with_name(db_path.name + suffix)
            if suffix and not src.exists():
                continue
            dst = target.with_name(target.name + suffix)
            shutil.copyfile(src, dst)
            os.chmod(dst, 0o600)
            written.append(dst)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise _os_error(exc, folder) from exc
    return target, True
