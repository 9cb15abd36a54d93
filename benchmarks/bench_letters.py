"""Benchmark of batch letters (loyaldesk.core.letters) against raw reportlab platypus.

    .venv/bin/python benchmarks/bench_letters.py [--letters 1000] [--runs 3]

Builds a sample practice (loyaldesk.core.demo.generate, fixed seed) in a temporary folder,
gives every client a postal address and fills in the sender profile, then times, in the
same process, alternately, median of RUNS after one warm-up (gc.collect() before each run):

- ours: plan_letters (recipients, per-client language, sandboxed template rendering) +
  write_letters (the Japanese business-letter layout, one letter per page, A4 PDF);
  the thank_you template, so Japanese and English letters mix as in real use.
- baseline: raw platypus, SimpleDocTemplate, the same IPAex Mincho font (CJK wrapping), a
  similar letter per client (date, recipient, greeting, three paragraphs, sender) built
  with Python string formatting from rows fetched by one SQL query; PageBreak between.

Both PDFs are checked (page count at least the number of letters; the first page holds the
recipient's name). Timings are never asserted: a missed target prints MISSED. Figures go to
benchmarks/results-letters.json. Target: ours at most 2.5x the baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS_FILE = HERE / "results-letters.json"
sys.path.insert(0, str(ROOT))

SEED = 20261123
AS_OF = dt.date(2026, 11, 23)
TARGET_RATIO = 2.5


def build(path: Path, letters: int):
    from loyaldesk.core import demo
    from loyaldesk.core.db import open_database
    from loyaldesk.core.letters.sender import SenderProfile, save_sender

    db = open_database(path)
    demo.generate(db, clients=letters, seed=SEED)
    with db.transaction() as conn:
        conn.execute("UPDATE clients SET archived = 0, do_not_contact = 0, "
                     "address1 = CASE WHEN address1 = '' THEN '東京都渋谷区神南1-2-3' ELSE address1 END")
    save_sender(db, SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="150-0041",
                                  address="東京都渋谷区神南1-2-3", phone="03-1234-5678", email="keiko@example.com"))
    return db


def ours(db, ids, out: Path) -> int:
    from loyaldesk.core.letters import compose, pdf

    plan = compose.plan_letters(db, "thank_you", ids, as_of=AS_OF, ui_lang="en")
    pages = pdf.write_letters(plan.letters, out)
    return len(plan.letters) if pages else 0


def baseline(db, ids, out: Path) -> int:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    from loyaldesk.core.pdf_fonts import register_fonts

    _gothic, mincho = register_fonts()
    body = ParagraphStyle("b", fontName=mincho, fontSize=10.5, leading=19, wordWrap="CJK")
    right = ParagraphStyle("r", parent=body, alignment=TA_RIGHT)
    rows = db.query(
        "SELECT c.id, c.name, c.company, c.address1, "
        "(SELECT topic FROM sessions s WHERE s.client_id = c.id ORDER BY date DESC LIMIT 1) "
        "FROM clients c WHERE c.id IN (SELECT value FROM json_each(?))", (json.dumps(ids),), plain=True)
    story = []
    for i, (_cid, name, company, address, topic) in enumerate(rows):
        if i:
            story.append(PageBreak())
        story += [Paragraph("2026年11月23日", right), Spacer(1, 8 * mm), Paragraph(address or "", body),
                  Paragraph(company or "", body), Paragraph(f"{name} 様", body), Spacer(1, 10 * mm),
                  Paragraph("拝啓　晩秋の候、ますますご清祥のこととお慶び申し上げます。", body),
                  Paragraph(f"先日はお時間をいただき、誠にありがとうございました。「{topic or ''}」についてお話をうかがい、"
                            f"{name}様の真剣な思いに触れて、私自身も身の引き締まる思いがいたしました。", body),
                  Paragraph(f"お話の中で気になった点やその後の変化など、どんな小さなことでもお気軽にお知らせください。"
                            f"{name}様のお役に立てることを心より楽しみにしております。", body),
                  Paragraph("季節の変わり目、どうぞご自愛くださいませ。", body), Paragraph("敬具", right),
                  Spacer(1, 12 * mm), Paragraph("高橋経営相談室", right), Paragraph("高橋 恵子", right),
                  Paragraph("〒150-0041", right), Paragraph("東京都渋谷区神南1-2-3", right)]
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=24 * mm,
                      bottomMargin=22 * mm).build(story)
    return len(rows)


def timed(fn, *args) -> tuple[float, int]:
    gc.collect()
    start = time.perf_counter()
    count = fn(*args)
    return time.perf_counter() - start, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        print(f"building a sample practice of {args.letters} clients…", flush=True)
        db = build(tmpdir / "bench.db", args.letters)
        ids = [r[0] for r in db.query("SELECT id FROM clients ORDER BY id", plain=True)][: args.letters]
        ours_out, base_out = tmpdir / "ours.pdf", tmpdir / "base.pdf"
        timed(ours, db, ids[:50], ours_out)  # warm-up (fonts, templates)
        timed(baseline, db, ids[:50], base_out)
        ours_t, base_t = [], []
        for _ in range(args.runs):
            t, n_ours = timed(ours, db, ids, ours_out)
            ours_t.append(t)
            t, n_base = timed(baseline, db, ids, base_out)
            base_t.append(t)
        ok = True
        for name, out, n in (("ours", ours_out, n_ours), ("baseline", base_out, n_base)):
            reader = PdfReader(str(out))
            if n != len(ids) or len(reader.pages) < n:
                print(f"CHECK FAILED: {name} wrote {n} letters on {len(reader.pages)} pages for {len(ids)} clients")
                ok = False
        first_name = db.scalar("SELECT name FROM clients WHERE id = ?", (ids[0],))
        if first_name not in PdfReader(str(ours_out)).pages[0].extract_text():
            print("CHECK FAILED: the first letter does not name its recipient")
            ok = False
        pages = len(PdfReader(str(ours_out)).pages)
        db.close()
    o, b = statistics.median(ours_t), statistics.median(base_t)
    ratio = o / b
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"letters: {len(ids)}  pages (ours): {pages}")
    print(f"ours (plan + render + write):  {o:7.2f} s   ({o / len(ids) * 1000:.1f} ms per letter)")
    print(f"raw platypus baseline:         {b:7.2f} s   ({b / len(ids) * 1000:.1f} ms per letter)")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}")
    RESULTS_FILE.write_text(json.dumps({
        "letters": len(ids), "runs": args.runs, "ours_s": round(o, 3), "baseline_s": round(b, 3),
        "ratio": round(ratio, 3), "target_ratio": TARGET_RATIO, "verdict": verdict, "pages": pages,
        "python": platform.python_version(), "machine": platform.machine(),
        "measured": dt.datetime.now().isoformat(timespec="seconds"),
    }, indent=1) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
