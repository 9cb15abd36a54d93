"""Sessions from the calendar the consultant already keeps: an iCalendar file (.ics) as Google Calendar,
Outlook and Apple Calendar export it (docs/calendar.md).

Reading: `icalendar` parses the file (time zones from VTIMEZONE blocks, TZID parameters, UTC times, folded
lines, CRLF); `recurring-ical-events` expands recurring events (RRULE, RDATE) with their exceptions
(EXDATE, and RECURRENCE-ID overrides that move or change one occurrence) within the period asked for.

Planning (`plan_calendar_import`) decides, without writing, what happens to every occurrence:
  add       a past event of one client, not imported before: a new session
  update    imported before (same UID and recurrence id) and since moved: the session's date and
            duration follow it (the topic, notes, kind and fee the user may have edited are kept)
  skip      imported before and unchanged; cancelled; declined; all-day (unless kept); marked free
  unmatched no client, or several, match it: listed for the user to assign (or left out)
  upcoming  a future event of a client: not a session, but the client's "next session"
Writing (`apply_calendar_import`) is one transaction under the write lock (BEGIN IMMEDIATE), planned
again inside it when anything was committed since the preview (like loyaldesk.core.io.importer).

Each session made from an event keeps the event's UID and recurrence id (sessions.calendar_uid,
sessions.calendar_recurrence_id), so importing the same or a newer export again never duplicates.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from loyaldesk.core.db import Database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import CATALOG, join_list, t
from loyaldesk.core.io.limits import CALENDAR_FILE_LIMIT, CALENDAR_OCCURRENCE_LIMIT, FIELD_LIMIT, size_text

CATALOG.update({
    "calendar.broken": {
        "en": "{name}: not a calendar LoyalDesk can read ({detail}). Nothing was imported.",
        "ja": "{name}: 読み込めないカレンダーファイルです（{detail}）。何も取り込んでいません。",
    },
    "calendar.not_ics": {
        "en": "{name}: not an iCalendar file (it does not begin with BEGIN:VCALENDAR). Nothing was imported.",
        "ja": "{name}: iCalendar ファイルではありません（BEGIN:VCALENDAR で始まっていません）。何も取り込んでいません。",
    },
    "calendar.too_large": {
        "en": "{name} is {size}; LoyalDesk reads calendar files up to {limit}. Export a shorter period. "
        "Nothing was imported.",
        "ja": "{name} は {size} あります。カレンダーファイルは {limit} まで読み込めます。期間を短くして書き出してください。"
        "何も取り込んでいません。",
    },
    "calendar.too_many": {
        "en": "{name}: more than {limit:,} events from {start} to {end} (a repeating event without end?). "
        "Choose a shorter period. Nothing was imported.",
        "ja": "{name}: {start}〜{end} の予定が {limit:,}件を超えます（終わりのない繰り返し予定かもしれません）。"
        "期間を短くしてください。何も取り込んでいません。",
    },
    "calendar.bad_zone": {
        "en": "Unknown time zone “{zone}” (use a name such as Asia/Tokyo or America/New_York).",
        "ja": "タイムゾーン「{zone}」が見つかりません（Asia/Tokyo、America/New_York のような名前で指定してください）。",
    },
    "calendar.bad_period": {
        "en": "The period ends ({end}) before it starts ({start}).",
        "ja": "期間の終わり（{end}）が始まり（{start}）より前です。",
    },
    "calendar.skip.cancelled": {"en": "cancelled", "ja": "キャンセル済み"},
    "calendar.skip.declined": {"en": "declined by you", "ja": "あなたが不参加と返答"},
    "calendar.skip.declined_client": {"en": "declined by the client", "ja": "顧客が不参加と返答"},
    "calendar.skip.all_day": {"en": "all-day event", "ja": "終日の予定"},
    "calendar.skip.free": {"en": "marked free (not busy)", "ja": "「空き時間」の予定"},
    "calendar.skip.imported": {"en": "already imported (session #{id})", "ja": "取り込み済み（セッション #{id}）"},
    "calendar.skip.too_long": {
        "en": "a field has {count:,} characters; at most {limit:,}: not imported",
        "ja": "項目が {count:,}文字あります（上限 {limit:,}文字）。取り込みません",
    },
    "calendar.unmatched.none": {"en": "no client matched", "ja": "該当する顧客がいません"},
    "calendar.unmatched.several": {"en": "{count} clients matched: {names}", "ja": "{count}名の顧客が該当: {names}"},
    "calendar.moved": {"en": "moved from {old}", "ja": "{old} から移動"},
    "calendar.upcoming": {"en": "next session (not a session yet)", "ja": "次回の予定（まだセッションではありません）"},
    "calendar.assigned": {"en": "assigned by you", "ja": "手動で割り当て"},
    # the line the issue pins: event N: no client matched "…" (the date is in the preview and --dry-run's list)
    "calendar.cli.unmatched": {"en": "event {n}: no client matched \"{summary}\"",
                               "ja": "予定 {n}: 該当する顧客がいません \"{summary}\""},
    "calendar.cli.several": {"en": "event {n}: {count} clients matched \"{summary}\": {names}",
                             "ja": "予定 {n}: {count}名の顧客が該当 \"{summary}\": {names}"},
    "calendar.cli.summary": {
        "en": "calendar {start} to {end}: add {add}, update {update}, skip {skip}, unmatched {unmatched}, "
        "next sessions {upcoming}",
        "ja": "カレンダー {start}〜{end}: 追加 {add}件、更新 {update}件、スキップ {skip}件、顧客未定 {unmatched}件、"
        "次回の予定 {upcoming}件",
    },
    "calendar.truncated": {"en": "it ends before END:VCALENDAR: was it cut short?",
                           "ja": "END:VCALENDAR の前で終わっています。途中で切れていませんか"},
    "calendar.no_title": {"en": "(no title)", "ja": "（タイトルなし）"},
    "calendar.cli.dry_run": {"en": "(dry run: nothing written)", "ja": "（確認のみ: 何も書き込んでいません）"},
    "calendar.cli.nothing_written": {"en": "(nothing written)", "ja": "（何も書き込んでいません）"},
})

ADD, UPDATE, SKIP, UNMATCHED, UPCOMING = "add", "update", "skip", "unmatched", "upcoming"
ACTIONS = (ADD, UPDATE, SKIP, UNMATCHED, UPCOMING)
DEFAULT_KIND = "consultation"
KIND_MAP_KEY = "calendar_kind_map"  # settings key: {"default": kind, "keywords": [[keyword, kind], ...]}
DEFAULT_YEARS = 5
UPCOMING_DAYS = 400  # future events up to this many days ahead are kept as "next session"
MATCH_TEXT_LIMIT = 160  # characters of a summary searched for names

# honorifics around a name: 様 さん さま 殿 氏 先生 after (Japanese), Mr. Ms. Mrs. Miss Dr. before (English)
_JA_AFTER = ("さま", "さん", "様", "殿", "氏", "先生", "くん", "ちゃん")
_EN_BEFORE = ("mrs.", "mrs", "mr.", "mr", "ms.", "ms", "miss", "dr.", "dr")
# words that joined the name to the rest of the summary ("Session with John Smith", "山田様との面談")
_JOINERS_BEFORE = re.compile(r"(?:(?:^|\s+)(?:with|w/|for|and|&|×))+\s*$", re.IGNORECASE)
_JOINERS_AFTER = re.compile(r"^\s*(?:との|と|の|へ|に)")
_EDGE = " \t-–—:：・/|,，、。()（）[]［］【】「」『』<>〈〉"
_AMOUNT = re.compile(
    r"(?:US\$|[¥$€£]|\b(?:USD|JPY|EUR|GBP)\s?)\s?\d[\d,]*(?:\.\d+)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:万円|円|\s?(?:USD|JPY|EUR|GBP)\b|ドル)"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# --- reading the file --------------------------------------------------------------------------
@dataclass
class Attendee:
    email: str
    name: str = ""
    partstat: str = ""  # ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION ('' when not said)


@dataclass
class CalendarEvent:
    """One occurrence: a single event, or one occurrence of a recurring one (recurrence_id set)."""

    number: int  # "event N": the occurrences of the file in order of time, from 1
    uid: str
    recurrence_id: str  # '' for a single event; the occurrence's original start (UTC) otherwise
    start: dt.datetime | dt.date  # in the practice's time zone; a date for an all-day event
    end: dt.datetime | dt.date | None
    summary: str = ""
    description: str = ""
    status: str = ""  # CONFIRMED, TENTATIVE, CANCELLED
    transparent: bool = False  # TRANSP:TRANSPARENT ("free")
    organizer: str = ""  # e-mail
    attendees: list[Attendee] = field(default_factory=list)
    too_long: int = 0  # characters of an over-long field (the event is not imported)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def date(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def key(self) -> tuple[str, str]:
        return self.uid, self.recurrence_id

    @property
    def duration_minutes(self) -> int | None:
        if self.all_day or not isinstance(self.end, dt.datetime):
            return None
        minutes = int((self.end - self.start).total_seconds() // 60)
        return minutes if 0 < minutes <= 1440 else None

    @property
    def when(self) -> str:
        """The date (and time) as shown in the preview and the CLI."""
        if isinstance(self.start, dt.datetime):
            return self.start.strftime("%Y-%m-%d %H:%M")
        return self.start.isoformat()


@dataclass
class CalendarFile:
    events: list[CalendarEvent]
    owner_emails: set[str]  # the calendar's owner as the file says it (Google: X-WR-CALNAME)
    start: dt.date
    end: dt.date


def practice_zone(db: Database | None = None, name: str | None = None) -> dt.tzinfo | None:
    """The practice's time zone: `name`, else the settings key "time_zone" (an IANA name), else None
    (this computer's local time zone)."""
    if name is None and db is not None:
        stored = db.scalar("SELECT value FROM settings WHERE key = 'time_zone'")
        if stored:
            try:
                name = json.loads(stored)
            except ValueError:
                name = stored
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise LoyalDeskError("calendar.bad_zone", zone=name) from exc


def _in_zone(value: object, zone: dt.tzinfo | None) -> dt.datetime | dt.date:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # a floating time: the practice's own clock
            return value
        local = value.astimezone(zone) if zone is not None else value.astimezone()
        return local.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"not a date: {value!r}")


