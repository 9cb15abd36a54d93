"""A small, fast, streaming .xlsx writer for tables of plain values (the annual report).

openpyxl spends about 15 µs on every cell it writes; the annual report of a large practice has
a few hundred thousand cells, so its sheets are written here directly as SpreadsheetML (the
format is an open standard, ECMA-376): one sheet per table, inline strings (never formulas),
numbers and dates with a number format, the header row bold and frozen, column widths, an
autofilter. The result opens in Excel and LibreOffice and reads back with openpyxl.

    with XlsxWriter(path) as book:   # path: the (temporary) file to write
        book.add_sheet("Clients", headers, formats, rows, widths)

formats per column: "text", "int" (#,##0), "money" (the writer's money_format, #,##0 unless given:
loyaldesk.core.money.xlsx_number_format gives the practice currency's), "date" (yyyy-mm-dd, a
datetime.date value), "pct" (0.0%, a fraction), "decimal" (#,##0 with as many decimal places as a
Decimal value has: 1234.56 -> #,##0.00). A None value or an empty text leaves the cell empty. Whatever the column's
format, a datetime.datetime is written as a date and time (yyyy-mm-dd hh:mm:ss), a datetime.date as a
date, a Decimal as a number (with its places in a "decimal" or "money" column), bytes as base64 text.

Nothing but the file being written is touched: after an error (a full disk...) the file is closed
without a further write and without a traceback at exit; the caller removes it.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_TEXT = 32_767
_EPOCH = dt.date(1899, 12, 30).toordinal()

# cellXfs indexes of styles.xml below
_STYLE = {"text": 0, "header": 1, "header_right": 2, "int": 3, "money": 6, "date": 4, "pct": 5, "datetime": 7,
          "decimal": 3}
_FIRST_EXTRA_STYLE = 8  # number formats added while writing (a Decimal's places) follow the fixed ones
_FIRST_EXTRA_FORMAT = 168

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
{sheets}</Types>"""
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\n')

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title><dc:creator>LoyalDesk</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>
</cp:coreProperties>"""

_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LoyalDesk</Application></Properties>"""

