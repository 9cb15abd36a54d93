"""Horizontal lines (横書き) with the same rules as the vertical text: kinsoku by 追い出し (JIS X 4051 §5),
number groups and Latin words never split (English breaks only at spaces), Japanese lines that were broken
justified to the measure (両端揃え: the spare width spread between the characters, JLREQ §3.8). Linear in
the length of the text; `TextBlock` is the reportlab flowable of letters and the report (it continues on the
next frame or page by lines, without breaking the text again)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from loyaldesk.core.typeset import rules
from loyaldesk.core.typeset.breaking import greedy_breaks
from loyaldesk.core.typeset.text import tokens

MAX_STRETCH = 0.25  # em between two characters at most when justifying (JLREQ §3.8: a line that would be
# spread wider is broken inside the Latin run that follows at its own break opportunity, else left ragged)
LATIN_BREAK = re.compile(r"(?<=[@/_?&=\-])(?![/\-])|(?<=[^./])(?=\.[^.])")  # after @ / - _ ? & =, before a dot


@dataclass(slots=True)
class Line:
    text: str
    width: float  # pt, as set (without justification)
    indent: float  # pt
    justify: bool  # broken inside a paragraph: spread to the measure (Japanese)


def units_of(text: str) -> list[str]:
    """Latin words, number groups, spaces and single characters; …… and ‥‥ stay together."""
    out: list[str] = []
    for tok in tokens(text):
        if tok.kind == "char" and tok.text in rules.INSEPARABLE and out and out[-1][-1:] == tok.text:
            out[-1] += tok.text
        else:
            out.append(tok.text)
    return out


def _stretchable(unit: str) -> bool:
    """A unit whose characters are spread apart when a line is justified: Japanese characters are; a Latin
    run, an e-mail, a URL or a number written in ASCII stays as it is (only the space around it grows)."""
    return not (len(unit) > 1 and unit.isascii())


def gaps(units: Sequence[str]) -> int:
    """The places justification spreads in a line of these units (between characters, not inside a Latin
    run or an ASCII number)."""
    return max(0, sum(len(u) if _stretchable(u) else 1 for u in units) - 1)


def latin_pieces(unit: str) -> list[str]:
    """A Latin run cut at its own break opportunities (after @ / - _ ? & =, before a dot): info@ / example
    / .jp, https:// / example.jp/ / contact. The run itself when it has none or is short."""
    if len(unit) < 8 or not unit.isascii() or " " in unit:
        return [unit]
    return [p for p in LATIN_BREAK.split(unit) if p]


def _allowance(units: Sequence[str], widths: Sequence[float], a: int, b: int, size: float) -> float:
    """How much room justification may spread over the line units[a:b] (its trailing spaces are dropped, so
    their width is room too)."""
    trail = 0.0
    while b > a and units[b - 1].isspace():
        b -= 1
        trail += widths[b]
    return MAX_STRETCH * size * gaps(units[a:b]) - trail


def _may_break(units: Sequence[str], b: int) -> bool:
    prev, cur = units[b - 1], units[b]
    if cur.isspace():  # the spaces are dropped: what follows them starts the line
        k = b
        while k < len(units) and units[k].isspace():
            k += 1
        return k >= len(units) or rules.may_start(units[k][:1])
    if not rules.may_start(cur[:1]):
        return False
    if prev.isspace():
        return True
    if not rules.may_end(prev[-1:]):
        return False
    # Latin text breaks only at spaces; next to Japanese a break is allowed
    return rules.is_japanese_char(prev[-1]) or rules.is_japanese_char(cur[0])


def wrap(text: str, face: str, size: float, width: float, first_indent: float = 0.0,
         hang: float = 0.0) -> list[Line]:
    """The lines of one paragraph at `width` pt (the first line indented by first_indent pt, the others by
    hang pt: the items of a 記 block continue under their text, not under 一、)."""
    units = units_of(text)
    cache: dict[str, float] = {}

    def measure(u: str) -> float:
        w = cache.get(u)
        if w is None:
            w = cache[u] = stringWidth(u, face, size)
        return w

    # a unit wider than the measure (a very long URL) is set character by character
    expanded: list[str] = []
    for u in units:
        if len(u) > 1 and measure(u) > width - first_indent:
            expanded.extend(u)
        else:
            expanded.append(u)
    # a Latin run's own break opportunities: taken only when the line would otherwise be spread too wide
    soft_at: set[int] = set()
    units = []
    for u in expanded:
        pieces = latin_pieces(u) if len(u) > 1 and u.isascii() and u[:1].isalnum() else [u]
        for k, piece in enumerate(pieces):
            if k:
                soft_at.add(len(units))
            units.append(piece)
    widths = [measure(u) for u in units]
    limit = lambda i: width - (first_indent if i == 0 else hang)  # noqa: E731
    japanese = is_japanese(text)
    ranges = greedy_breaks(widths, limit, lambda b: b not in soft_at and _may_break(units, b),
                           skip=lambda i: units[i].isspace(), soft=soft_at.__contains__ if japanese else None,
                           max_spare=lambda i, b: _allowance(units, widths, i, b, size))
    lines: list[Line] = []
    for k, (a, b) in enumerate(ranges):
        while b > a and units[b - 1].isspace() and k < len(ranges) - 1:
            b -= 1
        piece = "".join(units[a:b])
        lines.append(Line(piece, sum(widths[a:b]), first_indent if k == 0 else hang, k < len(ranges) - 1))
    return lines or [Line("", 0.0, first_indent, False)]


