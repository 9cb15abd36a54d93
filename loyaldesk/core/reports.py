"""The annual client report: a year of the practice, with the year before beside it (docs/report.md).

Public API
----------
build_report(db, year, *, today=None, progress=None) -> AnnualReport
    Every figure of the report for calendar year `year`, computed with SQL aggregates over the
    whole database (archived clients' history included). Raises ValidationError for a year
    that cannot be reported (before 1900 or after the current year).
report_dict(report) -> dict
    The `loyaldesk report --json` contract: {"summary", "clients", "revenue_by_month"}.
write_report(report, path, *, lang=None, progress=None) -> Path
    Writes .xlsx, .pdf or .csv (chosen by the suffix) atomically (a temporary file moved into
    place). The writers themselves live in loyaldesk.core.report_formats.
default_year(db, today=None) -> int
    The year a user most likely wants: the last complete year when it has sessions, else this year.
available_years(db, today=None) -> list[int]
    From the first session's year (or this year) to this year, newest first.

Definitions (exactly those of the issue; the boundaries are in docs/report.md)
--------------------------------------------------------------------------------
- revenue: sum of session fees dated in Y; revenue_prev: the same for Y-1; sessions: sessions dated in Y.
- active client: at least one session dated in Y (zero-fee sessions and archived clients count).
- new: active, first session ever in Y. retained: active in Y and in Y-1. lost: active in Y-1, not in Y.
- retention_rate = retained / active in Y-1 (None when nobody was active in Y-1).
- top20_revenue_share: revenue in Y of the top ceil(20 % of the active clients) by revenue in Y,
  divided by revenue in Y (0 without revenue).
- referrals: new clients whose referred_by is set.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from loyaldesk.core import dates, errors
from loyaldesk.core.db import Database
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.migrations import CHANNELS, TIERS

Progress = Callable[[float], None] | None

FOLLOW_UP_DAYS = 90  # a session within this many days after an action counts as a response
TOP_SHARE = 0.20
FIRST_YEAR = 1900
FORMATS = (".xlsx", ".pdf", ".csv")

CATALOG.update({
    "report.year_invalid": {
        "en": "Cannot report on the year {year}: choose a year between {first} and {last}.",
        "ja": "{year}年のレポートは作成できません。{first}〜{last}年の範囲で指定してください。",
    },
    "report.unknown_format": {
        "en": "{name}: choose a .xlsx, .pdf or .csv file for the report.",
        "ja": "{name}: レポートの書き出し先は .xlsx .pdf .csv のいずれかにしてください。",
    },
    "report.out_or_json": {
        "en": "Give --out FILE (.xlsx, .pdf or .csv) or --json.",
        "ja": "--out ファイル（.xlsx .pdf .csv）か --json を指定してください。",
    },
    "report.dir_not_found": {
        "en": "The folder for the report does not exist: {path}",
        "ja": "レポートを保存するフォルダがありません: {path}",
    },
    "report.title": {"en": "Annual client report {year}", "ja": "{year}年 年間顧客レポート"},
    "report.subtitle": {
        "en": "{year} compared with {prev} · tiers as of {as_of} · made {made}",
        "ja": "{year}年と{prev}年の比較・ランクは {as_of} 時点・作成日 {made}",
    },
    "report.partial_year": {
        "en": "{year} is not over yet: figures up to {as_of}.",
        "ja": "{year}年はまだ終わっていません。{as_of} までの集計です。",
    },
    # sheets and sections
    "report.sheet.summary": {"en": "Summary", "ja": "概要"},
    "report.sheet.clients": {"en": "Clients", "ja": "顧客別"},
    "report.sheet.lost": {"en": "Lost clients", "ja": "離脱顧客"},
    "report.sheet.months": {"en": "By month", "ja": "月別"},
    "report.sheet.kinds": {"en": "By kind", "ja": "種類別"},
    "report.sheet.tiers": {"en": "Tier movements", "ja": "ランクの変化"},
    "report.sheet.follow_ups": {"en": "Follow-ups", "ja": "効果検証"},
    # summary figures
    "report.fig.revenue": {"en": "Revenue", "ja": "売上"},
    "report.fig.revenue_prev": {"en": "Revenue, previous year", "ja": "前年売上"},
    "report.fig.revenue_change": {"en": "Change in revenue", "ja": "売上の増減"},
    "report.fig.sessions": {"en": "Sessions", "ja": "セッション数"},
    "report.fig.active_clients": {"en": "Active clients", "ja": "利用顧客数"},
    "report.fig.new_clients": {"en": "New clients", "ja": "新規顧客数"},
    "report.fig.retained_clients": {"en": "Retained clients", "ja": "継続顧客数"},
    "report.fig.lost_clients": {"en": "Lost clients", "ja": "離脱顧客数"},
    "report.fig.retention_rate": {"en": "Retention rate", "ja": "継続率"},
    "report.fig.avg_revenue_per_client": {"en": "Average revenue per active client", "ja": "顧客1名あたり平均売上"},
    "report.fig.top20_revenue_share": {"en": "Revenue share of the top 20 %", "ja": "上位20%の顧客の売上構成比"},
    "report.fig.referrals": {"en": "New clients by referral", "ja": "紹介による新規顧客"},
    "report.fig.touchpoints": {"en": "Contacts logged", "ja": "連絡記録"},
    "report.col.figure": {"en": "Figure", "ja": "項目"},
    "report.col.value": {"en": "Value", "ja": "値"},
    "report.col.value_prev": {"en": "Previous year", "ja": "前年"},
    # client table
    "report.col.id": {"en": "ID", "ja": "ID"},
    "report.col.name": {"en": "Name", "ja": "氏名"},
    "report.col.name_kana": {"en": "Reading", "ja": "フリガナ"},
    "report.col.company": {"en": "Company", "ja": "会社名"},
    "report.col.tier": {"en": "Tier at year end", "ja": "年末のランク"},
    "report.col.sessions": {"en": "Sessions", "ja": "回数"},
    "report.col.revenue": {"en": "Revenue", "ja": "売上"},
    "report.col.revenue_prev": {"en": "Revenue prev. year", "ja": "前年売上"},
    "report.col.change": {"en": "Change", "ja": "増減"},
    "report.col.revenue_total": {"en": "Lifetime revenue", "ja": "累計売上"},
    "report.col.first_session": {"en": "First session", "ja": "初回利用日"},
    "report.col.last_contact": {"en": "Last contact", "ja": "最終連絡日"},
    "report.col.touchpoints": {"en": "Contacts", "ja": "連絡回数"},
    "report.col.referred_count": {"en": "Referred", "ja": "紹介数"},
    "report.col.roles": {"en": "Community roles", "ja": "役割"},
    "report.col.status": {"en": "In the year", "ja": "当年の状況"},
    "report.col.last_session": {"en": "Last session", "ja": "最終利用日"},
    "report.col.month": {"en": "Month", "ja": "月"},
    "report.col.kind": {"en": "Session kind", "ja": "セッションの種類"},
    "report.col.date": {"en": "Date", "ja": "日付"},
    "report.col.from_tier": {"en": "From", "ja": "変更前"},
    "report.col.to_tier": {"en": "To", "ja": "変更後"},
    "report.col.action": {"en": "Follow-up", "ja": "フォローの種類"},
    "report.col.actions": {"en": "Actions", "ja": "実施件数"},
    "report.col.contacted": {"en": "Clients", "ja": "対象顧客数"},
    "report.col.responded": {"en": "Session within 90 days", "ja": "90日以内に利用"},
    "report.col.rate": {"en": "Rate", "ja": "利用率"},
    "report.row.total": {"en": "Total", "ja": "合計"},
    "report.kind.none": {"en": "(no kind)", "ja": "（種類なし）"},
    "report.status.new": {"en": "New", "ja": "新規"},
    "report.status.retained": {"en": "Retained", "ja": "継続"},
    "report.status.returned": {"en": "Returned", "ja": "復帰"},
    "report.status.lost": {"en": "Lost", "ja": "離脱"},
    "report.tier.archived": {"en": "Archived", "ja": "アーカイブ済み"},
    "report.follow.baseline": {"en": "Overdue, not contacted (baseline)", "ja": "連絡超過・未連絡（比較基準）"},
    "report.follow.touchpoint": {"en": "Contact: {label}", "ja": "連絡: {label}"},
    "report.follow.suggestion": {"en": "Next action done: {label}", "ja": "実施した次のアクション: {label}"},
    "report.follow.note": {
        "en": "Share of the clients contacted in {year} who had a session within 90 days after the contact, "
              "next to the same share for clients who were overdue at the start of a month and were not contacted "
              "in the 90 days that followed.",
        "ja": "{year}年に連絡した顧客のうち、連絡後90日以内にセッションを利用した顧客の割合。比較基準は、月初に連絡超過で、"
              "その後90日間連絡しなかった顧客の同じ割合です。",
    },
    # PDF sections and charts
    "report.pdf.summary": {"en": "The year at a glance", "ja": "年間のまとめ"},
    "report.pdf.channels": {"en": "Contacts logged by channel", "ja": "連絡手段別の連絡記録"},
    "report.pdf.chart_months": {"en": "Revenue by month ({unit})", "ja": "月別売上（{unit}）"},
    "report.pdf.chart_pareto": {"en": "Pareto curve: share of revenue by share of clients",
                                "ja": "パレート曲線: 顧客の割合と売上の累計構成比"},
    "report.pdf.chart_tiers": {"en": "Clients per tier at year end", "ja": "年末のランク別顧客数"},
    "report.pdf.unit_ja": {"en": "10,000 yen", "ja": "万円"},
    "report.pdf.unit_en": {"en": "¥ thousands", "ja": "千円"},
    "report.pdf.pareto_note": {
        "en": "The top 20 % of active clients brought {share} of the year's revenue.",
        "ja": "上位20%の顧客が年間売上の {share} を占めました。",
    },
    "report.pdf.clients": {"en": "Clients active in {year} or {prev}", "ja": "{year}年または{prev}年に利用した顧客"},
    "report.pdf.lost_cut": {
        "en": "The first {shown:,} of {count:,}: every one is in the Excel (.xlsx) and CSV versions of this report.",
        "ja": "{count:,}名のうち最初の {shown:,}名を掲載しています。全員は本レポートの Excel（.xlsx）版と CSV 版にあります。",
    },
    "report.pdf.clients_cut": {
        "en": "The {shown:,} clients with the most revenue in {year}, of {count:,}: every client is in the Excel "
              "(.xlsx) and CSV versions of this report.",
        "ja": "{count:,}名のうち {year}年の売上が多い {shown:,}名を掲載しています。全顧客は本レポートの Excel（.xlsx）版と CSV 版にあります。",
    },
    "report.pdf.page": {"en": "Page {page}", "ja": "{page}ページ"},
    "report.pdf.none": {"en": "None.", "ja": "なし。"},
    # channels (core words for reports; the UI has its own)
    "channel.letter": {"en": "Letter", "ja": "手紙"},
    "channel.email": {"en": "E-mail", "ja": "メール"},
    "channel.call": {"en": "Call", "ja": "電話"},
    "channel.meeting": {"en": "Meeting", "ja": "面談"},
    "channel.sns": {"en": "SNS", "ja": "SNS"},
    "channel.event": {"en": "Event", "ja": "イベント"},
    "channel.gift": {"en": "Gift", "ja": "贈り物"},
    "channel.card": {"en": "Card", "ja": "シーズンカード"},
    "channel.other": {"en": "Other", "ja": "その他"},
})


# =========================================================================================
# Dataclasses
# =========================================================================================
@dataclass(slots=True)
class ReportSummary:
    year: int
    revenue: int
    revenue_prev: int
    sessions: int
    sessions_prev: int
    active_clients: int
    active_clients_prev: int
    new_clients: int
    retained_clients: int
    lost_clients: int
    retention_rate: float | None  # None when nobody was active in Y-1
    avg_revenue_per_client: float  # revenue / active_clients (0 when nobody was active)
    top20_revenue_share: float  # 0..1
    referrals: int
    touchpoints_by_channel: dict[str, int]  # every channel, in schema order
    touchpoints_prev: int = 0
    currency: str = "JPY"  # the practice's: every amount is in its minor units (loyaldesk.core.money)
    # sessions of Y in another currency without an amount in the practice's: not in any figure
    # of revenue ({"USD": 3}); the report says so under its totals
    not_included: dict[str, int] = field(default_factory=dict)

    def not_included_text(self, lang: str | None = None) -> str:
        from loyaldesk.core.sessions import not_included_text

        return not_included_text(self.not_included, lang)


@dataclass(slots=True)
class ClientRow:
    id: int
    name: str
    name_kana: str
    company: str
    tier: str | None  # at year end; None for archived clients (not ranked)
    archived: bool
    sessions: int  # in Y
    revenue: int  # in Y
    sessions_prev: int
    revenue_prev: int  # in Y-1
    revenue_total: int  # lifetime, up to the end of Y
    first_session: dt.date | None  # first session ever
    last_session: dt.date | None  # up to the end of Y
    last_contact: dt.date | None  # last session or touchpoint up to the end of Y
    touchpoints: int  # in Y
    referred_count: int  # clients whose referred_by is this client
    roles: list[str] = field(default_factory=list)
    new: bool = False

    @property
    def change(self) -> int:
        return self.revenue - self.revenue_prev

    @property
    def active(self) -> bool:
        return self.sessions > 0

    @property
    def lost(self) -> bool:
        return self.sessions == 0 and self.sessions_prev > 0

    @property
    def status(self) -> str:
        """new, retained, returned (active in Y, not in Y-1, not new) or lost."""
        if self.new:
            return "new"
        if self.sessions == 0:
            return "lost"
        return "retained" if self.sessions_prev > 0 else "returned"


@dataclass(slots=True)
class KindRow:
    kind: str  # '' for sessions without a kind
    sessions: int
    revenue: int
    sessions_prev: int
    revenue_prev: int


@dataclass(slots=True)
class FollowUpRow:
    key: str  # 'touchpoint:<channel>', 'suggestion:<kind>' or 'baseline'
    actions: int  # touchpoints / done decisions in Y (for the baseline: overdue client-months)
    clients: int  # distinct clients
    responded: int  # of those, clients with a session within FOLLOW_UP_DAYS after
    @property
    def rate(self) -> float | None:
        return self.responded / self.clients if self.clients else None


@dataclass(slots=True)
class TierMove:
    date: dt.date
    client_id: int
    name: str
    from_tier: str
    to_tier: str


@dataclass(slots=True)
class AnnualReport:
    year: int
    as_of: dt.date  # Dec 31 of Y, or today for the current year
    made_on: dt.date
    summary: ReportSummary
    clients: list[ClientRow]  # active in Y or Y-1; revenue in Y (desc), then revenue in Y-1, name
    revenue_by_month: list[tuple[str, int]]  # ("YYYY-MM", revenue), January to December of Y
    revenue_by_month_prev: list[tuple[str, int]]
    by_kind: list[KindRow]
    tiers: dict[str, int]  # clients per tier at year end (compute_loyalty as of as_of)
    tier_moves: list[TierMove]  # recorded tier changes dated in Y (first assignments excluded), oldest first
    pareto: list[tuple[float, float]]  # active clients by revenue in Y, highest first
    follow_ups: list[FollowUpRow]  # actions, most clients first; the baseline last
    partial: bool  # the year is not over

    @property
    def lost(self) -> list[ClientRow]:
        rows = [c for c in self.clients if c.lost]
        rows.sort(key=lambda c: (-c.revenue_prev, c.name_kana or c.name, c.id))
        return rows

    @property
    def baseline(self) -> FollowUpRow | None:
        return next((f for f in self.follow_ups if f.key == "baseline"), None)


# =========================================================================================
# Years
# =========================================================================================
def check_year(year: int, today: dt.date | None = None) -> int:
    last = (today or dates.today()).year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= last:
        raise errors.ValidationError("report.year_invalid", field="year", year=year, first=FIRST_YEAR, last=last)
    return year


def available_years(db: Database, today: dt.date | None = None) -> list[int]:
    this = (today or dates.today()).year
    first = db.scalar("SELECT MIN(date) FROM sessions WHERE date >= '1900'")
    start = this
    if first:
        try:
            start = max(FIRST_YEAR, min(this, int(str(first)[:4])))
        except ValueError:
            pass
    return list(range(this, start - 1, -1))


def default_year(db: Database, today: dt.date | None = None) -> int:
    """The last complete year when it holds sessions, else the current year."""
    this = (today or dates.today()).year
    last = this - 1
    has = db.scalar("SELECT 1 FROM sessions WHERE date >= ? AND date < ? LIMIT 1",
                    (f"{last:04d}-01-01", f"{this:04d}-01-01"))
    return last if has and last >= FIRST_YEAR else this


# =========================================================================================
# The computation
# =========================================================================================
def _tick(progress: Progress, fraction: float) -> None:
    if progress is not None:
        progress(min(1.0, max(0.0, fraction)))


def _start(year: int) -> str:
    return f"{year:04d}-01-01"


_CLIENTS_SQL = """
WITH s AS (
    SELECT client_id,
           SUM(date >= :y0 AND date < :y1) AS n_y,
           SUM(CASE WHEN date >= :y0 AND date < :y1 THEN COALESCE(fee, 0) ELSE 0 END) AS rev_y,
           SUM(date >= :p0 AND date < :y0) AS n_p,
           SUM(CASE WHEN date >= :p0 AND date < :y0 THEN COALESCE(fee, 0) ELSE 0 END) AS rev_p,
           SUM(CASE WHEN date < :y1 THEN COALESCE(fee, 0) ELSE 0 END) AS rev_total,
           MIN(date) AS first_session,
           MAX(CASE WHEN date < :y1 THEN date END) AS last_session
    FROM sessions GROUP BY client_id
    HAVING n_y > 0 OR n_p > 0
), tp AS (
    SELECT client_id, SUM(date >= :y0 AND date < :y1) AS n_y, MAX(date) AS last_tp
    FROM touchpoints WHERE date < :y1 GROUP BY client_id
), ref AS (
    SELECT referred_by AS client_id, COUNT(*) AS n FROM clients WHERE referred_by IS NOT NULL GROUP BY referred_by
)
SELECT c.id, c.name, COALESCE(c.name_kana, ''), COALESCE(c.company, ''), COALESCE(c.archived, 0),
       c.referred_by, s.n_y, s.rev_y, s.n_p, s.rev_p, s.rev_total, s.first_session, s.last_session,
       COALESCE(tp.n_y, 0), tp.last_tp, COALESCE(ref.n, 0)
