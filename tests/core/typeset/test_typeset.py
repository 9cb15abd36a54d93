"""Japanese typesetting (JIS X 4051 / JLREQ) read back from the PDFs the user gets: no column or line starts
with a character that may not start one, a street-number group stays in one column or line, a Latin run is
one turned run (or 縦中横), brackets and 、。 take their vertical forms, the sender block's order."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from loyaldesk.core.addresses import message as M
from loyaldesk.core.addresses import pdf
from loyaldesk.core.addresses.compose import AddressEntry
from loyaldesk.core.letters.compose import Recipient
from loyaldesk.core.letters.sender import SenderProfile
from loyaldesk.core.pdf_fonts import MINCHO, register_fonts
from loyaldesk.core.typeset import horizontal, rules, vertical
from loyaldesk.core.typeset.text import tokens
from tests.pdf_readback import Glyphs, char_spacings, columns, glyphs, lines

FORBIDDEN_START = "、。，．」』）】〕ー・：；？！ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々︑︒﹂﹄︶︼︺"
FORBIDDEN_END = "「『（【〔﹁﹃︵︻︹"

SENDER = SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="1500041",
                       address="東京都渋谷区神南一丁目二番三号サンプルビル5F")
ROMAJI = SenderProfile(name="Keiko Takahashi", business="Takahashi Consulting", postal_code="1500041",
                       address="東京都渋谷区神南1-2-3 Shibuya Garden Tower 12F")
YAMADA = Recipient(1, "山田 太郎", honorific="様", company="株式会社サンプル", postal_code="1500001",
                   address1="東京都渋谷区神宮前1-12-30", address2="グリーンハイツ（B棟）205号 5F")
SATO = Recipient(2, "佐藤 花子", honorific="様", postal_code="5300001",
                 address1="大阪府大阪市北区梅田一丁目二番三号大阪駅前第一ビル12F")


def vertical_text(runs: list[Glyphs], min_size: float = 0.0) -> list[list[Glyphs]]:
    """The columns of a vertical page (postal digits left out: they are horizontal boxes)."""
    cells = [g for g in runs if g.size >= min_size and not (g.text in "0123456789" and g.angle == 0)]
    return columns(cells)


def assert_kinsoku_columns(cols: list[list[Glyphs]]) -> None:
    for col in cols:
        assert col[0].text[:1] not in FORBIDDEN_START, "".join(g.text for g in col)
        assert col[-1].text[-1:] not in FORBIDDEN_END, "".join(g.text for g in col)


# =========================================================================================
# the rules
# =========================================================================================
def test_character_classes_follow_jlreq():
    for ch in "、。」）』】ー・？！ぁっャ々︑︒﹂":
        assert not rules.may_start(ch), ch
    for ch in "「（『【﹁︵":
        assert not rules.may_end(ch), ch
    assert rules.may_start("あ") and rules.may_start("「") and rules.may_end("」")


@pytest.mark.parametrize("text, kind, unit", [
    ("東京都渋谷区神南一丁目二番三号", "number", "一丁目二番三号"),
    ("神南一ー二ー三", "number", "一ー二ー三"),
    ("神南2-3-5", "number", "2-3-5"),
    ("神南２－３－５", "number", "2-3-5"),  # full-width digits and hyphens
    ("サンプルビル5F", "latin", "5F"),
    ("連絡はinfo@example.jpまで", "latin", "info@example.jp"),
    ("https://example.jp/a。", "latin", "https://example.jp/a"),
    ("14:00〜16:00", "latin", "14:00"),
    ("205号5F", "latin", "5F"),  # not 二〇五号五F
    ("い三5F", "latin", "5F"),
])
def test_number_groups_and_latin_runs_are_units(text, kind, unit):
    from loyaldesk.core.typeset.text import normalize

    assert (kind, unit) in [(t.kind, t.text) for t in tokens(normalize(text))]


def test_vertical_cells_never_half_convert_latin():
    cells = vertical.vertical_cells("サンプルビル5F、12F Keiko")
    assert [(c.char, c.mode) for c in cells if c.mode in ("tcy", "run")] == [("5F", "tcy"), ("12F Keiko", "run")]
    assert not any(c.char in "五Ｆ" for c in cells)
    pair = vertical.vertical_cells("ました。」と「あ」「い」")
    assert [c.advance for c in pair] == [1, 1, 1, 0.5, 1, 1, 1, 1, 1, 0.5, 1, 1]  # 。」 and 」「 closer
    kanji = vertical.vertical_cells("2027年", "kanji")
    assert "".join(c.char for c in kanji) == "二〇二七年"  # Japanese numbers stay kanji (the option)
    assert "".join(c.char for c in vertical.vertical_cells("2027年", "fullwidth")) == "２０２７年"


def test_address_columns_break_at_natural_places_never_in_a_number_group():
    cells = vertical.vertical_cells("大阪府大阪市北区梅田1丁目2番3号大阪駅前第一ビル12F")
    for per in (8, 10, 12, 14, 20):
        cols = vertical.balanced_columns(cells, per)
        texts = ["".join(c.char for c in col) for col in cols]
        assert any("一丁目二番三号" in t for t in texts), texts
        assert all(vertical.extent(col) <= per + 1e-6 for col in cols)
    assert ["".join(c.char for c in col) for col in vertical.split_building(cells)] == [
        "大阪府大阪市北区梅田一丁目二番三号", "大阪駅前第一ビル12F"]
    # the kanji numerals of a place name are not a street number: no split after 五十 of 五十嵐
    for text in ("新潟県三条市五十嵐1-2-3", "東京都港区三田"):
        assert len(vertical.split_building(vertical.vertical_cells(text))) == 1
    assert len(vertical.split_building(vertical.vertical_cells("東京都港区六本木6-10-1 六本木ヒルズ森タワー"))) == 2


def test_greedy_breaking_is_linear_and_keeps_the_rules():
    register_fonts()
    text = "本日は誠にありがとうございました。「東京都渋谷区神南1-2-3」へinfo@example.jpからご連絡ください、" * 300
    out = horizontal.wrap(text, MINCHO, 10.5, 160 * mm)
    assert "".join(x.text for x in out) == text
    for line in out[1:]:
        assert line.text[:1] not in FORBIDDEN_START
    for line in out[:-1]:
        assert line.text[-1:] not in FORBIDDEN_END
        assert line.width <= 160 * mm + 1e-6
    joined = [x.text for x in out]
    assert sum(x.count("1-2-3") for x in joined) == 300 and sum(x.count("info@example.jp") for x in joined) == 300


# =========================================================================================
# postcards and envelopes, read back
# =========================================================================================
def _sender_columns(data: bytes, page: int = 0, right_of: float = 40.0) -> list[list[Glyphs]]:
    """The sender's columns: cells left of x = right_of mm, below 70 mm from the top."""
    runs = [g for g in glyphs(data, page) if g.x / mm < right_of and g.y / mm < (148 - 70)]
    return vertical_text(runs)