def _utc_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y%m%d")
    return str(value or "")


def _email(value: object) -> str:
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = text.strip().lower()
    return text if _EMAIL.match(text) else ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _description(value: object) -> str:
    """DESCRIPTION as plain text (Google writes some as HTML: <br>, <b>, &amp;)."""
    text = _text(value)
    if re.search(r"<(?:br|p|div|b|i|a|ul|li|span)\b[^>]*>", text, re.IGNORECASE):
        text = re.sub(r"<br\s*/?>|</p>|</div>|</li>", "\n", text, flags=re.IGNORECASE)
        text = re.sub(r"<[^>]+>", "", text)
        text = html.unescape(text)
    return text.strip()


def read_calendar(path: Path, *, start: dt.date | None = None, end: dt.date | None = None,
                  zone: dt.tzinfo | None = None, today: dt.date | None = None,
                  is_cancelled: Callable[[], bool] | None = None) -> CalendarFile:
    """Every occurrence from `start` (default: 5 years before today) up to `end` (default today), and
    the future ones up to UPCOMING_DAYS ahead, in the time zone `zone` (None: local), in time order.

    A file that is not a readable calendar raises LoyalDeskError with a one-line message."""
    import icalendar
    import recurring_ical_events

    from loyaldesk.core.io.importer import ImportCancelled

    path = Path(path)
    today = today or dt.date.today()
    end = end or today
    start = start or years_before(today, DEFAULT_YEARS)
    if end < start:
        raise LoyalDeskError("calendar.bad_period", start=start.isoformat(), end=end.isoformat())
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise LoyalDeskError("import.file_not_found", path=path) from exc
    if size > CALENDAR_FILE_LIMIT:
        raise LoyalDeskError("calendar.too_large", name=path.name, size=size_text(size),
                             limit=size_text(CALENDAR_FILE_LIMIT))
    data = path.read_bytes()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if not head.startswith(b"BEGIN:VCALENDAR"):
        raise LoyalDeskError("calendar.not_ics", name=path.name)
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as exc:  # noqa: BLE001 - icalendar raises ValueError, KeyError, IndexError on broken input
        raise LoyalDeskError("calendar.broken", name=path.name, detail=_detail(exc)) from exc
    if not calendars or not data[-64:].rstrip().upper().endswith(b"END:VCALENDAR"):
        raise LoyalDeskError("calendar.broken", name=path.name, detail=t("calendar.truncated"))
    horizon = max(end, today + dt.timedelta(days=UPCOMING_DAYS))
    owners: set[str] = set()
    found: list[tuple] = []
    _check_count(calendars, path.name, start, horizon)
    for cal in calendars:
        owner = _email(cal.get("X-WR-CALNAME"))
        if owner:
            owners.add(owner)
        try:
            # between() expands each series once (after() would query it again for every window it steps
            # through: some 40 times slower); the count was checked above, so the list stays bounded
            query = recurring_ical_events.of(cal)
            components = query.between(start - dt.timedelta(days=1), horizon + dt.timedelta(days=2))
            for n, component in enumerate(components):
                if is_cancelled is not None and n % 500 == 0 and is_cancelled():
                    raise ImportCancelled()
                event = _event(component, zone)
                if event is None:
                    continue
                if not start <= event.date <= horizon:  # (the query's days are not the practice's)
                    continue
                found.append((event.start if isinstance(event.start, dt.datetime)
                               else dt.datetime.combine(event.start, dt.time()), len(found), event))
                if len(found) > CALENDAR_OCCURRENCE_LIMIT:
                    raise LoyalDeskError("calendar.too_many", name=path.name, limit=CALENDAR_OCCURRENCE_LIMIT,
                                         start=start.isoformat(), end=horizon.isoformat())
        except (LoyalDeskError, ImportCancelled):
            raise
        except Exception as exc:  # noqa: BLE001 - a broken DTSTART, RRULE or time zone
            raise LoyalDeskError("calendar.broken", name=path.name, detail=_detail(exc)) from exc
    found.sort(key=lambda x: (x[0], x[1]))
    events = []
    for number, (_, _, event) in enumerate(found, 1):
        event.number = number
        events.append(event)
    return CalendarFile(events, owners, start, end)


