"""Benchmark of the clients list: overdue list, table fill, start-up time and peak memory.

    .venv/bin/python benchmarks/bench_clients.py [--sizes small,large] [--rebuild] [--keep] [--clean]

Every figure is compared with a baseline measured in the same run on the same machine
(see benchmarks/README.md). Prints a table and writes benchmarks/results.json.
Exit status: 0 when the measurements ran (targets met or not), 1 when our rows and the
baseline rows differ or a child process failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA_DIR = HERE / "data"
RESULTS_FILE = HERE / "results.json"
sys.path.insert(0, str(ROOT))

# Qt must be told before the first PySide6 import; the app must not touch the user's folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GENERATOR_VERSION = 1  # bump when the data shape changes: existing databases are rebuilt
SEED = 20250630
AS_OF = dt.date(2025, 6, 30)  # the data covers the five years before this date
HISTORY_DAYS = 1826

SIZES = {
    "small": {"clients": 10_000, "sessions": 200_000, "touchpoints": 100_000},
    "large": {"clients": 100_000, "sessions": 1_000_000, "touchpoints": 500_000},
}

RUNS = 5  # timed runs (median reported) after WARMUP untimed ones
WARMUP = 1
STARTUP_RUNS = 3

RATIO_TARGET = 1.5
FILL_ABS_TARGET_S = 0.5  # at 10,000 clients
STARTUP_TARGET_S = 1.5
RSS_TARGET_MB = 400


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# =========================================================================================
# 1. Databases
# =========================================================================================
# The name pools of the sample practice, so both look alike.
from loyaldesk.core.demo import _EN_FIRST, _EN_LAST, _JA_FAMILY, _JA_GIVEN  # noqa: E402

_JA_COMPANIES = ("株式会社さくら商事", "山田税理士事務所", "合同会社ミライ", "株式会社青葉工務店", "有限会社松本屋",
                 "株式会社ひかりデザイン", "")
_EN_COMPANIES = ("Carter & Co.", "Blue Harbor LLC", "Northwind Inc.", "Maple Consulting", "")
_DOMAINS = ("example.com", "example.jp", "mail.example.net")
_CLIENT_NOTES = ("メール希望", "平日午前が都合よい", "紹介で来店", "Prefers email", "Vegetarian", "Loves hiking")
_KINDS = ("consultation", "workshop", "follow-up", "review", "coaching")
_TOPICS = ("事業計画", "資金繰り", "採用", "Marketing plan", "Pricing", "Annual review", "IT導入", "補助金申請")
_SESSION_NOTES = ("宿題: 月次の数字を確認", "次回は決算前に", "Send the slides", "Follow up in a month")
_CHANNELS = ("letter", "email", "call", "meeting", "sns", "event", "gift", "card", "other")
_CHANNEL_WEIGHTS = (6, 40, 12, 8, 10, 8, 3, 10, 3)
_TP_NOTES = ("お礼状", "年賀状", "近況伺いのメール", "Thank-you note", "Newsletter", "Seasonal card", "")
_SEGMENT_TAGS = ("経営者", "士業", "スタートアップ", "ニュースレター", "VIP", "Referral partner", "Seminar alumni")
_FEES = (0, 5_000, 8_000, 10_000, 15_000, 20_000, 30_000, 50_000, 100_000)
_FEE_WEIGHTS = (4, 10, 10, 25, 20, 15, 10, 5, 1)
_CADENCES = (30, 45, 60, 90, 120, 180, 365)


def db_path(size: str) -> Path:
    return DATA_DIR / f"bench-{size}.db"


def _meta_path(size: str) -> Path:
    return DATA_DIR / f"bench-{size}.json"


def _database_ok(size: str) -> bool:
    """Reuse an existing database only if it was written by this generator and has the right size."""
    path, meta = db_path(size), _meta_path(size)
    if not path.exists() or not meta.exists():
        return False
    try:
        info = json.loads(meta.read_text())
        if info.get("generator") != GENERATOR_VERSION or info.get("seed") != SEED or info.get("as_of") != AS_OF.isoformat():
            return False
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in ("clients", "sessions", "touchpoints")}
        finally:
            conn.close()
    except (OSError, ValueError, sqlite3.Error):
        return False
    return counts == SIZES[size]


def _spread(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Split `total` items over len(weights) owners, proportionally to the weights (exact total)."""
    owners = range(len(weights))
    counts = [0] * len(weights)
    for owner in rng.choices(owners, weights=weights, k=total):
        counts[owner] += 1
    return counts


