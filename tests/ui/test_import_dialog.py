"""The import dialog as a consultant uses it: preview first, then the valid rows, nothing half-done."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QMessageBox

from loyaldesk.ui.transfer.import_dialog import ImportDialog
from tests.conftest import add_client

CSV_TEXT = (
    "氏名,フリガナ,メールアドレス,電話番号,郵便番号,誕生日,タグ,好きな色\n"
    "山田　太郎,ヤマダ タロウ,taro@example.jp,０３－１２３４－５６７８,1500001,令和2年4月1日,経営者,青\n"
    ",たかはし いちこ,bad-email,090,123,2023-02-30,,赤\n"  # no name, company or e-mail: cannot be a client
    "佐藤 花子,さとう はなこ,hanako@example.jp,,,,,緑\n"
)


def write_cp932(path, text=CSV_TEXT):
    path.write_bytes(text.encode("cp932"))
    return path


def open_dialog(qtbot, services, path, kind="clients"):
    dialog = ImportDialog(services, path, kind)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=20000)
    return dialog


def test_preview_shows_every_row_fate_before_writing(qtbot, services, db, tmp_path):
    existing = add_client(db, "佐藤 花子", email="hanako@example.jp")
    dialog = open_dialog(qtbot, services, write_cp932(tmp_path / "顧客.csv"))
    assert "CP932" in dialog.file_label.text().upper()
    assert "To add: 1" in dialog.summary_label.text() and "to merge: 1" in dialog.summary_label.text()
    assert "errors: 1" in dialog.summary_label.text()
    rows = {dialog.preview.item(r, 0).text(): dialog.preview.item(r, 1).text() for r in range(dialog.preview.rowCount())}
    assert rows == {"2": "add", "3": "error", "4": "merge"}
    error_details = next(dialog.preview.item(r, 4).text() for r in range(dialog.preview.rowCount())
                         if dialog.preview.item(r, 0).text() == "3")
    assert "誕生日" in error_details and "メールアドレス" in error_details and "氏名" in error_details
    assert db.scalar("SELECT COUNT(*) FROM clients") == 1  # nothing written yet
    # the unknown column is offered for mapping, not imported
    unmapped = [dialog.mapping_table.item(r, 0).text() for r in range(dialog.mapping_table.rowCount())
                if not dialog.mapping_table.cellWidget(r, 2).currentData()]
    assert unmapped == ["好きな色"]
    assert existing


def test_import_valid_rows_after_confirmation_and_mapping_remembered(qtbot, services, db, tmp_path, monkeypatch):
    path = write_cp932(tmp_path / "list.csv")
    dialog = open_dialog(qtbot, services, path)
    combo = dialog.mapping_table.cellWidget(7, 2)  # 好きな色 -> notes
    combo.setCurrentIndex(combo.findData("notes"))
    dialog._on_remap_clicked()
    qtbot.waitUntil(lambda: dialog.current_mapping().get(7) == "notes" and dialog.prepared.loaded.mapping.get(7) == "notes",
                    timeout=20000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert (result.added, result.errors) == (2, 1)
    names = dict(db.query("SELECT name, notes FROM clients", plain=True))
    assert names == {"山田 太郎": "青", "佐藤 花子": "緑"}
    assert db.scalar("SELECT address1 FROM clients WHERE name = '山田 太郎'") in ("", None)
    # the next file with the same headers gets the same mapping
    again = open_dialog(qtbot, services, write_cp932(tmp_path / "again.csv"))
    assert again.current_mapping().get(7) == "notes"


def test_problem_list_saved_as_csv(qtbot, services, tmp_path):
    dialog = open_dialog(qtbot, services, write_cp932(tmp_path / "x.csv"))
    target = tmp_path / "problems.csv"
    dialog.save_problems(target)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["row", "column", "severity", "reason"]
    assert ["3", "誕生日"] == rows[1][:2] or any(r[:2] == ["3", "誕生日"] for r in rows[1:])


def test_sessions_import_with_yen_amounts(qtbot, services, db, tmp_path, monkeypatch):
    add_client(db, "山田 太郎", email="taro@example.jp")
    path = tmp_path / "ledger.csv"
    path.write_text("日付,メール,金額,内容\n2026/4/1,taro@example.jp,\"¥30,000\",資金計画\n2026/5/1,taro@example.jp,\"15,000円\",採用\n",
                    encoding="utf-8-sig")
    dialog = open_dialog(qtbot, services, path, kind="sessions")
    assert "Sessions to add: 2" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    assert db.scalar("SELECT SUM(fee) FROM sessions") == 45000


def test_workbook_sheets_are_offered_and_unsure_columns_asked(qtbot, services, db, tmp_path, monkeypatch, message_boxes):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "表紙"
    wb.active["A1"] = "顧客一覧 2025"
    ws = wb.create_sheet("あ行")
    ws["A1"] = "あ行の顧客"
    ws.merge_cells("A1:C1")
    ws.append(["氏名", "メール", "当社をどこでお知りになりましたか？会社案内ですか？"])
    ws.append(["安藤 ロイド", "lloyd@example.jp", "会社案内"])
    ws = wb.create_sheet("か行")
    ws.append(["氏名", "メール"])
    ws.append(["加藤 花子", "hanako@example.jp"])
    ws.append(["木村 一郎", "ichiro@example.jp"])
    path = tmp_path / "住所録.xlsx"
    wb.save(path)
    dialog = open_dialog(qtbot, services, path)
    assert dialog.sheet_combo.isVisibleTo(dialog) and dialog.sheet_combo.count() == 3
    assert dialog.sheet_combo.currentData() == "あ行" and dialog.header_row.value() == 2
    assert "To add: 1" in dialog.summary_label.text()
    # the sentence-like header is not mapped silently: the dialog asks
    assert dialog.doubts_label.isVisibleTo(dialog) and "当社をどこで" in dialog.doubts_label.text()
    assert dialog.current_mapping() == {0: "name", 1: "email"}
    if __import__("os").environ.get("LOYALDESK_SCREENSHOTS"):
        dialog.grab().save(__import__("os").path.join(__import__("os").environ["LOYALDESK_SCREENSHOTS"], "import.png"))
    dialog.sheet_combo.setCurrentIndex(2)
    dialog._on_sheet_chosen(2)
    qtbot.waitUntil(lambda: dialog.prepared.loaded.table.sheet == "か行", timeout=20000)
    assert "To add: 2" in dialog.summary_label.text() and not dialog.doubts_label.isVisibleTo(dialog)
    dialog.mapping_name.setText("住所録")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    assert sorted(r[0] for r in db.query("SELECT name FROM clients", plain=True)) == ["加藤 花子", "木村 一郎"]
    from loyaldesk.core.io import files

    assert files.saved_mapping_names(db, "clients") == ["住所録"]
