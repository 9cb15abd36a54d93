"""The annual report as files: .xlsx (openpyxl), .pdf (reportlab) and .csv (UTF-8 with BOM).

Called through loyaldesk.core.reports.write_report. Every text comes from the core catalog in
the requested language (the current one by default). Files are written to a temporary file
next to the target and moved into place when complete (loyaldesk.core.io.export helpers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from loyaldesk.core import money
from loyaldesk.core.i18n import current_language, t
from loyaldesk.core.io.export import (
    _atomic_target,
    _display_width,
    _write_csv,
)
from loyaldesk.core.io.xlsx import XlsxWriter
from loyaldesk.core.migrations import TIERS
from loyaldesk.core.reports import (
    AnnualReport,
    ClientRow,
    Progress,
    follow_up_label,
    kind_text,
    percent,
    tier_text,
)

_CHUNK = 2000


def _tick(progress: Progress, fraction: float) -> None:
    if progress is not None:
        progress(min(1.0, max(0.0, fraction)))


# =========================================================================================
# The tables, as (header key, format, value getter): shared by xlsx, csv and pdf
# =========================================================================================
CLIENT_COLUMNS: list[tuple[str, str, Callable[[ClientRow, str], Any]]] = [
    ("id", "int", lambda c, lang: c.id),
    ("name", "text", lambda c, lang: c.name),
    ("name_kana", "text", lambda c, lang: c.name_kana),
    ("company", "text", lambda c, lang: c.company),
    ("tier", "text", lambda c, lang: tier_text(c, lang)),
    ("status", "text", lambda c, lang: t(f"report.status.{c.status}", lang)),
    ("sessions", "int", lambda c, lang: c.sessions),
    ("revenue", "money", lambda c, lang: c.revenue),
    ("revenue_prev", "money", lambda c, lang: c.revenue_prev),
    ("change", "money", lambda c, lang: c.change),
    ("revenue_total", "money", lambda c, lang: c.revenue_total),
    ("first_session", "date", lambda c, lang: c.first_session),
    ("last_contact", "date", lambda c, lang: c.last_contact),
    ("touchpoints", "int", lambda c, lang: c.touchpoints),
    ("referred_count", "int", lambda c, lang: c.referred_count),
    ("roles", "text", lambda c, lang: "、".join(c.roles) if lang == "ja" else ", ".join(c.roles)),
]

LOST_COLUMNS: list[tuple[str, str, Callable[[ClientRow, str], Any]]] = [
    ("id", "int", lambda c, lang: c.id),
    ("name", "text", lambda c, lang: c.name),
    ("name_kana", "text", lambda c, lang: c.name_kana),
    ("company", "text", lambda c, lang: c.company),
    ("tier", "text", lambda c, lang: tier_text(c, lang)),
    ("revenue_prev", "money", lambda c, lang: c.revenue_prev),
    ("revenue_total", "money", lambda c, lang: c.revenue_total),
    ("last_session", "date", lambda c, lang: c.last_session),
    ("last_contact", "date", lambda c, lang: c.last_contact),
    ("touchpoints", "int", lambda c, lang: c.touchpoints),
]


def _header(key: str, lang: str) -> str:
    return t(f"report.col.{key}", lang)


def summary_rows(report: AnnualReport, lang: str) -> list[tuple[str, Any, Any, str]]:
    """(label, value in Y, value in Y-1 or None, format) for the summary."""
    s = report.summary
    rows: list[tuple[str, Any, Any, str]] = [
        (t("report.fig.revenue", lang), s.revenue, s.revenue_prev, "money"),
        (t("report.fig.sessions", lang), s.sessions, s.sessions_prev, "int"),
        (t("report.fig.active_clients", lang), s.active_clients, s.active_clients_prev, "int"),
        (t("report.fig.new_clients", lang), s.new_clients, None, "int"),
        (t("report.fig.retained_clients", lang), s.retained_clients, None, "int"),
        (t("report.fig.lost_clients", lang), s.lost_clients, None, "int"),
        (t("report.fig.retention_rate", lang), s.retention_rate, None, "pct"),
        (t("report.fig.avg_revenue_per_client", lang), round(s.avg_revenue_per_client), None, "money"),
        (t("report.fig.top20_revenue_share", lang), s.top20_revenue_share, None, "pct"),
        (t("report.fig.referrals", lang), s.referrals, None, "int"),
        (t("report.fig.touchpoints", lang), sum(s.touchpoints_by_channel.values()), s.touchpoints_prev, "int"),
    ]
    for channel, n in s.touchpoints_by_channel.items():
        rows.append(("    " + t(f"channel.{channel}", lang), n, None, "int"))
    return rows


def _text_value(value: Any, fmt: str, currency: str = "JPY", lang: str | None = None) -> str:
    """A value as a person reads it (PDF, screen); amounts in minor units of `currency`."""
    if value is None:
        return "–" if fmt == "pct" else ""
    if fmt == "pct":
        return percent(value)
    if fmt == "money":
        return money.format_amount(value, currency, lang)
    if fmt == "int":
        return f"{value:,}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# =========================================================================================
# xlsx
# =========================================================================================
def _widths(headers: Sequence[str], formats: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[float]:
    """Column widths from the header and the first rows (East Asian wide characters count twice)."""
    widths = [_display_width(h) + 4 for h in headers]
    for row in rows[:1000]:
        for i, value in enumerate(row):
            if value is None:
                continue
            fmt = formats[i]
            if fmt == "date":
                w = 11
            elif fmt in ("int", "money") and isinstance(value, (int, float)):
                w = len(f"{value:,.2f}" if isinstance(value, float) else f"{value:,}") + 3
            elif fmt == "pct":
                w = 7
            else:
                w = _display_width(str(value))
            widths[i] = max(widths[i], w + 2)
    return [min(max(w, 6), 50) for w in widths]


def _xlsx_sheet(book: XlsxWriter, title: str, headers: list[str], formats: list[str], rows: Sequence[Sequence[Any]],
                on_rows: Callable[[int], None] | None = None, row_formats: Sequence[str] | None = None) -> None:
    """One sheet: bold frozen header, an autofilter, widths from the header and the first rows.

    `formats` per column: text, int, money, date, pct. `row_formats` (per row) overrides the
    format of the value columns (the summary mixes money, counts and rates).
    """
    widths = _widths(headers, formats, rows)
    if row_formats is not None:
        widths[1:] = [max(w, 14) for w in widths[1:]]
    book.add_sheet(title[:31], headers, formats, rows, widths, on_rows=on_rows, row_formats=row_formats)


def _client_table(columns, clients: list[ClientRow], lang: str) -> tuple[list[str], list[str], list[list[Any]]]:
    headers = [_header(key, lang) for key, _f, _g in columns]
    formats = [fmt for _k, fmt, _g in columns]
    rows = [[get(c, lang) for _k, _f, get in columns] for c in clients]
    return headers, formats, rows


def _major(value: Any, currency: str) -> Any:
    """An amount in minor units as the number a spreadsheet shows: 123456 cents -> 1234.56 (yen stay whole)."""
    if not isinstance(value, int) or isinstance(value, bool) or money.decimals(currency) == 0:
        return value
    return float(money.to_major(value, currency))


def _in_major(formats: Sequence[str], rows: Sequence[Sequence[Any]], currency: str) -> list[list[Any]]:
    money_cols = [i for i, f in enumerate(formats) if f == "money"]
    if not money_cols or money.decimals(currency) == 0:
        return [list(r) for r in rows]
    out = []
    for row in rows:
        row = list(row)
        for i in money_cols:
            row[i] = _major(row[i], currency)
        out.append(row)
    return out


def write_xlsx(report: AnnualReport, path: Path, *, lang: str | None = None, progress: Progress = None,
               warnings: list[str] | None = None) -> None:
    """The report as a workbook; `warnings` gets a line for each text longer than an Excel cell holds."""
    lang = lang or current_language()
    _tick(progress, 0.0)
    with _atomic_target(path) as tmp:
        with XlsxWriter(tmp, title=t("report.title", lang, year=report.year),
                        money_format=money.xlsx_number_format(report.summary.currency, lang)) as wb:
            _xlsx_sheets(wb, report, lang, progress)
        cut = wb.cut
    if cut and warnings is not None:
        from loyaldesk.core.io.export import xlsx_cut_warnings

        warnings.extend(xlsx_cut_warnings(cut))
    _tick(progress, 1.0)


def _xlsx_sheets(wb: XlsxWriter, report: AnnualReport, lang: str, progress: Progress) -> None:
    y, prev = str(report.year), str(report.year - 1)
    cur = report.summary.currency

    summary = summary_rows(report, lang)
    figures = [(label, _major(v, cur), _major(p, cur)) if f == "money" else (label, v, p) for label, v, p, f in summary]
    formats = [f for *_x, f in summary]
    if report.summary.not_included:  # the revenue figures leave these sessions out: said under them
        figures.append((report.summary.not_included_text(lang), None, None))
        formats.append("text")
    _xlsx_sheet(wb, t("report.sheet.summary", lang), [_header("figure", lang), y, prev],
                ["text", "int", "int"], figures, row_formats=formats)

    headers, formats, rows = _client_table(CLIENT_COLUMNS, report.clients, lang)
    rows = _in_major(formats, rows, cur)
    total = max(1, len(rows))
    _xlsx_sheet(wb, t("report.sheet.clients", lang), headers, formats, rows,
                on_rows=lambda n: _tick(progress, 0.7 * n / total))
    _tick(progress, 0.7)

    headers, formats, rows = _client_table(LOST_COLUMNS, report.lost, lang)
    _xlsx_sheet(wb, t("report.sheet.lost", lang), headers, formats, _in_major(formats, rows, cur))

    months = [(m, v, p) for (m, v), (_pm, p) in zip(report.revenue_by_month, report.revenue_by_month_prev)]
    months.append((t("report.row.total", lang), sum(v for _m, v, _p in months), sum(p for _m, _v, p in months)))
    _xlsx_sheet(wb, t("report.sheet.months", lang),
                [_header("month", lang), f"{_header('revenue', lang)} {y}", f"{_header('revenue', lang)} {prev}"],
                ["text", "money", "money"], _in_major(["text", "money", "money"], months, cur))

    kinds = [(kind_text(k.kind, lang), k.sessions, k.revenue, k.sessions_prev, k.revenue_prev) for k in report.by_kind]
    _xlsx_sheet(wb, t("report.sheet.kinds", lang),
                [_header("kind", lang), f"{_header('sessions', lang)} {y}", f"{_header('revenue', lang)} {y}",
                 f"{_header('sessions', lang)} {prev}", f"{_header('revenue', lang)} {prev}"],
                ["text", "int", "money", "int", "money"], _in_major(["text", "int", "money", "int", "money"], kinds, cur))

    from loyaldesk.core.loyalty import tier_label

    moves = [(m.date, m.client_id, m.name, tier_label(m.from_tier, lang), tier_label(m.to_tier, lang))
             for m in report.tier_moves]
    _xlsx_sheet(wb, t("report.sheet.tiers", lang),
                [_header(k, lang) for k in ("date", "id", "name", "from_tier", "to_tier")],
                ["date", "int", "text", "text", "text"], moves)

    follow = [(follow_up_label(f.key, lang), f.actions, f.clients, f.responded, f.rate) for f in report.follow_ups]
    _xlsx_sheet(wb, t("report.sheet.follow_ups", lang),
                [_header(k, lang) for k in ("action", "actions", "contacted", "responded", "rate")],
                ["text", "int", "int", "int", "pct"], follow)
    _tick(progress, 0.95)


# =========================================================================================
# csv
# =========================================================================================
def write_csv(report: AnnualReport, path: Path, *, lang: str | None = None, progress: Progress = None) -> None:
    """The per-client table, UTF-8 with a BOM (Excel opens Japanese text correctly); dates ISO, amounts
    plain numbers in the currency's units (1234.56 for dollars, 30000 for yen)."""
    lang = lang or current_language()
    _tick(progress, 0.0)
    headers, formats, rows = _client_table(CLIENT_COLUMNS, report.clients, lang)
    cur = report.summary.currency
    money_cols = {i for i, f in enumerate(formats) if f == "money"}
    rows = [[v.isoformat() if isinstance(v, dt.date) else money.plain(v, cur) if i in money_cols else v
             for i, v in enumerate(row)] for row in rows]
    total = max(1, len(rows))
    with _atomic_target(path) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            _write_csv(fh, headers, rows, lambda n: _tick(progress, 0.95 * n / total))
    _tick(progress, 1.0)