def build_database(size: str) -> dict:
    """Write a fresh database of the given size; return what was built and how long it took."""
    from loyaldesk.core.db import open_database

    spec = SIZES[size]
    n_clients, n_sessions, n_touchpoints = spec["clients"], spec["sessions"], spec["touchpoints"]
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    final = db_path(size)
    tmp = final.with_suffix(".building.db")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), final, Path(f"{final}-wal"), Path(f"{final}-shm"),
              _meta_path(size)):
        p.unlink(missing_ok=True)

    t0 = time.perf_counter()
    rng = random.Random(f"{SEED}-{size}")
    rnd = rng.random
    origin = AS_OF - dt.timedelta(days=HISTORY_DAYS)
    last = HISTORY_DAYS  # day index of AS_OF
    # ISO strings for every day index, including 90 days of future (booked) sessions
    iso = [(origin + dt.timedelta(days=i)).isoformat() for i in range(HISTORY_DAYS + 91)]

    # --- clients ------------------------------------------------------------------------
    # created day index: the practice grew, so more clients were added lately
    created = sorted(int(last * (rnd() ** 0.7)) for _ in range(n_clients))
    client_rows = []
    active_end = []  # last day index of the client's activity
    for i in range(n_clients):
        cid = i + 1
        if rnd() < 0.75:
            fam, giv = rng.choice(_JA_FAMILY), rng.choice(_JA_GIVEN)
            name, kana = f"{fam[0]} {giv[0]}", f"{fam[1]} {giv[1]}"
            local = f"{giv[2]}.{fam[2]}"
            company, honorific = rng.choice(_JA_COMPANIES), "様"
        else:
            first, last_name = rng.choice(_EN_FIRST), rng.choice(_EN_LAST)
            name, kana = f"{first[0]} {last_name[0]}", f"{first[1]} {last_name[1]}"
            local = f"{first[0]}.{last_name[0]}".lower()
            company, honorific = rng.choice(_EN_COMPANIES), ""
        email = f"{local}{cid}@{rng.choice(_DOMAINS)}" if rnd() < 0.85 else ""
        phone = f"090-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}" if rnd() < 0.7 else ""
        notes = rng.choice(_CLIENT_NOTES) if rnd() < 0.15 else ""
        cadence = rng.choice(_CADENCES) if rnd() < 0.25 else None
        dnc = 1 if rnd() < 0.03 else 0
        archived = 1 if rnd() < 0.08 else 0
        referred_by = rng.randrange(1, cid) if cid > 1 and rnd() < 0.1 else None
        c = created[i]
        created_at = f"{iso[c]}T{rng.randrange(9, 19):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
        client_rows.append((cid, name, kana, honorific, company, email, phone, referred_by, cadence, notes,
                            dnc, archived, created_at))
        # 60 % still active today; the others stopped somewhere between creation and today
        active_end.append(last if rnd() < 0.6 else c + int((last - c) * rnd()))

    # --- sessions: ~12 % of clients have none; a loyal few have many (heavy tail) ----------
    s_weights = [0.0 if rnd() < 0.12 else rng.paretovariate(1.6) for _ in range(n_clients)]
    s_counts = _spread(rng, n_sessions, s_weights)
    t_weights = [0.0 if rnd() < 0.15 else rng.paretovariate(2.0) for _ in range(n_clients)]
    t_counts = _spread(rng, n_touchpoints, t_weights)
    booked = [rnd() < 0.02 for _ in range(n_clients)]  # a session booked after the as-of date

    def session_rows():
        randrange = rng.randrange
        for i in range(n_clients):
            n = s_counts[i]
            if not n:
                continue
            cid = i + 1
            start, end = created[i], active_end[i]
            span = end - start + 1
            days = sorted(start + int(rnd() * span) for _ in range(n))
            if booked[i] and end == last:
                days[-1] = last + 1 + randrange(90)
            fees = rng.choices(_FEES, weights=_FEE_WEIGHTS, k=n)
            for d, fee in zip(days, fees):
                yield (cid, iso[d], _KINDS[int(rnd() * 5)], (30, 60, 90, 120)[int(rnd() * 4)], fee,
                       _TOPICS[int(rnd() * 8)], _SESSION_NOTES[int(rnd() * 4)] if rnd() < 0.2 else "")

    def touchpoint_rows():
        for i in range(n_clients):
            n = t_counts[i]
            if not n:
                continue
            cid = i + 1
            start = created[i]
            end = min(last, active_end[i] + 120)  # contact continues a little after the sessions stop
            span = end - start + 1
            channels = rng.choices(_CHANNELS, weights=_CHANNEL_WEIGHTS, k=n)
            for ch in channels:
                yield (cid, iso[start + int(rnd() * span)], ch, _TP_NOTES[int(rnd() * 7)])

    db = open_database(tmp)  # the real schema, indexes and pragmas
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB: keeps the random-order date indexes in memory
    with db.transaction():
        conn.executemany(
            "INSERT INTO clients (id, name, name_kana, honorific, company, email, phone, referred_by, cadence_days, "
            "notes, do_not_contact, archived, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            client_rows,
        )
        conn.executemany(
            "INSERT INTO sessions (client_id, date, kind, duration_minutes, fee, topic, notes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            session_rows(),
        )
        conn.executemany("INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, ?)",
                         touchpoint_rows())
        conn.executemany("INSERT INTO tags (name, category) VALUES (?, 'segment')", [(n,) for n in _SEGMENT_TAGS])
        tag_ids = [r[0] for r in conn.execute("SELECT id FROM tags WHERE category = 'segment'")]
        role_ids = [r[0] for r in conn.execute("SELECT id FROM tags WHERE category = 'role'")]
        tag_rows = []
        for i in range(n_clients):
            r = rnd()
            if r < 0.4:  # 40 % of clients carry one to three segment tags
                for tag in rng.sample(tag_ids, 1 + int(rnd() * 3)):
                    tag_rows.append((i + 1, tag, iso[created[i]]))
            if s_counts[i] > 40 and rnd() < 0.1:  # a few loyal clients have a community role
                tag_rows.append((i + 1, rng.choice(role_ids), iso[created[i]]))
        conn.executemany("INSERT INTO client_tags (client_id, tag_id, since) VALUES (?, ?, ?)", tag_rows)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    os.replace(tmp, final)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    seconds = time.perf_counter() - t0
    info = {"generator": GENERATOR_VERSION, "seed": SEED, "as_of": AS_OF.isoformat(), **spec,
            "client_tags": len(tag_rows), "build_seconds": round(seconds, 2)}
    _meta_path(size).write_text(json.dumps(info, indent=1))
    return info


