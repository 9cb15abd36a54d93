"""Postcard message sides (はがき文面): the season templates, the text in the PDF (Japanese included), vertical
columns from right to left, wrapping and shrinking inside the margins, and the address + message order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from loyaldesk.core.addresses import message as M
from loyaldesk.core.addresses import pdf
from loyaldesk.core.addresses.compose import AddressEntry, AddressOptions, plan_addresses, vertical_cells
from loyaldesk.core.errors import NotFoundError, ValidationError
from loyaldesk.core.letters import templates as T
from loyaldesk.core.letters.compose import Recipient
from loyaldesk.core.letters.sender import save_sender
from loyaldesk.core.pdf_fonts import MINCHO, register_fonts
from tests.conftest import add_client, add_session
from tests.core.addresses.test_address_pdf import CARTER, SENDER, YAMADA, glyphs, page_sizes_mm

DAY = dt.date(2026, 12, 10)  # New Year cards for 2027


def card(lang: str, text: str, key: str = "postcard.new_year") -> M.CardMessage:
    return M.CardMessage(1 if lang == "ja" else 3, "山田 太郎" if lang == "ja" else "Emily Carter", lang, text, key)


def default_text(key: str, lang: str, recipient: Recipient) -> str:
    from loyaldesk.core.letters.compose import context_for

    template = T.default_template(key, lang)
    return T.render_text(T.compile_template(template.body), context_for(recipient, lang, SENDER, DAY))


def render(messages, orientation="horizontal", side="message", options=None):
    entries = [AddressEntry(YAMADA if m.lang == "ja" else CARTER, m.lang) for m in messages]
    return pdf.render_pdf("postcard", entries, SENDER, options or AddressOptions(), side=side, messages=messages,
                          orientation=orientation)


def box(run) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in mm from the top-left of a text run (text, x, baseline y, size) in points:
    IPAex glyphs rise 0.88 em above the baseline and go 0.12 em below it (a vertical cell: its em square)."""
    text, x, y, size = run
    left, right = x, x + stringWidth(text, MINCHO, size)
    return left / mm, 148 - (y + 0.88 * size) / mm, right / mm, 148 - (y - 0.12 * size) / mm


def in_area(runs):
    """Every run is inside the writing area (the margins)."""
    for run in runs:
        left, top, right, bottom = box(run)
        assert left >= M.LEFT - 0.2 and right <= M.RIGHT + 0.2, (run, left, right)
        assert top >= M.TOP - 0.2 and bottom <= M.BOTTOM + 0.2, (run, top, bottom)


# =========================================================================================
# templates
# =========================================================================================
def test_every_season_has_a_postcard_template_in_both_languages(db):
    keys = T.template_keys(db)
    for season in ("new_year", "winter", "summer", "year_end"):
        key = M.template_for_season(season)
        assert key == f"postcard.{season}" and keys[key] == ["ja", "en"]
    assert M.template_for_season("other") == "postcard.new_year"
    choices = [k for k, _name in M.template_choices(db, "ja")]
    assert choices[:4] == ["postcard.new_year", "postcard.summer", "postcard.winter", "postcard.year_end"]
    assert "thank_you" in choices  # any letter template can fill a message side
    assert dict(M.template_choices(db, "ja"))["postcard.new_year"] == "年賀状（はがき文面）"


def test_messages_per_client_in_their_language_with_the_users_edits(db):
    save_sender(db, SENDER)
    a = add_client(db, "山田 太郎", honorific="様", postal_code="1500001", address1="東京都渋谷区神宮前1-1-1")
    b = add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street")
    add_session(db, a, "2026-10-01", topic="新規事業の資金計画")
    plan = plan_addresses(db, [a, b], as_of=DAY)
    ja, en = M.plan_messages(db, plan.entries, "postcard.new_year", as_of=DAY)
    assert ja.lang == "ja" and ja.text.startswith("謹賀新年") and "「新規事業の資金計画」" in ja.text
    assert ja.text.rstrip().endswith("2027年　元旦")
    assert en.lang == "en" and "Happy New Year 2027" in en.text and "Dear Ms. Emily Carter," in en.text
    # dated in the Japanese era when the sender profile says so (the English card keeps its year)
    era = dataclasses.replace(SENDER, date_style="era")
    ja_era, en_era = M.plan_messages(db, plan.entries, "postcard.new_year", as_of=DAY, sender=era)
    assert ja_era.text.rstrip().endswith("令和9年　元旦") and "Happy New Year 2027" in en_era.text
    (year_end,) = M.plan_messages(db, plan.entries[:1], "postcard.year_end", as_of=DAY, sender=era)
    assert year_end.text.rstrip().endswith("令和8年　師走")
    edited = T.get_template(db, "postcard.new_year", "ja")
    edited.body = "謹賀新年\n\n　{{ name }}様、本年もよろしくお願いいたします。\n"
    T.save_template(db, edited)
    assert "山田 太郎様、本年も" in M.plan_messages(db, plan.entries[:1], "postcard.new_year", as_of=DAY)[0].text
    with pytest.raises(NotFoundError):
        M.plan_messages(db, plan.entries, "no_such_template", as_of=DAY)


