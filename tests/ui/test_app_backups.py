"""Backups from the app: one on opening, File > Backups… restore, and vCard export of selected clients."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QFileDialog

from loyaldesk.core import backup
from loyaldesk.core.db import open_database
from loyaldesk.settings import Preferences
from tests.conftest import add_client


@pytest.fixture
def practice(tmp_path):
    path = tmp_path / "practice.db"
    with open_database(path) as db:
        for name in ("山田 太郎", "佐藤 花子", "鈴木 一郎"):
            add_client(db, name)
    return path


@pytest.fixture
def controller(qapp):
    from loyaldesk.ui.app import AppController

    c = AppController(qapp, Preferences.load())
    yield c
    if c.window is not None:
        c.window.close()
    c.close()


def test_opening_a_database_backs_it_up_in_the_background(qtbot, controller, practice):
    assert controller.open(practice)
    qtbot.waitUntil(lambda: [b.reason for b in backup.list_backups(practice)] == ["open"], timeout=20000)
    assert backup.list_backups(practice)[0].clients == 3


def test_restore_from_the_backups_menu_reopens_the_restored_database(qtbot, controller, practice, tmp_path):
    saved = backup.create_backup(practice, "manual")
    assert controller.open(practice, backup_on_open=False)
    with controller.services.db.transaction() as conn:
        conn.execute("DELETE FROM clients WHERE name = '鈴木 一郎'")
    controller.services.reload_all()
    old_window = controller.window
    assert old_window.clients_screen.model.rowCount() == 2

    old_window.restore_backup_requested.emit(saved)
    qtbot.waitUntil(lambda: controller.window is not old_window, timeout=20000)
    window = controller.window
    assert window.clients_screen.model.rowCount() == 3
    assert "saved as" in window.statusBar().currentMessage()
    # the state before the restore (2 clients) was kept as a backup of its own
    restore_backups = [b for b in backup.list_backups(practice) if b.reason == "restore"]
    assert [b.clients for b in restore_backups] == [2]


def test_restore_of_a_damaged_backup_keeps_the_database(qtbot, controller, practice, tmp_path, message_boxes):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 200)
    assert controller.open(practice, backup_on_open=False)
    old_window = controller.window
    old_window.restore_backup_requested.emit(junk)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=20000)
    kind, text = message_boxes.pop()
    assert kind == "warning" and "junk.db" in text
    qtbot.waitUntil(lambda: controller.window is not old_window, timeout=20000)
    assert controller.window.clients_screen.model.rowCount() == 3


def test_backups_action_opens_the_list(qtbot, controller, practice, monkeypatch):
    from loyaldesk.ui.backups import BackupsDialog

    backup.create_backup(practice, "manual")
    assert controller.open(practice, backup_on_open=False)
    seen = []
    monkeypatch.setattr(BackupsDialog, "exec", lambda self: seen.append(self.table.topLevelItemCount()) or 0)
    controller.window.backups_action.trigger()
    assert seen == [1]


def test_export_selected_clients_as_vcard(qtbot, controller, practice, tmp_path, monkeypatch):
    assert controller.open(practice, backup_on_open=False)
    window = controller.window
    screen = window.clients_screen
    table = screen.table
    selection = table.selectionModel()
    selection.clearSelection()
    for name in ("山田 太郎", "鈴木 一郎"):
        row = next(r for r in range(screen.model.rowCount()) if screen.model.row_at(r).name == name)
        selection.select(screen.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert window.export_vcard_action.isEnabled()
    out = tmp_path / "two"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.export_vcard_action.trigger()
    target = tmp_path / "two.vcf"
    qtbot.waitUntil(target.exists, timeout=20000)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2
    assert "FN:山田 太郎" in text and "FN:鈴木 一郎" in text and "佐藤" not in text
    qtbot.waitUntil(lambda: "two.vcf" in window.statusBar().currentMessage(), timeout=5000)
