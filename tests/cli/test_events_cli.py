"""`loyaldesk events` and `loyaldesk invite` as people and scripts use them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader

from loyaldesk.core import events
from loyaldesk.core.db import open_database
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.loyalty import compute_loyalty
from tests.cli.test_cli import one_line_error, run
from tests.conftest import AS_OF, add_client
from tests.core.test_suggestions import ladder


@pytest.fixture
def community_db(tmp_path):
    path = tmp_path / "c.db"
    with open_database(path) as db:
        ids = ladder(db, 10)
        with db.transaction() as conn:
            conn.execute("UPDATE clients SET address1 = '東京都渋谷区1-1', honorific = '様'")
        add_client(db, "連絡 不要", do_not_contact=1, address1="東京都")
        add_client(db, "古い 顧客", archived=1, address1="東京都")
        e = events.save_event(db, events.Event(None, "春の勉強会", "study_session", dt.datetime(2026, 12, 13, 14, 0),
                                               "渋谷区民会館", capacity=8, fee=3000))
        tiers = {c.id: c.tier for c in compute_loyalty(db, AS_OF).clients}
    return path, e.id, ids, tiers


def test_invite_early_then_general_and_events_counts(community_db, tmp_path):
    path, event_id, ids, tiers = community_db
    vips = [i for i in ids if tiers[i] == "vip"]
    out = tmp_path / "early.pdf"
    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "early", "--out", str(out),
               "--as-of", AS_OF.isoformat())
    assert f"{len(vips)} clients invited to 春の勉強会 (Early wave)" in proc.stdout
    assert f"Wrote {len(vips)} letters" in proc.stdout
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages).replace("\u3000", " ")
    assert "{{" not in text and "特別なご案内" in text  # the vip_invitation template, with the event
    assert "「春の勉強会」" in text and "日 時 2026年12月13日（日）14:00〜" in text
    listed = [int(line.split("\t")[0]) for line in proc.stdout.splitlines() if "\t" in line]
    assert sorted(listed) == sorted(vips)

    out = tmp_path / "general.pdf"
    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "general", "--out", str(out),
               "--as-of", AS_OF.isoformat())
    assert f"{10 - len(vips)} clients invited" in proc.stdout
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "春の勉強会" in text and "2026年12月13日（日）14:00〜" in text and "渋谷区民会館" in text
    assert "連絡" not in proc.stdout and "古い" not in proc.stdout

    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "general", "--as-of", AS_OF.isoformat())
    assert "Nobody is left to invite" in proc.stdout

    with open_database(path) as db:
        events.set_reply(db, event_id, vips[0], "yes")
        with pytest.raises(ValidationError, match="attendance can be recorded from that day on"):
            events.set_attended(db, event_id, ids[-1], True, as_of=AS_OF)
        events.set_attended(db, event_id, ids[-1], True, as_of=AS_OF, early=True)  # confirmed by the user
    before = json.loads(run("events", "--db", str(path), "--json", "--as-of", AS_OF.isoformat()).stdout)
    assert before[0]["attended"] == 0  # not counted before the event's day
    data = json.loads(run("events", "--db", str(path), "--json", "--as-of", "2026-12-13").stdout)
    assert len(data) == 1
    assert {k: data[0][k] for k in ("id", "title", "kind", "starts_at", "capacity", "invited", "yes", "attended")} == {
        "id": event_id, "title": "春の勉強会", "kind": "study_session", "starts_at": "2026-12-13T14:00",
        "capacity": 8, "invited": 10, "yes": 2, "attended": 1}
    table = run("events", "--db", str(path), "--as-of", "2026-12-14").stdout.splitlines()
    assert table[0].split() == ["id", "date", "kind", "title", "capacity", "invited", "yes", "attended"]
    assert "春の勉強会" in table[1] and table[1].split()[-3:] == ["10", "2", "1"]


def test_invite_dry_run_records_nothing(community_db):
    path, event_id, ids, tiers = community_db
    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "early", "--candidates", "--dry-run",
               "--as-of", AS_OF.isoformat())
    wanted = [i for i in ids if tiers[i] in ("vip", "candidate")]
    assert f"{len(wanted)} clients would be invited" in proc.stdout
    with open_database(path) as db:
        assert events.event_summary(db, event_id).invited == 0


def test_invite_user_errors_are_one_line(community_db, tmp_path):
    path, event_id, *_ = community_db
    err = one_line_error(run("invite", "--db", str(path), "--event", "99", "--wave", "early", check_ok=False))
    assert "There is no event with id 99" in err
    err = one_line_error(run("invite", "--db", str(path), "--event", str(event_id), "--wave", "early",
                             "--out", str(tmp_path / "x.txt"), check_ok=False))
    assert "x.txt" in err
    err = one_line_error(run("invite", "--db", str(path), "--event", str(event_id), "--wave", "early",
                             "--tag", "nope", check_ok=False))
    assert "nope" in err
    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "early", check_ok=False)
    assert proc.returncode == 0
    proc = run("events", "--db", str(tmp_path / "missing.db"), check_ok=False)
    assert proc.returncode == 1 and "not found" in one_line_error(proc)


def test_invite_log_touchpoints_marks_sent_and_logs_one_letter_each(community_db, tmp_path):
    path, event_id, ids, tiers = community_db
    vips = [i for i in ids if tiers[i] == "vip"]
    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "early", "--out",
               str(tmp_path / "a.pdf"), "--as-of", AS_OF.isoformat())
    assert "Logged" not in proc.stdout
    with open_database(path) as db:
        assert {i.sent_on for i in events.invitations(db, event_id)} == {None}  # invited, not sent
        assert events.get_event(db, event_id).early_wave_on is None
        assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0
    proc = run("invite", "--db", str(path), "--event", str(event_id), "--wave", "general", "--out",
               str(tmp_path / "b.pdf"), "--as-of", AS_OF.isoformat(), "--log-touchpoints")
    general = 10 - len(vips)
    assert f"Logged {general} letter contacts." in proc.stdout
    with open_database(path) as db:
        sent = {i.client_id: i.sent_on for i in events.invitations(db, event_id)}
        assert [c for c, d in sent.items() if d == AS_OF] and all(sent[v] is None for v in vips)
        assert events.get_event(db, event_id).general_wave_on == AS_OF
        rows = db.query("SELECT channel, date FROM touchpoints", plain=True)
        assert rows == [("letter", AS_OF.isoformat())] * general
    err = one_line_error(run("invite", "--db", str(path), "--event", str(event_id), "--wave", "general",
                             "--log-touchpoints", check_ok=False))
    assert "--out" in err