def ensure_database(size: str, rebuild: bool) -> dict:
    if not rebuild and _database_ok(size):
        info = json.loads(_meta_path(size).read_text())
        log(f"{size}: reusing {db_path(size).relative_to(ROOT)}")
        return {**info, "reused": True}
    spec = SIZES[size]
    log(f"{size}: building {spec['clients']:,} clients / {spec['sessions']:,} sessions / "
        f"{spec['touchpoints']:,} touchpoints ...")
    info = build_database(size)
    mb = db_path(size).stat().st_size / 1e6
    log(f"{size}: built in {info['build_seconds']:.1f} s ({mb:.0f} MB)")
    return {**info, "reused": False}


# =========================================================================================
# 2-3. Baselines: one hand-written SQL query, everything computed in SQL
# =========================================================================================
_BASELINE_CTE = """
WITH s AS (
    SELECT client_id, COUNT(*) AS n, SUM(fee) AS revenue, MIN(date) AS first_date, MAX(date) AS last_date
    FROM sessions WHERE date <= :as_of GROUP BY client_id
), tp AS (
    SELECT client_id, MAX(date) AS last_date FROM touchpoints WHERE date <= :as_of GROUP BY client_id
), base AS (
    SELECT c.id, c.name, c.name_kana, c.company, c.email, c.phone, c.notes, c.created_at,
           COALESCE(c.do_not_contact, 0) AS dnc, COALESCE(c.archived, 0) AS archived, c.cadence_days,
           COALESCE(s.n, 0) AS n, COALESCE(s.revenue, 0) AS revenue, s.first_date,
           CASE WHEN tp.last_date IS NULL OR s.last_date >= tp.last_date THEN s.last_date
                ELSE tp.last_date END AS last_contact,
           -- the tier (docs/loyalty.md): prospect and new from the data, the ranked ones as last stored
           CASE WHEN s.first_date IS NULL THEN 'prospect'
                WHEN julianday(:as_of) - julianday(s.first_date) < :new_days THEN 'new'
                WHEN ct.tier IN ('vip', 'candidate', 'regular') THEN ct.tier END AS tier
    FROM clients c
    LEFT JOIN s ON s.client_id = c.id
    LEFT JOIN tp ON tp.client_id = c.id
    LEFT JOIN client_tiers ct ON ct.client_id = c.id
    WHERE COALESCE(c.archived, 0) = 0
), calc AS (
    SELECT base.*,
           COALESCE(cadence_days, CASE tier WHEN 'vip' THEN :iv_vip WHEN 'candidate' THEN :iv_candidate
                                            WHEN 'regular' THEN :iv_regular WHEN 'new' THEN :iv_new
                                            ELSE :default_cadence END) AS interval,
           MAX(0, CAST(julianday(:as_of) - julianday(substr(COALESCE(last_contact, created_at), 1, 10)) AS INTEGER))
               AS days
    FROM base
)
"""

