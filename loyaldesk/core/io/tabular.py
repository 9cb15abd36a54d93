"""Reading a CSV, TSV or Excel file into a table of strings, with rows numbered as a spreadsheet shows them.

The format comes from the content (an .xlsx file is a zip archive) and the extension; the
delimiter of a text file from its first lines; the encoding from a BOM, else UTF-8 if the
bytes are valid UTF-8, else CP932 (what Excel on Japanese Windows writes as "Shift_JIS":
decoding as cp932 keeps 髙, ① and the other vendor characters).

Row numbers: every row counts as one row of the spreadsheet (a quoted cell spanning several
lines is one row), and completely empty rows are left out of `rows` without changing the
numbers of the rows after them.

The header row is found among the first rows (find_header_row): notes above the header (a
name-card app's export), a merged title cell or an empty preamble are skipped; the row with
the most recognized column names wins. `header_row` (1-based, as the spreadsheet shows it)
gives it instead.

Workbooks: pandas reads every sheet (read_excel, all cells as objects); `sheet` (a name or a
1-based number) chooses one, else the first sheet with data is read and Table.sheets lists
them all with their number of rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import CATALOG
from loyaldesk.core.io import csv_cells

CATALOG.update({
    "import.table_unreadable": {
        "en": "{name}: the file could not be read as a table.",
        "ja": "{name}: 表として読み込めませんでした。",
    },
    "import.table_not_found": {"en": "File not found: {name}", "ja": "ファイルが見つかりません: {name}"},
    "import.table_os_error": {
        "en": "{name}: the file could not be opened ({detail}).",
        "ja": "{name}: ファイルを開けませんでした（{detail}）。",
    },
    "import.table_empty": {
        "en": "{name}: the file is empty (no header row).",
        "ja": "{name}: ファイルが空です（見出し行がありません）。",
    },
    "import.table_encoding": {
        "en": "{name}: the text encoding was not recognized. Save the file as CSV (UTF-8) or CSV (Shift_JIS) and try again.",
        "ja": "{name}: 文字コードを判別できませんでした。CSV（UTF-8）または CSV（Shift_JIS）で保存し直してください。",
    },
    "import.table_binary": {
        "en": "{name}: this is not a CSV, TSV or Excel (.xlsx) file.",
        "ja": "{name}: CSV・TSV・Excel（.xlsx）のファイルではありません。",
    },
    "import.table_xls": {
        "en": "{name}: an old Excel (.xls) or password-protected workbook cannot be read. "
        "Open it in Excel and save it as .xlsx (without a password) or as CSV.",
        "ja": "{name}: 古い形式の Excel（.xls）またはパスワード付きのブックは読み込めません。"
        "Excel で開き、パスワードなしの .xlsx か CSV で保存し直してください。",
    },
    "import.table_xlsx": {
        "en": "{name}: the Excel file could not be read: {detail}. Open it in Excel or LibreOffice and save it "
        "again as .xlsx, or as CSV (UTF-8), then import that file.",
        "ja": "{name}: Excel ファイルを読み込めませんでした（{detail}）。Excel か LibreOffice で開いて .xlsx で"
        "保存し直すか、CSV（UTF-8）で保存してから、そのファイルを取り込んでください。",
    },
    "import.xlsx_damaged": {"en": "the file is damaged or is not a workbook", "ja": "ファイルが壊れているか、ブックではありません"},
    "import.xlsx_part_missing": {
        "en": "a part of the workbook is missing ({detail})",
        "ja": "ブックの一部（{detail}）が見つかりません",
    },
    "import.xlsx_content": {"en": "its content is not valid ({detail})", "ja": "中身が正しくありません（{detail}）"},
    "import.sheet_not_found": {
        "en": "{name}: there is no sheet “{sheet}”; the sheets are: {sheets}.",
        "ja": "{name}: シート「{sheet}」がありません。シート: {sheets}",
    },
    "import.sheets_empty": {
        "en": "{name}: every sheet of the workbook is empty ({sheets}).",
        "ja": "{name}: ブックのすべてのシートが空です（{sheets}）。",
    },
    "import.header_row_out": {
        "en": "{name}: row {row} is empty or beyond the end of the table; give the row of the column names.",
        "ja": "{name}: {row}行目は空か、表の範囲外です。列名が書かれた行を指定してください。",
    },
    "import.table_csv": {
        "en": "{name}: the file could not be read as CSV near row {row} ({detail}).",
        "ja": "{name}: {row}行目付近を CSV として読み込めませんでした（{detail}）。",
    },
})

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_CSV_FIELD_LIMIT = 2**31 - 1
DELIMITERS = ",\t;"
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx encrypted with a password


class TableReadError(LoyalDeskError):
    """The file cannot be read as a table; the message says why and what to do."""

    key = "import.table_unreadable"


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells as strings)
    encoding: str = ""
    format: str = "csv"  # 'csv' | 'tsv' | 'xlsx'
    delimiter: str = ""
    header_row: int = 1  # the spreadsheet row of the header
    name: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)  # all sheet names of a workbook
    sheet_rows: dict[str, int] = field(default_factory=dict)  # data rows of each sheet (header found the same way)

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: str | Path, *, sheet: str | int | None = None, header_row: int | None = None) -> Table:
    """Read a .csv/.tsv/.txt/.xlsx file (format detected from content and extension).

    sheet: a workbook's sheet by name or 1-based number; header_row: 1-based row of the column names.
    A text file larger than STREAM_FROM is streamed: its rows (TextRows) are read from the file each
    time they are gone through, never held in memory all at once.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
        if os.path.getsize(path) > STREAM_FROM and not head.startswith((_ZIP, _OLE2)):
            return _stream_text(path, header_row)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TableReadError("import.table_not_found", name=str(path)) from exc
    except OSError as exc:
        raise TableReadError("import.table_os_error", name=path.name, detail=exc.strerror or str(exc)) from exc
    return read_table_bytes(data, path.name, sheet=sheet, header_row=header_row)