def _check_count(calendars, name: str, start: dt.date, horizon: dt.date) -> None:
    """Refuse a file with more than CALENDAR_OCCURRENCE_LIMIT events in the period before expanding anything:
    counting a rule's occurrences (dateutil) is some 200 times faster than expanding them into events, so an
    endless "every second" rule is refused in about a second."""
    from dateutil.rrule import rrulestr

    budget = CALENDAR_OCCURRENCE_LIMIT
    for cal in calendars:
        for component in cal.walk("VEVENT"):
            rules = component.get("RRULE")
            prop = component.get("DTSTART")
            if rules is None or prop is None or component.get("RECURRENCE-ID") is not None:
                budget -= 1
            else:
                first = prop.dt if isinstance(prop.dt, dt.datetime) else dt.datetime.combine(prop.dt, dt.time())
                low = dt.datetime.combine(start, dt.time(), first.tzinfo)
                high = dt.datetime.combine(horizon + dt.timedelta(days=1), dt.time(), first.tzinfo)
                for rule in rules if isinstance(rules, list) else [rules]:
                    try:
                        occurrences = rrulestr(rule.to_ical().decode(), dtstart=first).xafter(low, inc=True)
                        for day in occurrences:
                            if day > high:
                                break
                            budget -= 1
                            if budget < 0:
                                break
                    except Exception:  # noqa: BLE001 - a rule dateutil cannot read: expanding it will say so
                        continue
            if budget < 0:
                raise LoyalDeskError("calendar.too_many", name=name, limit=CALENDAR_OCCURRENCE_LIMIT,
                                     start=start.isoformat(), end=horizon.isoformat())