BASELINE_OVERDUE_SQL = _BASELINE_CTE + """
SELECT id, name, last_contact, days, interval, days - interval AS overdue_days, n, revenue, tier,
       CASE WHEN days > :dormant_days THEN 'dormant' WHEN tier IN ('vip', 'candidate') THEN 'at_risk'
            ELSE 'overdue' END AS status
FROM calc
WHERE dnc = 0 AND days > interval
"""

BASELINE_TABLE_SQL = _BASELINE_CTE + """
, tg AS (
    SELECT ct.client_id, group_concat(t.name, ', ') AS tags,
           group_concat(CASE WHEN t.category = 'role' THEN t.name END, ', ') AS roles
    FROM client_tags ct JOIN tags t ON t.id = ct.tag_id GROUP BY ct.client_id
)
SELECT calc.id, name, name_kana, company, email, phone, notes, tg.tags, tg.roles, last_contact, days, interval,
       CASE WHEN dnc = 0 AND days > interval THEN days - interval ELSE 0 END AS overdue_days,
       n, revenue, first_date, substr(created_at, 1, 10) AS created, dnc, archived, tier,
       CASE WHEN days > :dormant_days THEN 'dormant'
            WHEN dnc = 1 OR days <= interval THEN 'active'
            WHEN tier IN ('vip', 'candidate') THEN 'at_risk' ELSE 'overdue' END AS status
FROM calc LEFT JOIN tg ON tg.client_id = calc.id
"""


def _median_pair(ours, baseline, runs: int = RUNS, warmup: int = WARMUP) -> tuple[float, float, list, list, list]:
    """Alternate ours and baseline; drop the warm-up runs; return both medians, the raw times and the last results.

    The previous result of each side is released before its timer starts, so freeing it is not timed.
    """
    t_ours, t_base = [], []
    last = [None, None]
    for i in range(warmup + runs):
        for side, (fn, store) in enumerate(((ours, t_ours), (baseline, t_base))):
            last[side] = None
            gc.collect()
            t0 = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - t0
            last[side] = result
            del result
            if i >= warmup:
                store.append(elapsed)
    return statistics.median(t_ours), statistics.median(t_base), t_ours, t_base, last


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _compare(label: str, ours: dict, base: dict) -> bool:
    """Same ids, and the same figures for every id; prints the differences loudly."""
    if set(ours) != set(base):
        only_ours = sorted(set(ours) - set(base))
        only_base = sorted(set(base) - set(ours))
        print(f"\n!!! MISMATCH in {label}: {len(ours):,} ids from list_rows, {len(base):,} from the baseline SQL", flush=True)
        print(f"!!!   only in ours ({len(only_ours)}): {only_ours[:20]}", flush=True)
        print(f"!!!   only in the baseline ({len(only_base)}): {only_base[:20]}", flush=True)
        return False
    diff = [cid for cid in ours if ours[cid] != base[cid]]
    if diff:
        print(f"\n!!! MISMATCH in {label}: {len(diff):,} rows with different figures, e.g.", flush=True)
        for cid in diff[:5]:
            print(f"!!!   id {cid}: ours {ours[cid]} != baseline {base[cid]}", flush=True)
        return False
    return True


