"""Postcard message sides (はがき文面): a letter template's text for each client, set on the 100 x 148 mm card
horizontally (横書き) or vertically (縦書き, columns from right to left).

The text comes from the letter templates (loyaldesk.core.letters.templates: the same Jinja2 sandbox and the
same placeholders as the letters, rendered per client with letters.compose.context_for). The `postcard.*`
templates are written for a card (a database made before them gets them when upgraded: schema 8); any other
letter template can be chosen too. A template missing from the database is taken from the defaults shipped
with LoyalDesk (resources/letters/templates.toml).

The text is read as blocks:
- the heading: a first line alone above a blank line and short (謹賀新年, 暑中お見舞い申し上げます,
  Happy New Year 2027), set larger: centred on a horizontal card, in its own tall column on a vertical one;
- paragraphs: one per line of the template; a blank line leaves half a line;
- in Japanese, the date line: a short last line below a blank line (2027年　元旦), set flush right on a
  horizontal card and two characters down on a vertical one; a line that is only 敬具, 草々... is set flush right
  (bottom-aligned when vertical);
- the signature: the sender's business and name (the sender profile), bottom right (Japanese), after the
  text (English), or in the left-most columns, bottom-aligned (vertical).

Everything must fit inside the margins (9 mm left and right, 10 mm top and bottom): the text is wrapped by
loyaldesk.core.typeset (JIS X 4051 / JLREQ kinsoku: no line or column starts with 、。」）ー・ or a small kana,
none ends with 「（; number groups and Latin runs never split) and the whole card shrinks
from 11 pt (10.5 pt in English) down to 6.5 pt until it fits. Text that does not fit even then is refused
(ValidationError naming the client), never cut off. English text is always horizontal; the vertical setting
applies to Japanese cards, with the vertical forms, kanji or full-width numerals, turned long vowel marks,
縦中横 and sideways Latin runs of the address side (typeset.vertical).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from loyaldesk.core import dates
from loyaldesk.core.addresses.compose import POSTCARD, AddressEntry, AddressOptions, Cell, vertical_cells
from loyaldesk.core.typeset import horizontal as hz
from loyaldesk.core.typeset import vertical as vt
from loyaldesk.core.typeset.vertical import extent
from loyaldesk.core.db import Database
from loyaldesk.core.errors import NotFoundError, ValidationError
from loyaldesk.core.i18n import CATALOG, current_language
from loyaldesk.core.letters import templates as tpl
from loyaldesk.core.letters.compose import CLOSINGS, context_for, place_personal_note, uses_personal_note
from loyaldesk.core.letters.sender import SenderProfile, SenderProfiles, load_profiles, sender_for

SIDES = ("address", "message", "both")  # both: the address side then the message side of each card
ORIENTATIONS = ("horizontal", "vertical")
SEASON_TEMPLATES = {"new_year": "postcard.new_year", "winter": "postcard.winter", "summer": "postcard.summer",
                    "year_end": "postcard.year_end"}

# The writing area (mm from the top-left corner of the card)
LEFT, RIGHT, TOP, BOTTOM = 9.0, POSTCARD[0] - 9.0, 10.0, POSTCARD[1] - 10.0
MAX_SIZE = {"ja": 11.0, "en": 10.5}  # pt
MIN_SIZE = 6.5
HEADING_MAX = {"horizontal": 22.0, "vertical": 26.0}
LEADING = {"ja": 1.7, "en": 1.4}  # horizontal line height / size
COLUMN_PITCH = 1.8  # vertical column width / size

CATALOG.update({
    "addresses.side_invalid": {"en": "Unknown postcard side: {value} (address, message, both).",
                               "ja": "はがきの面 {value} はありません（address, message, both）。"},
    "addresses.orientation_invalid": {"en": "Unknown writing direction: {value} (horizontal, vertical).",
                                      "ja": "書き方向 {value} はありません（horizontal, vertical）。"},
    "addresses.message_too_long": {
        "en": "The message for {name} does not fit on a postcard even at {size} pt: shorten the template {template}.",
        "ja": "{name} 宛の文面が {size} pt でもはがきに収まりません。テンプレート {template} を短くしてください。"},
    "addresses.cards_written": {"en": "Wrote {count} postcards ({side}) to {path} ({pages} pages).",
                                "ja": "{path} に {count}枚分のはがき（{side}）を書き出しました（{pages}ページ）。"},
    "addresses.side.message": {"en": "message side", "ja": "文面"},
    "addresses.side.both": {"en": "address and message sides", "ja": "宛名面と文面"},
})


def template_for_season(season: str | None) -> str:
    """The postcard template of a greeting season (the New Year's for 'other' or none)."""
    return SEASON_TEMPLATES.get(season or "", "postcard.new_year")


def check_side(side: str, orientation: str = "horizontal") -> None:
    if side not in SIDES:
        raise ValidationError("addresses.side_invalid", field="side", value=side)
    if orientation not in ORIENTATIONS:
        raise ValidationError("addresses.orientation_invalid", field="orientation", value=orientation)


# =========================================================================================
# The text of each card
# =========================================================================================
@dataclass(slots=True)
class CardMessage:
    """The rendered message of one card."""

    client_id: int
    name: str  # the client's name (for messages about this card)
    lang: str  # the template's language (ja or en)
    text: str
    template_key: str


def message_template(db: Database, key: str, lang: str) -> tpl.LetterTemplate:
    """The stored template (as the user edited it) in `lang`, else its other language; a shipped default
    when the database predates it. NotFoundError for an unknown key."""
    try:
        return tpl.find_template(db, key, lang)
    except NotFoundError as exc:
        if exc.key != "template.unknown":
            raise
    other = "en" if lang == "ja" else "ja"
    default = tpl.default_template(key, lang) or tpl.default_template(key, other)
    if default is None:
        raise NotFoundError("template.unknown", template=key)
    return default


def template_choices(db: Database, lang: str | None = None) -> list[tuple[str, str]]:
    """(key, name) of the templates a message side can use: the postcard ones first, then the letters',
    named in `lang` (the UI language) when that version exists."""
    lang = lang or current_language()
    names: dict[str, dict[str, str]] = {}
    for x in tpl.list_templates(db):
        names.setdefault(x.key, {})[x.lang] = x.name
    for x in tpl.default_templates():
        names.setdefault(x.key, {}).setdefault(x.lang, x.name)
    order = {k: i for i, k in enumerate(tpl.TEMPLATE_KEYS)}
    keys = sorted(names, key=lambda k: (not k.startswith("postcard."), order.get(k, len(order)), k))
    return [(k, names[k].get(lang) or next(iter(names[k].values()))) for k in keys]


def plan_messages(db: Database, entries: Sequence[AddressEntry], template_key: str, *,
                  as_of: dt.date | None = None, sender: SenderProfile | SenderProfiles | None = None,
                  notes: dict[int, str] | None = None) -> list[CardMessage]:
    """The template rendered for each entry (same order), in the entry's language (ja for a Japanese name or
    address, else en; the template's other language when it lacks that one). ValidationError (with the line)
    when the template does not render. notes: client id -> a personal line ({{ personal_note }}, else placed
    before the closing or the date line)."""
    day = as_of or dates.today()
    sender = sender or load_profiles(db)  # each card signed with the profile of its language
    compiled: dict[str, tuple[tpl.LetterTemplate, object]] = {}
    result: list[CardMessage] = []
    for entry in entries:
        if entry.lang not in compiled:
            template = message_template(db, template_key, entry.lang)
            compiled[entry.lang] = (template, tpl.compile_template(template.body, "body"))
        template, body = compiled[entry.lang]
        context = context_for(entry.recipient, template.lang, sender_for(sender, template.lang), day)
        note = " ".join(((notes or {}).get(entry.client_id) or "").split())
        context["personal_note"] = note
        text = tpl.render_text(body, context, "body")
        if note and not uses_personal_note(template.body):
            text = place_personal_note(text, note)
        result.append(CardMessage(entry.client_id, entry.recipient.name, template.lang, text, template.key))
    return result


# =========================================================================================
# Blocks and line breaking
# =========================================================================================
@dataclass(slots=True)
class Blocks:
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)  # '' = a blank line
    closing: str = ""  # the Japanese date line


