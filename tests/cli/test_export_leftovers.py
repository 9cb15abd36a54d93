"""An export that cannot finish (a full disk, a kill) leaves nothing behind: one line of error, no traceback,
no half-written file next to the target, nothing left once the next start has cleaned up."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.cli.test_cli import one_line_error, run

# The writer's file fails with ENOSPC once 64 KB are written, as a disk that fills up mid-export does.
FULL_DISK = (
    "import errno, io, sys\n"
    "from loyaldesk import cli\n"
    "from loyaldesk.core.io import xlsx\n"
    "class Full(io.FileIO):\n"
    "    written = 0\n"
    "    def write(self, data):\n"
    "        Full.written += len(data)\n"
    "        if Full.written > 65536:\n"
    "            raise OSError(errno.ENOSPC, 'No space left on device')\n"
    "        return super().write(data)\n"
    "xlsx.open = lambda path, mode='r': io.BufferedWriter(Full(path, 'w'))\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)


def test_a_full_disk_during_an_xlsx_export_is_one_line_and_leaves_nothing(tmp_path):
    db = tmp_path / "p.db"
    run("demo", "--db", str(db), "--clients", "300", "--seed", "4")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "all.xlsx"
    for lang, text in (("en", "disk is full"), ("ja", "ディスク")):
        proc = subprocess.run([sys.executable, "-c", FULL_DISK, "export", "--db", str(db), "--out", str(out)],
                              capture_output=True, text=True, env=dict(os.environ, LOYALDESK_LANG=lang), timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert text in one_line_error(proc)  # one line: no "Exception ignored" traceback at exit
        assert "Exception ignored" not in proc.stderr
        assert os.listdir(out_dir) == []  # neither the target nor a partial file


# An export (or a backup) that stops for good in the middle of its writing: the test kills it there.
STOPS_WHILE_WRITING = (
    "import errno, os, shutil, sys, time\n"
    "from loyaldesk import cli\n"
    "from loyaldesk.core import backup, scratch\n"
    "from loyaldesk.core.io import export\n"
    "where = sys.argv[1]\n"
    "def stop(*_):\n"
    "    print('stopped', flush=True)\n"
    "    time.sleep(120)\n"
    "if where == 'writing':\n"
    "    write_sheets = export._write_sheets\n"
    "    export._write_sheets = lambda *a, **k: (write_sheets(*a, **k), stop())\n"
    "elif where == 'copying':  # the target on another file system: copied next to it, then renamed\n"
    "    replace, copy = os.replace, shutil.copyfileobj\n"
    "    def other_fs(src, dst):\n"
    "        if str(src).startswith(os.path.join(os.environ['LOYALDESK_HOME'], 'data', 'tmp')):\n"
    "            raise OSError(errno.EXDEV, 'Invalid cross-device link')\n"
    "        return replace(src, dst)\n"
    "    os.replace = other_fs\n"
    "    shutil.copyfileobj = lambda *a: (copy(*a), a[1].flush(), stop())\n"
    "elif where == 'backup':\n"
    "    run_backup = backup._run_backup\n"
    "    backup._run_backup = lambda *a: (run_backup(*a), stop())\n"
    "sys.exit(cli.main(sys.argv[2:]))\n"
)


def _killed_while(where, *args):
    proc = subprocess.Popen([sys.executable, "-c", STOPS_WHILE_WRITING, where, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "stopped", proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def _private_temp_folders():
    root = os.path.join(os.environ["LOYALDESK_HOME"], "data", "tmp")
    return [name for name in os.listdir(root) if not name.endswith(".lock")] if os.path.isdir(root) else []


def test_a_killed_export_leaves_nothing_next_to_the_target_and_the_next_start_clears_its_file(tmp_path):
    db = tmp_path / "p.db"
    run("demo", "--db", str(db), "--clients", "50", "--seed", "4")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    _killed_while("writing", "export", "--db", str(db), "--out", str(out_dir / "all.xlsx"))
    assert os.listdir(out_dir) == []  # no .part file beside the target
    left = _private_temp_folders()
    assert len(left) == 1  # the partial workbook, in the killed process's own folder...
    partial = os.listdir(os.path.join(os.environ["LOYALDESK_HOME"], "data", "tmp", left[0]))
    assert len(partial) == 1 and partial[0].endswith(".xlsx")
    run("templates", "--db", str(db))
    assert _private_temp_folders() == []  # ...removed by the next start


def test_an_export_to_another_file_system_is_copied_and_renamed_and_a_killed_copy_is_cleared(tmp_path):
    db = tmp_path / "p.db"
    run("demo", "--db", str(db), "--clients", "50", "--seed", "4")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "clients.csv"
    _killed_while("copying", "export", "--db", str(db), "--out", str(target))
    left = os.listdir(out_dir)
    assert len(left) == 1 and left[0].startswith(".loyaldesk-part-")  # the copy, hidden, never the target
    run("templates", "--db", str(db))
    assert os.listdir(out_dir) == [] and _private_temp_folders() == []

    # not killed: the copy is renamed onto the target, nothing else stays
    script = STOPS_WHILE_WRITING.replace("time.sleep(120)", "pass")
    proc = subprocess.run([sys.executable, "-c", script, "copying", "export", "--db", str(db), "--out", str(target)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert os.listdir(out_dir) == ["clients.csv"]
    direct = tmp_path / "direct.csv"
    run("export", "--db", str(db), "--out", str(direct))
    assert target.read_bytes() == direct.read_bytes()


def _backup_files():
    backups = os.path.join(os.environ["LOYALDESK_HOME"], "data", "backups")
    return {os.path.join(f, n) for f in os.listdir(backups) for n in os.listdir(os.path.join(backups, f))}


def test_a_killed_backup_is_cleared_at_the_next_start(tmp_path):
    db = tmp_path / "p.db"
    run("demo", "--db", str(db), "--clients", "50", "--seed", "4")
    run("backup", "--db", str(db))
    before = _backup_files()
    assert len(before) == 1
    _killed_while("backup", "backup", "--db", str(db))
    temps = [n for n in _backup_files() - before if n.endswith(".tmp")]
    assert len(temps) == 1 and os.path.basename(temps[0]).startswith(".loyaldesk-backup-")  # unfinished...
    run("templates", "--db", str(db))
    assert _backup_files() == before  # ...removed by the next start, not a day later; the real backup kept


def test_a_temporary_backup_being_written_is_kept_until_its_process_lets_go(tmp_path):
    from loyaldesk.core import scratch

    old = tmp_path / ".loyaldesk-backup-old.tmp"  # left by a version without locks: nobody holds it
    old.write_bytes(b"SQLite format 3\0")
    held = scratch.HeldTemp(tmp_path, ".loyaldesk-backup-", ".tmp")
    held.path.write_bytes(b"SQLite format 3\0")
    assert scratch.clear_unheld(tmp_path, scratch.BACKUP_TEMP_PATTERN) == [old]
    assert held.path.exists() and not old.exists()
    held.release()
    assert sorted(os.listdir(tmp_path)) == []