def read_table_bytes(data: bytes, name: str = "data.csv", *, sheet: str | int | None = None,
                     header_row: int | None = None) -> Table:
    """Read a table from the bytes of a file called name (the name's extension is a hint)."""
    suffix = Path(name).suffix.lower()
    if data.startswith(_ZIP):
        return _read_xlsx(data, name, sheet, header_row)
    if data.startswith(_OLE2):
        raise TableReadError("import.table_xls", name=name)
    text, encoding = decode(data, name)
    return _read_text(text, encoding, name, suffix, header_row)


# --- large text files, streamed ---------------------------------------------------------------------
STREAM_FROM = 16 * 1024 * 1024  # bytes: a larger text table (or vCard file) is read row by row from the file


class TextRows:
    """The data rows of a large text table, read again from the file each time they are gone through:
    (spreadsheet row number, cells) like Table.rows, with len() and slices of the first rows."""

    def __init__(self, path: Path, encoding: str, delimiter: str, name: str, header_number: int, width: int,
                 count: int) -> None:
        self.path, self.encoding, self.delimiter, self.name = path, encoding, delimiter, name
        self.header_number, self.width, self.count = header_number, width, count

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        for number, cells in _text_rows(self.path, self.encoding, self.delimiter, self.name):
            if number <= self.header_number:
                continue
            if len(cells) < self.width:
                cells.extend([""] * (self.width - len(cells)))
            yield number, cells

    def __getitem__(self, index):
        import itertools

        if isinstance(index, slice):
            return list(itertools.islice(iter(self), index.start, index.stop, index.step))
        if index < 0:
            index += self.count
        found = next(itertools.islice(iter(self), index, None), None)
        if found is None:
            raise IndexError(index)
        return found


