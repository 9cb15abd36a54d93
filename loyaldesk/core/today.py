"""The daily plan: a day's work, not a backlog (docs/suggestions.md, "The daily plan").

The open next actions (loyaldesk.core.suggestions) are split three ways for a day:

- **the plan**: at most `daily_capacity` personal actions (a practice setting, default 8), the most
  valuable first. Time-critical ones (a thank-you after a first session, thanks to a referrer, a
  birthday) due within LEAD_DAYS come first and are never pushed out: if they alone exceed the
  capacity, they are all in and the plan says so (`over_capacity`).
- **batches**: kinds done for many clients at once with one document or one mailing (season cards,
  the VIP early invitation, the feedback round) are one row per kind and cycle, with the clients.
- **the backlog**: due personal actions that did not fit today, in the order the coming days will
  take them, with the day by which they are worked off at this capacity.

Clients silent for longer than the dormant period take at most DORMANT_SHARE of a day while
living relationships have actions waiting: after a large import, years-old reconnects do not
crowd out this week's follow-ups.

The plan of a day is remembered (table day_plan_items): the same database and date give the
same plan, and acting on one action does not reshuffle the rest. Actions done that day still
count against the capacity; a snoozed or dismissed one frees its place, which the backlog fills;
a time-critical action that appears during the day joins the plan.

Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from loyaldesk.core import dates, events, practice
from loyaldesk.core.db import Database
from loyaldesk.core.i18n import CATALOG, current_language, t
from loyaldesk.core.suggestions import Suggestion, open_suggestions, suggestion_dict

# Actions whose day counts: a first impression, a referrer waiting, a card that must arrive on the day.
TIME_CRITICAL = ("thank_you", "referral_thanks", "birthday")
# Actions done for many clients at once, with one document or one mailing.
BATCH_KINDS = ("season_greeting", "vip_invitation", "feedback_invite")
# recognition and role_offer stay personal: a lunch invitation, a role asked for in a conversation.
LEAD_DAYS = 3  # time-critical actions due within this many days are in today's plan (a card must leave before the day)
WEEK_DAYS = 7  # the week view: what becomes due in the next seven days
DORMANT_SHARE = 8  # dormant clients' reconnects: at most capacity // 8 (at least 1) a day while others wait
KEEP_PLANS_DAYS = 400  # remembered plans older than this are removed

CATALOG.update({
    "today.batch.new_year": {"en": "New Year cards for {year}: {count} clients · post by {due}",
                             "ja": "{year}年の年賀状: {count}名・{due} までに投函"},
    "today.batch.summer": {"en": "Summer greetings {year}: {count} clients · send by {due}",
                           "ja": "{year}年の暑中見舞い: {count}名・{due} ごろまでに送付"},
    "today.batch.year_end": {"en": "Year-end greetings {year}: {count} clients · by {due}",
                             "ja": "{year}年の年末のご挨拶: {count}名・{due} までに"},
    "today.batch.winter": {"en": "Winter greetings (in mourning) {year}: {count} clients · send by {due}",
                           "ja": "{year}年の寒中見舞い（喪中の方）: {count}名・{due} ごろまでに送付"},
    "today.batch.vip_invitation_event_one": {
        "en": "Early invitation to “{title}” on {date}: 1 VIP client",
        "ja": "{date}「{title}」の先行案内: ロイヤル顧客 1名",
    },
    "today.batch.vip_invitation_event": {
        "en": "Early invitations to “{title}” on {date}: {count} VIP clients",
        "ja": "{date}「{title}」の先行案内: ロイヤル顧客 {count}名",
    },
    "today.batch.vip_invitation": {"en": "Early invitations for VIP clients ({period}): {count} clients",
                                   "ja": "ロイヤル顧客への先行案内（{period}）: {count}名"},
    "today.batch.feedback_invite": {"en": "Feedback round ({period}): {count} VIP and candidate clients",
                                    "ja": "サービス作りへのお誘い（{period}）: ロイヤル顧客・候補 {count}名"},
    # the command line
    "today.title": {"en": "Today, {date}: {count} of {capacity} personal contacts planned",
                    "ja": "{date} の予定: 個別の連絡 {count}件（1日 {capacity}件まで）"},
    "today.done_today": {"en": "{count} done today.", "ja": "本日 {count}件 対応済み。"},
    "today.over_capacity": {
        "en": "Time-critical actions alone exceed {capacity} a day: all {count} are in today's plan.",
        "ja": "期限のある連絡だけで1日 {capacity}件を超えるため、{count}件すべてを本日の予定に入れています。",
    },
    "today.nothing": {"en": "Nothing to do today.", "ja": "本日の予定はありません。"},
    "today.batches": {"en": "Group mailings:", "ja": "まとめて送るもの:"},
    "today.backlog": {"en": "{count} more · at {capacity} a day, caught up by {date}",
                      "ja": "ほかに {count}件・1日 {capacity}件のペースで {date} までに対応"},
    "today.backlog_none": {"en": "No backlog: everything due is in today's plan.",
                           "ja": "未対応の残りはありません。期限の来た連絡はすべて本日の予定に入っています。"},
    "today.capacity_invalid": {"en": "The daily capacity must be a whole number between 1 and 50.",
                               "ja": "1日の件数は 1〜50 の整数で指定してください。"},
})


@dataclass(slots=True)
class Batch:
    """One group mailing: the open suggestions of one kind and cycle."""

    kind: str
    cycle: str
    template: str
    channel: str
    due: dt.date  # the earliest due date among them
    title: str  # "New Year cards for 2027: 87 clients · post by 2026-12-25"
    tool: str  # what prepares it: postcards, letters, event (its invitation wave), feedback (a feedback round)
    suggestions: list[Suggestion] = field(default_factory=list)  # most urgent first
    event_id: int | None = None

    @property
    def client_ids(self) -> list[int]:
        return [s.client_id for s in self.suggestions]

    @property
    def count(self) -> int:
        return len(self.suggestions)

    @property
    def season(self) -> str | None:
        """season_greeting: new_year, summer, year_end or winter; None for other kinds."""
        return self.cycle.split(":", 1)[0] if self.kind == "season_greeting" else None

    @property
    def year(self) -> int | None:
        head, _, tail = self.cycle.partition(":")
        return int(tail) if self.kind == "season_greeting" and tail.isdigit() else None


@dataclass(slots=True)
class DayPlan:
    date: dt.date
    capacity: int
    plan: list[Suggestion]  # the day's personal actions still open, in the day's order
    batches: list[Batch]
    backlog: list[Suggestion]  # due personal actions not in today's plan, in the order the coming days take them
    backlog_days: list[dt.date]  # the day each backlog action is expected to be planned for, at this capacity
    done_today: int = 0  # actions of today's plan already done
    over_capacity: bool = False  # time-critical actions alone exceed the capacity (they are all in)
    upcoming: list[Suggestion] = field(default_factory=list)  # the week ahead: personal actions due after today
    dormant_per_day: int = 1

    @property
    def caught_up_by(self) -> dt.date | None:
        return self.backlog_days[-1] if self.backlog_days else None

    @property
    def planned_today(self) -> int:
        """Today's personal actions, done and still open."""
        return self.done_today + len(self.plan)