def test_postcard_sender_block_order_and_number_group_in_one_column():
    data, _ = pdf.render_pdf("postcard", [AddressEntry(YAMADA, "ja")], SENDER)
    cols = _sender_columns(data)
    texts = ["".join(g.text for g in col) for col in cols]  # right to left
    address = next(i for i, t in enumerate(texts) if t.startswith("東京都"))
    business = texts.index("高橋経営相談室")
    name = next(i for i, t in enumerate(texts) if t.startswith("高橋恵子") or t == "高橋恵子")
    assert address < business < name  # address, business, name from right to left
    assert sum("一丁目二番三号" in t for t in texts) == 1  # the group in one column
    assert any(t.endswith("5F") for t in texts) and not any("五" in t for t in texts)
    assert_kinsoku_columns(cols)


def test_romaji_sender_is_set_as_turned_runs():
    data, _ = pdf.render_pdf("postcard", [AddressEntry(YAMADA, "ja")], ROMAJI)
    runs = glyphs(data)
    name = [g for g in runs if "Keiko" in g.text or "Takahashi" in g.text]
    assert [(g.text, g.angle) for g in name] == [("Takahashi Consulting", -90), ("Keiko Takahashi", -90)]
    building = next(g for g in runs if "Tower" in g.text)
    assert building.text == "Shibuya Garden Tower 12F" and building.angle == -90
    texts = ["".join(g.text for g in col) for col in _sender_columns(data)]
    # no Latin letter set upright one by one (nor as a full-width letter)
    sender = [g for col in _sender_columns(data) for g in col]
    assert not any(g.angle == 0 and g.text.isalpha() and (g.text.isascii() or "Ａ" <= g.text <= "ｚ") for g in sender)
    assert texts.index("Takahashi Consulting") < texts.index("Keiko Takahashi")


