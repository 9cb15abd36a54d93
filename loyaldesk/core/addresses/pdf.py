"""Postcard address sides, envelopes and label sheets as PDF (reportlab canvas).

All positions are in mm from the top-left corner of the page (docs/addresses.md has every
dimension); the calibration offset of AddressOptions moves everything (x right, y down).

- Postcard (はがき) 100 x 148 mm. Recipient postal code: 7 boxes 5.7 x 8 mm, the block 47.7 mm
  wide, its top 12 mm from the top and its right 8 mm from the right edge; gaps 1.3, 1.3, 1.9
  (the hyphen), 1.1, 1.1, 1.1 mm. Sender postal code: 7 boxes 4.0 x 6.0 mm, the block 5.0 mm
  from the left edge and its top 128.0 mm from the top, gaps 0.7, 0.7, 1.2, 0.7, 0.7, 0.7 mm
  (32.7 mm wide: the sender frame of Japan Post's printed postcards, approximately: check with
  a proof and the calibration offset). Each digit is centred in its box.
- 長形3号 envelope 120 x 235 mm, vertical; the recipient postal code in the same boxes as a
  postcard (12 mm from the top, 8 mm from the right); the sender on the back (a second page)
  or at the bottom left of the front.
- DL 220 x 110 mm and #10 241.3 x 104.8 mm (9.5 x 4.125 in), horizontal, for English addresses.
- Label sheets: see LABEL_LAYOUTS.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from loyaldesk.core.addresses.compose import (DL, ENVELOPE_LAYOUTS, LABEL_LAYOUTS, NAGA3, NO10, POSTCARD,  # noqa: F401
                                             AddressEntry, AddressOptions, Cell, LabelLayout, normalize_numbers,
                                             vertical_cells)
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.letters.compose import ORGANIZATION, english_honorific
from loyaldesk.core.letters.sender import SenderProfile, SenderProfiles, sender_for
from loyaldesk.core.pdf_fonts import register_fonts
from loyaldesk.core.postal import digits as postal_digits
from loyaldesk.core.postal import format_postal_code
from loyaldesk.core.typeset.vertical import balanced_columns, draw_cells, extent, split_building

INK = colors.HexColor("#111111")
BOX_RED = colors.HexColor("#E0463C")  # proofs: the vermilion of printed postal-code boxes

BOX_W, BOX_H = 5.7, 8.0
BOX_GAPS = (1.3, 1.3, 1.9, 1.1, 1.1, 1.1)
BOX_TOP, BOX_RIGHT = 12.0, 8.0
SENDER_BOX_W, SENDER_BOX_H = 4.0, 6.0
SENDER_BOX_GAPS = (0.7, 0.7, 1.2, 0.7, 0.7, 0.7)
SENDER_BOX_LEFT, SENDER_BOX_TOP = 5.0, 128.0
DIGIT_SIZE = 13.0  # pt, recipient boxes
SENDER_DIGIT_SIZE = 9.5


def box_positions(right_edge: float, top: float, width: float = BOX_W, gaps: Sequence[float] = BOX_GAPS,
                  height: float = BOX_H, from_left: float | None = None) -> list[tuple[float, float, float, float]]:
    """The 7 boxes (x, y, w, h) in mm from the top-left corner, for a block ending at `right_edge`
    (or starting at `from_left`)."""
    total = 7 * width + sum(gaps)
    x = from_left if from_left is not None else right_edge - total
    result = []
    for i in range(7):
        result.append((x, top, width, height))
        x += width + (gaps[i] if i < 6 else 0)
    return result


def recipient_boxes(page_w: float) -> list[tuple[float, float, float, float]]:
    return box_positions(page_w - BOX_RIGHT, BOX_TOP)


def sender_boxes() -> list[tuple[float, float, float, float]]:
    return box_positions(0, SENDER_BOX_TOP, SENDER_BOX_W, SENDER_BOX_GAPS, SENDER_BOX_H, from_left=SENDER_BOX_LEFT)


class _Page:
    """A canvas page with mm-from-the-top-left helpers and the calibration offset."""

    def __init__(self, canvas: Canvas, size: tuple[float, float], options: AddressOptions) -> None:
        self.c = canvas
        self.w, self.h = size
        self.dx = options.offset_x_mm
        self.dy = options.offset_y_mm
        self.options = options
        self.gothic, self.mincho = register_fonts()

    def card_edge(self) -> None:
        """In proof mode, the edge of a postcard (on blank paper, to check the layout)."""
        if not self.options.proof:
            return
        self.c.saveState()
        self.c.setStrokeColor(colors.HexColor("#BBBBBB"))
        self.c.setLineWidth(0.3)
        self.c.rect(self.x(0.5), self.y(147.5), 99 * mm, 147 * mm)
        self.c.restoreState()

    def x(self, x_mm: float) -> float:
        return (x_mm + self.dx) * mm

    def y(self, y_mm: float) -> float:
        return (self.h - y_mm - self.dy) * mm

    # --- postal codes -----------------------------------------------------------------------
    def postal_boxes(self, boxes, code: str, size: float, proof: bool, thick: float = 0.5) -> None:
        c = self.c
        if proof:
            c.saveState()
            c.setStrokeColor(BOX_RED)
            for i, (x, y, w, h) in enumerate(boxes):
                c.setLineWidth((thick if i < 3 else thick * 0.6) * mm)
                c.rect(self.x(x), self.y(y + h), w * mm, h * mm)
            x3, y3, w3, h3 = boxes[2]
            c.setLineWidth(thick * mm)
            c.line(self.x(x3 + w3), self.y(y3 + h3 / 2), self.x(boxes[3][0]), self.y(y3 + h3 / 2))
            c.restoreState()
        number = postal_digits(code)
        if len(number) != 7:
            return
        face = self.gothic
        cap = _cap_height(face)
        c.setFillColor(INK)
        c.setFont(face, size)
        for (x, y, w, h), digit in zip(boxes, number):
            width = stringWidth(digit, face, size)
            cx, cy = x + w / 2, y + h / 2
            c.drawString(self.x(cx) - width / 2, self.y(cy) - cap * size / 2, digit)

    # --- vertical text ----------------------------------------------------------------------
    def vertical(self, cells: Sequence[Cell], x_center: float, y_top: float, size: float, face: str | None = None,
                 pitch: float | None = None) -> float:
        """Draw the cells top to bottom, centred on x_center (mm) (typeset.vertical.draw_cells: vertical
        forms, turned characters, 縦中横 and sideways Latin runs); return the y (mm) below the last one."""
        self.c.setFillColor(INK)
        self.c.setStrokeColor(INK)
        bottom = draw_cells(self.c, cells, self.x(x_center), self.y(y_top), size, face or self.mincho, pitch)
        return self.h - self.dy - bottom / mm

    def horizontal(self, lines: Sequence[tuple[str, float]], x: float, y_top: float, face: str | None = None,
                   leading: float = 1.35) -> float:
        """Lines (text, size pt) left-aligned from (x, y_top) mm; return the y below the last."""
        c = self.c
        face = face or self.mincho
        y = y_top
        c.setFillColor(INK)
        for text, size in lines:
            y += size / mm
            c.setFont(face, size)
            c.drawString(self.x(x), self.y(y), text)
            y += (leading - 1) * size / mm
        return y


def _cap_height(face: str) -> float:
    """The height of the digits as a fraction of the font size (IPAex: the cap height)."""
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(face).face.capHeight / 1000.0


def digit_centre_offset(face: str, digit: str, size: float) -> tuple[float, float]:
    """From a digit's text origin to the centre of the digit (pt): what `postal_boxes` centres."""
    return stringWidth(digit, face, size) / 2, _cap_height(face) * size / 2


