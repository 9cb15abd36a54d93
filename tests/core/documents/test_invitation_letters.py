"""Invitation letters that fit their event, read back from the PDF: the 記 … 以上 block with the weekday, time,
venue, fee, capacity, reply deadline and how to reply; no request for convenient dates when the event has a
date; the event's title in the letter's language. The English letter the same in English conventions."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from loyaldesk.core import events
from loyaldesk.core.documents import pipeline
from loyaldesk.core.i18n import set_language
from loyaldesk.core.letters.sender import SenderProfile, SenderProfiles, save_profiles
from tests.conftest import add_client

DAY = dt.date(2027, 1, 15)


def lines(data: bytes) -> list[str]:
    return [line.replace("\u3000", " ").strip() for p in PdfReader(io.BytesIO(data)).pages
            for line in p.extract_text().splitlines()]


def positions(data: bytes, wanted: set[str]) -> dict[str, float]:
    """The x position (pt) of each line of text equal to one of `wanted`, on the first page."""
    found: dict[str, float] = {}

    def visit(text, cm, tm, _font, _size):
        if text.strip() in wanted and text.strip() not in found:
            found[text.strip()] = tm[4] * cm[0] + cm[4]

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def setup(db):
    save_profiles(db, SenderProfiles(
        SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="1500041", address="東京都渋谷区神南1-2-3",
                      phone="03-1234-5678", email="keiko@example.com"),
        SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory",
                      address="1-2-3 Jinnan, Shibuya-ku, Tokyo", phone="+81 3 1234 5678", email="keiko@example.com")))
    ids = {
        "yamada": add_client(db, "山田 太郎", honorific="様", postal_code="1500001", address1="東京都渋谷区神宮前1-1-1"),
        "carter": add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street", address2="London"),
    }
    event = events.save_event(db, events.Event(
        None, "春の経営勉強会", "study_session", dt.datetime(2027, 2, 20, 14, 0), "渋谷区民会館 第1会議室",
        capacity=20, fee=3000, title_ja="春の経営勉強会", title_en="Spring business study session",
        ends_at=dt.datetime(2027, 2, 20, 16, 0), reply_by=dt.date(2027, 2, 12),
        place_en="Shibuya Civic Hall, Room 1"))
    return ids, event


def invitation(db, event, ids, wave="general"):
    batch = pipeline.prepare(db, pipeline.Request("invitation", ids, as_of=DAY, event_id=event.id, wave=wave))
    data, _pages = pipeline.render(batch)
    return batch, data


def test_japanese_invitation_has_the_ki_block_with_weekday_fee_capacity_and_deadline(db, setup):
    ids, event = setup
    batch, data = invitation(db, event, [ids["yamada"]])
    assert batch.warnings == []
    text = lines(data)
    ki, ijo = text.index("記"), text.index("以上")
    assert text.index("敬具") < ki < ijo  # the particulars after the closing, in 記 … 以上
    assert text[ki + 1:ijo] == ["一、日 時 2027年2月20日（土）14:00〜16:00", "一、会 場 渋谷区民会館 第1会議室",
                                "一、参加費 3,000円", "一、定 員 20名", "一、ご回答期限 2027年2月12日（金）",
                                "一、ご回答方法 お電話（03-1234-5678）またはメール（keiko@example.com）にて"]
    body = "".join(text)
    assert "「春の経営勉強会」を開催する運びとなりました" in body and "Spring" not in body
    assert "2027年2月12日（金）までにご出欠をお知らせくださいますよう" in body
    assert "ご都合" not in body and "日時をお知らせ" not in body  # the event has a date: no request for dates
    # 記 centered on the page, 以上 flush right (as 敬具)
    x = positions(data, {"記", "以上", "敬具"})
    page_width = float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width)
    assert abs(x["記"] + 5.25 - page_width / 2) < 3
    assert abs(x["以上"] - x["敬具"]) < 1 and x["以上"] > page_width / 2


def test_english_invitation_in_english_conventions(db, setup):
    ids, event = setup
    batch, data = invitation(db, event, [ids["carter"]])
    assert batch.warnings == []
    text = lines(data)
    assert "Invitation: Spring business study session" in text
    assert "Date: Saturday, February 20, 2027, 2:00–4:00 pm" in text
    assert "Venue: Shibuya Civic Hall, Room 1" in text and "Fee: ¥3,000" in text and "Capacity: 20 people" in text
    body = " ".join(text)
    assert "RSVP by Friday, February 12, 2027: by e-mail to keiko@example.com or by phone on +81 3 1234 5678" in body
    assert "春の経営勉強会" not in body and "Keiko Takahashi" in body and "高橋" not in body
    assert "which times suit you" not in body


def test_early_wave_reserves_a_seat_instead_of_asking_for_dates(db, setup):
    ids, event = setup
    batch, data = invitation(db, event, [ids["yamada"], ids["carter"]], wave="early")
    text = lines(data)
    body = "".join(text)
    assert "特別なご案内" in body and "お席をご用意してお待ちしております" in body and "ご都合" not in body
    assert "一、参加費 3,000円" in text and "以上" in text
    english = " ".join(text)
    assert "a seat is reserved in your name" in english and "which times suit you" not in english
    assert "Date: Saturday, February 20, 2027, 2:00–4:00 pm" in text


def test_a_free_event_without_limit_or_deadline_and_its_own_way_to_reply(db, setup):
    ids, event = setup
    event.fee, event.capacity, event.reply_by = 0, None, None
    event.reply_how_ja, event.reply_how_en = "同封のはがきにて", "with the enclosed card"
    event.ends_at = None
    events.save_event(db, event)
    _batch, data = invitation(db, event, [ids["yamada"]])
    text = lines(data)
    assert "一、参加費 無料" in text and "一、ご回答方法 同封のはがきにて" in text
    assert not any(x.startswith("一、ご回答期限") for x in text)
    assert not any(x.startswith("一、定") for x in text) and "一、日 時 2027年2月20日（土）14:00〜" in text
    assert "ご出欠をお知らせくださいますよう" in "".join(text)
    _batch, data = invitation(db, event, [ids["carter"]])
    text = lines(data)
    assert "Fee: Free" in text and "RSVP: with the enclosed card" in text and "Date: Saturday, February 20, 2027, 2:00 pm" in text
    assert not any(x.startswith("Capacity") for x in text)


def test_an_event_without_an_english_title_warns_and_uses_the_japanese_one(db, setup):
    ids, event = setup
    event.title_en = ""
    events.save_event(db, event)
    batch, data = invitation(db, event, [ids["yamada"], ids["carter"]])
    assert batch.warnings == ["The event has no English title: the English letters show “春の経営勉強会”. "
                              "Add the English title in the event's dialog."]
    assert "Invitation: 春の経営勉強会" in lines(data)  # the letter is still written (the user was told)
    set_language("ja")
    assert batch.warnings == ["このイベントには英語のイベント名がありません。英語の書状には「春の経営勉強会」が入ります。"
                              "イベントの編集画面で英語のイベント名を入力してください。"]


def test_an_older_event_title_goes_to_the_language_of_its_script(tmp_path, monkeypatch):
    from loyaldesk.core import db as dbmod
    from loyaldesk.core import migrations
    from loyaldesk.core.db import open_database

    number = next(m.number for m in migrations.MIGRATIONS if m.apply is migrations._m_language_profiles)
    path = tmp_path / "old.db"
    monkeypatch.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS[:number - 1])
    monkeypatch.setattr(dbmod, "LATEST_VERSION", number - 1)
    with open_database(path) as old:
        with old.transaction() as conn:
            conn.execute("INSERT INTO events (title, kind, starts_at) VALUES ('春の勉強会', 'seminar', '2027-02-20T14:00')")
            conn.execute("INSERT INTO events (title, kind, starts_at) VALUES ('Winter mixer', 'mixer', '2027-01-20T18:00')")
    monkeypatch.undo()
    with open_database(path, backup_dir=tmp_path / "backups") as db:
        got = {e.event.title: (e.event.title_ja, e.event.title_en) for e in events.list_events(db)}
    assert got == {"春の勉強会": ("春の勉強会", ""), "Winter mixer": ("", "Winter mixer")}