def parse_blocks(text: str, lang: str) -> Blocks:
    """The heading, the paragraphs and the date line of a message (see the module docstring)."""
    lines = [x.rstrip() for x in text.replace("\r\n", "\n").strip("\n").splitlines()]
    while lines and not lines[-1].strip():
        lines.pop()
    blocks = Blocks()
    if (len(lines) >= 2 and lines[0].strip() and not lines[1].strip()
            and len(lines[0].strip()) <= (16 if lang == "ja" else 40)
            and not lines[0].strip().endswith(("。", "、", ".", ",", ":"))):
        blocks.heading = lines[0].strip()
        lines = lines[2:]
    if (lang == "ja" and len(lines) >= 2 and not lines[-2].strip() and len(lines[-1].strip()) <= 20
            and not lines[-1].strip().endswith("。") and lines[-1].strip() not in CLOSINGS):
        blocks.closing = lines[-1].strip()
        lines = lines[:-2]
    for line in lines:
        if not line.strip():
            if blocks.paragraphs and blocks.paragraphs[-1]:
                blocks.paragraphs.append("")
            continue
        blocks.paragraphs.append(line)
    while blocks.paragraphs and not blocks.paragraphs[0]:
        blocks.paragraphs.pop(0)
    while blocks.paragraphs and not blocks.paragraphs[-1]:
        blocks.paragraphs.pop()
    return blocks