def test_recipient_address_groups_latin_and_vertical_forms():
    data, _ = pdf.render_pdf("postcard", [AddressEntry(YAMADA, "ja"), AddressEntry(SATO, "ja")], SENDER)
    first = vertical_text(glyphs(data, 0), min_size=9)
    texts = ["".join(g.text for g in col) for col in first]
    assert any("東京都渋谷区神宮前一│一二│三〇".replace("│", "") == t for t in texts), texts
    building = next(col for col in first if any(g.text == "棟" for g in col))
    chars = [g.text for g in building]
    assert "︵" in chars and "︶" in chars and "（" not in chars  # vertical brackets
    assert ("5F", 0) in [(g.text, g.angle) for g in building]  # 縦中横, in the column
    tcy = next(g for g in building if g.text == "5F")
    assert abs(tcy.x - building[0].x) < 1.0  # centred on the column
    long_mark = next(g for g in glyphs(data, 0) if g.text == "ー")
    assert long_mark.angle == -90  # the long vowel mark turned
    # the second card: the building in its own column, the street number whole
    second = ["".join(g.text for g in col) for col in vertical_text(glyphs(data, 1), min_size=9)]
    assert "大阪府大阪市北区梅田一丁目二番三号" in second
    assert any(t.startswith("大阪駅前第一ビル") and t.endswith("12F") for t in second)
    twelve = next(g for g in glyphs(data, 1) if g.text == "12F")
    assert twelve.angle == -90


def test_envelope_back_sender_order_postal_code_address_business_name():
    data, _ = pdf.render_pdf("envelope", [AddressEntry(YAMADA, "ja")], SENDER)
    runs = [g for g in glyphs(data, 1)]
    cols = ["".join(g.text for g in col) for col in vertical_text(runs)]
    assert cols[0].startswith("〒１５０")
    assert cols[1].startswith("東京都渋谷区神南")
    assert cols.index("高橋経営相談室") < cols.index("高橋恵子") and cols.index("高橋経営相談室") > 1
    assert sum("一丁目二番三号" in t for t in cols) == 1
    assert_kinsoku_columns(vertical_text(runs))


COMPANY = Recipient(3, "", honorific="御中", company="株式会社サンプル商事 総務部", postal_code="6008413",
                    address1="京都府京都市下京区烏丸通仏光寺下ル大政所町680番地1", address2="第八長谷ビル5F")


def test_company_without_a_person_is_the_name_column_with_onchu():
    """A company written to without a person: its name is the large centred column and 御中 follows it
    (Japan Post: the addressee's name the largest), never a lone 御中 with the company set small beside it."""
    data, _ = pdf.render_pdf("postcard", [AddressEntry(COMPANY, "ja")], SENDER)
    cols = vertical_text(glyphs(data), min_size=9)
    name = max(cols, key=lambda col: max(g.size for g in col))
    text = "".join(g.text for g in name)
    assert text.startswith("株式会社サンプル商事") and text.endswith("総務部御中"), text
    assert abs(name[0].x / mm - 50) < 12  # about the middle of the card
    data, _ = pdf.render_pdf("envelope", [AddressEntry(COMPANY, "ja")], SENDER, layout="dl")
    found = lines(glyphs(data))
    assert "株式会社サンプル商事 総務部 御中" in found and "御中" not in [x.strip() for x in found]


