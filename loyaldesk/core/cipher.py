"""Passphrase-protected practice files: SQLCipher 4, behind the same open_database().

A protected file is a standard SQLCipher 4 database (AES-256 pages, HMAC-SHA512 per page,
key from the passphrase by PBKDF2-HMAC-SHA512 with 256,000 iterations and the 16-byte salt
that starts the file: SQLCipher's defaults). It has no "SQLite format 3" header: that is how
it is told apart from a plain file, which is opened with Python's sqlite3 exactly as before.

The key is derived here with the same KDF (hashlib) and handed to SQLCipher as a raw key,
so it is derived once per file and passphrase and every later connection (a background
worker's, a backup's) opens at once. Passphrases and keys live in this process's memory
only: nothing here writes them anywhere.

The driver is the `sqlcipher3` module, from the `sqlcipher3-wheels` distribution (wheels for
Linux, Windows and macOS); `sqlcipher3-binary` (Linux only) and `sqlcipher3` (built against
a system SQLCipher) provide the same module (docs/security.md). It is imported only when a
protected file is met, so commands on plain files start without it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from loyaldesk.core import dbapi, errors
from loyaldesk.core.i18n import CATALOG

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
KDF_ITERATIONS = 256_000  # SQLCipher 4's default (PBKDF2-HMAC-SHA512)
KEY_BYTES = 32
SALT_BYTES = 16
MIN_PASSPHRASE = 8
_SIDE_FILES = ("-wal", "-shm", "-journal")

CATALOG.update({
    "cipher.unavailable": {
        "en": "Passphrase protection needs SQLCipher, which is not installed with this copy of LoyalDesk "
        "(pip install sqlcipher3-wheels).",
        "ja": "パスフレーズによる保護には SQLCipher が必要ですが、この LoyalDesk には入っていません"
        "（pip install sqlcipher3-wheels）。",
    },
    "cipher.already_protected": {
        "en": "{path} is already protected by a passphrase.",
        "ja": "{path} はすでにパスフレーズで保護されています。",
    },
    "cipher.not_protected": {
        "en": "{path} is not protected by a passphrase.",
        "ja": "{path} はパスフレーズで保護されていません。",
    },
    "cipher.too_short": {
        "en": "The passphrase must have at least {n} characters.",
        "ja": "パスフレーズは {n}文字以上にしてください。",
    },
    "cipher.mismatch": {
        "en": "The two passphrases differ; nothing was changed.",
        "ja": "2回入力したパスフレーズが一致しません。何も変更していません。",
    },
    "cipher.check_failed": {
        "en": "The protected copy of {path} did not match the original; nothing was changed.",
        "ja": "{path} の保護したコピーが元のファイルと一致しなかったため、何も変更していません。",
    },
    "cipher.out_exists": {
        "en": "{path} already exists; choose a new file name.",
        "ja": "{path} はすでに存在します。新しいファイル名を指定してください。",
    },
    "cipher.failed": {
        "en": "The practice file could not be changed: {detail}. Nothing was changed.",
        "ja": "顧客ファイルを変更できませんでした: {detail}。何も変更していません。",
    },
})

_lock = threading.Lock()
_passphrases: list[str] = []  # known in this run, newest first
_keys: dict[bytes, list[bytes]] = {}  # salt -> raw keys that opened a file with this salt, newest first
_derived: dict[tuple[bytes, str], bytes] = {}  # (salt, passphrase) -> raw key
_passphrase_of_key: dict[bytes, str] = {}  # raw key -> the passphrase it came from


# --- the driver ---------------------------------------------------------------------------------
def driver():
    """SQLCipher's DB-API module (raises a LoyalDeskError when it is not installed)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise errors.LoyalDeskError("cipher.unavailable") from exc
    return dbapi2


def available() -> bool:
    try:
        driver()
    except errors.LoyalDeskError:
        return False
    return True


def is_cipher_connection(conn) -> bool:
    module = sys.modules.get(dbapi.CIPHER_MODULE)
    return module is not None and isinstance(conn, module.Connection)


def row_class(conn):
    """The Row factory that fits the connection's driver (sqlite3.Row for a plain file)."""
    if is_cipher_connection(conn):
        return sys.modules[dbapi.CIPHER_MODULE].Row
    import sqlite3

    return sqlite3.Row