# =========================================================================================
# pdf
# =========================================================================================
TEAL = "#1F6F78"
# The PDF's client table lists at most this many (about 40 pages); the xlsx and CSV hold every client.
# A practice of 100,000 clients would otherwise print 2,500 pages and need gigabytes to lay them out.
PDF_CLIENT_ROWS = 1000
GOLD = "#B8860B"
GREY = "#90A4AE"
TIER_COLORS = {"vip": "#B8860B", "candidate": "#1F6F78", "regular": "#607D8B", "new": "#2E7D32", "prospect": "#9E9E9E"}


def _nice_top(value: float) -> float:
    if value <= 0:
        return 10
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _months_chart(report: AnnualReport, lang: str, font: str, width: float, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    cur = report.summary.currency
    largest = max([v for _m, v in report.revenue_by_month + report.revenue_by_month_prev] + [0])
    unit, unit_text = money.axis_unit(cur, largest, lang)
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 42, 30
    chart.width, chart.height = width - 60, height - 62
    this = [v / unit for _m, v in report.revenue_by_month]
    prev = [v / unit for _m, v in report.revenue_by_month_prev]
    chart.data = [prev, this]
    chart.bars[0].fillColor = colors.HexColor("#B0BEC5")
    chart.bars[1].fillColor = colors.HexColor(TEAL)
    chart.bars.strokeColor = None
    chart.groupSpacing = 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_top(max(this + prev + [0]))
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.categoryAxis.categoryNames = [f"{m}月" if lang == "ja" else dt.date(2000, m, 1).strftime("%b")
                                        for m in range(1, 13)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    d.add(chart)
    d.add(String(0, height - 12, t("report.pdf.chart_months", lang, unit=unit_text), fontName=font, fontSize=10))
    legend = Legend()
    legend.x, legend.y = width - 120, height - 8
    legend.fontName = font
    legend.fontSize = 7
    legend.columnMaximum = 1
    legend.alignment = "right"
    legend.deltax = 50
    legend.colorNamePairs = [(colors.HexColor("#B0BEC5"), str(report.year - 1)), (colors.HexColor(TEAL), str(report.year))]
    d.add(legend)
    return d


def _pareto_chart(report: AnnualReport, lang: str, font: str, width: float, height: float):
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Circle, Drawing, Line, String
    from reportlab.lib import colors

    d = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 36, 30
    plot.width, plot.height = width - 50, height - 66
    points = [(x * 100, y * 100) for x, y in (report.pareto or [(0.0, 0.0)])]
    plot.data = [points, [(0, 0), (100, 100)]]
    plot.lines[0].strokeColor = colors.HexColor(TEAL)
    plot.lines[0].strokeWidth = 2
    plot.lines[1].strokeColor = colors.HexColor(GREY)
    plot.lines[1].strokeDashArray = [3, 3]
    plot.lines[1].strokeWidth = 0.7
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.valueMin, axis.valueMax, axis.valueStep = 0, 100, 20
        axis.labels.fontName = font
        axis.labels.fontSize = 7
        axis.labelTextFormat = "%d%%"
    d.add(plot)
    share = report.summary.top20_revenue_share
    x20 = plot.x + plot.width * 0.2
    y20 = plot.y + plot.height * share
    d.add(Line(x20, plot.y, x20, y20, strokeColor=colors.HexColor(GOLD), strokeDashArray=[2, 2]))
    d.add(Circle(x20, y20, 3, fillColor=colors.HexColor(GOLD), strokeColor=None))
    d.add(String(0, height - 12, t("report.pdf.chart_pareto", lang), fontName=font, fontSize=10))
    d.add(String(0, height - 26, t("report.pdf.pareto_note", lang, share=percent(share)), fontName=font,
                 fontSize=8, fillColor=colors.HexColor("#455A64")))
    return d


def _tiers_chart(report: AnnualReport, lang: str, font: str, width: float, height: float):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from loyaldesk.core.loyalty import tier_label

    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 42, 30
    chart.width, chart.height = width - 60, height - 50
    values = [report.tiers.get(tier, 0) for tier in TIERS]
    chart.data = [values]
    chart.bars.strokeColor = None
    for i, tier in enumerate(TIERS):
        chart.bars[(0, i)].fillColor = colors.HexColor(TIER_COLORS[tier])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_top(max(values + [0]) * 1.1)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.categoryAxis.categoryNames = [f"{tier_label(tier, lang)} ({report.tiers.get(tier, 0):,})" for tier in TIERS]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    d.add(chart)
    d.add(String(0, height - 12, t("report.pdf.chart_tiers", lang, as_of=report.as_of.isoformat()),
                 fontName=font, fontSize=10))
    return d


def write_pdf(report: AnnualReport, path: Path, *, lang: str | None = None, progress: Progress = None) -> None:
    """A printable A4 report: the summary, the charts, the follow-ups, the lost clients, the client table."""
    cur = report.summary.currency
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from loyaldesk.core.pdf_fonts import register_fonts
    from loyaldesk.core.typeset.horizontal import TextBlock

    lang = lang or current_language()
    _tick(progress, 0.0)
    font, _mincho = register_fonts()
    wrap = "CJK" if lang == "ja" else None
    title_style = ParagraphStyle("title", fontName=font, fontSize=22, leading=28, textColor=colors.HexColor(TEAL))
    h2 = ParagraphStyle("h2", fontName=font, fontSize=13, leading=18, spaceBefore=8, spaceAfter=6,
                        textColor=colors.HexColor("#1D2B30"))
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, wordWrap=wrap)
    small = ParagraphStyle("small", fontName=font, fontSize=8, leading=11, textColor=colors.HexColor("#455A64"),
                           wordWrap=wrap)
    cell = ParagraphStyle("cell", fontName=font, fontSize=7, leading=9, wordWrap=wrap)
    cell_right = ParagraphStyle("cellr", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("head", parent=cell, textColor=colors.white)
    head_right = ParagraphStyle("headr", parent=head, alignment=TA_RIGHT)

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def para(text: str, style: ParagraphStyle):
        """Japanese wrapped text by typeset.horizontal (kinsoku, whole number groups and Latin words;
        justified paragraphs, table cells flush left), anything else a reportlab Paragraph."""
        if style.wordWrap == "CJK":
            return TextBlock(text, style, justify=style.fontSize > 7)  # table cells ragged, paragraphs justified
        return Paragraph(esc(text), style)

    def table_style(header_rows: int = 1) -> TableStyle:
        return TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(TEAL)),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
            ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, colors.HexColor("#F1F6F7")]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor("#B0BEC5")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ])

    def grid(headers: list[str], formats: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
        numeric = [f in ("int", "money", "pct") for f in formats]
        data = [[para(h, head_right if numeric[i] else head) for i, h in enumerate(headers)]]
        for row in rows:
            data.append([para(_text_value(v, formats[i], cur, lang), cell_right if numeric[i] else cell)
                         for i, v in enumerate(row)])
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(table_style())
        return table

    story: list = []
    s = report.summary
    story.append(para(t("report.title", lang, year=report.year), title_style))
    story.append(para(t("report.subtitle", lang, year=report.year, prev=report.year - 1,
                            as_of=report.as_of.isoformat(), made=report.made_on.isoformat()), small))
    if report.partial:
        story.append(para(t("report.partial_year", lang, year=report.year, as_of=report.as_of.isoformat()),
                          small))
    story.append(Spacer(1, 6 * mm))
    story.append(para(t("report.pdf.summary", lang), h2))
    rows = summary_rows(report, lang)
    fig_rows = [r for r in rows if not r[0].startswith("    ")]
    data = [[t("report.col.figure", lang), str(report.year), str(report.year - 1)]]
    for label, value, prev, fmt in fig_rows:
        data.append([label, _text_value(value, fmt, cur, lang), "" if prev is None else _text_value(prev, fmt, cur, lang)])
    summary_table = Table(data, colWidths=[95 * mm, 40 * mm, 40 * mm])
    style = table_style()
    style.add("ALIGN", (1, 0), (-1, -1), "RIGHT")
    style.add("FONTSIZE", (0, 0), (-1, -1), 10)
    style.add("TOPPADDING", (0, 0), (-1, -1), 4)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 4)
    summary_table.setStyle(style)
    story.append(summary_table)
    if report.summary.not_included:
        story.append(Spacer(1, 2 * mm))
        story.append(para(report.summary.not_included_text(lang), small))
    story.append(Spacer(1, 5 * mm))
    story.append(para(t("report.pdf.channels", lang), h2))
    channels = [(t(f"channel.{ch}", lang), n) for ch, n in s.touchpoints_by_channel.items()]
    half = (len(channels) + 1) // 2
    data = []
    for i in range(half):
        left = channels[i]
        right = channels[i + half] if i + half < len(channels) else ("", None)
        data.append([left[0], f"{left[1]:,}", right[0], "" if right[1] is None else f"{right[1]:,}"])
    channel_table = Table(data, colWidths=[55 * mm, 30 * mm, 55 * mm, 30 * mm])
    channel_table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"), ("ALIGN", (3, 0), (3, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#DDE5E6")),
    ]))
    story.append(channel_table)
    story.append(PageBreak())
    _tick(progress, 0.15)

    width = 175 * mm
    story.append(_months_chart(report, lang, font, width, 75 * mm))
    story.append(Spacer(1, 4 * mm))
    story.append(_pareto_chart(report, lang, font, width, 80 * mm))
    story.append(Spacer(1, 4 * mm))
    story.append(_tiers_chart(report, lang, font, width, 62 * mm))
    story.append(PageBreak())
    _tick(progress, 0.25)

    story.append(para(t("report.sheet.follow_ups", lang), h2))
    story.append(para(t("report.follow.note", lang, year=report.year), small))
    story.append(Spacer(1, 2 * mm))
    follow = [[follow_up_label(f.key, lang), f.actions, f.clients, f.responded, f.rate] for f in report.follow_ups]
    story.append(grid([_header(k, lang) for k in ("action", "actions", "contacted", "responded", "rate")],
                      ["text", "int", "int", "int", "pct"], follow, [75 * mm, 22 * mm, 25 * mm, 33 * mm, 20 * mm]))

    lost_cols = [c for c in LOST_COLUMNS if c[0] in ("name", "company", "tier", "revenue_prev", "revenue_total",
                                                     "last_session", "last_contact")]
    lost_block = [para(f"{t('report.sheet.lost', lang)} ({len(report.lost):,})", h2)]
    if report.lost:
        lost = report.lost[:PDF_CLIENT_ROWS]
        if len(report.lost) > len(lost):
            lost_block.append(para(t("report.pdf.lost_cut", lang, shown=len(lost), count=len(report.lost)),
                                   small))
        headers, formats, rows = _client_table(lost_cols, lost, lang)
        lost_block.append(grid(headers, formats, rows,
                               [36 * mm, 30 * mm, 24 * mm, 22 * mm, 23 * mm, 20 * mm, 20 * mm]))
    else:
        lost_block.append(para(t("report.pdf.none", lang), body))
    story.append(Spacer(1, 4 * mm))
    story.extend(lost_block)
    story.append(NextPageTemplate("landscape"))
    story.append(PageBreak())
    _tick(progress, 0.3)

    story.append(para(t("report.pdf.clients", lang, year=report.year, prev=report.year - 1), h2))
    client_cols = [c for c in CLIENT_COLUMNS if c[0] in ("name", "tier", "status", "sessions", "revenue",
                                                         "revenue_prev", "change", "revenue_total", "first_session",
                                                         "last_contact", "touchpoints", "referred_count")]
    shown = report.clients[:PDF_CLIENT_ROWS]  # most revenue in the year first: paper for the ones to read
    if len(report.clients) > len(shown):
        story.append(para(t("report.pdf.clients_cut", lang, shown=len(shown), count=len(report.clients),
                                year=report.year), small))
        story.append(Spacer(1, 2 * mm))
    headers, formats, rows = _client_table(client_cols, shown, lang)
    story.append(grid(headers, formats, rows,
                      [43 * mm, 24 * mm, 18 * mm, 16 * mm, 24 * mm, 24 * mm, 24 * mm, 25 * mm, 19 * mm, 19 * mm,
                       15 * mm, 15 * mm]))
    _tick(progress, 0.4)

    footer = t("report.title", lang, year=report.year)

    def on_page(canvas, doc) -> None:
        page_width = canvas._pagesize[0]
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.setFillColor(colors.HexColor("#78909C"))
        canvas.drawString(15 * mm, 10 * mm, footer)
        canvas.drawRightString(page_width - 15 * mm, 10 * mm, t("report.pdf.page", lang, page=doc.page))
        canvas.restoreState()

    def template(name: str, size) -> PageTemplate:
        frame = Frame(15 * mm, 18 * mm, size[0] - 30 * mm, size[1] - 33 * mm, id=name, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPage=on_page)

    with _atomic_target(path) as tmp:
        doc = BaseDocTemplate(str(tmp), pagesize=A4, title=footer, author="LoyalDesk",
                              pageTemplates=[template("portrait", A4), template("landscape", landscape(A4))])
        doc.build(story)
    _tick(progress, 1.0)
