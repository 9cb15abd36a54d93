"""Loyalty: scores, tiers, health status, contact rhythm and the 80/20 view (docs/loyalty.md).

Everything is computed for the whole database at once: the figures in SQL (from the
per-client session figures the database's triggers keep in session_stats, so a refresh
does not read every session), the percentile ranks, scores and ranks (with numpy from
15,000 scored clients, else in plain Python), the tiers, intervals and status in SQL again,
in temporary tables of the connection; Python only turns the rows into dataclasses.
Nothing here imports Qt.

Public API
----------
compute_loyalty(db, as_of=None, settings=None, *, use_stored=False) -> LoyaltyReport
    The loyalty of every non-archived client as of a date, without writing anything (works
    on a read-only database). `LoyaltyReport.clients` is a list of `ClientLoyalty`, ordered
    vip, candidate, regular, new, prospect and by score; `LoyaltyReport.summary` a
    `LoyaltySummary` (counts per tier and status, the vip share of revenue, the Pareto curve).
    use_stored=True reads the stored scores and ranks instead of ranking every client again
    when the stored tiers are up to date (what the read commands of the CLI do).
refresh_tiers(db, as_of=None, settings=None, *, report=True) -> TierRefresh
    Computes as above and, in one transaction, replaces the `client_tiers` table (the tiers
    the clients list reads the contact interval from), records every tier change in
    `tier_history` and notes the refresh in `tier_refresh`. TierRefresh: `summary`,
    `changes` (history entries written or replaced), `stored` (rows in client_tiers) and
    `report` (the full LoyaltyReport; None with report=False, the fast path for a
    background refresh).
tiers_stale(db, as_of=None, settings=None) -> bool
    A cheap check (a handful of index look-ups and counts): True when the stored tiers were
    not computed as of `as_of`, or the sessions, contacts, clients or tier settings changed
    since. A background worker calls refresh_tiers when it is True.
tier_history(db, client_id=None, since=None) -> list[TierChange]
    Recorded tier changes, newest first: one client's, or everybody's since a date.
interval_sql(tier, cadence) / status_sql(days, overdue_days, tier)
    The contact-interval and status rules as SQL expressions, shared with the clients list
    (loyaldesk.core.clients) so both give the same answer.
overdue_reason(...)
    Why a client is (or would be) overdue, citing the data.
tier_label(tier) / status_label(status) / summary_line(summary)
    The names and the one-line summary users see, in the current language.
client_dict(client) / summary_dict(report)
    Plain JSON-ready data (the `loyaldesk tiers --json` contract).
pareto_curve(revenues) / summarize(clients, as_of)
    The Pareto points and the summary of a list of ClientLoyalty.

Dataclasses: ClientLoyalty (id, name, name_kana, tier, status, score, rank, recency_days,
frequency_12m, sessions_total, revenue_12m, revenue_total, tenure_days, active_years,
first_session, last_contact, days_since_contact, interval_days, overdue_days,
do_not_contact; property overdue), LoyaltySummary (as_of, clients, scored, tiers, statuses,
revenue_total, revenue_12m, vip_revenue_total, vip_revenue_12m, vip_revenue_share,
vip_revenue_share_12m, pareto), LoyaltyReport (as_of, clients, summary, settings; by_id()),
TierRefresh, TierChange (id, client_id, date, from_tier, to_tier, name; property rose).

The rules (all boundaries as documented in docs/loyalty.md)
-----------------------------------------------------------
- Scored clients: not archived, at least one session on or before the as-of date, and a
  first session at least `new_client_days` (90) days before the as-of date.
- score = 0.25 pr(revenue_total) + 0.20 pr(sessions_total) + 0.20 pr(active_years)
          + 0.15 pr(revenue_12m) + 0.10 pr(frequency_12m) + 0.10 pr(recency),
  where pr() is PERCENT_RANK over the scored clients (0 = lowest, 1 = highest; equal values
  share a rank) and recency ranks the fewest days since contact highest. active_years counts the
  calendar years with at least one session (on or before the as-of date): steady clients
  score high, a single sale long ago scores low. Rounded to 6 decimals, so clients with the
  same figures tie exactly.
- Tiers: RANK() by score (ties share the rank); with n scored clients, `vip` when
  (rank - 1) < vip_share * n, else `candidate` when (rank - 1) < (vip_share +
  candidate_share) * n, else `regular`: a client tied with the last one inside a cut is
  inside. `new`: first session fewer than new_client_days ago (not ranked, outside n).
  `prospect`: no session (not scored).
- Contact interval: the client's cadence_days, else the interval of its tier
  (tier_interval_vip 30, _candidate 45, _regular 90, _new 14), else default_cadence_days
  (prospects, and clients whose tier is not computed yet).
- Days since contact: from the last session or touchpoint on or before the as-of date, or
  from created_at for a client never contacted. Overdue: days since contact > interval, never
  for do_not_contact or archived clients.
- Status, first match wins: `dormant` (days since contact > dormant_days, 365; applies to
  every client, do-not-contact and archived ones too: it describes the relationship, it
  does not ask for action), `at_risk` (a vip or candidate who is overdue), `overdue`,
  `active`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from loyaldesk.core import dates, dbapi, practice
from loyaldesk.core.db import Database, translate_sqlite_error
from loyaldesk.core.i18n import CATALOG, current_language, t
from loyaldesk.core.migrations import TIERS

STATUSES = ("active", "overdue", "at_risk", "dormant")
RANKED_TIERS = ("vip", "candidate", "regular")

# The weights of the score: the whole relationship (LTV) counts most, the last year less.
WEIGHTS: dict[str, float] = {
    "revenue_total": 0.25,
    "sessions_total": 0.20,
    "active_years": 0.20,
    "revenue_12m": 0.15,
    "frequency_12m": 0.10,
    "recency": 0.10,
}
YEAR_DAYS = 365  # the 12-month window is the 365 days up to the as-of date
PARETO_POINTS = 100  # at most this many steps on the Pareto curve (plus the origin)

CATALOG.update({
    "status.active": {"en": "Active", "ja": "良好"},
    "status.overdue": {"en": "Overdue", "ja": "連絡超過"},
    "status.at_risk": {"en": "At risk", "ja": "要注意"},
    "status.dormant": {"en": "Dormant", "ja": "休眠"},
    "loyalty.summary_line": {
        "en": "As of {as_of}: {tiers}. VIP share of revenue: {share} lifetime, {share_12m} over the last 12 months "
              "({scored} ranked clients).",
        "ja": "{as_of} 時点: {tiers}。ロイヤル顧客の売上構成比: 累計 {share}、直近12か月 {share_12m}（順位付けした顧客 {scored}名）。",
    },
})


# =========================================================================================
# Dataclasses
# =========================================================================================
@dataclass(slots=True)
class ClientLoyalty:
    """One client's loyalty figures as of a date."""

    id: int
    name: str
    name_kana: str
    tier: str  # vip, candidate, regular, new, prospect
    status: str  # active, overdue, at_risk, dormant
    score: float | None  # 0..1 for ranked clients; None for new clients and prospects
    rank: int | None  # 1 = best score among the ranked clients (ties share a rank); None if not ranked
    recency_days: int | None  # days since the last session or touchpoint; None if never contacted
    frequency_12m: int  # sessions in the 365 days up to the as-of date
    sessions_total: int
    revenue_12m: int  # sum of fees in the 365 days up to the as-of date
    revenue_total: int  # lifetime sum of fees
    tenure_days: int | None  # days since the first session; None for prospects
    active_years: int  # relationship years (365-day periods back from the as-of date) with a session
    first_session: dt.date | None
    last_contact: dt.date | None
    days_since_contact: int  # from last contact, or from created_at if never contacted
    interval_days: int  # the effective contact interval
    overdue_days: int  # days past the interval (0 when not overdue)
    do_not_contact: bool

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(slots=True)
class LoyaltySummary:
    """The practice at a glance: tiers, health, and where the revenue comes from."""

    as_of: dt.date
    clients: int  # non-archived clients
    scored: int  # ranked clients: vip + candidate + regular (the population the shares apply to)
    tiers: dict[str, int]  # count per tier, every tier present
    statuses: dict[str, int]  # count per status, every status present
    revenue_total: int  # lifetime revenue of the scored clients
    revenue_12m: int  # 12-month revenue of the scored clients
    vip_revenue_total: int
    vip_revenue_12m: int
    vip_revenue_share: float  # vip_revenue_total / revenue_total, 0..1 (0 without revenue)
    vip_revenue_share_12m: float  # vip_revenue_12m / revenue_12m, 0..1
    # Pareto curve: scored clients by lifetime revenue, highest first; points
    # (share of clients, cumulative share of revenue), from (0, 0) to (1, 1).
    pareto: list[tuple[float, float]] = field(default_factory=list)


