"""The bundled Japanese TrueType fonts for reportlab (letters, reports, postcards).

IPAex Gothic and IPAex Mincho (resources/fonts, IPA Font License) are registered once per
process under the names below and embedded as subsets, so a PDF prints the same on any
machine and its text can be copied back out (Japanese included). Both fonts also hold Latin
glyphs, so English text uses them too and a mixed page needs no font switching.
"""

from __future__ import annotations

import threading

from loyaldesk import paths

GOTHIC = "IPAexGothic"  # sans-serif: reports, labels, headings
MINCHO = "IPAexMincho"  # serif: letters, postcards (the customary face for Japanese correspondence)

_FILES = {GOTHIC: "ipaexg.ttf", MINCHO: "ipaexm.ttf"}
_lock = threading.Lock()
_registered: set[str] = set()


def register_fonts() -> tuple[str, str]:
    """Register both fonts with reportlab (idempotent, thread-safe); return (gothic, mincho)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        for name, filename in _FILES.items():
            if name in _registered:
                continue
            pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", filename))))
            _registered.add(name)
    return GOTHIC, MINCHO