def _detail(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 120:
        text = text[:117] + "…"
    return text or type(exc).__name__


def save_zone(db: Database, name: str | None) -> None:
    """The practice's time zone (an IANA name; None or '' for this computer's): settings "time_zone"."""
    if name:
        practice_zone(None, name)  # LoyalDeskError for an unknown name
    with db.transaction() as conn:
        if name:
            conn.execute("INSERT INTO settings (key, value) VALUES ('time_zone', ?) ON CONFLICT(key) DO UPDATE SET "
                         "value = excluded.value", (json.dumps(name),))
        else:
            conn.execute("DELETE FROM settings WHERE key = 'time_zone'")


def zone_name(db: Database) -> str:
    """The practice's time zone as stored ('' when not set: this computer's)."""
    stored = db.scalar("SELECT value FROM settings WHERE key = 'time_zone'")
    try:
        return str(json.loads(stored)) if stored else ""
    except ValueError:
        return str(stored)


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _event(component, zone: dt.tzinfo | None) -> CalendarEvent | None:
    if component.name != "VEVENT":
        return None
    dtstart = component.get("DTSTART")
    if dtstart is None:
        return None
    start = _in_zone(dtstart.dt, zone)
    end_prop = component.get("DTEND")
    if end_prop is not None:
        end = _in_zone(end_prop.dt, zone)
    elif component.get("DURATION") is not None:
        end = start + component.get("DURATION").dt
    else:
        end = None
    rid = component.get("RECURRENCE-ID")
    summary = _text(component.get("SUMMARY"))
    description = _description(component.get("DESCRIPTION"))
    attendees = []
    raw = component.get("ATTENDEE")
    for value in (raw if isinstance(raw, list) else [raw] if raw is not None else []):
        email = _email(value)
        params = getattr(value, "params", {}) or {}
        if not email:
            email = _email(params.get("EMAIL"))
        attendees.append(Attendee(email, _text(params.get("CN")), str(params.get("PARTSTAT", "")).upper()))
    organizer = component.get("ORGANIZER")
    org_email = _email(organizer) or _email((getattr(organizer, "params", {}) or {}).get("EMAIL"))
    event = CalendarEvent(
        number=0,
        uid=_text(component.get("UID")) or f"(no uid) {_utc_text(dtstart.dt)} {summary}",
        recurrence_id=_utc_text(rid.dt) if rid is not None else "",
        start=start,
        end=end,
        summary=summary,
        description=description,
        status=_text(component.get("STATUS")).upper(),
        transparent=_text(component.get("TRANSP")).upper() == "TRANSPARENT",
        organizer=org_email,
        attendees=attendees,
    )
    longest = max(len(summary), len(description))
    if longest > FIELD_LIMIT:
        event.too_long = longest
        event.description = ""
        event.summary = summary[:200]
    return event


# --- the keyword map of session kinds ---------------------------------------------------------
@dataclass
class KindMap:
    default: str = DEFAULT_KIND
    keywords: list[tuple[str, str]] = field(default_factory=list)  # (keyword in the summary, kind)

    def kind_for(self, *texts: str) -> str:
        for text in texts:
            folded = unicodedata.normalize("NFKC", text or "").casefold()
            for keyword, kind in self.keywords:
                if keyword and unicodedata.normalize("NFKC", keyword).casefold() in folded:
                    return kind
        return self.default

    def to_text(self) -> str:
        """One "keyword = kind" per line (how the import dialog and Preferences edit it)."""
        return "\n".join(f"{k} = {v}" for k, v in self.keywords)

    @classmethod
    def from_text(cls, text: str, default: str = DEFAULT_KIND) -> KindMap:
        pairs = []
        for line in (text or "").splitlines():
            if "=" not in line:
                continue
            keyword, _, kind = line.partition("=")
            if keyword.strip() and kind.strip():
                pairs.append((keyword.strip(), kind.strip()))
        return cls((default or "").strip() or DEFAULT_KIND, pairs)


def load_kind_map(db: Database) -> KindMap:
    stored = db.scalar("SELECT value FROM settings WHERE key = ?", (KIND_MAP_KEY,))
    if not stored:
        return KindMap()
    try:
        data = json.loads(stored)
        pairs = [(str(k), str(v)) for k, v in data.get("keywords", []) if str(k).strip() and str(v).strip()]
        return KindMap(str(data.get("default") or DEFAULT_KIND), pairs)
    except (ValueError, TypeError, AttributeError):
        return KindMap()


def save_kind_map(db: Database, kinds: KindMap) -> None:
    value = json.dumps({"default": kinds.default, "keywords": [list(p) for p in kinds.keywords]}, ensure_ascii=False)
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (KIND_MAP_KEY, value))


# --- matching events to clients -----------------------------------------------------------------
def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _hira(text: str) -> str:
    import jaconv

    return jaconv.kata2hira(text)


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass
class _Hit:
    start: int  # in the compact summary
    stop: int
    ids: frozenset[int]