def is_japanese(text: str) -> bool:
    return any(rules.is_japanese_char(ch) for ch in text)


class TextBlock(Flowable):
    """A paragraph of plain text set with `wrap` (style: a ParagraphStyle: fontName, fontSize, leading,
    alignment, firstLineIndent, textColor, spaceBefore, spaceAfter). Japanese lines are justified unless the
    style is centred or flush right (or justify=False: table cells); English lines follow the style's
    alignment."""

    def __init__(self, text: str, style, *, justify: bool = True, hang: float = 0.0, _lines: list[Line] | None = None,
                 _span: tuple[int, int] | None = None, _width: float | None = None, _japanese: bool | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._lines = _lines
        self._span = _span
        self._lines_width = _width
        self.japanese = is_japanese(text) if _japanese is None else _japanese
        self.justify = justify
        self.hang = hang

    # platypus protocol --------------------------------------------------------------------
    def _ensure(self, width: float) -> None:
        if self._lines is None or (self._span is None and self._lines_width != width):
            st = self.style
            self._lines = wrap(self.text, st.fontName, st.fontSize, width, st.firstLineIndent or 0.0, self.hang)
            self._lines_width = width
            self._span = None

    def _range(self) -> tuple[int, int]:
        return self._span if self._span is not None else (0, len(self._lines or []))

    def wrap(self, availWidth, availHeight):  # noqa: N802,N803 (reportlab's names)
        self._ensure(availWidth)
        a, b = self._range()
        self.width = availWidth if self._span is None else self._lines_width
        self.height = (b - a) * self.style.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N802,N803
        self._ensure(availWidth if self._span is None else self._lines_width)
        a, b = self._range()
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit <= 0:
            return []
        if fit >= b - a:
            return [self]
        width = self._lines_width
        return [TextBlock(self.text, self.style, _lines=self._lines, _span=(a, a + fit), _width=width,
                          _japanese=self.japanese, justify=self.justify, hang=self.hang),
                TextBlock(self.text, self.style, _lines=self._lines, _span=(a + fit, b), _width=width,
                          _japanese=self.japanese, justify=self.justify, hang=self.hang)]

    def minWidth(self):  # noqa: N802
        st = self.style
        return max((stringWidth(u, st.fontName, st.fontSize) for u in units_of(self.text)), default=0.0)

    def draw(self) -> None:
        st = self.style
        canvas = self.canv
        a, b = self._range()
        width = self._lines_width or self.width
        canvas.setFillColor(st.textColor)
        y = self.height - st.fontSize
        for line in (self._lines or [])[a:b]:
            x = line.indent
            char_space = 0.0
            if st.alignment == TA_CENTER:
                x = (width - line.width) / 2
            elif st.alignment == TA_RIGHT:
                x = width - line.width
            elif self.justify and line.justify and self.japanese and len(line.text) > 1:
                spare = width - line.indent - line.width
                units = units_of(line.text)
                n = gaps(units)
                if n and 0 < spare <= MAX_STRETCH * st.fontSize * n + 1e-6:
                    char_space = spare / n
            text = canvas.beginText(x, y)
            text.setFont(st.fontName, st.fontSize)
            if char_space:
                # the space goes between characters, never inside a Latin run or an ASCII number
                pending = ""
                for u in units:
                    if _stretchable(u):
                        pending += u
                        continue
                    if pending:
                        text.setCharSpace(char_space)
                        text.textOut(pending)
                        pending = ""
                    text.setCharSpace(0)
                    text.textOut(u[:-1])
                    text.setCharSpace(char_space)
                    text.textOut(u[-1])
                if pending:
                    text.setCharSpace(char_space)
                    text.textOut(pending)
            else:
                # the character spacing is part of the graphics state, kept from one text object to the
                # next: a line after a justified one is set without it
                text.setCharSpace(0)
                text.textOut(line.text)
            canvas.drawText(text)
            y -= st.leading