def _personal_due(s: Suggestion, as_of: dt.date) -> bool:
    if s.kind in TIME_CRITICAL:
        return s.due <= as_of + dt.timedelta(days=LEAD_DAYS)
    return s.due <= as_of


def _share(capacity: int) -> int:
    return max(1, capacity // DORMANT_SHARE)


def _take(living: list[Suggestion], dormant: list[Suggestion], slots: int, dormant_slots: int
          ) -> tuple[list[Suggestion], list[Suggestion], list[Suggestion]]:
    """One day's pick: up to `slots` actions, at most `dormant_slots` of them dormant while living
    ones remain. Returns (picked, living left, dormant left); the picked keep the value order."""
    if slots <= 0:
        return [], living, dormant
    n_dormant = min(len(dormant), dormant_slots, slots)
    n_living = min(len(living), slots - n_dormant)
    n_dormant = min(len(dormant), slots - n_living)  # living ones ran out: the rest of the day is free
    picked = living[:n_living] + dormant[:n_dormant]
    return picked, living[n_living:], dormant[n_dormant:]


def _batch_title(kind: str, cycle: str, count: int, due: dt.date, first: Suggestion, lang: str) -> tuple[str, str]:
    """(title, tool) of a batch."""
    if kind == "season_greeting":
        season, _, year = cycle.partition(":")
        key = {"new_year": "new_year", "summer": "summer", "year_end": "year_end", "winter": "winter"}.get(season,
                                                                                                     "new_year")
        tool = "letters" if season == "year_end" else "postcards"
        return t(f"today.batch.{key}", lang, year=year, count=count, due=due.isoformat()), tool
    if kind == "vip_invitation":
        if first.event_id is not None:
            return "", "event"  # titled with the event by _batches
        year, _, q = cycle.partition("-Q")
        period = t("suggestion.quarter", lang, year=year, q=q) if q else cycle
        return t("today.batch.vip_invitation", lang, period=period, count=count), "letters"
    year, _, half = cycle.partition("-H")
    period = t(f"suggestion.half_{half}", lang, year=year) if half in ("1", "2") else cycle
    return t("today.batch.feedback_invite", lang, period=period, count=count), "feedback"


def _singular(text: str, count: int, lang: str) -> str:
    """English titles of a batch of one: "1 client", not "1 clients"."""
    if lang == "ja" or count != 1:
        return text
    return text.replace("1 VIP and candidate clients", "1 VIP or candidate client").replace("1 clients", "1 client")


def _batches(db: Database, items: list[Suggestion], as_of: dt.date, lang: str) -> list[Batch]:
    groups: dict[tuple[str, str], list[Suggestion]] = {}
    for s in items:
        groups.setdefault((s.kind, s.cycle), []).append(s)
    out = []
    for (kind, cycle), members in groups.items():
        first = members[0]
        due = min(s.due for s in members)
        title, tool = _batch_title(kind, cycle, len(members), due, first, lang)
        if kind == "vip_invitation" and first.event_id is not None:
            event = events.get_event(db, first.event_id)
            key = "today.batch.vip_invitation_event" + ("_one" if len(members) == 1 else "")
            title = t(key, lang, title=event.title_for(lang),  # the title in the language of the screen
                      date=event.day.isoformat() if event.day else "", count=len(members))
        out.append(Batch(kind, cycle, first.template, first.channel, due, _singular(title, len(members), lang), tool,
                         members, first.event_id))
    out.sort(key=lambda b: (b.due, BATCH_KINDS.index(b.kind), b.cycle))
    return out


def _remembered(db: Database, day: dt.date) -> list[tuple[int, str, str]]:
    return [(cid, kind, cycle) for cid, kind, cycle in db.query(
        "SELECT client_id, kind, cycle FROM day_plan_items WHERE day = ? ORDER BY position", (day.isoformat(),),
        plain=True)]


def _freed_on(db: Database, day: dt.date) -> set[tuple[int, str, str]]:
    """Occurrences snoozed or dismissed on that day (their latest decision): they free their place."""
    rows = db.query(
        "SELECT d.client_id, d.kind, d.cycle, d.decision FROM suggestion_decisions d "
        "JOIN (SELECT MAX(id) AS id FROM suggestion_decisions WHERE substr(decided_on, 1, 10) = ? "
        "      GROUP BY client_id, kind, cycle) latest ON latest.id = d.id", (day.isoformat(),), plain=True)
    return {(cid, kind, cycle) for cid, kind, cycle, decision in rows if decision in ("snoozed", "dismissed")}


def _remember(db: Database, day: dt.date, start: int, keys: list[tuple[int, str, str]]) -> None:
    if db.read_only or not keys:
        return
    with db.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO day_plan_items (day, position, client_id, kind, cycle) VALUES (?, ?, ?, ?, ?)",
            [(day.isoformat(), start + i, cid, kind, cycle) for i, (cid, kind, cycle) in enumerate(keys)])
        if start == 1:  # the first plan of a day: forget the plans of long ago
            conn.execute("DELETE FROM day_plan_items WHERE day < ?",
                         ((day - dt.timedelta(days=KEEP_PLANS_DAYS)).isoformat(),))