class ClientIndex:
    """The clients' e-mails, names and readings, to find which client an event is about."""

    def __init__(self, db: Database) -> None:
        self.by_email: dict[str, set[int]] = defaultdict(set)
        self.names: dict[str, set[int]] = defaultdict(set)  # compact name or reading -> ids
        self.families: dict[str, set[int]] = defaultdict(set)  # family name (with an honorific only)
        self.name_of: dict[int, str] = {}
        for cid, name, kana, email in db.query(
                "SELECT id, name, name_kana, email FROM clients WHERE COALESCE(archived, 0) = 0", plain=True):
            self.name_of[cid] = name or ""
            if email and email.strip():
                self.by_email[email.strip().lower()].add(cid)
            for text, reading in ((name, False), (kana, True)):
                key = re.sub(r"\s+", "", _fold(text or ""))
                if reading:
                    key = _hira(key)
                if len(key) >= 2:
                    self.names[key].add(cid)
                parts = _fold(text or "").split()
                if len(parts) >= 2:
                    # 山田 太郎: the family name comes first; John Smith: last (Latin letters)
                    family = parts[-1] if all(c.isascii() for c in "".join(parts)) else parts[0]
                    family = _hira(family) if reading else family
                    if len(family) >= 2 or not family.isascii():
                        self.families[family].add(cid)
        for cid, value in db.query("SELECT client_id, value FROM client_contacts WHERE kind = 'email'", plain=True):
            if cid in self.name_of and value.strip():
                self.by_email[value.strip().lower()].add(cid)
        self.emails_of: dict[int, set[str]] = defaultdict(set)
        for email, ids in self.by_email.items():
            for cid in ids:
                self.emails_of[cid].add(email)
        self.lengths = sorted({len(k) for k in self.names}, reverse=True)
        self.family_lengths = sorted({len(k) for k in self.families}, reverse=True)

    def label(self, cid: int) -> str:
        return f"{self.name_of.get(cid, '')} #{cid}"

    # -- in the summary
    def name_hits(self, summary: str) -> tuple[list[_Hit], str, list[int]]:
        """Names and readings of clients in the summary: (hits, compact summary, compact->original index)."""
        folded = _fold(summary)[:MATCH_TEXT_LIMIT]
        positions = [i for i, ch in enumerate(folded) if not ch.isspace()]
        compact = "".join(folded[i] for i in positions)
        hira = _hira(compact)
        if len(hira) != len(compact):
            hira = compact
        hits: list[_Hit] = []
        for length in self.lengths:
            for i in range(0, len(compact) - length + 1):
                for text in (compact, hira) if hira != compact else (compact,):
                    ids = self.names.get(text[i:i + length])
                    if ids and self._bounded(folded, positions, i, i + length):
                        hits.append(_Hit(i, i + length, frozenset(ids)))
                        break
        if not hits:
            hits = self._family_hits(folded, positions, compact, hira)
        # a name inside a longer name found at the same place (山田 inside 山田太郎) is not a hit of its own
        kept = [h for h in hits if not any(o is not h and o.start <= h.start and h.stop <= o.stop
                                              and (o.stop - o.start) > (h.stop - h.start) for o in hits)]
        return kept, compact, positions

    def _bounded(self, folded: str, positions: list[int], i: int, j: int) -> bool:
        """A Latin name is a whole word: "Ann" is not in "Annual review"."""
        first, last = positions[i], positions[j - 1]
        if _is_word(folded[first]) and first > 0 and _is_word(folded[first - 1]):
            return False
        if _is_word(folded[last]) and last + 1 < len(folded) and _is_word(folded[last + 1]):
            return False
        return True

    def _family_hits(self, folded: str, positions: list[int], compact: str, hira: str) -> list[_Hit]:
        """A family name with an honorific: 山田様, 山田さん, やまださま, Mr. Smith, Ms Tanaka."""
        hits = []
        for honorific in _JA_AFTER:
            for m in re.finditer(re.escape(honorific), compact):
                for length in self.family_lengths:
                    i = m.start() - length
                    if i < 0:
                        continue
                    for text in (compact, hira):
                        ids = self.families.get(text[i:m.start()])
                        if ids:
                            hits.append(_Hit(i, m.start(), frozenset(ids)))
                            break
        for m in (m for title in ("mrs", "mr", "ms", "miss", "dr")  # "mrsmith": Mrs. Mith or Mr. Smith
                  for m in re.finditer(rf"(?<![a-z]){title}\.?", compact)):
            for length in self.family_lengths:
                j = m.end() + length
                if j > len(compact):
                    continue
                ids = self.families.get(compact[m.end():j])
                if ids and self._bounded(folded, positions, m.end(), j):
                    hits.append(_Hit(m.end(), j, frozenset(ids)))
        return hits


def topic_from_summary(summary: str, hits: Iterable[_Hit], compact: str, positions: list[int]) -> str:
    """The summary without the client's name and the honorifics and joining words around it."""
    folded_len = len(_fold(summary)[:MATCH_TEXT_LIMIT])
    text = unicodedata.normalize("NFKC", summary or "")
    if len(text) != len(_fold(summary)):  # casefold changed the length (ß): keep the summary as it is
        return summary.strip()
    spans = []
    for hit in hits:
        if hit.stop > len(positions) or positions[hit.stop - 1] >= folded_len:
            continue
        spans.append((positions[hit.start], positions[hit.stop - 1] + 1))
    for a, b in sorted(spans, reverse=True):
        before, after = text[:a], text[b:]
        tail = after.lstrip()
        for honorific in _JA_AFTER:
            if tail.startswith(honorific):
                after = tail[len(honorific):]
                break
        head = before.rstrip()
        for honorific in _EN_BEFORE:
            if head.lower().endswith(honorific) and (len(head) == len(honorific)
                                                     or not _is_word(head[-len(honorific) - 1])):
                before = head[:-len(honorific)]
                break
        before = _JOINERS_BEFORE.sub("", before.rstrip(_EDGE)).rstrip(_EDGE)
        after = _JOINERS_AFTER.sub("", after.lstrip(_EDGE)).lstrip(_EDGE)
        text = f"{before} {after}" if before and after else before + after
    return _tidy(text)