def test_a_database_without_the_postcard_templates_uses_the_shipped_ones(db):
    with db.transaction() as conn:
        conn.execute("DELETE FROM letter_templates WHERE key LIKE 'postcard.%'")
    a = add_client(db, "山田 太郎", postal_code="1500001", address1="東京都渋谷区神宮前1-1-1")
    plan = plan_addresses(db, [a], as_of=DAY)
    (msg,) = M.plan_messages(db, plan.entries, "postcard.summer", as_of=DAY)
    assert msg.text.startswith("暑中お見舞い申し上げます")
    assert "postcard.summer" in dict(M.template_choices(db))


def test_a_database_of_the_previous_schema_gets_the_postcard_templates_when_upgraded(tmp_path):
    from loyaldesk.core.db import open_database

    path = tmp_path / "older.db"
    with open_database(path) as older:
        with older.transaction() as conn:
            conn.execute("DELETE FROM letter_templates WHERE key LIKE 'postcard.%'")
            conn.execute("UPDATE letter_templates SET body = 'mine', updated_at = '2026-10-01' "
                         "WHERE key = 'thank_you' AND lang = 'ja'")
            conn.execute("UPDATE letter_templates SET body = 'the text of an older version' "
                         "WHERE key = 'recognition'")  # never edited: updated_at stays NULL
        older.conn.execute("PRAGMA user_version = 7")
    with open_database(path, backup_dir=tmp_path / "backups") as db:
        keys = {(x.key, x.lang) for x in T.list_templates(db)}
        assert {(f"postcard.{s}", lang) for s in ("new_year", "winter", "summer", "year_end")
                for lang in ("ja", "en")} <= keys
        assert T.find_template(db, "thank_you", "ja").body == "mine"  # the user's own edits stay
        for lang in ("ja", "en"):  # an unedited built-in template takes the current text
            assert T.find_template(db, "recognition", lang).body == T.default_template("recognition", lang).body


# =========================================================================================
# text blocks and line breaking
# =========================================================================================
def test_blocks_heading_paragraphs_and_date_line():
    blocks = M.parse_blocks("謹賀新年\n\n　本文です。\n\n\n　二つ目。\n\n2027年　元旦\n", "ja")
    assert blocks.heading == "謹賀新年" and blocks.closing == "2027年　元旦"
    assert blocks.paragraphs == ["　本文です。", "", "　二つ目。"]
    letter = M.parse_blocks("拝啓　新春の候、ますますご清祥のこととお慶び申し上げます。\n　本文。\n敬具\n", "ja")
    assert letter.heading == "" and letter.closing == "" and letter.paragraphs[-1] == "敬具"
    assert M.parse_blocks("Happy New Year\n\nDear Ms. Carter,\n\nWarm wishes,", "en").heading == "Happy New Year"


def test_kinsoku_no_line_starts_with_closing_punctuation():
    register_fonts()
    text = "あいうえおかきくけこ、さしすせそ。「たちつてと」なにぬねの"
    for width in range(20, 60):
        lines = M.wrap_horizontal(text, "ja", MINCHO, 10.0, width / 2)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in "、。」", lines
        for line in lines[:-1]:
            assert line[-1] != "「", lines
        assert all(stringWidth(x, MINCHO, 10.0) / mm <= width / 2 + 1e-6 for x in lines)
    columns = M.wrap_vertical(vertical_cells(text), 5)
    assert all(col[0].char not in "︑︒﹂" for col in columns[1:]) and all(len(c) <= 5 for c in columns)


def test_english_wraps_at_words():
    register_fonts()
    lines = M.wrap_horizontal("Thank you for the trust you placed in me this past year and for our work together.",
                              "en", MINCHO, 10.0, 50)
    assert len(lines) > 1 and all(not x.startswith(" ") for x in lines)
    assert " ".join(lines) == "Thank you for the trust you placed in me this past year and for our work together."


# =========================================================================================
# the PDF
# =========================================================================================
def test_page_size_and_the_text_read_back_japanese_and_english():
    ja = card("ja", default_text("postcard.new_year", "ja", YAMADA))
    en = card("en", default_text("postcard.new_year", "en", CARTER))
    data, pages = render([ja, en])
    assert page_sizes_mm(data) == [(100.0, 148.0)] * 2 and pages == [1, 2]
    reader = PdfReader(io.BytesIO(data))
    first = reader.pages[0].extract_text()
    assert "謹賀新年" in first and "旧年中は格別のご厚情を賜り" in first and "2027年　元旦" in first
    assert "高橋経営相談室" in first and "高橋 恵子" in first  # the signature
    second = reader.pages[1].extract_text()
    assert "Happy New Year 2027" in second and "Dear Ms. Emily Carter," in second and "Warm wishes," in second
    # the heading is larger than the text and centred
    runs = glyphs(data)
    heading = next(r for r in runs if r[0] == "謹賀新年")
    body = next(r for r in runs if r[0].startswith("旧年中"))
    assert heading[3] > body[3] * 1.5
    centre = (heading[1] + stringWidth("謹賀新年", MINCHO, heading[3]) / 2) / mm
    assert abs(centre - 50.0) < 0.5


