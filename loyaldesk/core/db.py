"""Opening a LoyalDesk database: checks, pragmas, migrations, and error translation.

One connection per thread: the GUI thread owns one, background work opens its own.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from loyaldesk.core import cipher, dbapi, errors
from loyaldesk.core.migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000  # sqlite's own wait for a lock held by another connection
BUSY_NOTICE_MS = 1000  # with Database.on_busy: the user is told after this long ...
BUSY_WAIT_MS = 120_000  # ... and the write waits this long before giving up
BUSY_STEP_MS = 250  # ... asking again this often (a cancelled wait stops within this time)


def translate_sqlite_error(exc: sqlite3.Error, path: Path | str) -> errors.LoyalDeskError:
    """Turn a sqlite3 error into a typed error with a message the user understands."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return errors.DatabaseLockedError(path=path)
    if "readonly" in text or "read-only" in text:
        return read_only_error(Path(path))
    if "disk is full" in text or "disk or disk is full" in text or "database or disk is full" in text:
        return errors.DiskFullError()
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return errors.NotADatabaseError(path=path)
    if "unable to open" in text:
        if not os.access(Path(path).parent, os.W_OK):
            return read_only_error(Path(path))
        return errors.DatabaseError("db.no_permission", path=path)
    return errors.DatabaseError("db.error", detail=str(exc))


class Database:
    """A connection to one LoyalDesk file. Use `transaction()` for every write."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool = False,
                 read_only_reason: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        # why it is read-only: "file" (the file cannot be written), "folder" (its folder cannot be
        # written: sqlite needs it for the journal) or "disk" (a read-only file system)
        self.read_only_reason = read_only_reason or ("file" if read_only else None)
        self._depth = 0
        self.on_busy: Callable[[], None] | None = None  # called once when a write has to wait for another writer
        self.wait_cancelled: Callable[[], bool] | None = None  # with on_busy: True stops the wait (locked error)
        self.upgrade_problems: list[str] = []  # what the upgrade done by opening found (letter templates)

    # --- reading -------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | dict = (), *, plain: bool = False) -> list:
        """Rows as sqlite3.Row, or as plain tuples (faster for large results) with plain=True."""
        try:
            cursor = self.conn.cursor()
            if plain:
                cursor.row_factory = None
            return cursor.execute(sql, params).fetchall()
        except dbapi.OperationalError as exc:
            raise translate_sqlite_error(exc, self.path) from exc

    def query_one(self, sql: str, params: Sequence[Any] | dict = ()) -> sqlite3.Row | None:
        try:
            return self.conn.execute(sql, params).fetchone()
        except dbapi.OperationalError as exc:
            raise translate_sqlite_error(exc, self.path) from exc

    def scalar(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        row = self.query_one(sql, params)
        return None if row is None else row[0]

    # --- writing -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write. Nested calls join the outer transaction. A file opened read-only
        refuses it with the reason (ReadOnlyDatabaseError) before anything is done."""
        if self.read_only:
            raise read_only_error(self.path, self.read_only_reason)
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self._begin()
        except dbapi.Error as exc:
            raise translate_sqlite_error(exc, self.path) from exc
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            try:
                self.conn.execute("ROLLBACK")
            except dbapi.Error:  # the transaction may already be gone (e.g. disk full)
                pass
            if isinstance(exc, dbapi.IntegrityError):
                raise errors.DatabaseError("db.error", detail=str(exc)) from exc
            if isinstance(exc, dbapi.Error):
                raise translate_sqlite_error(exc, self.path) from exc
            raise
        else:
            self._depth = 0
            try:
                self.conn.execute("COMMIT")
            except dbapi.Error as exc:
                try:
                    self.conn.execute("ROLLBACK")
                except dbapi.Error:
                    pass
                raise translate_sqlite_error(exc, self.path) from exc

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: the write lock is taken before anything is read, so one writer's decisions are
        made on data no other writer changes meanwhile. With on_busy set, a writer that finds the file
        locked is told after BUSY_NOTICE_MS and waits up to BUSY_WAIT_MS; else sqlite's busy timeout."""
        if self.on_busy is None:
            self.conn.execute("BEGIN IMMEDIATE")
            return
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_NOTICE_MS}")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except dbapi.OperationalError as exc:
                if not isinstance(translate_sqlite_error(exc, self.path), errors.DatabaseLockedError):
                    raise
                self.on_busy()
                self._wait_to_begin()
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _wait_to_begin(self) -> None:
        """BEGIN IMMEDIATE again and again (a short busy timeout each time) until the other writer is done,
        BUSY_WAIT_MS have passed or wait_cancelled says stop (then the locked error)."""
        import time

        deadline = time.monotonic() + BUSY_WAIT_MS / 1000
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_STEP_MS}")
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except dbapi.OperationalError as exc:
                if not isinstance(translate_sqlite_error(exc, self.path), errors.DatabaseLockedError):
                    raise
                if time.monotonic() >= deadline or (self.wait_cancelled is not None and self.wait_cancelled()):
                    raise

    def change_mark(self) -> tuple[int, int]:
        """Changes by other connections (data_version) and by this one (total_changes): the mark differs
        when anything was committed to the file since it was taken."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0]), self.conn.total_changes

    @property
    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def sqlite_utils(self):  # -> sqlite_utils.Database (imported lazily: commands start fast)
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        try:
            self.conn.close()
        except dbapi.Error:  # pragma: no cover - closing never matters to the user
            log.exception("closing %s", self.path)
        if getattr(self, "checked", False) and not self.read_only:
            # it passed the damage check when opened, and what changed since is this connection's own
            # writes: the next command need not check it again (only a change by another program)
            _remember_checked(self.path, _file_state(self.path))

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_only_reason(path: Path) -> str:
    """Why a file cannot be written: "disk" (a read-only file system), "file" or "folder"."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return "disk"
    except (AttributeError, OSError):  # no statvfs (Windows): the file or the folder
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return "file"
    return "folder"