@pytest.mark.parametrize("address", [
    "京都府京都市下京区烏丸通仏光寺下ル大政所町680番地1",
    "京都府京都市中京区烏丸通三条上ル場之町599番地",
    "京都府京都市上京区今出川通烏丸東入ル玄武町601番地 同志社大学今出川キャンパス",
    "京都府京都市下京区西洞院通四条下ル妙伝寺町710番地の1",
])
def test_kyoto_address_breaks_after_the_street_not_inside_a_name(address):
    """A Kyoto address (通 + cross street + 上ル/下ル + town) too long for one column breaks after the
    town, the street or the direction, never inside a name (烏丸通仏 / 光寺下ル…)."""
    who = Recipient(4, "林", honorific="様", postal_code="6008413", address1=address, address2="第八長谷ビル5F")
    data, _ = pdf.render_pdf("postcard", [AddressEntry(who, "ja")], SENDER)
    cols = ["".join(g.text for g in col) for col in vertical_text(glyphs(data), min_size=7)]
    start = next(i for i, t in enumerate(cols) if t.startswith("京都府"))
    end = next(i for i, t in enumerate(cols) if t == "第八長谷ビル5F")
    parts = cols[start:end]
    assert parts and all(re.search(r"(区|通|上ル|下ル|入ル|番地(の?[一二三四五六七八九〇]+)?|キャンパス)$", p) for p in parts), parts


EN_SENDER = SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory", postal_code="150-0041",
                          address="5F Sample Bldg., 1-2-3 Jinnan\nShibuya-ku, Tokyo 150-0041, Japan")
SMITH = Recipient(5, "John Smith", company="Acme Ltd", postal_code="SW1A 1AA", address1="10 Downing Street",
                  address2="London")


@pytest.mark.parametrize("where", ["back", "bottom_left"])
def test_english_envelope_sender_in_lines_and_foreign_postcode_written(where):
    """A 長形3号 envelope to an English recipient: the English sender is set in horizontal lines (never in
    vertical columns with its digits turned into kanji), and a postcode that does not go into the
    Japanese boxes (SW1A 1AA) is written under the address instead of being left out."""
    from loyaldesk.core.addresses.compose import AddressOptions

    options = AddressOptions(sender=where)
    data, _ = pdf.render_pdf("envelope", [AddressEntry(SMITH, "en")], EN_SENDER, options)
    front = lines(glyphs(data, 0))
    assert front[-1] == "SW1A 1AA" or "SW1A 1AA" in front, front
    sender_page = 1 if where == "back" else 0
    runs = glyphs(data, sender_page)
    found = lines(runs)
    assert "5F Sample Bldg., 1-2-3 Jinnan" in found and "Keiko Takahashi" in found, found
    assert all(g.angle == 0 for g in runs)
    assert not any(ch in "".join(g.text for g in runs) for ch in "一二三四五〇︐")
    assert "150-0041" not in found  # the address already holds it


def test_horizontal_envelope_sender_lines_in_order():
    data, _ = pdf.render_pdf("envelope", [AddressEntry(YAMADA, "ja")], SENDER, layout="dl")
    text = [x for x in lines(glyphs(data)) if x]
    i = text.index("〒150-0041")
    assert text[i + 1].startswith("東京都渋谷区神南") and text[i + 2] == "高橋経営相談室" and text[i + 3] == "高橋 恵子"


# =========================================================================================
# the vertical message side
# =========================================================================================
MESSAGE = ("謹賀新年\n\n"
           "旧年中は格別のご愛顧を賜り、誠にありがとうございました。「新しい一年」が実り多いものとなりますよう、"
           "心よりお祈り申し上げます。本年も「LoyalDesk」とともに、よろしくお願いいたします。"
           "ご相談はinfo@example.jpまで。セミナーは2月20日（土）14:00〜16:00、会場は東京都渋谷区神南1-2-3 ABCビル5Fです……。"
           "ちょっとした『お知らせ』もあります【重要】。\n\n2027年　元旦\n")


