"""Peak memory of importing a large CSV or vCard file (target: under 500 MB for a 200 MB CSV).

Each side runs as a process of its own, measured by its peak resident set (getrusage of the child):
  ours      `loyaldesk import FILE` into an empty practice (every row a new client: the most work)
  baseline  a python process reading the same file with the csv module (rows counted, nothing kept)
Figures as ratios to the baseline, measured in the same run.

    .venv/bin/python benchmarks/bench_import_memory.py [--mb 200] [--vcard-mb 50] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loyaldesk.core.demo import _JA_FAMILY, _JA_GIVEN  # noqa: E402

HEADER = ["氏名", "フリガナ", "会社名", "メールアドレス", "電話番号", "郵便番号", "住所", "生年月日", "タグ", "備考"]
NOTE = ("初回は事業計画の相談。次回は資金繰りと採用について話す予定。紹介元は山田さん。"
        "Follow up in spring about the second shop.")


def _person(rng: random.Random, i: int) -> tuple[str, str, str, str, str, str]:
    fam, giv = rng.choice(_JA_FAMILY), rng.choice(_JA_GIVEN)
    # a serial number keeps every person distinct, so all rows are added (the most work)
    return (f"{fam[0]} {giv[0]}{i}", f"{fam[1]} {giv[1]}{i}", f"{fam[2]}.{giv[2]}{i}@example.jp",
            f"090-{i % 10000:04d}-{rng.randrange(10000):04d}", f"{rng.randrange(100, 999)}-{rng.randrange(10000):04d}",
            f"{rng.randrange(1950, 2000)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")


def make_csv(path: Path, megabytes: float) -> int:
    import csv

    rng = random.Random(7)
    target = int(megabytes * 1_000_000)
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        while fh.tell() < target:
            for _ in range(1000):
                name, kana, email, phone, postal, birthday = _person(rng, rows)
                w.writerow([name, kana, rng.choice(["株式会社さくら", "", "山田商店"]), email, phone, postal,
                            "東京都渋谷区神宮前1-2-3 さくらビル4階", birthday,
                            rng.choice(["経営者", "", "経営者、ニュースレター"]), NOTE])
                rows += 1
    return rows


def make_vcard(path: Path, megabytes: float) -> int:
    rng = random.Random(8)
    target = int(megabytes * 1_000_000)
    cards = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        while fh.tell() < target:
            for _ in range(1000):
                name, kana, email, phone, postal, birthday = _person(rng, cards)
                family, given = name.split(" ", 1)
                fh.write("BEGIN:VCARD\r\nVERSION:3.0\r\n"
                         f"N:{family};{given};;;\r\nFN:{name}\r\nX-PHONETIC-FIRST-NAME:{kana}\r\n"
                         f"EMAIL;TYPE=INTERNET,WORK:{email}\r\nTEL;TYPE=CELL:{phone}\r\n"
                         f"ADR;TYPE=HOME:;;神宮前1-2-3;渋谷区;東京都;{postal};Japan\r\n"
                         f"BDAY:{birthday}\r\nNOTE:{NOTE}\r\nEND:VCARD\r\n")
                cards += 1
    return cards


BASELINE = r"""
import csv, sys
n = 0
with open(sys.argv[1], encoding="utf-8", newline="") as fh:
    for row in csv.reader(fh):
        n += 1
print(n)
"""


def measure(cmd: list[str], env: dict) -> tuple[float, float, str]:
    """(peak MB, seconds, stdout) of a child process, measured in a fresh process of its own (getrusage of
    its children is the largest child's peak)."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "e = time.perf_counter() - t; "
             "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
             "sys.stderr.write(p.stderr); print(m, e, p.returncode); print(p.stdout[-2000:])")
    proc = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env)
    first, _, rest = proc.stdout.partition("\n")
    kb, seconds, rc = first.split()
    if int(rc) not in (0,):
        raise SystemExit(f"{cmd[:4]} failed (exit {rc}): {proc.stderr[-2000:]}")
    return int(kb) / 1024, float(seconds), rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=200, help="size of the CSV file in MB (default 200)")
    parser.add_argument("--vcard-mb", type=float, default=50, help="size of the vCard file in MB (default 50; 0: none)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict = {"limit_mb": 500}
    with tempfile.TemporaryDirectory(prefix="loyaldesk-bench-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, LOYALDESK_HOME=str(tmp / "home"), LOYALDESK_LANG="en")
        loyaldesk = [sys.executable, "-m", "loyaldesk"]
        cases = [("csv", tmp / "clients.csv", make_csv, args.mb)]
        if args.vcard_mb:
            cases.append(("vcard", tmp / "clients.vcf", make_vcard, args.vcard_mb))
        for kind, path, make, mb in cases:
            rows = make(path, mb)
            size = path.stat().st_size / 1e6
            base_mb, base_s, _ = measure([sys.executable, "-c", BASELINE, str(path)], env)
            db = tmp / f"{kind}.db"
            subprocess.run([*loyaldesk, "--db", str(db), "init"], check=True, capture_output=True, env=env)
            ours_mb, ours_s, out = measure([*loyaldesk, "--db", str(db), "import", str(path)], env)
            results[kind] = {"file_mb": round(size, 1), "rows": rows, "ours_peak_mb": round(ours_mb, 1),
                             "baseline_peak_mb": round(base_mb, 1), "ratio": round(ours_mb / base_mb, 2),
                             "ours_s": round(ours_s, 1), "baseline_s": round(base_s, 1),
                             "under_limit": ours_mb < 500, "report": out.strip().splitlines()[:1]}
            print(f"{kind}: {size:.0f} MB, {rows:,} rows: peak {ours_mb:.0f} MB against {base_mb:.0f} MB for the "
                  f"csv module ({ours_mb / base_mb:.2f}x), {ours_s:.0f} s against {base_s:.1f} s; "
                  f"{'under' if ours_mb < 500 else 'OVER'} 500 MB", flush=True)
    results["load"] = os.getloadavg()[0]
    results["when"] = time.strftime("%Y-%m-%d %H:%M")
    if args.json:
        out = ROOT / "benchmarks" / "results-import-memory.json"
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