# =========================================================================================
# Vertical blocks
# =========================================================================================
def _address_columns(entry_lines: Sequence[str], options: AddressOptions, length_mm: float, size: float,
                     min_size: float, max_columns: int = 3) -> tuple[list[tuple[list[Cell], int]], float]:
    """Address lines as columns [(cells, indent in cells)]: one column per line when the size can shrink to
    three quarters to fit, else (at the full size) the long line is split in balanced columns at a natural place (after the
    town, before the building; never inside a street number or a Latin run: typeset.vertical), shrinking
    until max_columns fit. A second line (the building) starts lower, by up to 2 cells, when it has room."""
    lines = [vertical_cells(line, options.numerals, options.hyphen) for line in entry_lines if line.strip()]
    if not lines:
        return [], size
    lines = split_building(lines[0]) + lines[1:]  # the building on its own column
    longest = max(extent(cells) for cells in lines)
    if length_mm / longest * mm >= size * 0.75:  # one column per line at up to a quarter smaller
        size = min(size, length_mm / longest * mm)
    else:
        # a long line split only at natural places (after the town, a Kyoto street or direction, before the
        # street number), at up to an eighth smaller, rather than in the middle of a name (烏丸通仏 / 光寺)
        natural = _natural_columns(lines, length_mm, size, max(min_size, size * 0.875), max_columns)
        if natural is not None:
            return natural
    while True:
        per = max(length_mm / (size / mm), 4.0)
        columns: list[tuple[list[Cell], int]] = []
        for i, cells in enumerate(lines):
            if extent(cells) <= per + 1e-6:
                indent = min(2, int(per - extent(cells))) if i else 0
                columns.append((cells, indent))
                continue
            for j, part in enumerate(balanced_columns(cells, per)):
                columns.append((part, 0 if j == 0 else min(1, int(per - extent(part)))))
        if len(columns) <= max_columns or size <= min_size:
            return columns, size
        size -= 0.5


