"""The command line on a practice in a read-only folder: the read commands answer as usual, the
writes are refused in one line with the reason, in the user's language; the folder is left as it was."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import one_line_error, run
from tests.read_only_fs import listing, read_only

AS_OF = "2026-11-23"


@pytest.fixture
def shared(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "practice.db"
    run("--db", str(path), "demo", "--clients", "40", "--seed", "4")
    run("--db", str(path), "tiers", "--as-of", AS_OF)  # the stored tiers are those of that day
    return path


def test_read_commands_answer_in_a_read_only_folder(shared, tmp_path):
    folder = shared.parent
    writable = {cmd: run("--db", str(shared), cmd, "--as-of", AS_OF, "--json").stdout
                for cmd in ("clients", "suggest", "tiers")}
    before = listing(folder)
    with read_only(folder):
        for cmd, expected in writable.items():
            proc = run("--db", str(shared), cmd, "--as-of", AS_OF, "--json")
            assert json.loads(proc.stdout) == json.loads(expected), cmd
        run("--db", str(shared), "today", "--as-of", AS_OF)
        run("--db", str(shared), "report", "--year", "2025", "--out", str(tmp_path / "r.xlsx"))
        run("--db", str(shared), "export", "--out", str(tmp_path / "all.zip"), "--plain")
        run("--db", str(shared), "backup", "--out", str(tmp_path / "copy.db"))
    assert (tmp_path / "r.xlsx").stat().st_size > 0 and (tmp_path / "all.zip").stat().st_size > 0
    assert listing(folder) == before


def test_writes_are_refused_with_the_reason_in_the_users_language(shared, tmp_path):
    folder = shared.parent
    source = tmp_path / "new.csv"
    source.write_text("name,email\nAnn Example,ann@example.org\n", encoding="utf-8")
    count = len(json.loads(run("--db", str(shared), "clients", "--json").stdout))
    before = listing(folder)
    with read_only(folder):
        line = one_line_error(run("--db", str(shared), "import", str(source), check_ok=False))
        assert "read-only" in line and str(folder) in line and "Nothing was changed" in line
        line = one_line_error(run("--lang", "ja", "--db", str(shared), "import", str(source), check_ok=False))
        assert "読み取り専用" in line and "何も変更していません" in line
    assert listing(folder) == before
    assert len(json.loads(run("--db", str(shared), "clients", "--json").stdout)) == count
