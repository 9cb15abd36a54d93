"""Community (loyaldesk.core.events): waves, capacity and the waiting list, attendance as contact,
helpers, recognition, roles over time and feedback rounds, and their place in the timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core import errors, events
from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.loyalty import compute_loyalty
from loyaldesk.core.tags import TagRepository
from tests.conftest import AS_OF, add_client, add_session
from tests.core.test_suggestions import iso, ladder


def make_event(db, title="Spring study session", capacity=None, day=AS_OF + dt.timedelta(days=20), kind="study_session"):
    return events.save_event(db, events.Event(None, title, kind, dt.datetime.combine(day, dt.time(14, 0)),
                                              "Shibuya Civic Hall", capacity=capacity, fee=3000))


def tiers(db):
    return {c.id: c.tier for c in compute_loyalty(db, AS_OF).clients}


def role_tag(db, key):
    return db.scalar("SELECT id FROM tags WHERE builtin_key = ?", (key,))


def test_event_is_validated_and_saved(db):
    with pytest.raises(errors.ValidationError) as exc:
        events.save_event(db, events.Event(None, "  ", starts_at=dt.datetime(2026, 12, 1, 14)))
    assert exc.value.field == "title"
    with pytest.raises(errors.ValidationError) as exc:
        events.save_event(db, events.Event(None, "Mixer", kind="party", starts_at=dt.datetime(2026, 12, 1, 14)))
    assert exc.value.field == "kind"
    with pytest.raises(errors.ValidationError):
        events.save_event(db, events.Event(None, "Mixer", capacity=-1, starts_at=dt.datetime(2026, 12, 1, 14)))
    e = make_event(db, capacity=12)
    assert (e.title, e.kind, e.starts_at, e.capacity, e.fee) == (
        "Spring study session", "study_session", dt.datetime(2026, 12, 13, 14, 0), 12, 3000)
    assert e.date_text("ja") == "2026年12月13日（日）14:00〜"
    assert e.date_text("en") == "Sunday, December 13, 2026, 2:00 pm"
    assert events.next_event(db, AS_OF).id == e.id
    assert events.next_event(db, AS_OF + dt.timedelta(days=21)) is None


def test_waves_early_for_vip_then_general_excluding_dnc_and_archived(db):
    ids = ladder(db, 10)
    dnc = add_client(db, "dnc", do_not_contact=1)
    arch = add_client(db, "archived", archived=1)
    other = add_client(db, "prospect")
    tier = tiers(db)
    vips = [i for i in ids if tier[i] == "vip"]
    candidates = [i for i in ids if tier[i] == "candidate"]
    assert vips and candidates
    e = make_event(db)
    early = events.wave_candidates(db, e.id, "early", as_of=AS_OF)
    assert sorted(early) == sorted(vips)
    assert sorted(events.wave_candidates(db, e.id, "early", include_candidates=True, as_of=AS_OF)) == sorted(vips + candidates)
    assert events.invite(db, e.id, early, "early", on=AS_OF) == len(vips)
    assert events.invite(db, e.id, early, "early", on=AS_OF) == 0  # nobody twice
    general = events.wave_candidates(db, e.id, "general", as_of=AS_OF)
    assert set(general) == (set(ids) - set(vips)) | {other}
    assert dnc not in general and arch not in general
    events.invite(db, e.id, general, "general", on=AS_OF + dt.timedelta(days=7))
    e = events.get_event(db, e.id)
    assert (e.early_wave_on, e.general_wave_on) == (None, None)  # invited, not sent yet
    states = events.wave_states(db, e.id)
    assert (states["early"].invited, states["early"].sent) == (len(vips), 0)
    assert events.mark_sent(db, e.id, early, on=AS_OF + dt.timedelta(days=1)) == early
    assert events.mark_sent(db, e.id, early, on=AS_OF + dt.timedelta(days=2)) == []  # already sent
    events.mark_sent(db, e.id, general[:1], on=AS_OF + dt.timedelta(days=7))
    e = events.get_event(db, e.id)
    assert (e.early_wave_on, e.general_wave_on) == (AS_OF + dt.timedelta(days=1), AS_OF + dt.timedelta(days=7))
    states = events.wave_states(db, e.id)
    assert (states["general"].invited, states["general"].sent) == (len(general), 1)
    events.unmark_sent(db, e.id, general[:1])
    assert events.get_event(db, e.id).general_wave_on is None
    with pytest.raises(errors.ValidationError):
        events.wave_candidates(db, e.id, "late")


def test_capacity_seats_early_wave_first_and_later_replies_wait(db):
    a, b, c, d = (add_client(db, n) for n in ("a", "b", "c", "d"))
    e = make_event(db, capacity=2)
    events.invite(db, e.id, [a, b], "early", on=AS_OF)
    events.invite(db, e.id, [c, d], "general", on=AS_OF + dt.timedelta(days=3))
    t0 = dt.datetime(2026, 11, 24, 9, 0)
    events.set_reply(db, e.id, c, "yes", t0)  # general, replied first
    events.set_reply(db, e.id, d, "yes", t0 + dt.timedelta(hours=1))
    events.set_reply(db, e.id, a, "yes", t0 + dt.timedelta(hours=2))  # early, replied later: still seated first
    events.set_reply(db, e.id, b, "no", t0)
    by = {i.client_id: i for i in events.invitations(db, e.id)}
    assert (by[a].status, by[a].position) == ("confirmed", 1)
    assert (by[c].status, by[c].position) == ("confirmed", 2)
    assert (by[d].status, by[d].position) == ("waiting", 3)
    assert by[b].status == "declined"
    assert [i.client_id for i in events.invitations(db, e.id)] == [a, c, d, b]
    s = events.event_summary(db, e.id)
    assert (s.invited, s.yes, s.no, s.seats_left, s.waiting) == (4, 3, 1, 0, 1)
    events.set_reply(db, e.id, c, "no", t0 + dt.timedelta(hours=3))  # a seat frees up: d moves up
    by = {i.client_id: i for i in events.invitations(db, e.id)}
    assert by[d].status == "confirmed"
    with pytest.raises(errors.ValidationError):
        events.set_reply(db, e.id, a, "maybe")


def test_attendance_logs_an_event_touchpoint_and_ends_the_overdue_state(db):
    cid = add_client(db, "佐藤 花子", created="2025-01-01")
    add_session(db, cid, iso(-200))
    e = make_event(db, day=AS_OF - dt.timedelta(days=1))
    repo = ClientRepository(db)
    before = repo.row(cid, AS_OF)
    assert before.overdue and before.last_contact == AS_OF - dt.timedelta(days=200)
    assert [r.id for r in repo.list_rows(AS_OF, overdue_only=True)] == [cid]
    events.invite(db, e.id, [cid], "general", on=AS_OF - dt.timedelta(days=30))
    tp = events.set_attended(db, e.id, cid, True)
    assert db.query_one("SELECT date, channel, note FROM touchpoints WHERE id = ?", (tp,))[:] == (
        (AS_OF - dt.timedelta(days=1)).isoformat(), "event", "Attended: Spring study session")
    after = repo.row(cid, AS_OF)
    assert after.last_contact == AS_OF - dt.timedelta(days=1) and not after.overdue and after.status == "active"
    assert repo.list_rows(AS_OF, overdue_only=True) == []
    inv = events.invitations(db, e.id)[0]
    assert inv.attended and inv.reply == "yes"
    assert events.set_attended(db, e.id, cid, True) == tp  # ticking twice logs nothing more
    assert db.scalar("SELECT COUNT(*) FROM touchpoints WHERE client_id = ? AND channel = 'event'", (cid,)) == 1
    events.set_attended(db, e.id, cid, False)
    assert db.scalar("SELECT COUNT(*) FROM touchpoints WHERE client_id = ? AND channel = 'event'", (cid,)) == 0
    assert repo.row(cid, AS_OF).overdue


def test_helpers_must_be_on_the_event_committee(db):
    cid = add_client(db, "鈴木 一郎")
    e = make_event(db)
    with pytest.raises(errors.ValidationError) as exc:
        events.assign_helper(db, e.id, cid, "reception")
    assert "event-committee" in str(exc.value)
    TagRepository(db).assign(cid, role_tag(db, "event_committee"), AS_OF)
    events.assign_helper(db, e.id, cid, "reception")
    assert [(h.client_id, h.task) for h in events.helpers(db, e.id)] == [(cid, "reception")]
    assert events.event_summary(db, e.id).helpers == 1


def test_roles_over_time_keep_past_and_present(db):
    cid = add_client(db, "高橋 恵子")
    repo = TagRepository(db)
    sns, host = role_tag(db, "sns_admin"), role_tag(db, "community_host")
    repo.assign(cid, sns, dt.date(2025, 4, 1))
    repo.assign(cid, host, dt.date(2026, 1, 10))
    events.end_role(db, cid, sns, dt.date(2026, 3, 31))
    spells = events.role_spells(db, cid)
    assert [(s.label, s.since, s.until) for s in spells] == [
        ("Community host", dt.date(2026, 1, 10), None),
        ("SNS admin", dt.date(2025, 4, 1), dt.date(2026, 3, 31)),
    ]
    # the current roles (client_tags) are what every other query reads: only the community host
    assert [t.tag.builtin_key for t in ClientRepository(db).stats(cid).tags] == ["community_host"]
    repo.assign(cid, sns, dt.date(2026, 6, 1))  # given again: a second spell
    assert len([s for s in events.role_spells(db, cid) if s.tag_id == sns]) == 2
    segment = repo.get_or_create("newsletter")
    repo.assign(cid, segment.id)
    assert all(s.tag_id != segment.id for s in events.role_spells(db, cid))  # segments have no history
    member = events.community_members(db)[0]
    assert member.roles == ("Community host", "SNS admin") and member.past_roles == ()


def test_role_given_by_an_import_shows_as_current(db):
    cid = add_client(db, "x")
    with db.transaction() as conn:
        conn.execute("INSERT INTO client_tags (client_id, tag_id, since) VALUES (?, ?, '2026-02-01')",
                     (cid, role_tag(db, "ambassador")))
    assert [(s.builtin_key, s.since, s.current) for s in events.role_spells(db, cid)] == [
        ("ambassador", dt.date(2026, 2, 1), True)]


def test_recognition_feedback_and_roles_show_in_the_timeline(db):
    cid = add_client(db, "山田 太郎")
    add_session(db, cid, "2026-05-01", topic="plan")
    e = make_event(db, title="Results meeting 2026", kind="results_meeting", day=dt.date(2026, 10, 3))
    r = events.award(db, cid, "Best progress", dt.date(2026, 10, 3), event_id=e.id, note="doubled revenue")
    assert (r.title, r.event_title, r.client_name) == ("Best progress", "Results meeting 2026", "山田 太郎")
    with pytest.raises(errors.ValidationError):
        events.award(db, cid, " ")
    fr = events.create_round(db, "Online course", dt.date(2026, 9, 1))
    events.record_feedback(db, fr.id, cid, True, "shorter videos please")
    TagRepository(db).assign(cid, role_tag(db, "ambassador"), dt.date(2026, 8, 1))
    timeline = ClientRepository(db).timeline(cid)
    assert [(x.kind, x.date.isoformat(), x.label, x.text) for x in timeline] == [
        ("recognition", "2026-10-03", "Recognition", "Best progress — Results meeting 2026 — doubled revenue"),
        ("feedback", "2026-09-01", "Feedback round", "Online course — shorter videos please"),
        ("role", "2026-08-01", "Role given", "Ambassador"),
        ("session", "2026-05-01", "個別相談", "plan"),
    ]
    member = events.community_members(db)[0]
    assert (member.recognitions, member.latest_recognition, member.feedback) == (1, "Best progress", 1)


def test_feedback_round_invites_vip_and_candidates(db):
    ids = ladder(db, 10)
    tier = tiers(db)
    fr = events.create_round(db, "New workshop", AS_OF)
    wanted = [i for i in ids if tier[i] in ("vip", "candidate")]
    assert sorted(events.round_candidates(db, fr.id, AS_OF)) == sorted(wanted)
    assert events.invite_to_round(db, fr.id, wanted, AS_OF) == len(wanted)
    events.record_feedback(db, fr.id, wanted[0], True, "yes")
    rounds = events.feedback_rounds(db)
    assert (rounds[0].invited, rounds[0].took_part) == (len(wanted), 1)
    timeline = ClientRepository(db).timeline(wanted[1])
    assert timeline[0].kind == "feedback" and "invited, no feedback yet" in timeline[0].text


def test_invitation_letters_fill_in_the_event(db):
    cid = add_client(db, "Emily Carter", honorific="Ms.", address1="12 High Street", address2="London")
    e = make_event(db, title="Autumn mixer", kind="mixer")
    plan = events.invitation_letters(db, e.id, [cid], "general", lang="en")
    letter = plan.letters[0]
    assert letter.subject == "Invitation: Autumn mixer"
    assert "Date: Sunday, December 13, 2026, 2:00 pm" in letter.body and "Venue: Shibuya Civic Hall" in letter.body
    plan = events.invitation_letters(db, e.id, [cid], "general", lang="ja")
    assert "一、日　時　2026年12月13日（日）14:00〜" in plan.letters[0].body
    assert events.invitation_letters(db, e.id, [cid], "early", lang="en").letters[0].template_key == "vip_invitation"


def test_vip_invitation_names_the_next_event_until_invited(db):
    from loyaldesk.core.suggestions import open_suggestions, suggestion_dict

    ids = ladder(db, 10)
    vip = next(i for i in ids if tiers(db)[i] == "vip")
    before = [s for s in open_suggestions(db, AS_OF, client_id=vip) if s.kind == "vip_invitation"]
    assert before[0].event_id is None and before[0].cycle == "2026-Q4"  # no event: once a quarter
    e = make_event(db, title="Results meeting", kind="results_meeting")
    s = next(s for s in open_suggestions(db, AS_OF, client_id=vip) if s.kind == "vip_invitation")
    assert (s.event_id, s.cycle, s.due) == (e.id, f"event:{e.id}", AS_OF)
    assert "priority seat for Results meeting on 2026-12-13" in s.reason
    assert suggestion_dict(s)["event_id"] == e.id
    events.invite(db, e.id, [vip], "early", on=AS_OF)
    assert [s for s in open_suggestions(db, AS_OF, client_id=vip) if s.kind == "vip_invitation"] == []


def test_recognition_letter_from_the_template(db):
    cid = add_client(db, "山田 太郎", honorific="様", address1="東京都渋谷区1-1")
    e = make_event(db, title="成果報告会", kind="results_meeting", day=dt.date(2026, 10, 3))
    r = events.award(db, cid, "最優秀成果賞", dt.date(2026, 10, 3), event_id=e.id)
    plan = events.recognition_letters(db, r.id)
    assert [x.template_key for x in plan.letters] == ["recognition"] and plan.letters[0].client_id == cid
    assert "{{" not in plan.letters[0].body
    with pytest.raises(errors.NotFoundError):
        events.recognition_letters(db, 999)


def test_upgrade_keeps_current_roles_as_open_spells(tmp_path, monkeypatch):
    from loyaldesk.core import db as dbmod
    from loyaldesk.core import migrations
    from loyaldesk.core.db import open_database

    number = next(m.number for m in migrations.MIGRATIONS if m.apply is migrations._m005_events)
    path = tmp_path / "old.db"
    monkeypatch.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS[:number - 1])
    monkeypatch.setattr(dbmod, "LATEST_VERSION", number - 1)
    with open_database(path) as old:
        with old.transaction() as conn:
            conn.execute("INSERT INTO clients (id, name) VALUES (1, 'Kept')")
            conn.execute("INSERT INTO client_tags (client_id, tag_id, since) SELECT 1, id, '2025-05-01' FROM tags "
                         "WHERE builtin_key = 'sns_admin'")
            conn.execute("DELETE FROM letter_templates WHERE key = 'event_invitation'")  # as before schema 5
    monkeypatch.undo()
    with open_database(path, backup_dir=tmp_path / "backups") as db:
        assert [(s.builtin_key, s.since, s.until) for s in events.role_spells(db, 1)] == [
            ("sns_admin", dt.date(2025, 5, 1), None)]
        assert db.scalar("SELECT COUNT(*) FROM role_history WHERE client_id = 1") == 1
        assert db.scalar("SELECT COUNT(*) FROM letter_templates WHERE key = 'event_invitation'") == 2
        TagRepository(db).unassign(1, db.scalar("SELECT id FROM tags WHERE builtin_key = 'sns_admin'"), dt.date(2026, 6, 30))
        assert [(s.since, s.until) for s in events.role_spells(db, 1)] == [(dt.date(2025, 5, 1), dt.date(2026, 6, 30))]
        assert ClientRepository(db).stats(1).past_roles == [("SNS admin", dt.date(2025, 5, 1), dt.date(2026, 6, 30))]