def _natural_columns(lines: Sequence[list[Cell]], length_mm: float, size: float, smallest: float,
                     max_columns: int) -> tuple[list[tuple[list[Cell], int]], float] | None:
    """The address lines in at most max_columns columns broken only at natural places, at the largest size
    from `size` down to `smallest` that allows it; None when none does."""
    while size >= smallest - 1e-6:
        per = max(length_mm / (size / mm), 4.0)
        columns: list[tuple[list[Cell], int]] = []
        for i, cells in enumerate(lines):
            if extent(cells) <= per + 1e-6:
                columns.append((cells, min(2, int(per - extent(cells))) if i else 0))
                continue
            parts = balanced_columns(cells, per, max_columns=max_columns, natural_only=True)
            if parts is None:
                columns = []
                break
            for j, part in enumerate(parts):
                columns.append((part, 0 if j == 0 else min(1, int(per - extent(part)))))
        if columns and len(columns) <= max_columns:
            return columns, size
        size -= 0.5
    return None


def _in_boxes(entry: AddressEntry) -> bool:
    """Whether the recipient's postal code goes into the printed boxes (a Japanese 7-digit code); any other
    (SW1A 1AA, 10001) is written with the address lines instead of being left out."""
    return len(postal_digits(entry.recipient.postal_code)) == 7


def _honorific(entry: AddressEntry) -> str:
    return ORGANIZATION if entry.recipient.is_organization else "様"


def _main_name(entry: AddressEntry) -> str:
    """The name the honorific follows: the person's, or for an organization (御中) written to without a
    person or department name, the company itself (株式会社サンプル商事 総務部 御中, not a lone 御中)."""
    r = entry.recipient
    return r.name.strip() or (r.company.strip() if r.is_organization else "")


def _name_cells(name: str, options: AddressOptions) -> list[Cell]:
    return vertical_cells(" ".join(name.split()), options.numerals, options.hyphen)