def read_only_error(path: Path, reason: str | None = None) -> errors.ReadOnlyDatabaseError:
    """The refusal of a write into a read-only practice, with the reason in the user's words."""
    reason = reason or read_only_reason(path)
    key = {"disk": "db.readonly_disk", "folder": "db.readonly_folder"}.get(reason, "db.readonly")
    return errors.ReadOnlyDatabaseError(key, path=path, folder=path.parent)


def _unsaved_wal(path: Path) -> bool:
    """A -wal file with pages not yet copied into the file, and no -shm to read it with."""
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    try:
        return wal.stat().st_size > 0 and not shm.exists()
    except OSError:
        return False


def _connect(path: Path, writable: bool) -> sqlite3.Connection:
    """A connection to the file: read-write, or read-only when it cannot be written.

    A WAL file in a folder that cannot be written (or on a read-only disk) cannot be opened with
    mode=ro alone when its -shm file is missing (sqlite would have to create it): it is then opened
    as immutable, which reads the file as it is without any lock or side file. That is refused only
    when a -wal file holds changes not yet in the file (immutable would not see them)."""
    encrypted = cipher.is_encrypted(path)  # a passphrase-protected file: SQLCipher, with a key known to this run

    def make(immutable: bool = False):
        if encrypted:
            return cipher.connect(path, read_only=not writable, immutable=immutable)
        if writable:
            return sqlite3.connect(path, isolation_level=None, timeout=5.0)
        query = "mode=ro&immutable=1" if immutable else "mode=ro"
        return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None, timeout=5.0)

    if writable:
        return make()
    conn = None
    try:
        conn = make()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the first read opens the WAL index
        return conn
    except dbapi.OperationalError as exc:
        if conn is not None:
            conn.close()
        if "unable to open" not in str(exc).lower() or os.access(path.parent, os.W_OK) and \
                read_only_reason(path) != "disk":
            raise
        if _unsaved_wal(path):
            raise errors.ReadOnlyDatabaseError("db.readonly_unsaved", path=path, folder=path.parent) from exc
        log.info("%s: read-only folder, opened as immutable", path)
        return make(immutable=True)


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (0600 on POSIX)."""
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY
    fd = os.open(path, flags, 0o600)
    os.close(fd)


def _is_foreign(conn: sqlite3.Connection) -> bool:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return False
    if app_id != 0:
        return True
    # An unmarked file: foreign if it has tables we did not create.
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return bool(names) and "clients" not in names


def open_database(
    path: str | os.PathLike,
    *,
    create: bool = True,
    migrate: bool = True,
    backup_dir: Path | None = None,
) -> Database:
    """Open (and create or upgrade) a LoyalDesk database.

    Raises a typed error for every case the user can cause: missing file (when
    create is False), a file that is not a database, a newer schema, a locked file.
    """
    path = Path(path).expanduser()
    created = False
    if not path.exists():
        if not create:
            raise errors.DatabaseNotFoundError(path=path)
        if not path.parent.is_dir():
            raise errors.DatabaseError("db.dir_not_found", path=path.parent)
        try:
            _create_private_file(path)
        except PermissionError as exc:
            raise errors.ReadOnlyDatabaseError(path=path) from exc
        except OSError as exc:
            raise errors.DatabaseError("db.error", detail=exc.strerror or str(exc)) from exc
        created = True
    elif path.is_dir():
        raise errors.NotADatabaseError(path=path)
    elif not create and path.stat().st_size == 0:  # a read never turns an empty file into a practice
        raise errors.DatabaseError("db.not_a_practice", path=path)

    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if not os.access(path, os.R_OK):
        raise errors.DatabaseError("db.no_permission", path=path)
    try:
        conn = _connect(path, writable)
    except dbapi.Error as exc:
        raise translate_sqlite_error(exc, path) from exc
    conn.row_factory = cipher.row_class(conn)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if _is_foreign(conn):
            raise errors.DatabaseError("db.foreign", path=path)
        if version > LATEST_VERSION:
            raise errors.NewerDatabaseError(path=path, found=version, known=LATEST_VERSION)
        if not create and not created and version == 0 and not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clients'").fetchone():
            raise errors.DatabaseError("db.not_a_practice", path=path)
        if _check_on_open:
            check_integrity(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if writable:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("journal mode is %s, not WAL", mode)
            conn.execute("PRAGMA synchronous = NORMAL")
        db = Database(conn, path, read_only=not writable, read_only_reason=None if writable else read_only_reason(path))
        db.checked = _check_on_open
        if migrate and version < LATEST_VERSION:
            if not writable:
                raise read_only_error(path, db.read_only_reason)
            if version > 0 and not created:
                _backup_before_upgrade(db, version, backup_dir)
            _apply_migrations(db, version)
            if version > 0 and not created:
                _check_after_upgrade(db)
    except errors.LoyalDeskError:
        conn.close()
        raise
    except dbapi.Error as exc:
        conn.close()
        raise translate_sqlite_error(exc, path) from exc
    return db


_check_on_open = False  # the command line checks a file for damage before answering (set_integrity_check)
_upgrade_reporter: Callable[[str], None] | None = None  # told what an upgrade found (set_upgrade_reporter)


def set_upgrade_reporter(report: Callable[[str], None] | None) -> None:
    """Who is told, line by line, what an upgrade of a file found wrong in it (the command line prints it
    on stderr; the app keeps Database.upgrade_problems and shows them)."""
    global _upgrade_reporter
    _upgrade_reporter = report


def _check_after_upgrade(db: Database) -> None:
    """After the migrations: the stored letter templates checked against today's limits, the same check
    as on save and on an archive's import; each that fails is reported (db.upgrade_problems)."""
    from loyaldesk.core.letters.templates import stored_template_problems

    db.upgrade_problems = stored_template_problems(db)
    for line in db.upgrade_problems:
        log.warning("%s", line)
        if _upgrade_reporter is not None:
            _upgrade_reporter(line)


