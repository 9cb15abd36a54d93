"""The Japanese fonts reach the PDF: embedded, and the text comes back out."""

from __future__ import annotations

from loyaldesk.core.pdf_fonts import GOTHIC, MINCHO, register_fonts


def test_fonts_register_once_and_embed(tmp_path):
    from reportlab.pdfgen import canvas

    assert register_fonts() == (GOTHIC, MINCHO)
    assert register_fonts() == (GOTHIC, MINCHO)  # idempotent
    out = tmp_path / "x.pdf"
    c = canvas.Canvas(str(out))
    c.setFont(MINCHO, 12)
    c.drawString(72, 720, "拝啓 新春の候 山田太郎様")
    c.setFont(GOTHIC, 12)
    c.drawString(72, 700, "Dear Ms Carter")
    c.save()
    data = out.read_bytes()
    assert b"IPAexMincho" in data and b"FontFile2" in data  # a TrueType subset is embedded
    from pypdf import PdfReader

    text = PdfReader(str(out)).pages[0].extract_text()
    assert "拝啓 新春の候 山田太郎様" in text and "Dear Ms Carter" in text