FROM s JOIN clients c ON c.id = s.client_id
LEFT JOIN tp ON tp.client_id = s.client_id
LEFT JOIN ref ON ref.client_id = s.client_id
"""

_ROLES_SQL = """
SELECT ct.client_id, t.name, t.builtin_key FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
WHERE t.category = 'role' ORDER BY ct.client_id, t.name
"""

# One pass over the sessions of Y-1 and Y: revenue by month and by kind come from the same groups.
_MONTH_KIND_SQL = """
SELECT substr(date, 1, 7) AS month, COALESCE(kind, '') AS k, COUNT(*), SUM(COALESCE(fee, 0)) FROM sessions
WHERE date >= :p0 AND date < :y1 GROUP BY month, k
"""

_TOUCH_PREV_SQL = "SELECT COUNT(*) FROM touchpoints WHERE date >= :p0 AND date < :y0"

# The contacted clients of each follow-up kind in Y and how many had a session within the
# window after one of their actions: (d, d + days].
_ACTIONS_SQL = """
WITH a AS (
    SELECT 'touchpoint:' || channel AS k, client_id, date FROM touchpoints WHERE date >= :y0 AND date < :y1
    UNION ALL
    SELECT 'suggestion:' || kind, client_id, substr(decided_on, 1, 10) FROM suggestion_decisions
    WHERE decision = 'done' AND decided_on >= :y0 AND decided_on < :y1
), r AS (
    SELECT a.k, a.client_id,
           EXISTS (SELECT 1 FROM sessions s WHERE s.client_id = a.client_id AND s.date > a.date
                   AND s.date <= date(a.date, '+' || :days || ' days')) AS hit
    FROM a
)
SELECT k, COUNT(*), COUNT(DISTINCT client_id), COUNT(DISTINCT CASE WHEN hit THEN client_id END)
FROM r GROUP BY k
"""


def _baseline(db: Database, year: int, intervals: dict[int, int], end: dt.date) -> FollowUpRow:
    """Overdue at the start of a month of Y (months up to `end`), not contacted in the window that follows.

    A client-month counts when, on the 1st of the month m: the client is not archived and not
    do-not-contact (has an interval), was contacted before (a session or touchpoint before m),
    the days from that last contact to m exceed the client's contact interval (as of year end),
    and no touchpoint or done next action falls in [m, m + days). It responded when a session
    falls in [m, m + days).
    """
    conn = db.conn
    conn.execute("DROP TABLE IF EXISTS temp._report_months")
    conn.execute("DROP TABLE IF EXISTS temp._report_interval")
    conn.execute("CREATE TEMP TABLE _report_months (m TEXT PRIMARY KEY, e TEXT)")
    conn.execute("CREATE TEMP TABLE _report_interval (client_id INTEGER PRIMARY KEY, days INTEGER)")
    try:
        months = []
        for month in range(1, 13):
            m = dt.date(year, month, 1)
            if m > end:
                break
            months.append((m.isoformat(), (m + dt.timedelta(days=FOLLOW_UP_DAYS)).isoformat()))
        conn.executemany("INSERT INTO _report_months VALUES (?, ?)", months)
        conn.executemany("INSERT INTO _report_interval VALUES (?, ?)", intervals.items())
        rows = conn.execute(
            """
            WITH pairs AS (
                SELECT i.client_id, mo.m, mo.e, i.days,
                       MAX(COALESCE((SELECT MAX(date) FROM sessions s WHERE s.client_id = i.client_id AND s.date < mo.m), ''),
                           COALESCE((SELECT MAX(date) FROM touchpoints t WHERE t.client_id = i.client_id AND t.date < mo.m), '')) AS last
                FROM _report_interval i CROSS JOIN _report_months mo
            ), overdue AS (
                SELECT * FROM pairs
                WHERE last <> '' AND julianday(m) - julianday(substr(last, 1, 10)) > days
                  AND NOT EXISTS (SELECT 1 FROM touchpoints t WHERE t.client_id = pairs.client_id
                                  AND t.date >= pairs.m AND t.date < pairs.e)
                  AND NOT EXISTS (SELECT 1 FROM suggestion_decisions d WHERE d.client_id = pairs.client_id
                                  AND d.decision = 'done' AND d.decided_on >= pairs.m AND d.decided_on < pairs.e)
            )
            SELECT COUNT(*), COUNT(DISTINCT client_id),
                   COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM sessions s WHERE s.client_id = overdue.client_id
                                                    AND s.date >= overdue.m AND s.date < overdue.e)
                                       THEN client_id END)
            FROM overdue
            """).fetchone()
    finally:
        conn.execute("DROP TABLE IF EXISTS temp._report_months")
        conn.execute("DROP TABLE IF EXISTS temp._report_interval")
    return FollowUpRow("baseline", int(rows[0] or 0), int(rows[1] or 0), int(rows[2] or 0))


def _role_name(name: str, key: str | None) -> str:
    return t(f"role.{key}") if key and f"role.{key}" in CATALOG else name


def build_report(db: Database, year: int, *, today: dt.date | None = None, progress: Progress = None) -> AnnualReport:
    """Every figure of the annual report for `year` (see the module docstring and docs/report.md)."""
    from loyaldesk.core import loyalty

    today = today or dates.today()
    check_year(year, today)
    year_end = dt.date(year, 12, 31)
    as_of = min(year_end, today)
    # Y runs from January 1 up to and including as_of (December 31, or today in the current year).
    p = {"y0": _start(year), "y1": (as_of + dt.timedelta(days=1)).isoformat(), "p0": _start(year - 1),
         "days": FOLLOW_UP_DAYS}
    _tick(progress, 0.0)

    conn = db.conn
    began = False
    if not conn.in_transaction:  # every query reads the same state of the file
        conn.execute("BEGIN")
        began = True
    try:
        lr = loyalty.compute_loyalty(db, as_of)
        _tick(progress, 0.35)
        by_id = lr.by_id()
        roles: dict[int, list[str]] = {}
        for cid, name, key in db.query(_ROLES_SQL, plain=True):
            roles.setdefault(cid, []).append(_role_name(name, key))

        clients: list[ClientRow] = []
        referrals = 0
        for (cid, name, kana, company, archived, referred_by, n_y, rev_y, n_p, rev_p, rev_total, first, last_s,
             tp_y, last_tp, ref_n) in db.query(_CLIENTS_SQL, p, plain=True):
            first_day = dates.from_db(first[:10]) if first else None
            last_session = dates.from_db(last_s[:10]) if last_s else None
            last_touch = dates.from_db(last_tp[:10]) if last_tp else None
            contacts = [d for d in (last_session, last_touch) if d is not None]
            loyal = by_id.get(cid)
            new = bool(n_y) and first is not None and first >= p["y0"]
            if new and referred_by is not None:
                referrals += 1
            clients.append(ClientRow(
                id=cid, name=name or "", name_kana=kana, company=company,
                tier=loyal.tier if loyal is not None and not archived else None, archived=bool(archived),
                sessions=int(n_y or 0), revenue=int(rev_y or 0), sessions_prev=int(n_p or 0),
                revenue_prev=int(rev_p or 0), revenue_total=int(rev_total or 0), first_session=first_day,
                last_session=last_session, last_contact=max(contacts) if contacts else None,
                touchpoints=int(tp_y or 0), referred_count=int(ref_n or 0), roles=roles.get(cid, []), new=new))
        clients.sort(key=lambda c: (-c.revenue, -c.revenue_prev, c.name_kana or c.name, c.id))
        _tick(progress, 0.55)

        months_raw: dict[str, int] = {}
        kind_sums: dict[str, list[int]] = {}
        this_year = f"{year:04d}"
        for month, kind, n, fee in db.query(_MONTH_KIND_SQL, p, plain=True):
            months_raw[month] = months_raw.get(month, 0) + int(fee or 0)
            sums = kind_sums.setdefault(kind, [0, 0, 0, 0])
            offset = 0 if month.startswith(this_year) else 2
            sums[offset] += int(n or 0)
            sums[offset + 1] += int(fee or 0)
        by_month = [(f"{year:04d}-{m:02d}", months_raw.get(f"{year:04d}-{m:02d}", 0)) for m in range(1, 13)]
        by_month_prev = [(f"{year - 1:04d}-{m:02d}", months_raw.get(f"{year - 1:04d}-{m:02d}", 0)) for m in range(1, 13)]
        kinds = [KindRow(k, *v) for k, v in kind_sums.items()]
        kinds.sort(key=lambda k: (-k.revenue, -k.sessions, k.kind))
        touch_prev = int(db.scalar(_TOUCH_PREV_SQL, p) or 0)
        from loyaldesk.core.sessions import not_included

        unpriced = not_included(db, start=dt.date(year, 1, 1), end=as_of + dt.timedelta(days=1))
        _tick(progress, 0.65)

        follow = [FollowUpRow(k, int(a), int(c), int(r)) for k, a, c, r in db.query(_ACTIONS_SQL, p, plain=True)]
        channels = {ch: 0 for ch in CHANNELS}  # touchpoints in Y by channel: the touchpoint actions
        for f in follow:
            if f.key.startswith("touchpoint:"):
                channels[f.key.partition(":")[2]] = f.actions
        follow.sort(key=lambda f: (-f.clients, f.key))
        intervals = {c.id: c.interval_days for c in lr.clients if not c.do_not_contact}
        follow.append(_baseline(db, year, intervals, as_of))
        _tick(progress, 0.85)

        moves = [TierMove(ch.date, ch.client_id, ch.name, ch.from_tier, ch.to_tier)
                 for ch in loyalty.tier_history(db, since=dt.date(year, 1, 1))
                 if ch.date <= year_end and ch.from_tier is not None]
        moves.sort(key=lambda m: (m.date, m.name, m.client_id))
    finally:
        if began:
            conn.execute("ROLLBACK")  # nothing was written

    active = [c for c in clients if c.sessions > 0]
    revenue = sum(c.revenue for c in active)
    active_prev = sum(1 for c in clients if c.sessions_prev > 0)
    retained = sum(1 for c in clients if c.sessions > 0 and c.sessions_prev > 0)
    lost = sum(1 for c in clients if c.lost)
    top_n = math.ceil(TOP_SHARE * len(active)) if active else 0
    top_revenue = sum(sorted((c.revenue for c in active), reverse=True)[:top_n])
    summary = ReportSummary(
        year=year,
        revenue=revenue,
        revenue_prev=sum(c.revenue_prev for c in clients),
        sessions=sum(c.sessions for c in clients),
        sessions_prev=sum(c.sessions_prev for c in clients),
        active_clients=len(active),
        active_clients_prev=active_prev,
        new_clients=sum(1 for c in clients if c.new),
        retained_clients=retained,
        lost_clients=lost,
        retention_rate=retained / active_prev if active_prev else None,
        avg_revenue_per_client=revenue / len(active) if active else 0.0,
        top20_revenue_share=top_revenue / revenue if revenue else 0.0,
        referrals=referrals,
        touchpoints_by_channel=channels,
        touchpoints_prev=touch_prev,
        currency=lr.settings.currency,
        not_included=unpriced,
    )
    report = AnnualReport(
        year=year, as_of=as_of, made_on=today, summary=summary, clients=clients,
        revenue_by_month=by_month, revenue_by_month_prev=by_month_prev, by_kind=kinds,
        tiers={tier: lr.summary.tiers.get(tier, 0) for tier in TIERS}, tier_moves=moves,
        pareto=loyalty.pareto_curve([c.revenue for c in active]),
        follow_ups=follow, partial=as_of < year_end)
    _tick(progress, 0.9)
    return report


# =========================================================================================
# Plain data (the CLI's JSON)
# =========================================================================================
def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def summary_dict(s: ReportSummary) -> dict:
    return {
        "year": s.year,
        "currency": s.currency,
        "revenue": s.revenue,
        "revenue_prev": s.revenue_prev,
        "sessions": s.sessions,
        "active_clients": s.active_clients,
        "new_clients": s.new_clients,
        "retained_clients": s.retained_clients,
        "lost_clients": s.lost_clients,
        "retention_rate": None if s.retention_rate is None else round(s.retention_rate, 6),
        "avg_revenue_per_client": round(s.avg_revenue_per_client, 2),
        "top20_revenue_share": round(s.top20_revenue_share, 6),
        "referrals": s.referrals,
        "touchpoints_by_channel": dict(s.touchpoints_by_channel),
        "not_included": dict(s.not_included),  # sessions in another currency left out of revenue, by code
    }


def client_dict(c: ClientRow) -> dict:
    return {
        "id": c.id,
        "name": c.name,
        "tier": c.tier,
        "sessions": c.sessions,
        "revenue": c.revenue,
        "revenue_prev": c.revenue_prev,
        "revenue_total": c.revenue_total,
        "first_session": _iso(c.first_session),
        "last_contact": _iso(c.last_contact),
        "touchpoints": c.touchpoints,
        "referred_count": c.referred_count,
    }


def report_dict(report: AnnualReport) -> dict:
    """The `loyaldesk report --json` object."""
    return {
        "summary": summary_dict(report.summary),
        "clients": [client_dict(c) for c in report.clients],
        "revenue_by_month": dict(report.revenue_by_month),
    }


# =========================================================================================
# Words shared by the formats
# =========================================================================================
def tier_text(c: ClientRow, lang: str | None = None) -> str:
    from loyaldesk.core.loyalty import tier_label

    if c.archived:
        return t("report.tier.archived", lang)
    return tier_label(c.tier, lang) if c.tier else ""


def follow_up_label(key: str, lang: str | None = None) -> str:
    if key == "baseline":
        return t("report.follow.baseline", lang)
    source, _, name = key.partition(":")
    if source == "touchpoint":
        label = t(f"channel.{name}", lang) if f"channel.{name}" in CATALOG else name
        return t("report.follow.touchpoint", lang, label=label)
    import loyaldesk.core.suggestions  # noqa: F401  (registers the names of the next actions)

    label = t(f"suggestion.kind.{name}", lang) if f"suggestion.kind.{name}" in CATALOG else name
    return t("report.follow.suggestion", lang, label=label)


def kind_text(kind: str, lang: str | None = None) -> str:
    return kind or t("report.kind.none", lang)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


# =========================================================================================
# Writing
# =========================================================================================
def check_output(path: str | os.PathLike) -> Path:
    """The output path, checked before any work: a known suffix, an existing folder."""
    out = Path(path).expanduser()
    if out.suffix.lower() not in FORMATS:
        raise errors.LoyalDeskError("report.unknown_format", name=out.name)
    if not out.parent.is_dir():
        raise errors.LoyalDeskError("report.dir_not_found", path=out.parent)
    return out


def write_report(report: AnnualReport, path: str | os.PathLike, *, lang: str | None = None,
                 progress: Progress = None, warnings: list[str] | None = None) -> Path:
    """Write the report as .xlsx, .pdf or .csv, by the path's suffix; the file appears whole or not at all.
    `warnings` gets a line for each text an .xlsx cell holds only the beginning of."""
    from loyaldesk.core import report_formats

    out = check_output(path)
    if out.suffix.lower() == ".xlsx":
        report_formats.write_xlsx(report, out, lang=lang, progress=progress, warnings=warnings)
        return out
    writer = {".pdf": report_formats.write_pdf, ".csv": report_formats.write_csv}[out.suffix.lower()]
    writer(report, out, lang=lang, progress=progress)
    return out