# --- passphrases and keys (memory only) -----------------------------------------------------------
def remember(passphrase: str) -> None:
    """Make a passphrase known to this run: protected files are opened with it from now on."""
    if not passphrase:
        return
    with _lock:
        if passphrase in _passphrases:
            _passphrases.remove(passphrase)
        _passphrases.insert(0, passphrase)


def known_passphrases() -> list[str]:
    """The passphrases given in this run, newest first (to open a protected archive)."""
    return list(_passphrases)


def has_passphrase() -> bool:
    return bool(_passphrases)


def forget_all() -> None:
    """Forget every passphrase and key of this run."""
    with _lock:
        _passphrases.clear()
        _keys.clear()
        _derived.clear()
        _passphrase_of_key.clear()


def derive(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's default key derivation: PBKDF2-HMAC-SHA512, 256,000 iterations, 32 bytes."""
    known = _derived.get((salt, passphrase))
    if known is not None:
        return known
    import hashlib  # (here: a command on a plain file never needs it)

    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES)
    with _lock:
        _derived[(salt, passphrase)] = key
        _passphrase_of_key[key] = passphrase
    return key


def _learn(salt: bytes, key: bytes, passphrase: str | None) -> None:
    with _lock:
        keys = _keys.setdefault(salt, [])
        if key in keys:
            keys.remove(key)
        keys.insert(0, key)
        if passphrase is not None:
            _passphrase_of_key[key] = passphrase


def _candidates(salt: bytes) -> Iterator[bytes]:
    """Raw keys to try on a file with this salt: those known to work first, then each passphrase's."""
    seen: list[bytes] = []
    for key in list(_keys.get(salt, ())):
        seen.append(key)
        yield key
    for passphrase in list(_passphrases):
        key = derive(passphrase, salt)  # derived once per salt and passphrase
        if key not in seen:
            seen.append(key)
            yield key


def check_passphrase(passphrase: str, *, confirm: str | None = None) -> None:
    """A new passphrase: long enough (and typed the same twice when confirm is given)."""
    if confirm is not None and confirm != passphrase:
        raise errors.ValidationError("cipher.mismatch", field="passphrase")
    if len(passphrase) < MIN_PASSPHRASE:
        raise errors.ValidationError("cipher.too_short", field="passphrase", n=MIN_PASSPHRASE)


# --- recognising a protected file ---------------------------------------------------------------------
_pinned: dict[str, bytes] = {}  # path -> its first 16 bytes, while a restore holds the file's lock


@contextmanager
def header_pinned(path: str | os.PathLike):
    """Read the file's first 16 bytes now and answer from them inside the block. Closing a descriptor
    of a file drops every POSIX lock this process holds on it, so a restore that holds the practice's
    lock must not open the file again (is_encrypted, salt_of) until it lets go."""
    key = str(Path(path))
    _pinned[key] = _head(Path(path))
    try:
        yield
    finally:
        _pinned.pop(key, None)


def _head(path: Path) -> bytes:
    pinned = _pinned.get(str(path))
    if pinned is not None:
        return pinned
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER))
    except OSError:
        return b""