@dataclass(slots=True)
class LoyaltyReport:
    as_of: dt.date
    clients: list[ClientLoyalty]
    summary: LoyaltySummary
    settings: practice.PracticeSettings

    def by_id(self) -> dict[int, ClientLoyalty]:
        return {c.id: c for c in self.clients}


@dataclass(slots=True)
class TierRefresh:
    """What refresh_tiers did."""

    report: LoyaltyReport | None  # the full report; None when refresh_tiers(report=False)
    changes: int  # clients whose recorded tier changed (first assignments included)
    stored: int  # rows written to client_tiers
    summary: LoyaltySummary | None = None  # always set by refresh_tiers


@dataclass(slots=True)
class TierChange:
    id: int
    client_id: int
    date: dt.date
    from_tier: str | None  # None: the client's first tier
    to_tier: str
    name: str = ""

    @property
    def rose(self) -> bool:
        """Moved to a higher ranked tier (new and prospect count below regular)."""
        return _TIER_HEIGHT.get(self.to_tier, 0) > _TIER_HEIGHT.get(self.from_tier or "", 0)


_TIER_HEIGHT = {"prospect": 0, "new": 1, "regular": 2, "candidate": 3, "vip": 4}
_TIER_ORDER = {tier: i for i, tier in enumerate(TIERS)}


# =========================================================================================
# The rules as SQL, shared with the clients list
# =========================================================================================
def interval_sql(tier: str, cadence: str) -> str:
    """SQL for the effective contact interval, given SQL expressions for the tier and cadence_days.

    Needs the parameters of rule_params().
    """
    return (f"COALESCE({cadence}, CASE {tier} WHEN 'vip' THEN :iv_vip WHEN 'candidate' THEN :iv_candidate "
            f"WHEN 'regular' THEN :iv_regular WHEN 'new' THEN :iv_new ELSE :default_cadence END)")


