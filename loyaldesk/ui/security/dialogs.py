"""The passphrase dialogs: unlock a protected file or archive, choose a new passphrase.

The passphrase is held by loyaldesk.core.cipher in memory for this run only; nothing here
writes it to the preferences, the log or anywhere else, and no hint is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core import cipher, errors
from loyaldesk.ui import theme


@dataclass(frozen=True)
class ProtectionChange:
    """What the user asked for in Preferences > Security or on the welcome page."""

    kind: str  # "protect", "rekey" or "unprotect"
    passphrase: str = ""  # the new passphrase (protect, rekey)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(280)
    return field


_WIDTH = 440  # wrapped text is laid out at this width (a wrapped QLabel must not be squeezed)


def _wrapped(text: str = "", *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    label.setFixedWidth(_WIDTH)
    _fit(label)
    return label


def _fit(label: QLabel) -> None:
    label.setMinimumHeight(max(0, label.heightForWidth(_WIDTH)))


def _error_label() -> QLabel:
    label = _wrapped()
    label.setObjectName("passphraseError")
    theme.style(label, "color: $error;")
    label.hide()
    return label


class PassphraseDialog(QDialog):
    """Asks for the passphrase of one file; a wrong one says so and lets the user try again.

    `check(passphrase)` raises WrongPassphraseError for a wrong passphrase (by default:
    cipher.unlock on the file, which remembers a right one for this run).
    """

    def __init__(self, path: Path, parent: QWidget | None = None, *, archive: bool = False,
                 check: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._check = check or (lambda passphrase: cipher.unlock(self.path, passphrase))
        self.setWindowTitle(self.tr("Passphrase"))
        if archive:
            text = self.tr("The archive %1 is encrypted. Enter its passphrase (the passphrase of the practice "
                           "it was exported from).")
        else:
            text = self.tr("The practice file %1 is protected by a passphrase. Enter it to open the file.")
        intro = _wrapped(text.replace("%1", f"<b>{self.path.name}</b>"), rich=True)
        where = QLabel(str(self.path.parent))
        theme.style(where, "color: $muted;")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = _password_field("passphraseField")
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Open") if not archive
                                                                         else self.tr("&OK"))
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def _on_ok_clicked(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.passphrase.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the key derivation takes about half a second
        try:
            self._check(passphrase)
        except errors.WrongPassphraseError:
            self._show_error(self.tr("Wrong passphrase. Check it (and the keyboard layout) and try again."))
            return
        except errors.LoyalDeskError as exc:
            self._show_error(exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()  # the text field does not keep it
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        _fit(self.error)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()


def ask_to_unlock(path: Path, parent: QWidget | None = None) -> bool:
    """Ask until the passphrase opens the file (True) or the user cancels (False)."""
    dialog = PassphraseDialog(path, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class NewPassphraseDialog(QDialog):
    """A new passphrase, typed twice (and the current one first when changing it)."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, change: bool = False) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.change = change
        self.setWindowTitle(self.tr("Change the passphrase") if change else self.tr("Protect with a passphrase"))
        if change:
            text = self.tr("Enter the current passphrase of %1, then the new one twice. The backups of this "
                           "practice get the new passphrase too.")
        else:
            text = self.tr(
                "%1 will be encrypted (SQLCipher, AES-256): without the passphrase nobody can read it, its "
                "backups or its archives, even with this computer or its disk in hand.<br><br>"
                "<b>Write the passphrase down and keep it safe.</b> LoyalDesk stores no hint and no copy: "
                "if it is lost, nobody can open the file again.")
        intro = _wrapped(text.replace("%1", f"<b>{self.path.name}</b>"), rich=True)
        self.current = _password_field("currentPassphraseField")
        self.new = _password_field("newPassphraseField")
        self.again = _password_field("againPassphraseField")
        form = QFormLayout()
        if change:
            form.addRow(self.tr("&Current passphrase"), self.current)
        else:
            self.current.hide()
        form.addRow(self.tr("&New passphrase"), self.new)
        form.addRow(self.tr("&Again"), self.again)
        hint = _wrapped(self.tr("At least %1 characters; a few unrelated words are easy to remember and hard to "
                                "guess.").replace("%1", str(cipher.MIN_PASSPHRASE)))
        theme.style(hint, "color: $muted;")
        self.error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Change") if change else self.tr("&Protect"))
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.current if change else self.new).setFocus()
        self.result_change: ProtectionChange | None = None

    def _on_ok_clicked(self) -> None:
        new, again = self.new.text(), self.again.text()
        if new != again:
            self._fail(self.tr("The two new passphrases differ."), self.again)
            return
        if len(new) < cipher.MIN_PASSPHRASE:
            self._fail(self.tr("The passphrase must have at least %1 characters.")
                       .replace("%1", str(cipher.MIN_PASSPHRASE)), self.new)
            return
        if self.change:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                cipher.unlock(self.path, self.current.text())
            except errors.WrongPassphraseError:
                self._fail(self.tr("The current passphrase is wrong."), self.current)
                return
            except errors.LoyalDeskError as exc:
                self._fail(exc.message, self.current)
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
        self.result_change = ProtectionChange("rekey" if self.change else "protect", new)
        for field in (self.current, self.new, self.again):
            field.clear()
        self.accept()

    def _fail(self, text: str, field: QLineEdit) -> None:
        self.error.setText(text)
        _fit(self.error)
        self.error.show()
        field.selectAll()
        field.setFocus()