def _vertical_recipient(p: _Page, entry: AddressEntry, *, address_x: float, address_top: float,
                        address_bottom: float, name_x: float, name_top: float, name_bottom: float,
                        address_size: float, name_size: float, column_gap: float = 1.45,
                        max_group: float = 40.0) -> None:
    """Address columns from address_x leftwards; company/title and the name (with joint names) centred on name_x."""
    r = entry.recipient
    o = p.options
    columns, size = _address_columns([r.address1, r.address2], o, address_bottom - address_top, address_size,
                                     address_size * 0.6)
    x = address_x
    for cells, indent in columns:
        p.vertical(cells, x, address_top + indent * size / mm, size)
        x -= size / mm * column_gap
    org = r.is_organization
    company = r.company.strip()
    name = _main_name(entry)
    if org and company == name:
        company = ""
    title = "" if org else r.title.strip()
    names = [(name, _honorific(entry))] + [(j.name.strip(), j.honorific.strip()) for j in entry.joint
                                                     if j.name.strip()]
    # the name size: the longest name + gap + honorific fits between name_top and name_bottom
    length = name_bottom - name_top
    title_cells = _name_cells(title, o) if title else []
    title_size = max(min(name_size * 0.5, 11.0), 8.0)
    title_len = (extent(title_cells) + 0.6) * title_size / mm if title_cells else 0.0
    name_len = max(extent(_name_cells(n, o)) for n, _ in names)
    longest = name_len + 1.5 + max(len(h) for _, h in names)
    cols = len(names)
    size_n = min(name_size, (length - title_len) / longest * mm, max_group / (cols * 1.35) * mm)
    pitch = size_n / mm * 1.35
    first_x = name_x + (cols - 1) * pitch / 2
    # the company in a smaller column to the right of the name
    if company:
        comp_cells = _name_cells(company, o)
        comp_size = min(max(address_size * 0.85, 8), (name_bottom - name_top) / max(extent(comp_cells), 1) * mm)
        comp_x = min(first_x + pitch * 0.5 + comp_size / mm * 0.9, x + size / mm * column_gap - comp_size / mm * 1.2)
        comp_x = max(comp_x, first_x + size_n / mm * 0.5 + comp_size / mm * 0.6)
        p.vertical(comp_cells, comp_x, name_top, comp_size)
    main_cells = _name_cells(names[0][0], o)
    space_at = next((i for i, cell in enumerate(main_cells) if cell.mode == "space"), None)
    family_len = extent(main_cells[:space_at]) if space_at is not None else None
    start = name_top + title_len
    if title_cells:
        p.vertical(title_cells, first_x, name_top, title_size)
    honorific_y = start + (name_len + 1.5) * size_n / mm  # the honorifics of joint names line up
    for i, (name, honorific) in enumerate(names):
        cells = _name_cells(name, o)
        col_x = first_x - i * pitch
        top = start
        if i and family_len is not None and not any(cell.mode == "space" for cell in cells):
            top = start + (family_len + 1) * size_n / mm  # a given name alone lines up with the given name above
        p.vertical(cells, col_x, top, size_n)
        p.vertical(vertical_cells(honorific), col_x, honorific_y, size_n)


def _sender_vertical(p: _Page, sender: SenderProfile, *, right_x: float, top: float, bottom: float,
                     with_postal: bool, size: float = 8.5, name_size: float = 11.0) -> None:
    """The sender in vertical columns from right_x leftwards: address, business, name (bottom-aligned)."""
    o = p.options
    lines = [x.strip() for x in sender.address.splitlines() if x.strip()]
    length = bottom - top
    columns, size = _address_columns(lines, o, length, size, 6.0, max_columns=3)
    x = right_x
    if with_postal and postal_digits(sender.postal_code):
        p.vertical(vertical_cells("〒" + format_postal_code(sender.postal_code), "fullwidth", "stroke"),
                   x, top, size)
        x -= size / mm * 1.5
    for cells, indent in columns:
        p.vertical(cells, x, top + indent * size / mm, size)
        x -= size / mm * 1.5
    for text, s in ((sender.business, size), (sender.name, name_size)):
        if not text.strip():
            continue
        cells = _name_cells(text, o)
        s = min(s, length / max(extent(cells), 1) * mm)
        p.vertical(cells, x - (s - size) / mm * 0.5, bottom - extent(cells) * s / mm, s)
        x -= s / mm * 1.5


def _horizontal_lines(entry: AddressEntry, with_postal: bool = True) -> list[str]:
    """The recipient as horizontal lines (labels, DL envelopes, English cards)."""
    r = entry.recipient
    if entry.lang == "ja":
        lines = [f"〒{format_postal_code(r.postal_code)}"] if with_postal and r.postal_code.strip() else []
        lines += [normalize_numbers(x) for x in (r.address1.strip(), r.address2.strip()) if x]
        company = r.company.strip()
        if r.is_organization:
            name = _main_name(entry)
            if company and company != name:
                lines.append(company)
            lines.append(f"{name} {ORGANIZATION}")
        else:
            if company:
                lines.append(company)
            title = f"{r.title.strip()} " if r.title.strip() else ""
            lines.append(f"{title}{r.name.strip()} 様")
            joint = "　".join(f"{j.name.strip()} {j.honorific.strip()}".strip() for j in entry.joint if j.name.strip())
            if joint:
                lines.append(joint)  # the joint names on one line
        return lines
    honorific = english_honorific(r.honorific)
    lines = [f"{honorific} {r.name.strip()}" if honorific else r.name.strip()] if r.name.strip() else []
    lines += [j.name.strip() for j in entry.joint if j.name.strip()]
    lines += [x for x in (r.title.strip(), r.company.strip(), r.address1.strip(), r.address2.strip()) if x]
    if with_postal and r.postal_code.strip():
        lines.append(format_postal_code(r.postal_code))
    return lines