def status_sql(days: str, overdue_days: str, tier: str) -> str:
    """SQL for the health status (dormant > at_risk > overdue > active). Needs rule_params()."""
    # each argument appears once: SQLite copies a flattened subquery's expression into every use
    return (f"CASE WHEN {days} > :dormant_days THEN 'dormant' WHEN {overdue_days} <= 0 THEN 'active' "
            f"WHEN {tier} IN ('vip', 'candidate') THEN 'at_risk' ELSE 'overdue' END")


def rule_params(settings: practice.PracticeSettings, as_of: dt.date) -> dict:
    """The named parameters interval_sql, status_sql and the tier SQL use."""
    return {
        "as_of": as_of.isoformat(),
        "day_after": (as_of + dt.timedelta(days=1)).isoformat(),
        "default_cadence": settings.default_cadence_days,
        "iv_vip": settings.tier_interval_vip,
        "iv_candidate": settings.tier_interval_candidate,
        "iv_regular": settings.tier_interval_regular,
        "iv_new": settings.tier_interval_new,
        "new_days": settings.new_client_days,
        # a first session after this day is "new" (fewer than new_client_days days before as_of)
        "new_since": (as_of - dt.timedelta(days=settings.new_client_days)).isoformat(),
        "dormant_days": settings.dormant_days,
    }


# =========================================================================================
# The computation
# =========================================================================================
# The computation runs as a few statements over temporary tables of the connection (never the
# database file: it works on a read-only file too), inside one read transaction:
#   1. _loyalty: one row per non-archived client with its figures, in ONE statement: the whole
#      history from session_stats (one row per client, kept by triggers); only clients with
#      sessions after the as-of date are recounted from their sessions; the last 365 days by one
#      look-up in the (client_id, date, fee) index for the clients whose history straddles its
#      start; the last touchpoint by one look-up in the (client_id, date) index;
#   2. _ranked: for each of the six metrics the weighted percentile rank of each distinct value
#      (the distinct values sorted and counted, with numpy from NUMPY_FROM scored clients;
#      weight * below / (n - 1), PERCENT_RANK exactly as the window function defines it), the
#      score (their sum in the order of WEIGHTS, rounded to 6 decimals) and RANK() by score (1 +
#      the number of higher scores); or, when the stored tiers are up to date, the stored ones;
#   3. the result: tier from the rank, then interval, overdue days and status with the same SQL
#      as the clients list (interval_sql, status_sql); names and cadence joined by primary key.
# (benchmarks/bench_tiers.py checks every score, rank and tier against a recount of the sessions
# and the window functions PERCENT_RANK and RANK.)
_TEMP_TABLES = ("_loyalty", "_ranked", "_loyalty_now", "_tier_latest")

_FIGURES_SQL = """
INSERT INTO temp._loyalty (id, sessions_total, revenue_total, frequency_12m, revenue_12m, active_years, first_date,
                           last_contact, tenure_days, recency_days, days, fixed_tier)
WITH st AS (
    -- the whole history of each client with a session on or before D: the maintained per-client
    -- figures (session_stats) when every session is on or before D (the usual case) ...
    SELECT client_id, sessions, revenue, first_date, last_date, active_years
    FROM session_stats WHERE last_date < :day_after
    UNION ALL
    -- ... else (sessions booked after D, or an earlier as-of date) from that client's sessions
    SELECT s.client_id, COUNT(*), COALESCE(SUM(s.fee), 0), MIN(s.date), MAX(s.date),
           COUNT(DISTINCT substr(s.date, 1, 4))
    FROM session_stats t CROSS JOIN sessions s ON s.client_id = t.client_id AND s.date < :day_after
    WHERE t.last_date >= :day_after AND t.first_date < :day_after
    GROUP BY s.client_id
), base AS (
    -- the last 365 days: nothing when the last session is older, the whole history when the first
    -- is within them, else one look-up in the (client_id, date, fee) index; the last touchpoint by
    -- one look-up in the (client_id, date) index
    SELECT c.id, c.created_at, st.sessions AS sessions_total, st.revenue AS revenue_total,
           CASE WHEN st.last_date < :year_start THEN 0
                WHEN st.first_date >= :year_start THEN st.sessions
                ELSE (SELECT COUNT(*) FROM sessions
                      WHERE client_id = c.id AND date >= :year_start AND date < :day_after) END AS frequency_12m,
           CASE WHEN st.last_date < :year_start THEN 0
                WHEN st.first_date >= :year_start THEN st.revenue
                ELSE (SELECT COALESCE(SUM(fee), 0) FROM sessions
                      WHERE client_id = c.id AND date >= :year_start AND date < :day_after) END AS revenue_12m,
           st.active_years, st.first_date,
           MAX(st.last_date, COALESCE((SELECT MAX(date) FROM touchpoints WHERE client_id = c.id AND date < :day_after),
                                      '')) AS last_contact
    FROM st CROSS JOIN clients c ON c.id = st.client_id
    WHERE COALESCE(c.archived, 0) = 0
    UNION ALL
    -- prospects: no session on or before the as-of date
    SELECT c.id, c.created_at, 0, 0, 0, 0, 0, NULL,
           (SELECT MAX(date) FROM touchpoints WHERE client_id = c.id AND date < :day_after)
    FROM clients c
    WHERE COALESCE(c.archived, 0) = 0
      AND NOT EXISTS (SELECT 1 FROM session_stats WHERE client_id = c.id AND first_date < :day_after)
)
SELECT id, sessions_total, revenue_total, frequency_12m, revenue_12m, active_years, first_date, last_contact,
       CAST(:as_of_jd - julianday(substr(first_date, 1, 10)) AS INTEGER),
       CAST(:as_of_jd - julianday(substr(last_contact, 1, 10)) AS INTEGER),
       MAX(0, CAST(:as_of_jd - julianday(substr(COALESCE(last_contact, created_at), 1, 10)) AS INTEGER)),
       CASE WHEN first_date IS NULL THEN 'prospect'
            WHEN substr(first_date, 1, 10) > :new_since THEN 'new' END
FROM base
"""

