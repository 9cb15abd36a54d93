"""The daily plan (loyaldesk.core.today): capacity, time-critical first, batches, the backlog's
order and date, stability through the day, and nothing lost against the open suggestions."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core import demo, errors, practice
from loyaldesk.core.loyalty import refresh_tiers
from loyaldesk.core.suggestions import act, open_suggestions, undo_act
from loyaldesk.core.today import BATCH_KINDS, TIME_CRITICAL, daily_plan, plan_dict
from tests.conftest import AS_OF, add_client, add_session, add_touchpoint

DEMO_DAY = dt.date(2026, 12, 5)


def iso(n: int, base: dt.date = AS_OF) -> str:
    return (base + dt.timedelta(days=n)).isoformat()


def keys(items) -> list[tuple[int, str, str]]:
    return [s.key for s in items]


@pytest.fixture
def sample(db):
    demo.generate(db, clients=120, seed=7, as_of=DEMO_DAY)
    refresh_tiers(db, DEMO_DAY, report=False)
    return db


def overdue_clients(db, count: int, first_ago: int = 400, last_ago: int = 200) -> list[int]:
    """`count` regular clients, each overdue (last session `last_ago` days ago), of decreasing value."""
    ids = []
    for k in range(count):
        cid = add_client(db, f"Client {k:02d}", created="2020-01-01")
        add_session(db, cid, iso(-first_ago))
        for j in range(count - k):
            add_session(db, cid, iso(-(last_ago + j)), fee=10000)
        ids.append(cid)
    return ids


def test_every_due_suggestion_is_in_exactly_one_place(sample):
    plan = daily_plan(sample, DEMO_DAY)
    due = {s.key for s in open_suggestions(sample, DEMO_DAY) if s.due <= DEMO_DAY}
    places = keys(plan.plan) + [s.key for b in plan.batches for s in b.suggestions] + keys(plan.backlog)
    assert len(places) == len(set(places))  # nothing twice
    assert due <= set(places)  # nothing lost
    assert len(plan.plan) <= plan.capacity == 8
    # the sample practice in December: 150 actions due, but a day of 8 and four group mailings
    assert len(due) > 100
    assert {(b.kind, b.cycle) for b in plan.batches} >= {("season_greeting", "new_year:2027"),
                                                          ("feedback_invite", "2026-H2")}
    assert not any(s.kind in BATCH_KINDS for s in plan.plan + plan.backlog)


def test_json_contract(sample):
    data = plan_dict(daily_plan(sample, DEMO_DAY, capacity=5))
    assert data["date"] == "2026-12-05" and data["capacity"] == 5
    assert len(data["plan"]) == 5
    for item in data["plan"] + data["backlog"]["items"]:
        assert {"client_id", "kind", "reason", "due", "priority", "channel"} <= item.keys()
    for batch in data["batches"]:
        assert {"kind", "cycle", "count", "client_ids", "due"} <= batch.keys()
        assert batch["count"] == len(batch["client_ids"]) > 0
    backlog = data["backlog"]
    assert backlog["count"] == len(backlog["items"])
    assert backlog["caught_up_by"] == backlog["items"][-1]["planned_for"]


def personal_due(db, day):
    return [s for s in open_suggestions(db, day) if s.kind not in BATCH_KINDS and s.due <= day]


def test_capacity_and_backlog_date(db):
    overdue_clients(db, 20)
    due = personal_due(db, AS_OF)  # reconnects, and referral requests and role offers of the vip clients
    plan = daily_plan(db, AS_OF, capacity=8)
    assert len(plan.plan) == 8 and len(plan.backlog) == len(due) - 8 > 8
    # at 8 a day: the backlog is planned 8 by 8 over the next days
    days_needed = -(-len(plan.backlog) // 8)
    assert plan.caught_up_by == AS_OF + dt.timedelta(days=days_needed)
    assert plan.backlog_days[:8] == [AS_OF + dt.timedelta(days=1)] * 8
    assert plan.backlog_days == sorted(plan.backlog_days)
    # nobody is dormant here: the plan and then the backlog take the suggestions' order (most valuable first)
    assert keys(plan.plan + plan.backlog) == keys(due)
    assert plan.plan[0].client_name == "Client 00" and plan.plan[0].kind == "reconnect"


def test_capacity_setting_and_its_bounds(db):
    overdue_clients(db, 12)
    settings = practice.load(db)
    settings.daily_capacity = 3
    practice.save(db, settings)
    assert len(daily_plan(db, AS_OF).plan) == 3
    settings.daily_capacity = 51
    with pytest.raises(errors.ValidationError):
        practice.save(db, settings)
    with pytest.raises(errors.ValidationError):
        daily_plan(db, AS_OF, capacity=0)


def test_time_critical_first_and_never_pushed_out(db):
    overdue_clients(db, 10)
    newcomers = []
    for k in range(3):  # three first sessions this week: thank-you letters
        cid = add_client(db, f"Newcomer {k}", created=iso(-5))
        add_session(db, cid, iso(-k))
        newcomers.append(cid)
    plan = daily_plan(db, AS_OF, capacity=4, remember=False)
    assert [s.kind for s in plan.plan[:3]] == ["thank_you"] * 3
    # the oldest first session first (its thank-you is due first), even the one due in 3 days
    assert [s.client_id for s in plan.plan[:3]] == newcomers[::-1]
    assert len(plan.plan) == 4 and not plan.over_capacity
    tight = daily_plan(db, AS_OF, capacity=2, remember=False)
    assert [s.kind for s in tight.plan] == ["thank_you"] * 3  # all in, although over the capacity
    assert tight.over_capacity


def test_dormant_reconnects_do_not_crowd_out_living_relationships(db):
    # a large import: 30 clients silent for three years, 5 overdue clients seen this year
    for k in range(30):
        cid = add_client(db, f"Old {k:02d}", created="2019-01-01")
        for j in range(30):  # valuable in their day
            add_session(db, cid, iso(-1100 - j), fee=50000)
    living = overdue_clients(db, 5, first_ago=300, last_ago=120)
    plan = daily_plan(db, AS_OF, capacity=8, remember=False)
    old = {cid for (cid,) in db.query("SELECT id FROM clients WHERE name LIKE 'Old%'", plain=True)}
    assert sum(s.client_id in old for s in plan.plan) == 1  # a calm share of the day: 8 // 8
    assert {s.client_id for s in plan.plan} >= set(living)
    # the backlog: one dormant reconnect a day while living relationships wait, then 8 a day
    per_day: dict[dt.date, list[bool]] = {}
    for s, day in zip(plan.backlog, plan.backlog_days):
        per_day.setdefault(day, []).append(s.client_id in old)
    living_left = sum(s.client_id not in old for s in plan.backlog)
    assert all(sum(flags) == 1 for flags in list(per_day.values())[:living_left // 7])
    assert sum(s.client_id in old for s in plan.backlog) == 29
    assert list(per_day.values())[-1] == [True] * len(list(per_day.values())[-1])


def test_stable_through_the_day(db):
    overdue_clients(db, 20)
    first = daily_plan(db, AS_OF)
    assert keys(daily_plan(db, AS_OF).plan) == keys(first.plan)  # same database and date, same plan
    # done: the rest keeps its order, and the done one still counts against the capacity
    act(db, first.plan[0], "done", on=AS_OF)
    after = daily_plan(db, AS_OF)
    assert keys(after.plan) == keys(first.plan)[1:]
    assert after.done_today == 1 and after.planned_today == 8
    # the contact changed the scores, but not the day's order; dismissing frees a place that the
    # backlog's first fills, at the end
    act(db, first.plan[3], "dismissed", on=AS_OF)
    refilled = daily_plan(db, AS_OF)
    assert keys(refilled.plan)[:6] == keys(first.plan)[1:3] + keys(first.plan)[4:]
    assert refilled.plan[-1].key == first.backlog[0].key
    assert len(refilled.plan) == 7 and refilled.done_today == 1
    # tomorrow: today's open ones are not shown twice, the backlog comes next
    tomorrow = daily_plan(db, AS_OF + dt.timedelta(days=1))
    assert len(tomorrow.plan) == 8


def test_undo_puts_an_action_back_in_its_place(db):
    ids = overdue_clients(db, 10)
    plan = daily_plan(db, AS_OF)
    target = plan.plan[2]
    before = db.scalar("SELECT COUNT(*) FROM touchpoints WHERE client_id = ?", (target.client_id,))
    result = act(db, target, "done", on=AS_OF, channel="email", note="asked about the new shop")
    assert db.scalar("SELECT COUNT(*) FROM touchpoints WHERE client_id = ?", (target.client_id,)) == before + 1
    assert target.key not in keys(daily_plan(db, AS_OF).plan)
    undo_act(db, result)
    assert db.scalar("SELECT COUNT(*) FROM touchpoints WHERE client_id = ?", (target.client_id,)) == before
    again = daily_plan(db, AS_OF)
    assert keys(again.plan) == keys(plan.plan) and again.done_today == 0
    # snooze and dismiss are undone the same way
    for decision, extra in (("snoozed", {"snooze_until": AS_OF + dt.timedelta(days=7)}), ("dismissed", {})):
        result = act(db, target, decision, on=AS_OF, **extra)
        assert target.key not in keys(daily_plan(db, AS_OF).plan)
        undo_act(db, result)
        assert target.key in keys(daily_plan(db, AS_OF).plan)
    assert ids


def test_a_first_session_logged_during_the_day_joins_the_plan(db):
    overdue_clients(db, 12)
    first = daily_plan(db, AS_OF)
    cid = add_client(db, "Walk-in", created=AS_OF.isoformat())
    add_session(db, cid, AS_OF.isoformat())
    later = daily_plan(db, AS_OF)
    assert later.plan[-1].client_id == cid and later.plan[-1].kind == "thank_you"
    # the others keep their place; the last one goes back to the backlog's head (a day of 8)
    assert keys(later.plan)[:-1] == keys(first.plan)[:-1]
    assert later.backlog[0].key == first.plan[-1].key


def test_a_smaller_capacity_for_one_run_keeps_the_first_ones(db):
    overdue_clients(db, 12)
    full = daily_plan(db, AS_OF)
    assert keys(daily_plan(db, AS_OF, capacity=3).plan) == keys(full.plan)[:3]
    assert keys(daily_plan(db, AS_OF).plan) == keys(full.plan)


def test_read_only_plan_is_not_remembered(db):
    overdue_clients(db, 10)
    daily_plan(db, AS_OF, remember=False)
    assert db.scalar("SELECT COUNT(*) FROM day_plan_items") == 0
    daily_plan(db, AS_OF)
    assert db.scalar("SELECT COUNT(*) FROM day_plan_items WHERE day = ?", (AS_OF.isoformat(),)) == 8


def test_batches_group_season_cards_and_say_what_to_do(sample):
    plan = daily_plan(sample, DEMO_DAY)
    cards = next(b for b in plan.batches if b.cycle == "new_year:2027")
    assert cards.tool == "postcards" and cards.season == "new_year" and cards.year == 2027
    assert cards.due == dt.date(2026, 12, 25)
    assert cards.title == f"New Year cards for 2027: {cards.count} clients · post by 2026-12-25"
    feedback = next(b for b in plan.batches if b.kind == "feedback_invite")
    assert feedback.tool == "feedback"
    assert all(s.tier in ("vip", "candidate") for s in feedback.suggestions)
    ja = daily_plan(sample, DEMO_DAY, lang="ja")
    assert next(b for b in ja.batches if b.cycle == "new_year:2027").title.startswith("2027年の年賀状: ")


def test_recognition_and_role_offers_stay_personal(sample):
    plan = daily_plan(sample, DEMO_DAY, capacity=50)
    kinds = {s.kind for s in plan.plan + plan.backlog}
    assert {"recognition", "role_offer"} <= kinds
    assert not TIME_CRITICAL[0] in {b.kind for b in plan.batches}


def test_week_view_lists_what_becomes_due(db):
    cid = add_client(db, "Birthday soon", birthday="1980-11-28", created="2020-01-01")
    add_session(db, cid, iso(-20))
    add_touchpoint(db, cid, iso(-2), "call")
    plan = daily_plan(db, AS_OF)
    assert [(s.kind, s.due) for s in plan.upcoming] == [("birthday", dt.date(2026, 11, 28))]
    assert "birthday" not in [s.kind for s in plan.plan]  # five days ahead: a card leaves 3 days before
    assert "birthday" in [s.kind for s in daily_plan(db, AS_OF + dt.timedelta(days=2)).plan]


def test_an_event_batch_and_its_reasons_name_the_event_in_the_language_of_the_screen(sample):
    batch = next(b for b in daily_plan(sample, DEMO_DAY).batches if b.kind == "vip_invitation" and b.event_id)
    with sample.transaction() as conn:
        conn.execute("UPDATE events SET title = 'Winter seminar', title_en = 'Winter seminar', "
                     "title_ja = '冬の経営セミナー' WHERE id = ?", (batch.event_id,))
    ja = next(b for b in daily_plan(sample, DEMO_DAY, lang="ja", remember=False).batches if b.kind == "vip_invitation")
    en = next(b for b in daily_plan(sample, DEMO_DAY, lang="en", remember=False).batches if b.kind == "vip_invitation")
    assert "「冬の経営セミナー」の先行案内" in ja.title and "Winter" not in ja.title
    assert "“Winter seminar”" in en.title
    reasons_ja = [s.reason for s in open_suggestions(sample, DEMO_DAY, lang="ja") if s.kind == "vip_invitation"]
    assert reasons_ja and all("冬の経営セミナー" in r and "Winter" not in r for r in reasons_ja)