def wrap_horizontal(text: str, lang: str, face: str, size: float, width_mm: float) -> list[str]:
    """The lines of a paragraph (typeset.horizontal: kinsoku, number groups and Latin words kept whole)."""
    return [line.text for line in hz.wrap(text, face, size, width_mm * mm)] or [""]


def wrap_vertical(cells: list[Cell], per_column: float) -> list[list[Cell]]:
    """Columns of at most per_column em (typeset.vertical.break_columns)."""
    return vt.break_columns(cells, per_column) or [[]]


# =========================================================================================
# Layout
# =========================================================================================
@dataclass(slots=True)
class _Run:
    """A horizontal line (text, x, baseline y, size) or a vertical column (cells, x centre, top y, size), mm."""

    x: float
    y: float
    size: float
    text: str = ""
    cells: list[Cell] | None = None


def _signature(sender: SenderProfile, lang: str) -> list[tuple[str, float]]:
    """(text, size factor): ja business then the name (larger); en the name then the business."""
    business, name = sender.business.strip(), sender.name.strip()
    if lang == "ja":
        return [x for x in ((business, 0.95), (name, 1.15)) if x[0]]
    return [x for x in ((name, 1.0), (business, 0.9)) if x[0]]


def _horizontal(blocks: Blocks, lang: str, sender: SenderProfile, face: str, size: float) -> tuple[list[_Run], bool]:
    """The runs at body size `size`, and whether they fit."""
    width = RIGHT - LEFT
    s = size / mm
    lead = LEADING[lang]
    runs: list[_Run] = []
    y = TOP
    if blocks.heading:
        fit = width * mm / max(stringWidth(blocks.heading, face, 1.0), 1e-6) * 0.98
        hs = min(HEADING_MAX["horizontal"], size * 2.0, fit)
        if hs >= size * 1.2:
            lines = [blocks.heading]
        else:
            hs = size * 1.2
            lines = wrap_horizontal(blocks.heading, lang, face, hs, width)
        for line in lines:
            y += hs / mm * 1.1
            runs.append(_Run(LEFT + (width - stringWidth(line, face, hs) / mm) / 2, y, hs, line))
            y += hs / mm * 0.35
        y += s * 0.9
    for para in blocks.paragraphs:
        if not para:
            y += s * lead * 0.5
            continue
        if para.strip() in CLOSINGS:
            y += s * lead
            runs.append(_Run(RIGHT - stringWidth(para.strip(), face, size) / mm, y - s * (lead - 1), size,
                             para.strip()))
            continue
        for line in wrap_horizontal(para, lang, face, size, width):
            y += s * lead
            runs.append(_Run(LEFT, y - s * (lead - 1), size, line))
    if blocks.closing:
        y += s * lead * 0.5
        for line in wrap_horizontal(blocks.closing, lang, face, size, width):
            y += s * lead
            runs.append(_Run(RIGHT - stringWidth(line, face, size) / mm, y - s * (lead - 1), size, line))
    text_bottom = y
    signature = _signature(sender, lang)
    sig_runs: list[_Run] = []
    sig_height = sum(size * f / mm * 1.45 for _t, f in signature) + (s * 1.2 if signature else 0)
    fits = True
    for text, f in signature:
        if stringWidth(text, face, size * f) / mm > width:
            fits = False
    if text_bottom + sig_height > BOTTOM + 1e-6 or any(
            stringWidth(r.text, face, r.size) / mm > width + 0.01 for r in runs):
        fits = False
    if not fits:
        return runs, False
    free = BOTTOM - text_bottom - sig_height
    shift = free * 0.3
    for r in runs:
        r.y += shift
    if lang == "ja":  # the signature at the bottom right
        y = BOTTOM - sig_height + s * 1.2
        for text, f in signature:
            y += size * f / mm * 1.2
            sig_runs.append(_Run(RIGHT - stringWidth(text, face, size * f) / mm, y, size * f, text))
            y += size * f / mm * 0.25
    else:  # after the text
        y = text_bottom + shift + s * 0.6
        for text, f in signature:
            y += size * f / mm * 1.2
            sig_runs.append(_Run(LEFT, y, size * f, text))
            y += size * f / mm * 0.25
    return runs + sig_runs, True


