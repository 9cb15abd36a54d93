"""File > Export to Excel of a practice with a note longer than an Excel cell holds: the export is
written and a message names the client and the column (the CSV and .zip keep the whole text)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tests.conftest import add_client


def test_export_says_which_texts_the_excel_file_holds_only_the_beginning_of(qtbot, services, db, tmp_path,
                                                                              message_boxes):
    from loyaldesk.ui.transfer import export_action

    add_client(db, "山田 太郎", notes="メモ " * 20_000)
    parent = QWidget()
    qtbot.addWidget(parent)
    statuses = []
    out = tmp_path / "all.xlsx"
    op = export_action.start_export(parent, services, out, "all", status=statuses.append)
    with qtbot.waitSignal(op.finished, timeout=30000):
        pass
    assert out.exists() and statuses == [f"Exported to {out}"]
    kind, text = message_boxes.pop()
    assert kind == "warning"
    assert text.startswith("all.xlsx was written, but some texts are longer than an Excel cell holds:")
    assert "clients row 2 (#1 山田 太郎), column notes: 60,000 characters" in text