def _sender_lines(sender: SenderProfile, lang: str) -> list[str]:
    """The sender as horizontal lines: Japanese 〒 postal code, address, business, name (the order of the
    vertical block); English name, business, address, postal code."""
    address = [x.strip() for x in sender.address.splitlines() if x.strip()]
    code = format_postal_code(sender.postal_code) if sender.postal_code.strip() else ""
    if lang == "ja":
        lines = [f"〒{code}"] if code else []
        return lines + [normalize_numbers(x) for x in address] + [x for x in (sender.business, sender.name)
                                                                  if x.strip()]
    in_address = code and code.replace("-", "") in " ".join(address).replace("-", "")  # not written twice
    return [x for x in (sender.name, sender.business) if x.strip()] + address + ([code] if code and not in_address
                                                                                 else [])


def _fit_lines(lines: Sequence[str], face: str, width_mm: float, height_mm: float, max_size: float,
               min_size: float = 5.5, leading: float = 1.3) -> float:
    size = max_size
    while size > min_size:
        widest = max((stringWidth(x, face, size) for x in lines), default=0) / mm
        if widest <= width_mm and len(lines) * size * leading / mm <= height_mm:
            break
        size -= 0.25
    return size


# =========================================================================================
# Pages
# =========================================================================================
def _postcard_page(p: _Page, entry: AddressEntry, sender: SenderProfile) -> None:
    o = p.options
    p.card_edge()
    p.postal_boxes(recipient_boxes(POSTCARD[0]), entry.recipient.postal_code, DIGIT_SIZE, o.proof)
    p.postal_boxes(sender_boxes(), sender.postal_code, SENDER_DIGIT_SIZE, o.proof, thick=0.4)
    if entry.lang == "ja":
        _vertical_recipient(p, entry, address_x=86.5, address_top=27.0, address_bottom=118.0,
                            name_x=50.0, name_top=33.0, name_bottom=124.0, address_size=13.0, name_size=26.0)
        _sender_vertical(p, sender, right_x=31.0, top=76.0, bottom=124.0, with_postal=False)
    else:
        lines = _horizontal_lines(entry, with_postal=not _in_boxes(entry))
        size = _fit_lines(lines, p.mincho, 70, 60, 11.0)
        p.horizontal([(x, size) for x in lines], 20.0, 52.0)
        sender_lines = _sender_lines(sender, "en")
        if sender_lines:
            s = _fit_lines(sender_lines, p.mincho, 55, 20, 7.5)
            p.horizontal([(x, s) for x in sender_lines], 8.0, 104.0)


def _envelope_front(p: _Page, entry: AddressEntry, sender: SenderProfile, layout: str) -> None:
    o = p.options
    if layout == "naga3":
        p.postal_boxes(recipient_boxes(NAGA3[0]), entry.recipient.postal_code, DIGIT_SIZE, o.proof)
        if entry.lang == "ja":
            name_bottom = 150.0 if o.sender == "bottom_left" else 205.0
            _vertical_recipient(p, entry, address_x=104.0, address_top=32.0, address_bottom=150.0,
                                name_x=60.0, name_top=46.0, name_bottom=name_bottom, address_size=15.0, name_size=36.0,
                                max_group=62.0)
        else:
            lines = _horizontal_lines(entry, with_postal=not _in_boxes(entry))
            size = _fit_lines(lines, p.mincho, 90, 70, 12.0)
            p.horizontal([(x, size) for x in lines], 18.0, 70.0)
        if o.sender == "bottom_left" and entry.lang == "ja":
            _sender_vertical(p, sender, right_x=38.0, top=160.0, bottom=224.0, with_postal=True, size=9.0,
                             name_size=12.0)
        elif o.sender == "bottom_left":  # English: the sender in lines at the bottom left
            lines = _sender_lines(sender, "en")
            if lines:
                size = _fit_lines(lines, p.mincho, 60, 40, 9.0)
                p.horizontal([(x, size) for x in lines], 10.0, 185.0)
        return
    width, height = ENVELOPE_LAYOUTS[layout]
    sender_lines = _sender_lines(sender, entry.lang)
    if sender_lines:
        s = _fit_lines(sender_lines, p.mincho, 80, 35, 8.5)
        p.horizontal([(x, s) for x in sender_lines], 12.0, 10.0)
    lines = _horizontal_lines(entry)
    size = _fit_lines(lines, p.mincho, width * 0.45, height * 0.5, 12.0)
    p.horizontal([(x, size) for x in lines], width * 0.42, height * 0.45)