_CREATE_SQL = (
    "CREATE TEMP TABLE _loyalty (id INTEGER PRIMARY KEY, sessions_total INTEGER, revenue_total INTEGER, "
    "frequency_12m INTEGER, revenue_12m INTEGER, active_years INTEGER, first_date TEXT, last_contact TEXT, "
    "tenure_days INTEGER, recency_days INTEGER, days INTEGER, fixed_tier TEXT)",
    "CREATE TEMP TABLE _ranked (id INTEGER PRIMARY KEY, score REAL NOT NULL, rank INTEGER NOT NULL)",
)

# The SQL expression of each weight's metric, higher ranking higher. Recency ranks by the days
# since the last contact, fewer days ranking higher (contacts on the same day tie).
_METRICS = {
    "revenue_total": "revenue_total",
    "sessions_total": "sessions_total",
    "active_years": "active_years",
    "revenue_12m": "revenue_12m",
    "frequency_12m": "frequency_12m",
    "recency": "-recency_days",
}


# From this many scored clients the ranks are computed with numpy; below, plain Python takes
# less time than importing numpy (60 ms or more): 40 ms for 7,500 scored clients, against 10 ms
# plus the import. Both give the same floats (the same IEEE operations in the same order,
# numpy's rounding written out), checked by tests/core/test_tier_freshness.py.
NUMPY_FROM = 15_000


def _score_rows(rows: list[tuple]) -> tuple[list[int], list[float], list[int]]:
    """Scores and RANK() of the scored clients, from rows (id, the six metrics in WEIGHTS order).

    For each metric, its weighted percentile rank for each distinct value: weight * below /
    (n - 1), below counting the clients with a lower value (the distinct values sorted and
    counted): PERCENT_RANK exactly as the window function defines it, in the same
    floating-point operations, so equal values share it. The score is the sum of the six, in
    the order of WEIGHTS, rounded to 6 decimals (clients with the same figures tie exactly);
    the rank is 1 + the number of clients with a higher score (equal scores share it).
    """
    if len(rows) >= NUMPY_FROM:
        return _score_rows_numpy(rows)
    return _score_rows_python(rows)


def _score_rows_python(rows: list[tuple]) -> tuple[list[int], list[float], list[int]]:
    n = len(rows)
    if not n:
        return [], [], []
    columns = list(zip(*rows))
    denominator = float(max(1, n - 1))
    total: list[float] = []
    for i, name in enumerate(WEIGHTS, start=1):
        values = columns[i]
        weight = WEIGHTS[name]
        part, below = {}, 0
        for value, count in sorted(Counter(values).items()):
            part[value] = weight * (below / denominator)
            below += count
        total = [part[v] for v in values] if i == 1 else [t + part[v] for t, v in zip(total, values)]
    # numpy.round(x, 6): x * 1e6 rounded half to even, divided by 1e6
    scores = [round(x * 1e6) / 1e6 for x in total]
    higher, rank_of = n, {}
    for score, count in sorted(Counter(scores).items()):
        higher -= count  # clients with a strictly higher score
        rank_of[score] = higher + 1
    return list(columns[0]), scores, [rank_of[score] for score in scores]


def _score_rows_numpy(rows: list[tuple]) -> tuple[list[int], list[float], list[int]]:
    import numpy as np  # with pandas, already a dependency; imported here to keep start-up light

    n = len(rows)
    if not n:
        return [], [], []
    columns = list(zip(*rows))
    total = None
    for i, name in enumerate(WEIGHTS, start=1):
        values = np.array(columns[i], dtype=np.int64)
        _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
        below = np.cumsum(counts) - counts
        part = WEIGHTS[name] * (below.astype(np.float64) / max(1, n - 1))
        total = part[inverse] if total is None else total + part[inverse]
    scores = np.round(total, 6)
    distinct, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    higher = n - np.cumsum(counts)  # clients with a strictly higher score than each distinct score
    ranks = higher[inverse] + 1
    return list(columns[0]), scores.tolist(), ranks.tolist()


def _score_temp(conn: sqlite3.Connection) -> None:
    """Step 3: _ranked (id, score, rank) for every scored client of _loyalty."""
    metrics = ", ".join(_METRICS[name] for name in WEIGHTS)
    rows = _fetch(conn, f"SELECT id, {metrics} FROM temp._loyalty WHERE fixed_tier IS NULL")
    ids, scores, ranks = _score_rows(rows)
    conn.executemany("INSERT INTO temp._ranked (id, score, rank) VALUES (?, ?, ?)", zip(ids, scores, ranks))


