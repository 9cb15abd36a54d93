"""The letters as the recipient gets them: text read back from the PDF with pypdf."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from loyaldesk.core.letters import compose, pdf, sending
from tests.core.letters.conftest import DAY


def texts(path):
    reader = PdfReader(str(path))
    return [page.extract_text() for page in reader.pages]


def squeeze(text):
    return re.sub(r"\s+", "", text)


def test_japanese_english_and_organisation_letters(db, practice, tmp_path):
    ids = [practice[k] for k in ("yamada", "org", "carter", "dnc", "archived", "nowhere")]
    plan = compose.plan_letters(db, "thank_you", ids, as_of=DAY, ui_lang="en")
    assert [x.client_id for x in plan.letters] == ids[:3]
    assert {(s.client_id, s.reason) for s in plan.skipped} == {
        (practice["dnc"], "do_not_contact"), (practice["archived"], "archived"), (practice["nowhere"], "no_address")}
    assert [x.lang for x in plan.letters] == ["ja", "ja", "en"]
    out = tmp_path / "letters.pdf"
    first_pages = pdf.write_letters(plan.letters, out)
    assert first_pages == [1, 2, 3]
    pages = texts(out)
    assert len(pages) == 3
    yamada, org, carter = pages
    assert "山田 太郎 様" in yamada and "代表取締役" in yamada and "株式会社サンプル" in yamada
    assert "拝啓" in yamada and "陽春の候" in yamada and "敬具" in yamada
    assert "2026年4月10日" in yamada and "新規事業の資金計画" in squeeze(yamada)
    assert "〒150-0001" in yamada and "高橋 恵子" in yamada
    assert "株式会社みらい\u3000御中" in org and "様" not in org.replace("皆様", "")  # never both (the full-width space kept)
    assert "貴社ますますご清栄" in squeeze(org)
    assert "Dear Ms. Emily Carter," in carter and "April 10, 2026" in carter
    for page in pages:
        assert "{{" not in page and "{%" not in page and "}}" not in page
    joined = "".join(pages)
    for absent in ("連絡 不要", "古い 顧客", "住所 なし"):
        assert absent not in joined
    data = out.read_bytes()
    assert b"IPAexMincho" in data and b"FontFile2" in data


def test_forced_language(db, practice, tmp_path):
    plan = compose.plan_letters(db, "thank_you", [practice["carter"]], lang="ja", as_of=DAY)
    assert plan.letters[0].lang == "ja"
    assert "Emily Carter 様" in plan.letters[0].recipient_lines()


def test_language_rule():
    r = compose.Recipient(1, "Emily Carter", address1="12 High Street")
    assert compose.letter_language(r, "ja") == "ja" and compose.letter_language(r, "en") == "en"
    assert compose.letter_language(compose.Recipient(1, "Emily Carter", address1="東京都渋谷区"), "en") == "ja"
    assert compose.letter_language(compose.Recipient(1, "やまだ"), "en") == "ja"


def test_no_line_starts_with_closing_punctuation(db, practice, tmp_path):
    from loyaldesk.core.letters.templates import LetterTemplate, save_template

    body = "拝啓　{{ seasonal_greeting }}、{{ well_wishes }}\n" + "　" + "本日は誠にありがとうございました、" * 40 + "\n敬具\n"
    save_template(db, LetterTemplate(None, "thank_you", "ja", "お礼状", "", body))
    plan = compose.plan_letters(db, "thank_you", [practice["yamada"]], as_of=DAY)
    from tests.pdf_readback import glyphs, lines

    data, _ = pdf.render_pdf(plan.letters)
    found = [x for x in lines(glyphs(data)) if "本日は" in x or "ありがとう" in x or "ました" in x]
    assert len(found) >= 10  # the paragraph wraps over many lines
    for text in found:  # read back from the PDF: no line starts with closing punctuation
        assert not text.startswith(("、", "。", "」", "）")), text


def test_long_letter_continues_on_a_second_page_and_batch_pages(db, practice, tmp_path):
    from loyaldesk.core.letters.templates import LetterTemplate, save_template

    body = "Dear {{ addressee }},\n\n" + "\n\n".join(["This paragraph goes on about pricing. " * 12] * 12) + "\n"
    save_template(db, LetterTemplate(None, "follow_up", "en", "Long", "Long letter", body))
    plan = compose.plan_letters(db, "follow_up", [practice["carter"], practice["yamada"]], as_of=DAY)
    out = tmp_path / "long.pdf"
    first_pages = pdf.write_letters(plan.letters, out)
    pages = texts(out)
    assert first_pages[0] == 1 and first_pages[1] >= 3  # the second letter starts on its own page
    assert len(pages) == first_pages[1]
    assert "Emily Carter" in pages[0] and "山田 太郎 様" in pages[first_pages[1] - 1]
    assert "山田" not in "".join(pages[: first_pages[1] - 1])


def test_vip_design_for_vip_clients(db, practice, tmp_path):
    with db.transaction() as conn:
        conn.execute("INSERT INTO client_tiers (client_id, tier) VALUES (?, 'vip')", (practice["yamada"],))
        conn.execute("INSERT INTO client_tiers (client_id, tier) VALUES (?, 'regular')", (practice["org"],))
    plan = compose.plan_letters(db, "thank_you", [practice["yamada"], practice["org"]], as_of=DAY)
    assert [x.design for x in plan.letters] == ["vip", "standard"]
    out = tmp_path / "vip.pdf"
    pdf.write_letters(plan.letters, out)
    first = texts(out)[0]
    assert "高橋経営相談室" in first  # the letterhead, with the sender's full address
    assert "〒150-0041 東京都渋谷区神南1-2-3  ·  03-1234-5678  ·  keiko@example.com" in first.splitlines()


def test_cancel_leaves_no_file(db, practice, tmp_path):
    class Stop(Exception):
        pass

    plan = compose.plan_letters(db, "thank_you", [practice["yamada"], practice["carter"]], as_of=DAY)
    seen = []

    def progress(fraction):
        seen.append(fraction)
        if fraction > 0.3:
            raise Stop

    out = tmp_path / "cancelled.pdf"
    with pytest.raises(Stop):
        pdf.write_letters(plan.letters, out, progress=progress)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.suffix == ".pdf"]


def test_record_sent_logs_touchpoints_and_marks_suggestions_done(db, practice):
    from loyaldesk.core.suggestions import open_suggestions

    day = dt.date(2026, 3, 22)  # two days after 山田's latest session: thank-you due... (first session 2023)
    ids = [practice["carter"], practice["yamada"]]
    answered = sending.answered_suggestions(db, "thank_you", ids, dt.date(2026, 3, 26))
    assert practice["carter"] in answered  # first session 2026-03-25: a thank-you is open
    plan = compose.plan_letters(db, "thank_you", ids, as_of=dt.date(2026, 3, 26), suggestions=answered)
    assert sending.record_sent(db, plan.letters, on=dt.date(2026, 3, 26)) == 2
    rows = db.query("SELECT client_id, channel, date FROM touchpoints ORDER BY client_id")
    assert {(r[0], r[1], r[2]) for r in rows} == {(i, "letter", "2026-03-26") for i in ids}
    still = [s for s in open_suggestions(db, dt.date(2026, 3, 26)) if s.client_id == practice["carter"]
             and s.kind == "thank_you"]
    assert still == []
    assert day  # noqa


def test_mailto_link(db, practice):
    plan = compose.plan_letters(db, "thank_you", [practice["carter"], practice["org"]], as_of=DAY, need="email")
    assert [s.reason for s in plan.skipped] == ["no_email"]
    link = plan.letters[0].mailto()
    assert link.startswith("mailto:emily@example.com?subject=Thank%20you")
    assert "Dear%20Ms.%20Emily%20Carter" in link