def _envelope_back(p: _Page, sender: SenderProfile, lang: str = "ja") -> None:
    if lang == "ja":
        # 長形3号 back: the sender left of the centre seam, low on the flap side (縦書き)
        _sender_vertical(p, sender, right_x=52.0, top=140.0, bottom=222.0, with_postal=True, size=10.0,
                         name_size=14.0)
        return
    # an English letter's sender in English lines, across the back below the flap (never set vertically)
    lines = _sender_lines(sender, "en")
    if lines:
        size = _fit_lines(lines, p.mincho, 90, 45, 10.0)
        p.horizontal([(x, size) for x in lines], 15.0, 170.0)


def _label_cell(p: _Page, layout: LabelLayout, index: int, entry: AddressEntry) -> None:
    x, y = layout.cell_box(index)
    pad = 4.0 if layout.height >= 30 else 2.5
    lines = _horizontal_lines(entry)
    size = _fit_lines(lines, p.mincho, layout.width - 2 * pad, layout.height - 2 * pad, 11.0)
    block = len(lines) * size * 1.3 / mm
    top = y + max((layout.height - block) / 2, pad)
    if p.options.proof:
        p.c.saveState()
        p.c.setStrokeColor(colors.HexColor("#BBBBBB"))
        p.c.setLineWidth(0.3)
        p.c.roundRect(p.x(x), p.y(y + layout.height), layout.width * mm, layout.height * mm, 1.5 * mm)
        p.c.restoreState()
    # the name line (and the joint names' line) a little larger, as large as the label's width allows
    joint = entry.lang == "ja" and any(j.name.strip() for j in entry.joint)
    name_line = len(lines) - 1 - (1 if joint else 0)
    names = {name_line, name_line + 1} if joint else {name_line}
    big = size
    if entry.lang == "ja":
        room = layout.width - 2 * pad
        big = max(size, min(size * 1.15, min(room * mm / max(stringWidth(lines[i], p.mincho, 1.0), 1e-6)
                                              for i in names)))
    drawn = [(text, big if i in names else size) for i, text in enumerate(lines)]
    p.horizontal(drawn, x + pad, top, leading=1.3)


# =========================================================================================
# Documents
# =========================================================================================
KINDS = ("postcard", "envelope", "labels")


def check_layout(kind: str, layout: str | None, start: int = 1) -> str:
    if kind == "envelope":
        layout = layout or "naga3"
        if layout not in ENVELOPE_LAYOUTS:
            raise ValidationError("addresses.layout_invalid", field="layout", value=layout,
                                  choices=", ".join(ENVELOPE_LAYOUTS))
    elif kind == "labels":
        layout = layout or "a4-12"
        if layout not in LABEL_LAYOUTS:
            raise ValidationError("addresses.layout_invalid", field="layout", value=layout,
                                  choices=", ".join(LABEL_LAYOUTS))
        cells = LABEL_LAYOUTS[layout].cells
        if not isinstance(start, int) or not 1 <= start <= cells:
            raise ValidationError("addresses.start_invalid", field="start", value=start, cells=cells)
    else:
        layout = "postcard"
    return layout


def _check_messages(kind: str, entries: Sequence, side: str, orientation: str, messages: Sequence | None) -> None:
    from loyaldesk.core.addresses.message import check_side

    check_side(side, orientation)
    if kind == "postcard" and side != "address" and (messages is None or len(messages) != len(entries)):
        raise ValueError("a message side needs one message per entry")