_RESULT_SQL = """
WITH ranked AS (
    SELECT l.*, c.name, c.name_kana, c.cadence_days, COALESCE(c.do_not_contact, 0) AS dnc, r.score, r.rank,
           COALESCE(l.fixed_tier,
                    CASE WHEN (r.rank - 1) * 10000 < :vip_bp * :scored THEN 'vip'
                         WHEN (r.rank - 1) * 10000 < :top_bp * :scored THEN 'candidate'
                         ELSE 'regular' END) AS tier
    FROM temp._loyalty l JOIN clients c ON c.id = l.id LEFT JOIN temp._ranked r ON r.id = l.id
), timed AS (
    SELECT *, {interval} AS interval_days FROM ranked
), overdue AS (
    SELECT *, CASE WHEN dnc = 0 AND days > interval_days THEN days - interval_days ELSE 0 END AS overdue_days
    FROM timed
)
SELECT {columns}
FROM overdue
"""
# every figure of a client, in the order of ClientLoyalty's fields
_REPORT_COLUMNS = ("id, name, name_kana, tier, {status} AS status, score, rank, recency_days, frequency_12m, "
                   "sessions_total, revenue_12m, revenue_total, tenure_days, active_years, first_date, last_contact, "
                   "days, interval_days, overdue_days, dnc")
# what storing the tiers and the summary need
_STORE_COLUMNS = "id, tier, {status} AS status, score, rank, revenue_total, revenue_12m"
_ORDER_BY = ("ORDER BY CASE tier WHEN 'vip' THEN 0 WHEN 'candidate' THEN 1 WHEN 'regular' THEN 2 "
             "WHEN 'new' THEN 3 ELSE 4 END, score DESC, revenue_total DESC, first_date DESC, id")


def _result_sql(columns: str = _REPORT_COLUMNS) -> str:
    status = status_sql("days", "overdue_days", "tier")
    return _RESULT_SQL.format(interval=interval_sql("tier", "cadence_days"), columns=columns.format(status=status))


def _drop_temp(conn) -> None:
    for name in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


def _compute_temp(conn, params: dict, stored: bool = False) -> None:
    """Steps 1-3 above: the temporary tables _RESULT_SQL reads; sets params["scored"] (n).

    stored=True: the scores and ranks are those client_tiers holds (the caller has checked that
    they are up to date) when it holds one for every scored client, else computed.
    """
    _drop_temp(conn)
    for statement in _CREATE_SQL:
        conn.execute(statement)
    conn.execute(_FIGURES_SQL, params)
    params["scored"] = conn.execute("SELECT COUNT(*) FROM temp._loyalty WHERE fixed_tier IS NULL").fetchone()[0]
    if not (stored and _stored_scores(conn, params["scored"])):
        _score_temp(conn)


def _stored_scores(conn: sqlite3.Connection, scored: int) -> bool:
    """_ranked from the scores and ranks of client_tiers, if it has them for all `scored` clients."""
    found = conn.execute(
        "INSERT INTO temp._ranked (id, score, rank) SELECT ct.client_id, ct.score, ct.rank FROM temp._loyalty l "
        "JOIN client_tiers ct ON ct.client_id = l.id "
        "WHERE l.fixed_tier IS NULL AND ct.score IS NOT NULL AND ct.rank IS NOT NULL").rowcount
    if found == scored:
        return True
    conn.execute("DELETE FROM temp._ranked")
    return False


def _params(settings: practice.PracticeSettings, as_of: dt.date) -> dict:
    params = rule_params(settings, as_of)
    vip_bp = practice.share_basis_points(settings.vip_share)
    params.update({
        "as_of_jd": _julian_day(as_of),
        "year_start": (as_of - dt.timedelta(days=YEAR_DAYS - 1)).isoformat(),
        "vip_bp": vip_bp,
        "top_bp": vip_bp + practice.share_basis_points(settings.candidate_share),
    })
    return params


def _julian_day(day: dt.date) -> float:
    """julianday('YYYY-MM-DD') of SQLite: the Julian day number at noon minus 0.5."""
    return day.toordinal() + 1721424.5


_day_parser = dates.cached_parser  # each distinct date text parsed once


def _report(rows, as_of: dt.date, settings: practice.PracticeSettings) -> LoyaltyReport:
    day = _day_parser()
    clients = [
        ClientLoyalty(cid, name or "", kana or "", tier, status, score, rank, recency, f12, n, r12, rev, tenure,
                      years, day(first), day(last), days, interval, overdue, bool(dnc))
        for (cid, name, kana, tier, status, score, rank, recency, f12, n, r12, rev, tenure, years, first, last,
             days, interval, overdue, dnc) in rows
    ]
    return LoyaltyReport(as_of, clients, summarize(clients, as_of), settings)


def summarize(clients: list[ClientLoyalty], as_of: dt.date) -> LoyaltySummary:
    """Counts per tier and status, the vip share of revenue and the Pareto curve."""
    tiers = dict.fromkeys(TIERS, 0)
    statuses = dict.fromkeys(STATUSES, 0)
    scored_revenue: list[int] = []
    revenue_12m = vip_total = vip_12m = 0
    for c in clients:
        tiers[c.tier] += 1
        statuses[c.status] += 1
        if c.tier in RANKED_TIERS:
            scored_revenue.append(c.revenue_total)
            revenue_12m += c.revenue_12m
            if c.tier == "vip":
                vip_total += c.revenue_total
                vip_12m += c.revenue_12m
    revenue_total = sum(scored_revenue)
    return LoyaltySummary(
        as_of=as_of,
        clients=len(clients),
        scored=len(scored_revenue),
        tiers=tiers,
        statuses=statuses,
        revenue_total=revenue_total,
        revenue_12m=revenue_12m,
        vip_revenue_total=vip_total,
        vip_revenue_12m=vip_12m,
        vip_revenue_share=vip_total / revenue_total if revenue_total else 0.0,
        vip_revenue_share_12m=vip_12m / revenue_12m if revenue_12m else 0.0,
        pareto=pareto_curve(scored_revenue),
    )


