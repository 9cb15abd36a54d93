"""Next actions: whom to contact, how and why (docs/suggestions.md).

Rules turn each client's state as of a date into suggested actions, each with a reason in
the user's language that cites the data. Everything is computed for the whole database at
once: a handful of aggregate SQL queries for the facts (first and last session, last topic,
last contact, birthdays, referrals, community roles, tier history, decisions) plus
loyalty.compute_loyalty for tier, status and score; Python then applies the rules to the
rows in memory (no query per client). Nothing here imports Qt or pandas.

Public API
----------
KINDS
    The kinds of suggestion, with these exact keys: thank_you, follow_up, reconnect, birthday,
    anniversary, season_greeting, vip_invitation, referral_request, referral_thanks,
    recognition, role_offer, feedback_invite.
Suggestion
    client_id, client_name, kind, reason, due, priority, template, channel, cycle, tier;
    `key` = (client_id, kind, cycle) identifies one occurrence; `is_due(day)`; `label`.
open_suggestions(db, as_of=None, *, settings=None, report=None, client_id=None, lang=None)
    The open suggestions as of a date, sorted by priority (highest first), then due date
    (earliest first), then the client's loyalty score (highest first). Open means: the rule
    applies on that date (the suggestion is inside its visibility window, see below) and the
    consultant has not handled it (done or dismissed for this cycle, or snoozed to a later
    date). FUTURE-DUE suggestions ARE included (a birthday in 10 days is open with its due
    date); the dashboard shows `s.due <= as_of` ("due today or earlier") first.
act(db, suggestion_or_key, decision, *, on=None, snooze_until=None, channel=None, note='')
    Done (logs a touchpoint with the suggestion's channel and a short note naming the action,
    and records the decision, in one transaction), snoozed (until a later date) or dismissed
    (for this cycle). Returns an ActResult (client_id first: what the UI refreshes).
kind_label(kind_or_template, lang=None), action_note(kind, cycle, channel, lang=None)
    The names users see.
suggestion_dict(s)
    Plain JSON-ready data (the `suggest --json` contract: client_id, kind, reason, due, priority,
    plus client_name, label, template, channel, cycle, tier).

Priority scale (int, 0..100, higher = more urgent)
--------------------------------------------------
    90        thank_you, referral_thanks (days count: a first impression, a referrer waiting)
    80..89    reconnect of a vip client (80 + round(9 * score))
    70..79    reconnect of a candidate; follow_up / birthday of a vip (65 / 60 + 10)
    60..69    reconnect of a new client (60); follow_up 65; birthday 60; referral_request at vip 65
    50..59    reconnect of a regular client (50 + round(9 * score)); anniversary 55; vip_invitation 50
    40..49    recognition 45 (role holders; 40 the most engaged); role_offer 40; light referral_request 45;
              feedback_invite 35 (+ tier bonus: candidate 40, vip 45)
    30..39    reconnect of a dormant regular client (30 + ...); season_greeting 30 (+ tier bonus)
    20        reconnect of a prospect (never had a session)
The tier bonus (vip +10, candidate +5) applies to follow_up, birthday, anniversary,
season_greeting, recognition and feedback_invite.

Visibility, due date and cycle of each kind: see RULES below and docs/suggestions.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from loyaldesk.core import dates, errors, practice
from loyaldesk.core.db import Database
from loyaldesk.core.i18n import CATALOG, current_language, t
from loyaldesk.core.loyalty import ClientLoyalty, LoyaltyReport, compute_loyalty, tier_label
from loyaldesk.core.migrations import BUILTIN_ROLES, CHANNELS, SUGGESTION_DECISIONS

KINDS = (
    "thank_you", "follow_up", "reconnect", "birthday", "anniversary", "season_greeting", "vip_invitation",
    "referral_request", "referral_thanks", "recognition", "role_offer", "feedback_invite",
)
SEASONS = ("new_year", "summer", "year_end")

# --- windows (days) ----------------------------------------------------------------------
THANK_YOU_DUE_DAYS = 3  # thank within 3 days of the first session
THANK_YOU_LAST_DAY = 13  # shown up to 13 days after it; from day 14 it is the follow-up's time
FOLLOW_UP_FROM_DAYS = 14  # the after-service message: 2 to 4 weeks after the latest session
FOLLOW_UP_TO_DAYS = 28
FOLLOW_UP_CONTACT_DAYS = 7  # a contact from 7 days after the session on counts as the follow-up
LOOKAHEAD_DAYS = 14  # birthdays and anniversaries: from 14 days before the day to the day itself
REFERRAL_LIGHT_FROM_DAYS = 7  # the light referral request: 7 to 30 days after the first session
REFERRAL_LIGHT_TO_DAYS = 30
REFERRAL_THANKS_DUE_DAYS = 3  # thank the referrer within 3 days of the referred client's first session
REFERRAL_THANKS_LAST_DAY = 30  # "has just had a first session": up to 30 days after it
ENGAGED_SESSIONS_12M = 12  # recognition: the most engaged come at least monthly (sessions in 12 months)
# season greetings: month shown, due day (in that month)
SEASON_MONTH = {"new_year": 12, "summer": 7, "year_end": 12}
SEASON_DUE_DAY = {"new_year": 25, "summer": 20, "year_end": 27}

# --- defaults of each kind -----------------------------------------------------------------
DEFAULT_CHANNEL = {
    "thank_you": "letter", "follow_up": "email", "reconnect": "call", "birthday": "card", "anniversary": "letter",
    "season_greeting": "card", "vip_invitation": "email", "referral_request": "email",
    "referral_thanks": "letter", "recognition": "meeting", "role_offer": "meeting", "feedback_invite": "email",
}
SEASON_CHANNEL = {"new_year": "card", "summer": "card", "year_end": "email", "winter": "card"}
# 寒中見舞い to clients in mourning (no New Year card): after 松の内 (1-7 January) until 立春 (about 4 February)
WINTER_FROM = (1, 8)
WINTER_TO = (2, 3)
WINTER_DUE = (1, 20)
REFERRAL_CYCLE_LIGHT = "first"  # the light request after the first session
REFERRAL_CYCLE_VIP = "vip"  # the real request when the client first reaches vip
REFERRAL_VIP_CHANNEL = "meeting"  # the real request is made in person

BASE_PRIORITY = {
    "thank_you": 90, "referral_thanks": 90, "follow_up": 65, "birthday": 60, "anniversary": 55,
    "vip_invitation": 50, "recognition": 45, "role_offer": 40, "feedback_invite": 35, "season_greeting": 30,
}
REFERRAL_PRIORITY = {REFERRAL_CYCLE_VIP: 65, REFERRAL_CYCLE_LIGHT: 45}
RECOGNITION_ENGAGED_PRIORITY = 40
TIER_BONUS = {"vip": 10, "candidate": 5}
RECONNECT_BAND = {"vip": 80, "candidate": 70, "new": 60, "regular": 50, "prospect": 20}
RECONNECT_DORMANT_BAND = 30  # a dormant client who is neither vip nor candidate
RECONNECT_SCORE_SPAN = 9  # + round(9 * score) inside the band: the most valuable first

CATALOG.update({
    # kind labels
    "suggestion.kind.thank_you": {"en": "Thank-you", "ja": "お礼"},
    "suggestion.kind.follow_up": {"en": "Follow-up", "ja": "アフターフォロー"},
    "suggestion.kind.reconnect": {"en": "Reconnect", "ja": "ご無沙汰の連絡"},
    "suggestion.kind.birthday": {"en": "Birthday", "ja": "誕生日"},
    "suggestion.kind.anniversary": {"en": "Anniversary", "ja": "お付き合い記念日"},
    "suggestion.kind.season_greeting": {"en": "Season greeting", "ja": "季節のご挨拶"},
    "suggestion.kind.vip_invitation": {"en": "VIP invitation", "ja": "ロイヤル顧客への先行案内"},
    "suggestion.kind.referral_request": {"en": "Referral request", "ja": "ご紹介のお願い"},
    "suggestion.kind.referral_thanks": {"en": "Referral thanks", "ja": "ご紹介のお礼"},
    "suggestion.kind.recognition": {"en": "Recognition", "ja": "活躍への感謝"},
    "suggestion.kind.role_offer": {"en": "Role offer", "ja": "役割のお願い"},
    "suggestion.kind.feedback_invite": {"en": "Feedback invitation", "ja": "サービス作りへのお誘い"},
    "suggestion.season.new_year": {"en": "New Year card", "ja": "年賀状"},
    "suggestion.season.summer": {"en": "Summer greeting", "ja": "暑中見舞い"},
    "suggestion.season.year_end": {"en": "Year-end greeting", "ja": "年末のご挨拶"},
    "suggestion.season.winter": {"en": "Winter greeting (in mourning)", "ja": "寒中見舞い"},
    "suggestion.winter_greeting": {"en": "winter greeting instead of a New Year card for {year} (in mourning)",
                                   "ja": "喪中のため {year}年の年賀状に代えて寒中見舞い"},
    "suggestion.note.season_greeting.winter": {"en": "Winter greeting", "ja": "寒中見舞い"},
    # reason parts (joined with " · " / "・")
    "suggestion.first_session": {"en": "first session {date}", "ja": "初回セッション {date}"},
    "suggestion.first_session_what": {"en": "first session {date} ({what})", "ja": "初回セッション {date}（{what}）"},
    "suggestion.no_contact_since": {"en": "no contact since", "ja": "その後の連絡なし"},
    "suggestion.thank_by": {"en": "thank them by {due}", "ja": "{due} までにお礼を"},
    "suggestion.last_session": {"en": "last session {date}, {days} days ago",
                                "ja": "前回のセッション {date}（{days}日前）"},
    "suggestion.ask_how": {"en": "ask how it is going", "ja": "その後の様子を伺う"},
    "suggestion.last_contact": {"en": "last contact {date}, {days} days ago", "ja": "最終連絡 {date}（{days}日前）"},
    "suggestion.never_contacted": {"en": "never contacted; added {date}, {days} days ago",
                                   "ja": "連絡記録なし・登録 {date}（{days}日前）"},
    "suggestion.interval": {"en": "interval {days} days", "ja": "連絡間隔 {days}日"},
    "suggestion.last_topic": {"en": "last topic: {topic}", "ja": "前回の話題: {topic}"},
    "suggestion.when_today": {"en": "today", "ja": "本日"},
    "suggestion.when_tomorrow": {"en": "tomorrow", "ja": "明日"},
    "suggestion.when_days": {"en": "in {days} days", "ja": "あと{days}日"},
    "suggestion.birthday": {"en": "birthday {date} ({when})", "ja": "誕生日 {date}（{when}）"},
    "suggestion.turns": {"en": "turns {age}", "ja": "{age}歳に"},
    "suggestion.anniversary_years_one": {"en": "1 year since the first session on {first}",
                                         "ja": "初回セッション {first} から1年"},
    "suggestion.anniversary_years": {"en": "{years} years since the first session on {first}",
                                     "ja": "初回セッション {first} から{years}年"},
    "suggestion.anniversary_on": {"en": "anniversary {date} ({when})", "ja": "記念日 {date}（{when}）"},
    "suggestion.sessions_since": {"en": "{count} sessions since {first}", "ja": "{first} からセッション {count}回"},
    "suggestion.sessions_12m": {"en": "{count} sessions in the last 12 months", "ja": "直近12か月のセッション {count}回"},
    "suggestion.last_contact_on": {"en": "last contact {date}", "ja": "最終連絡 {date}"},
    "suggestion.new_year_card": {"en": "New Year card for {year}", "ja": "{year}年の年賀状"},
    "suggestion.new_year_post_by": {"en": "post by {due} so that it arrives on 1 January",
                                    "ja": "元日に届くよう {due} までに投函"},
    "suggestion.summer_greeting": {"en": "summer greeting", "ja": "暑中見舞い"},
    "suggestion.send_by": {"en": "send by {due}", "ja": "{due} ごろまでに送付"},
    "suggestion.year_end_greeting": {"en": "year-end greeting: thanks for {year}",
                                     "ja": "{year}年のお礼と年末のご挨拶"},
    "suggestion.by": {"en": "by {due}", "ja": "{due} までに"},
    "suggestion.vip_since": {"en": "{tier} since {date}", "ja": "{tier}（{date} から）"},
    "suggestion.vip_invitation": {"en": "early invitation and a priority seat for the next event or seminar",
                                  "ja": "次回のイベント・セミナーの先行案内と優先席のご用意"},
    "suggestion.vip_invitation_event": {"en": "early invitation and a priority seat for {title} on {date}",
                                        "ja": "{date}の「{title}」の先行案内と優先席のご用意"},
    "suggestion.once_a_quarter": {"en": "once a quarter ({period})", "ja": "四半期に1回（{period}）"},
    "suggestion.twice_a_year": {"en": "twice a year ({period})", "ja": "半期に1回（{period}）"},
    "suggestion.once_a_year": {"en": "once a year ({period})", "ja": "年に1回（{period}）"},
    "suggestion.quarter": {"en": "{year} Q{q}", "ja": "{year}年 第{q}四半期"},
    "suggestion.half_1": {"en": "first half of {year}", "ja": "{year}年 上期"},
    "suggestion.half_2": {"en": "second half of {year}", "ja": "{year}年 下期"},
    "suggestion.year": {"en": "{year}", "ja": "{year}年"},
    "suggestion.referral_light": {
        "en": "while they are enthusiastic, ask once, lightly, whether someone they know could use your help",
        "ja": "熱意の高いうちに、一度だけ軽くご紹介をお願いする",
    },
    "suggestion.referral_vip": {"en": "now a loyal client: the best moment to ask for a referral",
                                "ja": "信頼関係ができた今がご紹介をお願いする最良のタイミング"},
    "suggestion.referral_last_asked": {"en": "last asked {date}", "ja": "前回のお願い {date}"},
    "suggestion.referral_never_asked": {"en": "never asked before", "ja": "これまでお願いしたことはなし"},
    "suggestion.referred": {"en": "introduced {name}, who had a first session on {date}",
                            "ja": "ご紹介いただいた{name}が {date} に初回セッション"},
    "suggestion.referral_thanks": {"en": "thank them with a letter or a small gift",
                                   "ja": "お礼状か心ばかりの品でお礼を"},
    "suggestion.roles": {"en": "community role: {roles} (since {since})", "ja": "コミュニティの役割: {roles}（{since} から）"},
    "suggestion.recognition": {"en": "feature them in the newsletter or invite them to lunch",
                               "ja": "ニュースレターでのご紹介やランチへのお誘いを"},
    "suggestion.no_role": {"en": "no community role yet", "ja": "コミュニティの役割はまだなし"},
    "suggestion.offer_role": {"en": "offer a role: {roles}", "ja": "役割をお願いする: {roles}"},
    "suggestion.feedback_invite": {"en": "invite them to shape a new service: ask their views on a plan or a draft",
                                   "ja": "新しいサービス作りに参加していただく（企画や試作へのご意見を伺う）"},
    # notes of the touchpoint 'done' logs
    "suggestion.note.thank_you": {"en": "Thanks after the first session", "ja": "初回のお礼"},
    "suggestion.note.thank_you.letter": {"en": "Thank-you letter", "ja": "お礼状"},
    "suggestion.note.thank_you.card": {"en": "Thank-you card", "ja": "お礼のカード"},
    "suggestion.note.thank_you.call": {"en": "Thank-you call", "ja": "サンキューコール"},
    "suggestion.note.thank_you.email": {"en": "Thank-you email", "ja": "お礼のメール"},
    "suggestion.note.follow_up": {"en": "After-service follow-up", "ja": "アフターフォロー（その後の様子伺い）"},
    "suggestion.note.reconnect": {"en": "Catching up", "ja": "近況伺い"},
    "suggestion.note.reconnect.call": {"en": "Hello call", "ja": "ハロー電話"},
    "suggestion.note.reconnect.email": {"en": "Hello email", "ja": "ハローメール"},
    "suggestion.note.birthday": {"en": "Birthday greeting", "ja": "誕生日のお祝い"},
    "suggestion.note.anniversary": {"en": "Anniversary message", "ja": "記念日のメッセージ"},
    "suggestion.note.season_greeting.new_year": {"en": "New Year card", "ja": "年賀状"},
    "suggestion.note.season_greeting.summer": {"en": "Summer greeting", "ja": "暑中見舞い"},
    "suggestion.note.season_greeting.year_end": {"en": "Year-end greeting", "ja": "年末のご挨拶"},
    "suggestion.note.vip_invitation": {"en": "Early invitation with a priority seat", "ja": "先行案内（優先席のご用意）"},
    "suggestion.note.referral_request": {"en": "Asked for a referral", "ja": "ご紹介のお願い"},
    "suggestion.note.referral_thanks": {"en": "Thanks for introducing {name}", "ja": "ご紹介のお礼（{name}）"},
    "suggestion.note.referral_thanks_unknown": {"en": "Thanks for a referral", "ja": "ご紹介のお礼"},
    "suggestion.note.recognition": {"en": "Recognition: feature or lunch invitation",
                                    "ja": "活躍への感謝（ご紹介・ランチのお誘い）"},
    "suggestion.note.role_offer": {"en": "Offered a community role", "ja": "コミュニティの役割をお願い"},
    "suggestion.note.feedback_invite": {"en": "Invited to shape a new service", "ja": "サービス作りへのお誘い"},
    "suggestion.note_with_detail": {"en": "{action}: {note}", "ja": "{action}: {note}"},
    # errors
    "suggestion.kind_invalid": {"en": "Unknown kind of suggestion: {value}", "ja": "提案の種類が正しくありません: {value}"},
    "suggestion.decision_invalid": {
        "en": "Unknown decision: {value} (choose done, snoozed or dismissed).",
        "ja": "対応の指定が正しくありません: {value}（done / snoozed / dismissed のいずれか）",
    },
    "suggestion.cycle_invalid": {"en": "The suggestion does not say which occurrence it is (cycle).",
                                 "ja": "提案の対象期間（サイクル）が指定されていません。"},
    "suggestion.target_invalid": {"en": "Not a suggestion: give a suggestion or (client id, kind, cycle).",
                                  "ja": "提案の指定が正しくありません（提案、または 顧客ID・種類・サイクル の組を指定してください）。"},
    "suggestion.snooze_missing": {"en": "Choose the date until which to snooze the suggestion.",
                                  "ja": "いつまで保留にするか日付を指定してください。"},
    "suggestion.snooze_past": {
        "en": "The snooze date {until} must be after {on}.",
        "ja": "保留の期限 {until} は {on} より後の日付にしてください。",
    },
    # the command line
    "suggestion.header.due": {"en": "Due", "ja": "期限"},
    "suggestion.header.priority": {"en": "Priority", "ja": "優先度"},
    "suggestion.header.kind": {"en": "Action", "ja": "提案"},
    "suggestion.header.client": {"en": "Client", "ja": "顧客"},
    "suggestion.header.reason": {"en": "Reason", "ja": "理由"},
    "suggestion.summary": {"en": "As of {as_of}: {count} suggestions, {due} due today or earlier.",
                           "ja": "{as_of} 時点の提案 {count}件（うち期限到来 {due}件）。"},
    "suggestion.none": {"en": "No suggestions as of {as_of}.", "ja": "{as_of} 時点の提案はありません。"},
})


# =========================================================================================
# Dataclasses
# =========================================================================================
@dataclass(slots=True)
class Suggestion:
    """One suggested action for one client."""

    client_id: int
    client_name: str
    kind: str  # one of KINDS
    reason: str  # in the language asked for, citing the data
    due: dt.date
    priority: int  # 0..100, higher = more urgent (scale in the module docstring)
    template: str  # the letter template key: the kind, or season_greeting.new_year / .summer / .year_end
    channel: str  # the touchpoint channel 'done' logs by default (one of migrations.CHANNELS)
    cycle: str  # which occurrence: a handled suggestion comes back only with another cycle
    tier: str | None = None  # the client's tier as of the date (vip, candidate, regular, new, prospect)
    event_id: int | None = None  # vip_invitation: the upcoming event it invites to (loyaldesk.core.events)

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.client_id, self.kind, self.cycle)

    def is_due(self, day: dt.date) -> bool:
        """Due on or before `day` (the dashboard's "due today or earlier")."""
        return self.due <= day

    @property
    def label(self) -> str:
        return kind_label(self.template)


@dataclass(slots=True)
class ActResult:
    """What act() changed: the client to refresh, the decision row and the touchpoint logged (done)."""

    client_id: int
    kind: str
    cycle: str
    decision: str
    decision_id: int
    touchpoint_id: int | None = None


# =========================================================================================
# Words
# =========================================================================================
def kind_label(kind: str, lang: str | None = None) -> str:
    """The name of a kind (or of a template: season_greeting.new_year -> New Year card)."""
    if kind.startswith("season_greeting."):
        season = kind.split(".", 1)[1]
        if season == "winter_mourning":
            return t("suggestion.season.winter", lang)
        if season in SEASONS:
            return t(f"suggestion.season.{season}", lang)
    return t(f"suggestion.kind.{kind}", lang) if kind in KINDS else kind


def action_note(kind: str, cycle: str = "", channel: str | None = None, lang: str | None = None,
                referred_name: str | None = None) -> str:
    """The short note 'done' writes on the touchpoint: "Thank-you letter" / "お礼状"."""
    if kind == "season_greeting":
        season = _season_of(cycle)
        return t(f"suggestion.note.season_greeting.{season or 'new_year'}", lang)
    if kind == "referral_thanks":
        if referred_name:
            return t("suggestion.note.referral_thanks", lang, name=referred_name)
        return t("suggestion.note.referral_thanks_unknown", lang)
    specific = f"suggestion.note.{kind}.{channel}"
    return t(specific if specific in CATALOG else f"suggestion.note.{kind}", lang)


def default_channel(kind: str, cycle: str = "") -> str:
    """The channel 'done' logs for a kind (and cycle) when none is given."""
    if kind == "season_greeting":
        return SEASON_CHANNEL.get(_season_of(cycle) or "", DEFAULT_CHANNEL[kind])
    if kind == "referral_request" and cycle == REFERRAL_CYCLE_VIP:
        return REFERRAL_VIP_CHANNEL
    return DEFAULT_CHANNEL[kind]


def _season_of(cycle: str) -> str | None:
    season = cycle.split(":", 1)[0]
    return season if season in SEASONS or season == "winter" else None


def suggestion_dict(s: Suggestion) -> dict:
    """One suggestion as plain JSON-ready data (the `suggest --json` contract)."""
    return {
        "client_id": s.client_id,
        "client_name": s.client_name,
        "kind": s.kind,
        "label": s.label,
        "reason": s.reason,
        "due": s.due.isoformat(),
        "priority": s.priority,
        "template": s.template,
        "channel": s.channel,
        "cycle": s.cycle,
        "tier": s.tier,
        "event_id": s.event_id,
    }


def _honored(name: str, honorific: str, lang: str) -> str:
    """A name as it appears in a Japanese sentence: 様 for a person, 御中 for an organisation."""
    if lang != "ja":
        return name
    return f"{name} {'御中' if (honorific or '').strip() == '御中' else '様'}"


class _Words:
    """Reason parts in one language, with the separator of that language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.sep = "・" if lang == "ja" else " · "
        self.list_sep = "、" if lang == "ja" else ", "
        # the catalog entries of this language, resolved once (thousands of reasons are formatted)
        self._text = {key: entry.get(lang) or entry["en"] for key, entry in CATALOG.items()
                      if key.startswith("suggestion.")}
        self._tiers: dict[str | None, str] = {}

    def __call__(self, key: str, **params: object) -> str:
        text = self._text[key]
        return text.format(**params) if params else text

    def join(self, parts: Iterable[str]) -> str:
        return self.sep.join(p for p in parts if p)

    def when(self, days: int) -> str:
        if days == 0:
            return self("suggestion.when_today")
        if days == 1:
            return self("suggestion.when_tomorrow")
        return self("suggestion.when_days", days=days)

    def tier(self, tier: str | None) -> str:
        try:
            return self._tiers[tier]
        except KeyError:
            label = self._tiers[tier] = tier_label(tier, self.lang)
            return label

    def quarter(self, day: dt.date) -> str:
        return self("suggestion.quarter", year=day.year, q=(day.month - 1) // 3 + 1)

    def half(self, day: dt.date) -> str:
        return self(f"suggestion.half_{1 if day.month <= 6 else 2}", year=day.year)


# =========================================================================================
# Periods and anniversaries
# =========================================================================================
def _on_day(year: int, month: int, day: int) -> dt.date:
    """month/day in a year; 29 February falls on 28 February in a year that has none."""
    if month == 2 and day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def _next_on_or_after(month: int, day: int, start: dt.date) -> dt.date:
    this_year = _on_day(start.year, month, day)
    return this_year if this_year >= start else _on_day(start.year + 1, month, day)


def _quarter(day: dt.date) -> tuple[dt.date, str]:
    q = (day.month - 1) // 3 + 1
    return dt.date(day.year, 3 * q - 2, 1), f"{day.year}-Q{q}"


def _half(day: dt.date) -> tuple[dt.date, str]:
    h = 1 if day.month <= 6 else 2
    return dt.date(day.year, 1 if h == 1 else 7, 1), f"{day.year}-H{h}"


# =========================================================================================
# The facts, for the whole database at once
# =========================================================================================
# Contactable clients only (not archived, not do-not-contact). Sessions and contacts on or
# before the as-of date. Per client, a few seeks on the covering indexes (faster than grouping
# the whole tables); the first session's kind and topic only for clients whose first session is
# recent enough for a thank-you; the last topic (the latest session that has one) for every
# client with a session.
_FACTS_SQL = """
SELECT f.id, f.birthday, f.first_date, f.last_date, f.last_tp,
       CASE WHEN f.first_date >= :thank_from THEN
           (SELECT COALESCE(x.kind, '') || char(31) || COALESCE(x.topic, '') FROM sessions x
             WHERE x.client_id = f.id AND x.date = f.first_date ORDER BY x.id LIMIT 1) END AS first_what,
       CASE WHEN f.last_date IS NOT NULL THEN
           (SELECT x.topic FROM sessions x WHERE x.client_id = f.id AND x.date < :day_after AND x.topic <> ''
             ORDER BY x.date DESC LIMIT 1) END AS last_topic
FROM (
    SELECT c.id, c.birthday,
           (SELECT MIN(date) FROM sessions WHERE client_id = c.id AND date < :day_after) AS first_date,
           (SELECT MAX(date) FROM sessions WHERE client_id = c.id AND date < :day_after) AS last_date,
           (SELECT MAX(date) FROM touchpoints WHERE client_id = c.id AND date < :day_after) AS last_tp
    FROM clients c
    WHERE COALESCE(c.archived, 0) = 0 AND COALESCE(c.do_not_contact, 0) = 0
) f
"""

# Clients referred by someone whose first session is recent: (referred, referrer).
_REFERRALS_SQL = """
SELECT r.id, r.name, r.honorific, r.referred_by, MIN(x.date) AS first_date
FROM clients r JOIN sessions x ON x.client_id = r.id AND x.date < :day_after
WHERE r.referred_by IS NOT NULL AND r.referred_by <> r.id
GROUP BY r.id HAVING MIN(x.date) >= :referral_from
"""

_ROLES_SQL = """
SELECT ct.client_id, t.name, t.builtin_key, ct.since
FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
WHERE t.category = 'role' AND COALESCE(substr(ct.since, 1, 10), '') <= :as_of
ORDER BY ct.client_id, ct.since, t.name
"""

# Recorded tier changes up to the date: the first day at vip, and the latest change (the day the
# client reached the tier it holds, if the history is up to date).
_FIRST_VIP_SQL = """
SELECT client_id, MIN(date) FROM tier_history WHERE to_tier = 'vip' AND date <= :as_of GROUP BY client_id
"""
_LATEST_TIER_SQL = """
SELECT client_id, MAX(date), to_tier FROM tier_history WHERE date <= :as_of GROUP BY client_id
"""

# The latest decision per (client, kind, cycle) taken on or before the date.
_DECISIONS_SQL = """
SELECT d.client_id, d.kind, d.cycle, d.decision, d.snooze_until
FROM suggestion_decisions d
JOIN (SELECT MAX(id) AS id FROM suggestion_decisions WHERE substr(decided_on, 1, 10) <= :as_of
      GROUP BY client_id, kind, cycle) latest ON latest.id = d.id
"""
_REFERRAL_ASKED_SQL = """
SELECT client_id, MAX(substr(decided_on, 1, 10)) FROM suggestion_decisions
WHERE kind = 'referral_request' AND decision = 'done' AND substr(decided_on, 1, 10) <= :as_of
GROUP BY client_id
"""


@dataclass(slots=True)
class _Facts:
    birthday: dt.date | None
    first_date: dt.date | None
    last_date: dt.date | None
    last_tp: dt.date | None
    first_kind: str
    first_topic: str
    last_topic: str


_day_parser = dates.cached_parser  # each distinct date text parsed once


# =========================================================================================
# The rules
# =========================================================================================
class _Rules:
    """Applies every rule to every client; collects (sort key, Suggestion)."""

    def __init__(self, db: Database, report: LoyaltyReport, settings: practice.PracticeSettings, lang: str) -> None:
        self.db = db
        self.report = report
        self.as_of = as_of = report.as_of
        self.settings = settings
        self.w = _Words(lang)
        self.lang = lang
        self.day = _day_parser()
        params = {
            "as_of": as_of.isoformat(),
            "day_after": (as_of + dt.timedelta(days=1)).isoformat(),
            "thank_from": (as_of - dt.timedelta(days=THANK_YOU_LAST_DAY)).isoformat(),
            "referral_from": (as_of - dt.timedelta(days=REFERRAL_THANKS_LAST_DAY)).isoformat(),
        }
        day = self.day
        self.facts: dict[int, _Facts] = {}
        for cid, birthday, first, last, last_tp, first_what, last_topic in db.query(_FACTS_SQL, params, plain=True):
            kind, _, topic = (first_what or "").partition("\x1f")
            self.facts[cid] = _Facts(day(birthday), day(first), day(last), day(last_tp), kind, topic,
                                     last_topic or "")
        self.referrals = db.query(_REFERRALS_SQL, params, plain=True)
        self.roles: dict[int, list[tuple[str, dt.date | None]]] = {}
        for cid, name, key, since in db.query(_ROLES_SQL, params, plain=True):
            label = t(f"role.{key}", lang) if key in BUILTIN_ROLES else (name or "")
            self.roles.setdefault(cid, []).append((label, day(since)))
        self.first_vip = {cid: day(d) for cid, d in db.query(_FIRST_VIP_SQL, params, plain=True)}
        self.latest_tier = {cid: (day(d), tier) for cid, d, tier in db.query(_LATEST_TIER_SQL, params, plain=True)}
        self.decisions = {(cid, kind, cycle): (decision, day(until))
                          for cid, kind, cycle, decision, until in db.query(_DECISIONS_SQL, params, plain=True)}
        self.referral_asked = {cid: day(d) for cid, d in db.query(_REFERRAL_ASKED_SQL, params, plain=True)}
        self.out: list[tuple[tuple, Suggestion]] = []
        self.due_by: dt.date | None = None  # only suggestions due on or before this day
        self.limit: int | None = None  # only the most urgent `limit` are kept (memory at 100,000 clients)
        self.total = 0  # suggestions that passed due_by, kept or not
        # the next upcoming event: vip_invitation invites to it (loyaldesk.core.events)
        from loyaldesk.core.events import next_event

        self.next_event = next_event(db, as_of)
        self.invited_next = set() if self.next_event is None else {r[0] for r in db.query(
            "SELECT client_id FROM event_invitations WHERE event_id = ?", (self.next_event.id,), plain=True)}
        # the greeting-card history of the years concerned: {(client, year, season, kind)}
        self.greetings = {(cid, year, season, kind) for cid, year, season, kind in db.query(
            "SELECT client_id, year, season, kind FROM greetings WHERE year BETWEEN ? AND ?",
            (as_of.year, as_of.year + 1), plain=True)}
        self.seasons = self._seasons()
        # clients with a session booked in the calendar from today on (loyaldesk.core.io.calendar): no reconnect
        from loyaldesk.core.io.calendar import booked_clients

        self.booked = booked_clients(db, as_of)

    # --- collecting ----------------------------------------------------------------------
    def _hidden(self, client_id: int, kind: str, cycle: str) -> bool:
        decision = self.decisions.get((client_id, kind, cycle))
        if decision is None:
            return False
        what, until = decision
        if what == "snoozed":
            return until is not None and self.as_of < until
        return True

    def add(self, c: ClientLoyalty, kind: str, cycle: str, due: dt.date, priority: int, reason: str,
            template: str | None = None, channel: str | None = None, event_id: int | None = None) -> None:
        if self._hidden(c.id, kind, cycle):
            return
        if self.due_by is not None and due > self.due_by:
            return
        self.total += 1
        if reason[:1].islower():  # English: a sentence starts with a capital ("First session ...")
            reason = reason[0].upper() + reason[1:]
        s = Suggestion(c.id, c.name, kind, reason, due, priority, template or kind,
                       channel or default_channel(kind, cycle), cycle, c.tier, event_id)
        self.out.append(((-priority, due, -(c.score or 0.0), c.name_kana or c.name, c.id, kind, cycle), s))
        if self.limit is not None and len(self.out) >= 2 * self.limit + 1000:  # trim now and then
            self.out.sort(key=lambda pair: pair[0])
            del self.out[self.limit:]

    def bonus(self, c: ClientLoyalty) -> int:
        return TIER_BONUS.get(c.tier, 0)

    def tier_since(self, c: ClientLoyalty) -> dt.date | None:
        """The day the client reached its current tier, when the recorded history says so."""
        latest = self.latest_tier.get(c.id)
        return latest[0] if latest and latest[1] == c.tier else None

    # --- all of them ---------------------------------------------------------------------
    def run(self, only_client: int | None = None) -> list[Suggestion]:
        clients = self.report.clients
        if only_client is not None:  # the client detail: the rules of one client (ranks stay practice-wide)
            clients = [c for c in clients if c.id == only_client]
        for c in clients:
            f = self.facts.get(c.id)
            if f is None:  # archived or do-not-contact: never suggested
                continue
            contact_rule = self.thank_you(c, f) or self.follow_up(c, f)
            if not contact_rule:
                self.reconnect(c, f)
            self.birthday(c, f)
            self.anniversary(c, f)
            self.season_greeting(c, f)
            self.winter_greeting(c)
            if c.status == "dormant":  # silent for a long time: reconnect first, ask and involve later
                continue
            self.referral_request(c, f)
            if c.tier == "vip":
                self.vip_invitation(c, f)
                self.role_offer(c, f)
            if c.tier in ("vip", "candidate"):
                self.feedback_invite(c, f)
            self.recognition(c, f)
        self.referral_thanks()
        self.out.sort(key=lambda pair: pair[0])
        if self.limit is not None:
            del self.out[self.limit:]
        return [s for _, s in self.out]

    # --- contact after sessions ----------------------------------------------------------
    def thank_you(self, c: ClientLoyalty, f: _Facts) -> bool:
        """After the first session, while nobody has been in touch since: due within 3 days.

        Returns True while the rule applies (even if snoozed or dismissed): follow_up and
        reconnect wait for it.
        """
        first = f.first_date
        if first is None or not 0 <= (self.as_of - first).days <= THANK_YOU_LAST_DAY:
            return False
        if f.last_tp is not None and f.last_tp >= first:
            return False
        w = self.w
        due = first + dt.timedelta(days=THANK_YOU_DUE_DAYS)
        what = ": ".join(x for x in (f.first_kind, f.first_topic) if x)
        head = (w("suggestion.first_session_what", date=first.isoformat(), what=what) if what
                else w("suggestion.first_session", date=first.isoformat()))
        reason = w.join([head, w("suggestion.no_contact_since"), w("suggestion.thank_by", due=due.isoformat())])
        self.add(c, "thank_you", first.isoformat(), due, BASE_PRIORITY["thank_you"], reason)
        return True

    def follow_up(self, c: ClientLoyalty, f: _Facts) -> bool:
        """2 to 4 weeks after the latest session, unless a contact came from day 7 after it."""
        last = f.last_date
        if last is None:
            return False
        days = (self.as_of - last).days
        if not FOLLOW_UP_FROM_DAYS <= days <= FOLLOW_UP_TO_DAYS:
            return False
        if f.last_tp is not None and f.last_tp >= last + dt.timedelta(days=FOLLOW_UP_CONTACT_DAYS):
            return False
        w = self.w
        reason = w.join([
            w("suggestion.last_session", date=last.isoformat(), days=days),
            w("suggestion.last_topic", topic=f.last_topic) if f.last_topic else "",
            w("suggestion.ask_how"),
        ])
        due = last + dt.timedelta(days=FOLLOW_UP_FROM_DAYS)
        self.add(c, "follow_up", last.isoformat(), due, BASE_PRIORITY["follow_up"] + self.bonus(c), reason)
        return True

    def reconnect(self, c: ClientLoyalty, f: _Facts) -> None:
        """Overdue clients; the episode (cycle) is the last contact it started from. A client with a session
        booked in the calendar is not asked after: the next session is the contact."""
        if c.overdue_days <= 0 or c.id in self.booked:
            return
        w = self.w
        due = self.as_of - dt.timedelta(days=c.overdue_days - 1)  # the first overdue day
        if c.last_contact is not None:
            contact = w("suggestion.last_contact", date=c.last_contact.isoformat(), days=c.days_since_contact)
            cycle = c.last_contact.isoformat()
        else:
            added = self.as_of - dt.timedelta(days=c.days_since_contact)
            contact = w("suggestion.never_contacted", date=added.isoformat(), days=c.days_since_contact)
            cycle = "never"
        reason = w.join([
            w.tier(c.tier), contact, w("suggestion.interval", days=c.interval_days),
            w("suggestion.last_topic", topic=f.last_topic) if f.last_topic else "",
        ])
        band = RECONNECT_BAND.get(c.tier, RECONNECT_BAND["regular"])
        if c.status == "dormant" and c.tier not in ("vip", "candidate", "prospect"):
            band = RECONNECT_DORMANT_BAND
        priority = band + (round(RECONNECT_SCORE_SPAN * c.score) if c.score is not None else 0)
        self.add(c, "reconnect", cycle, due, priority, reason)

    # --- remembered days -------------------------------------------------------------------
    def birthday(self, c: ClientLoyalty, f: _Facts) -> None:
        born = f.birthday
        if born is None:
            return
        day = _next_on_or_after(born.month, born.day, self.as_of)
        ahead = (day - self.as_of).days
        if ahead > LOOKAHEAD_DAYS:
            return
        w = self.w
        age = day.year - born.year
        reason = w.join([
            w("suggestion.birthday", date=day.isoformat(), when=w.when(ahead)),
            w("suggestion.turns", age=age) if 0 < age < 130 else "",
            w.tier(c.tier) if c.tier in TIER_BONUS else "",
        ])
        self.add(c, "birthday", str(day.year), day, BASE_PRIORITY["birthday"] + self.bonus(c), reason)

    def anniversary(self, c: ClientLoyalty, f: _Facts) -> None:
        first = f.first_date
        if first is None or c.status == "dormant":
            return
        day = _next_on_or_after(first.month, first.day, self.as_of)
        years = day.year - first.year
        ahead = (day - self.as_of).days
        if years < 1 or ahead > LOOKAHEAD_DAYS:
            return
        w = self.w
        head = (w("suggestion.anniversary_years_one", first=first.isoformat()) if years == 1
                else w("suggestion.anniversary_years", years=years, first=first.isoformat()))
        reason = w.join([
            head, w("suggestion.anniversary_on", date=day.isoformat(), when=w.when(ahead)),
            w("suggestion.sessions_since", count=c.sessions_total, first=first.isoformat()),
        ])
        self.add(c, "anniversary", str(day.year), day, BASE_PRIORITY["anniversary"] + self.bonus(c), reason)

    def _seasons(self) -> list[tuple[str, str, dt.date, str]]:
        """The greetings of the as-of month: (season, cycle, due, the head of the reason)."""
        w = self.w
        year, month = self.as_of.year, self.as_of.month
        result = []
        for season in SEASONS:
            if SEASON_MONTH[season] != month:
                continue
            due = dt.date(year, month, SEASON_DUE_DAY[season])
            if season == "new_year":  # the card greets the coming year
                parts = [w("suggestion.new_year_card", year=year + 1),
                         w("suggestion.new_year_post_by", due=due.isoformat())]
                cycle = f"new_year:{year + 1}"
            elif season == "summer":
                parts = [w("suggestion.summer_greeting"), w("suggestion.send_by", due=due.isoformat())]
                cycle = f"summer:{year}"
            else:
                parts = [w("suggestion.year_end_greeting", year=year), w("suggestion.by", due=due.isoformat())]
                cycle = f"year_end:{year}"
            result.append((season, cycle, due, w.join(parts)))
        return result

    def season_greeting(self, c: ClientLoyalty, f: _Facts) -> None:
        """New Year card and year-end greeting in December, summer greeting in July: active clients
        (at least one session, not dormant)."""
        if not self.seasons or f.first_date is None or c.status == "dormant":
            return
        w = self.w
        data = w("suggestion.sessions_12m", count=c.frequency_12m)
        if c.last_contact is not None:
            data = w.join([data, w("suggestion.last_contact_on", date=c.last_contact.isoformat())])
        priority = BASE_PRIORITY["season_greeting"] + self.bonus(c)
        for season, cycle, due, head in self.seasons:
            year = int(cycle.split(":", 1)[1])
            if (c.id, year, season, "sent") in self.greetings:
                continue
            if season == "new_year" and (c.id, year, "new_year", "mourning") in self.greetings:
                continue  # 喪中: no New Year card; a winter greeting is proposed in January instead
            self.add(c, "season_greeting", cycle, due, priority, w.join([head, data]),
                     template=f"season_greeting.{season}")

    def winter_greeting(self, c: ClientLoyalty) -> None:
        """寒中見舞い to a client in mourning for this New Year: from 8 January (after 松の内) to 3 February."""
        day, year = self.as_of, self.as_of.year
        if not (dt.date(year, *WINTER_FROM) <= day <= dt.date(year, *WINTER_TO)):
            return
        if ((c.id, year, "new_year", "mourning") not in self.greetings
                or (c.id, year, "winter", "sent") in self.greetings):
            return
        due = dt.date(year, *WINTER_DUE)
        w = self.w
        reason = w.join([w("suggestion.winter_greeting", year=year), w("suggestion.send_by", due=due.isoformat())])
        self.add(c, "season_greeting", f"winter:{year}", due, BASE_PRIORITY["season_greeting"] + self.bonus(c),
                 reason, template="season_greeting.winter_mourning")

    # --- favour the loyal ------------------------------------------------------------------
    def _vip_head(self, c: ClientLoyalty) -> str:
        since = self.tier_since(c)
        if since is None:
            return self.w.tier(c.tier)
        return self.w("suggestion.vip_since", tier=self.w.tier(c.tier), date=since.isoformat())

    def _history(self, c: ClientLoyalty) -> str:
        if c.first_session is None:
            return ""
        return self.w("suggestion.sessions_since", count=c.sessions_total, first=c.first_session.isoformat())

    def _periodic_due(self, c: ClientLoyalty, start: dt.date) -> dt.date:
        """The period's first day, or the day the client reached its tier if that came later."""
        since = self.tier_since(c)
        return since if since is not None and since > start else start

    def vip_invitation(self, c: ClientLoyalty, f: _Facts) -> None:
        """The early invitation to the next upcoming event (until the client is invited to it);
        without an upcoming event, once a quarter (to "the next event or seminar")."""
        w = self.w
        event = self.next_event
        if event is not None:
            if c.id in self.invited_next:
                return
            reason = w.join([self._vip_head(c), self._history(c),
                             w("suggestion.vip_invitation_event", title=event.title_for(self.lang), date=event.day.isoformat())])
            self.add(c, "vip_invitation", f"event:{event.id}", self.as_of, BASE_PRIORITY["vip_invitation"], reason,
                     event_id=event.id)
            return
        start, cycle = _quarter(self.as_of)
        reason = w.join([self._vip_head(c), self._history(c), w("suggestion.vip_invitation"),
                         w("suggestion.once_a_quarter", period=w.quarter(self.as_of))])
        self.add(c, "vip_invitation", cycle, self._periodic_due(c, start), BASE_PRIORITY["vip_invitation"], reason)

    def role_offer(self, c: ClientLoyalty, f: _Facts) -> None:
        """vip clients without a community role; once a year."""
        if c.id in self.roles:
            return
        w = self.w
        roles = w.list_sep.join(t(f"role.{key}", self.lang) for key in BUILTIN_ROLES)
        start = dt.date(self.as_of.year, 1, 1)
        reason = w.join([self._vip_head(c), w("suggestion.no_role"), self._history(c),
                         w("suggestion.offer_role", roles=roles),
                         w("suggestion.once_a_year", period=w("suggestion.year", year=self.as_of.year))])
        self.add(c, "role_offer", str(self.as_of.year), self._periodic_due(c, start), BASE_PRIORITY["role_offer"],
                 reason)

    def feedback_invite(self, c: ClientLoyalty, f: _Facts) -> None:
        """vip and candidate clients; twice a year."""
        w = self.w
        start, cycle = _half(self.as_of)
        reason = w.join([self._vip_head(c), self._history(c), w("suggestion.feedback_invite"),
                         w("suggestion.twice_a_year", period=w.half(self.as_of))])
        self.add(c, "feedback_invite", cycle, self._periodic_due(c, start),
                 BASE_PRIORITY["feedback_invite"] + self.bonus(c), reason)

    def recognition(self, c: ClientLoyalty, f: _Facts) -> None:
        """Community role holders, or the most engaged (a session a month or more); twice a year."""
        roles = self.roles.get(c.id)
        engaged = c.frequency_12m >= ENGAGED_SESSIONS_12M
        if (not roles and not engaged) or c.status == "dormant":
            return
        w = self.w
        start, cycle = _half(self.as_of)
        parts = []
        if roles:
            since = min((d for _, d in roles if d is not None), default=None)
            parts.append(w("suggestion.roles", roles=w.list_sep.join(name for name, _ in roles),
                           since=since.isoformat() if since else "-"))
        if engaged or not roles:
            parts.append(w("suggestion.sessions_12m", count=c.frequency_12m))
        parts += [w("suggestion.recognition"), w("suggestion.twice_a_year", period=w.half(self.as_of))]
        priority = (BASE_PRIORITY["recognition"] if roles else RECOGNITION_ENGAGED_PRIORITY) + self.bonus(c)
        self.add(c, "recognition", cycle, start, priority, w.join(parts))

    # --- referrals ---------------------------------------------------------------------------
    def referral_request(self, c: ClientLoyalty, f: _Facts) -> None:
        """A light one once after the first session; the real one once at vip; never two within
        the period (settings.referral_request_days) after a request was done."""
        first = f.first_date
        if first is None:
            return
        w = self.w
        asked = self.referral_asked.get(c.id)
        period = dt.timedelta(days=self.settings.referral_request_days)
        not_before = asked + period if asked is not None else None
        if c.tier == "vip":
            reached = self.first_vip.get(c.id) or self.as_of
            due = max(reached, not_before) if not_before else reached
            if due > self.as_of:
                return
            reason = w.join([
                self._vip_head(c), self._history(c), w("suggestion.referral_vip"),
                w("suggestion.referral_last_asked", date=asked.isoformat()) if asked
                else w("suggestion.referral_never_asked"),
            ])
            self.add(c, "referral_request", REFERRAL_CYCLE_VIP, due, REFERRAL_PRIORITY[REFERRAL_CYCLE_VIP], reason)
            return
        days = (self.as_of - first).days
        if not REFERRAL_LIGHT_FROM_DAYS <= days <= REFERRAL_LIGHT_TO_DAYS:
            return
        if not_before is not None and not_before > self.as_of:
            return
        due = first + dt.timedelta(days=REFERRAL_LIGHT_FROM_DAYS)
        reason = w.join([w("suggestion.first_session", date=first.isoformat()), w("suggestion.referral_light")])
        self.add(c, "referral_request", REFERRAL_CYCLE_LIGHT, due, REFERRAL_PRIORITY[REFERRAL_CYCLE_LIGHT], reason)

    def referral_thanks(self) -> None:
        """A referred client has just had a first session: thank the referrer (the suggestion's client)."""
        if not self.referrals:
            return
        by_id = {c.id: c for c in self.report.clients}
        w = self.w
        for rid, name, honorific, referrer_id, first in self.referrals:
            referrer = by_id.get(referrer_id)
            if referrer is None or referrer_id not in self.facts:  # archived or do-not-contact
                continue
            first_day = self.day(first)
            if first_day is None:
                continue
            due = first_day + dt.timedelta(days=REFERRAL_THANKS_DUE_DAYS)
            reason = w.join([
                w("suggestion.referred", name=_honored(name or "", honorific or "", self.lang),
                  date=first_day.isoformat()),
                w("suggestion.referral_thanks"),
            ])
            self.add(referrer, "referral_thanks", f"referral:{rid}", due, BASE_PRIORITY["referral_thanks"], reason)


# =========================================================================================
# Public functions
# =========================================================================================
def open_suggestions(db: Database, as_of: dt.date | None = None, *,
                     settings: practice.PracticeSettings | None = None,
                     report: LoyaltyReport | None = None,
                     client_id: int | None = None,
                     lang: str | None = None,
                     due_by: dt.date | None = None,
                     limit: int | None = None,
                     counted: list | None = None) -> list[Suggestion]:
    """The open suggestions as of a date (today by default), most urgent first.

    Includes those due later (a birthday in 10 days); `s.is_due(as_of)` tells the ones due
    today or earlier. `report`: a LoyaltyReport of the same date to reuse (else computed).
    `client_id`: only that client's suggestions (the client detail), still computed against
    the whole practice (tiers are relative). `due_by`: only those due on or before that day;
    `limit`: only the most urgent that many (the dashboard at 100,000 clients keeps its memory);
    `counted`, a list, receives how many there were before the limit.
    """
    if report is not None:
        if as_of is not None and as_of != report.as_of:
            raise ValueError(f"the loyalty report is as of {report.as_of}, not {as_of}")
        settings = settings or report.settings
    else:
        as_of = as_of or dates.today()
        settings = settings or practice.load(db)
        report = compute_loyalty(db, as_of, settings)
    rules = _Rules(db, report, settings, lang or current_language())
    rules.due_by, rules.limit = due_by, limit
    result = rules.run(only_client=client_id)
    if counted is not None:
        counted.append(rules.total)
    if client_id is not None:
        result = [s for s in result if s.client_id == client_id]
    return result


def act(db: Database, target: Suggestion | tuple[int, str, str], decision: str, *,
        on: dt.date | str | None = None, snooze_until: dt.date | str | None = None,
        channel: str | None = None, note: str = "") -> ActResult:
    """Record the consultant's decision on a suggestion.

    - 'done': logs a touchpoint on `on` (default today) with `channel` (default: the
      suggestion's) and a note naming the action ("Thank-you letter" / "お礼状", followed by
      `note` if given), and records the decision: in one transaction.
    - 'snoozed': hidden until `snooze_until` (required, after `on`); it comes back that day.
    - 'dismissed': hidden for this cycle.
    A handled suggestion comes back only with its next cycle (docs/suggestions.md).
    Raises ValidationError (unknown kind or decision, missing or past snooze date, unknown
    channel) or NotFoundError (no such client).
    """
    if isinstance(target, Suggestion):
        client_id, kind, cycle = target.key
        suggested_channel = target.channel
    else:
        try:
            client_id, kind, cycle = target
        except (TypeError, ValueError):
            raise errors.ValidationError("suggestion.target_invalid") from None
        suggested_channel = None
    if kind not in KINDS:
        raise errors.ValidationError("suggestion.kind_invalid", field="kind", value=kind)
    if decision not in SUGGESTION_DECISIONS:
        raise errors.ValidationError("suggestion.decision_invalid", field="decision", value=decision)
    if not isinstance(cycle, str) or not cycle.strip():
        raise errors.ValidationError("suggestion.cycle_invalid", field="cycle")
    if not isinstance(client_id, int) or isinstance(client_id, bool):
        raise errors.ValidationError("suggestion.target_invalid", field="client_id")
    day = dates.parse_date(on, field="on") if on is not None else None
    day = day or dates.today()
    until = None
    if decision == "snoozed":
        until = dates.parse_date(snooze_until, field="snooze_until") if snooze_until is not None else None
        if until is None:
            raise errors.ValidationError("suggestion.snooze_missing", field="snooze_until")
        if until <= day:
            raise errors.ValidationError("suggestion.snooze_past", field="snooze_until", until=until.isoformat(),
                                         on=day.isoformat())
    chosen = channel or suggested_channel or default_channel(kind, cycle)
    if chosen not in CHANNELS:
        raise errors.ValidationError("touchpoint.channel_invalid", field="channel", value=chosen)
    note = (note or "").strip()
    touchpoint_id = None
    with db.transaction() as conn:  # the client looked up under the write lock: no writer removes it meanwhile
        if conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
            raise errors.NotFoundError(id=client_id)
        if decision == "done":
            referred = None
            if kind == "referral_thanks" and cycle.startswith("referral:") and cycle[9:].isdigit():
                found = conn.execute("SELECT name, honorific FROM clients WHERE id = ?", (int(cycle[9:]),)).fetchone()
                if found is not None:
                    referred = _honored(found[0] or "", found[1] or "", current_language())
            action = action_note(kind, cycle, chosen, referred_name=referred)
            text = t("suggestion.note_with_detail", action=action, note=note) if note else action
            touchpoint_id = conn.execute(
                "INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, ?)",
                (client_id, day.isoformat(), chosen, text)).lastrowid
        decision_id = conn.execute(
            "INSERT INTO suggestion_decisions (client_id, kind, cycle, decision, decided_on, snooze_until, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (client_id, kind, cycle, decision, day.isoformat(), until.isoformat() if until else None, note)).lastrowid
    return ActResult(client_id, kind, cycle, decision, decision_id, touchpoint_id)


def undo_act(db: Database, result: ActResult) -> None:
    """Take back a decision recorded by act(): its decision row and, for 'done', the touchpoint it
    logged, in one transaction. The suggestion is open again (in its place in the day's plan)."""
    with db.transaction() as conn:
        if result.touchpoint_id is not None:
            conn.execute("DELETE FROM touchpoints WHERE id = ? AND client_id = ?", (result.touchpoint_id,
                                                                                   result.client_id))
        conn.execute("DELETE FROM suggestion_decisions WHERE id = ? AND client_id = ?", (result.decision_id,
                                                                                         result.client_id))