def bench_queries(size: str, app) -> tuple[list[dict], bool]:
    from loyaldesk.core import practice
    from loyaldesk.core.clients import ClientRepository
    from loyaldesk.core.db import open_database
    from loyaldesk.ui.clients.model import ClientsTableModel

    path = db_path(size)
    db = open_database(path, create=False)
    repo = ClientRepository(db)
    cfg = practice.load(db)
    base_conn = sqlite3.connect(path)  # plain tuples, no row factory: the simplest possible fetch
    params = {"as_of": AS_OF.isoformat(), "default_cadence": cfg.default_cadence_days,
              "new_days": cfg.new_client_days, "iv_vip": cfg.tier_interval_vip,
              "iv_candidate": cfg.tier_interval_candidate, "iv_regular": cfg.tier_interval_regular,
              "iv_new": cfg.tier_interval_new, "dormant_days": cfg.dormant_days}
    ok = True
    results = []

    # --- overdue list -----------------------------------------------------------------
    log(f"{size}: overdue list ({WARMUP} warm-up + {RUNS} runs each) ...")

    def ours_overdue():
        return ClientRepository(db).list_rows(AS_OF, overdue_only=True)

    def base_overdue():
        return base_conn.execute(BASELINE_OVERDUE_SQL, params).fetchall()

    m_ours, m_base, raw_ours, raw_base, (ours_rows, base_rows) = _median_pair(ours_overdue, base_overdue)
    ours_map = {r.id: (r.name, _iso(r.last_contact), r.days_since_contact, r.cadence_days, r.overdue_days,
                       r.sessions, r.revenue, r.tier, r.status) for r in ours_rows}
    base_map = {r[0]: tuple(r[1:]) for r in base_rows}
    ok &= _compare(f"overdue list ({size})", ours_map, base_map)
    n_active = int(db.scalar("SELECT COUNT(*) FROM clients WHERE COALESCE(archived, 0) = 0"))
    results.append({
        "name": "overdue list", "size": size, "rows": len(ours_rows), "ours_s": m_ours, "baseline_s": m_base,
        "ratio": m_ours / m_base, "target": f"ratio <= {RATIO_TARGET}", "pass": m_ours / m_base <= RATIO_TARGET,
        "runs_ours_s": raw_ours, "runs_baseline_s": raw_base,
    })
    log(f"{size}: overdue list: {len(ours_rows):,} of {n_active:,} active clients; "
        f"ours {m_ours * 1000:.0f} ms, baseline {m_base * 1000:.0f} ms")
    del ours_rows, base_rows

    # --- clients table fill -----------------------------------------------------------
    log(f"{size}: clients table fill ({WARMUP} warm-up + {RUNS} runs each) ...")
    model = ClientsTableModel()

    def ours_fill():
        # like ClientsScreen.reload(): the model drops the previous rows inside set_rows (timed, as in the app)
        rows = ClientRepository(db).list_rows(AS_OF)
        model.set_rows(rows)
        return rows

    def base_fill():
        return base_conn.execute(BASELINE_TABLE_SQL, params).fetchall()

    m_ours, m_base, raw_ours, raw_base, (ours_rows, base_rows) = _median_pair(ours_fill, base_fill)
    if model.rowCount() != len(ours_rows):
        print(f"\n!!! the model shows {model.rowCount():,} rows, list_rows returned {len(ours_rows):,}")
        ok = False
    ours_map = {r.id: (_iso(r.last_contact), r.days_since_contact, r.cadence_days, r.overdue_days, r.sessions,
                       r.revenue, _iso(r.first_session), _iso(r.created_at), int(r.do_not_contact), r.tier, r.status)
                for r in ours_rows}
    base_map = {r[0]: (r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[16], r[17], r[19], r[20]) for r in base_rows}
    ok &= _compare(f"clients table ({size})", ours_map, base_map)
    ratio = m_ours / m_base
    results.append({
        "name": "table fill", "size": size, "rows": len(ours_rows), "ours_s": m_ours, "baseline_s": m_base,
        "ratio": ratio, "target": f"ratio <= {RATIO_TARGET}", "pass": ratio <= RATIO_TARGET,
        "runs_ours_s": raw_ours, "runs_baseline_s": raw_base,
    })
    if SIZES[size]["clients"] <= 10_000:
        results.append({
            "name": "table fill (absolute)", "size": size, "rows": len(ours_rows), "ours_s": m_ours,
            "baseline_s": None, "ratio": None, "target": f"< {FILL_ABS_TARGET_S} s at 10,000 clients",
            "pass": m_ours < FILL_ABS_TARGET_S,
        })
    log(f"{size}: table fill: {len(ours_rows):,} rows; ours {m_ours * 1000:.0f} ms, "
        f"baseline {m_base * 1000:.0f} ms")
    del ours_rows, base_rows
    model.set_rows([])
    model.deleteLater()
    app.processEvents()
    base_conn.close()
    db.close()
    return results, ok


