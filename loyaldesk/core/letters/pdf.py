"""Letters as an A4 PDF (reportlab platypus), Japanese and English layouts, standard and VIP designs.

Japanese business letter: date top right; recipient block (postal code, address, company,
title + name 様, or the organization 御中); subject centered; the body as the template
wrote it (拝啓 + 時候の挨拶 ... 敬具, the closing set flush right; a 記 … 以上 block of particulars after it, 記 centered and 以上 flush
right); the sender block
bottom right. English letter: the sender's letterhead top right, date, recipient block,
subject, body, signature. Text is set by loyaldesk.core.typeset.horizontal (JIS X 4051 / JLREQ):
Japanese lines break with kinsoku (no line starts with 、。」）ー・ or a small kana, none ends with
「（), never inside a number group (1-2-3, 1丁目2番3号) or a Latin word, and are justified; English wraps
at spaces. Layout time is linear in the letter's length. A long letter continues on the next
page; in a batch each letter starts on a new page. The VIP design adds a thin gold double
border and a centered letterhead. The fonts (IPAex Mincho, Gothic) are embedded as subsets,
so the text can be copied back out.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak,
                                PageTemplate, Spacer)

from loyaldesk.core.letters.compose import CLOSINGS, Letter
from loyaldesk.core.pdf_fonts import register_fonts
from loyaldesk.core.postal import format_postal_code
from loyaldesk.core.typeset.horizontal import TextBlock

# the opening words of season cards, set large and centered (they stand instead of 拝啓)
CARD_HEADINGS = ("謹賀新年", "恭賀新年", "賀正", "迎春", "謹んで新年のお慶びを申し上げます", "暑中お見舞い申し上げます",
                 "残暑お見舞い申し上げます", "寒中お見舞い申し上げます", "余寒お見舞い申し上げます")
GOLD = colors.HexColor("#A8874A")
GOLD_LIGHT = colors.HexColor("#C9AE72")
INK = colors.HexColor("#1F1F1F")
GREY = colors.HexColor("#555555")
PAGE_W, PAGE_H = A4
MARGIN_X = 25 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
VIP_TOP = 38 * mm  # room for the letterhead inside the border


class _Styles:
    def __init__(self) -> None:
        gothic, mincho = register_fonts()
        base = dict(fontName=mincho, textColor=INK)
        self.ja_body = ParagraphStyle("ja_body", fontSize=10.5, leading=19, wordWrap="CJK", alignment=TA_LEFT, **base)
        self.ja_indent = ParagraphStyle("ja_indent", parent=self.ja_body, firstLineIndent=10.5)
        self.ja_heading = ParagraphStyle("ja_heading", parent=self.ja_body, fontSize=17, leading=28,
                                         alignment=TA_CENTER, spaceAfter=6)
        self.ja_close = ParagraphStyle("ja_close", parent=self.ja_body, alignment=TA_RIGHT)
        self.ja_ki = ParagraphStyle("ja_ki", parent=self.ja_body, alignment=TA_CENTER, spaceBefore=4, spaceAfter=4)
        self.ja_date = ParagraphStyle("ja_date", parent=self.ja_body, alignment=TA_RIGHT)
        self.ja_to = ParagraphStyle("ja_to", parent=self.ja_body, fontSize=10, leading=15)
        self.ja_to_name = ParagraphStyle("ja_to_name", parent=self.ja_body, fontSize=14, leading=22)
        self.ja_subject = ParagraphStyle("ja_subject", parent=self.ja_body, fontSize=13, leading=20,
                                         alignment=TA_CENTER, spaceBefore=6, spaceAfter=12)
        self.ja_from = ParagraphStyle("ja_from", parent=self.ja_body, fontSize=9.5, leading=14, alignment=TA_RIGHT)
        self.ja_from_name = ParagraphStyle("ja_from_name", parent=self.ja_from, fontSize=11, leading=17)
        self.en_body = ParagraphStyle("en_body", fontSize=10.5, leading=15, alignment=TA_LEFT, spaceAfter=7, **base)
        self.en_date = ParagraphStyle("en_date", parent=self.en_body, spaceAfter=0)
        self.en_head = ParagraphStyle("en_head", parent=self.en_body, fontSize=9, leading=12.5, alignment=TA_RIGHT,
                                      textColor=GREY, spaceAfter=0)
        self.en_head_name = ParagraphStyle("en_head_name", parent=self.en_head, fontSize=11.5, leading=15,
                                           textColor=INK)
        self.en_to = ParagraphStyle("en_to", parent=self.en_body, spaceAfter=0, leading=14)
        self.en_subject = ParagraphStyle("en_subject", parent=self.en_body, fontName=gothic, fontSize=10.5,
                                         spaceBefore=4, spaceAfter=12)
        self.en_sign = ParagraphStyle("en_sign", parent=self.en_body, spaceBefore=26, spaceAfter=0)
        self.letterhead = ParagraphStyle("letterhead", fontName=mincho, fontSize=15, leading=18, alignment=TA_CENTER,
                                         textColor=INK)
        self.gothic, self.mincho = gothic, mincho


_styles: _Styles | None = None


def styles() -> _Styles:
    global _styles
    if _styles is None:
        _styles = _Styles()
    return _styles


def _p(text: str, style: ParagraphStyle) -> TextBlock:
    """A paragraph set by typeset.horizontal (kinsoku, whole number groups and Latin words, Japanese lines
    justified), in time linear in its length: a long letter continues on the next page by lines."""
    return TextBlock(text, style)


class _LetterStart(Flowable):
    """An invisible marker: the layout reached letter number `index` (progress and page ranges)."""

    width = height = 0

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self) -> None:
        pass


class _Letterhead(_LetterStart):
    """An invisible marker before a letter's first page: the VIP letterhead from now on is this letter's sender
    (each letter signed with the profile of its language)."""

    def __init__(self, letter: Letter) -> None:
        super().__init__(-1)
        self.letter = letter


ITEM = re.compile(r"^一、\S{1,6}(?:[\u3000 ]\S)?[\u3000 ]+")  # an item of a 記 block: 一、日　時　/ 一、ご回答方法　


def _body_flowables(letter: Letter, st: _Styles) -> list:
    ja = letter.lang == "ja"
    out: list = []
    blank = 0
    lines = letter.body.strip("\n").splitlines()
    for line in lines:
        if not line.strip():
            blank += 1
            continue
        if blank and out:
            out.append(Spacer(1, 9 if ja else 2))
        blank = 0
        if ja:
            text = line.rstrip()
            if text.strip() in CARD_HEADINGS:
                out.append(_p(text.strip(), st.ja_heading))
            elif text.strip() in CLOSINGS:
                out.append(_p(text.strip(), st.ja_close))
            elif text.strip() == "記":  # the 記 … 以上 block of the particulars: 記 centered, 以上 flush right
                out.append(_p("記", st.ja_ki))
            elif ITEM.match(text):  # 一、会　場　… : a long item continues under its text, not under 一、
                head = ITEM.match(text).group(0)
                out.append(TextBlock(text, st.ja_body, hang=stringWidth(head, st.ja_body.fontName,
                                                                        st.ja_body.fontSize)))
            elif text.startswith("\u3000") or text.startswith("  "):  # 字下げ: a full-width space opens a paragraph
                out.append(_p(text.lstrip(" \u3000"), st.ja_indent))
            else:
                out.append(_p(text, st.ja_body))
        else:
            out.append(_p(line.strip(), st.en_body))
    return out


def letter_flowables(letter: Letter) -> list:
    """The flowables of one letter (without page breaks)."""
    st = styles()
    out: list = []
    if letter.lang == "ja":
        out.append(_p(letter.date_text, st.ja_date))
        out.append(Spacer(1, 8 * mm))
        lines = letter.recipient_lines()
        for i, line in enumerate(lines):
            out.append(_p(line, st.ja_to_name if i == len(lines) - 1 else st.ja_to))
        out.append(Spacer(1, 10 * mm))
        if letter.subject:
            out.append(_p(letter.subject, st.ja_subject))
        out += _body_flowables(letter, st)
        sender = letter.sender_lines()
        if sender:
            block = [Spacer(1, 12 * mm)]
            for line in sender:
                block.append(_p(line, st.ja_from_name if line == letter.sender.name else st.ja_from))
            out.append(KeepTogether(block))
    else:
        if letter.design != "vip":  # the VIP letterhead already names the business
            for i, line in enumerate(letter.sender_lines()):
                out.append(_p(line, st.en_head_name if i == 0 else st.en_head))
            out.append(Spacer(1, 10 * mm))
        out.append(_p(letter.date_text, st.en_date))
        out.append(Spacer(1, 8 * mm))
        for line in letter.recipient_lines():
            out.append(_p(line, st.en_to))
        out.append(Spacer(1, 9 * mm))
        if letter.subject:
            out.append(_p(letter.subject, st.en_subject))
        out += _body_flowables(letter, st)
        if letter.sender.name:
            sign = [_p(letter.sender.name, st.en_sign)]
            if letter.sender.business and letter.design == "vip":
                sign.append(_p(letter.sender.business, st.en_to))
            out.append(KeepTogether(sign))
    return out


def _draw_vip(canvas, doc) -> None:
    """A thin gold double border and a centered letterhead with a fine rule."""
    canvas.saveState()
    inset = 11 * mm
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.1)
    canvas.rect(inset, inset, PAGE_W - 2 * inset, PAGE_H - 2 * inset)
    canvas.setLineWidth(0.4)
    canvas.setStrokeColor(GOLD_LIGHT)
    gap = 1.6 * mm
    canvas.rect(inset + gap, inset + gap, PAGE_W - 2 * (inset + gap), PAGE_H - 2 * (inset + gap))
    sender = getattr(doc, "letterhead", None)
    st = styles()
    y = PAGE_H - 24 * mm
    if sender is not None and (sender.business or sender.name):
        canvas.setFillColor(INK)
        canvas.setFont(st.mincho, 14)
        canvas.drawCentredString(PAGE_W / 2, y, sender.business or sender.name)
        postal = format_postal_code(sender.postal_code) if sender.postal_code.strip() else ""
        if postal and getattr(doc, "letterhead_lang", "ja") == "ja":
            postal = f"〒{postal}"
        address = " ".join(x for x in (postal, sender.address.replace("\n", " ")) if x)
        details = "  ·  ".join(x for x in (address, sender.phone, sender.email, sender.website) if x)
        if details:
            canvas.setFont(st.mincho, 7.5)
            canvas.setFillColor(GREY)
            canvas.drawCentredString(PAGE_W / 2, y - 5.2 * mm, details[:140])
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.5)
    canvas.line(PAGE_W / 2 - 30 * mm, y - 8.5 * mm, PAGE_W / 2 + 30 * mm, y - 8.5 * mm)
    canvas.restoreState()


class LetterDocument(BaseDocTemplate):
    def __init__(self, target, letters: Sequence[Letter], progress: Callable[[float], None] | None, **kw) -> None:
        super().__init__(target, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                         bottomMargin=MARGIN_BOTTOM, title=kw.pop("title", "Letters"), author=kw.pop("author", ""),
                         creator="LoyalDesk", **kw)
        self.letterhead = letters[0].sender if letters else None
        self.letterhead_lang = letters[0].lang if letters else "ja"
        self._count = max(len(letters), 1)
        self._progress = progress
        self.letter_pages: list[int] = []  # first page (1-based) of each letter
        standard = Frame(MARGIN_X, MARGIN_BOTTOM, PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                         id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        vip_x = MARGIN_X + 2 * mm
        vip = Frame(vip_x, MARGIN_BOTTOM + 2 * mm, PAGE_W - 2 * vip_x, PAGE_H - VIP_TOP - MARGIN_BOTTOM - 2 * mm,
                    id="vip", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = {"standard": PageTemplate("standard", [standard]),
                     "vip": PageTemplate("vip", [vip], onPage=_draw_vip)}
        first = letters[0].design if letters else "standard"
        self.addPageTemplates([templates[first]] + [v for k, v in templates.items() if k != first])

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, _Letterhead):
            self.letterhead, self.letterhead_lang = flowable.letter.sender, flowable.letter.lang
        elif isinstance(flowable, _LetterStart):
            self.letter_pages.append(self.page)
            if self._progress is not None:
                self._progress(0.05 + 0.95 * flowable.index / self._count)


def build_story(letters: Sequence[Letter], progress: Callable[[float], None] | None = None) -> list:
    story: list = []
    n = max(len(letters), 1)
    for i, letter in enumerate(letters):
        if i:
            story.append(_Letterhead(letter))
            story.append(NextPageTemplate(letter.design))
            story.append(PageBreak())
        story.append(_LetterStart(i))
        story += letter_flowables(letter)
        if progress is not None and i % 50 == 0:
            progress(0.05 * i / n)
    return story


def render_pdf(letters: Sequence[Letter], progress: Callable[[float], None] | None = None) -> tuple[bytes, list[int]]:
    """The letters as PDF bytes (the preview), and the first page (1-based) of each letter."""
    import io

    if not letters:
        raise ValueError("no letters to write")
    buffer = io.BytesIO()
    doc = LetterDocument(buffer, letters, progress, title=letters[0].subject or "Letter", author=letters[0].sender.name)
    doc.build(build_story(letters, progress))
    return buffer.getvalue(), doc.letter_pages


def write_letters(letters: Sequence[Letter], out: Path | str, *,
                  progress: Callable[[float], None] | None = None, title: str = "") -> list[int]:
    """Write the letters to `out` atomically (a cancelled or failed run leaves no file behind);
    return the first page (1-based) of each letter.

    `progress(fraction)` is called as the letters are laid out; it may raise (Cancelled) to stop.
    """
    if not letters:
        raise ValueError("no letters to write")
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=".letters-", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        doc = LetterDocument(tmp, letters, progress, title=title or letters[0].subject or "Letters",
                             author=letters[0].sender.name)
        doc.build(build_story(letters, progress))
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if progress is not None:
        progress(1.0)
    return doc.letter_pages