@pytest.mark.parametrize("repeat", [1, 2, 3])
def test_vertical_message_side_kinsoku_forms_and_runs(repeat):
    body = MESSAGE.split("\n\n")[1]
    text = MESSAGE.replace(body, "".join(body[k:] + body[:k] for k in range(0, 7 * repeat, 7)))
    msg = M.CardMessage(1, "山田 太郎", "ja", text, "postcard.new_year")
    data, _ = pdf.render_pdf("postcard", [AddressEntry(YAMADA, "ja")], SENDER, side="message", messages=[msg],
                             orientation="vertical")
    runs = glyphs(data)
    chars = [g.text for g in runs]
    for horizontal_form in "、。「」『』（）【】…":
        assert horizontal_form not in chars
    for vertical_form in "︑︒﹁﹂﹃﹄︵︶︻︼︙":
        assert vertical_form in chars
    assert {g.angle for g in runs if g.text in ("info@example.jp", "14:00", "16:00", "LoyalDesk")} == {-90}
    assert {g.angle for g in runs if g.text in ("ー", "〜")} == {-90}
    body_size = max(set(g.size for g in runs), key=[g.size for g in runs].count)
    cols = vertical_text([g for g in runs if abs(g.size - body_size) < 0.01])
    assert len(cols) >= 4
    assert_kinsoku_columns(cols)
    # consecutive marks closer (】。: half a cell for 】, JLREQ 3.1.4): their em boxes half an em apart
    pairs = 0
    for col in cols:
        for upper, lower in zip(col, col[1:]):
            if upper.text == "︼" and lower.text == "︒":
                pairs += 1
                assert abs((upper.y - lower.y) - 0.5 * upper.size) < 0.05 * upper.size
            elif upper.text == "要" and lower.text == "︼":
                assert abs((upper.y - lower.y) - upper.size) < 0.05 * upper.size
    assert pairs == text.count("】。")  # 。 never starts a column: each pair stays together
    # the street number 1-2-3 (一｜二｜三: the strokes are drawn lines) whole in one column
    joined = "|".join("".join(g.text for g in col) for col in cols)
    assert re.search(r"神南\|?一二三", joined), joined


# =========================================================================================
# letters and the report, read back
# =========================================================================================
def test_letter_lines_keep_the_rules(db, tmp_path):
    from loyaldesk.core.letters import compose, pdf as letters_pdf
    from loyaldesk.core.letters.sender import save_sender
    from loyaldesk.core.letters.templates import LetterTemplate, save_template
    from tests.conftest import add_client

    save_sender(db, SENDER)
    cid = add_client(db, "山田 太郎", honorific="様", postal_code="1500001", address1="東京都渋谷区神宮前1-1-1")
    sentence = "本日は誠にありがとうございました。「東京都渋谷区神南1丁目2番3号」のinfo@example.jpへ、"
    body = "拝啓　{{ seasonal_greeting }}\n" + "".join(sentence[k:] + sentence[:k] for k in range(0, 40, 3)) + "\n敬具\n"
    save_template(db, LetterTemplate(None, "thank_you", "ja", "お礼状", "", body))
    plan = compose.plan_letters(db, "thank_you", [cid], as_of=dt.date(2026, 4, 10))
    data, _ = letters_pdf.render_pdf(plan.letters)
    found = lines(glyphs(data))
    body_lines = [x for x in found if "ありがとう" in x or "info@" in x or "番" in x]
    assert len(body_lines) >= 5
    for line in found:
        assert line[:1] not in FORBIDDEN_START, line
        assert line[-1:] not in FORBIDDEN_END, line
    text = "".join(found)
    assert text.count("info@example.jp") == sum(x.count("info@example.jp") for x in found)
    assert text.count("1丁目2番3号") == sum(x.count("1丁目2番3号") for x in found) >= 10


