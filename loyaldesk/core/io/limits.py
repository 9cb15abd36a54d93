"""Limits that keep a hostile or broken file from taking the machine's memory or time.

Compressed files (.zip archives, .xlsx workbooks, which are zip files too) are checked before
anything is decompressed: each member's uncompressed size, as its zip header states it
(ZipInfo.file_size), must stay under a limit, and a large member may not expand more than
RATIO_LIMIT times its compressed size (ZipInfo.compress_size): a "zip bomb" of one 3 GB line
in a 3 MB file, or a workbook whose sheet XML is gigabytes of whitespace, is refused at once.
zipfile itself stops reading a member at its stated size, so the header cannot lie about it.

A single field (a cell of a table) is at most FIELD_LIMIT characters: a longer one is an error of
its row, and the rest of the file is read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import CATALOG

CATALOG.update({
    "import.zip_too_large": {
        "en": "{name}: “{member}” would expand to {size}, more than the {limit} LoyalDesk reads from one "
        "part of a file. Nothing was imported.",
        "ja": "{name}: 「{member}」は展開すると {size} になり、LoyalDesk が 1つの部分から読み込める上限"
        "（{limit}）を超えます。何も取り込んでいません。",
    },
    "import.zip_ratio": {
        "en": "{name}: “{member}” would expand {ratio:,} times its compressed size (to {size}); no real "
        "spreadsheet or LoyalDesk archive does that (limit {limit:,} times), so the file is refused. "
        "Nothing was imported.",
        "ja": "{name}: 「{member}」は圧縮サイズの {ratio:,}倍（{size}）に展開されます。実際の表計算ファイルや "
        "LoyalDesk のアーカイブではありえない圧縮率（上限 {limit:,}倍）のため、読み込みません。"
        "何も取り込んでいません。",
    },
    "import.field_too_long": {
        "en": "this value has {count:,} characters; a field holds at most {limit:,} (1 MB): the row is not imported",
        "ja": "この値は {count:,}文字あります。1つの項目は {limit:,}文字（1 MB）までです。この行は取り込みません",
    },
})

MB = 1 << 20
FIELD_LIMIT = 1_000_000  # characters of one cell of a table (CSV, TSV, xlsx)
RATIO_LIMIT = 100  # real files compress 3-20 times; deflate can reach about 1,000
RATIO_FLOOR = 8 * MB  # a member smaller than this cannot hurt, whatever its ratio
XLSX_MEMBER_LIMIT = 512 * MB  # one part of a workbook (a sheet's XML, the shared strings)
ARCHIVE_MEMBER_LIMIT = 4096 * MB  # one table of a LoyalDesk archive (read line by line)
ARCHIVE_LINE_LIMIT = 128 * MB  # one row of an archive (a client's notes are kept whole)
CALENDAR_FILE_LIMIT = 64 * MB  # an .ics file (ten busy years of a calendar export are a few MB)
CALENDAR_OCCURRENCE_LIMIT = 50_000  # events of one import once repeating ones are expanded (27 a day for 5 years)


def size_text(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):,.1f} GB"
    if size >= MB:
        return f"{size / MB:,.1f} MB"
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} B"


def check_zip_members(infos: Iterable[zipfile.ZipInfo], name: str, member_limit: int) -> None:
    """LoyalDeskError for the first member too large, or expanding too much, to be read."""
    for info in infos:
        if info.is_dir():
            continue
        size = info.file_size
        if size > member_limit:
            raise LoyalDeskError("import.zip_too_large", name=name, member=info.filename, size=size_text(size),
                                 limit=size_text(member_limit))
        if size > RATIO_FLOOR:
            ratio = size // max(1, info.compress_size)
            if ratio > RATIO_LIMIT:
                raise LoyalDeskError("import.zip_ratio", name=name, member=info.filename, ratio=ratio,
                                     size=size_text(size), limit=RATIO_LIMIT)