def is_encrypted(path: str | os.PathLike) -> bool:
    """A SQLCipher file: whole pages (a multiple of 512 bytes) and no SQLite header.

    Only the first 16 bytes are read (the salt, not secret). An empty or missing file, a plain
    database and a text file are not encrypted.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return False
    if size < 512 or size % 512 or not path.is_file():
        return False
    head = _head(path)
    return len(head) == SALT_BYTES and head != SQLITE_HEADER


def salt_of(path: str | os.PathLike) -> bytes:
    return _head(Path(path))


def key_of(path: str | os.PathLike) -> bytes | None:
    """The raw key that opens this protected file, among those that opened a file of its salt in this
    run (None if none does). Backups share the practice's salt; after a passphrase change an older
    backup may still hold the earlier key, so each candidate is tried on the file itself."""
    path = Path(path)
    for key in list(_keys.get(salt_of(path), ())):
        try:
            conn = _with_key(path, key, read_only=True)
        except dbapi.Error:
            continue
        if conn is not None:
            conn.close()
            return key
    return None


def passphrase_of(path: str | os.PathLike) -> str | None:
    """The passphrase that opened this protected file in this run (for its archives)."""
    key = key_of(path)
    if key is None:
        return None
    return _passphrase_of_key.get(key)


def _key_literal(key: bytes, salt: bytes | None = None) -> str:
    return f"x'{key.hex()}{salt.hex() if salt else ''}'"


# --- connections ------------------------------------------------------------------------------------------
def _uri(path: Path, read_only: bool, immutable: bool) -> str:
    query = "mode=ro" if read_only else "mode=rw"
    if immutable:
        query += "&immutable=1"
    return f"{path.resolve().as_uri()}?{query}"


def connect(path: str | os.PathLike, *, read_only: bool = False, immutable: bool = False,
            timeout: float = 5.0):
    """A connection to a protected file, opened with a key known to this run.

    Raises PassphraseRequiredError when no passphrase is known, WrongPassphraseError when
    none of them opens the file. Nothing but the salt is read before the key is set.
    """
    path = Path(path)
    salt = salt_of(path)
    tried = False
    for key in _candidates(salt):
        tried = True
        conn = _with_key(path, key, read_only=read_only, immutable=immutable, timeout=timeout)
        if conn is not None:
            _learn(salt, key, None)
            return conn
    if tried:
        raise errors.WrongPassphraseError(path=path)
    raise errors.PassphraseRequiredError(path=path)


def _with_key(path: Path, key: bytes, *, read_only: bool = False, immutable: bool = False, timeout: float = 5.0):
    """A connection opened with this raw key, or None when the key does not open the file."""
    drv = driver()
    conn = drv.connect(_uri(path, read_only, immutable), uri=True, isolation_level=None, timeout=timeout)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log line
        conn.execute(f'PRAGMA key = "{_key_literal(key)}"')
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")  # sorts and temporary tables never reach a plain temp file
    except drv.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc).lower():
            return None
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def unlock(path: str | os.PathLike, passphrase: str) -> None:
    """Check a passphrase typed for this protected file; remember it when it opens the file.

    Raises WrongPassphraseError (and remembers nothing) when it does not.
    """
    path = Path(path)
    salt = salt_of(path)
    key = derive(passphrase, salt)
    try:
        conn = _with_key(path, key, read_only=True)
    except dbapi.Error as exc:
        raise _failure(exc, path) from exc
    if conn is None:
        raise errors.WrongPassphraseError(path=path)
    conn.close()
    _learn(salt, key, passphrase)
    remember(passphrase)


def create_like(dest: str | os.PathLike, source: str | os.PathLike, *, timeout: float = 5.0,
                key: bytes | None = None):
    """A new, empty protected file at dest with the same key as the (opened) file source.

    Used for backups: a backup of a protected practice opens with the same passphrase. `key`: the
    source's key when the caller knows it (a restore holding the source's lock, where no other
    connection may open it to try the keys).
    """
    salt = salt_of(source)
    key = key if key is not None else key_of(source)
    if key is None:
        raise errors.PassphraseRequiredError(path=source)
    conn = driver().connect(str(dest), isolation_level=None, timeout=timeout)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{_key_literal(key, salt)}"')
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


# --- protecting, unprotecting, changing the passphrase --------------------------------------------------------
class ProtectResult(NamedTuple):
    path: Path
    plain_copy: Path | None  # the unprotected original, kept until the user confirms (None: removed)


def _tables(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _counts(conn, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND upper(sql) NOT LIKE 'CREATE VIRTUAL TABLE%'")]
    return {n: int(conn.execute(f'SELECT COUNT(*) FROM {schema}."{n}"').fetchone()[0]) for n in names}


def _export(conn, dest: Path, key_literal: str) -> dict[str, int]:
    """sqlcipher_export of conn's main database into dest (keyed with key_literal, '' for plain).

    The header fields sqlcipher_export leaves out (user_version, application_id) are copied.
    Everything is read in one transaction: returns the row counts of the state that was copied.
    """
    conn.execute("ATTACH DATABASE ? AS loyaldesk_export KEY ?", (str(dest), key_literal))
    try:
        conn.execute("BEGIN")
        try:
            counts = _counts(conn)
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
            conn.execute("SELECT sqlcipher_export('loyaldesk_export')").fetchall()
            conn.execute(f"PRAGMA loyaldesk_export.user_version = {int(version)}")
            conn.execute(f"PRAGMA loyaldesk_export.application_id = {int(app_id)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE loyaldesk_export")
    return counts


def _verify(conn, counts: dict[str, int], path: Path) -> None:
    check = conn.execute("PRAGMA integrity_check").fetchall()
    if [tuple(r) for r in check] != [("ok",)] or _counts(conn) != counts:
        log.error("check of the converted copy of %s failed: %s %s", path, check[:5],
                  {k: (v, counts.get(k)) for k, v in _counts(conn).items() if counts.get(k) != v})
        raise errors.LoyalDeskError("cipher.check_failed", path=path)


def _temp_next_to(path: Path, tag: str) -> Path:
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-{tag}-", suffix=".tmp", dir=path.parent)  # 0600
    os.close(fd)
    return Path(name)


def _remove(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        try:
            candidate.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - nothing more can be done
            log.warning("could not remove %s", candidate)


def _failure(exc: BaseException, path: Path) -> errors.LoyalDeskError:
    if isinstance(exc, errors.LoyalDeskError):
        return exc
    from loyaldesk.core.db import translate_sqlite_error

    if isinstance(exc, dbapi.Error):
        translated = translate_sqlite_error(exc, path)
        if type(translated) is not errors.DatabaseError:
            return translated
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return errors.LoyalDeskError("cipher.failed", detail=detail)


def _reraise(exc: BaseException, path: Path) -> None:
    """A failed change, as the user's error; anything else (a cancel from the caller's progress) as it is."""
    if isinstance(exc, (OSError, *dbapi.Error)):
        raise _failure(exc, path) from exc
    raise exc


def _lock_exclusively(conn, path: Path) -> None:
    """From here until conn is closed, no other connection reads or writes the file.

    Out of WAL (everything checkpointed into the file, the -wal removed; refused while another
    program has the file open), then SQLite's exclusive locking mode, taken at once.
    """
    mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise errors.DatabaseLockedError(path=path)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("COMMIT")


def _replace(tmp: Path, path: Path, holder) -> None:
    """Move tmp over path; the lock holder is closed first where an open file cannot be replaced."""
    if sys.platform == "win32":
        holder.close()
    os.replace(tmp, path)


def _checkpoint(conn, path: Path) -> None:
    """Everything into the main file and the -wal emptied; refused while another program writes."""
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy and busy[0]:
        raise errors.DatabaseLockedError(path=path)


def _existing(path: str | os.PathLike) -> Path:
    path = Path(path).expanduser()
    if not path.is_file():
        raise errors.DatabaseNotFoundError(path=path)
    return path


def protect(path: str | os.PathLike, passphrase: str, *, keep_plain: bool = True,
            progress: Callable[[float], None] | None = None) -> ProtectResult:
    """Encrypt a plain practice file in place with a new passphrase.

    The whole file is exported into a new protected file next to it, which is opened with the
    passphrase and compared with the original (integrity check, rows of every table); only then
    is it moved over the original in one rename. The plain original is kept under a new name
    (ProtectResult.plain_copy) when keep_plain is True, for the caller to remove once the user
    has confirmed (remove_plain_copy); else it is removed at once. Every connection to the file
    must be closed.
    """
    path = _existing(path)
    if is_encrypted(path):
        raise errors.LoyalDeskError("cipher.already_protected", path=path)
    drv = driver()
    salt = os.urandom(SALT_BYTES)
    key = derive(passphrase, salt)
    _report(progress, 0.1)
    tmp = _temp_next_to(path, "protect")
    src = plain_copy = None
    try:
        src = drv.connect(str(path), isolation_level=None, timeout=5.0)  # no key: reads the plain file
        src.execute("PRAGMA busy_timeout = 5000")
        _lock_exclusively(src, path)  # nobody writes what would be lost with the plain original
        counts = _export(src, tmp, _key_literal(key, salt))
        _report(progress, 0.6)
        _learn(salt, key, passphrase)
        remember(passphrase)
        check = connect(tmp)
        try:
            _verify(check, counts, path)
        finally:
            check.close()
        _report(progress, 0.9)
        plain_copy = _plain_copy_name(path)
        try:
            os.link(path, plain_copy)
        except OSError:
            import shutil

            shutil.copy2(path, plain_copy)
        os.chmod(plain_copy, 0o600)
        _replace(tmp, path, src)
    except BaseException as exc:
        if src is not None:
            src.close()
        _remove(tmp)
        if plain_copy is not None and path.exists():
            plain_copy.unlink(missing_ok=True)
        _reraise(exc, path)
    src.close()
    for suffix in _SIDE_FILES:  # the plain file's -shm
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    log.info("protected %s with a passphrase", path)  # (no progress call from here: it could only cancel)
    if not keep_plain:
        remove_plain_copy(plain_copy)
        plain_copy = None
    return ProtectResult(path=path, plain_copy=plain_copy)


def _plain_copy_name(path: Path) -> Path:
    import datetime as _dt

    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-unprotected-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-unprotected-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def remove_plain_copy(plain_copy: str | os.PathLike) -> None:
    """Delete the unprotected original kept by protect() (and any -wal/-shm beside it)."""
    _remove(Path(plain_copy))


def export_plain(path: str | os.PathLike, out: str | os.PathLike) -> Path:
    """Write an unprotected copy of a protected file to out (a new file); the original stays as it is."""
    path = _existing(path)
    out = Path(out).expanduser()
    if not is_encrypted(path):
        raise errors.LoyalDeskError("cipher.not_protected", path=path)
    if out.exists():
        raise errors.LoyalDeskError("cipher.out_exists", path=out)
    if not out.parent.is_dir():
        raise errors.DatabaseError("db.dir_not_found", path=out.parent)
    conn = connect(path)
    tmp = None
    try:
        tmp = _temp_next_to(out, "plain")
        conn.execute("PRAGMA busy_timeout = 5000")
        counts = _export(conn, tmp, "")
        conn.close()
        conn = None
        import sqlite3

        check = sqlite3.connect(tmp, isolation_level=None)
        try:
            _verify(check, counts, path)
        finally:
            check.close()
        os.replace(tmp, out)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if tmp is not None:
            _remove(tmp)
        _reraise(exc, path)
    return out


def unprotect(path: str | os.PathLike) -> Path:
    """Decrypt a protected file in place (checked copy, then one rename). Connections must be closed."""
    path = _existing(path)
    if not is_encrypted(path):
        raise errors.LoyalDeskError("cipher.not_protected", path=path)
    conn = connect(path)
    tmp = None
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        _lock_exclusively(conn, path)
        tmp = _temp_next_to(path, "plain")
        counts = _export(conn, tmp, "")
        import sqlite3

        check = sqlite3.connect(tmp, isolation_level=None)
        try:
            _verify(check, counts, path)
        finally:
            check.close()
        _replace(tmp, path, conn)
    except BaseException as exc:
        conn.close()
        if tmp is not None:
            _remove(tmp)
        _reraise(exc, path)
    conn.close()
    for suffix in _SIDE_FILES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    log.info("removed the passphrase protection of %s", path)
    return path


def rekey(path: str | os.PathLike, new_passphrase: str) -> Path:
    """Change the passphrase of a protected file (SQLCipher's rekey; the file keeps its salt)."""
    path = _existing(path)
    if not is_encrypted(path):
        raise errors.LoyalDeskError("cipher.not_protected", path=path)
    salt = salt_of(path)
    conn = connect(path)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        key = derive(new_passphrase, salt)
        conn.execute(f'PRAGMA rekey = "{_key_literal(key)}"')
        _checkpoint(conn, path)
    except BaseException as exc:
        conn.close()
        _reraise(exc, path)
    conn.close()
    _learn(salt, key, new_passphrase)
    remember(new_passphrase)
    log.info("changed the passphrase of %s", path)
    return path


def protect_copy(plain_file: str | os.PathLike, like: str | os.PathLike) -> bool:
    """Encrypt a plain SQLite file (a backup) in place with the key of the protected file `like`.

    Returns False (and leaves the file alone) when it is already protected or not a database.
    """
    plain_file = Path(plain_file)
    if is_encrypted(plain_file) or _head(plain_file) != SQLITE_HEADER:
        return False
    salt, key = salt_of(like), key_of(like)
    if key is None:
        raise errors.PassphraseRequiredError(path=like)
    tmp = _temp_next_to(plain_file, "protect")
    src = None
    try:
        src = driver().connect(_uri(plain_file, True, True), uri=True, isolation_level=None)
        counts = _export(src, tmp, _key_literal(key, salt))
        src.close()
        src = None
        check = connect(tmp)
        try:
            _verify(check, counts, plain_file)
        finally:
            check.close()
        os.replace(tmp, plain_file)
    except BaseException as exc:
        if src is not None:
            src.close()
        _remove(tmp)
        _reraise(exc, plain_file)
    return True


def _report(progress: Callable[[float], None] | None, value: float) -> None:
    if progress is not None:
        progress(value)
