"""Benchmark of the full-text search (loyaldesk.core.search) at 100,000 clients / 1,000,000 sessions.

    .venv/bin/python benchmarks/bench_search.py [--clients N] [--sessions N] [--rebuild]

Builds benchmarks/data/search-<clients>.db (git-ignored, reused while its shape matches) without the
index, as a large practice upgraded from an earlier version is left; times search.build_index (the
one-time background build); then times searches through the index against a baseline measured in
the same run: the same query answered by scanning the texts with LIKE (what the search does without
the index), its rows compared with ours. Writes benchmarks/results-search.json. Timings are never
asserted: a missed target prints MISSED and the exit status stays 0 (1 when the rows differ).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LOYALDESK_HOME", str(HERE / "data" / "home"))

from loyaldesk.core import search  # noqa: E402
from loyaldesk.core.db import open_database  # noqa: E402

GENERATOR_VERSION = 2
SEED = 20261205
TARGET_MS = 100
RUNS = 5

SURNAMES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田")
GIVEN = ("太郎", "花子", "健一", "美咲", "大輔", "陽子", "翔", "由美", "誠", "恵")
EN_NAMES = ("James Miller", "Emma Clark", "Olivia Young", "Liam Wright", "Noah Green", "Ava Baker")
# topics and note sentences: a vocabulary wide enough that a word matches a realistic share of entries
JA_TOPICS = ("事業計画の見直し", "資金繰りの相談", "採用面接の準備", "補助金申請の書類", "価格改定の相談", "IT導入の検討",
             "相続税の試算", "事業承継の計画", "新規事業の立ち上げ", "セミナー企画", "販路開拓", "人事評価制度",
             "決算前の確認", "融資の準備", "ブランド戦略", "店舗移転の検討", "業務改善", "海外展開の相談",
             "後継者育成", "顧客満足度調査")
EN_TOPICS = ("Marketing plan", "Pricing review", "Annual review", "Hiring plan", "Brand positioning",
             "Cash flow check", "Estate planning", "Succession plan", "Product launch", "Sales coaching")
JA_SENTENCES = ("来月までに資料を準備していただく。", "長男への引き継ぎを検討中。", "銀行との面談は三月。",
                "前回の宿題は完了していた。", "奥様も同席された。", "売上は前年比で一割増。", "社員が二名退職予定。",
                "次回は現場を見学する。", "税理士と連携して進める。", "新店舗の候補地を三か所比較。",
                "補助金の締切に注意。", "体調を崩されていたが回復。", "お子さんの受験が終わった。",
                "価格表を作り直すことに。", "ウェブサイトのリニューアルを依頼された。", "取引先が倒産した影響を確認。")
EN_SENTENCES = ("Homework: draft the one-page plan.", "Wife joined the call.", "Revenue up 10% on last year.",
                "Two staff members leaving in spring.", "Next time: visit the workshop.",
                "Bank meeting set for March.", "Wants to retire in five years.", "Asked about our VIP seminar.")
QUERIES = [  # (label, query): rare, medium and common terms in Japanese and English, and a phone number
    ("ja rare (3 chars)", "遺留分"),
    ("ja medium (6 chars)", "取引先が倒産"),
    ("ja medium (4 chars)", "事業承継"),
    ("ja common (3 chars)", "の相談"),
    ("en medium", "estate planning"),
    ("en common", "review"),
    ("en rare", "prenuptial"),
    ("two terms", "引き継ぎ 検討中"),
    ("2 chars (by LIKE)", "長男"),
]


def db_path(clients: int) -> Path:
    return HERE / "data" / f"search-{clients}.db"


def build(path: Path, clients: int, sessions: int) -> dict:
    """The practice without its index (as an upgrade of a large file leaves it), rows written with executemany."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    db = open_database(path)
    with db.transaction() as conn:
        for table in search.FTS_TABLES:
            conn.execute(f"DROP TABLE {table}")
        for table, _, _ in search.SOURCES:
            for suffix in ("_ai", "_ad", "_au"):
                conn.execute(f"DROP TRIGGER {table}{suffix}")
        rows = []
        for cid in range(1, clients + 1):
            english = rng.random() < 0.25
            name = rng.choice(EN_NAMES) if english else rng.choice(SURNAMES) + " " + rng.choice(GIVEN)
            notes = rng.choice(EN_SENTENCES if english else JA_SENTENCES) if rng.random() < 0.3 else ""
            phone = f"0{rng.randint(3, 99)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
            rows.append((cid, name, phone, notes, "2020-01-01"))
        conn.executemany("INSERT INTO clients (id, name, phone, notes, created_at) VALUES (?, ?, ?, ?, ?)", rows)
        start = dt.date(2021, 1, 1).toordinal()
        batch = []
        for sid in range(1, sessions + 1):
            cid = rng.randint(1, clients)
            english = rng.random() < 0.25
            topic = rng.choice(EN_TOPICS if english else JA_TOPICS)
            pool = EN_SENTENCES if english else JA_SENTENCES
            notes = " ".join(rng.sample(pool, rng.randint(1, 3))) if rng.random() < 0.4 else ""
            if rng.random() < 0.0005:  # a rare subject: a few hundred sessions in a million
                notes += " 遺留分の放棄について説明した。" if not english else " Explained the prenuptial agreement."
            day = dt.date.fromordinal(start + rng.randint(0, 5 * 365)).isoformat()
            batch.append((sid, cid, day, "consultation", 60, 20000, topic, notes))
            if len(batch) == 50_000:
                conn.executemany("INSERT INTO sessions (id, client_id, date, kind, duration_minutes, fee, topic, notes) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
                batch = []
        if batch:
            conn.executemany("INSERT INTO sessions (id, client_id, date, kind, duration_minutes, fee, topic, notes) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
        tps = [(rng.randint(1, clients), dt.date.fromordinal(start + rng.randint(0, 5 * 365)).isoformat(), "call",
                rng.choice(JA_SENTENCES + EN_SENTENCES)) for _ in range(sessions // 2)]
        conn.executemany("INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, ?)", tps)
    db.close()
    meta = {"generator": GENERATOR_VERSION, "seed": SEED, "clients": clients, "sessions": sessions,
            "seconds": round(time.perf_counter() - t0, 1)}
    Path(str(path) + ".json").write_text(json.dumps(meta))
    return meta


def like_baseline(db, query: str, limit: int | None) -> list:
    """The same search without the index: what search.search does for a query of one or two characters."""
    terms = search.terms_of(query)
    rows = []
    for _, columns, source in search.SOURCES:
        rows.extend((source, r) for r in search._like_rows(db, columns, source, terms, limit))
    rows.sort(key=lambda x: x[1][3] or "", reverse=True)
    return rows if limit is None else rows[:limit]


def timed(fn, runs: int = RUNS) -> tuple[float, object]:
    times, result = [], None
    fn()  # warm-up
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--limit", type=int, default=200, help="results per search (the app's search window)")
    args = parser.parse_args(argv)
    path = db_path(args.clients)
    meta_file = Path(str(path) + ".json")
    want = {"generator": GENERATOR_VERSION, "seed": SEED, "clients": args.clients, "sessions": args.sessions}
    meta = json.loads(meta_file.read_text()) if meta_file.exists() and path.exists() else {}
    if args.rebuild or {k: meta.get(k) for k in want} != want:
        print(f"building {path.name}: {args.clients:,} clients, {args.sessions:,} sessions …", flush=True)
        meta = build(path, args.clients, args.sessions)
        print(f"  written in {meta['seconds']} s", flush=True)
    print(f"load average {os.getloadavg()}", flush=True)
    results: dict = {"clients": args.clients, "sessions": args.sessions, "touchpoints": args.sessions // 2,
                     "limit": args.limit, "load_before": os.getloadavg()}
    failed = False
    with open_database(path) as db:
        if search.index_ready(db):  # from an earlier run: drop it to time the build again
            with db.transaction() as conn:
                for table in search.FTS_TABLES:
                    conn.execute(f"DROP TABLE {table}")
                for table, _, _ in search.SOURCES:
                    for suffix in ("_ai", "_ad", "_au"):
                        conn.execute(f"DROP TRIGGER IF EXISTS {table}{suffix}")
        # baseline for the build: one LIKE scan of every text (what each search costs without the index)
        t0 = time.perf_counter()
        like_baseline(db, "取引先が倒産", None)
        scan = time.perf_counter() - t0
        t0 = time.perf_counter()
        search.build_index(db)
        build_s = time.perf_counter() - t0
        size_mb = path.stat().st_size / 1e6
        results["index_build_s"] = round(build_s, 1)
        results["one_like_scan_s"] = round(scan, 2)
        results["file_mb_with_index"] = round(size_mb, 1)
        print(f"index build: {build_s:.1f} s (one LIKE scan of every text: {scan:.2f} s; "
              f"build = {build_s / scan:.0f} scans); file with index {size_mb:.0f} MB", flush=True)
        rows = []
        print(f"{'query':<22} {'hits':>8} {'index ms':>9} {'LIKE ms':>9} {'ratio':>7}  target <{TARGET_MS} ms")
        for label, query in QUERIES:
            ours_s, ours = timed(lambda: search.search(db, query, limit=args.limit))
            base_s, base = timed(lambda: like_baseline(db, query, args.limit), runs=1)
            all_hits = len(search.search(db, query))
            same = ({(h.source, h.entry_id, h.client_id) for h in ours} == {(s, r[0], r[1]) for s, r in base}
                    or len(ours) == args.limit)  # with a limit, equal dates may cut differently
            if not same:
                failed = True
            mark = "ok" if ours_s * 1000 < TARGET_MS else "MISSED"
            print(f"{label:<22} {all_hits:>8,} {ours_s * 1000:>9.1f} {base_s * 1000:>9.0f} {ours_s / base_s:>7.3f}  "
                  f"{mark}{'' if same else '  ROWS DIFFER'}", flush=True)
            rows.append({"label": label, "query": query, "hits": all_hits, "index_ms": round(ours_s * 1000, 1),
                         "like_ms": round(base_s * 1000, 1), "ratio": round(ours_s / base_s, 4), "same_rows": same})
        stored = db.scalar("SELECT phone FROM clients WHERE id = 1")  # 0X-XXXX-XXXX
        area, mid, last = stored.split("-")
        international = f"+81 {area[1:]} {mid} {last}"
        phone_s, phone = timed(lambda: search.search(db, international, limit=args.limit))
        base_s, base = timed(lambda: db.query("SELECT id FROM clients WHERE phone LIKE ?", (f"%{stored}%",)), runs=1)
        same = {h.client_id for h in phone if h.source == "client"} >= {r[0] for r in base}
        failed |= not same
        print(f"{'phone ' + international:<22} {len(phone):>8,} {phone_s * 1000:>9.1f} {base_s * 1000:>9.0f} "
              f"{phone_s / base_s:>7.3f}  {'ok' if phone_s * 1000 < TARGET_MS else 'MISSED'}  (baseline: LIKE on the "
              f"phone as stored, {stored}){'' if same else '  ROWS DIFFER'}", flush=True)
        rows.append({"label": "phone number", "query": international, "hits": len(phone),
                     "index_ms": round(phone_s * 1000, 1), "like_ms": round(base_s * 1000, 1),
                     "ratio": round(phone_s / base_s, 4), "baseline": "LIKE on the phone as stored", "same_rows": same})
        # a part of a number, against the same search without client_phone_digits (the separators removed
        # from every phone at every search, as before schema 17)
        part = f"{mid}-{last}"
        digits = search.phone_digits(part)
        part_s, part_hits = timed(lambda: search.search(db, part, limit=args.limit))
        base_s, base = timed(lambda: search._phone_rows(db, digits, args.limit, digits_table=False), runs=3)
        same = {h.client_id for h in part_hits if h.source == "client" and h.entry_id is None} == {r[1] for r in base}
        failed |= not same
        print(f"{'phone ' + part:<22} {len(part_hits):>8,} {part_s * 1000:>9.1f} {base_s * 1000:>9.0f} "
              f"{part_s / base_s:>7.3f}  {'ok' if part_s * 1000 < TARGET_MS else 'MISSED'}  (baseline: separators "
              f"removed from every phone){'' if same else '  ROWS DIFFER'}", flush=True)
        rows.append({"label": "part of a phone number", "query": part, "hits": len(part_hits),
                     "index_ms": round(part_s * 1000, 1), "like_ms": round(base_s * 1000, 1),
                     "ratio": round(part_s / base_s, 4), "baseline": "separators removed from every phone",
                     "same_rows": same})
        results["queries"] = rows
    results["load_after"] = os.getloadavg()
    (HERE / "results-search.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
