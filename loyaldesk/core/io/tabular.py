"""Reading a CSV, TSV or Excel file into a table of strings, with rows numbered as a spreadsheet shows them.

The format comes from the content (an .xlsx file is a zip archive) and the extension; the
delimiter of a text file from its first lines; the encoding from a BOM, else UTF-8 if the
bytes are valid UTF-8, else CP932 (what Excel on Japanese Windows writes as "Shift_JIS":
decoding as cp932 keeps 髙, ① and the other vendor characters).

Row numbers: the first non-empty row is the header; every row counts as one row of the
spreadsheet (a quoted cell spanning several lines is one row), and completely empty rows are
left out of `rows` without changing the numbers of the rows after them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import CATALOG

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
        "en": "{name}: the Excel file could not be read ({detail}).",
        "ja": "{name}: Excel ファイルを読み込めませんでした（{detail}）。",
    },
    "import.table_csv": {
        "en": "{name}: the file could not be read as CSV near row {row} ({detail}).",
        "ja": "{name}: {row} 行目付近を CSV として読み込めませんでした（{detail}）。",
    },
})

XLSX_SUFFIXES = (".xlsx", ".xlsm")
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
    header_row: int = 1  # the spreadsheet row of the header (1 unless rows above it are empty)
    name: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)  # all sheet names of a workbook

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: str | Path) -> Table:
    """Read a .csv/.tsv/.txt/.xlsx file (format detected from content and extension)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TableReadError("import.table_not_found", name=str(path)) from exc
    except OSError as exc:
        raise TableReadError("import.table_os_error", name=path.name, detail=exc.strerror or str(exc)) from exc
    return read_table_bytes(data, path.name)


def read_table_bytes(data: bytes, name: str = "data.csv") -> Table:
    """Read a table from the bytes of a file called name (the name's extension is a hint)."""
    suffix = Path(name).suffix.lower()
    if data.startswith(_ZIP):
        return _read_xlsx(data, name)
    if data.startswith(_OLE2):
        raise TableReadError("import.table_xls", name=name)
    text, encoding = decode(data, name)
    return _read_text(text, encoding, name, suffix)


# --- text ---------------------------------------------------------------------------------------
def decode(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding): a BOM decides; else strict UTF-8; else CP932; else TableReadError."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # Excel's "Unicode text" (tab-separated)
    else:
        if b"\x00" in data[:65536]:
            raise TableReadError("import.table_binary", name=name)
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = "cp932"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TableReadError("import.table_encoding", name=name) from exc
    if "\x00" in text[:65536] or _looks_binary(text[:8192]):
        raise TableReadError("import.table_binary", name=name)
    return text, encoding


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


def _read_text(text: str, encoding: str, name: str, suffix: str) -> Table:
    delimiter = sniff_delimiter(text[:65536], suffix)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    header_row = 1
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if not cells or not "".join(cells).strip():
                continue
            if headers is None:
                headers = [c.strip().lstrip("\ufeff").strip() for c in cells]
                header_row = number
                continue
            rows.append((number, cells))
    except csv.Error as exc:
        raise TableReadError("import.table_csv", name=name, row=number + 1, detail=str(exc)) from exc
    if headers is None:
        raise TableReadError("import.table_empty", name=name)
    _pad(rows, len(headers))
    fmt = "tsv" if delimiter == "\t" else "csv"
    return Table(headers, rows, encoding, fmt, delimiter, header_row, name)


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


def _read_xlsx(data: bytes, name: str) -> Table:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, IndexError, AttributeError,
            SyntaxError) as exc:
        raise TableReadError("import.table_xlsx", name=name, detail=type(exc).__name__) from exc
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged files
        raise TableReadError("import.table_xlsx", name=name, detail=type(exc).__name__) from exc
    try:
        if not workbook.worksheets:
            raise TableReadError("import.table_empty", name=name)
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # some writers store a wrong size ("A1"), which would cut the data
        headers: list[str] | None = None
        header_row = 1
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            if not cells or not "".join(cells).strip():
                continue
            if headers is None:
                headers = [c.strip() for c in cells]
                header_row = number
                continue
            rows.append((number, cells))
        sheet_names = list(workbook.sheetnames)
        title = sheet.title
    except TableReadError:
        raise
    except Exception as exc:  # damaged sheet XML
        raise TableReadError("import.table_xlsx", name=name, detail=type(exc).__name__) from exc
    finally:
        workbook.close()
    if headers is None:
        raise TableReadError("import.table_empty", name=name)
    _pad(rows, len(headers))
    return Table(headers, rows, "", "xlsx", "", header_row, name, title, sheet_names)
