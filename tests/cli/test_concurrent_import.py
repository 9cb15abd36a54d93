"""Two imports of the same file at once: the second waits for the first and merges; no duplicates."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading

ROWS = 2_000


def _csv(path):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("氏名,フリガナ,メールアドレス,電話番号\r\n")
        for i in range(ROWS):
            fh.write(f"顧客 {i:05d},こきゃく {i},c{i}@example.jp,090-{i % 10000:04d}-0000\r\n")
    return path


def _cli(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "loyaldesk", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, LANG="C.UTF-8"), **kw)


def _emails(db):
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT email FROM clients")]
    finally:
        conn.close()


def test_two_imports_at_once_hold_each_email_once(tmp_path):
    csv_path = _csv(tmp_path / "clients.csv")
    for attempt in range(3):
        db = tmp_path / f"p{attempt}.db"
        subprocess.run([sys.executable, "-m", "loyaldesk", "init", "--db", str(db)], check=True, capture_output=True)
        procs = [_cli("import", "--db", str(db), str(csv_path)) for _ in range(2)]
        outs = [p.communicate(timeout=300) for p in procs]
        codes = [p.returncode for p in procs]
        for code, (out, err) in zip(codes, outs):
            assert code == 0 or err.strip(), f"exit {code} without a message"
            assert "Traceback" not in err
        assert 0 in codes, outs
        emails = _emails(db)
        assert len(emails) == ROWS, f"attempt {attempt}: {len(emails)} clients for {ROWS} e-mails ({outs})"
        assert len(set(emails)) == ROWS
        if codes == [0, 0]:  # the one that came second merged into what the first added
            summaries = sorted(out.splitlines()[0] for out, _ in outs)
            assert summaries == [f"added 0, merged {ROWS}, skipped 0, errors 0",
                                 f"added {ROWS}, merged 0, skipped 0, errors 0"], summaries


def test_import_waits_for_another_writer_and_says_so(tmp_path):
    csv_path = _csv(tmp_path / "clients.csv")
    db = tmp_path / "p.db"
    subprocess.run([sys.executable, "-m", "loyaldesk", "init", "--db", str(db)], check=True, capture_output=True)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing to the practice
    holder.execute("INSERT INTO clients (name, email) VALUES ('先客', 'c7@example.jp')")
    proc = _cli("import", "--db", str(db), str(csv_path))
    lines: list[str] = []
    seen = threading.Event()

    def read_err():
        for line in proc.stderr:
            lines.append(line)
            if "busy, waiting" in line:
                seen.set()

    reader = threading.Thread(target=read_err, daemon=True)
    reader.start()
    try:
        assert seen.wait(120), f"no busy notice: {lines}"
    finally:
        holder.execute("COMMIT")
        holder.close()
    out = proc.stdout.read()
    assert proc.wait(timeout=120) == 0, lines
    reader.join(10)
    # the client the other writer added meanwhile is recognised: merged, not added a second time
    assert out.splitlines()[0] == f"added {ROWS - 1}, merged 1, skipped 0, errors 0"
    emails = _emails(db)
    assert len(emails) == ROWS and len(set(emails)) == ROWS
