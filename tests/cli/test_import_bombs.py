"""Bomb-proof reading: zip and xlsx members too large or expanding too much are refused before they are
decompressed, with a clear message and little memory; one huge field is an error of its row."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import zipfile

import pytest

MEMORY_LIMIT_MB = 500
MEASURE = (
    "import json, resource, subprocess, sys\n"
    "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "print(json.dumps([p.returncode, p.stdout, p.stderr, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
)


def _import_measured(*args):
    """Run `loyaldesk import` in a child of a fresh process: (exit code, stdout, stderr, peak RSS in MB) of
    that import alone (RUSAGE_CHILDREN of a process that ran nothing else)."""
    proc = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "loyaldesk", "import", *args],
                          capture_output=True, text=True, timeout=600, check=True)
    code, out, err, peak = json.loads(proc.stdout)
    return code, out, err, peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _clients(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT COUNT(*) FROM clients").fetchone()[0]
    finally:
        conn.close()


def _init(db):
    subprocess.run([sys.executable, "-m", "loyaldesk", "init", "--db", str(db)], check=True, capture_output=True)


def _stream_member(zf, name, parts, size):
    """Write a member of `size` bytes made of `parts` (head, filler byte, tail) without holding it in memory;
    its sha256."""
    head, filler, tail = parts
    digest = hashlib.sha256()
    with zf.open(name, "w", force_zip64=True) as member:
        left = size - len(head) - len(tail)
        chunk = filler * (1 << 20)
        for part in [head] + [chunk] * (left // len(chunk)) + [chunk[:left % len(chunk)], tail]:
            member.write(part)
            digest.update(part)
    return digest.hexdigest()


@pytest.fixture
def real_archive(tmp_path):
    """A real LoyalDesk archive of a small practice."""
    db = tmp_path / "source.db"
    _init(db)
    csv_path = tmp_path / "one.csv"
    csv_path.write_text("氏名,メールアドレス\n山田 太郎,taro@example.jp\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "loyaldesk", "import", "--db", str(db), str(csv_path)], check=True,
                   capture_output=True)
    out = tmp_path / "practice.zip"
    subprocess.run([sys.executable, "-m", "loyaldesk", "export", "--db", str(db), "--out", str(out)], check=True,
                   capture_output=True)
    return out


def test_archive_holding_one_huge_line_is_refused_before_decompressing(tmp_path, real_archive):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(real_archive) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        manifest = json.loads(src.read("manifest.json"))
        for info in src.infolist():
            if info.filename == "clients.jsonl":  # one line of 300 MB in place of the clients
                digest = _stream_member(zf, info.filename, (b'{"name": "', b"a", b'"}\n'), 300 << 20)
                manifest["tables"]["clients"].update(rows=1, sha256=digest)  # a bomb that knows the format
            elif info.filename != "manifest.json":
                zf.writestr(info, src.read(info.filename))
        zf.writestr("manifest.json", json.dumps(manifest))
    assert bomb.stat().st_size < 2 << 20  # a small file
    target = tmp_path / "target.db"
    _init(target)
    code, out, err, peak_mb = _import_measured("--db", str(target), str(bomb))
    assert code == 1
    assert "bomb.zip: “clients.jsonl” would expand" in err and "Nothing was imported." in err, err
    assert "Traceback" not in err
    assert peak_mb < MEMORY_LIMIT_MB, f"peak {peak_mb:.0f} MB"
    assert _clients(target) == 0


def test_real_archive_still_imports(tmp_path, real_archive):
    target = tmp_path / "target.db"
    _init(target)
    code, out, err, _ = _import_measured("--db", str(target), str(real_archive))
    assert code == 0, err
    assert _clients(target) == 1


def _workbook(path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["氏名", "メールアドレス"])
    ws.append(["山田 太郎", "taro@example.jp"])
    wb.save(path)


@pytest.mark.parametrize("size_mb, refused_by", [(200, "times its compressed size"), (700, "more than the 512.0 MB")])
def test_xlsx_whose_sheet_expands_enormously_is_refused(tmp_path, size_mb, refused_by):
    plain = tmp_path / "plain.xlsx"
    _workbook(plain)
    bomb = tmp_path / "clients.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":  # the same sheet, with whitespace between its rows
                head, sep, tail = data.partition(b"<sheetData>")
                _stream_member(zf, info.filename, (head + sep, b" ", tail), size_mb << 20)
            else:
                zf.writestr(info, data)
    assert bomb.stat().st_size < 2 << 20
    db = tmp_path / "p.db"
    _init(db)
    code, out, err, peak_mb = _import_measured("--db", str(db), str(bomb))
    assert code == 1
    assert "clients.xlsx: “xl/worksheets/sheet1.xml” would expand" in err and refused_by in err, err
    assert peak_mb < MEMORY_LIMIT_MB, f"peak {peak_mb:.0f} MB"
    assert _clients(db) == 0


def test_plain_workbook_still_imports(tmp_path):
    path = tmp_path / "clients.xlsx"
    _workbook(path)
    db = tmp_path / "p.db"
    _init(db)
    code, out, err, _ = _import_measured("--db", str(db), str(path))
    assert code == 0, err
    assert _clients(db) == 1


def test_a_field_over_one_megabyte_is_an_error_of_its_row(tmp_path):
    path = tmp_path / "clients.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("氏名,メールアドレス,メモ\r\n")
        fh.write("山田 太郎,taro@example.jp,長いメモ\r\n")
        fh.write(f"佐藤 花子,hanako@example.jp,{'x' * 3_000_000}\r\n")
        fh.write(f"鈴木 一郎,ichiro@example.jp,{'y' * 200_000}\r\n")  # long, but under the limit
    db = tmp_path / "p.db"
    _init(db)
    code, out, err, peak_mb = _import_measured("--db", str(db), "--on-error", "skip", str(path))
    assert code == 3, err
    assert out.splitlines()[0] == "added 2, merged 0, skipped 0, errors 1"
    assert ("row 3: メモ: this value has 3,000,000 characters; a field holds at most 1,000,000 (1 MB): "
            "the row is not imported") in out
    assert peak_mb < MEMORY_LIMIT_MB
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT name, length(notes) FROM clients ORDER BY id").fetchall() == [
            ("山田 太郎", 4), ("鈴木 一郎", 200_000)]
    finally:
        conn.close()
