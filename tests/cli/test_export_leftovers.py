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
