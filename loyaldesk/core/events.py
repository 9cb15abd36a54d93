"""Community: events with invitations in waves, replies, attendance, helpers; recognition,
roles over time and feedback rounds (the co-creation of new services).

Invitations come in two waves. The early wave (先行案内) goes to vip clients (and, when
asked, candidate clients); the general wave goes to every other client who can be written
to. Both leave out archived and do-not-contact clients, and nobody is invited twice to the
same event: the general wave is "everyone not invited yet", so run the early wave first.

Capacity and the waiting list: the yes replies are seated in order of wave (early first),
then of the time of the reply, then of invitation; when there are more yes replies than
seats, the later ones are on the waiting list (status 'waiting'). A seat frees up when
someone replies no or is removed, and the first waiting reply moves up. Nothing of this is
stored: the status is computed from the replies every time.

Invited is not sent: a wave's invitations are recorded as "invited" (sent_on NULL) until their
letters or e-mails are recorded as sent (mark_sent, from the document pipeline's "record as
sent" or `invite --log-touchpoints`); the event's early_wave_on / general_wave_on is the first
day invitations of that wave were recorded as sent.

Attendance can be recorded from the event's day on; earlier only when the caller confirms it
(early=True), and it is not counted as attended (summaries, the community view) before that day.
Attendance logs one touchpoint (channel 'event', dated the event's day, the title as the
note) per attendee, so it counts as contact for the loyalty score, the overdue state and
the report; unticking removes that touchpoint again.

Roles over time: client_tags keeps the roles held today (as before); role_history keeps every
spell, until NULL while the role is held (loyaldesk.core.tags opens and closes them).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from loyaldesk.core import dates, errors
from loyaldesk.core.db import Database
from loyaldesk.core.i18n import CATALOG, current_language, t
from loyaldesk.core.letters.sender import is_japanese_text
from loyaldesk.core.migrations import EVENT_KINDS

WAVES = ("early", "general")
REPLIES = ("yes", "no")
STATUSES = ("confirmed", "waiting", "declined", "no_reply")

CATALOG.update({
    "event.kind.seminar": {"en": "Seminar", "ja": "セミナー"},
    "event.kind.study_session": {"en": "Study session", "ja": "勉強会"},
    "event.kind.mixer": {"en": "Mixer", "ja": "交流会"},
    "event.kind.results_meeting": {"en": "Results meeting", "ja": "成果報告会"},
    "event.kind.other": {"en": "Other", "ja": "その他"},
    "event.wave.early": {"en": "Early", "ja": "先行案内"},
    "event.wave.general": {"en": "General", "ja": "一般案内"},
    "event.status.confirmed": {"en": "Seat confirmed", "ja": "参加確定"},
    "event.status.waiting": {"en": "Waiting list", "ja": "キャンセル待ち"},
    "event.status.declined": {"en": "Declined", "ja": "不参加"},
    "event.status.no_reply": {"en": "No reply yet", "ja": "未回答"},
    "event.online": {"en": "Online", "ja": "オンライン"},
    "event.title_required": {"en": "The event needs a title.", "ja": "イベント名を入力してください。"},
    "event.kind_invalid": {"en": "Unknown kind of event: {value}. Use one of: {kinds}.",
                           "ja": "イベントの種類が不明です: {value}（{kinds} のいずれか）。"},
    "event.date_required": {"en": "The event needs a date.", "ja": "イベントの日付を入力してください。"},
    "event.capacity_invalid": {"en": "The capacity must be a whole number of 0 or more.",
                               "ja": "定員は 0 以上の整数で入力してください。"},
    "event.fee_invalid": {"en": "The fee must be a whole number of 0 or more.",
                          "ja": "参加費は 0 以上の整数で入力してください。"},
    "event.not_found": {"en": "There is no event with id {id}.", "ja": "ID {id} のイベントはありません。"},
    "event.wave_invalid": {"en": "Unknown wave: {value}. Use early or general.",
                           "ja": "案内の区分が不明です: {value}（early または general）。"},
    "event.reply_invalid": {"en": "Unknown reply: {value}. Use yes or no.",
                            "ja": "回答が不明です: {value}（yes または no）。"},
    "event.not_invited": {"en": "This client is not invited to the event.",
                          "ja": "この顧客はこのイベントに招待されていません。"},
    "event.not_committee": {"en": "{name} does not have the event-committee role.",
                            "ja": "{name} さんはイベント実行委員ではありません。"},
    "event.attended_note": {"en": "Attended: {title}", "ja": "参加: {title}"},
    "event.attendance_early": {"en": "{title} is on {date}: attendance can be recorded from that day on.",
                               "ja": "{title} は {date} です。出席はその日から記録できます。"},
    "event.invitation_note": {"en": "Invitation: {title}", "ja": "ご案内: {title}"},
    "event.ends_before_start": {"en": "The event cannot end before it starts ({start}).",
                                "ja": "終了時刻が開始時刻（{start}）より前になっています。"},
    "event.reply_after_event": {"en": "The reply deadline ({reply_by}) is after the event's day ({day}).",
                                "ja": "ご回答の期限（{reply_by}）がイベントの日（{day}）より後になっています。"},
    "event.title_missing": {
        "en": "The event has no {language} title: the {language} letters show “{title}”. Add the {language} title in the "
              "event's dialog.",
        "ja": "このイベントには{language}のイベント名がありません。{language}の書状には「{title}」が入ります。"
              "イベントの編集画面で{language}のイベント名を入力してください。",
    },
    "event.free": {"en": "Free", "ja": "無料"},
    "event.capacity_text": {"en": "{count} people", "ja": "{count}名"},
    "event.reply_how_default": {
        "en": "by e-mail to {email} or by phone on {phone}", "ja": "お電話（{phone}）またはメール（{email}）にて",
    },
    "event.reply_how_email": {"en": "by e-mail to {email}", "ja": "メール（{email}）にて"},
    "event.reply_how_phone": {"en": "by phone on {phone}", "ja": "お電話（{phone}）にて"},
    "event.reply_how_letter": {"en": "by replying to this letter", "ja": "本状へのご返信にて"},
    "recognition.title_required": {"en": "The recognition needs a title (e.g. best progress).",
                                   "ja": "表彰の名称を入力してください（例: 最優秀成果賞）。"},
    "recognition.not_found": {"en": "There is no recognition with id {id}.", "ja": "ID {id} の表彰はありません。"},
    "feedback.title_required": {"en": "The feedback round needs a title (the new service).",
                                "ja": "意見交換の名称（新サービス名）を入力してください。"},
    "feedback.not_found": {"en": "There is no feedback round with id {id}.",
                           "ja": "ID {id} の意見交換はありません。"},
    "cli.invite_done": {"en": "{count} clients invited to {title} ({wave} wave).",
                        "ja": "{title} に {count}名をご案内しました（{wave}）。"},
    "cli.invite_nobody": {"en": "Nobody is left to invite to {title} in the {wave} wave.",
                          "ja": "{title} の{wave}でご案内できる方は残っていません。"},
    "cli.invite_dry_run": {"en": "{count} clients would be invited to {title} ({wave} wave); nothing was recorded.",
                           "ja": "{title} に {count}名をご案内できます（{wave}）。記録はしていません。"},
    "timeline.recognition": {"en": "Recognition", "ja": "表彰"},
    "timeline.feedback": {"en": "Feedback round", "ja": "サービスへのご意見"},
    "timeline.feedback_invited": {"en": "invited, no feedback yet", "ja": "ご依頼済み（ご意見はまだ）"},
    "timeline.role_given": {"en": "Role given", "ja": "役割を依頼"},
    "timeline.role_ended": {"en": "Role ended", "ja": "役割を終了"},
})


def kind_label(kind: str, lang: str | None = None) -> str:
    return t(f"event.kind.{kind}", lang) if kind in EVENT_KINDS else kind


def wave_label(wave: str, lang: str | None = None) -> str:
    return t(f"event.wave.{wave}", lang) if wave in WAVES else wave


def status_label(status: str, lang: str | None = None) -> str:
    return t(f"event.status.{status}", lang) if status in STATUSES else status


# =========================================================================================
# Dataclasses
# =========================================================================================
@dataclass(slots=True)
class Event:
    id: int | None
    title: str
    kind: str = "seminar"
    starts_at: dt.datetime | None = None  # date and time (minutes)
    place: str = ""
    online: bool = False
    capacity: int | None = None  # None: no limit
    fee: int = 0
    notes: str = ""
    early_wave_on: dt.date | None = None  # the day the early invitations went out
    general_wave_on: dt.date | None = None
    title_ja: str = ""  # the title in Japanese letters ('' : not given)
    title_en: str = ""  # the title in English letters
    ends_at: dt.datetime | None = None  # the end (same day; None: no end time given)
    reply_by: dt.date | None = None  # the reply deadline (None: none)
    reply_how_ja: str = ""  # how to reply, as the Japanese letters say it ('' : from the sender profile)
    reply_how_en: str = ""
    place_en: str = ""  # the venue as English letters write it ('' : the place)

    @property
    def day(self) -> dt.date | None:
        return self.starts_at.date() if self.starts_at else None

    def own_title(self, lang: str) -> str:
        """The title written for `lang` ('' when there is none in that language): title_ja / title_en, else the
        main title when its script is of that language."""
        given = (self.title_ja if lang == "ja" else self.title_en).strip()
        if given:
            return given
        title = self.title.strip()
        return title if title and is_japanese_text(title) == (lang == "ja") else ""

    def title_for(self, lang: str) -> str:
        """The title in a letter in `lang`: its own, else the other language's (the pipeline warns)."""
        return self.own_title(lang) or self.title.strip() or self.own_title("en" if lang == "ja" else "ja")

    def reply_how(self, lang: str) -> str:
        return (self.reply_how_ja if lang == "ja" else self.reply_how_en).strip()

    def place_text(self, lang: str | None = None) -> str:
        place = (self.place_en.strip() or self.place) if (lang or current_language()) == "en" else self.place
        if self.online:
            return t("event.online", lang) + (f" ({place})" if place.strip() else "")
        return place

    def date_text(self, lang: str | None = None, style: str = "western") -> str:
        """The day with its weekday and the time: 2027年2月20日（土）14:00〜16:00 (style 'era': 令和9年…) /
        Saturday, February 20, 2027, 2:00–4:00 pm."""
        if self.starts_at is None:
            return ""
        lang = lang or current_language()
        start, end = self.starts_at, self.ends_at if self.ends_at and self.ends_at > self.starts_at else None
        if lang == "ja":
            text = f"{day_text(start.date(), 'ja', style)}{start:%H:%M}"
            return text + (f"〜{end:%H:%M}" if end else "〜")
        if end is None:
            return f"{day_text(start.date(), 'en')}, {_en_time(start)}"
        if (start.hour < 12) == (end.hour < 12):
            return f"{day_text(start.date(), 'en')}, {_en_time(start, False)}\u2013{_en_time(end)}"
        return f"{day_text(start.date(), 'en')}, {_en_time(start)}\u2013{_en_time(end)}"

    def fee_text(self, lang: str, currency: str) -> str:
        """3,000円 / ¥3,000 ('Free' / 無料 when 0)."""
        from loyaldesk.core import money

        if not self.fee:
            return t("event.free", lang)
        if lang == "ja" and currency == "JPY":
            return f"{money.format_number(self.fee, currency, 'ja')}円"
        return money.format_amount(self.fee, currency, lang)

    def capacity_text(self, lang: str) -> str:
        """20名 / 20 people ('' without a limit)."""
        return "" if not self.capacity else t("event.capacity_text", lang, count=f"{self.capacity:,}")


