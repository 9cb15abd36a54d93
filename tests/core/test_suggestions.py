"""Next actions (loyaldesk.core.suggestions) at their boundaries, with fixed as-of dates."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core import errors, practice
from loyaldesk.core.i18n import set_language
from loyaldesk.core.loyalty import refresh_tiers
from loyaldesk.core.suggestions import KINDS, Suggestion, act, open_suggestions, suggestion_dict
from tests.conftest import AS_OF, add_client, add_session, add_touchpoint

D = dt.date


def days(n: int, base: dt.date = AS_OF) -> dt.date:
    return base + dt.timedelta(days=n)


def iso(n: int, base: dt.date = AS_OF) -> str:
    return days(n, base).isoformat()


def of(db, as_of: dt.date, kind: str | None = None, client_id: int | None = None, **kw) -> list[Suggestion]:
    return [s for s in open_suggestions(db, as_of, client_id=client_id, **kw) if kind is None or s.kind == kind]


def one(db, as_of: dt.date, kind: str, client_id: int, **kw) -> Suggestion:
    found = of(db, as_of, kind, client_id, **kw)
    assert len(found) == 1, found
    return found[0]


def none_of(db, as_of: dt.date, kind: str, client_id: int) -> bool:
    return of(db, as_of, kind, client_id) == []


def touchpoints(db, client_id: int) -> list[tuple]:
    return [tuple(r) for r in db.query(
        "SELECT date, channel, note FROM touchpoints WHERE client_id = ? ORDER BY id", (client_id,))]


def ladder(db, count: int = 10, last_ago: int = 100) -> list[int]:
    """`count` clients of strictly decreasing value, all ranked (a first session 400 days ago): client k
    then has count+1-k sessions every 10 days, the latest `last_ago` days before AS_OF for everybody."""
    ids = []
    for k in range(1, count + 1):
        cid = add_client(db, f"c{k:02d}", created="2020-01-01")
        add_session(db, cid, iso(-400), topic="first")
        for j in range(count + 1 - k):
            add_session(db, cid, iso(-(last_ago + 10 * j)), topic=f"topic {k}-{j}")
        ids.append(cid)
    return ids


# =========================================================================================
# thank_you
# =========================================================================================
def test_thank_you_due_within_three_days_and_shown_until_day_13(db):
    cid = add_client(db, "山田 太郎")
    add_session(db, cid, iso(-2), topic="新規事業の資金計画")
    s = one(db, AS_OF, "thank_you", cid)
    assert s.due == days(1) and not s.is_due(AS_OF)  # future-due: included, with its due date
    assert s.reason == ("First session 2026-11-21 (個別相談: 新規事業の資金計画) · no contact since · "
                        "thank them by 2026-11-24")
    assert (s.template, s.channel, s.cycle, s.priority) == ("thank_you", "letter", "2026-11-21", 90)
    assert s.client_name == "山田 太郎"
    assert one(db, days(11), "thank_you", cid).is_due(days(11))  # late but still there
    assert none_of(db, days(12), "thank_you", cid)  # day 14 after the session: the follow-up's time
    assert one(db, days(12), "follow_up", cid)


def test_thank_you_gone_once_a_touchpoint_is_logged(db):
    cid = add_client(db)
    add_touchpoint(db, cid, iso(-10), "email", "inquiry")  # before the first session: does not count
    add_session(db, cid, iso(-1))
    assert one(db, AS_OF, "thank_you", cid)
    add_touchpoint(db, cid, iso(-1), "call")  # the same day as the session counts
    assert none_of(db, AS_OF, "thank_you", cid)


def test_thank_you_done_logs_a_letter_and_disappears(db):
    cid = add_client(db)
    add_session(db, cid, iso(-1))
    s = one(db, AS_OF, "thank_you", cid)
    result = act(db, s, "done", on=AS_OF)
    assert result.client_id == cid and result.touchpoint_id is not None
    assert touchpoints(db, cid) == [(AS_OF.isoformat(), "letter", "Thank-you letter")]
    assert none_of(db, AS_OF, "thank_you", cid)
    assert none_of(db, days(2), "thank_you", cid)


def test_done_with_another_channel_and_a_note_in_japanese(db):
    set_language("ja")
    cid = add_client(db)
    add_session(db, cid, iso(-1))
    act(db, one(db, AS_OF, "thank_you", cid), "done", on=AS_OF, channel="call", note="とても喜ばれた")
    assert touchpoints(db, cid) == [(AS_OF.isoformat(), "call", "サンキューコール: とても喜ばれた")]
    cid2 = add_client(db, "佐藤 花子")
    add_session(db, cid2, iso(-1))
    act(db, (cid2, "thank_you", iso(-1)), "done", on=AS_OF)  # by key: the kind's default channel
    assert touchpoints(db, cid2) == [(AS_OF.isoformat(), "letter", "お礼状")]


# =========================================================================================
# follow_up
# =========================================================================================
@pytest.mark.parametrize("ago, shown", [(13, False), (14, True), (28, True), (29, False)])
def test_follow_up_window_two_to_four_weeks(db, ago, shown):
    cid = add_client(db)
    add_session(db, cid, iso(-200))
    add_touchpoint(db, cid, iso(-199))
    add_session(db, cid, iso(-ago), topic="採用計画の見直し")
    found = of(db, AS_OF, "follow_up", cid)
    assert bool(found) is shown
    if shown:
        s = found[0]
        assert s.due == days(14 - ago) and s.cycle == iso(-ago) and s.channel == "email"
        assert s.reason == f"Last session {iso(-ago)}, {ago} days ago · last topic: 採用計画の見直し · ask how it is going"


def test_follow_up_cancelled_by_a_contact_from_day_7_and_back_after_the_next_session(db):
    cid = add_client(db)
    add_session(db, cid, iso(-200))
    add_session(db, cid, iso(-20))
    add_touchpoint(db, cid, iso(-14))  # 6 days after the session: the thank-you, not the follow-up
    assert one(db, AS_OF, "follow_up", cid)
    add_touchpoint(db, cid, iso(-13))  # 7 days after: counts as the follow-up
    assert none_of(db, AS_OF, "follow_up", cid)
    add_session(db, cid, iso(-2))  # the next session: a new cycle
    s = one(db, days(12), "follow_up", cid)
    assert s.cycle == iso(-2)


def test_follow_up_dismissed_comes_back_with_the_next_session(db):
    cid = add_client(db)
    add_session(db, cid, iso(-200))
    add_session(db, cid, iso(-15))
    act(db, one(db, AS_OF, "follow_up", cid), "dismissed", on=AS_OF)
    assert none_of(db, AS_OF, "follow_up", cid)
    assert none_of(db, days(5), "follow_up", cid)
    add_session(db, cid, iso(1))
    assert one(db, days(15), "follow_up", cid).cycle == iso(1)


# =========================================================================================
# reconnect
# =========================================================================================
def test_reconnect_most_valuable_first_and_reason_cites_the_last_topic(db):
    ids = ladder(db, 10, last_ago=100)
    found = of(db, AS_OF, "reconnect")
    assert [s.client_id for s in found] == ids  # c01 (vip, highest score) ... c10
    assert [s.tier for s in found] == ["vip"] * 2 + ["candidate"] * 2 + ["regular"] * 6
    assert found[0].priority > found[2].priority > found[4].priority
    assert all(80 <= s.priority <= 89 for s in found[:2]) and all(50 <= s.priority <= 59 for s in found[4:])
    first = found[0]
    assert first.reason == ("VIP · last contact 2026-08-15, 100 days ago · interval 30 days · "
                            "last topic: topic 1-0")
    assert first.due == D(2026, 9, 15)  # the first overdue day: last contact + 30 + 1
    assert (first.cycle, first.channel, first.template) == ("2026-08-15", "call", "reconnect")
    # the whole list: priority first, then due date
    everything = open_suggestions(db, AS_OF)
    keys = [(-s.priority, s.due) for s in everything]
    assert keys == sorted(keys)


def test_reconnect_reason_in_japanese(db):
    set_language("ja")
    cid = add_client(db, "山田 太郎", created="2020-01-01")
    add_session(db, cid, iso(-400))
    add_session(db, cid, iso(-82), topic="新規事業の資金計画")
    s = one(db, AS_OF, "reconnect", cid)  # the only ranked client: vip (interval 30)
    assert s.reason == "ロイヤル・最終連絡 2026-09-02（82日前）・連絡間隔 30日・前回の話題: 新規事業の資金計画"
    assert s.label == "ご無沙汰の連絡"
    act(db, s, "done", on=AS_OF)
    assert touchpoints(db, cid) == [(AS_OF.isoformat(), "call", "ハロー電話")]


def test_reconnect_for_a_client_never_contacted(db):
    cid = add_client(db, "prospect", created=iso(-100))
    s = one(db, AS_OF, "reconnect", cid)
    assert s.reason == "Prospect · never contacted; added 2026-08-15, 100 days ago · interval 90 days"
    assert s.cycle == "never" and s.priority == 20


def test_reconnect_done_and_dismissed_last_until_a_new_overdue_episode(db):
    a = add_client(db, "a", created="2020-01-01")
    b = add_client(db, "b", created="2020-01-01")
    for cid in (a, b):
        add_session(db, cid, iso(-400))
        add_session(db, cid, iso(-200))
    act(db, one(db, AS_OF, "reconnect", a), "done", on=AS_OF)
    act(db, one(db, AS_OF, "reconnect", b), "dismissed", on=AS_OF)
    assert none_of(db, AS_OF, "reconnect", a) and none_of(db, AS_OF, "reconnect", b)
    assert touchpoints(db, a) == [(AS_OF.isoformat(), "call", "Hello call")]
    # b: dismissed for this episode (last contact 200 days ago), however long it lasts
    assert none_of(db, days(300), "reconnect", b)
    # a: the contact started a new episode, overdue again after the interval (both vip: tied at rank 1)
    assert one(db, days(300), "reconnect", a).cycle == AS_OF.isoformat()
    # b: a new contact, then overdue again: it comes back
    add_touchpoint(db, b, iso(10))
    assert one(db, days(300), "reconnect", b).cycle == iso(10)


def test_follow_up_takes_precedence_over_reconnect(db):
    cid = add_client(db, "newcomer", created=iso(-30))
    add_session(db, cid, iso(-20))  # a new client: interval 14, so overdue since day 15
    assert one(db, AS_OF, "follow_up", cid)
    assert none_of(db, AS_OF, "reconnect", cid)
    assert one(db, days(9), "reconnect", cid)  # day 29: the follow-up window is over
    assert none_of(db, days(9), "follow_up", cid)


# =========================================================================================
# birthday and anniversary
# =========================================================================================
@pytest.mark.parametrize("ahead, shown", [(0, True), (1, True), (14, True), (15, False), (-1, False)])
def test_birthday_within_the_next_14_days(db, ahead, shown):
    born = days(ahead).replace(year=1980)
    cid = add_client(db, birthday=born.isoformat())
    found = of(db, AS_OF, "birthday", cid)
    assert bool(found) is shown
    if shown:
        s = found[0]
        when = {0: "today", 1: "tomorrow"}.get(ahead, f"in {ahead} days")
        assert s.reason == f"Birthday {iso(ahead)} ({when}) · turns 46"
        assert (s.due, s.cycle, s.channel, s.template) == (days(ahead), "2026", "card", "birthday")
        assert s.is_due(AS_OF) is (ahead == 0)


def test_birthday_on_29_february_falls_on_28_february_in_other_years(db):
    cid = add_client(db, birthday="1988-02-29")
    s = one(db, D(2027, 2, 14), "birthday", cid)
    assert s.due == D(2027, 2, 28) and "in 14 days" in s.reason
    assert none_of(db, D(2027, 2, 13), "birthday", cid)
    assert one(db, D(2028, 2, 15), "birthday", cid).due == D(2028, 2, 29)
    assert none_of(db, D(2028, 2, 14), "birthday", cid)


def test_birthday_done_comes_back_next_year(db):
    cid = add_client(db, birthday="1980-11-30")
    act(db, one(db, AS_OF, "birthday", cid), "done", on=AS_OF)
    assert touchpoints(db, cid) == [(AS_OF.isoformat(), "card", "Birthday greeting")]
    assert none_of(db, days(7), "birthday", cid)
    s = one(db, D(2027, 11, 20), "birthday", cid)
    assert s.cycle == "2027" and s.due == D(2027, 11, 30)


@pytest.mark.parametrize("ahead, shown", [(14, True), (15, False), (0, True)])
def test_anniversary_whole_years_within_14_days(db, ahead, shown):
    cid = add_client(db, created="2020-01-01")
    first = days(ahead).replace(year=2023)
    add_session(db, cid, first.isoformat())
    add_session(db, cid, iso(-10))
    found = of(db, AS_OF, "anniversary", cid)
    assert bool(found) is shown
    if shown:
        s = found[0]
        assert s.reason.startswith(f"3 years since the first session on {first.isoformat()} · anniversary {iso(ahead)}")
        assert s.due == days(ahead) and s.cycle == "2026"


def test_anniversary_one_year_singular_and_not_before_a_year_or_when_dormant(db):
    one_year = add_client(db, "one", created="2020-01-01")
    add_session(db, one_year, iso(5).replace("2026", "2025"))
    add_session(db, one_year, iso(-3))
    assert one(db, AS_OF, "anniversary", one_year).reason.startswith("1 year since the first session on 2025-11-28")
    fresh = add_client(db, "fresh", created="2020-01-01")
    add_session(db, fresh, iso(5).replace("2026", "2025"))  # 360 days ago, nothing since: not dormant yet
    dormant = add_client(db, "dormant", created="2020-01-01")
    add_session(db, dormant, iso(5).replace("2026", "2024"))  # 2 years, no contact for 725 days: dormant
    assert one(db, AS_OF, "anniversary", fresh)
    assert none_of(db, AS_OF, "anniversary", dormant)
    newcomer = add_client(db, "newcomer", created="2026-11-01")
    add_session(db, newcomer, iso(-2))
    assert none_of(db, AS_OF, "anniversary", newcomer)


# =========================================================================================
# season greetings
# =========================================================================================
def test_season_greetings_only_in_their_months(db):
    cid = add_client(db, created="2020-01-01")
    for d in ("2026-03-01", "2026-06-15", "2026-11-01"):
        add_session(db, cid, d)
    def greetings(day):
        return {s.template: s for s in of(db, day, "season_greeting", cid)}
    dec = greetings(D(2026, 12, 1))
    assert set(dec) == {"season_greeting.new_year", "season_greeting.year_end"}
    ny, ye = dec["season_greeting.new_year"], dec["season_greeting.year_end"]
    assert (ny.due, ny.channel, ny.cycle) == (D(2026, 12, 25), "card", "new_year:2027")
    assert (ye.due, ye.channel, ye.cycle) == (D(2026, 12, 27), "email", "year_end:2026")
    assert ny.reason.startswith("New Year card for 2027 · post by 2026-12-25")
    assert ny.label == "New Year card" and ye.label == "Year-end greeting"
    assert set(greetings(D(2026, 12, 31))) == set(dec)
    assert greetings(D(2026, 11, 30)) == {} and greetings(D(2027, 1, 1)) == {}
    jul = greetings(D(2026, 7, 1))
    assert set(jul) == {"season_greeting.summer"}
    assert (jul["season_greeting.summer"].due, jul["season_greeting.summer"].cycle) == (D(2026, 7, 20), "summer:2026")
    assert greetings(D(2026, 6, 30)) == {} and greetings(D(2026, 8, 1)) == {}


def test_season_greetings_in_japanese_skip_dormant_and_prospects_and_return_next_season(db):
    set_language("ja")
    active = add_client(db, "active", created="2020-01-01")
    add_session(db, active, "2026-11-01")
    dormant = add_client(db, "dormant", created="2020-01-01")
    add_session(db, dormant, "2025-10-01")
    prospect = add_client(db, "prospect", created="2026-11-01")
    dec = D(2026, 12, 2)
    found = {s.template: s for s in of(db, dec, "season_greeting", active)}
    assert found["season_greeting.new_year"].reason.startswith("2027年の年賀状・元日に届くよう 2026-12-25 までに投函")
    assert found["season_greeting.new_year"].label == "年賀状"
    assert found["season_greeting.year_end"].reason.startswith("2026年のお礼と年末のご挨拶")
    assert of(db, dec, "season_greeting", dormant) == [] and of(db, dec, "season_greeting", prospect) == []
    act(db, found["season_greeting.new_year"], "done", on=dec)
    assert touchpoints(db, active) == [(dec.isoformat(), "card", "年賀状")]
    left = of(db, dec, "season_greeting", active)
    assert [s.template for s in left] == ["season_greeting.year_end"]  # one season's decision only
    add_session(db, active, "2027-11-01")
    assert {s.cycle for s in of(db, D(2027, 12, 2), "season_greeting", active)} == {"new_year:2028", "year_end:2027"}


# =========================================================================================
# referrals
# =========================================================================================
@pytest.mark.parametrize("ago, shown", [(6, False), (7, True), (30, True), (31, False)])
def test_light_referral_request_7_to_30_days_after_the_first_session(db, ago, shown):
    cid = add_client(db, created="2026-01-01")
    add_session(db, cid, iso(-ago))
    found = of(db, AS_OF, "referral_request", cid)
    assert bool(found) is shown
    if shown:
        s = found[0]
        assert (s.cycle, s.due, s.channel, s.priority) == ("first", days(7 - ago), "email", 45)
        assert s.reason.startswith(f"First session {iso(-ago)} · while they are enthusiastic, ask once, lightly")


def test_referral_request_never_repeated_within_365_days(db):
    cid = add_client(db, "only", created="2025-01-01")
    start = D(2025, 1, 10)
    add_session(db, cid, start.isoformat())
    for k in range(1, 30):  # monthly sessions: the only ranked client, so vip once no longer new
        add_session(db, cid, (start + dt.timedelta(days=30 * k)).isoformat())
    light_day = start + dt.timedelta(days=10)
    act(db, one(db, light_day, "referral_request", cid), "done", on=light_day)
    assert none_of(db, light_day + dt.timedelta(days=20), "referral_request", cid)  # the light one: once
    vip_day = start + dt.timedelta(days=120)
    assert none_of(db, vip_day, "referral_request", cid)  # vip, but asked 110 days ago
    assert none_of(db, light_day + dt.timedelta(days=364), "referral_request", cid)
    real = one(db, light_day + dt.timedelta(days=365), "referral_request", cid)
    assert real.cycle == "vip" and real.due == light_day + dt.timedelta(days=365)
    assert real.channel == "meeting" and real.priority == 65
    assert "now a loyal client: the best moment to ask for a referral · last asked 2025-01-20" in real.reason
    act(db, real, "done", on=real.due)
    assert none_of(db, real.due + dt.timedelta(days=400), "referral_request", cid)  # once at vip: never again


def test_referral_period_is_a_practice_setting(db):
    assert practice.PracticeSettings().referral_request_days == 365
    practice.save(db, practice.PracticeSettings(referral_request_days=100))
    cid = add_client(db, "only", created="2025-01-01")
    for k in range(10):
        add_session(db, cid, (D(2025, 1, 10) + dt.timedelta(days=30 * k)).isoformat())
    act(db, (cid, "referral_request", "first"), "done", on=D(2025, 1, 20))
    assert none_of(db, D(2025, 4, 29), "referral_request", cid)
    assert one(db, D(2025, 4, 30), "referral_request", cid).cycle == "vip"
    with pytest.raises(errors.ValidationError):
        practice.save(db, practice.PracticeSettings(referral_request_days=0))


def test_real_referral_request_dated_by_the_tier_history_and_a_dismissed_light_one_does_not_count(db):
    cid = add_client(db, "only", created="2025-01-01")
    for k in range(10):
        add_session(db, cid, (D(2025, 1, 10) + dt.timedelta(days=30 * k)).isoformat())
    act(db, (cid, "referral_request", "first"), "dismissed", on=D(2025, 1, 20))
    refresh_tiers(db, D(2025, 5, 1))  # the first refresh that sees the client ranked: vip from that day
    s = one(db, D(2025, 6, 1), "referral_request", cid)
    assert s.due == D(2025, 5, 1) and s.cycle == "vip"
    assert s.reason.startswith("VIP since 2025-05-01 · 5 sessions since 2025-01-10")
    assert "never asked before" in s.reason


def test_referral_thanks_goes_to_the_referrer(db):
    referrer = add_client(db, "鈴木 一郎", created="2020-01-01")
    add_session(db, referrer, iso(-300))
    referred = add_client(db, "佐藤 花子", created=iso(-5), referred_by=referrer)
    add_session(db, referred, iso(-2))
    s = one(db, AS_OF, "referral_thanks", referrer)
    assert s.client_id == referrer and s.client_name == "鈴木 一郎"
    assert s.reason == ("Introduced 佐藤 花子, who had a first session on 2026-11-21 · "
                        "thank them with a letter or a small gift")
    assert (s.cycle, s.due, s.channel, s.priority) == (f"referral:{referred}", days(1), "letter", 90)
    assert none_of(db, AS_OF, "referral_thanks", referred)
    set_language("ja")
    assert one(db, AS_OF, "referral_thanks", referrer).reason == (
        "ご紹介いただいた佐藤 花子 様が 2026-11-21 に初回セッション・お礼状か心ばかりの品でお礼を")
    act(db, s, "done", on=AS_OF)
    assert touchpoints(db, referrer) == [(AS_OF.isoformat(), "letter", "ご紹介のお礼（佐藤 花子 様）")]
    assert none_of(db, AS_OF, "referral_thanks", referrer)
    # a second referral is another occurrence; the window is 30 days after the first session
    other = add_client(db, "高橋 次郎", created=iso(-5), referred_by=referrer)
    add_session(db, other, iso(0))
    assert one(db, days(30), "referral_thanks", referrer).cycle == f"referral:{other}"
    assert none_of(db, days(31), "referral_thanks", referrer)


def test_no_referral_thanks_to_a_do_not_contact_referrer(db):
    referrer = add_client(db, "dnc", created="2020-01-01", do_not_contact=1)
    referred = add_client(db, "new", created=iso(-5), referred_by=referrer)
    add_session(db, referred, iso(-2))
    assert of(db, AS_OF, "referral_thanks") == []


# =========================================================================================
# favour the loyal, community
# =========================================================================================
def test_vip_invitation_role_offer_and_feedback_invite_by_tier(db):
    ids = ladder(db, 10, last_ago=20)
    vip, candidate, regular = ids[0], ids[2], ids[5]
    inv = one(db, AS_OF, "vip_invitation", vip)
    assert (inv.cycle, inv.due, inv.channel) == ("2026-Q4", D(2026, 10, 1), "email")
    assert "early invitation and a priority seat for the next event or seminar · once a quarter (2026 Q4)" in inv.reason
    assert none_of(db, AS_OF, "vip_invitation", candidate)
    offer = one(db, AS_OF, "role_offer", vip)
    assert offer.cycle == "2026" and "offer a role: Event committee, SNS admin" in offer.reason
    assert none_of(db, AS_OF, "role_offer", candidate)
    assert one(db, AS_OF, "feedback_invite", vip).priority == 45
    assert one(db, AS_OF, "feedback_invite", candidate).priority == 40
    assert one(db, AS_OF, "feedback_invite", candidate).cycle == "2026-H2"
    assert none_of(db, AS_OF, "feedback_invite", regular)
    # done this quarter: back next quarter
    act(db, inv, "done", on=AS_OF)
    assert touchpoints(db, vip)[-1] == (AS_OF.isoformat(), "email", "Early invitation with a priority seat")
    assert none_of(db, D(2026, 12, 31), "vip_invitation", vip)


def test_vip_invitation_comes_back_next_quarter(db):
    cid = add_client(db, "only", created="2020-01-01")
    for k in range(24):
        add_session(db, cid, (D(2025, 1, 5) + dt.timedelta(days=30 * k)).isoformat())
    act(db, one(db, AS_OF, "vip_invitation", cid), "dismissed", on=AS_OF)
    assert none_of(db, D(2026, 12, 31), "vip_invitation", cid)
    assert one(db, D(2027, 1, 1), "vip_invitation", cid).cycle == "2027-Q1"


def test_role_holders_get_recognition_not_a_role_offer(db):
    from loyaldesk.core.tags import TagRepository

    ids = ladder(db, 5, last_ago=20)
    holder = ids[0]
    role = db.query_one("SELECT id FROM tags WHERE builtin_key = 'event_committee'")["id"]
    TagRepository(db).assign(holder, role, since=D(2026, 4, 1))
    assert none_of(db, AS_OF, "role_offer", holder)
    s = one(db, AS_OF, "recognition", holder)
    assert s.reason.startswith("Community role: Event committee (since 2026-04-01)")
    assert (s.cycle, s.due, s.channel) == ("2026-H2", D(2026, 7, 1), "meeting")
    assert none_of(db, AS_OF, "recognition", ids[1])  # no role, five sessions a year: not the most engaged
    act(db, s, "dismissed", on=AS_OF)
    assert none_of(db, D(2026, 12, 31), "recognition", holder)
    assert one(db, D(2027, 1, 2), "recognition", holder).cycle == "2027-H1"


@pytest.mark.parametrize("sessions, shown", [(12, True), (11, False)])
def test_recognition_of_the_most_engaged(db, sessions, shown):
    cid = add_client(db, created="2020-01-01")
    for k in range(sessions):
        add_session(db, cid, iso(-(5 + 30 * k)))
    found = of(db, AS_OF, "recognition", cid)
    assert bool(found) is shown
    if shown:
        assert found[0].reason.startswith(f"{sessions} sessions in the last 12 months · feature them")


# =========================================================================================
# decisions: snooze, dismiss, errors
# =========================================================================================
def test_snooze_hides_until_the_date(db):
    cid = add_client(db, birthday="1980-12-05")
    s = one(db, AS_OF, "birthday", cid)
    result = act(db, s, "snoozed", on=AS_OF, snooze_until=days(5))
    assert result.decision == "snoozed" and result.touchpoint_id is None
    assert none_of(db, AS_OF, "birthday", cid)
    assert none_of(db, days(4), "birthday", cid)
    assert one(db, days(5), "birthday", cid).cycle == "2026"
    assert touchpoints(db, cid) == []
    # a later decision on the same occurrence wins
    act(db, s, "dismissed", on=days(5))
    assert none_of(db, days(6), "birthday", cid)


def test_snooze_date_must_be_after_the_day_of_the_decision(db):
    cid = add_client(db, birthday="1980-12-05")
    s = one(db, AS_OF, "birthday", cid)
    with pytest.raises(errors.ValidationError) as exc:
        act(db, s, "snoozed", on=AS_OF, snooze_until=AS_OF)
    assert str(exc.value) == "The snooze date 2026-11-23 must be after 2026-11-23."
    with pytest.raises(errors.ValidationError, match="Choose the date"):
        act(db, s, "snoozed", on=AS_OF)
    set_language("ja")
    with pytest.raises(errors.ValidationError, match="より後の日付"):
        act(db, s, "snoozed", on=AS_OF, snooze_until=days(-1))
    assert db.scalar("SELECT COUNT(*) FROM suggestion_decisions") == 0


def test_invalid_input_is_refused_with_a_clear_message(db):
    cid = add_client(db)
    with pytest.raises(errors.ValidationError, match="Unknown kind of suggestion: party"):
        act(db, (cid, "party", "2026"), "done", on=AS_OF)
    with pytest.raises(errors.ValidationError, match="Unknown decision: later"):
        act(db, (cid, "birthday", "2026"), "later", on=AS_OF)
    with pytest.raises(errors.NotFoundError, match="No client with id 999"):
        act(db, (999, "birthday", "2026"), "done", on=AS_OF)
    with pytest.raises(errors.ValidationError, match="Unknown contact channel: fax"):
        act(db, (cid, "birthday", "2026"), "done", on=AS_OF, channel="fax")
    with pytest.raises(errors.ValidationError):
        act(db, (cid, "birthday", ""), "done", on=AS_OF)
    with pytest.raises(errors.ValidationError):
        act(db, "birthday", "done", on=AS_OF)
    assert touchpoints(db, cid) == []
    assert db.scalar("SELECT COUNT(*) FROM suggestion_decisions") == 0


def test_done_is_one_transaction(db):
    cid = add_client(db, birthday="1980-12-05")
    with db.transaction() as conn:
        conn.execute("CREATE TRIGGER no_decisions BEFORE INSERT ON suggestion_decisions "
                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(errors.LoyalDeskError):
        act(db, one(db, AS_OF, "birthday", cid), "done", on=AS_OF)
    assert touchpoints(db, cid) == []  # the touchpoint went with the failed decision
    assert one(db, AS_OF, "birthday", cid)


# =========================================================================================
# who never gets anything; the list as a whole
# =========================================================================================
@pytest.mark.parametrize("flag", ["do_not_contact", "archived"])
def test_do_not_contact_and_archived_clients_get_nothing(db, flag):
    cid = add_client(db, "x", created="2020-01-01", birthday=iso(3).replace("2026", "1980"), **{flag: 1})
    add_session(db, cid, iso(-400))
    add_session(db, cid, iso(-2))  # first session long ago, latest two days ago
    role = db.query_one("SELECT id FROM tags WHERE builtin_key = 'ambassador'")["id"]
    with db.transaction() as conn:
        conn.execute("INSERT INTO client_tags (client_id, tag_id, since) VALUES (?, ?, '2025-01-01')", (cid, role))
    referred = add_client(db, "y", created=iso(-3), referred_by=cid)
    add_session(db, referred, iso(-1))
    control = add_client(db, "control", created="2020-01-01", birthday=iso(3).replace("2026", "1980"))
    assert {s.client_id for s in open_suggestions(db, AS_OF)} - {referred} == {control}
    assert {s.client_id for s in open_suggestions(db, D(2026, 12, 10))} - {referred} == {control}
    assert open_suggestions(db, AS_OF, client_id=cid) == []


def test_every_suggestion_is_well_formed_in_both_languages(db):
    ids = ladder(db, 10, last_ago=20)
    add_client(db, "b", birthday="1970-12-01")
    for lang in ("en", "ja"):
        found = open_suggestions(db, D(2026, 12, 1), lang=lang)
        assert {s.kind for s in found} >= {"reconnect", "vip_invitation", "role_offer", "feedback_invite",
                                          "season_greeting", "birthday", "referral_request"}
        for s in found:
            assert s.kind in KINDS and s.reason and 0 <= s.priority <= 100
            assert s.template == s.kind or s.template.startswith("season_greeting.")
            d = suggestion_dict(s)
            assert {"client_id", "kind", "reason", "due", "priority"} <= set(d)
            assert d["due"] == s.due.isoformat()
        if lang == "ja":
            assert all("·" not in s.reason for s in found)
    assert open_suggestions(db, D(2026, 12, 1), client_id=ids[0])
    assert {s.client_id for s in open_suggestions(db, D(2026, 12, 1), client_id=ids[0])} == {ids[0]}


def test_due_by_and_limit_keep_the_most_urgent_and_count_them_all(db):
    import datetime as _dt

    from loyaldesk.core import suggestions as sg
    from tests.conftest import add_client as _add_client
    from tests.conftest import add_session as _add_session

    as_of = _dt.date(2026, 11, 23)
    for n in range(6):
        cid = _add_client(db, f"顧客 {n}", created="2020-01-01")
        _add_session(db, cid, "2025-01-10", fee=10000 * (n + 1))
    everything = sg.open_suggestions(db, as_of)
    due_now = [s for s in everything if s.due <= as_of]
    counted: list[int] = []
    top = sg.open_suggestions(db, as_of, due_by=as_of, limit=2, counted=counted)
    assert counted == [len(due_now)] and len(due_now) > 2
    assert top == due_now[:2]  # the same order, cut after the two most urgent