def test_report_pdf_japanese_lines_keep_the_rules():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Table

    register_fonts()
    style = ParagraphStyle("cell", fontName=MINCHO, fontSize=7, leading=9, wordWrap="CJK")
    text = "継続相談（月1回）、資料作成。「東京都渋谷区神南1-2-3」でセミナー、ワークショップ。" * 3
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer)
    doc.build([Table([[horizontal.TextBlock(text, style)]], colWidths=[38 * mm])])
    found = lines(glyphs(buffer.getvalue()))
    assert len(found) >= 5
    for line in found:
        assert line[:1] not in FORBIDDEN_START and line[-1:] not in FORBIDDEN_END, line
    assert sum(x.count("1-2-3") for x in found) == 3


def test_line_before_a_long_latin_run_is_not_spread_wide():
    """JLREQ §3.8: a Japanese line that would end early before an unbreakable e-mail or URL is not justified
    with wide gaps between its characters: the run is broken at its own break opportunity (after / or @,
    before a dot), the spacing stays within a quarter em, and never inside the Latin run."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from tests.pdf_readback import char_spacings

    register_fonts()
    style = ParagraphStyle("body", fontName=MINCHO, fontSize=10.5, leading=18)
    url, mail = "https://www.example.jp/seminar/2027/form", "taro.yamada@example.co.jp"
    lead = "ご多用のところ誠に恐縮ではございますが、ご出欠を"
    broken_inside = 0
    for k in range(0, len(lead) + 1, 3):
        text = lead[:k] + "下記のページ" + url + "または " + mail + " までお知らせください。"
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer).build([horizontal.TextBlock(text, style)])
        data = buffer.getvalue()
        spacings = [tc / size for tc, size in char_spacings(data)]
        assert max(spacings, default=0.0) <= horizontal.MAX_STRETCH + 1e-6, (k, spacings)
        found = lines(glyphs(data))
        assert len(found) == 2, found
        joined = "".join(found).replace(" ", "")
        assert url in joined and mail in joined
        assert found[1][:1] not in FORBIDDEN_START
        broken_inside += not (url in found[0] or url in found[1]) or not (mail in found[0] or mail in found[1])
        # the first line is justified to the measure (not left ragged before the run): its spare room is
        # within what a quarter em between its characters spreads
        measure = 595.27 - 2 * 72 - 12  # SimpleDocTemplate's frame: one-inch margins, 6 pt padding
        first = horizontal.wrap(text, MINCHO, 10.5, measure)[0]
        assert first.text.replace(" ", "") == found[0].replace(" ", "")
        spare = measure - first.width
        assert spare <= horizontal.MAX_STRETCH * 10.5 * horizontal.gaps(horizontal.units_of(first.text)) + 1e-6
        assert spare <= 1e-6 or max(spacings) > 0
        # the paragraph's last line is not justified: no character spacing left over from the line above
        last = [g for g in glyphs(data) if g.angle == 0 and "までお知らせ" in g.text]
        assert last and all(g.spacing == 0 for g in last)
    assert broken_inside >= 3


def test_latin_runs_break_only_at_their_own_opportunities():
    assert horizontal.latin_pieces("info@example.jp") == ["info@", "example", ".jp"]
    assert horizontal.latin_pieces("https://www.example.jp/a/b") == ["https://", "www", ".example", ".jp/", "a/", "b"]
    assert horizontal.latin_pieces("Takahashi") == ["Takahashi"]
    # a line with room enough keeps the e-mail whole (a break inside it only against a wide line)
    lines_ = horizontal.wrap("お問い合わせは info@example.jp まで。", MINCHO, 10.5, 30 * 10.5)
    assert [ln.text for ln in lines_] == ["お問い合わせは info@example.jp まで。"]


def test_japanese_letter_sender_block_order_and_organization_line(db):
    """Read back from the letter: the sender block at the foot is 〒, address, business, name (the name the
    largest of the block), and a company written to without a person is 株式会社… 御中 on one line."""
    from loyaldesk.core.letters import compose, pdf as letters_pdf
    from loyaldesk.core.letters.sender import save_sender
    from tests.conftest import add_client

    save_sender(db, SENDER)
    company = add_client(db, "", honorific="御中", company="株式会社サンプル商事 総務部", postal_code="6008413",
                         address1="京都府京都市下京区烏丸通仏光寺下ル大政所町680番地1")
    plan = compose.plan_letters(db, "thank_you", [company], as_of=dt.date(2026, 4, 10))
    data, _ = letters_pdf.render_pdf(plan.letters)
    runs = glyphs(data)
    found = lines(runs)
    assert "株式会社サンプル商事 総務部　御中" in found
    assert not any(x.strip() == "御中" for x in found)
    order = ["〒150-0041", "東京都渋谷区神南一丁目二番三号サンプルビル5F", "高橋経営相談室", "高橋 恵子"]
    at = [found.index(x) for x in order]
    assert at == sorted(at) and at[-1] - at[0] == 3, found[at[0] - 1:]
    sizes = {g.text: g.size for g in runs if g.text in order}
    assert sizes["高橋 恵子"] > max(sizes[x] for x in order[:3])


def test_ki_block_item_continues_under_its_text(db):
    """An item of the 記 block too long for one line (the way to reply with a URL) continues under its
    text, not under 一、, and its lines keep the justification bound."""
    from loyaldesk.core.letters import compose, pdf as letters_pdf
    from loyaldesk.core.letters.sender import save_sender
    from loyaldesk.core.letters.templates import LetterTemplate, save_template
    from tests.conftest import add_client

    save_sender(db, SENDER)
    cid = add_client(db, "山田 太郎", honorific="様", postal_code="1500001", address1="東京都渋谷区神宮前1-1-1")
    body = ("拝啓　{{ seasonal_greeting }}\n　下記のとおりご案内申し上げます。\n敬具\n\n記\n\n一、日　時　2027年2月5日（金）18:30〜21:00\n"
            "一、ご回答方法　下記フォーム https://www.example-consulting.co.jp/seminar/2027/registration または "
            "keiko.takahashi@example-consulting.co.jp まで\n\n以上\n")
    save_template(db, LetterTemplate(None, "thank_you", "ja", "お礼状", "", body))
    plan = compose.plan_letters(db, "thank_you", [cid], as_of=dt.date(2026, 4, 10))
    data, _ = letters_pdf.render_pdf(plan.letters)
    runs = [g for g in glyphs(data) if g.angle == 0]
    first = min((g for g in runs if g.text.startswith("一、ご回答方法")), key=lambda g: g.origin_x)
    row = sorted((g for g in runs if abs(g.origin_y - first.origin_y) < 1), key=lambda g: g.origin_x)
    below = sorted((g for g in runs if first.origin_y - 30 < g.origin_y < first.origin_y - 5), key=lambda g: g.origin_x)
    assert below and "".join(g.text for g in below).replace(" ", "").endswith("まで")
    head = stringWidth("一、ご回答方法\u3000", MINCHO, first.size)
    assert abs(below[0].origin_x - (row[0].origin_x + head)) < 1.0  # under 下記フォーム, not under 一、
    date_item = next(g for g in runs if g.text.startswith("一、日"))
    assert abs(date_item.origin_x - first.origin_x) < 0.5
    assert max(tc / size for tc, size in char_spacings(data)) \
        <= horizontal.MAX_STRETCH + 1e-6


def test_label_name_line_larger_also_beside_a_long_address():
    """On a label the addressee's line is larger than the address even when the address is long (the
    name grows as far as the label's width allows), and joint names are as large as the main name."""
    from loyaldesk.core.addresses.compose import JointName

    data, _ = pdf.render_pdf("labels", [AddressEntry(COMPANY, "ja"), AddressEntry(YAMADA, "ja", [JointName("花子")])],
                             SENDER)
    runs = [g for g in glyphs(data) if g.angle == 0]
    size = {g.text: g.size for g in runs}
    assert size["株式会社サンプル商事 総務部 御中"] > size["京都府京都市下京区烏丸通仏光寺下ル大政所町680番地1"]
    assert size["花子 様"] == pytest.approx(size["山田 太郎 様"]) and size["山田 太郎 様"] > size["〒150-0001"]
