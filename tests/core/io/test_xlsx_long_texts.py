"""A text longer than an Excel cell holds (32,767 characters) is reported when an xlsx is written: a
warning names the sheet, row, client and column (CLI on stderr, the app in a message); the Excel cell
has the beginning, the CSV and the .zip keep the whole text."""

from __future__ import annotations

import csv
import subprocess
import sys
import zipfile

from openpyxl import load_workbook

from loyaldesk.core.db import open_database
from loyaldesk.core.io import export
from tests.conftest import add_client, add_session

NOTE = "".join(f"{i:06d} 面談の記録。" for i in range(10_000))  # 130,000 characters
TOPIC = "長い議題 " * 9_000  # 45,000 characters


def _practice(path):
    with open_database(path) as db:
        add_client(db, "Short Note", notes="fine")
        long_one = add_client(db, "山田 太郎", notes=NOTE)
        add_session(db, long_one, "2025-05-01", fee=30000, topic=TOPIC)
    return path


def test_export_reports_each_cut_cell_and_keeps_the_whole_text_elsewhere(tmp_path):
    path = _practice(tmp_path / "p.db")
    out, warnings = tmp_path / "all.xlsx", []
    with open_database(path) as db:
        export.export_xlsx(db, out, "all", warnings=warnings)
        export.export_csv(db, tmp_path / "clients.csv", "clients")
        export.export_zip(db, tmp_path / "all.zip", plain=True)
    assert len(warnings) == 2
    assert warnings[0].startswith("clients row 3 (#2 山田 太郎), column notes: 130,000 characters")
    assert "the Excel file has the first 32,767" in warnings[0] and "CSV and .zip" in warnings[0]
    assert warnings[1].startswith("sessions row 2 (#2 山田 太郎), column topic: 45,000 characters")
    book = load_workbook(out)
    clients = {row[1]: row for row in book["clients"].iter_rows(min_row=2, values_only=True)}
    headers = [c.value for c in book["clients"][1]]
    assert clients["山田 太郎"][headers.index("notes")] == NOTE[:32_767]
    assert clients["Short Note"][headers.index("notes")] == "fine"
    with open(tmp_path / "clients.csv", encoding="utf-8-sig", newline="") as fh:
        assert NOTE in [row["notes"] for row in csv.DictReader(fh)]
    with zipfile.ZipFile(tmp_path / "all.zip") as zf:
        whole = "".join(zf.read(name).decode("utf-8") for name in zf.namelist() if "clients" in name)
    assert NOTE in whole


def test_no_warning_when_everything_fits(db, tmp_path):
    add_client(db, "Fits", notes="x" * 32_767)
    warnings = []
    export.export_xlsx(db, tmp_path / "c.xlsx", "clients", warnings=warnings)
    assert warnings == []


def _cli(*args, lang="en"):
    return subprocess.run([sys.executable, "-m", "loyaldesk", "--lang", lang, *args], capture_output=True, text=True,
                          timeout=120)


def test_cli_export_and_report_say_so_on_stderr(tmp_path):
    path = _practice(tmp_path / "p.db")
    proc = _cli("--db", str(path), "export", "--out", str(tmp_path / "all.xlsx"))
    assert proc.returncode == 0 and proc.stdout.strip() == str(tmp_path / "all.xlsx")
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in proc.stderr
    assert lines[0].startswith("clients row 3 (#2 山田 太郎), column notes: 130,000 characters")
    proc = _cli("--db", str(path), "export", "--out", str(tmp_path / "ja.xlsx"), lang="ja")
    assert proc.stderr.splitlines()[0].startswith("clients の 3行目（#2 山田 太郎）、列 notes: 130,000文字あり")
    with open_database(path) as db:
        with db.transaction() as conn:
            conn.execute("UPDATE clients SET name = ? WHERE id = 2", ("山田" * 20_000,))
    proc = _cli("--db", str(path), "report", "--year", "2025", "--out", str(tmp_path / "r.xlsx"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr and all("40,000 characters" in line for line in proc.stderr.strip().splitlines())