def _vertical(blocks: Blocks, sender: SenderProfile, options: AddressOptions, size: float) -> tuple[list[_Run], bool]:
    """Columns from the right at body size `size`; the signature in the left-most columns, bottom-aligned."""
    height = BOTTOM - TOP
    s = size / mm
    per = max(height / s, 1.0)
    pitch = s * COLUMN_PITCH

    def cells_of(text: str) -> list[Cell]:
        return vertical_cells(text, options.numerals, options.hyphen)

    columns: list[tuple[float, float, float, list[Cell]]] = []  # (width, top, size, cells)
    if blocks.heading:
        head = cells_of(blocks.heading)
        hs = min(HEADING_MAX["vertical"], size * 2.2, height / max(extent(head), 1) * mm)
        if hs >= size * 1.2:
            columns.append((hs / mm * 1.7, TOP, hs, head))
        else:
            for col in wrap_vertical(head, per):
                columns.append((pitch, TOP, size, col))
        columns.append((s * 0.6, TOP, size, []))
    for para in blocks.paragraphs:
        if not para:
            columns.append((pitch * 0.5, TOP, size, []))
            continue
        cells = cells_of(para.rstrip())
        if para.strip() in CLOSINGS:
            cells = cells_of(para.strip())
            columns.append((pitch, BOTTOM - extent(cells) * s, size, cells))
            continue
        for col in wrap_vertical(cells, per):
            columns.append((pitch, TOP, size, col))
    if blocks.closing:
        columns.append((pitch * 0.5, TOP, size, []))
        cells = cells_of(blocks.closing)
        for i, col in enumerate(wrap_vertical(cells, per)):
            indent = min(2, int(per - extent(col))) if i == 0 else 0
            columns.append((pitch, TOP + indent * s, size, col))
    text_width = sum(w for w, *_ in columns)
    signature = []
    for text, f in _signature(sender, "ja"):
        cells = cells_of(" ".join(text.split()))
        sz = min(size * f, height / max(extent(cells), 1) * mm)
        signature.append((sz / mm * COLUMN_PITCH, sz, cells))
    sig_width = sum(w for w, *_ in signature)
    needed = text_width + (s * 1.5 if signature else 0) + sig_width
    fits = needed <= RIGHT - LEFT + 1e-6
    if not fits:
        return [], False
    free = RIGHT - LEFT - needed
    stretch = 1 + min(free * 0.5 / max(text_width, 1e-6), 0.25)  # spare room: a little more air between columns
    shift = min((free - text_width * (stretch - 1)) * 0.25, 5.0)
    runs: list[_Run] = []
    x = RIGHT - shift
    for w, top, sz, cells in columns:
        w *= stretch
        if cells:
            runs.append(_Run(x - w / 2, top, sz, cells=cells))
        x -= w
    x = LEFT  # the signature: the name left-most, the business to its right
    for w, sz, cells in reversed(signature):
        runs.append(_Run(x + w / 2, BOTTOM - extent(cells) * sz / mm, sz, cells=cells))
        x += w
    return runs, True


def layout_message(message: CardMessage, sender: SenderProfile, options: AddressOptions, orientation: str,
                   face: str) -> list[_Run]:
    """The runs of one message side, at the largest size (from 11 pt) that fits; ValidationError if even
    MIN_SIZE does not."""
    lang = message.lang
    blocks = parse_blocks(message.text, lang)
    vertical = orientation == "vertical" and lang == "ja"
    size = MAX_SIZE[lang]
    while size >= MIN_SIZE - 1e-6:
        runs, fits = (_vertical(blocks, sender, options, size) if vertical
                      else _horizontal(blocks, lang, sender, face, size))
        if fits:
            return runs
        size -= 0.25
    raise ValidationError("addresses.message_too_long", field="template", name=message.name, size=MIN_SIZE,
                          template=message.template_key)


def draw_message(page, message: CardMessage, sender: SenderProfile, orientation: str) -> None:
    """Draw one message side on a pdf._Page (the calibration offset applies; proofs show the card's edge)."""
    o = page.options
    page.card_edge()
    face = page.mincho
    for run in layout_message(message, sender, o, orientation, face):
        if run.cells is not None:
            page.vertical(run.cells, run.x, run.y, run.size, face=face)
        else:
            page.c.setFillColor(colors.HexColor("#111111"))
            page.c.setFont(face, run.size)
            page.c.drawString(page.x(run.x), page.y(run.y), run.text)