# =========================================================================================
# 4-5. Start-up and memory: fresh child processes
# =========================================================================================
_BARE_QT = "import PySide6.QtWidgets as w; a=w.QApplication([]); m=w.QMainWindow(); m.show()"

_VMHWM = """
def _vmhwm_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
"""

_CHILD_GUI_RSS = _VMHWM + """
import sys
from loyaldesk.cli import main
code = main(['gui', '--db', sys.argv[1], '--exit-when-shown'])
print('VMHWM_KB', _vmhwm_kb(), 'EXIT', code, flush=True)
"""

_CHILD_BARE_RSS = _VMHWM + """
import PySide6.QtWidgets as w
a = w.QApplication([])
m = w.QMainWindow()
m.show()
a.processEvents()
print('VMHWM_KB', _vmhwm_kb(), 'EXIT', 0, flush=True)
"""


class ChildFailed(Exception):
    pass


def _child_env(home: Path, lang: str) -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LOYALDESK_HOME"] = str(home)
    env["LOYALDESK_LANG"] = lang
    env.pop("LOYALDESK_DB", None)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _run_child(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise ChildFailed(f"{cmd!r} exited {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}")
    return elapsed, proc


def _fresh_home(tmp_root: Path, label: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"{label}-", dir=tmp_root))


_SINCE_START = """
import os
def _since_process_start():
    # seconds since this process started (Linux: /proc), so interpreter start-up counts too
    ticks = os.sysconf('SC_CLK_TCK')
    with open('/proc/self/stat') as f:
        start = int(f.read().rsplit(')', 1)[1].split()[19]) / ticks
    with open('/proc/uptime') as f:
        return float(f.read().split()[0]) - start
"""

# The app, timed from process start to the main window shown (the target), then left.
_CHILD_GUI_SHOWN = _SINCE_START + """
import sys
import loyaldesk.ui.main_window as mw
_show = mw.MainWindow.show
def _timed_show(self):
    _show(self)
    print('SHOWN_S', _since_process_start(), flush=True)
mw.MainWindow.show = _timed_show
from loyaldesk.cli import main
sys.exit(main(['gui', '--db', sys.argv[1], '--exit-when-shown']))
"""

_CHILD_BARE_SHOWN = _SINCE_START + """
import PySide6.QtWidgets as w
a = w.QApplication([])
m = w.QMainWindow()
m.show()
print('SHOWN_S', _since_process_start(), flush=True)
"""