_PAIRS = {"(": ")", "[": "]", "【": "】", "「": "」", "『": "』", "<": ">", "〈": "〉"}
_SEPARATORS = " \t-–—:：・/|,，、。"


def _tidy(text: str) -> str:
    """Separators and brackets left at the ends once the name is gone; balanced brackets stay."""
    text = re.sub(r"\s{2,}", " ", text)
    for _ in range(4):
        before = text
        text = re.sub(r"\(\s*\)|\[\s*\]|【\s*】|「\s*」|『\s*』|<\s*>|〈\s*〉", "", text).strip(_SEPARATORS)
        for opening, closing in _PAIRS.items():
            if text.endswith(opening) or (text.endswith(closing) and text.count(opening) < text.count(closing)):
                text = text[:-1]
            if text.startswith(closing) or (text.startswith(opening) and text.count(closing) < text.count(opening)):
                text = text[1:]
        if text == before:
            break
    return text.strip()


def fee_from_description(description: str, currency: str) -> tuple[int, str] | None:
    """The first amount written in the description (¥30,000, 30,000円, $150, USD 150): (minor units,
    ISO code), through loyaldesk.core.money; None when there is none."""
    from loyaldesk.core import money

    text = unicodedata.normalize("NFKC", description or "")
    for m in _AMOUNT.finditer(text):
        try:
            minor, code = money.parse_money(m.group(0).replace(" ", ""), currency)
        except LoyalDeskError:
            continue
        if minor > 0:
            return minor, code
    return None


# --- planning ------------------------------------------------------------------------------------
@dataclass
class PlannedEvent:
    event: CalendarEvent
    action: str
    client_id: int | None = None
    candidates: list[int] = field(default_factory=list)  # several clients matched
    reason: str = ""  # why skipped / unmatched / updated, in the user's language
    session_id: int | None = None  # the session made from this event before (update / skip)
    topic: str = ""
    kind: str = ""
    fee: int = 0
    currency: str = ""  # '' = the practice's; else the amount is in this currency (a foreign session)
    assigned: bool = False  # the user chose the client

    @property
    def is_future(self) -> bool:
        return self.action == UPCOMING


@dataclass
class CalendarPlan:
    items: list[PlannedEvent]
    start: dt.date
    end: dt.date
    keep_all_day: bool = False
    assignments: dict[tuple[str, str], int] = field(default_factory=dict)  # event key -> client chosen
    made_on: object = None
    source: CalendarFile | None = None
    me: tuple[str, ...] = ()
    kinds: KindMap | None = None
    now: dt.datetime | None = None

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(i.action for i in self.items)
        return {a: c.get(a, 0) for a in ACTIONS}

    def unmatched(self) -> list[PlannedEvent]:
        return [i for i in self.items if i.action == UNMATCHED]

    def assign(self, item: PlannedEvent, client_id: int | None) -> None:
        """The user's choice for an unmatched event: a client (it becomes a session, or its next session when
        in the future), or None (left out). The plan is made again when it is written."""
        if client_id is None:
            self.assignments.pop(item.event.key, None)
            item.action, item.client_id, item.assigned = UNMATCHED, None, False
        else:
            self.assignments[item.event.key] = client_id
            future = self.now is not None and _starts(item.event) >= self.now
            item.action, item.client_id, item.assigned = (UPCOMING if future else ADD), client_id, True
            item.reason = t("calendar.assigned")
        self.made_on = None


ME_KEY = "calendar_me"  # settings key: the owner's own e-mails in the calendar (a JSON list)


def load_me(db: Database) -> list[str]:
    stored = db.scalar("SELECT value FROM settings WHERE key = ?", (ME_KEY,))
    try:
        value = json.loads(stored) if stored else []
    except ValueError:
        return []
    return [e for e in (_email(v) for v in value if isinstance(v, str)) if e] if isinstance(value, list) else []


def save_me(db: Database, emails: Iterable[str]) -> list[str]:
    """Keep the owner's e-mails typed in the import dialog (the valid ones, in order, once each)."""
    kept = list(dict.fromkeys(e for e in (_email(x) for x in emails) if e))
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                     "excluded.value", (ME_KEY, json.dumps(kept)))
    return kept


def client_choices(db: Database) -> list[tuple[int, str]]:
    """(id, "name (reading)") of the clients an event can be assigned to, in the order of their reading."""
    import jaconv

    rows = db.query("SELECT id, name, name_kana FROM clients WHERE COALESCE(archived, 0) = 0", plain=True)
    rows = sorted(rows, key=lambda r: (jaconv.kata2hira(_fold(r[2] or r[1] or "")), r[0]))
    return [(cid, f"{name} ({kana})" if kana else name) for cid, name, kana in rows]