def pareto_curve(revenues: list[int], points: int = PARETO_POINTS) -> list[tuple[float, float]]:
    """(share of clients, cumulative share of revenue), clients by revenue, highest first.

    One point per client up to `points` clients, else `points` evenly spaced steps; always
    starts at (0, 0) and ends at (1, 1) when there is revenue.
    """
    n = len(revenues)
    total = sum(revenues)
    if not n or total <= 0:
        return []
    ordered = sorted(revenues, reverse=True)
    cumulative = [0]
    for value in ordered:
        cumulative.append(cumulative[-1] + value)
    steps = sorted({round(i * n / points) for i in range(points + 1)}) if n > points else range(n + 1)
    return [(k / n, cumulative[k] / total) for k in steps]


def compute_loyalty(db: Database, as_of: dt.date | None = None,
                    settings: practice.PracticeSettings | None = None, *, use_stored: bool = False) -> LoyaltyReport:
    """Scores, tiers and status of every non-archived client as of a date.

    Writes nothing to the database (its temporary tables belong to the connection and are
    dropped before returning), so it also works on a read-only file. The figures are one
    consistent snapshot: the work runs in one read transaction (or in the caller's).

    use_stored=True: when the stored tiers are up to date (tiers_stale is False, checked in the
    same transaction), the scores and ranks are read from client_tiers instead of computed
    again: the same report, without ranking every client (and without importing numpy).
    """
    as_of = as_of or dates.today()
    settings = settings or practice.load(db)
    params = _params(settings, as_of)
    conn = db.conn
    own_transaction = not conn.in_transaction
    try:
        if own_transaction:
            conn.execute("BEGIN")
        try:
            _compute_temp(conn, params, stored=use_stored and not tiers_stale(db, as_of, settings))
            report = _report(_cursor(conn, f"{_result_sql()} {_ORDER_BY}", params), as_of, settings)
        finally:
            _drop_temp(conn)
            if own_transaction:
                conn.execute("COMMIT")
    except dbapi.Error as exc:
        raise translate_sqlite_error(exc, db.path) from exc
    return report