def daily_plan(db: Database, as_of: dt.date | None = None, *, capacity: int | None = None,
               settings: practice.PracticeSettings | None = None, report=None, lang: str | None = None,
               remember: bool = True) -> DayPlan:
    """The plan for a day (today by default). `capacity` overrides the practice's daily_capacity
    for this call; `report`, a LoyaltyReport of the same date, is reused. `remember=False` (or a
    read-only file) computes the plan without writing it down."""
    from loyaldesk.core.errors import ValidationError
    from loyaldesk.core.loyalty import compute_loyalty

    settings = settings or (report.settings if report is not None else None) or practice.load(db)
    if report is None:
        report = compute_loyalty(db, as_of or dates.today(), settings)
    as_of = report.as_of
    capacity = settings.daily_capacity if capacity is None else capacity
    if not isinstance(capacity, int) or isinstance(capacity, bool) or not (
            practice.DAILY_CAPACITY_RANGE[0] <= capacity <= practice.DAILY_CAPACITY_RANGE[1]):
        raise ValidationError("today.capacity_invalid", field="capacity")
    lang = lang or current_language()
    items = open_suggestions(db, as_of, settings=settings, report=report, lang=lang)
    dormant_ids = {c.id for c in report.clients if c.status == "dormant"}

    batch_items, critical, living, dormant, upcoming = [], [], [], [], []
    for s in items:  # open_suggestions' order: priority, due date, loyalty score
        if s.kind in BATCH_KINDS:
            batch_items.append(s)
        elif not _personal_due(s, as_of):
            if s.due <= as_of + dt.timedelta(days=WEEK_DAYS):
                upcoming.append(s)
        elif s.kind in TIME_CRITICAL:
            critical.append(s)
        elif s.kind == "reconnect" and s.client_id in dormant_ids:
            dormant.append(s)
        else:
            living.append(s)
    critical.sort(key=lambda s: (s.due, -s.priority))  # stable: open_suggestions' order breaks ties
    upcoming.sort(key=lambda s: (s.due, -s.priority))
    per_day = _share(capacity)

    remembered = _remembered(db, as_of)
    known = set(remembered)
    by_key = {s.key: s for s in critical + living + dormant}
    freed = _freed_on(db, as_of) if remembered else set()
    done_today = sum(1 for key in remembered if key not in by_key and key not in freed)

    # today's plan: the remembered actions still open (in their order), then time-critical ones that
    # appeared since, then the backlog's first ones into the places left
    kept = [by_key[key] for key in remembered if key in by_key]
    kept_critical = [s for s in kept if s.kind in TIME_CRITICAL]
    kept_other = [s for s in kept if s.kind not in TIME_CRITICAL]
    new_critical = [s for s in critical if s.key not in known]
    room = capacity - done_today - len(kept_critical) - len(new_critical)
    kept_other = kept_other[:max(0, room)]  # a smaller capacity than when the plan was made: the first ones stay
    room -= len(kept_other)
    dormant_left = per_day - sum(1 for s in kept_other if s.client_id in dormant_ids)
    fill, _, _ = _take([s for s in living if s.key not in known],
                                            [s for s in dormant if s.key not in known], room, max(0, dormant_left))
    added = new_critical + fill
    plan_keys = set()
    plan = []
    for s in kept_critical + kept_other + added:
        if s.key not in plan_keys:
            plan_keys.add(s.key)
            plan.append(s)
    # the order of the day: as remembered, the new ones after
    position = {key: i for i, key in enumerate(remembered)}
    for s in added:
        position.setdefault(s.key, len(position))
    plan.sort(key=lambda s: position[s.key])
    if remember and added:
        _remember(db, as_of, len(remembered) + 1, [s.key for s in added if s.key not in known])

    # the backlog: what the coming days take, day by day, at this capacity
    living_left = [s for s in living if s.key not in plan_keys]
    dormant_left_items = [s for s in dormant if s.key not in plan_keys]
    backlog, days = [], []
    day = as_of
    while living_left or dormant_left_items:
        day += dt.timedelta(days=1)
        picked, living_left, dormant_left_items = _take(living_left, dormant_left_items, capacity, per_day)
        backlog += picked
        days += [day] * len(picked)
    over = len(kept_critical) + len(new_critical) > max(0, capacity - done_today)
    return DayPlan(as_of, capacity, plan, _batches(db, batch_items, as_of, lang), backlog, days, done_today,
                   over, upcoming, per_day)


def plan_dict(plan: DayPlan) -> dict:
    """The `today --json` contract: date, capacity, plan, batches, backlog {count, caught_up_by, items}."""
    return {
        "date": plan.date.isoformat(),
        "capacity": plan.capacity,
        "plan": [suggestion_dict(s) for s in plan.plan],
        "batches": [
            {
                "kind": b.kind,
                "cycle": b.cycle,
                "title": b.title,
                "count": b.count,
                "client_ids": b.client_ids,
                "due": b.due.isoformat(),
                "template": b.template,
                "channel": b.channel,
                "tool": b.tool,
                "event_id": b.event_id,
            }
            for b in plan.batches
        ],
        "backlog": {
            "count": len(plan.backlog),
            "caught_up_by": plan.caught_up_by.isoformat() if plan.caught_up_by else None,
            "items": [dict(suggestion_dict(s), planned_for=d.isoformat())
                      for s, d in zip(plan.backlog, plan.backlog_days)],
        },
        "done_today": plan.done_today,
        "over_capacity": plan.over_capacity,
        "upcoming": [suggestion_dict(s) for s in plan.upcoming],
    }