def _text_rows(path: Path, encoding: str, delimiter: str, name: str):
    """The non-empty rows of a text file as (row number, cells), the app's formula protection removed."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    number = 0
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        try:
            for number, cells in enumerate(reader, start=1):
                if not cells or not "".join(cells).strip():
                    continue
                yield number, [csv_cells.unprotect(c) for c in cells]
        except csv.Error as exc:
            raise TableReadError("import.table_csv", name=name, row=number + 1, detail=str(exc)) from exc


def _stream_encoding(path: Path, name: str) -> str:
    """The encoding of a large text file, as decode() decides it for a small one, reading it in blocks."""
    import codecs

    with open(path, "rb") as fh:
        sample = fh.read(65536)
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if _many_nuls(sample):
        raise TableReadError("import.table_binary", name=name)
    for encoding in ("utf-8", "cp932"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with open(path, "rb") as fh:
                while block := fh.read(1 << 20):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    raise TableReadError("import.table_encoding", name=name)


def _stream_text(path: Path, header_row: int | None) -> Table:
    """A large text table: the encoding and the delimiter from the file, the header among its first rows,
    the rows counted; the rows themselves are read again when they are gone through (TextRows)."""
    name = path.name
    encoding = _stream_encoding(path, name)
    with open(path, encoding=encoding, newline="") as fh:
        sample = fh.read(65536)
    if _many_nuls(sample) or _looks_binary(sample[:8192]):
        raise TableReadError("import.table_binary", name=name)
    delimiter = sniff_delimiter(sample, path.suffix.lower())
    head: list[tuple[int, list[str]]] = []
    count = 0
    wanted = max(HEADER_SEARCH_ROWS, header_row or 0)
    for number, cells in _text_rows(path, encoding, delimiter, name):
        count += 1
        if len(head) < wanted:
            head.append((number, cells))
    headers, header_number, data = _split_header(head, name, header_row, strip_bom=True)
    index = next(i for i, (number, _) in enumerate(head) if number == header_number)
    fmt = "tsv" if delimiter == "\t" else "csv"
    rows = TextRows(path, encoding, delimiter, name, header_number, len(headers), count - index - 1)
    return Table(headers, rows, encoding, fmt, delimiter, header_number, name)


# --- the header row -----------------------------------------------------------------------------
HEADER_SEARCH_ROWS = 30


def _known_headers(cells: list[str]) -> int:
    """How many cells are column names LoyalDesk recognizes (clients or sessions)."""
    from loyaldesk.core.io import mapping

    return sum(1 for c in cells if c.strip() and mapping.is_known_header(c))


def find_header_row(rows: list[tuple[int, list[str]]]) -> int:
    """The index (in rows: the non-empty rows) of the header among the first rows.

    The row with the most recognized column names wins (the earliest on a tie); when none is
    recognized, the first row with at least two cells that is about as wide as the rows below it.
    A one-cell row (a title, a merged title cell, a note) is a header only if nothing else is.
    """
    head = rows[:HEADER_SEARCH_ROWS]
    if not head:
        return 0
    widths = [sum(1 for c in cells if c.strip()) for _, cells in head]
    # a header is wider than every row above it (notes, titles and dates above a table are narrower)
    eligible: list[int] = []
    widest = 1
    for i, width in enumerate(widths):
        if width > widest:
            eligible.append(i)
            widest = width
    best, best_known = -1, 0
    for i in eligible:
        known = _known_headers(head[i][1])
        if known > best_known:
            best, best_known = i, known
    if best >= 0:
        return best
    below = sorted(widths)
    typical = below[len(below) // 2]
    for i in eligible:
        if widths[i] >= typical * 0.6:
            return i
    return 0


def _split_header(rows: list[tuple[int, list[str]]], name: str, header_row: int | None,
                  strip_bom: bool = False) -> tuple[list[str], int, list[tuple[int, list[str]]]]:
    """(headers, header row number, data rows) from the non-empty rows of a sheet or text file."""
    if not rows:
        raise TableReadError("import.table_empty", name=name)
    if header_row is not None:
        index = next((i for i, (number, _) in enumerate(rows) if number == header_row), None)
        if index is None:
            raise TableReadError("import.header_row_out", name=name, row=header_row)
    else:
        index = find_header_row(rows)
    number, cells = rows[index]
    headers = [c.strip().lstrip("\ufeff").strip() if strip_bom else c.strip() for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    data = rows[index + 1:]
    _pad(data, len(headers))
    return headers, number, data


# --- text ---------------------------------------------------------------------------------------
def decode(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding): a BOM decides; else strict UTF-8; else CP932; else TableReadError."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # Excel's "Unicode text" (tab-separated)
    else:
        if _many_nuls(data[:65536]):
            raise TableReadError("import.table_binary", name=name)
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = "cp932"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TableReadError("import.table_encoding", name=name) from exc
    if _many_nuls(text[:65536]) or _looks_binary(text[:8192]):
        raise TableReadError("import.table_binary", name=name)
    return text, encoding


def _many_nuls(sample: bytes | str) -> bool:
    """More than two NUL characters making over 1 % of the sample (or more than 64): binary data, or UTF-16 without
    a BOM. A few stray NULs in a text table are removed from the fields they stand in, with a warning."""
    count = sample.count(b"\x00" if isinstance(sample, bytes) else "\x00")
    return count > 64 or (count > 2 and count * 100 > len(sample))


def _looks_binary(sample: str) -> bool:
    """Many control characters (other than tab and line breaks): not a text table."""
    if not sample:
        return False
    controls = sum(1 for c in sample if c < " " and c not in "\t\r\n\f\v" or "\x7f" <= c < "\xa0")
    return controls > max(8, len(sample) // 100)


def sniff_delimiter(text: str, suffix: str = "") -> str:
    """The delimiter (',', '\\t' or ';') that splits the first rows into the most consistent columns.

    Each candidate parses the first 20 non-empty rows; the winner gives the most rows as wide as
    the header (at least 2 columns), then the fewest stray quotes, then the extension's
    delimiter; a tie the extension cannot break goes to csv.Sniffer.
    """
    preferred = "\t" if suffix == ".tsv" else ","
    scores: dict[str, tuple[int, int, int, int]] = {}
    for delim in DELIMITERS:
        rows: list[list[str]] = []
        try:
            for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
                if cells and "".join(cells).strip():
                    rows.append(cells)
                    if len(rows) >= 20:
                        break
        except csv.Error:
            pass
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows if len(r) == width)
        stray_quotes = sum(1 for r in rows for c in r if '"' in c)
        scores[delim] = (consistent, -stray_quotes, 1 if delim == preferred else 0, width)
    if not scores:
        return preferred
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    if len(ranked) > 1 and scores[ranked[0]][:2] == scores[ranked[1]][:2] and preferred not in ranked[:2]:
        try:
            found = csv.Sniffer().sniff(text[:8192], delimiters=DELIMITERS).delimiter
        except csv.Error:
            found = ""
        if found in ranked[:2]:
            return found
    return ranked[0]


def _read_text(text: str, encoding: str, name: str, suffix: str, header_row: int | None = None) -> Table:
    delimiter = sniff_delimiter(text[:65536], suffix)
    # the csv module's own limit (128 KB) would refuse the whole file for one long cell: a cell over
    # limits.FIELD_LIMIT is an error of its row instead (mapping)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if not cells or not "".join(cells).strip():
                continue
            rows.append((number, [csv_cells.unprotect(c) for c in cells]))  # what the app's CSVs protected
    except csv.Error as exc:
        raise TableReadError("import.table_csv", name=name, row=number + 1, detail=str(exc)) from exc
    headers, header_number, data = _split_header(rows, name, header_row, strip_bom=True)
    fmt = "tsv" if delimiter == "\t" else "csv"
    return Table(headers, data, encoding, fmt, delimiter, header_number, name)


def _pad(rows: list[tuple[int, list[str]]], width: int) -> None:
    """Short rows get empty cells up to the header's width; long rows keep their extra cells."""
    for _, cells in rows:
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))


