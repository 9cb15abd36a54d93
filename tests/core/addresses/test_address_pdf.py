"""Postcards, envelopes and labels: page sizes, postal digits centred in their boxes (measured from the
PDF), vertical order, numerals, label order from the start position."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from loyaldesk.core.addresses import pdf
from loyaldesk.core.addresses.compose import (AddressEntry, AddressOptions, JointName, convert_numbers,
                                              plan_addresses, vertical_cells)
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.letters.compose import Recipient
from loyaldesk.core.letters.sender import SenderProfile
from loyaldesk.core.pdf_fonts import GOTHIC
from tests.conftest import add_client

SENDER = SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="1500041",
                       address="東京都渋谷区神南1-2-3")
YAMADA = Recipient(1, "山田 太郎", honorific="様", company="株式会社サンプル", title="代表取締役",
                   postal_code="1500001", address1="東京都渋谷区神宮前1-12-30", address2="グリーンハイツ205号")
ORG = Recipient(2, "株式会社みらい", honorific="御中", postal_code="530-0001", address1="大阪府大阪市北区梅田1-1-3")
CARTER = Recipient(3, "Emily Carter", honorific="Ms", address1="12 High Street", address2="London")


def glyphs(data: bytes, page: int = 0) -> list[tuple[str, float, float, float]]:
    """(text, x, y, font size) of every text run on a page, in PDF points from the bottom left."""
    found: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y, size * tm[0] if tm[0] else size))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found


def page_sizes_mm(data: bytes) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width) / mm, 2), round(float(p.mediabox.height) / mm, 2))
            for p in PdfReader(io.BytesIO(data)).pages]


# =========================================================================================
# text
# =========================================================================================
@pytest.mark.parametrize("text, numerals, hyphen, expected", [
    ("神宮前1-12-30", "kanji", "no", "神宮前一の一二の三〇"),
    ("神宮前1-12-30", "kanji", "stroke", "神宮前一\u2502一二\u2502三〇"),
    ("神宮前１－２－３", "kanji", "no", "神宮前一の二の三"),
    ("梅田1丁目2番地", "kanji", "no", "梅田一丁目二番地"),
    ("神宮前1-12-30", "fullwidth", "stroke", "神宮前１\u2502１２\u2502３０"),
    ("205号", "fullwidth", "no", "２０５号"),
    ("1ー2", "kanji", "no", "一の二"),  # a long vowel mark typed for a hyphen
])
def test_numbers_in_vertical_addresses(text, numerals, hyphen, expected):
    assert convert_numbers(text, numerals, hyphen) == expected


def test_vertical_cells_turn_what_needs_turning():
    cells = vertical_cells("グリーン（3F）、ABビル-1")
    by_char = [(c.char, c.mode) for c in cells]
    assert ("ー", "rotated") in by_char
    assert ("︵", "upright") in by_char and ("︶", "upright") in by_char  # vertical brackets
    assert ("︑", "upright") in by_char  # 、 in its vertical form
    assert ("3F", "tcy") in by_char and ("AB", "tcy") in by_char  # short Latin runs 縦中横, never 三Ｆ
    assert ("ビ", "upright") in by_char and all(c.char not in ("三", "Ｆ", "Ａ") for c in cells)
    assert [(c.char, c.mode) for c in vertical_cells("205号")] == [("二", "upright"), ("〇", "upright"),
                                                                   ("五", "upright"), ("号", "upright")]
    assert [(c.char, c.mode) for c in vertical_cells("12F")][0][1] == "run"  # longer: one sideways run
    assert vertical_cells("キャッシュ")[1].mode == "small"


# =========================================================================================
# page sizes
# =========================================================================================
def test_page_sizes_are_exact():
    entries = [AddressEntry(YAMADA, "ja"), AddressEntry(CARTER, "en")]
    assert page_sizes_mm(pdf.render_pdf("postcard", entries, SENDER)[0]) == [(100.0, 148.0)] * 2
    assert page_sizes_mm(pdf.render_pdf("envelope", entries, SENDER)[0]) == [(120.0, 235.0)] * 4  # front + back
    front_only = AddressOptions(sender="bottom_left")
    assert page_sizes_mm(pdf.render_pdf("envelope", entries, SENDER, front_only)[0]) == [(120.0, 235.0)] * 2
    assert page_sizes_mm(pdf.render_pdf("envelope", entries, SENDER, layout="dl")[0]) == [(220.0, 110.0)] * 2
    assert page_sizes_mm(pdf.render_pdf("envelope", entries, SENDER, layout="no10")[0]) == [(241.3, 104.8)] * 2
    assert page_sizes_mm(pdf.render_pdf("labels", entries, SENDER, layout="a4-12")[0]) == [(210.0, 297.0)]
    assert page_sizes_mm(pdf.render_pdf("labels", entries, SENDER, layout="5160")[0]) == [(215.9, 279.4)]


def test_box_geometry_is_the_japan_post_one():
    boxes = pdf.recipient_boxes(100.0)
    assert boxes[0][0] == pytest.approx(44.3) and boxes[-1][0] + boxes[-1][2] == pytest.approx(92.0)
    assert {(b[1], b[2], b[3]) for b in boxes} == {(12.0, 5.7, 8.0)}
    gaps = [boxes[i + 1][0] - boxes[i][0] - 5.7 for i in range(6)]
    assert gaps == pytest.approx([1.3, 1.3, 1.9, 1.1, 1.1, 1.1])


# =========================================================================================
# postal digits centred in the boxes, measured from the PDF
# =========================================================================================
@pytest.mark.parametrize("options", [AddressOptions(), AddressOptions(numerals="fullwidth", proof=True),
                                     AddressOptions(offset_x_mm=1.5, offset_y_mm=-2.0)])
def test_postal_digits_are_centred_in_their_boxes(options):
    data, _ = pdf.render_pdf("postcard", [AddressEntry(YAMADA, "ja", [JointName("花子")])], SENDER, options)
    runs = glyphs(data)
    height = 148.0

    def check(boxes, code, size):
        found = [g for g in runs if g[3] == pytest.approx(size) and g[0] in "0123456789"]
        digits = [g for g in found if any(abs(g[1] / mm - (b[0] + options.offset_x_mm)) < 8 and
                                          abs((height - g[2] / mm) - (b[1] + options.offset_y_mm)) < 12
                                          for b in boxes)]
        assert "".join(g[0] for g in digits) == code
        for (text, x, y, s), (bx, by, bw, bh) in zip(digits, boxes):
            dx, dy = pdf.digit_centre_offset(GOTHIC, text, s)
            centre_x = (x + dx) / mm - options.offset_x_mm
            centre_y = height - (y + dy) / mm - options.offset_y_mm  # from the top
            assert abs(centre_x - (bx + bw / 2)) <= 0.5, (text, centre_x, bx + bw / 2)
            assert abs(centre_y - (by + bh / 2)) <= 0.5, (text, centre_y, by + bh / 2)

    check(pdf.recipient_boxes(100.0), "1500001", pdf.DIGIT_SIZE)
    check(pdf.sender_boxes(), "1500041", pdf.SENDER_DIGIT_SIZE)


def test_envelope_postal_digits_centred_too():
    data, _ = pdf.render_pdf("envelope", [AddressEntry(ORG, "ja")], SENDER)
    runs = [g for g in glyphs(data) if g[3] == pytest.approx(pdf.DIGIT_SIZE)]
    assert "".join(g[0] for g in runs) == "5300001"
    for (text, x, y, s), (bx, by, bw, bh) in zip(runs, pdf.recipient_boxes(120.0)):
        dx, dy = pdf.digit_centre_offset(GOTHIC, text, s)
        assert abs((x + dx) / mm - (bx + bw / 2)) <= 0.5
        assert abs(235.0 - (y + dy) / mm - (by + bh / 2)) <= 0.5


# =========================================================================================
# vertical order
# =========================================================================================
def _column(runs, chars):
    """The runs of `chars` in order of appearance."""
    out = []
    rest = list(runs)
    for ch in chars:
        hit = next(g for g in rest if g[0] == ch)
        rest.remove(hit)
        out.append(hit)
    return out


def test_address_and_name_run_top_to_bottom_address_right_of_name():
    data, _ = pdf.render_pdf("postcard", [AddressEntry(YAMADA, "ja")], SENDER)
    runs = [g for g in glyphs(data) if g[3] > 10]
    address = _column(runs, "東京都渋谷区神宮前一")
    name = _column([g for g in runs if g[3] > 14], "山田太郎様")
    for seq in (address, name):
        xs = {round(g[1] + 0.5 * g[3]) for g in seq}  # one column: the same centre
        assert max(xs) - min(xs) <= 2
        ys = [g[2] for g in seq]
        assert ys == sorted(ys, reverse=True)  # top to bottom
    assert address[0][1] > name[0][1]  # the address is to the right of the name
    assert name[-1][2] < name[-2][2] - name[-1][3]  # a gap before 様
    text = "".join(g[0] for g in glyphs(data))
    assert "一二" in text and "三〇" in text and "1" not in text.replace("1500001", "").replace("1500041", "")


def test_joint_names_have_their_own_honorifics_aligned():
    entry = AddressEntry(YAMADA, "ja", [JointName("花子", "様"), JointName("健太", "くん")])
    runs = [g for g in glyphs(pdf.render_pdf("postcard", [entry], SENDER)[0]) if g[3] > 14]
    honorifics = [g for g in runs if g[0] in "様く"]
    assert len(honorifics) == 3
    assert len({round(g[2]) for g in honorifics}) == 1  # the same height
    assert [g[0] for g in sorted(honorifics, key=lambda g: -g[1])] == ["様", "様", "く"]  # right to left
    hanako = _column(runs, "花")[0]
    taro = _column(runs, "太")[0]
    assert round(hanako[2]) == round(taro[2])  # the given names line up


def test_organization_gets_onchu_not_sama():
    text = "".join(g[0] for g in glyphs(pdf.render_pdf("postcard", [AddressEntry(ORG, "ja")], SENDER)[0]))
    assert "御中" in text and "様" not in text


# =========================================================================================
# labels
# =========================================================================================
def test_labels_fill_the_sheet_row_by_row_from_the_start_position():
    layout = pdf.LABEL_LAYOUTS["a4-12"]
    entries = [AddressEntry(Recipient(i, f"顧客{i:02d}", address1="東京都"), "ja") for i in range(1, 14)]
    data, pages = pdf.render_pdf("labels", entries, SENDER, layout="a4-12", start=4)
    assert pages == [1] * 9 + [2] * 4  # 12 - 3 used labels on the first sheet
    for page_no, first_index, names in ((0, 3, range(1, 10)), (1, 0, range(10, 14))):
        runs = glyphs(data, page_no)
        for k, i in enumerate(names):
            name_run = next(g for g in runs if g[0].startswith(f"顧客{i:02d}"))
            x, y = layout.cell_box(first_index + k)
            assert x <= name_run[1] / mm <= x + layout.width
            assert y <= 297.0 - name_run[2] / mm <= y + layout.height


def test_label_layouts_are_documented_sizes_and_fit_their_page():
    expected = {"a4-12": (2, 6, 86.4, 42.3), "a4-24": (3, 8, 66.0, 33.9), "l7160": (3, 7, 63.5, 38.1),
                "5160": (3, 10, 66.675, 25.4)}
    for name, (cols, rows, w, h) in expected.items():
        lay = pdf.LABEL_LAYOUTS[name]
        assert (lay.cols, lay.rows, lay.width, lay.height) == (cols, rows, w, h)
        right, bottom = lay.cell_box(lay.cells - 1)
        assert right + lay.width <= lay.page[0] and bottom + lay.height <= lay.page[1]


def test_invalid_layout_and_start_are_user_errors():
    entries = [AddressEntry(YAMADA, "ja")]
    with pytest.raises(ValidationError):
        pdf.render_pdf("labels", entries, SENDER, layout="a4-12", start=13)
    with pytest.raises(ValidationError):
        pdf.render_pdf("envelope", entries, SENDER, layout="c4")
    with pytest.raises(ValidationError):
        pdf.render_pdf("postcard", entries, SENDER, AddressOptions(numerals="roman"))


def test_write_is_atomic_on_cancel(tmp_path):
    class Cancelled(Exception):
        pass

    def cancel(fraction):
        if fraction > 0:
            raise Cancelled

    entries = [AddressEntry(YAMADA, "ja")] * 3
    with pytest.raises(Cancelled):
        pdf.write_pdf("postcard", entries, SENDER, tmp_path / "x.pdf", progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_plan_skips_with_reasons(db):
    ok = add_client(db, "山田 太郎", address1="東京都")
    dnc = add_client(db, "連絡 不要", address1="東京都", do_not_contact=1)
    arch = add_client(db, "古い 顧客", address1="東京都", archived=1)
    none = add_client(db, "住所 なし")
    plan = plan_addresses(db, [ok, dnc, arch, none, 999])
    assert [e.client_id for e in plan.entries] == [ok]
    assert [(s.client_id, s.reason) for s in plan.skipped] == [
        (dnc, "do_not_contact"), (arch, "archived"), (none, "no_address"), (999, "not_found")]


def test_joint_names_parsed_stored_and_planned(db):
    from loyaldesk.core.addresses.compose import (format_joint_names, load_joint_names, parse_joint_names,
                                                  save_joint_names)

    names = parse_joint_names("花子、健太 くん,\u3000美咲ちゃん")
    assert [(j.name, j.honorific) for j in names] == [("花子", "様"), ("健太", "くん"), ("美咲", "ちゃん")]
    assert format_joint_names(names) == "花子 様、健太 くん、美咲 ちゃん"
    with pytest.raises(ValidationError):
        parse_joint_names("a, b, c, d, e")
    cid = add_client(db, "山田 太郎", address1="東京都")
    save_joint_names(db, cid, names)
    assert [j.name for j in load_joint_names(db, [cid])[cid]] == ["花子", "健太", "美咲"]
    assert [j.honorific for j in plan_addresses(db, [cid]).entries[0].joint] == ["様", "くん", "ちゃん"]
    save_joint_names(db, cid, [])
    assert plan_addresses(db, [cid]).entries[0].joint == []
