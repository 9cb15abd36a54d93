"""The import dialog while another program writes to the practice: the progress dialog says "Busy,
waiting…" and the import follows once the other writer is done (a second process holds the write lock);
Cancel stops the wait and writes nothing."""

from __future__ import annotations

import subprocess
import sys

from loyaldesk.ui.transfer.import_dialog import ImportDialog
from tests.conftest import add_client

HOLD = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO clients (name, email) VALUES ('Other Writer', 'other@example.jp')")
print("locked", flush=True)
sys.stdin.readline()  # until the test says so
conn.execute("COMMIT")
"""


def _writer(path):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _dialog(qtbot, services, tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text("name,email\nAnn Example,ann@example.org\nOther Writer,other@example.jp\n", encoding="utf-8")
    dialog = ImportDialog(services, path, "clients")
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=20000)
    return dialog


def _label(dialog):
    op = dialog._op
    return op._dialog.labelText() if op is not None and op._dialog is not None else ""


def test_import_waits_for_another_writer_and_says_so(qtbot, services, db, tmp_path):
    add_client(db, "Kept")
    dialog = _dialog(qtbot, services, tmp_path)
    assert "To add: 2" in dialog.summary_label.text()
    writer = _writer(db.path)
    try:
        dialog.import_button.click()
        qtbot.waitUntil(lambda: _label(dialog).startswith("Busy, waiting…"), timeout=20000)
        assert dialog._op._dialog.isVisible()
        assert db.scalar("SELECT COUNT(*) FROM clients") == 1  # nothing written while waiting
        with qtbot.waitSignal(dialog.imported, timeout=30000):
            writer.stdin.write("\n")
            writer.stdin.flush()
    finally:
        writer.communicate(timeout=10)
    # decided again under the lock: the other writer's client is merged into, not added twice
    assert dialog.result_summary.added == 1 and dialog.result_summary.merged == 1
    names = [r[0] for r in db.query("SELECT name FROM clients ORDER BY id")]
    assert names == ["Kept", "Other Writer", "Ann Example"]


def test_cancel_while_waiting_writes_nothing(qtbot, services, db, tmp_path, message_boxes):
    dialog = _dialog(qtbot, services, tmp_path)
    writer = _writer(db.path)
    try:
        dialog.import_button.click()
        qtbot.waitUntil(lambda: _label(dialog).startswith("Busy, waiting…"), timeout=20000)
        op = dialog._op
        from PySide6.QtWidgets import QPushButton

        with qtbot.waitSignal(op.cancelled, timeout=10000):
            op._dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    finally:
        writer.stdin.write("\n")
        writer.stdin.flush()
        writer.communicate(timeout=10)
    assert message_boxes.pop() == ("information", "Import cancelled; nothing was written.")
    assert [r[0] for r in db.query("SELECT name FROM clients")] == ["Other Writer"]
