"""File names for what the pipeline writes: in the user's language, valid on Windows, macOS and Linux.

`safe_name` keeps letters of any script (Japanese included) and replaces what one of the three systems
refuses: the characters :/\\*?"<>| and control characters, names Windows reserves (CON, NUL, COM1 ...),
trailing dots and spaces; it keeps names under 120 characters so that a folder path fits too.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from loyaldesk.core.i18n import CATALOG, current_language, t

_FORBIDDEN = re.compile(r'[:/\\*?"<>|\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120

CATALOG.update({
    "documents.file.letter": {"en": "Letters", "ja": "レター"},
    "documents.file.vip_letter": {"en": "VIP letters", "ja": "VIPレター"},
    "documents.file.postcard": {"en": "Postcards", "ja": "はがき宛名面"},
    "documents.file.postcard_message": {"en": "Postcard messages", "ja": "はがき文面"},
    "documents.file.envelope": {"en": "Envelopes", "ja": "封筒"},
    "documents.file.labels": {"en": "Address labels", "ja": "宛名ラベル"},
    "documents.file.invitation": {"en": "Invitations", "ja": "ご案内状"},
    "documents.file.recognition": {"en": "Recognition letter", "ja": "表彰状"},
    "documents.file.drafts": {"en": "E-mail drafts", "ja": "メール下書き"},
})


def safe_name(text: str, fallback: str = "document") -> str:
    """`text` made into a file name every system accepts (see the module docstring)."""
    name = unicodedata.normalize("NFC", text or "")
    name = _FORBIDDEN.sub(" - ", name)
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"( - )+", " - ", name).strip(" .-")
    if len(name) > MAX_STEM:
        name = name[:MAX_STEM].rstrip(" .-")
    if not name:
        name = fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name


def default_file_name(kind: str, day: dt.date, *, title: str = "", lang: str | None = None,
                      suffix: str = ".pdf") -> str:
    """'Letters 2026-12-05.pdf' / 'レター 2026-12-05.pdf'; with a title (an event, a template, a person):
    'Invitations Spring seminar - Your 2027 plan 2026-12-05.pdf'."""
    lang = lang or current_language()
    key = f"documents.file.{kind}"
    what = t(key, lang) if key in CATALOG else kind
    parts = [what] + ([title] if (title or "").strip() else []) + [day.isoformat()]
    return safe_name(" ".join(p.strip() for p in parts if p)) + suffix