def set_integrity_check(on: bool) -> None:
    """Check every file opened from now on with PRAGMA quick_check (once per change of the file)."""
    global _check_on_open
    _check_on_open = on


def _file_state(path: Path) -> str:
    parts = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            st = p.stat()
        except OSError:
            st = None
        # an empty WAL holds nothing: this very connection may just have created it (a new
        # mtime at every open would make every open check the file again)
        parts.append("-" if st is None or (p is not path and st.st_size == 0) else f"{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def check_integrity(conn, path: Path) -> None:
    """PRAGMA quick_check, unless the file has not changed since it last passed (it takes about 0.3 s at
    10,000 clients). A damaged file raises DatabaseError naming the latest good backup."""
    import hashlib
    import json

    from loyaldesk import paths

    record = paths.data_dir() / "checked.json"
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:32]
    state = _file_state(path)
    try:
        known = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if not isinstance(known, dict):
        known = {}
    if known.get(key) == state:
        return
    try:
        result = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    except dbapi.DatabaseError as exc:
        result = [str(exc)]
    if result != ["ok"]:
        raise damaged_error(path, "; ".join(result)[:200])
    _remember_checked(path, state, known)


def _remember_checked(path: Path, state: str, known: dict | None = None) -> None:
    import hashlib
    import json

    from loyaldesk import paths

    record = paths.data_dir() / "checked.json"
    if known is None:
        try:
            known = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        if not isinstance(known, dict):
            known = {}
    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:32]
    if known.get(key) == state:
        return  # already known: the record is not written again
    known[key] = state
    try:
        record.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = record.with_name(record.name + ".tmp")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, record)
    except OSError:  # the check is remembered another time
        pass


def damaged_error(path: Path, detail: str) -> errors.DatabaseError:
    """The message for a damaged practice: the latest backup that passes its own check, and how to restore it."""
    from loyaldesk.core import backup

    for info in backup.list_backups(path):
        try:
            backup.check_backup(info.path)
        except errors.LoyalDeskError:
            continue
        return errors.DatabaseError("db.damaged", path=path, detail=detail, backup=info.path)
    return errors.DatabaseError("db.damaged_no_backup", path=path, detail=detail)


def _apply_migrations(db: Database, current: int) -> None:
    for migration in MIGRATIONS:
        if migration.number <= current:
            continue
        log.info("applying migration %d: %s", migration.number, migration.title)
        with db.transaction() as conn:
            migration.apply(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {migration.number}")


def _backup_before_upgrade(db: Database, version: int, backup_dir: Path | None) -> Path:
    """Back the database up before changing its schema (a failing backup stops the upgrade).

    The copy is named <stem>-schema<version>-YYYYMMDD-HHMMSS-migration.db, in backup_dir
    or else in the database's own backup folder (see loyaldesk.core.backup).
    """
    from loyaldesk.core import backup

    target = backup.create_backup(db, "migration", folder=backup_dir, label=f"{db.path.stem}-schema{version}")
    log.info("backed up %s to %s before upgrading", db.path, target)
    return target
