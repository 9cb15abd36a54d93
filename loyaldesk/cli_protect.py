"""The passphrase on the command line: where it comes from, and encrypt / decrypt / rekey.

A protected practice file needs its passphrase from LOYALDESK_PASSPHRASE or from
--passphrase-file FILE (its first line); it is handed to loyaldesk.core.cipher, which keeps it
in memory for this run only. `encrypt` and `rekey` may also ask on a terminal (twice).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from loyaldesk.core import errors
from loyaldesk.core.i18n import CATALOG, t

PASSPHRASE_ENV = "LOYALDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "LOYALDESK_NEW_PASSPHRASE"

CATALOG.update({
    "cli.passphrase_file": {
        "en": "Cannot read the passphrase file {path}: {detail}",
        "ja": "パスフレーズのファイル {path} を読めません: {detail}",
    },
    "cli.passphrase_file_empty": {
        "en": "The passphrase file {path} has an empty first line.",
        "ja": "パスフレーズのファイル {path} の 1行目が空です。",
    },
    "cli.ask_passphrase": {"en": "Passphrase for {name}: ", "ja": "{name} のパスフレーズ: "},
    "cli.ask_new_passphrase": {"en": "New passphrase for {name}: ", "ja": "{name} の新しいパスフレーズ: "},
    "cli.ask_again": {"en": "The same passphrase again: ", "ja": "確認のため、もう一度入力: "},
    "cli.new_passphrase_required": {
        "en": "a new passphrase is needed: set LOYALDESK_NEW_PASSPHRASE or run rekey on a terminal",
        "ja": "新しいパスフレーズが必要です: LOYALDESK_NEW_PASSPHRASE を設定するか、端末で rekey を実行してください",
    },
    "cli.encrypted": {
        "en": "{path} is now protected by a passphrase (SQLCipher); the unprotected original was removed.",
        "ja": "{path} をパスフレーズで保護しました（SQLCipher）。保護していない元のファイルは削除しました。",
    },
    "cli.backups_protected": {
        "en": "{count} earlier backups were encrypted with the same passphrase.",
        "ja": "以前のバックアップ {count}件も同じパスフレーズで暗号化しました。",
    },
    "cli.decrypted": {
        "en": "Unprotected copy written to {out}: anyone who has this file can read it. {path} stays protected.",
        "ja": "保護していないコピーを {out} に書き出しました。このファイルは誰でも読めます。{path} は保護されたままです。",
    },
    "cli.rekeyed": {
        "en": "The passphrase of {path} was changed ({count} backups too).",
        "ja": "{path} のパスフレーズを変更しました（バックアップ {count}件も変更）。",
    },
})


def add_arguments(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument("--passphrase-file", metavar="FILE", default=None if top else argparse.SUPPRESS,
                        help=f"a protected practice file: read its passphrase from the first line of FILE "
                        f"(else from {PASSPHRASE_ENV})")


def add_parsers(sub, add) -> None:
    """encrypt, decrypt, rekey (add: cli.build_parser's helper that adds --db and --lang)."""
    add("encrypt", f"protect the practice file with a passphrase (from {PASSPHRASE_ENV}, --passphrase-file, "
        "or asked twice on a terminal); its backups are encrypted too")
    dec = add("decrypt", "write an unprotected copy of a protected practice file (the file itself stays protected)")
    dec.add_argument("--out", required=True, metavar="PLAIN.db", help="the new, unprotected file to write")
    add("rekey", f"change the passphrase of a protected practice file (the new one from {NEW_PASSPHRASE_ENV} "
        "or asked twice on a terminal); its backups get the new one too")


def _read_file(name: str) -> str:
    path = Path(name).expanduser()
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline()
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.LoyalDeskError("cli.passphrase_file", path=path,
                                    detail=getattr(exc, "strerror", None) or str(exc)) from exc
    first = first.rstrip("\r\n")
    if not first:
        raise errors.LoyalDeskError("cli.passphrase_file_empty", path=path)
    return first


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase of this run: --passphrase-file first, then LOYALDESK_PASSPHRASE."""
    name = getattr(args, "passphrase_file", None)
    if name:
        return _read_file(name)
    return os.environ.get(PASSPHRASE_ENV) or None


def load(args: argparse.Namespace) -> None:
    """Make the given passphrase known to the core (memory only)."""
    passphrase = given_passphrase(args)
    if passphrase:
        from loyaldesk.core import cipher

        cipher.remember(passphrase)


def _ask_twice(prompt: str) -> str | None:
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return None
    import getpass

    from loyaldesk.core import cipher

    first = getpass.getpass(prompt)
    second = getpass.getpass(t("cli.ask_again"))
    cipher.check_passphrase(first, confirm=second)
    return first


def cmd_encrypt(args: argparse.Namespace, db_path: Path) -> int:
    from loyaldesk.core import backup, cipher

    path = db_path
    if not path.is_file():
        raise errors.DatabaseNotFoundError(path=path)
    if cipher.is_encrypted(path):
        raise errors.LoyalDeskError("cipher.already_protected", path=path)
    _check_plain(path)
    passphrase = given_passphrase(args) or _ask_twice(t("cli.ask_passphrase", name=path.name))
    if not passphrase:
        raise errors.PassphraseRequiredError(path=path)
    cipher.check_passphrase(passphrase)
    cipher.protect(path, passphrase, keep_plain=False)
    print(t("cli.encrypted", path=path))
    count = backup.protect_backups(path)
    if count:
        print(t("cli.backups_protected", count=count))
    return 0


def _check_plain(path: Path) -> None:
    """A LoyalDesk file this version understands (open_database says what is wrong with it)."""
    from loyaldesk.core.db import open_database

    with open_database(path, create=False, migrate=False):
        pass


def cmd_decrypt(args: argparse.Namespace, db_path: Path) -> int:
    from loyaldesk.core import cipher

    path = db_path
    if not path.is_file():
        raise errors.DatabaseNotFoundError(path=path)
    if not cipher.is_encrypted(path):
        raise errors.LoyalDeskError("cipher.not_protected", path=path)
    out = cipher.export_plain(path, Path(args.out).expanduser())
    print(t("cli.decrypted", out=out, path=path))
    return 0


def cmd_rekey(args: argparse.Namespace, db_path: Path) -> int:
    from loyaldesk.core import backup, cipher

    path = db_path
    if not path.is_file():
        raise errors.DatabaseNotFoundError(path=path)
    if not cipher.is_encrypted(path):
        raise errors.LoyalDeskError("cipher.not_protected", path=path)
    cipher.connect(path, read_only=True).close()  # the current passphrase first: no, wrong, right
    new = os.environ.get(NEW_PASSPHRASE_ENV) or _ask_twice(t("cli.ask_new_passphrase", name=path.name))
    if not new:
        raise errors.LoyalDeskError("cli.new_passphrase_required")
    cipher.check_passphrase(new)
    cipher.rekey(path, new)
    count = backup.rekey_backups(path, new)
    print(t("cli.rekeyed", path=path, count=count))
    return 0