def owner_emails(db: Database, extra: Iterable[str] = ()) -> set[str]:
    """The practice owner's e-mails: given (--me), kept from the import dialog (settings calendar_me), and the
    sender profiles' e-mails (settings sender_*email)."""
    found = {e.strip().lower() for e in extra if e and e.strip()} | set(load_me(db))
    for (value,) in db.query("SELECT value FROM settings WHERE key LIKE 'sender%email%'", plain=True):
        try:
            value = json.loads(value)
        except ValueError:
            pass
        email = _email(value)
        if email:
            found.add(email)
    return found


def plan_calendar_import(
    db: Database,
    source: CalendarFile,
    *,
    keep_all_day: bool = False,
    me: Iterable[str] = (),
    kinds: KindMap | None = None,
    assignments: dict[tuple[str, str], int] | None = None,
    now: dt.datetime | None = None,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> CalendarPlan:
    """Decide, without writing, what happens to each occurrence (see the module's docstring).

    `now`: the practice's local time (naive) from which an event is in the future (default: now)."""
    from loyaldesk.core import practice
    from loyaldesk.core.io.importer import ImportCancelled

    mark = (weakref.ref(db), db.change_mark())
    now = now or dt.datetime.now()
    kinds = kinds or load_kind_map(db)
    currency = practice.currency(db)
    index = ClientIndex(db)
    owners = owner_emails(db, me) | source.owner_emails
    assignments = dict(assignments or {})
    existing: dict[tuple[str, str], tuple[int, int, str, int | None]] = {}
    for sid, cid, uid, rid, date, minutes in db.query(
            "SELECT id, client_id, calendar_uid, calendar_recurrence_id, date, duration_minutes FROM sessions "
            "WHERE calendar_uid IS NOT NULL", plain=True):
        existing[(uid, rid or "")] = (sid, cid, date, minutes)
    # future events assigned before (by the user or by matching) keep their client
    remembered = {(uid, rid): cid for uid, rid, cid in db.query(
        "SELECT uid, recurrence_id, client_id FROM calendar_upcoming", plain=True)}
    items: list[PlannedEvent] = []
    total = max(1, len(source.events))
    for n, event in enumerate(source.events):
        if n % 500 == 0:
            if is_cancelled is not None and is_cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(n / total)
        future = _starts(event) >= now
        if not future and event.date > source.end:
            continue  # after the period asked for, and past: not part of this import
        item = PlannedEvent(event, ADD)
        items.append(item)
        skip = _skip_reason(event, owners, keep_all_day)
        if skip:
            item.action, item.reason = SKIP, skip
            continue
        known = existing.get(event.key)
        if known is not None and not future:
            sid, cid, date, minutes = known
            item.session_id, item.client_id = sid, cid
            if date != event.date.isoformat() or (event.duration_minutes is not None and minutes != event.duration_minutes):
                item.action, item.reason = UPDATE, t("calendar.moved", old=date)
            else:
                item.action, item.reason = SKIP, t("calendar.skip.imported", id=sid)
            continue
        ids, hits, compact, positions = _match(index, event, owners)
        chosen = assignments.get(event.key)
        if chosen is None and len(ids) != 1:
            chosen = remembered.get(event.key)
        if chosen is not None and chosen in index.name_of:
            ids, item.assigned = {chosen}, True
            item.reason = t("calendar.assigned")
        if len(ids) != 1:
            item.action = UNMATCHED
            item.candidates = sorted(ids)
            item.reason = (t("calendar.unmatched.several", count=len(ids), names=join_list(index.label(c) for c in sorted(ids)))
                           if ids else t("calendar.unmatched.none"))
            continue
        cid = next(iter(ids))
        declined = [a for a in event.attendees if a.email and a.email in _emails_of(index, cid)]
        if declined and all(a.partstat == "DECLINED" for a in declined):
            item.action, item.reason, item.client_id = SKIP, t("calendar.skip.declined_client"), cid
            continue
        item.client_id = cid
        own_hits = [h for h in hits if cid in h.ids]
        item.topic = topic_from_summary(event.summary, own_hits, compact, positions)
        item.kind = kinds.kind_for(event.summary, event.description)
        found = fee_from_description(event.description, currency)
        if found is not None:
            item.fee, code = found
            item.currency = "" if code == currency else code
        if future:
            item.action, item.reason = UPCOMING, t("calendar.upcoming")
    for number, item in enumerate(items, 1):  # "event N" counts the events of this import only
        item.event.number = number
    if progress is not None:
        progress(1.0)
    return CalendarPlan(items, source.start, source.end, keep_all_day, assignments, mark, source, tuple(me), kinds, now)


def _starts(event: CalendarEvent) -> dt.datetime:
    if isinstance(event.start, dt.datetime):
        return event.start
    return dt.datetime.combine(event.start, dt.time())


def _skip_reason(event: CalendarEvent, owners: set[str], keep_all_day: bool) -> str:
    if event.too_long:
        return t("calendar.skip.too_long", count=event.too_long, limit=FIELD_LIMIT)
    if event.status == "CANCELLED":
        return t("calendar.skip.cancelled")
    if any(a.email in owners and a.partstat == "DECLINED" for a in event.attendees if a.email):
        return t("calendar.skip.declined")
    if event.all_day and not keep_all_day:
        return t("calendar.skip.all_day")
    if event.transparent and not event.all_day:  # all-day events are "free" by default in every calendar
        return t("calendar.skip.free")
    return ""


def _emails_of(index: ClientIndex, cid: int) -> set[str]:
    return index.emails_of.get(cid, set())


def _match(index: ClientIndex, event: CalendarEvent, owners: set[str]):
    """The clients the event is about: by attendee e-mail (the organiser and the owner excepted), else by
    name or reading in the summary."""
    by_mail: set[int] = set()
    for a in event.attendees:
        if a.email and a.email != event.organizer and a.email not in owners:
            by_mail |= index.by_email.get(a.email, set())
    hits, compact, positions = index.name_hits(event.summary)
    if by_mail:
        return by_mail, hits, compact, positions
    ids: set[int] = set()
    for hit in hits:
        ids |= hit.ids
    return ids, hits, compact, positions


def refresh_plan(db: Database, plan: CalendarPlan, **options) -> CalendarPlan:
    """The plan made again from the same file (the all-day choice, another kind map), assignments kept."""
    values = {"keep_all_day": plan.keep_all_day, "me": plan.me, "kinds": plan.kinds, "now": plan.now} | options
    return plan_calendar_import(db, plan.source, assignments=plan.assignments, **values)


# --- writing -------------------------------------------------------------------------------------
@dataclass
class CalendarResult:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    unmatched: int = 0
    upcoming: int = 0
    written: bool = False
    client_ids: list[int] = field(default_factory=list)


def apply_calendar_import(
    db: Database,
    plan: CalendarPlan,
    *,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> CalendarResult:
    """Write the plan in one transaction (BEGIN IMMEDIATE); planned again under the lock when anything
    was committed since the preview. Unmatched events are not written."""
    from loyaldesk.core import practice
    from loyaldesk.core.io.importer import ImportCancelled, _still_valid

    from loyaldesk.core.search import deferred_index

    currency = practice.currency(db)
    result = CalendarResult()
    with db.transaction() as conn, deferred_index(conn):  # the new sessions' texts indexed together at the end
        if not _still_valid(db, plan) and plan.source is not None:
            fresh = plan_calendar_import(db, plan.source, keep_all_day=plan.keep_all_day, me=plan.me, kinds=plan.kinds,
                                         assignments=plan.assignments, now=plan.now, is_cancelled=is_cancelled)
            plan.items[:] = fresh.items
        total = max(1, len(plan.items))
        seen_uids = {i.event.uid for i in plan.items}
        # the future events of these UIDs are replaced by what the file says now (moved, cancelled)
        conn.executemany("DELETE FROM calendar_upcoming WHERE uid = ?", [(u,) for u in seen_uids])
        for n, item in enumerate(plan.items):
            if n % 500 == 0:
                if is_cancelled is not None and is_cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(n / total)
            event = item.event
            if item.action == ADD:
                foreign = item.currency if item.currency and item.currency != currency else None
                conn.execute(
                    "INSERT INTO sessions (client_id, date, kind, duration_minutes, fee, topic, notes, foreign_currency, "
                    "foreign_fee, calendar_uid, calendar_recurrence_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.client_id, event.date.isoformat(), item.kind, event.duration_minutes,
                     None if foreign else item.fee, item.topic, event.description, foreign,
                     item.fee if foreign else None, event.uid, event.recurrence_id))
                conn.execute("DELETE FROM calendar_upcoming WHERE uid = ? AND recurrence_id = ?", event.key)
                result.added += 1
                result.client_ids.append(item.client_id)
            elif item.action == UPDATE:
                conn.execute("UPDATE sessions SET date = ?, duration_minutes = COALESCE(?, duration_minutes) "
                             "WHERE id = ?", (event.date.isoformat(), event.duration_minutes, item.session_id))
                result.updated += 1
                result.client_ids.append(item.client_id)
            elif item.action == UPCOMING:
                conn.execute(
                    "INSERT INTO calendar_upcoming (uid, recurrence_id, client_id, starts_at, date, summary) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(uid, recurrence_id) DO UPDATE SET "
                    "client_id = excluded.client_id, starts_at = excluded.starts_at, date = excluded.date, "
                    "summary = excluded.summary",
                    (event.uid, event.recurrence_id, item.client_id, _starts(event).isoformat(timespec="minutes"),
                     event.date.isoformat(), item.topic or event.summary))
                result.upcoming += 1
            elif item.action == SKIP:
                result.skipped += 1
            else:
                result.unmatched += 1
    result.written = bool(result.added or result.updated or result.upcoming)
    if progress is not None:
        progress(1.0)
    return result


# --- what the rest of the app reads ---------------------------------------------------------------
@dataclass
class NextSession:
    client_id: int
    starts_at: dt.datetime
    summary: str


def next_session(db: Database, client_id: int, today: dt.date | None = None) -> NextSession | None:
    """The client's next booked session from the calendar (today or later), or None."""
    day = (today or dt.date.today()).isoformat()
    row = db.query_one("SELECT client_id, starts_at, summary FROM calendar_upcoming WHERE client_id = ? AND date >= ? "
                       "ORDER BY starts_at LIMIT 1", (client_id, day))
    if row is None:
        return None
    return NextSession(row[0], dt.datetime.fromisoformat(row[1]), row[2] or "")


def booked_clients(db: Database, as_of: dt.date) -> dict[int, dt.date]:
    """Clients with a session booked in the calendar on or after the date: {client id: first such day}."""
    return {cid: dt.date.fromisoformat(day) for cid, day in db.query(
        "SELECT client_id, MIN(date) FROM calendar_upcoming WHERE date >= ? GROUP BY client_id",
        (as_of.isoformat(),), plain=True)}