# --- xlsx ---------------------------------------------------------------------------------------
def cell_text(value: object) -> str:
    """An Excel cell value as text: dates ISO, 123.0 -> "123", None -> ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        total = int(value.total_seconds()) // 60
        return f"{total // 60}:{total % 60:02d}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(value, ".15g")
    return str(value)


def _xlsx_detail(exc: BaseException) -> str:
    from loyaldesk.core.i18n import t

    if isinstance(exc, zipfile.BadZipFile):
        return t("import.xlsx_damaged")
    if isinstance(exc, KeyError):
        return t("import.xlsx_part_missing", detail=str(exc).strip("'\""))
    text = str(exc).strip() or type(exc).__name__
    return t("import.xlsx_content", detail=text if len(text) <= 100 else text[:97] + "...")


def _sheet_rows(frame) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    for number, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        cells = [cell_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()
        if cells and "".join(cells).strip():
            rows.append((number, cells))
    return rows


def _read_xlsx(data: bytes, name: str, sheet: str | int | None = None, header_row: int | None = None) -> Table:
    import pandas as pd

    from loyaldesk.core.io import limits

    try:  # every part of the workbook checked before anything is decompressed
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        infos = []  # a damaged workbook: read_excel says what is wrong
    limits.check_zip_members(infos, name, limits.XLSX_MEMBER_LIMIT)
    try:
        frames = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=object, engine="openpyxl",
                               na_filter=False)
    except Exception as exc:  # openpyxl and pandas raise many kinds of errors on damaged files
        raise TableReadError("import.table_xlsx", name=name, detail=_xlsx_detail(exc)) from exc
    names = list(frames)
    if not names:
        raise TableReadError("import.table_empty", name=name)
    sheets = {title: _sheet_rows(frame) for title, frame in frames.items()}
    counts: dict[str, int] = {}
    for title, rows in sheets.items():
        if not rows:
            counts[title] = 0
            continue
        try:
            counts[title] = len(rows) - 1 - find_header_row(rows)
        except Exception:  # noqa: BLE001 - a count for the sheet picker only
            counts[title] = len(rows)
    if sheet is not None and str(sheet).strip():
        wanted = str(sheet).strip()
        if wanted in sheets:
            title = wanted
        elif wanted.isdigit() and 1 <= int(wanted) <= len(names):
            title = names[int(wanted) - 1]
        else:
            raise TableReadError("import.sheet_not_found", name=name, sheet=wanted, sheets=", ".join(names))
    else:
        title = next((n for n in names if counts[n] > 0), None) or next((n for n in names if sheets[n]), None)
        if title is None:
            raise TableReadError("import.sheets_empty", name=name, sheets=", ".join(names))
    headers, header_number, rows = _split_header(sheets[title], name, header_row)
    return Table(headers, rows, "", "xlsx", "", header_number, name, title, names, counts)
