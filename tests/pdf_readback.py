"""Text read back from a PDF with its position and direction (pypdf), for the typesetting tests.

Every text-showing operation gives a Glyphs: its text, the page-space centre of its em box (x, y in points,
y up, so a column reads top to bottom as y decreasing), its size and its direction (0: horizontal text,
-90: turned 90° clockwise, as a sideways Latin run or a turned ー in a vertical column)."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from loyaldesk.core.pdf_fonts import MINCHO, register_fonts


@dataclass(frozen=True)
class Glyphs:
    text: str
    x: float  # the centre of the text's em box
    y: float
    size: float
    angle: float  # degrees: 0 horizontal, -90 turned clockwise
    origin_x: float
    origin_y: float
    spacing: float = 0.0  # the character spacing (Tc) in force when the run ends, in points (justification)




def glyphs(data: bytes, page: int = 0) -> list[Glyphs]:
    register_fonts()
    found: list[Glyphs] = []
    state = {"tc": 0.0}

    def operand(op, args, cm, tm):
        if op == b"Tc" and args:
            state["tc"] = float(args[0])

    def visit(text, cm, tm, font, size):
        text = text.strip("\n")
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        e = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        f = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        # the centre of the em box, (width / 2, 0.36 em above the baseline) in text space, on the page
        u, v = stringWidth(text, MINCHO, size) / 2, 0.36 * size
        found.append(Glyphs(text, e + a * u + c * v, f + b * u + d * v, size * math.hypot(c, d),
                            round(math.degrees(math.atan2(b, a))), e, f, state["tc"]))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit, visitor_operand_before=operand)
    return found


def columns(runs: list[Glyphs], tolerance: float = 1.2) -> list[list[Glyphs]]:
    """Vertical columns, right to left, each top to bottom: cells grouped by their centre x."""
    cols: list[list[Glyphs]] = []
    for g in sorted(runs, key=lambda g: -g.x):
        if cols and abs(cols[-1][0].x - g.x) <= tolerance:
            cols[-1].append(g)
        else:
            cols.append([g])
    return [sorted(col, key=lambda g: -g.y) for col in cols]


def lines(runs: list[Glyphs], tolerance: float = 1.0) -> list[str]:
    """Horizontal lines, top to bottom: the runs of one baseline joined left to right."""
    rows: list[list[Glyphs]] = []
    for g in sorted((g for g in runs if g.angle == 0), key=lambda g: -g.origin_y):
        if rows and abs(rows[-1][0].origin_y - g.origin_y) <= tolerance:
            rows[-1].append(g)
        else:
            rows.append([g])
    return ["".join(g.text for g in sorted(row, key=lambda g: g.origin_x)) for row in rows]


def char_spacings(data: bytes, page: int = 0) -> list[tuple[float, float]]:
    """Every character spacing (Tc) the page sets, with the font size then in force, in points: the extra
    space justification puts after each character."""
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(data))
    pg = reader.pages[page]
    out: list[tuple[float, float]] = []
    size = 0.0
    for operands, op in ContentStream(pg.get_contents(), reader).operations:
        if op == b"Tf":
            size = float(operands[1])
        elif op == b"Tc":
            out.append((float(operands[0]), size))
    return out
