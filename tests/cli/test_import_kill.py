"""An import killed at any moment (SIGKILL) leaves a sound database with all of its rows or none."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

ROWS = 20_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("kill") / "clients.csv"
    with open(path, "w", encoding="cp932", newline="") as fh:
        fh.write("氏名,フリガナ,メールアドレス,電話番号,郵便番号,住所\r\n")
        for i in range(ROWS):
            fh.write(f"顧客 {i:05d},こきゃく {i},c{i}@example.jp,090-{i % 10000:04d}-{i // 10000:04d},150-0001,東京都渋谷区神宮前{i}\r\n")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_killed_import_is_all_or_nothing(tmp_path, big_csv):
    rng = random.Random(1234)
    env = dict(os.environ)
    for attempt in range(6):
        db = tmp_path / f"kill{attempt}.db"
        subprocess.run([sys.executable, "-m", "loyaldesk", "init", "--db", str(db)], check=True, env=env,
                       capture_output=True)
        proc = subprocess.Popen([sys.executable, "-m", "loyaldesk", "import", "--db", str(db), str(big_csv)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = conn.execute("SELECT COUNT(*) FROM clients").fetchone()[0]
        finally:
            conn.close()
        assert count in (0, ROWS), f"attempt {attempt}: {count} rows after a kill"