def _cursor(conn: sqlite3.Connection, sql: str, params: dict | tuple = ()) -> sqlite3.Cursor:
    """Rows as plain tuples, streamed (one dataclass per client is built as they come)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


def _fetch(conn: sqlite3.Connection, sql: str, params: dict | tuple = ()) -> list[tuple]:
    return _cursor(conn, sql, params).fetchall()


_SUMMARY_SQL = """
SELECT tier, status, COUNT(*), SUM(revenue_total), SUM(revenue_12m) FROM temp._loyalty_now GROUP BY tier, status
"""


def _summary_from_temp(conn: sqlite3.Connection, as_of: dt.date) -> LoyaltySummary:
    """The summary of the clients in _loyalty_now, aggregated in SQL (no per-client objects)."""
    tiers = dict.fromkeys(TIERS, 0)
    statuses = dict.fromkeys(STATUSES, 0)
    revenue_total = revenue_12m = vip_total = vip_12m = scored = 0
    for tier, status, count, revenue, revenue_year in _fetch(conn, _SUMMARY_SQL):
        tiers[tier] += count
        statuses[status] += count
        if tier in RANKED_TIERS:
            scored += count
            revenue_total += revenue
            revenue_12m += revenue_year
            if tier == "vip":
                vip_total += revenue
                vip_12m += revenue_year
    revenues = [r[0] for r in _fetch(conn, "SELECT revenue_total FROM temp._loyalty_now WHERE score IS NOT NULL")]
    return LoyaltySummary(
        as_of=as_of, clients=sum(tiers.values()), scored=scored, tiers=tiers, statuses=statuses,
        revenue_total=revenue_total, revenue_12m=revenue_12m, vip_revenue_total=vip_total, vip_revenue_12m=vip_12m,
        vip_revenue_share=vip_total / revenue_total if revenue_total else 0.0,
        vip_revenue_share_12m=vip_12m / revenue_12m if revenue_12m else 0.0,
        pareto=pareto_curve(revenues),
    )


# =========================================================================================
# Stored tiers
# =========================================================================================
# Per client, the latest recorded tier: (history id, date, from, to). The history of one
# client only grows forwards in time (a refresh never writes before its latest entry), so
# the latest by date is also the latest by id.
_LATEST_HISTORY_SQL = (
    "CREATE TEMP TABLE _tier_latest (client_id INTEGER PRIMARY KEY, new_tier TEXT, hid INTEGER, hdate TEXT, "
    "hfrom TEXT, hto TEXT)",
    """
    INSERT INTO temp._tier_latest
    SELECT n.id, n.tier, h.id, h.date, h.from_tier, h.to_tier
    FROM temp._loyalty_now n
    LEFT JOIN tier_history h ON h.id = (SELECT id FROM tier_history WHERE client_id = n.id
                                        ORDER BY date DESC, id DESC LIMIT 1)
    """,
    "CREATE INDEX temp._tier_latest_hid ON _tier_latest(hid)",
)


def refresh_tiers(db: Database, as_of: dt.date | None = None,
                  settings: practice.PracticeSettings | None = None, *, report: bool = True) -> TierRefresh:
    """Recompute every tier as of a date and store it, in one transaction.

    - client_tiers is brought up to date: one row per non-archived client (tier, score, rank;
      computed_on = the as-of date of the refresh that last changed them; rows that did not
      change are not written); archived clients leave it.
    - tier_history gets a row (client, as_of, from, to) for every client whose tier differs
      from its latest recorded one (from NULL for the first). A second refresh on the same
      day replaces that day's entry rather than adding another (and removes it when the
      client is back where it was), so history holds one net change per client and day.
      A refresh as of a date earlier than a client's latest entry records nothing for it:
      history only grows forwards in time.
    - tier_refresh notes as_of and a fingerprint of the data (see tiers_stale).

    report=True (the default) also returns the full per-client report (TierRefresh.report);
    report=False skips building one object per client (a background refresh needs only
    TierRefresh.summary) and is the fast path at 100,000 clients.
    """
    as_of = as_of or dates.today()
    settings = settings or practice.load(db)
    params = _params(settings, as_of)
    day = as_of.isoformat()
    with db.transaction() as conn:
        try:
            _compute_temp(conn, params)
            columns = _REPORT_COLUMNS if report else _STORE_COLUMNS
            conn.execute(f"CREATE TEMP TABLE _loyalty_now AS {_result_sql(columns)}", params)
            for statement in _LATEST_HISTORY_SQL:
                conn.execute(statement)
            # the same day: the day's entry follows the tier, or goes when the client is back where it was
            reverted = conn.execute(
                "DELETE FROM tier_history WHERE id IN (SELECT hid FROM temp._tier_latest WHERE hdate = :day "
                "AND hto IS NOT new_tier AND hfrom IS new_tier)", {"day": day}).rowcount
            updated = conn.execute(
                "UPDATE tier_history SET to_tier = (SELECT new_tier FROM temp._tier_latest WHERE hid = tier_history.id) "
                "WHERE id IN (SELECT hid FROM temp._tier_latest WHERE hdate = :day AND hto IS NOT new_tier)",
                {"day": day}).rowcount
            inserted = conn.execute(
                "INSERT INTO tier_history (client_id, date, from_tier, to_tier) "
                "SELECT client_id, :day, hto, new_tier FROM temp._tier_latest "
                "WHERE hid IS NULL OR (hdate < :day AND hto IS NOT new_tier) ORDER BY client_id",
                {"day": day}).rowcount
            # only the rows that differ are written (computed_on: the as-of date of the refresh that
            # last changed the row): a refresh after an edit, or on the next day, rewrites few rows
            conn.execute("DELETE FROM client_tiers WHERE client_id NOT IN (SELECT id FROM temp._loyalty_now)")
            conn.execute(
                "INSERT INTO client_tiers (client_id, tier, score, rank, computed_on) "
                "SELECT n.id, n.tier, n.score, n.rank, :day FROM temp._loyalty_now n "
                "LEFT JOIN client_tiers ct ON ct.client_id = n.id "
                "WHERE ct.client_id IS NULL OR ct.tier IS NOT n.tier OR ct.score IS NOT n.score "
                "OR ct.rank IS NOT n.rank "
                "ON CONFLICT(client_id) DO UPDATE SET tier = excluded.tier, score = excluded.score, "
                "rank = excluded.rank, computed_on = excluded.computed_on", {"day": day})
            stored = conn.execute("SELECT COUNT(*) FROM temp._loyalty_now").fetchone()[0]
            conn.execute(
                "INSERT INTO tier_refresh (id, as_of, fingerprint, refreshed_at) "
                "VALUES (1, :day, :fp, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')) "
                "ON CONFLICT(id) DO UPDATE SET as_of = excluded.as_of, fingerprint = excluded.fingerprint, "
                "refreshed_at = excluded.refreshed_at",
                {"day": day, "fp": _fingerprint(db, settings)})
            if report:
                full = _report(_cursor(conn, f"SELECT * FROM temp._loyalty_now {_ORDER_BY}"), as_of, settings)
                summary = full.summary
            else:
                full, summary = None, _summary_from_temp(conn, as_of)
        finally:
            _drop_temp(conn)
    return TierRefresh(full, changes=inserted + updated + reverted, stored=stored, summary=summary)


def _fingerprint(db: Database, settings: practice.PracticeSettings) -> str:
    """What the tiers are computed from, summed up cheaply: counts, newest ids and dates, fee total
    (the sessions' figures from the maintained session_stats, not from every session).

    Adding a client, session or touchpoint and changing the tier settings change it. Editing
    or deleting a session, touchpoint or client may not (a session moved to another day): the
    database's triggers then clear the stored fingerprint (schema 10), so that tiers_stale is
    True until the next refresh.
    """
    row = db.query_one(
        """
        SELECT (SELECT json_array(COUNT(*), TOTAL(sessions), TOTAL(revenue), TOTAL(active_years), MIN(first_date),
                                  MAX(last_date)) FROM session_stats),
               (SELECT MAX(id) FROM sessions),
               (SELECT COUNT(*) FROM touchpoints), (SELECT MAX(id) FROM touchpoints),
               (SELECT MAX(date) FROM touchpoints),
               (SELECT COUNT(*) FROM clients), (SELECT MAX(id) FROM clients),
               (SELECT COUNT(*) FROM clients WHERE archived = 1)
        """
    )
    rules = [settings.vip_share, settings.candidate_share, settings.new_client_days]
    return json.dumps([*tuple(row), rules], separators=(",", ":"))


def tiers_stale(db: Database, as_of: dt.date | None = None,
                settings: practice.PracticeSettings | None = None) -> bool:
    """True when the stored tiers are not those of `as_of` and of the data as it is now.

    False means that nothing the tiers are computed from changed since the last refresh: the
    stored tiers, scores and ranks are those a refresh would compute (and write nothing new).
    """
    as_of = as_of or dates.today()
    row = db.query_one("SELECT as_of, fingerprint FROM tier_refresh WHERE id = 1")
    if row is None or row["as_of"] != as_of.isoformat():
        return True
    return row["fingerprint"] != _fingerprint(db, settings or practice.load(db))


def tier_history(db: Database, client_id: int | None = None, since: dt.date | None = None) -> list[TierChange]:
    """Recorded tier changes, newest first: of one client, and/or on or after a date."""
    where, params = [], {}
    if client_id is not None:
        where.append("h.client_id = :client_id")
        params["client_id"] = client_id
    if since is not None:
        where.append("h.date >= :since")
        params["since"] = since.isoformat()
    sql = ("SELECT h.id, h.client_id, h.date, h.from_tier, h.to_tier, c.name FROM tier_history h "
           "JOIN clients c ON c.id = h.client_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY h.date DESC, h.id DESC")
    result = []
    for hid, cid, date, from_tier, to_tier, name in db.query(sql, params, plain=True):
        day = dates.from_db(date)
        if day is not None:
            result.append(TierChange(hid, cid, day, from_tier, to_tier, name or ""))
    return result


# =========================================================================================
# Words and plain data (the CLI's JSON)
# =========================================================================================
def client_dict(c: ClientLoyalty) -> dict:
    """One client as plain JSON-ready data (the `tiers --json` contract)."""
    return {
        "id": c.id,
        "name": c.name,
        "name_kana": c.name_kana,
        "tier": c.tier,
        "status": c.status,
        "score": c.score,
        "rank": c.rank,
        "recency_days": c.recency_days,
        "frequency_12m": c.frequency_12m,
        "sessions_total": c.sessions_total,
        "revenue_12m": c.revenue_12m,
        "revenue_total": c.revenue_total,
        "tenure_days": c.tenure_days,
        "active_years": c.active_years,
        "first_session": c.first_session.isoformat() if c.first_session else None,
        "last_contact": c.last_contact.isoformat() if c.last_contact else None,
        "days_since_contact": c.days_since_contact,
        "interval_days": c.interval_days,
        "overdue_days": c.overdue_days,
        "do_not_contact": c.do_not_contact,
    }


def summary_dict(report: LoyaltyReport) -> dict:
    """The summary as plain JSON-ready data: counts per tier both in "tiers" and at the top level."""
    s, cfg = report.summary, report.settings
    return {
        "as_of": s.as_of.isoformat(),
        "currency": cfg.currency,  # every amount below is in its minor units (loyaldesk.core.money)
        "clients": s.clients,
        "scored": s.scored,
        "tiers": dict(s.tiers),
        **s.tiers,
        "statuses": dict(s.statuses),
        "revenue_total": s.revenue_total,
        "revenue_12m": s.revenue_12m,
        "vip_revenue_total": s.vip_revenue_total,
        "vip_revenue_12m": s.vip_revenue_12m,
        "vip_revenue_share": s.vip_revenue_share,
        "vip_revenue_share_12m": s.vip_revenue_share_12m,
        "pareto": [[round(x, 4), round(y, 4)] for x, y in s.pareto],
        "settings": {
            "vip_share": cfg.vip_share,
            "candidate_share": cfg.candidate_share,
            "new_client_days": cfg.new_client_days,
            "dormant_days": cfg.dormant_days,
            "intervals": {tier: cfg.tier_interval(tier) for tier in TIERS},
        },
    }


def summary_line(summary: LoyaltySummary, lang: str | None = None) -> str:
    """One sentence: the count per tier and the vip share of revenue."""
    sep = "・" if (lang or current_language()) == "ja" else " · "
    tiers = sep.join(f"{tier_label(tier, lang)} {summary.tiers[tier]}" for tier in TIERS)
    return t("loyalty.summary_line", lang, as_of=summary.as_of.isoformat(), tiers=tiers,
             share=f"{summary.vip_revenue_share * 100:.1f} %", share_12m=f"{summary.vip_revenue_share_12m * 100:.1f} %",
             scored=summary.scored)

def tier_label(tier: str | None, lang: str | None = None) -> str:
    return t(f"tier.{tier}", lang) if tier in _TIER_ORDER else ""


def status_label(status: str, lang: str | None = None) -> str:
    return t(f"status.{status}", lang) if status in STATUSES else status


def overdue_reason(last_contact: dt.date | None, created_at: dt.date | None, days: int | None, cadence_days: int, lang: str | None = None) -> str:
    """Why a client is (or would be) overdue, citing the data."""
    if last_contact is not None:
        return t("overdue.reason", lang, last=last_contact.isoformat(), days=days, interval=cadence_days)
    return t(
        "overdue.reason_never",
        lang,
        last=created_at.isoformat() if created_at else "?",
        days=days if days is not None else "?",
        interval=cadence_days,
    )
