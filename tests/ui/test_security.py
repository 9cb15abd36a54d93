"""Passphrase protection in the app: asked at open (wrong, then right), Preferences > Security, welcome page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from loyaldesk.core import backup, cipher, errors
from loyaldesk.core.db import open_database
from loyaldesk.settings import Preferences
from tests.conftest import add_client

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "another long passphrase"


@pytest.fixture(autouse=True)
def _no_keys(monkeypatch):
    monkeypatch.setattr(cipher, "KDF_ITERATIONS", 1000)  # fast tests; the real KDF is tested in tests/core
    cipher.forget_all()
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)  # a closed window's last refresh still holds the key
    QApplication.processEvents()
    cipher.forget_all()


@pytest.fixture
def practice(tmp_path):
    path = tmp_path / "practice.db"
    with open_database(path) as db:
        for name in ("山田 太郎", "佐藤 花子", "鈴木 一郎"):
            add_client(db, name)
    return path


@pytest.fixture
def protected(practice):
    cipher.protect(practice, PASSPHRASE, keep_plain=False)
    cipher.forget_all()
    return practice


@pytest.fixture
def controller(qapp):
    from loyaldesk.ui.app import AppController

    c = AppController(qapp, Preferences.load())
    yield c
    if c.window is not None:
        c.window.close()
    c.close()


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_passphrase_dialog_says_wrong_and_lets_the_user_try_again(qtbot, protected):
    from loyaldesk.ui.security import PassphraseDialog

    dialog = PassphraseDialog(protected)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "practice.db" in dialog.findChildren(type(dialog.error))[0].text()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    _ok(dialog).click()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text().startswith("Wrong passphrase")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not cipher.has_passphrase()  # a wrong passphrase is not kept
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    _ok(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase.text() == ""
    with open_database(protected, create=False) as db:
        assert db.scalar("SELECT COUNT(*) FROM clients") == 3


def test_the_app_asks_for_the_passphrase_when_it_opens_a_protected_file(qtbot, controller, protected):
    from loyaldesk.ui.security import PassphraseDialog

    answers = ["wrong wrong wrong", PASSPHRASE]
    errors_seen = []

    def drive():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(50, drive)
            return
        if dialog.error.isVisible():
            errors_seen.append(dialog.error.text())
        dialog.passphrase.setText(answers.pop(0))
        _ok(dialog).click()
        if answers:
            QTimer.singleShot(50, drive)

    QTimer.singleShot(50, drive)
    assert controller.open(protected, backup_on_open=False)
    assert answers == []
    assert errors_seen and errors_seen[0].startswith("Wrong passphrase")
    assert controller.window.clients_screen.model.rowCount() == 3


def test_cancelling_the_passphrase_opens_nothing(qtbot, controller, protected, monkeypatch):
    from loyaldesk.ui.security import PassphraseDialog

    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not controller.open(protected)
    assert controller.window is None


def _fill_new(dialog, passphrase, again=None, current=None):
    if current is not None:
        dialog.current.setText(current)
    dialog.new.setText(passphrase)
    dialog.again.setText(passphrase if again is None else again)
    dialog._on_ok_clicked()
    return dialog.result()


def test_protect_from_preferences_then_remove_the_plain_original(qtbot, controller, practice, monkeypatch,
                                                                 message_boxes):
    from loyaldesk.ui.security import NewPassphraseDialog
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    with open_database(practice, create=False) as db:
        old_backup = backup.create_backup(db, "manual")
    assert controller.open(practice, backup_on_open=False)
    window = controller.window
    tries = []

    def new_exec(self):
        tries.append(_fill_new(self, PASSPHRASE, again="something else entirely"))
        assert self.error.text() == "The two new passphrases differ."
        return _fill_new(self, PASSPHRASE)

    monkeypatch.setattr(NewPassphraseDialog, "exec", new_exec)
    dialog = PreferencesDialog(controller.services, controller.prefs, window)
    qtbot.addWidget(dialog)
    tab = dialog.security
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Security"
    assert not tab.protect_button.isHidden() and tab.remove_button.isHidden()
    assert "not protected" in tab.status.text()
    tab.protect_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.protection_change.kind == "protect"

    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a: message_boxes.append(("question", text)) or QMessageBox.StandardButton.Yes))
    window.protection_change_requested.emit(dialog.protection_change)
    qtbot.waitUntil(lambda: controller.window not in (None, window), timeout=20000)
    kind, text = message_boxes.pop()
    assert kind == "question" and "protected by a passphrase" in text and "-unprotected-" in text
    assert "1 earlier backups were encrypted" in text
    assert cipher.is_encrypted(practice) and cipher.is_encrypted(old_backup)
    assert sorted(p.name for p in practice.parent.iterdir() if p.suffix == ".db") == ["practice.db"]
    assert controller.window.clients_screen.model.rowCount() == 3
    assert controller.window.statusBar().currentMessage() == "The unprotected original was removed."


def test_change_and_remove_the_passphrase_from_preferences(qtbot, controller, protected, monkeypatch, message_boxes):
    from loyaldesk.ui.security import NewPassphraseDialog
    from loyaldesk.ui.security.tab import SecurityTab

    cipher.remember(PASSPHRASE)
    assert controller.open(protected, backup_on_open=False)
    window = controller.window
    tab = SecurityTab(protected)
    qtbot.addWidget(tab)
    assert "is protected" in tab.status.text()
    assert not tab.change_button.isHidden() and tab.protect_button.isHidden()
    requested = []
    tab.change_requested.connect(requested.append)

    def change_exec(self):
        assert _fill_new(self, NEW_PASSPHRASE, current="not the current one") != QDialog.DialogCode.Accepted
        assert self.error.text() == "The current passphrase is wrong."
        return _fill_new(self, NEW_PASSPHRASE, current=PASSPHRASE)

    monkeypatch.setattr(NewPassphraseDialog, "exec", change_exec)
    tab.change_button.click()
    assert [c.kind for c in requested] == ["rekey"]
    window.protection_change_requested.emit(requested[0])
    qtbot.waitUntil(lambda: controller.window not in (None, window), timeout=20000)
    assert "passphrase was changed" in controller.window.statusBar().currentMessage()
    with pytest.raises(errors.WrongPassphraseError):  # (the app keeps both in memory: the check is on its own)
        cipher.unlock(protected, PASSPHRASE)
    cipher.unlock(protected, NEW_PASSPHRASE)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text, *a: message_boxes.append(("warning", text)) or QMessageBox.StandardButton.Yes))
    tab.remove_button.click()
    kind, text = message_boxes.pop()
    assert "anyone who has this computer" in text
    assert requested[-1].kind == "unprotect"
    window = controller.window
    window.protection_change_requested.emit(requested[-1])
    qtbot.waitUntil(lambda: controller.window not in (None, window), timeout=20000)
    assert protected.read_bytes().startswith(b"SQLite format 3\x00")
    assert controller.window.clients_screen.model.rowCount() == 3


def test_the_welcome_page_offers_protection_for_a_new_practice(qtbot, controller, tmp_path, monkeypatch,
                                                               message_boxes):
    from loyaldesk.ui.security import NewPassphraseDialog

    path = tmp_path / "new.db"
    assert controller.open(path, backup_on_open=False)
    window = controller.window
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.protect_button.isVisibleTo(window)
    monkeypatch.setattr(NewPassphraseDialog, "exec", lambda self: _fill_new(self, PASSPHRASE))
    window.welcome.protect_button.click()
    qtbot.waitUntil(lambda: controller.window not in (None, window), timeout=20000)
    assert message_boxes.pop()[0] == "question"  # remove the plain original? (No: it is kept, and said so)
    assert cipher.is_encrypted(path)
    welcome = controller.window.welcome
    assert welcome.protected_label.isVisibleTo(controller.window)
    assert not welcome.protect_button.isVisibleTo(controller.window)
    assert "stays at" in controller.window.statusBar().currentMessage()


def test_an_encrypted_archive_asks_for_its_passphrase_on_import(qtbot, controller, protected, tmp_path, monkeypatch):
    from loyaldesk.core.io import export
    from loyaldesk.ui.security import PassphraseDialog

    cipher.remember(PASSPHRASE)
    archive = tmp_path / "practice.zip"
    with open_database(protected, create=False) as db:
        export.export_zip(db, archive)
    cipher.forget_all()
    assert controller.open(tmp_path / "new.db", backup_on_open=False)
    window = controller.window
    shown = []

    def answer(self):
        shown.append(self.findChildren(type(self.error))[0].text())
        self.passphrase.setText("not this one")
        self._on_ok_clicked()
        shown.append(self.error.text())
        self.passphrase.setText(PASSPHRASE)
        self._on_ok_clicked()
        return self.result()

    monkeypatch.setattr(PassphraseDialog, "exec", answer)
    window._import_archive(archive)
    assert "practice.zip" in shown[0] and "encrypted" in shown[0]
    assert shown[1].startswith("Wrong passphrase")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Archive imported.", timeout=20000)
    assert window.services.clients.count(include_archived=True) == 3


def test_export_of_a_protected_practice_is_encrypted_unless_plain_is_confirmed(qtbot, controller, protected, tmp_path,
                                                                               monkeypatch, message_boxes):
    import zipfile

    from loyaldesk.ui.transfer import export_action

    cipher.remember(PASSPHRASE)
    assert controller.open(protected, backup_on_open=False)
    labels = [c[0] for c in export_action.export_choices(True) if c[1] == ".zip"]
    assert labels == ["Everything as an encrypted LoyalDesk archive (*.zip)",
                      "Everything as an unencrypted LoyalDesk archive (*.zip)"]
    locked = export_action.write_export(protected, tmp_path / "locked.zip", "all")
    plain = export_action.write_export(protected, tmp_path / "plain.zip", "all-plain")
    with zipfile.ZipFile(locked) as zf:
        assert all(info.flag_bits & 0x1 for info in zf.infolist())
    with zipfile.ZipFile(plain) as zf:
        assert not any(info.flag_bits & 0x1 for info in zf.infolist())
    assert not export_action.confirm_plain_archive(controller.window)  # the default answer is No
    kind, text = message_boxes.pop()
    assert kind == "warning" and "anyone who gets the file can read" in text


def test_restoring_a_backup_made_with_an_earlier_passphrase_asks_for_it(qtbot, controller, protected, tmp_path,
                                                                       monkeypatch):
    from loyaldesk.ui.security import PassphraseDialog

    cipher.remember(PASSPHRASE)
    old = backup.create_backup(protected, "manual", out=tmp_path / "old.db")
    with open_database(protected, create=False) as db, db.transaction() as conn:
        conn.execute("DELETE FROM clients WHERE name = '鈴木 一郎'")
    cipher.rekey(protected, NEW_PASSPHRASE)
    cipher.forget_all()
    cipher.remember(NEW_PASSPHRASE)
    assert controller.open(protected, backup_on_open=False)
    window = controller.window
    asked = []

    def answer(self):
        asked.append(self.path.name)
        self.passphrase.setText(PASSPHRASE)
        self._on_ok_clicked()
        return self.result()

    monkeypatch.setattr(PassphraseDialog, "exec", answer)
    window.restore_backup_requested.emit(old)
    qtbot.waitUntil(lambda: controller.window not in (None, window), timeout=20000)
    assert asked == ["old.db"]
    assert controller.window.clients_screen.model.rowCount() == 3
    assert "saved as" in controller.window.statusBar().currentMessage()
