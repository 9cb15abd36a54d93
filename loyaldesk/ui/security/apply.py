"""Carry out a ProtectionChange on a closed practice file, then tell the user what happened.

The application controller closes every connection first, runs apply_change in a worker (with a
progress dialog; Cancel stops it before the file is replaced) and reopens the file after, as for a
restore. The change itself is one checked copy and one rename (loyaldesk.core.cipher): a few
seconds for a large practice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from loyaldesk.core import backup, cipher
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui.security.dialogs import ProtectionChange

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    change: ProtectionChange
    path: Path
    error: LoyalDeskError | None = None
    plain_copy: Path | None = None
    backups: int = 0

    def report(self, window: QWidget) -> None:
        """Say what happened (on the reopened window); after protecting, remove the plain original."""
        title = QCoreApplication.translate("ProtectionChange", "Passphrase protection")
        if self.error is not None:
            QMessageBox.warning(window, title, self.error.message)
            return
        status = window.statusBar()
        kind = self.change.kind
        if kind == "rekey":
            status.showMessage(QCoreApplication.translate(
                "ProtectionChange", "The passphrase was changed (%1 backups too).").replace("%1", str(self.backups)),
                10000)
            return
        if kind == "unprotect":
            status.showMessage(QCoreApplication.translate(
                "ProtectionChange", "The passphrase protection was removed: the file is readable without it."), 10000)
            return
        text = QCoreApplication.translate(
            "ProtectionChange", "This practice is now protected by a passphrase (the protected file has just been "
            "opened with it).")
        if self.backups:
            text += " " + QCoreApplication.translate(
                "ProtectionChange", "%1 earlier backups were encrypted with it too.").replace("%1", str(self.backups))
        if self.plain_copy is None:
            QMessageBox.information(window, title, text)
            return
        question = text + "\n\n" + QCoreApplication.translate(
            "ProtectionChange", "The unprotected original was kept as %1 until you confirm that the protected file "
            "works. Anyone can read that copy: remove it now?").replace("%1", self.plain_copy.name)
        answer = QMessageBox.question(window, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            cipher.remove_plain_copy(self.plain_copy)
            status.showMessage(QCoreApplication.translate(
                "ProtectionChange", "The unprotected original was removed."), 10000)
        else:
            status.showMessage(QCoreApplication.translate(
                "ProtectionChange", "The unprotected original stays at %1: delete it when you no longer need it.")
                .replace("%1", str(self.plain_copy)), 20000)


def label(change: ProtectionChange) -> str:
    """The progress dialog's text."""
    if change.kind == "protect":
        return QCoreApplication.translate("ProtectionChange", "Encrypting the practice file…")
    if change.kind == "rekey":
        return QCoreApplication.translate("ProtectionChange", "Changing the passphrase…")
    return QCoreApplication.translate("ProtectionChange", "Removing the protection…")


def apply_change(path: Path, change: ProtectionChange, progress=None) -> Outcome:
    """Protect / rekey / unprotect the closed file at path (in a worker): errors are returned, not raised.

    progress(fraction) may raise (a cancel) until the file is replaced; nothing is changed then.
    """
    outcome = Outcome(change, Path(path))
    try:
        if change.kind == "protect":
            result = cipher.protect(path, change.passphrase, keep_plain=True, progress=progress)
            outcome.plain_copy = result.plain_copy
            outcome.backups = backup.protect_backups(path)
        elif change.kind == "rekey":
            if progress is not None:
                progress(0.05)
            cipher.rekey(path, change.passphrase)
            outcome.backups = backup.rekey_backups(path, change.passphrase)
        elif change.kind == "unprotect":
            if progress is not None:
                progress(0.05)
            cipher.unprotect(path)
        else:  # pragma: no cover - the dialogs make only these three
            raise ValueError(change.kind)
    except LoyalDeskError as exc:
        log.warning("passphrase %s of %s failed: %s", change.kind, path, exc.key)
        outcome.error = exc
    return outcome