def _shown_from(proc: subprocess.CompletedProcess) -> float:
    for line in proc.stdout.splitlines():
        if line.startswith("SHOWN_S"):
            return float(line.split()[1])
    raise ChildFailed(f"no SHOWN_S line in the child's output\n{proc.stdout}\n{proc.stderr}")


def bench_startup(size: str, tmp_root: Path, lang: str, with_target: bool = True) -> dict:
    """Start to main window shown (the target), median of STARTUP_RUNS after one untimed warm-up.

    Measured inside each child from its own process start (/proc), so interpreter start-up
    counts; the whole process (until it has quit, background work stopped) is kept as context.
    """
    log(f"start-up on {size} (1 warm-up + {STARTUP_RUNS} runs each) ...")
    gui_cmd = [sys.executable, "-c", _CHILD_GUI_SHOWN, str(db_path(size))]
    bare_cmd = [sys.executable, "-c", _CHILD_BARE_SHOWN]
    t_ours, t_base, t_whole = [], [], []
    for i in range(1 + STARTUP_RUNS):
        # a fresh LOYALDESK_HOME each time: no saved window layout, like a first start
        elapsed, proc = _run_child(gui_cmd, _child_env(_fresh_home(tmp_root, "startup"), lang))
        if i:
            t_ours.append(_shown_from(proc))
            t_whole.append(elapsed)
        elapsed, proc = _run_child(bare_cmd, _child_env(_fresh_home(tmp_root, "bare"), lang))
        if i:
            t_base.append(_shown_from(proc))
    m_ours, m_base = statistics.median(t_ours), statistics.median(t_base)
    m_whole = statistics.median(t_whole)
    log(f"start-up: ours {m_ours:.2f} s to the window shown ({m_whole:.2f} s whole process), "
        f"bare Qt window {m_base:.2f} s")
    return {"name": "start-up to window shown", "size": size, "rows": SIZES[size]["clients"],
            "ours_s": m_ours, "baseline_s": m_base, "ratio": m_ours / m_base,
            "target": f"< {STARTUP_TARGET_S} s" if with_target else "(context only)",
            "pass": m_ours < STARTUP_TARGET_S if with_target else True,
            "whole_process_s": m_whole,
            "runs_ours_s": t_ours, "runs_baseline_s": t_base, "runs_whole_process_s": t_whole}


def _vmhwm_from(proc: subprocess.CompletedProcess) -> int:
    for line in proc.stdout.splitlines():
        if line.startswith("VMHWM_KB"):
            parts = line.split()
            if parts[3] != "0":
                raise ChildFailed(f"gui exited {parts[3]}\n{proc.stdout}\n{proc.stderr}")
            return int(parts[1])
    raise ChildFailed(f"no VmHWM line in the child's output\n{proc.stdout}\n{proc.stderr}")


def bench_memory(size: str, tmp_root: Path, lang: str) -> dict:
    log(f"peak memory on {size} (one fresh child each) ...")
    _, proc = _run_child([sys.executable, "-c", _CHILD_GUI_RSS, str(db_path(size))],
                         _child_env(_fresh_home(tmp_root, "rss"), lang))
    ours_mb = _vmhwm_from(proc) / 1024
    _, proc = _run_child([sys.executable, "-c", _CHILD_BARE_RSS], _child_env(_fresh_home(tmp_root, "rss-bare"), lang))
    base_mb = _vmhwm_from(proc) / 1024
    log(f"peak RSS: ours {ours_mb:.0f} MB, bare Qt window {base_mb:.0f} MB")
    return {"name": "peak RSS (VmHWM), MB", "size": size, "rows": SIZES[size]["clients"], "ours_mb": ours_mb,
            "baseline_mb": base_mb, "ratio": ours_mb / base_mb, "target": f"< {RSS_TARGET_MB} MB",
            "pass": ours_mb < RSS_TARGET_MB}


# =========================================================================================
# Report
# =========================================================================================
def _fmt_value(result: dict, key: str) -> str:
    if key == "ours":
        value = result.get("ours_s", result.get("ours_mb"))
    else:
        value = result.get("baseline_s", result.get("baseline_mb"))
    if value is None:
        return "-"
    if "ours_mb" in result:
        return f"{value:,.0f} MB"
    return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"


