"""A passphrase-protected practice file: nothing readable at rest, and the same open_database()."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from loyaldesk.core import backup, cipher, demo, errors
from loyaldesk.core.db import open_database
from loyaldesk.core.io import export
from tests.conftest import add_client

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "another long passphrase"
SECRETS = ("Kobayashi Mitsuko", "小林 美津子", "divorce settlement in March")


@pytest.fixture(autouse=True)
def _no_keys():
    cipher.forget_all()
    yield
    cipher.forget_all()


@pytest.fixture
def fast_kdf(monkeypatch):
    """Fewer PBKDF2 rounds so that the tests run fast; test_sqlcipher_opens_it_* keeps the real ones."""
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)


def _practice(path):
    """A plain practice file holding the secrets, closed."""
    with open_database(path) as db:
        demo.generate(db, clients=25, seed=3)
        add_client(db, name=SECRETS[0], notes=SECRETS[2])
        add_client(db, name=SECRETS[1])
    return path


def _assert_no_plaintext(path):
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    for secret in SECRETS:
        assert secret.encode("utf-8") not in data, (path, secret)
        assert secret.encode("utf-16-le") not in data, (path, secret)


def _all_rows(path):
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}, \
            conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_protected_file_wal_backup_and_archive_hold_no_plaintext(tmp_path, fast_kdf):
    path = _practice(tmp_path / "practice.db")
    result = cipher.protect(path, PASSPHRASE)
    assert result.plain_copy is not None and result.plain_copy.exists()  # kept until the user confirms
    cipher.remove_plain_copy(result.plain_copy)
    assert not result.plain_copy.exists()
    _assert_no_plaintext(path)

    cipher.forget_all()
    cipher.remember(PASSPHRASE)
    with open_database(path, create=False) as db:
        assert db.scalar("SELECT notes FROM clients WHERE name = ?", (SECRETS[0],)) == SECRETS[2]
        with db.transaction() as conn:  # a write lands in the -wal first
            conn.execute("UPDATE clients SET notes = ? WHERE name = ?", (SECRETS[2] + " (again)", SECRETS[1]))
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        _assert_no_plaintext(wal)
        written = backup.create_backup(db, "manual")
        archive = tmp_path / "practice.zip"
        export.export_zip(db, archive)
    _assert_no_plaintext(path)
    _assert_no_plaintext(written)
    _assert_no_plaintext(archive)
    with zipfile.ZipFile(archive) as zf:
        assert all(info.flag_bits & 0x1 for info in zf.infolist())  # every member encrypted
        with pytest.raises(RuntimeError):
            zf.read("clients.jsonl")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_open_needs_the_passphrase_and_says_when_it_is_wrong(tmp_path, fast_kdf):
    path = _practice(tmp_path / "p.db")
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    cipher.forget_all()
    with pytest.raises(errors.PassphraseRequiredError) as none:
        open_database(path, create=False)
    assert str(none.value) == ("this practice file is protected by a passphrase: set LOYALDESK_PASSPHRASE "
                               "or use --passphrase-file")
    cipher.remember("not the passphrase")
    with pytest.raises(errors.WrongPassphraseError) as wrong:
        open_database(path, create=False)
    assert str(wrong.value) == "wrong passphrase"
    cipher.remember(PASSPHRASE)
    with open_database(path, create=False) as db:
        assert db.scalar("SELECT COUNT(*) FROM clients WHERE name IN (?, ?)", SECRETS[:2]) == 2
        assert dict(db.query_one("SELECT name FROM clients WHERE name = ?", (SECRETS[1],))) == {"name": SECRETS[1]}


def test_sqlcipher_opens_it_with_the_passphrase_and_its_default_kdf(tmp_path):
    """A standard SQLCipher 4 file: the sqlcipher tool opens it with PRAGMA key and nothing else."""
    path = _practice(tmp_path / "p.db")
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    conn = cipher.driver().connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
        assert conn.execute("SELECT COUNT(*) FROM clients WHERE name = ?", (SECRETS[1],)).fetchone()[0] == 1
        assert conn.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0] in ("256000", 256000)
    finally:
        conn.close()


def test_protect_rekey_decrypt_round_trip_keeps_every_row(tmp_path, fast_kdf):
    path = _practice(tmp_path / "p.db")
    before, version = _all_rows(path)
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    cipher.rekey(path, NEW_PASSPHRASE)
    cipher.forget_all()
    cipher.remember(PASSPHRASE)
    with pytest.raises(errors.WrongPassphraseError):
        open_database(path, create=False)
    cipher.forget_all()
    cipher.remember(NEW_PASSPHRASE)
    plain = cipher.export_plain(path, tmp_path / "plain.db")
    after, after_version = _all_rows(plain)
    assert after_version == version
    assert after == before
    assert sum(len(rows) for rows in after.values()) > 500
    cipher.unprotect(path)
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert _all_rows(path) == (before, version)


def test_restore_of_a_protected_backup(tmp_path, fast_kdf):
    path = _practice(tmp_path / "p.db")
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    with open_database(path, create=False) as db:
        saved = backup.create_backup(db, "manual")
        count = db.scalar("SELECT COUNT(*) FROM clients")
        with db.transaction() as conn:
            conn.execute("DELETE FROM clients WHERE name = ?", (SECRETS[0],))
    assert cipher.is_encrypted(saved)
    assert [b.clients for b in backup.list_backups(path)] == [count]
    cipher.forget_all()
    assert [b.clients for b in backup.list_backups(path)] == [None]  # listed, not readable without the key
    with pytest.raises(errors.PassphraseRequiredError):
        backup.restore_backup(path, saved)
    cipher.remember(PASSPHRASE)
    safety = backup.restore_backup(path, saved)
    assert safety is not None and cipher.is_encrypted(safety)
    assert cipher.is_encrypted(path)
    with open_database(path, create=False) as db:
        assert db.scalar("SELECT COUNT(*) FROM clients WHERE name = ?", (SECRETS[0],)) == 1


def test_earlier_plain_backups_are_encrypted_and_changed_with_the_passphrase(tmp_path, fast_kdf):
    path = _practice(tmp_path / "p.db")
    with open_database(path, create=False) as db:
        old = backup.create_backup(db, "manual")
    assert old.read_bytes().startswith(b"SQLite format 3")
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    assert backup.protect_backups(path) == 1
    _assert_no_plaintext(old)
    assert backup.check_backup(old).clients == 27
    cipher.rekey(path, NEW_PASSPHRASE)
    assert backup.rekey_backups(path, NEW_PASSPHRASE) == 1
    cipher.forget_all()
    cipher.remember(NEW_PASSPHRASE)
    assert backup.check_backup(old).clients == 27


def test_archives_of_a_protected_practice(tmp_path, fast_kdf):
    path = _practice(tmp_path / "p.db")
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    locked, plain = tmp_path / "locked.zip", tmp_path / "plain.zip"
    with open_database(path, create=False) as db:
        export.export_zip(db, locked)
        export.export_zip(db, plain, plain=True)
    with zipfile.ZipFile(plain) as zf:
        assert SECRETS[1] in zf.read("clients.csv").decode("utf-8-sig")
    cipher.forget_all()
    with open_database(tmp_path / "new.db") as target:
        with pytest.raises(errors.PassphraseRequiredError):
            export.import_zip(target, locked)
        cipher.remember("not it at all")
        with pytest.raises(errors.WrongPassphraseError):
            export.import_zip(target, locked)
        assert target.scalar("SELECT COUNT(*) FROM clients") == 0
        cipher.remember(PASSPHRASE)
        counts = export.import_zip(target, locked)
        assert counts["clients"] == 27
        assert target.scalar("SELECT notes FROM clients WHERE name = ?", (SECRETS[0],)) == SECRETS[2]


def test_a_plain_file_still_opens_with_sqlite3(tmp_path):
    """Nothing changes for a plain file: sqlite3's connection, rows and errors, no passphrase asked."""
    path = _practice(tmp_path / "p.db")
    with open_database(path, create=False) as db:
        assert type(db.conn) is sqlite3.Connection
        assert isinstance(db.query_one("SELECT 1 AS one"), sqlite3.Row)
    assert not cipher.is_encrypted(path)
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    with pytest.raises(errors.NotADatabaseError):
        open_database(text, create=False)


