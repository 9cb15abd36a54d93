"""The backups dialog: lists backups with client counts, backs up now, asks before a restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from loyaldesk.core import backup
from tests.conftest import add_client


@pytest.fixture
def dialog_for(qtbot, qapp):
    def make(db_path):
        from loyaldesk.ui.backups.dialog import BackupsDialog

        dialog = BackupsDialog(db_path)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def rows(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.topLevelItem(r).text(c) for c in range(table.columnCount())]
            for r in range(table.topLevelItemCount())]


def test_lists_backups_newest_first_with_client_counts(db, dialog_for):
    add_client(db, "A")
    backup.create_backup(db, "open")
    add_client(db, "B")
    add_client(db, "C")
    backup.create_backup(db, "import")
    dialog = dialog_for(db.path)
    listed = rows(dialog)
    assert [r[2] for r in listed] == ["3", "1"]
    assert [r[1] for r in listed] == ["Before an import", "When opened"]
    assert all(r[0] and r[3] for r in listed)  # a date and a size
    assert not dialog.empty_label.isVisible()
    assert dialog.restore_button.isEnabled()  # the newest is selected


def test_empty_list(db, dialog_for):
    dialog = dialog_for(db.path)
    assert rows(dialog) == []
    assert dialog.empty_label.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_back_up_now_adds_one(qtbot, db, dialog_for):
    add_client(db, "A")
    add_client(db, "B")
    backup.create_backup(db, "open")
    dialog = dialog_for(db.path)
    assert len(rows(dialog)) == 1
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: len(rows(dialog)) == 2, timeout=15000)
    qtbot.waitUntil(lambda: dialog._op is None, timeout=5000)
    listed = rows(dialog)
    assert listed[0][1] == "Backed up by hand" and listed[0][2] == "2"
    assert dialog.selected_backup().reason == "manual"
    assert "Backup written" in dialog.status_label.text()
    assert dialog.backup_button.isEnabled()


def test_a_failing_backup_is_explained(qtbot, db, dialog_for, monkeypatch):
    add_client(db, "A")
    dialog = dialog_for(db.path)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))

    def full(*args, **kwargs):
        raise backup.BackupDiskFullError(path=dialog.folder)

    monkeypatch.setattr(backup, "create_backup", full)
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog._op is None, timeout=15000)
    assert shown and "disk is full" in shown[0]
    assert "disk is full" in dialog.status_label.text()
    assert rows(dialog) == []


def test_restore_asks_then_emits_the_selected_backup(qtbot, db, dialog_for, monkeypatch):
    add_client(db, "A")
    older = backup.create_backup(db, "open")
    add_client(db, "B")
    backup.create_backup(db, "manual")
    dialog = dialog_for(db.path)
    dialog.select_backup(older)
    assert dialog.selected_backup().path == older
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    with qtbot.waitSignal(dialog.restore_requested, timeout=2000) as signal:
        dialog.restore_button.click()
    assert signal.args == [older]
    assert isinstance(signal.args[0], Path)
    assert "backed up first" in asked[0] and "(clients: 1)" in asked[0]
    assert not dialog.isVisible()
    assert db.scalar("SELECT COUNT(*) FROM clients") == 2  # the dialog itself changes nothing


def test_restore_declined_emits_nothing(qtbot, db, dialog_for, monkeypatch):
    add_client(db, "A")
    backup.create_backup(db, "open")
    dialog = dialog_for(db.path)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    emitted = []
    dialog.restore_requested.connect(emitted.append)
    dialog.restore_button.click()
    assert emitted == [] and dialog.isVisible()


def test_a_damaged_backup_is_not_offered_and_explained(qtbot, db, dialog_for, monkeypatch):
    add_client(db, "A")
    good = backup.create_backup(db, "open")
    bad = good.with_name("test-20200101-000000-manual.db")
    bad.write_bytes(b"not a database" * 100)
    dialog = dialog_for(db.path)
    assert rows(dialog)[1][2] == "unreadable"
    dialog.select_backup(bad)
    assert not dialog.restore_button.isEnabled()
    # a backup damaged after it was listed: refused with a message, nothing emitted
    dialog.select_backup(good)
    good.write_bytes(b"scribbled" * 100)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warned.append(text)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: pytest.fail("must not ask")))
    emitted = []
    dialog.restore_requested.connect(emitted.append)
    dialog.restore_selected()
    assert emitted == [] and warned and "damaged" in warned[0]


def test_open_folder_opens_a_local_file_url(db, dialog_for, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    dialog = dialog_for(db.path)
    assert dialog.open_folder()
    assert len(opened) == 1 and opened[0].isLocalFile()
    assert Path(opened[0].toLocalFile()) == backup.backup_folder(db.path).resolve()
    assert backup.backup_folder(db.path).is_dir()
