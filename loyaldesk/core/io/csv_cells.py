"""Formula-safe CSV cells (OWASP "CSV injection").

A spreadsheet opening a CSV runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula (`=HYPERLINK(...)`, `+cmd|...`). Every CSV LoyalDesk writes passes its text
cells through `protect`, which puts a `'` before such a cell (and before a cell that already starts
with quotes followed by one of those characters); the importer passes every CSV cell through
`unprotect`, which removes exactly one such `'` again, so an exported file imports back exactly.
"""

from __future__ import annotations

import re
from typing import Any

_TRIGGER = re.compile(r"'*[=+\-@\t\r]")
_PROTECTED = re.compile(r"'+[=+\-@\t\r]")


def protect(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with `'`; anything else as it is."""
    if isinstance(value, str) and _TRIGGER.match(value):
        return "'" + value
    return value


def unprotect(value: str) -> str:
    """The text of a cell written by `protect` (one leading `'` removed where protect added it)."""
    if value[:1] == "'" and _PROTECTED.match(value):
        return value[1:]
    return value