def test_protect_refuses_a_protected_file_and_short_passphrases(tmp_path, fast_kdf):
    path = _practice(tmp_path / "p.db")
    with pytest.raises(errors.ValidationError, match="at least 8"):
        cipher.check_passphrase("short")
    with pytest.raises(errors.ValidationError, match="differ"):
        cipher.check_passphrase(PASSPHRASE, confirm=PASSPHRASE + "x")
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    with pytest.raises(errors.LoyalDeskError, match="already protected"):
        cipher.protect(path, PASSPHRASE)


def test_a_backup_gets_the_practice_key_even_after_an_older_backup_was_read(tmp_path, fast_kdf):
    path = _practice(tmp_path / "p.db")
    cipher.protect(path, PASSPHRASE, keep_plain=False)
    old = backup.create_backup(path, "manual", out=tmp_path / "old.db")  # same salt, the first passphrase
    cipher.rekey(path, NEW_PASSPHRASE)
    cipher.forget_all()
    cipher.remember(NEW_PASSPHRASE)
    with open_database(path, create=False) as db:
        cipher.remember(PASSPHRASE)
        assert backup.check_backup(old).clients == 27  # the older key is now the last one used
        new = backup.create_backup(db, "manual")
    cipher.forget_all()
    cipher.remember(NEW_PASSPHRASE)
    assert backup.check_backup(new).clients == 27