def print_table(results: list[dict]) -> None:
    headers = ("Measurement", "Size", "Rows", "Ours", "Baseline", "Ratio", "Target", "Result")
    table = [
        (r["name"], r["size"], f"{r['rows']:,}", _fmt_value(r, "ours"), _fmt_value(r, "baseline"),
         "-" if r.get("ratio") is None else f"{r['ratio']:.2f}x", r["target"],
         "-" if r["target"].startswith("(") else "ok" if r["pass"] else "MISSED")
        for r in results
    ]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    right = {2, 3, 4, 5}

    def line(cells):
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells))

    print()
    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print(line(row))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,large", help="comma-separated: small, large (default both)")
    parser.add_argument("--rebuild", action="store_true", help="regenerate the databases even if they exist")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary LOYALDESK_HOME folders of the child processes (logs, settings)")
    parser.add_argument("--clean", action="store_true", help="delete the generated databases at the end")
    parser.add_argument("--lang", default="en", choices=("en", "ja"), help="user-interface language (default en)")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown or not sizes:
        parser.error(f"unknown size(s) {unknown}; choose from {', '.join(SIZES)}")
    sizes = sorted(set(sizes), key=lambda s: SIZES[s]["clients"])

    started = time.perf_counter()
    load_before = os.getloadavg()
    tmp_root = Path(tempfile.mkdtemp(prefix="loyaldesk-bench-"))
    os.environ["LOYALDESK_HOME"] = str(tmp_root / "in-process")
    os.environ["LOYALDESK_LANG"] = args.lang
    os.environ.pop("LOYALDESK_DB", None)
    from loyaldesk.core.i18n import set_language

    set_language(args.lang)

    databases = {size: ensure_database(size, args.rebuild) for size in sizes}

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    results: list[dict] = []
    ok = True
    try:
        for size in sizes:
            size_results, size_ok = bench_queries(size, app)
            results.extend(size_results)
            ok &= size_ok
        results.append(bench_startup(sizes[0], tmp_root, args.lang))
        if len(sizes) > 1:  # context: the same start-up on the largest database (no target)
            results.append(bench_startup(sizes[-1], tmp_root, args.lang, with_target=False))
        results.append(bench_memory(sizes[-1], tmp_root, args.lang))
    except ChildFailed as exc:
        print(f"\n!!! a child process failed: {exc}", flush=True)
        ok = False
    finally:
        if args.keep:
            log(f"kept the child processes' LOYALDESK_HOME folders under {tmp_root}")
        else:
            shutil.rmtree(tmp_root, ignore_errors=True)

    total = time.perf_counter() - started
    print_table(results)
    print(f"load average before / after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs (other work on the machine skews the figures)")
    payload = {
        "generated_at": dt.datetime.now().isoformat(timespec="seconds"),
        "total_seconds": round(total, 1),
        "as_of": AS_OF.isoformat(),
        "lang": args.lang,
        "runs": {"queries": f"median of {RUNS} after {WARMUP} warm-up", "startup": f"median of {STARTUP_RUNS} after 1 warm-up"},
        "machine": {
            "platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "pyside6": _pyside_version(),
            # other work on the machine skews the figures: check these before trusting a run
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        },
        "databases": databases,
        "results": results,
        "all_rows_match": ok,
    }
    try:  # keep the sections other benchmarks wrote (e.g. "tiers" from bench_tiers.py)
        previous = json.loads(RESULTS_FILE.read_text())
        payload = {**{k: v for k, v in previous.items() if k not in payload}, **payload}
    except (OSError, ValueError, AttributeError):
        pass
    RESULTS_FILE.write_text(json.dumps(payload, indent=1, ensure_ascii=False))
    log(f"wrote {RESULTS_FILE.relative_to(ROOT)}; total {total:.0f} s")
    if args.clean:
        for size in sizes:
            for p in (db_path(size), _meta_path(size)):
                p.unlink(missing_ok=True)
        log("deleted the generated databases (--clean)")
    if not ok:
        print("!!! FAILED: see the mismatch / failure above", flush=True)
        return 1
    return 0


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


if __name__ == "__main__":
    sys.exit(main())
