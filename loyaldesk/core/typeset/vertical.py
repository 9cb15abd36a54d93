"""Vertical setting (縦書き) by JLREQ §3 / JIS X 4051: text to cells, cells to columns, cells to the page.

A cell is one em of the column (one character), except a Latin run set sideways, which is as long as the run.
- Kana and kanji stand upright, centred in their cell.
- Punctuation and brackets take their vertical forms: 、。 become ︑︒ (drawn in the top right of the cell by
  the font's own design), 「」『』（）【】〔〕［］｛｝〈〉《》 become ﹁﹂﹃﹄︵︶︻︼︹︺﹇﹈︷︸︿﹀︽︾, … ‥ become ︙ ︰, ― —
  become ︱ (the Unicode vertical presentation forms, U+FE10..FE19 and U+FE30..FE4F, all in IPAex; reportlab
  cannot reach the font's GSUB 'vert' glyphs). ー 〜 ～ ： ； ＝ and hyphens have no such form and are turned
  90° clockwise about the cell's centre. Small kana sit in the top right of their cell.
- A Latin run (romaji names, building names, e-mail, URLs, 14:00) of one or two characters is set
  縦中横 (tate-chu-yoko: horizontally within one cell, condensed to fit: 5F, B); a longer one is turned 90°
  clockwise and drawn as one string along the column, with a quarter em of space around it.
- A number group keeps its Japanese form as the numerals option says: kanji digit by digit (1-2-3 → 一｜二｜三,
  2027 → 二〇二七) or full-width digits, and a hyphen between numbers a vertical stroke or の; its cells are
  glued together, so a group is never split between columns.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from loyaldesk.core.typeset import rules
from loyaldesk.core.typeset.breaking import balanced_breaks, greedy_breaks
from loyaldesk.core.typeset.text import HYPHEN_CHARS, KANJI_DIGITS, SEPARATORS, normalize, tokens

VERTICAL_FORMS = {
    "（": "︵", "）": "︶", "(": "︵", ")": "︶", "「": "﹁", "」": "﹂", "『": "﹃", "』": "﹄",
    "【": "︻", "】": "︼", "〔": "︹", "〕": "︺", "［": "﹇", "］": "﹈", "[": "﹇", "]": "﹈",
    "｛": "︷", "｝": "︸", "{": "︷", "}": "︸", "〈": "︿", "〉": "﹀", "《": "︽", "》": "︾",
    "、": "︑", "。": "︒", "，": "︐", ",": "︐", "…": "︙", "‥": "︰", "―": "︱", "—": "︱",
}
UPRIGHT_FULLWIDTH = {"!": "！", "?": "？", ".": "．", "%": "％", "&": "＆", "#": "＃", "*": "＊", "@": "＠",
                     "+": "＋", "/": "／", "'": "’", '"': "”", "<": "＜", ">": "＞", "$": "＄"}
ROTATED = set("ー〜～：；＝=:;‐‑‒–−ｰ－~")  # turned 90° clockwise
SMALL_KANA = set("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")
STROKE = "\u2502"  # a cell drawn as a vertical stroke (the hyphen between numbers)
RUN_SPACE = 0.25  # em around a sideways Latin run (和欧間)
TCY_MAX = 2  # Latin runs up to this length are set 縦中横
TOWN_ENDS = set("都道府県市区郡町村")  # a natural place to break an address: after one of these


@dataclass(slots=True, frozen=True)
class Cell:
    """One unit of a vertical line: the glyph(s), how to draw them, the length along the column (em).

    mode: upright, small (small kana), rotated (one character turned 90°), stroke (a drawn vertical line),
    space, tcy (縦中横: 1-2 Latin characters side by side in one cell), run (a Latin run turned 90°).
    src: the character before it was turned (the kinsoku rules read it). glued: never break before it."""

    char: str
    mode: str = "upright"
    advance: float = 1.0
    src: str = ""
    glued: bool = False

    @property
    def source(self) -> str:
        return self.src or self.char


def extent(cells: Sequence[Cell]) -> float:
    """The length of cells along the column, in em."""
    return sum(c.advance for c in cells)


def _number_cells(text: str, numerals: str, hyphen: str) -> list[Cell]:
    digits = KANJI_DIGITS if numerals == "kanji" else "０１２３４５６７８９"
    out: list[Cell] = []
    for i, ch in enumerate(text):
        prev_digit = i > 0 and (text[i - 1].isdigit() or text[i - 1] in KANJI_DIGITS)
        next_digit = i + 1 < len(text) and (text[i + 1].isdigit() or text[i + 1] in KANJI_DIGITS)
        if ch.isascii() and ch.isdigit():
            cell = Cell(digits[int(ch)], src=ch)
        elif ch in SEPARATORS and ch != "の" and prev_digit and next_digit:
            cell = Cell("の") if hyphen == "no" else Cell(STROKE, "stroke", src="-")
        else:
            cell = Cell(ch)
        out.append(Cell(cell.char, cell.mode, 1.0, cell.src, glued=bool(out)))
    return out


def _char_cell(ch: str) -> Cell:
    if ch in VERTICAL_FORMS:
        return Cell(VERTICAL_FORMS[ch], "upright", src=ch)
    if ch in ROTATED or ch in HYPHEN_CHARS:
        return Cell(ch, "rotated")
    if ch in SMALL_KANA:
        return Cell(ch, "small")
    if ch in UPRIGHT_FULLWIDTH:
        return Cell(UPRIGHT_FULLWIDTH[ch], "upright", src=ch)
    if ch.isascii() and ch.isprintable():
        return Cell(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch, "upright", src=ch)
    return Cell(ch, "upright")


def vertical_cells(text: str, numerals: str = "kanji", hyphen: str = "stroke", face: str | None = None) -> list[Cell]:
    """The cells of one vertical line (see the module docstring). `face`: the font of the sideways Latin
    runs (their length along the column); IPAex Mincho by default."""
    from loyaldesk.core.pdf_fonts import register_fonts

    face = face or register_fonts()[1]
    toks = tokens(normalize(unicodedata.normalize("NFC", text)))
    # Latin words separated by single spaces (and digits among them) make one sideways run: Garden Tower 12F
    merged: list = []
    for tok in toks:
        if (merged and tok.kind in ("latin", "number") and len(merged) >= 2 and merged[-1].text == " "
                and merged[-2].kind == "latin" and (tok.kind == "latin" or tok.text.isascii())):
            merged.pop()
            prev = merged.pop()
            merged.append(type(tok)("latin", prev.text + " " + tok.text))
        else:
            merged.append(tok)
    cells: list[Cell] = []
    for tok in merged:
        if tok.kind == "latin":
            cells.append(_run_cell(tok.text, face))
        elif tok.kind == "number":
            cells.extend(_number_cells(tok.text, numerals, hyphen))
        elif tok.kind == "space":
            cells.append(Cell("\u3000", "space"))
        elif tok.text == STROKE:
            cells.append(Cell(STROKE, "stroke", src="-"))
        else:
            cells.append(_char_cell(tok.text))
    return _compress_punctuation(cells)


CLOSING_MARKS = set(rules.CLOSING) | set(rules.FULL_STOPS)
OPENING_MARKS = set(rules.OPENING)


def _compress_punctuation(cells: list[Cell]) -> list[Cell]:
    """Consecutive punctuation (JLREQ 3.1.4, 約物の連続): a closing mark followed by another closing one
    (。」 」、 ）」) and an opening mark after any bracket or mark (」「 、「 （「) take half a cell, so the pair
    is one and a half cells, not two. The half kept is the one with the ink: the top half of a closing
    mark, the bottom half of an opening one."""
    out = list(cells)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.mode != "upright" or b.mode != "upright":
            continue
        if a.source in CLOSING_MARKS and b.source in CLOSING_MARKS and a.advance == 1.0:
            out[i] = Cell(a.char, a.mode, 0.5, a.src, a.glued)
        elif b.source in OPENING_MARKS and (a.source in CLOSING_MARKS or a.source in OPENING_MARKS):
            out[i + 1] = Cell(b.char, b.mode, 0.5, b.src, b.glued)
    return out


# =========================================================================================
# Columns
# =========================================================================================
def may_break_before(cells: Sequence[Cell], b: int) -> bool:
    """Whether a column may start at cells[b]: not inside a number group, not before a character that may not
    start a column (、。」ー small kana...), not after one that may not end it (「（...)."""
    cur, prev = cells[b], cells[b - 1]
    if cur.mode == "space":  # the spaces are dropped: what follows them starts the column
        k = b
        while k < len(cells) and cells[k].mode == "space":
            k += 1
        return k >= len(cells) or (not cells[k].glued and rules.may_start(cells[k].source[:1]))
    if cur.glued or not rules.may_start(cur.source[:1]):
        return False
    return prev.mode == "space" or rules.may_end(prev.source[-1:])


def _pieces(word: str, per: float, face: str) -> list[str]:
    """A word longer than a column cut after its punctuation (info@ / example. / jp), else by length."""
    if stringWidth(word, face, 1.0) + RUN_SPACE <= per:
        return [word]
    parts = [p for p in re.split(r"(?<=[@./_:\-])", word) if p]
    out: list[str] = []
    current = ""
    for part in parts:
        if current and stringWidth(current + part, face, 1.0) + RUN_SPACE > per:
            out.append(current)
            current = ""
        current += part
        while stringWidth(current, face, 1.0) + RUN_SPACE > per and len(current) > 1:
            k = len(current)
            while k > 1 and stringWidth(current[:k], face, 1.0) + RUN_SPACE > per:
                k -= 1
            out.append(current[:k])
            current = current[k:]
    if current:
        out.append(current)
    return out


def _run_cell(text: str, face: str) -> Cell:
    if len(text) <= TCY_MAX:
        return Cell(text, "tcy", src=text)
    return Cell(text, "run", round(stringWidth(text, face, 1.0) + RUN_SPACE, 4), src=text)


def _split_long_runs(cells: Sequence[Cell], per: float, face: str | None) -> list[Cell]:
    """A sideways run longer than a column is cut at its spaces, then after its punctuation (never inside a
    word unless a word alone is longer than the column)."""
    out: list[Cell] = []
    for cell in cells:
        if cell.mode != "run" or cell.advance <= per:
            out.append(cell)
            continue
        from loyaldesk.core.pdf_fonts import register_fonts

        f = face or register_fonts()[1]
        words = cell.char.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if line and stringWidth(candidate, f, 1.0) + RUN_SPACE > per:
                out.append(_run_cell(line, f))
                line = ""
                candidate = word
            pieces = _pieces(candidate, per, f)
            for piece in pieces[:-1]:
                out.append(_run_cell(piece, f))
            line = pieces[-1]
        if line:
            out.append(_run_cell(line, f))
    return out


def break_columns(cells: Sequence[Cell], per: float, face: str | None = None) -> list[list[Cell]]:
    """Fill columns of `per` em, top to bottom, with the kinsoku rules and unsplit number groups and Latin
    runs (linear time). A space that would start a column is dropped."""
    cells = _split_long_runs(cells, per, face)
    if not cells:
        return []
    ranges = greedy_breaks([c.advance for c in cells], per, lambda b: may_break_before(cells, b),
                           skip=lambda i: cells[i].mode == "space")
    return [list(cells[a:b]) for a, b in ranges]


STREET_MARKS = set("丁目番号地の")


def _ends_street_number(cells: Sequence[Cell], b: int) -> bool:
    """Whether cells[:b] ends with a street number: a number group written with digits, or with a hyphen,
    の or 丁目 番 号 地 (一丁目二番三号, 1-2-3, 205) — not a kanji numeral of a name (五十嵐, 三田)."""
    if b < 1 or b >= len(cells) + 1 or cells[b - 1].mode == "space" or (b < len(cells) and cells[b].glued):
        return False
    a = b - 1
    while a > 0 and cells[a].glued:
        a -= 1
    group = cells[a:b]
    return any(c.src[:1].isdigit() or c.mode == "stroke" or c.char in STREET_MARKS or c.mode == "rotated"
               for c in group) and (len(group) > 1 or group[0].src[:1].isdigit())


def _town_bonus(cells: Sequence[Cell], b: int) -> float:
    """Natural places to break an address, in em: at a space, after the street number (before the
    building), after the town (都道府県市区郡町村)."""
    prev, cur = cells[b - 1], cells[b]
    if prev.mode == "space" or cur.mode == "space":
        return 3.0
    if _ends_street_number(cells, b):
        return 2.5
    if prev.source[-1:] in TOWN_ENDS:
        return 2.0
    if _ends_kyoto_direction(cells, b):
        return 2.0
    if prev.source[-1:] == "通" and cur.source[:1] not in "り町":  # a Kyoto street: 烏丸通 / 三条上ル
        return 1.5
    return 0.0


KYOTO_DIRECTIONS = ("上ル", "下ル", "入ル", "上る", "下る", "入る", "西入", "東入")


def _ends_kyoto_direction(cells: Sequence[Cell], b: int) -> bool:
    """Whether cells[:b] ends with a Kyoto direction (烏丸通仏光寺下ル / 河原町通三条上ル / 西入): the place
    before the town name."""
    tail = "".join(c.source for c in cells[max(0, b - 2):b])
    return tail in KYOTO_DIRECTIONS and not (b < len(cells) and cells[b].source in "ルる")


def balanced_columns(cells: Sequence[Cell], per: float, face: str | None = None,
                     max_columns: int = 6, natural_only: bool = False) -> list[list[Cell]] | None:
    """An address line in as few columns of `per` em as it needs, of about equal length, broken at a
    natural place (after the town, after a Kyoto street or direction 烏丸通 / 下ル, before the number group
    or the building) and never inside a number group or a Latin run. natural_only: only at natural places
    (None when that cannot be done in max_columns)."""
    cells = _split_long_runs(cells, per, face)
    widths = [c.advance for c in cells]
    total = sum(widths)
    k = max(1, math.ceil(total / per - 1e-6))
    if natural_only:
        allowed = lambda b: may_break_before(cells, b) and _town_bonus(cells, b) > 0  # noqa: E731
    else:
        allowed = lambda b: may_break_before(cells, b)  # noqa: E731
    while k <= max_columns:
        ranges = balanced_breaks(widths, per, k, allowed, lambda b: _town_bonus(cells, b))
        if ranges is not None:
            return [_strip(list(cells[a:b])) for a, b in ranges]
        k += 1
    return None if natural_only else break_columns(cells, per, face)


def split_building(cells: Sequence[Cell]) -> list[list[Cell]]:
    """An address line that holds the building after the street number (梅田1-1-3大阪駅前第一ビル12F) as two
    lines: the address up to the number group, and the building (Japan Post: the building on its own line).
    The line as it is when nothing of two cells or more follows a number group of two cells or more."""
    cut = None
    for b in range(2, len(cells)):
        if cells[b - 1].glued and _ends_street_number(cells, b):
            cut = b
    if cut is None:
        return [list(cells)]
    head, tail = _strip(list(cells[:cut])), _strip(list(cells[cut:]))
    if extent(tail) < 2 or not head or not rules.may_start(tail[0].source[:1]):
        return [list(cells)]
    return [head, tail]


def _strip(cells: list[Cell]) -> list[Cell]:
    while cells and cells[0].mode == "space":
        cells.pop(0)
    while cells and cells[-1].mode == "space":
        cells.pop()
    return cells


# =========================================================================================
# Drawing
# =========================================================================================
CENTRE = 0.38  # IPAex: the em box's centre above the baseline (ascent 0.88, descent 0.12)
LATIN_CENTRE = 0.34  # Latin letters: the middle of the capitals and lower case


def draw_cells(canvas, cells: Sequence[Cell], x_centre: float, y_top: float, size: float, face: str,
               pitch: float | None = None) -> float:
    """Draw cells down a column whose centre line is x_centre and whose top is y_top (PDF points, y up);
    each cell is `pitch` long (default: the size) times its advance. Return the y below the last cell."""
    step = pitch or size
    y = y_top
    for cell in cells:
        length = step * cell.advance
        cy = y - length / 2
        mode = cell.mode
        if mode == "stroke":
            canvas.saveState()
            canvas.setLineWidth(size * 0.07)
            canvas.line(x_centre, cy + size * 0.36, x_centre, cy - size * 0.36)
            canvas.restoreState()
        elif mode == "rotated":
            canvas.saveState()
            canvas.translate(x_centre, cy)
            canvas.rotate(-90)
            canvas.setFont(face, size)
            canvas.drawString(-stringWidth(cell.char, face, size) / 2, -CENTRE * size, cell.char)
            canvas.restoreState()
        elif mode == "run":
            canvas.saveState()
            canvas.translate(x_centre, y - step * RUN_SPACE / 2)
            canvas.rotate(-90)
            canvas.setFont(face, size)
            canvas.drawString(0, -LATIN_CENTRE * size, cell.char)
            canvas.restoreState()
        elif mode == "tcy":
            width = stringWidth(cell.char, face, size)
            scale = min(1.0, 0.92 * size / width) if width else 1.0
            canvas.saveState()
            canvas.translate(x_centre - width * scale / 2, cy - LATIN_CENTRE * size)
            canvas.scale(scale, 1.0)
            canvas.setFont(face, size)
            canvas.drawString(0, 0, cell.char)
            canvas.restoreState()
        elif mode != "space":
            canvas.setFont(face, size)
            width = stringWidth(cell.char, face, size)
            shift = 0.1 * size if mode == "small" else 0.0
            if cell.advance < 1.0:  # a compressed mark: its em box hangs over the half without ink
                cy = y if cell.source in OPENING_MARKS else y - step / 2
            canvas.drawString(x_centre - width / 2 + shift, cy - CENTRE * size + shift, cell.char)
        y -= length
    return y