_JA_WEEKDAYS = "月火水木金土日"


def day_text(day: dt.date | None, lang: str, style: str = "western") -> str:
    """2027年2月20日（土） (style 'era': 令和9年2月20日（土）) / Saturday, February 20, 2027."""
    if day is None:
        return ""
    if lang == "ja":
        from loyaldesk.core.letters.templates import format_date

        return f"{format_date(day, 'ja', style)}（{_JA_WEEKDAYS[day.weekday()]}）"
    from babel.dates import format_date as babel_date

    return babel_date(day, "EEEE, MMMM d, y", locale="en_US")  # as the letter's own date: January 10, 2027


def _en_time(moment: dt.datetime, suffix: bool = True) -> str:
    """2:00 pm, 11:30 am; 12:00 noon as 12:00 pm (suffix False: 2:00)."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}" + ((" am" if moment.hour < 12 else " pm") if suffix else "")




@dataclass(slots=True)
class EventSummary:
    event: Event
    invited: int = 0
    yes: int = 0
    no: int = 0
    attended: int = 0
    helpers: int = 0

    @property
    def seats_left(self) -> int | None:
        cap = self.event.capacity
        return None if cap is None else max(cap - self.yes, 0)

    @property
    def waiting(self) -> int:
        cap = self.event.capacity
        return 0 if cap is None else max(self.yes - cap, 0)


@dataclass(slots=True)
class Invitation:
    event_id: int
    client_id: int
    client_name: str
    name_kana: str
    wave: str
    invited_on: dt.date | None
    reply: str | None  # 'yes', 'no' or None
    replied_at: str | None
    attended: bool
    seat_note: str
    tier: str | None = None
    sent_on: dt.date | None = None  # None: invited, the invitation not recorded as sent yet
    status: str = "no_reply"  # confirmed, waiting, declined, no_reply (see the module docstring)
    position: int | None = None  # seat number among the yes replies (1-based), waiting ones included


@dataclass(slots=True)
class Helper:
    event_id: int
    client_id: int
    client_name: str
    task: str


@dataclass(slots=True)
class Recognition:
    id: int | None
    client_id: int
    date: dt.date
    title: str
    event_id: int | None = None
    period: str = ""
    note: str = ""
    client_name: str = ""
    event_title: str = ""


@dataclass(slots=True)
class RoleSpell:
    client_id: int
    tag_id: int
    name: str
    builtin_key: str | None
    since: dt.date | None
    until: dt.date | None  # None: held today

    @property
    def current(self) -> bool:
        return self.until is None

    @property
    def label(self) -> str:
        from loyaldesk.core.migrations import BUILTIN_ROLES

        return t(f"role.{self.builtin_key}") if self.builtin_key in BUILTIN_ROLES else self.name


@dataclass(slots=True)
class FeedbackRound:
    id: int | None
    title: str
    date: dt.date
    notes: str = ""
    invited: int = 0
    took_part: int = 0


@dataclass(slots=True)
class FeedbackParticipant:
    round_id: int
    client_id: int
    client_name: str
    invited_on: dt.date | None
    took_part: bool
    note: str


@dataclass(slots=True)
class CommunityMember:
    client_id: int
    name: str
    name_kana: str
    tier: str | None
    roles: tuple[str, ...]
    past_roles: tuple[str, ...]
    attended: int  # events attended
    last_attended: dt.date | None
    helped: int  # events helped at
    recognitions: int
    latest_recognition: str
    latest_recognition_on: dt.date | None
    feedback: int  # feedback rounds taken part in


# =========================================================================================
# Events
# =========================================================================================
_EVENT_COLUMNS = ("id, title, kind, starts_at, place, online, capacity, fee, notes, early_wave_on, general_wave_on, "
                  "title_ja, title_en, ends_at, reply_by, reply_how_ja, reply_how_en, place_en")
_EVENT_WIDTH = 18  # the number of columns above


def _parse_datetime(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        day = dates.from_db(text[:10])
        return dt.datetime.combine(day, dt.time()) if day else None


def _event(row) -> Event:
    return Event(row[0], row[1] or "", row[2] or "other", _parse_datetime(row[3]), row[4] or "", bool(row[5]),
                 row[6], int(row[7] or 0), row[8] or "", dates.from_db(row[9]), dates.from_db(row[10]),
                 row[11] or "", row[12] or "", _parse_datetime(row[13]), dates.from_db(row[14]), row[15] or "",
                 row[16] or "", row[17] or "")


def get_event(db: Database, event_id: int) -> Event:
    row = db.query_one(f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,))
    if row is None:
        raise errors.NotFoundError("event.not_found", id=event_id)
    return _event(row)


def _validate(event: Event) -> None:
    if not (event.title or "").strip():
        event.title = (event.title_ja or "").strip() or (event.title_en or "").strip()
    if not event.title:
        raise errors.ValidationError("event.title_required", field="title")
    if event.kind not in EVENT_KINDS:
        raise errors.ValidationError("event.kind_invalid", field="kind", value=event.kind, kinds=", ".join(EVENT_KINDS))
    if event.starts_at is None:
        raise errors.ValidationError("event.date_required", field="starts_at")
    if event.capacity is not None and (not isinstance(event.capacity, int) or event.capacity < 0):
        raise errors.ValidationError("event.capacity_invalid", field="capacity")
    if not isinstance(event.fee, int) or event.fee < 0:
        raise errors.ValidationError("event.fee_invalid", field="fee")
    if event.ends_at is not None:
        event.ends_at = dt.datetime.combine(event.starts_at.date(), event.ends_at.time())
        if event.ends_at < event.starts_at:
            raise errors.ValidationError("event.ends_before_start", field="ends_at", start=f"{event.starts_at:%H:%M}")
    if event.reply_by is not None and event.reply_by > event.starts_at.date():
        raise errors.ValidationError("event.reply_after_event", field="reply_by", reply_by=event.reply_by.isoformat(),
                                     day=event.starts_at.date().isoformat())


def save_event(db: Database, event: Event) -> Event:
    """Create (id None) or update an event; ValidationError when a field is not acceptable."""
    _validate(event)
    values = (event.title.strip(), event.kind, event.starts_at.replace(second=0, microsecond=0).isoformat(timespec="minutes"),
              event.place.strip(), int(bool(event.online)), event.capacity, event.fee, event.notes,
              dates.to_db(event.early_wave_on), dates.to_db(event.general_wave_on),
              (event.title_ja or "").strip(), (event.title_en or "").strip(),
              event.ends_at.replace(second=0, microsecond=0).isoformat(timespec="minutes") if event.ends_at else None,
              dates.to_db(event.reply_by), (event.reply_how_ja or "").strip(), (event.reply_how_en or "").strip(),
              (event.place_en or "").strip())
    with db.transaction() as conn:
        if event.id is None:
            cur = conn.execute(
                "INSERT INTO events (title, kind, starts_at, place, online, capacity, fee, notes, early_wave_on, "
                "general_wave_on, title_ja, title_en, ends_at, reply_by, reply_how_ja, reply_how_en, place_en) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
            event_id = cur.lastrowid
        else:
            cur = conn.execute(
                "UPDATE events SET title = ?, kind = ?, starts_at = ?, place = ?, online = ?, capacity = ?, fee = ?, "
                "notes = ?, early_wave_on = ?, general_wave_on = ?, title_ja = ?, title_en = ?, ends_at = ?, "
                "reply_by = ?, reply_how_ja = ?, reply_how_en = ?, place_en = ? WHERE id = ?", (*values, event.id))
            if cur.rowcount == 0:
                raise errors.NotFoundError("event.not_found", id=event.id)
            event_id = event.id
            # the attendance touchpoints follow the event's day and title
            conn.execute(
                "UPDATE touchpoints SET date = ?, note = ? WHERE id IN (SELECT touchpoint_id FROM event_invitations "
                "WHERE event_id = ? AND touchpoint_id IS NOT NULL)",
                (event.starts_at.date().isoformat(), t("event.attended_note", title=event.title.strip()), event_id))
    return get_event(db, event_id)


def delete_event(db: Database, event_id: int) -> None:
    """Delete an event with its invitations and helpers; the attendance touchpoints stay (they happened)."""
    with db.transaction() as conn:
        cur = conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        if cur.rowcount == 0:
            raise errors.NotFoundError("event.not_found", id=event_id)


_SUMMARY_SQL = f"""
SELECT {', '.join('e.' + c.strip() for c in _EVENT_COLUMNS.split(','))},
       (SELECT COUNT(*) FROM event_invitations i WHERE i.event_id = e.id),
       (SELECT COUNT(*) FROM event_invitations i WHERE i.event_id = e.id AND i.reply = 'yes'),
       (SELECT COUNT(*) FROM event_invitations i WHERE i.event_id = e.id AND i.reply = 'no'),
       (SELECT COUNT(*) FROM event_invitations i WHERE i.event_id = e.id AND i.attended = 1
          AND substr(e.starts_at, 1, 10) <= :today),
       (SELECT COUNT(*) FROM event_helpers h WHERE h.event_id = e.id)
