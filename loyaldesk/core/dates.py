"""Dates as the user types them, and as the database stores them (ISO 8601)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from loyaldesk.core.errors import ValidationError

_SEPARATED = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse_date(value: str | dt.date | None, field: str | None = None) -> dt.date | None:
    """Parse 2023-04-01, 2023/4/1, 2023.4.1, 2023年4月1日 or 20230401 (full-width digits too).

    Empty input gives None; an impossible date (2023-02-30) raises ValidationError.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    if "T" in text or " " in text.strip():
        head = re.split(r"[T ]", text, maxsplit=1)[0]
        if _SEPARATED.match(head) or _COMPACT.match(head):
            text = head
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    raise ValidationError("date.invalid", field=field, value=value)


def from_db(value: str | None) -> dt.date | None:
    """A date column (ISO date or datetime) -> date; tolerant of what other tools wrote."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        try:
            return parse_date(value)
        except ValidationError:
            return None


def to_db(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def today() -> dt.date:
    return dt.date.today()