def test_vertical_columns_run_right_to_left_top_to_bottom():
    text = default_text("postcard.new_year", "ja", dataclasses.replace(YAMADA, last_session_topic="新規事業の資金計画"))
    data, _ = render([card("ja", text)], orientation="vertical")
    assert page_sizes_mm(data) == [(100.0, 148.0)]
    runs = glyphs(data)
    chars = "".join(r[0] for r in runs)
    assert "謹賀新年" in chars and "二〇二七年" in chars  # numerals as kanji
    assert "︑" in chars and "︒" in chars and "﹁" in chars and "﹂" in chars  # vertical 、。「」
    assert "、" not in chars and "。" not in chars

    def xs(char):
        return [r[1] for r in runs if r[0] == char]

    heading_x = xs("謹")[0]
    first_text_x = xs("旧")[0]
    date_x = xs("元")[0]
    signature_x = xs("恵")[0]
    assert heading_x > first_text_x > date_x > signature_x  # right to left
    # within a column, top to bottom (PDF y grows upwards)
    heading = [r for r in runs if r[0] in "謹賀新年" and abs(r[1] - heading_x) < 0.1]
    assert [r[0] for r in sorted(heading, key=lambda r: -r[2])] == list("謹賀新年")
    # the paragraph's columns: each one left of the previous
    column_xs = sorted({round(r[1], 1) for r in runs if r[3] < 12}, reverse=True)
    assert len(column_xs) >= 5
    # and every cell inside the margins
    in_area(runs)


def test_english_cards_stay_horizontal_when_vertical_is_chosen():
    data, _ = render([card("en", default_text("postcard.summer", "en", CARTER), "postcard.summer")],
                     orientation="vertical")
    assert "Summer Greetings" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_long_text_shrinks_and_wraps_inside_the_margins(orientation):
    paragraph = "　本年も格別のお引き立てを賜り、誠にありがとうございました。皆様のご健康とご多幸をお祈り申し上げます。"
    text = "年末のご挨拶\n\n" + "\n".join([paragraph] * 7) + "\n\n2026年　師走\n"
    short, _ = render([card("ja", "年末のご挨拶\n\n" + paragraph + "\n")], orientation)
    data, _ = render([card("ja", text)], orientation)
    runs = glyphs(data)
    size = min(r[3] for r in runs)
    assert M.MIN_SIZE <= size < min(r[3] for r in glyphs(short))  # smaller than the short card's text
    # every character of the text is on the card
    drawn = "".join(r[0] for r in runs)
    if orientation == "horizontal":
        assert drawn.replace("\u3000", "").count("ありがとうございました") == 7
    else:
        assert drawn.count("誠") == 7
    in_area(runs)


def test_text_that_cannot_fit_is_refused_not_cut():
    text = "\n".join(["　とても長い文面です。" * 12] * 12)
    for orientation in ("horizontal", "vertical"):
        with pytest.raises(ValidationError) as info:
            render([card("ja", text)], orientation)
        assert info.value.key == "addresses.message_too_long" and "山田 太郎" in info.value.message


def test_both_sides_address_then_message_per_card():
    messages = [card("ja", default_text("postcard.new_year", "ja", YAMADA)),
                card("en", default_text("postcard.new_year", "en", CARTER))]
    data, first_pages = render(messages, side="both", options=AddressOptions(proof=True))
    assert first_pages == [1, 3] and page_sizes_mm(data) == [(100.0, 148.0)] * 4
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert "山" in pages[0] and "謹賀新年" not in pages[0]
    assert "謹賀新年" in pages[1]
    assert "Emily Carter" in pages[2] and "Happy New Year" not in pages[2]
    assert "Happy New Year 2027" in pages[3]


def test_side_and_orientation_are_checked():
    with pytest.raises(ValidationError):
        render([card("ja", "謹賀新年\n")], side="front")
    with pytest.raises(ValidationError):
        render([card("ja", "謹賀新年\n")], orientation="diagonal")
    with pytest.raises(ValueError):  # a message side without its messages
        pdf.render_pdf("postcard", [AddressEntry(YAMADA, "ja")], SENDER, side="message")


def test_write_pdf_with_the_calibration_offset(tmp_path):
    msg = card("ja", "謹賀新年\n\n　本年もよろしくお願い申し上げます。\n")
    out = tmp_path / "m.pdf"
    pdf.write_pdf("postcard", [AddressEntry(YAMADA, "ja")], SENDER, out, AddressOptions(offset_x_mm=2.0),
                  side="message", messages=[msg])
    moved = glyphs(out.read_bytes())
    plain = glyphs(render([msg])[0])
    assert abs((moved[0][1] - plain[0][1]) / mm - 2.0) < 0.01