def _draw(target, kind: str, entries: Sequence[AddressEntry], senders: SenderProfile | SenderProfiles,
          options: AddressOptions,
          layout: str, start: int, progress: Callable[[float], None] | None, side: str = "address",
          messages: Sequence | None = None, orientation: str = "horizontal") -> list[int]:
    """Draw every page; return the first page (1-based) of each entry. Postcards: the address side, the
    message side (messages[i] for entries[i]) or both, the address side first."""
    from loyaldesk.core.addresses.message import draw_message

    register_fonts()
    size = (POSTCARD if kind == "postcard" else ENVELOPE_LAYOUTS[layout] if kind == "envelope"
            else LABEL_LAYOUTS[layout].page)
    canvas = Canvas(target, pagesize=(size[0] * mm, size[1] * mm), pageCompression=1)
    canvas.setTitle({"postcard": "Postcards", "envelope": "Envelopes", "labels": "Labels"}[kind])
    canvas.setCreator("LoyalDesk")
    first_pages: list[int] = []
    page_no = 1
    n = max(len(entries), 1)
    if kind == "labels":
        lab = LABEL_LAYOUTS[layout]
        index = start - 1
        page = _Page(canvas, size, options)
        for i, entry in enumerate(entries):
            if index >= lab.cells:
                canvas.showPage()
                page_no += 1
                index = 0
            _label_cell(page, lab, index, entry)
            first_pages.append(page_no)
            index += 1
            if progress is not None and i % 10 == 0:
                progress(i / n)
        canvas.showPage()
    else:
        for i, entry in enumerate(entries):
            page = _Page(canvas, size, options)
            first_pages.append(page_no)
            sender = sender_for(senders, entry.lang)  # the profile of the entry's language
            if kind == "postcard":
                if side in ("address", "both"):
                    _postcard_page(page, entry, sender)
                if side == "both":
                    canvas.showPage()
                    page_no += 1
                    page = _Page(canvas, size, options)
                if side in ("message", "both"):
                    draw_message(page, messages[i], sender_for(senders, messages[i].lang), orientation)
            else:
                _envelope_front(page, entry, sender, layout)
                if layout == "naga3" and options.sender == "back":
                    canvas.showPage()
                    page_no += 1
                    _envelope_back(_Page(canvas, size, options), sender, entry.lang)
            canvas.showPage()
            page_no += 1
            if progress is not None:
                progress(i / n)
    canvas.save()
    return first_pages


def render_pdf(kind: str, entries: Sequence[AddressEntry], sender: SenderProfile, options: AddressOptions | None = None,
               *, layout: str | None = None, start: int = 1,
               progress: Callable[[float], None] | None = None, side: str = "address",
               messages: Sequence | None = None, orientation: str = "horizontal") -> tuple[bytes, list[int]]:
    """The PDF as bytes (the preview) and the first page of each entry.

    Postcards: side 'address' (one page per card), 'message' (message.CardMessage per entry, one page each)
    or 'both' (two pages per card: the address side, then its message side: duplex printing)."""
    if not entries:
        raise ValueError("no addresses to write")
    options = options or AddressOptions()
    options.validate()
    layout = check_layout(kind, layout, start)
    _check_messages(kind, entries, side, orientation, messages)
    buffer = io.BytesIO()
    pages = _draw(buffer, kind, entries, sender, options, layout, start, progress, side, messages, orientation)
    return buffer.getvalue(), pages


def write_pdf(kind: str, entries: Sequence[AddressEntry], sender: SenderProfile, out: Path | str,
              options: AddressOptions | None = None, *, layout: str | None = None, start: int = 1,
              progress: Callable[[float], None] | None = None, side: str = "address",
              messages: Sequence | None = None, orientation: str = "horizontal") -> list[int]:
    """Write atomically (a cancelled or failed run leaves no file); `progress` may raise to cancel.
    Postcard sides as in render_pdf."""
    if not entries:
        raise ValueError("no addresses to write")
    options = options or AddressOptions()
    options.validate()
    layout = check_layout(kind, layout, start)
    _check_messages(kind, entries, side, orientation, messages)
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=".addresses-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        pages = _draw(tmp, kind, entries, sender, options, layout, start, progress, side, messages, orientation)
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if progress is not None:
        progress(1.0)
    return pages