FROM events e
"""


def list_events(db: Database, as_of: dt.date | None = None) -> list[EventSummary]:
    """Every event with its counts, the latest first (attendance counted from the event's day on)."""
    rows = db.query(_SUMMARY_SQL + " ORDER BY e.starts_at DESC, e.id DESC",
                    {"today": (as_of or dates.today()).isoformat()}, plain=True)
    return [EventSummary(_event(r[:_EVENT_WIDTH]), *r[_EVENT_WIDTH:]) for r in rows]


def event_summary(db: Database, event_id: int, as_of: dt.date | None = None) -> EventSummary:
    rows = db.query(_SUMMARY_SQL + " WHERE e.id = :id", {"id": event_id, "today": (as_of or dates.today()).isoformat()},
                    plain=True)
    if not rows:
        raise errors.NotFoundError("event.not_found", id=event_id)
    return EventSummary(_event(rows[0][:_EVENT_WIDTH]), *rows[0][_EVENT_WIDTH:])


def next_event(db: Database, as_of: dt.date | None = None) -> Event | None:
    """The first event on or after `as_of` (today)."""
    day = (as_of or dates.today()).isoformat()
    row = db.query_one(f"SELECT {_EVENT_COLUMNS} FROM events WHERE substr(starts_at, 1, 10) >= ? "
                       "ORDER BY starts_at, id LIMIT 1", (day,))
    return _event(row) if row else None


def event_dict(s: EventSummary) -> dict:
    """The `events --json` contract."""
    e = s.event
    return {
        "id": e.id, "title": e.title, "kind": e.kind,
        "starts_at": e.starts_at.isoformat(timespec="minutes") if e.starts_at else None,
        "place": e.place, "online": e.online, "capacity": e.capacity, "fee": e.fee, "notes": e.notes,
        "title_ja": e.title_ja, "title_en": e.title_en,
        "ends_at": e.ends_at.isoformat(timespec="minutes") if e.ends_at else None,
        "reply_by": dates.to_db(e.reply_by), "reply_how_ja": e.reply_how_ja, "reply_how_en": e.reply_how_en,
        "place_en": e.place_en,
        "invited": s.invited, "yes": s.yes, "no": s.no, "attended": s.attended, "waiting": s.waiting,
        "seats_left": s.seats_left, "helpers": s.helpers,
    }


# =========================================================================================
# Invitations
# =========================================================================================
def _tiers(db: Database, as_of: dt.date) -> dict[int, str]:
    from loyaldesk.core.loyalty import compute_loyalty

    return {c.id: c.tier for c in compute_loyalty(db, as_of).clients}


def wave_candidates(db: Database, event_id: int, wave: str, *, include_candidates: bool = False,
                    tag_id: int | None = None, as_of: dt.date | None = None) -> list[int]:
    """Who the wave would invite, by reading then name: not archived, not do-not-contact, not invited yet.

    early: vip clients (and candidate clients with include_candidates); general: everyone else.
    tag_id narrows the list to the clients holding that tag or role today.
    """
    if wave not in WAVES:
        raise errors.ValidationError("event.wave_invalid", field="wave", value=wave)
    get_event(db, event_id)
    as_of = as_of or dates.today()
    sql = ("SELECT c.id FROM clients c WHERE COALESCE(c.archived, 0) = 0 AND COALESCE(c.do_not_contact, 0) = 0 "
           "AND NOT EXISTS (SELECT 1 FROM event_invitations i WHERE i.event_id = ? AND i.client_id = c.id)")
    params: list = [event_id]
    if tag_id is not None:
        sql += " AND EXISTS (SELECT 1 FROM client_tags ct WHERE ct.client_id = c.id AND ct.tag_id = ?)"
        params.append(tag_id)
    sql += " ORDER BY COALESCE(NULLIF(c.name_kana, ''), c.name), c.id"
    ids = [r[0] for r in db.query(sql, params, plain=True)]
    if wave == "general":
        return ids
    wanted = {"vip", "candidate"} if include_candidates else {"vip"}
    tiers = _tiers(db, as_of)
    return [i for i in ids if tiers.get(i) in wanted]


def invite(db: Database, event_id: int, client_ids: list[int], wave: str, on: dt.date | None = None) -> int:
    """Record the invitations of a wave as invited, not yet sent (clients already invited are left as
    they are); the number added. mark_sent records them as sent once their letters or e-mails went out."""
    if wave not in WAVES:
        raise errors.ValidationError("event.wave_invalid", field="wave", value=wave)
    get_event(db, event_id)
    day = (on or dates.today()).isoformat()
    with db.transaction() as conn:
        before = conn.total_changes
        conn.executemany(
            "INSERT OR IGNORE INTO event_invitations (event_id, client_id, wave, invited_on) VALUES (?, ?, ?, ?)",
            [(event_id, cid, wave, day) for cid in dict.fromkeys(client_ids)])
        added = conn.total_changes - before
    return added


def _set_wave_days(conn, event_id: int) -> None:
    """The events' wave days: the first day an invitation of the wave was recorded as sent (NULL: none)."""
    conn.execute(
        "UPDATE events SET "
        "early_wave_on = (SELECT MIN(sent_on) FROM event_invitations WHERE event_id = events.id AND wave = 'early'), "
        "general_wave_on = (SELECT MIN(sent_on) FROM event_invitations WHERE event_id = events.id AND wave = 'general') "
        "WHERE id = ?", (event_id,))


def mark_sent(db: Database, event_id: int, client_ids: list[int], on: dt.date | None = None) -> list[int]:
    """Record these invitations as sent on `on` (today); those already sent are left as they are.
    Returns the clients whose invitation was marked now (unmark_sent takes them back)."""
    day = (on or dates.today()).isoformat()
    marked: list[int] = []
    with db.transaction() as conn:
        for cid in dict.fromkeys(client_ids):
            cur = conn.execute("UPDATE event_invitations SET sent_on = ? WHERE event_id = ? AND client_id = ? "
                               "AND sent_on IS NULL", (day, event_id, cid))
            if cur.rowcount:
                marked.append(cid)
        _set_wave_days(conn, event_id)
    return marked


def unmark_sent(db: Database, event_id: int, client_ids: list[int]) -> None:
    """These invitations back to invited, not yet sent (undo of mark_sent)."""
    with db.transaction() as conn:
        conn.executemany("UPDATE event_invitations SET sent_on = NULL WHERE event_id = ? AND client_id = ?",
                         [(event_id, cid) for cid in client_ids])
        _set_wave_days(conn, event_id)


@dataclass(slots=True)
class WaveState:
    wave: str
    invited: int = 0
    sent: int = 0
    first_sent_on: dt.date | None = None


def wave_states(db: Database, event_id: int) -> dict[str, WaveState]:
    """Per wave: how many are invited, how many of those invitations are recorded as sent, and since when."""
    states = {w: WaveState(w) for w in WAVES}
    for wave, invited, sent, first in db.query(
            "SELECT wave, COUNT(*), COUNT(sent_on), MIN(sent_on) FROM event_invitations WHERE event_id = ? "
            "GROUP BY wave", (event_id,), plain=True):
        states[wave] = WaveState(wave, invited, sent, dates.from_db(first))
    return states


def uninvite(db: Database, event_id: int, client_id: int) -> None:
    """Remove an invitation (and the attendance touchpoint it logged)."""
    with db.transaction() as conn:
        row = conn.execute("SELECT touchpoint_id FROM event_invitations WHERE event_id = ? AND client_id = ?",
                           (event_id, client_id)).fetchone()
        if row is None:
            raise errors.ValidationError("event.not_invited", field="client")
        if row[0] is not None:
            conn.execute("DELETE FROM touchpoints WHERE id = ?", (row[0],))
        conn.execute("DELETE FROM event_invitations WHERE event_id = ? AND client_id = ?", (event_id, client_id))


def invitations(db: Database, event_id: int) -> list[Invitation]:
    """The invitees: seated yes replies first (early wave first), then the waiting list, the rest by reading."""
    event = get_event(db, event_id)
    rows = db.query(
        """
        SELECT i.client_id, c.name, c.name_kana, i.wave, i.invited_on, i.reply, i.replied_at, i.attended,
               i.seat_note, ct.tier, i.sent_on
        FROM event_invitations i JOIN clients c ON c.id = i.client_id
        LEFT JOIN client_tiers ct ON ct.client_id = i.client_id
        WHERE i.event_id = ?
        """, (event_id,), plain=True)
    result = [Invitation(event_id, cid, name or "", kana or "", wave, dates.from_db(invited), reply, replied,
                         bool(att), note or "", tier, dates.from_db(sent))
              for cid, name, kana, wave, invited, reply, replied, att, note, tier, sent in rows]
    yes = sorted((i for i in result if i.reply == "yes"),
                 key=lambda i: (WAVES.index(i.wave), i.replied_at or "9999", i.invited_on or dt.date.max, i.client_id))
    for n, inv in enumerate(yes, start=1):
        inv.position = n
        inv.status = "confirmed" if event.capacity is None or n <= event.capacity else "waiting"
    for inv in result:
        if inv.reply == "no":
            inv.status = "declined"
    order = {"confirmed": 0, "waiting": 1, "no_reply": 2, "declined": 3}
    return sorted(result, key=lambda i: (order[i.status], i.position or 0, WAVES.index(i.wave),
                                         i.name_kana or i.client_name, i.client_id))


def set_reply(db: Database, event_id: int, client_id: int, reply: str | None,
              at: dt.datetime | None = None) -> None:
    """Record a reply ('yes', 'no', or None to clear it); its time orders the seats."""
    if reply is not None and reply not in REPLIES:
        raise errors.ValidationError("event.reply_invalid", field="reply", value=reply)
    when = None if reply is None else (at or dt.datetime.now()).isoformat(timespec="microseconds" if at is None else "seconds")
    with db.transaction() as conn:
        cur = conn.execute("UPDATE event_invitations SET reply = ?, replied_at = ? WHERE event_id = ? AND client_id = ? "
                           "AND reply IS NOT ?", (reply, when, event_id, client_id, reply))
        if cur.rowcount == 0 and conn.execute("SELECT 1 FROM event_invitations WHERE event_id = ? AND client_id = ?",
                                              (event_id, client_id)).fetchone() is None:
            raise errors.ValidationError("event.not_invited", field="client")


def set_attended(db: Database, event_id: int, client_id: int, attended: bool, *, as_of: dt.date | None = None,
                 early: bool = False) -> int | None:
    """Tick (or untick) attendance: logs (or removes) the client's 'event' touchpoint; its id when ticked.

    Ticking also records a yes reply when there was none (they came). Before the event's day (as_of,
    default today) ticking raises ValidationError event.attendance_early unless early=True (the user
    confirmed); such an attendance counts only from the event's day on.
    """
    event = get_event(db, event_id)
    today = as_of or dates.today()
    if attended and not early and event.day is not None and event.day > today:
        raise errors.ValidationError("event.attendance_early", field="attended", title=event.title,
                                     date=event.day.isoformat())
    with db.transaction() as conn:
        row = conn.execute("SELECT attended, touchpoint_id FROM event_invitations WHERE event_id = ? "
                           "AND client_id = ?", (event_id, client_id)).fetchone()
        if row is None:
            raise errors.ValidationError("event.not_invited", field="client")
        was, touchpoint_id = bool(row[0]), row[1]
        if attended and not was:
            cur = conn.execute("INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, 'event', ?)",
                               (client_id, event.day.isoformat(), t("event.attended_note", title=event.title)))
            touchpoint_id = cur.lastrowid
            conn.execute("UPDATE event_invitations SET attended = 1, touchpoint_id = ?, reply = COALESCE(reply, 'yes'), "
                         "replied_at = COALESCE(replied_at, ?) WHERE event_id = ? AND client_id = ?",
                         (touchpoint_id, dt.datetime.now().isoformat(timespec="seconds"), event_id, client_id))
        elif not attended and was:
            if touchpoint_id is not None:
                conn.execute("DELETE FROM touchpoints WHERE id = ?", (touchpoint_id,))
            conn.execute("UPDATE event_invitations SET attended = 0, touchpoint_id = NULL WHERE event_id = ? "
                         "AND client_id = ?", (event_id, client_id))
            touchpoint_id = None
    return touchpoint_id if attended else None


def set_seat_note(db: Database, event_id: int, client_id: int, note: str) -> None:
    with db.transaction() as conn:
        cur = conn.execute("UPDATE event_invitations SET seat_note = ? WHERE event_id = ? AND client_id = ?",
                           ((note or "").strip(), event_id, client_id))
        if cur.rowcount == 0:
            raise errors.ValidationError("event.not_invited", field="client")


def event_placeholders(db: Database, event: Event, lang: str) -> dict:
    """The event_* placeholders of a letter in `lang`: event_title (in that language), event_date (with the
    weekday and the time: 2027年2月20日（土）14:00〜16:00 / Saturday, February 20, 2027, 2:00–4:00 pm),
    event_place, event_fee (3,000円 / ¥3,000, 無料 / Free), event_capacity (20名 / 20 people, '' without a limit),
    event_reply_by (the deadline with its weekday, '' without one) and event_reply_how (the event's own text,
    else the sender profile's phone and e-mail)."""
    from loyaldesk.core import practice
    from loyaldesk.core.letters.sender import load_sender

    sender = load_sender(db, lang)
    how = event.reply_how(lang)
    if not how:
        phone, email = sender.phone.strip(), sender.email.strip()
        key = ("event.reply_how_default" if phone and email else "event.reply_how_phone" if phone
               else "event.reply_how_email" if email else "event.reply_how_letter")
        how = t(key, lang, phone=phone, email=email)
    return {
        "event_title": event.title_for(lang), "event_date": event.date_text(lang, sender.date_style),
        "event_place": event.place_text(lang), "event_fee": event.fee_text(lang, practice.currency(db)),
        "event_capacity": event.capacity_text(lang),
        "event_reply_by": day_text(event.reply_by, lang, sender.date_style), "event_reply_how": how,
    }


def title_warnings(event: Event, langs, ui_lang: str | None = None) -> list[str]:
    """A warning for each letter language in `langs` the event has no title in (the other one is used)."""
    out = []
    for lang in dict.fromkeys(langs):
        if not event.own_title(lang) and event.title_for(lang):
            out.append(t("event.title_missing", ui_lang, language=t(f"sender.lang.{lang}", ui_lang),
                         title=event.title_for(lang)))
    return out


def invitation_letters(db: Database, event_id: int, client_ids: list[int], wave: str, *,
                       need: str | None = "address", as_of: dt.date | None = None, lang: str | None = None,
                       notes: dict[int, str] | None = None):
    """The invitation letters of a wave (compose.LetterPlan): vip_invitation for the early wave,
    event_invitation for the general one, with the event's placeholders filled in (event_placeholders)."""
    from loyaldesk.core.letters import compose

    if wave not in WAVES:
        raise errors.ValidationError("event.wave_invalid", field="wave", value=wave)
    event = get_event(db, event_id)
    key = "vip_invitation" if wave == "early" else "event_invitation"

    def extra(letter_lang: str) -> dict:
        return event_placeholders(db, event, letter_lang)

    return compose.plan_letters(db, key, client_ids, need=need, as_of=as_of, lang=lang, extra=extra, notes=notes)


# =========================================================================================
# Helpers (the event committee)
# =========================================================================================
def committee_members(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the active clients holding the event-committee role today, by reading."""
    return [(r[0], r[1]) for r in db.query(
        "SELECT c.id, c.name FROM clients c JOIN client_tags ct ON ct.client_id = c.id JOIN tags t ON t.id = ct.tag_id "
        "WHERE t.builtin_key = 'event_committee' AND COALESCE(c.archived, 0) = 0 "
        "ORDER BY COALESCE(NULLIF(c.name_kana, ''), c.name), c.id", plain=True)]


def assign_helper(db: Database, event_id: int, client_id: int, task: str = "") -> None:
    get_event(db, event_id)
    if client_id not in {cid for cid, _ in committee_members(db)}:
        name = db.scalar("SELECT name FROM clients WHERE id = ?", (client_id,))
        if name is None:
            raise errors.NotFoundError(id=client_id)
        raise errors.ValidationError("event.not_committee", field="client", name=name)
    with db.transaction() as conn:
        conn.execute("INSERT INTO event_helpers (event_id, client_id, task) VALUES (?, ?, ?) "
                     "ON CONFLICT(event_id, client_id) DO UPDATE SET task = excluded.task",
                     (event_id, client_id, (task or "").strip()))


def remove_helper(db: Database, event_id: int, client_id: int) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM event_helpers WHERE event_id = ? AND client_id = ?", (event_id, client_id))


def helpers(db: Database, event_id: int) -> list[Helper]:
    return [Helper(event_id, r[0], r[1] or "", r[2] or "") for r in db.query(
        "SELECT h.client_id, c.name, h.task FROM event_helpers h JOIN clients c ON c.id = h.client_id "
        "WHERE h.event_id = ? ORDER BY COALESCE(NULLIF(c.name_kana, ''), c.name), c.id", (event_id,), plain=True)]


# =========================================================================================
# Recognition
# =========================================================================================
def award(db: Database, client_id: int, title: str, on: dt.date | None = None, *, event_id: int | None = None,
          period: str = "", note: str = "") -> Recognition:
    """Recognize a client for an event or a period (e.g. "results meeting: best progress")."""
    if not (title or "").strip():
        raise errors.ValidationError("recognition.title_required", field="title")
    if db.scalar("SELECT 1 FROM clients WHERE id = ?", (client_id,)) is None:
        raise errors.NotFoundError(id=client_id)
    if event_id is not None:
        get_event(db, event_id)
    day = on or dates.today()
    with db.transaction() as conn:
        cur = conn.execute("INSERT INTO recognitions (client_id, date, title, event_id, period, note) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (client_id, day.isoformat(), title.strip(), event_id, (period or "").strip(), note or ""))
    return recognitions(db, recognition_id=cur.lastrowid)[0]


def recognitions(db: Database, client_id: int | None = None, *, recognition_id: int | None = None) -> list[Recognition]:
    """Recognitions, newest first (of one client, or one by id, or all)."""
    where, params = "1 = 1", []
    if client_id is not None:
        where, params = "r.client_id = ?", [client_id]
    elif recognition_id is not None:
        where, params = "r.id = ?", [recognition_id]
    rows = db.query(
        f"SELECT r.id, r.client_id, r.date, r.title, r.event_id, r.period, r.note, c.name, e.title "
        f"FROM recognitions r JOIN clients c ON c.id = r.client_id LEFT JOIN events e ON e.id = r.event_id "
        f"WHERE {where} ORDER BY r.date DESC, r.id DESC", params, plain=True)
    return [Recognition(r[0], r[1], dates.from_db(r[2]) or dates.today(), r[3] or "", r[4], r[5] or "", r[6] or "",
                        r[7] or "", r[8] or "") for r in rows]


def recognition_letters(db: Database, recognition_id: int, *, need: str | None = "address",
                        as_of: dt.date | None = None, lang: str | None = None, notes: dict[int, str] | None = None):
    """The recognition letter (template `recognition`) of one award (compose.LetterPlan): the
    award's award_title, award_note and award_period, and its event's event_title, event_date
    and event_place when it was given for an event. need=None: also for a client without a
    postal address (the letter can be handed over in person)."""
    from loyaldesk.core.letters import compose

    found = recognitions(db, recognition_id=recognition_id)
    if not found:
        raise errors.NotFoundError("recognition.not_found", id=recognition_id)
    r = found[0]
    event = get_event(db, r.event_id) if r.event_id is not None else None

    def extra(letter_lang: str) -> dict:
        values = {"award_title": r.title, "award_note": r.note.strip(), "award_period": r.period}
        if event is not None:
            values.update(event_placeholders(db, event, letter_lang))
        return values

    return compose.plan_letters(db, "recognition", [r.client_id], need=need, as_of=as_of or r.date, lang=lang,
                                extra=extra, notes=notes)


def delete_recognition(db: Database, recognition_id: int) -> None:
    with db.transaction() as conn:
        if conn.execute("DELETE FROM recognitions WHERE id = ?", (recognition_id,)).rowcount == 0:
            raise errors.NotFoundError("recognition.not_found", id=recognition_id)


# =========================================================================================
# Roles over time
# =========================================================================================
def role_spells(db: Database, client_id: int) -> list[RoleSpell]:
    """Every role the client held or holds, the current ones first, then the latest ended.

    A role held today but given outside TagRepository (an import) has no open spell in
    role_history: it is listed from client_tags.
    """
    rows = db.query(
        """
        SELECT h.tag_id, t.name, t.builtin_key, h.since, h.until FROM role_history h JOIN tags t ON t.id = h.tag_id
        WHERE h.client_id = :id
        UNION ALL
        SELECT ct.tag_id, t.name, t.builtin_key, ct.since, NULL FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.client_id = :id AND t.category = 'role' AND NOT EXISTS (
            SELECT 1 FROM role_history h WHERE h.client_id = ct.client_id AND h.tag_id = ct.tag_id AND h.until IS NULL)
        """, {"id": client_id}, plain=True)
    spells = [RoleSpell(client_id, r[0], r[1] or "", r[2], dates.from_db(r[3]), dates.from_db(r[4])) for r in rows]
    return sorted(spells, key=lambda s: (not s.current, -(s.until or s.since or dt.date.min).toordinal(), s.name))


def end_role(db: Database, client_id: int, tag_id: int, until: dt.date | None = None) -> None:
    """The role ends: it leaves the client's current tags and its spell gets an end date."""
    from loyaldesk.core.tags import TagRepository

    TagRepository(db).unassign(client_id, tag_id, until)


# =========================================================================================
# Feedback rounds (co-creation)
# =========================================================================================
def create_round(db: Database, title: str, on: dt.date | None = None, notes: str = "") -> FeedbackRound:
    if not (title or "").strip():
        raise errors.ValidationError("feedback.title_required", field="title")
    day = on or dates.today()
    with db.transaction() as conn:
        cur = conn.execute("INSERT INTO feedback_rounds (title, date, notes) VALUES (?, ?, ?)",
                           (title.strip(), day.isoformat(), notes or ""))
    return FeedbackRound(cur.lastrowid, title.strip(), day, notes or "")


def feedback_rounds(db: Database) -> list[FeedbackRound]:
    rows = db.query(
        "SELECT f.id, f.title, f.date, f.notes, (SELECT COUNT(*) FROM feedback_participants p WHERE p.round_id = f.id), "
        "(SELECT COUNT(*) FROM feedback_participants p WHERE p.round_id = f.id AND p.took_part = 1) "
        "FROM feedback_rounds f ORDER BY f.date DESC, f.id DESC", plain=True)
    return [FeedbackRound(r[0], r[1] or "", dates.from_db(r[2]) or dates.today(), r[3] or "", r[4], r[5]) for r in rows]


def round_candidates(db: Database, round_id: int, as_of: dt.date | None = None) -> list[int]:
    """vip and candidate clients who can be written to and are not invited to the round yet."""
    if db.scalar("SELECT 1 FROM feedback_rounds WHERE id = ?", (round_id,)) is None:
        raise errors.NotFoundError("feedback.not_found", id=round_id)
    tiers = _tiers(db, as_of or dates.today())
    ids = [r[0] for r in db.query(
        "SELECT c.id FROM clients c WHERE COALESCE(c.archived, 0) = 0 AND COALESCE(c.do_not_contact, 0) = 0 "
        "AND NOT EXISTS (SELECT 1 FROM feedback_participants p WHERE p.round_id = ? AND p.client_id = c.id) "
        "ORDER BY COALESCE(NULLIF(c.name_kana, ''), c.name), c.id", (round_id,), plain=True)]
    return [i for i in ids if tiers.get(i) in ("vip", "candidate")]


def invite_to_round(db: Database, round_id: int, client_ids: list[int], on: dt.date | None = None) -> int:
    if db.scalar("SELECT 1 FROM feedback_rounds WHERE id = ?", (round_id,)) is None:
        raise errors.NotFoundError("feedback.not_found", id=round_id)
    day = (on or dates.today()).isoformat()
    with db.transaction() as conn:
        before = conn.total_changes
        conn.executemany("INSERT OR IGNORE INTO feedback_participants (round_id, client_id, invited_on) VALUES (?, ?, ?)",
                         [(round_id, cid, day) for cid in dict.fromkeys(client_ids)])
        return conn.total_changes - before


def record_feedback(db: Database, round_id: int, client_id: int, took_part: bool = True, note: str = "") -> None:
    """Who took part and what they said (the client is added to the round if not invited)."""
    if db.scalar("SELECT 1 FROM feedback_rounds WHERE id = ?", (round_id,)) is None:
        raise errors.NotFoundError("feedback.not_found", id=round_id)
    with db.transaction() as conn:
        conn.execute("INSERT INTO feedback_participants (round_id, client_id, took_part, note) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT(round_id, client_id) DO UPDATE SET took_part = excluded.took_part, note = excluded.note",
                     (round_id, client_id, int(bool(took_part)), note or ""))


def feedback_participants(db: Database, round_id: int) -> list[FeedbackParticipant]:
    return [FeedbackParticipant(round_id, r[0], r[1] or "", dates.from_db(r[2]), bool(r[3]), r[4] or "")
            for r in db.query(
                "SELECT p.client_id, c.name, p.invited_on, p.took_part, p.note FROM feedback_participants p "
                "JOIN clients c ON c.id = p.client_id WHERE p.round_id = ? "
                "ORDER BY COALESCE(NULLIF(c.name_kana, ''), c.name), c.id", (round_id,), plain=True)]


# =========================================================================================
# The community view
# =========================================================================================
_COMMUNITY_SQL = """
WITH att AS (SELECT i.client_id, COUNT(*) AS n, MAX(substr(e.starts_at, 1, 10)) AS last
             FROM event_invitations i JOIN events e ON e.id = i.event_id
             WHERE i.attended = 1 AND substr(e.starts_at, 1, 10) <= :today GROUP BY i.client_id),
     hlp AS (SELECT client_id, COUNT(*) AS n FROM event_helpers GROUP BY client_id),
     rec AS (SELECT client_id, COUNT(*) AS n, MAX(date || char(31) || id) AS latest FROM recognitions GROUP BY client_id),
     fb AS (SELECT client_id, COUNT(*) AS n FROM feedback_participants WHERE took_part = 1 GROUP BY client_id),
     cur AS (SELECT ct.client_id, json_group_array(COALESCE(t.builtin_key, '') || char(31) || t.name) AS items
             FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.category = 'role' GROUP BY ct.client_id),
     past AS (SELECT h.client_id, json_group_array(COALESCE(t.builtin_key, '') || char(31) || t.name) AS items
              FROM role_history h JOIN tags t ON t.id = h.tag_id WHERE h.until IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM client_tags ct WHERE ct.client_id = h.client_id AND ct.tag_id = h.tag_id)
              GROUP BY h.client_id)
SELECT c.id, c.name, c.name_kana, ti.tier, cur.items, past.items, COALESCE(att.n, 0), att.last, COALESCE(hlp.n, 0),
       COALESCE(rec.n, 0), rec.latest, COALESCE(fb.n, 0)
FROM clients c
LEFT JOIN client_tiers ti ON ti.client_id = c.id
LEFT JOIN att ON att.client_id = c.id LEFT JOIN hlp ON hlp.client_id = c.id LEFT JOIN rec ON rec.client_id = c.id
LEFT JOIN fb ON fb.client_id = c.id LEFT JOIN cur ON cur.client_id = c.id LEFT JOIN past ON past.client_id = c.id
WHERE COALESCE(c.archived, 0) = 0
  AND (cur.items IS NOT NULL OR past.items IS NOT NULL OR att.n IS NOT NULL OR hlp.n IS NOT NULL OR rec.n IS NOT NULL
       OR fb.n IS NOT NULL)
ORDER BY (cur.items IS NULL), COALESCE(att.n, 0) DESC, COALESCE(NULLIF(c.name_kana, ''), c.name), c.id
"""


def _role_names(items: str | None, lang: str) -> tuple[str, ...]:
    from loyaldesk.core.migrations import BUILTIN_ROLES

    if not items:
        return ()
    names = []
    for item in json.loads(items):
        key, _, name = item.partition("\x1f")
        label = t(f"role.{key}", lang) if key in BUILTIN_ROLES else name
        if label not in names:
            names.append(label)
    return tuple(sorted(names))


def community_members(db: Database, lang: str | None = None, as_of: dt.date | None = None) -> list[CommunityMember]:
    """The members: active clients with a role (now or before), an attendance, a helper's turn, a
    recognition or feedback. Role holders first, then by events attended. Attendance counts (and "last
    attended") are of events on or before as_of (today) only."""
    lang = lang or current_language()
    rows = db.query(_COMMUNITY_SQL, {"today": (as_of or dates.today()).isoformat()}, plain=True)
    latest_ids = [int(r[10].rpartition("\x1f")[2]) for r in rows if r[10]]
    titles = {}
    if latest_ids:
        titles = {rid: (title, dates.from_db(day)) for rid, title, day in db.query(
            "SELECT id, title, date FROM recognitions WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(latest_ids),), plain=True)}
    result = []
    for cid, name, kana, tier, cur, past, att, last, helped, n_rec, latest, fb in rows:
        title, on = titles.get(int(latest.rpartition("\x1f")[2]), ("", None)) if latest else ("", None)
        result.append(CommunityMember(cid, name or "", kana or "", tier, _role_names(cur, lang), _role_names(past, lang),
                                      att, dates.from_db(last), helped, n_rec, title or "", on, fb))
    return result


# =========================================================================================
# Timeline entries (loyaldesk.core.clients.timeline)
# =========================================================================================
def timeline_rows(db: Database, client_id: int, lang: str | None = None) -> list[tuple]:
    """(kind, id, date, label, text) of the client's recognitions, feedback rounds and role changes.

    label is the translated heading (Recognition, Feedback round, Role given, Role ended).
    """
    lang = lang or current_language()
    out: list[tuple] = []
    for r in recognitions(db, client_id):
        text = " — ".join(x for x in (r.title, r.event_title, r.period, r.note.strip()) if x)
        out.append(("recognition", r.id, r.date, t("timeline.recognition", lang), text))
    for rid, title, day, took, note in db.query(
            "SELECT f.id, f.title, f.date, p.took_part, p.note FROM feedback_participants p "
            "JOIN feedback_rounds f ON f.id = p.round_id WHERE p.client_id = ?", (client_id,), plain=True):
        when = dates.from_db(day)
        if when is not None:
            said = (note or "").strip() if took else t("timeline.feedback_invited", lang)
            out.append(("feedback", rid, when, t("timeline.feedback", lang),
                        " — ".join(x for x in (title or "", said) if x)))
    for n, spell in enumerate(role_spells(db, client_id)):
        if spell.since is not None:
            out.append(("role", n, spell.since, t("timeline.role_given", lang), spell.label))
        if spell.until is not None:
            out.append(("role", n, spell.until, t("timeline.role_ended", lang), spell.label))
    return out
