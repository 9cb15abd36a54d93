"""Benchmark: one long letter laid out in time linear in its length (issue 20), Japanese and English.

    .venv/bin/python benchmarks/bench_long_letter.py [--sizes 25,100,400] [--shape paragraphs|one]

For each size (KB of UTF-8 text in the body) and language, times render_pdf of one letter
(loyaldesk.core.letters.pdf: typeset.horizontal's line breaking with kinsoku, number groups and Latin
words kept whole, justified Japanese lines, continued on the next page by lines) next to a baseline
measured in the same run: raw reportlab drawing the same lines (already broken) with drawString, one
per line, on as many A4 pages. The ratio ours / baseline should stay about the same as the text grows
(linear); the growth factor per 4x of text is printed. --shape one puts the whole body in one
paragraph (the case where re-breaking the rest of a paragraph at each page would be quadratic).
Timings are never asserted; figures go to benchmarks/results-long-letter.json (under the shape's key).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
RESULTS_FILE = HERE / "results-long-letter.json"

JA = ("本日はお忙しいところ、誠にありがとうございました。「東京都渋谷区神南1丁目2番3号」の新しい事務所は"
      "駅から5分です（詳しくはinfo@example.jpまで）。次回は2027年2月20日（土）14:00〜16:00を予定しております。")
EN = ("Thank you for your time today. Our new office at 1-2-3 Jinnan, Shibuya is five minutes from the "
      "station (write to info@example.jp for details). The next session is on Saturday, 20 February 2027. ")


def body(kb: int, lang: str, shape: str) -> str:
    sentence = JA if lang == "ja" else EN
    text = []
    size = 0
    while size < kb * 1024:
        para = sentence * 6
        text.append(para)
        size += len(para.encode())
    return ("" if shape == "one" else "\n").join(text)


def letter(kb: int, lang: str, shape: str):
    from loyaldesk.core.letters.compose import Letter, Recipient
    from loyaldesk.core.letters.sender import SenderProfile

    r = Recipient(1, "山田 太郎" if lang == "ja" else "Emily Carter", honorific="様" if lang == "ja" else "Ms",
                  postal_code="1500001", address1="東京都渋谷区神宮前1-1-1" if lang == "ja" else "12 High Street")
    s = SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="1500041", address="東京都渋谷区神南1-2-3")
    return Letter(r.id, lang, "standard", "thank_you", "", body(kb, lang, shape), "2026年4月10日", r, s)


def ours(one) -> tuple[float, bytes]:
    from loyaldesk.core.letters import pdf

    gc.collect()
    start = time.perf_counter()
    data, _pages = pdf.render_pdf([one])
    return time.perf_counter() - start, data


def baseline(one) -> float:
    """Raw reportlab: the same lines (broken beforehand, not timed) drawn one drawString each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from loyaldesk.core.letters import pdf
    from loyaldesk.core.typeset.horizontal import wrap

    st = pdf.styles()
    style = st.ja_body if one.lang == "ja" else st.en_body
    width = pdf.PAGE_W - 2 * pdf.MARGIN_X
    lines = [line.text for para in one.body.splitlines() for line in
             wrap(para, style.fontName, style.fontSize, width)]
    gc.collect()
    start = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=A4, pageCompression=1)
    y = pdf.PAGE_H - pdf.MARGIN_TOP
    for text in lines:
        if y < pdf.MARGIN_BOTTOM:
            canvas.showPage()
            y = pdf.PAGE_H - pdf.MARGIN_TOP
        canvas.setFont(style.fontName, style.fontSize)
        canvas.drawString(pdf.MARGIN_X, y, text)
        y -= style.leading
    canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="25,100,400")
    ap.add_argument("--shape", choices=("paragraphs", "one"), default="paragraphs")
    args = ap.parse_args()
    from loyaldesk.core.pdf_fonts import register_fonts

    register_fonts()
    sizes = [int(x) for x in args.sizes.split(",")]
    rows = []
    print(f"{'lang':4} {'KB':>5} {'pages':>6} {'ours s':>8} {'raw s':>8} {'ratio':>6}")
    for lang in ("ja", "en"):
        ours(letter(5, lang, args.shape))  # warm-up
        previous = None
        for kb in sizes:
            one = letter(kb, lang, args.shape)
            t_ours, data = ours(one)
            t_raw = baseline(one)
            from pypdf import PdfReader

            pages = len(PdfReader(io.BytesIO(data)).pages)
            row = {"lang": lang, "kb": kb, "pages": pages, "ours_s": round(t_ours, 3), "baseline_s": round(t_raw, 3),
                   "ratio": round(t_ours / t_raw, 2)}
            if previous:
                row["growth_vs_previous"] = round(t_ours / previous[1], 2)
                row["size_factor"] = round(kb / previous[0], 2)
            previous = (kb, t_ours)
            rows.append(row)
            print(f"{lang:4} {kb:5d} {pages:6d} {t_ours:8.2f} {t_raw:8.2f} {t_ours / t_raw:6.2f}"
                  + (f"   x{row['growth_vs_previous']} for x{row['size_factor']} text" if "growth_vs_previous" in row
                     else ""))
    try:
        results = json.loads(RESULTS_FILE.read_text())
    except (OSError, ValueError):
        results = {}
    results[args.shape] = {"shape": args.shape, "python": platform.python_version(), "machine": platform.machine(),
                           "rows": rows}
    RESULTS_FILE.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