_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<bookViews><workbookView activeTab="0"/></bookViews>
<sheets>{sheets}</sheets>
<definedNames>{names}</definedNames>
</workbook>"""

_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{sheets}<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""

_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="{num_fmts}"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="{money}"/><numFmt numFmtId="167" formatCode="yyyy-mm-dd hh:mm:ss"/>{extra_fmts}</numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="{xfs}">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="right"/></xf>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
{extra_xfs}</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _text(value: str) -> str:
    value = _ILLEGAL.sub("", value)[:_MAX_TEXT]
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\r", "&#13;") if "\r" in value else value  # a parser would read a bare CR as LF


@dataclass(frozen=True)
class CutCell:
    """A text longer than an Excel cell holds (32,767 characters): the sheet has its beginning only."""

    sheet: str
    row: int  # as the spreadsheet shows it (the header is row 1)
    column: str  # the column's header
    length: int  # characters of the whole text
    who: str = ""  # the row's own words for what it is about (a client's name), from add_sheet's describe


MAX_TEXT = _MAX_TEXT


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


class XlsxWriter:
    """Writes sheets one after the other into a new .xlsx file; close() (or the with block) finishes it."""

    def __init__(self, path: str | Path, title: str = "", money_format: str = "#,##0") -> None:
        self._money_format = money_format
        self._extra_formats: dict[str, int] = {}  # number format -> its cellXfs index
        self._fh = open(path, "wb")
        try:
            self._zip = zipfile.ZipFile(self._fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=5)
        except BaseException:
            self._fh.close()
            raise
        self._sheets: list[tuple[str, int]] = []  # (name, rows incl. header)
        self._filters: list[str] = []
        self._title = title
        self.cut: list[CutCell] = []  # the texts written shorter than they are (see CutCell)

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abandon()

    def abandon(self) -> None:
        """Close the file after an error without writing anything more (the caller removes it)."""
        self._zip.fp = None  # the zip would write its directory when closed (again) or collected
        self._zip._writing = False
        try:
            self._fh.close()
        except OSError:  # the buffered bytes cannot be written (a full disk): the file is discarded anyway
            pass

    def number_style(self, number_format: str) -> int:
        """The style (cellXfs index) of a number format of its own, added to the workbook."""
        style = self._extra_formats.get(number_format)
        if style is None:
            style = self._extra_formats[number_format] = _FIRST_EXTRA_STYLE + len(self._extra_formats)
        return style

    def _decimal_style(self, value: Decimal, fmt: str, cache: dict[int, int]) -> int:
        exponent = value.as_tuple().exponent
        style = cache.get(exponent)
        if style is None:
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            if fmt == "decimal":
                style = self.number_style("#,##0" + ("." + "0" * places if places else ""))
            elif fmt == "money":
                style = _STYLE["money"]
            else:
                style = 0
            cache[exponent] = style
        return style

    def add_sheet(self, name: str, headers: Sequence[str], formats: Sequence[str], rows: Iterable[Sequence[Any]],
                  widths: Sequence[float], on_rows: Callable[[int], None] | None = None,
                  row_formats: Sequence[str] | None = None,
                  describe: Callable[[Sequence[Any]], str] | None = None) -> int:
        """One table as one sheet; returns the number of data rows written.

        A text over 32,767 characters (what an Excel cell holds) is written shortened and listed in
        self.cut, with describe(row) saying what the row is about.

        row_formats (one per row) replaces the format of every column but the first: a table of
        labelled figures mixes amounts, counts and rates down its value columns.
        """
        n = len(self._sheets) + 1
        cols = [column_letter(i) for i in range(len(headers))]
        last_col = cols[-1] if cols else "A"
        styles = [_STYLE.get(f, 0) for f in formats]
        numeric = [f in ("int", "money", "pct", "decimal") for f in formats]
        decimal_styles: list[dict[int, int]] = [{} for _ in formats]
        count = 0
        with self._zip.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as raw:
            buffer: list[str] = []

            def flush() -> None:
                raw.write("".join(buffer).encode("utf-8"))
                buffer.clear()

            buffer.append(
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheetViews><sheetView workbookViewId="0"' + (' tabSelected="1"' if n == 1 else "") + '>'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                '<sheetFormatPr defaultRowHeight="15"/><cols>')
            for i, w in enumerate(widths, 1):
                buffer.append(f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>')
            buffer.append("</cols><sheetData>")
            header = "".join(
                f'<c r="{cols[i]}1" s="{_STYLE["header_right"] if numeric[i] else _STYLE["header"]}" t="inlineStr">'
                f'<is><t xml:space="preserve">{_text(str(h))}</t></is></c>' for i, h in enumerate(headers))
            buffer.append(f'<row r="1">{header}</row>')
            r = 1
            for row in rows:
                r += 1
                rs = str(r)
                cells = []
                row_style = _STYLE.get(row_formats[r - 2], 0) if row_formats is not None else None
                for i, value in enumerate(row):
                    if value is None:
                        continue
                    ref = cols[i] + rs
                    if isinstance(value, str):
                        if not value:
                            continue  # an empty cell, as Excel and openpyxl write it
                        if len(value) > _MAX_TEXT and len(_ILLEGAL.sub("", value)) > _MAX_TEXT:
                            self.cut.append(CutCell(name, r, str(headers[i]) if i < len(headers) else cols[i],
                                                    len(_ILLEGAL.sub("", value)), describe(row) if describe else ""))
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>')
                    elif isinstance(value, bool):
                        cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
                    elif isinstance(value, dt.datetime):
                        serial = (value.toordinal() - _EPOCH) + (
                            value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
                        cells.append(f'<c r="{ref}" s="{_STYLE["datetime"]}"><v>{serial!r}</v></c>')
                    elif isinstance(value, dt.date):
                        serial = value.toordinal() - _EPOCH
                        cells.append(f'<c r="{ref}" s="{_STYLE["date"]}"><v>{serial}</v></c>')
                    elif isinstance(value, (int, float)):
                        if isinstance(value, float) and not math.isfinite(value):
                            continue
                        style = row_style if row_style is not None and i > 0 else styles[i]
                        cells.append(f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>')
                    elif isinstance(value, Decimal):
                        if not value.is_finite():
                            continue
                        style = self._decimal_style(value, formats[i], decimal_styles[i])
                        cells.append(f'<c r="{ref}" s="{style}"><v>{value:f}</v></c>')
                    elif isinstance(value, (bytes, bytearray, memoryview)):
                        text = base64.b64encode(bytes(value)).decode("ascii")
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_text(str(value))}</t></is></c>')
                buffer.append(f'<row r="{rs}">{"".join(cells)}</row>')
                count += 1
                if count % 2000 == 0:
                    flush()
                    if on_rows is not None:
                        on_rows(count)
            ref = f"A1:{last_col}{r}"
            buffer.append(f'</sheetData><autoFilter ref="{ref}"/>'
                          '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                          '</worksheet>')
            flush()
        self._sheets.append((name, r))
        self._filters.append(ref)
        if on_rows is not None:
            on_rows(count)
        return count

    def close(self) -> None:
        try:
            self._finish()
        except BaseException:
            self.abandon()
            raise

    def _finish(self) -> None:
        zf = self._zip
        sheets = "".join(_SHEET_TYPE.format(n=i) for i in range(1, len(self._sheets) + 1))
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets=sheets))
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("docProps/core.xml", _CORE.format(title=_text(self._title),
                                                      now=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")))
        zf.writestr("docProps/app.xml", _APP)
        entries, names, rels = [], [], []
        for i, (name, _rows) in enumerate(self._sheets, 1):
            entries.append(f'<sheet name="{_text(name)}" sheetId="{i}" r:id="rId{i}"/>')
            quoted = "'" + name.replace("'", "''") + "'"
            a, b = self._filters[i - 1].split(":")
            col_a, row_a = re.match(r"([A-Z]+)(\d+)", a).groups()
            col_b, row_b = re.match(r"([A-Z]+)(\d+)", b).groups()
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i - 1}" hidden="1">'
                         f'{_text(quoted)}!${col_a}${row_a}:${col_b}${row_b}</definedName>')
            rels.append(f'<Relationship Id="rId{i}" '
                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                        f'Target="worksheets/sheet{i}.xml"/>\n')
        zf.writestr("xl/workbook.xml", _WORKBOOK.format(sheets="".join(entries), names="".join(names)))
        zf.writestr("xl/_rels/workbook.xml.rels",
                    _WORKBOOK_RELS.format(sheets="".join(rels), styles=len(self._sheets) + 1))
        extra_fmts = "".join(f'<numFmt numFmtId="{_FIRST_EXTRA_FORMAT + k}" formatCode="{_attr(fmt)}"/>'
                             for k, fmt in enumerate(self._extra_formats))
        extra_xfs = "".join(f'<xf numFmtId="{_FIRST_EXTRA_FORMAT + k}" fontId="0" fillId="0" borderId="0" xfId="0" '
                            'applyNumberFormat="1"/>\n' for k in range(len(self._extra_formats)))
        styles = (_STYLES.replace("{money}", _attr(self._money_format))
                  .replace("{num_fmts}", str(4 + len(self._extra_formats))).replace("{extra_fmts}", extra_fmts)
                  .replace("{xfs}", str(_FIRST_EXTRA_STYLE + len(self._extra_formats)))
                  .replace("{extra_xfs}", extra_xfs))
        zf.writestr("xl/styles.xml", styles)
        zf.close()
        self._fh.close()
