"""`loyaldesk today` as scripts and people use it: the JSON contract against `suggest --json`,
the capacity for one run, the text in English and Japanese, one-line errors."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import one_line_error, run

AS_OF = "2026-12-05"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("today") / "sample.db"
    run("demo", "--db", str(db), "--seed", "11")
    return db


def test_today_json_holds_every_due_suggestion_exactly_once(sample_db):
    suggested = json.loads(run("suggest", "--db", str(sample_db), "--as-of", AS_OF, "--json").stdout)
    data = json.loads(run("today", "--db", str(sample_db), "--as-of", AS_OF, "--json").stdout)
    assert data["date"] == AS_OF and data["capacity"] == 8
    assert set(data) >= {"date", "capacity", "plan", "batches", "backlog"}
    assert set(data["backlog"]) >= {"count", "caught_up_by", "items"}
    due = {(s["client_id"], s["kind"], s["cycle"]) for s in suggested if s["due"] <= AS_OF}
    placed = [(s["client_id"], s["kind"], s["cycle"]) for s in data["plan"] + data["backlog"]["items"]]
    by_key = {(s["client_id"], s["kind"], s["cycle"]): s for s in suggested}
    for batch in data["batches"]:
        assert {"kind", "cycle", "count", "client_ids", "due"} <= set(batch)
        placed += [(cid, batch["kind"], batch["cycle"]) for cid in batch["client_ids"]]
    assert len(placed) == len(set(placed))
    assert due <= set(placed)
    assert len(data["plan"]) <= 8
    for item in data["plan"] + data["backlog"]["items"]:
        key = (item["client_id"], item["kind"], item["cycle"])
        assert {k: item[k] for k in ("reason", "due", "priority", "channel")} == {
            k: by_key[key][k] for k in ("reason", "due", "priority", "channel")}
    assert data["backlog"]["count"] == len(data["backlog"]["items"])
    # the same database and date give the same plan
    again = json.loads(run("today", "--db", str(sample_db), "--as-of", AS_OF, "--json").stdout)
    assert again["plan"] == data["plan"]


def test_capacity_for_one_run(sample_db):
    data = json.loads(run("today", "--db", str(sample_db), "--as-of", AS_OF, "--capacity", "3", "--json").stdout)
    assert data["capacity"] == 3 and len(data["plan"]) == 3
    assert data["backlog"]["caught_up_by"] > AS_OF
    proc = run("today", "--db", str(sample_db), "--capacity", "0", check_ok=False)
    assert "between 1 and 50" in one_line_error(proc)


def test_today_text_in_english_and_japanese(sample_db):
    out = run("today", "--db", str(sample_db), "--as-of", AS_OF).stdout
    assert out.startswith("Today, 2026-12-05: 8 of 8 personal contacts planned")
    assert "Group mailings:" in out and "New Year cards for 2027: " in out
    assert " more · at 8 a day, caught up by 2026-12-" in out
    ja = run("--lang", "ja", "today", "--db", str(sample_db), "--as-of", AS_OF).stdout
    assert ja.startswith("2026-12-05 の予定: 個別の連絡 8件（1日 8件まで）")
    assert "2027年の年賀状: " in ja and "件のペースで" in ja


def test_today_on_a_missing_file_is_one_line(tmp_path):
    proc = run("today", "--db", str(tmp_path / "none.db"), check_ok=False)
    assert "not found" in one_line_error(proc)
