"""Sender profiles per language: each document is signed with the profile of its language; a language without
its own profile is signed with the other one and the pipeline says so before anything is written; the single
profile of an older file moves to the profile of its script's language."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from loyaldesk.core.addresses.compose import AddressOptions
from loyaldesk.core.documents import pipeline
from loyaldesk.core.i18n import set_language
from loyaldesk.core.letters.sender import (SenderProfile, SenderProfiles, load_profiles, load_sender, save_profiles,
                                           save_sender)
from tests.conftest import add_client
from tests.core.letters.conftest import DAY

JA = SenderProfile(name="高橋 恵子", name_kana="タカハシ ケイコ", business="高橋経営相談室", postal_code="1500041",
                   address="東京都渋谷区神南1-2-3\nサンプルビル5階", phone="03-1234-5678", email="keiko@example.com")
EN = SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory", postal_code="150-0041",
                   address="Sample Bldg. 5F, 1-2-3 Jinnan\nShibuya-ku, Tokyo 150-0041, Japan", phone="+81 3 1234 5678",
                   email="keiko@example.com")


def flat(data: bytes) -> list[str]:
    """The text of each page without white space (vertical columns come out one character a line), full-width
    letters as ASCII."""
    return ["".join(unicodedata.normalize("NFKC", p.extract_text()).split())
            for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def clients(db):
    return {
        "yamada": add_client(db, "山田 太郎", honorific="様", postal_code="1500001", address1="東京都渋谷区神宮前1-1-1"),
        "carter": add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street", address2="London"),
    }


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_both_profiles_saved_and_loaded_apart(db):
    save_profiles(db, SenderProfiles(JA, EN))
    profiles = load_profiles(db)
    assert profiles.ja.name_kana == "タカハシ ケイコ" and profiles.ja.phone == "03-1234-5678"
    assert profiles.en.name == "Keiko Takahashi" and profiles.en.phone == "+81 3 1234 5678"
    assert load_sender(db, "ja").business == "高橋経営相談室" and load_sender(db, "en").business.startswith("Takahashi")
    assert not profiles.falls_back("ja") and not profiles.falls_back("en")


def test_a_single_profile_is_saved_as_the_profile_of_its_script(db):
    save_sender(db, SenderProfile(name="Keiko Takahashi", phone="+81 3 1234 5678"))
    profiles = load_profiles(db)
    assert profiles.en.name == "Keiko Takahashi" and not profiles.ja.filled
    # a Japanese document would be signed with it: that is what the warning is for
    assert profiles.for_lang("ja").name == "Keiko Takahashi" and profiles.falls_back("ja")


def test_each_letter_is_signed_with_the_profile_of_its_language(db, clients):
    save_profiles(db, SenderProfiles(JA, EN))
    batch = pipeline.prepare(db, pipeline.Request("letter", [clients["yamada"], clients["carter"]],
                                                  template="thank_you", as_of=DAY))
    assert batch.warnings == []
    data, first = pipeline.render(batch)
    pages = flat(data)
    ja_text, en_text = "".join(pages[:first[1] - 1]), "".join(pages[first[1] - 1:])
    assert "高橋経営相談室" in ja_text and "TEL03-1234-5678" in ja_text and "Takahashi" not in ja_text
    assert "KeikoTakahashi" in en_text and "Tel.+81312345678" in en_text and "高橋" not in en_text


def test_japanese_letters_with_only_an_english_profile_warn_before_writing(db, clients, tmp_path):
    save_sender(db, EN)
    batch = pipeline.prepare(db, pipeline.Request("letter", [clients["yamada"], clients["carter"]],
                                                  template="thank_you", as_of=DAY))
    assert batch.warnings == [
        "There is no Japanese sender profile: the Japanese documents (1) will be signed with the English one "
        "(Keiko Takahashi). Fill in the Japanese profile in Preferences > Sender."]
    set_language("ja")
    assert [w.replace(" ", "") for w in batch.warnings] == [  # (the spaces around the number aside)
        "日本語の差出人情報がありません。日本語の書類1件に英語の差出人情報（KeikoTakahashi）を使います。"
        "環境設定>差出人で日本語の差出人情報を入力してください。"]
    # unticking the Japanese letter: nothing left to warn about
    set_language("en")
    batch = pipeline.prepare(db, pipeline.Request("letter", [clients["yamada"], clients["carter"]],
                                                  template="thank_you", as_of=DAY, excluded={clients["yamada"]}))
    assert batch.warnings == []


def test_postcards_and_envelopes_take_the_profile_of_each_address(db, clients):
    save_profiles(db, SenderProfiles(JA, EN))
    for kind in ("postcard", "envelope"):
        batch = pipeline.prepare(db, pipeline.Request(kind, [clients["yamada"], clients["carter"]], as_of=DAY,
                                                      options=AddressOptions(sender="bottom_left")))
        assert batch.warnings == []
        data, first = pipeline.render(batch)
        pages = flat(data)
        ja_page, en_page = pages[first[0] - 1], pages[first[1] - 1]
        assert "高橋恵子" in ja_page and "Takahashi" not in ja_page, kind
        assert "KeikoTakahashi" in en_page and "高橋" not in en_page, kind


def test_english_postcards_with_only_a_japanese_profile_warn_labels_do_not(db, clients):
    save_sender(db, JA)
    batch = pipeline.prepare(db, pipeline.Request("postcard", [clients["yamada"], clients["carter"]], as_of=DAY))
    assert len(batch.warnings) == 1 and "no English sender profile" in batch.warnings[0]
    assert "高橋 恵子" in batch.warnings[0]
    labels = pipeline.prepare(db, pipeline.Request("labels", [clients["carter"]], as_of=DAY, layout="a4-12"))
    assert labels.warnings == []  # labels carry no sender


def test_postcard_message_side_signed_in_the_cards_language(db, clients):
    save_profiles(db, SenderProfiles(JA, EN))
    batch = pipeline.prepare(db, pipeline.Request("postcard_message", [clients["yamada"], clients["carter"]],
                                                  as_of=DAY, season="summer", year=2026))
    data, first = pipeline.render(batch)
    pages = flat(data)
    assert "高橋恵子" in pages[first[0] - 1] and "Takahashi" not in pages[first[0] - 1]
    assert "KeikoTakahashi" in pages[first[1] - 1] and "高橋" not in pages[first[1] - 1]


@pytest.mark.parametrize(("legacy", "lang"), [
    ({"name": "高橋 恵子", "business": "高橋経営相談室", "phone": "03-1234-5678"}, "ja"),
    ({"name": "Keiko Takahashi", "business": "Takahashi Advisory", "phone": "+81 3 1234 5678"}, "en"),
])
def test_the_single_profile_of_an_older_file_moves_to_its_language(tmp_path, monkeypatch, legacy, lang):
    import json

    from loyaldesk.core import db as dbmod
    from loyaldesk.core import migrations
    from loyaldesk.core.db import open_database

    number = next(m.number for m in migrations.MIGRATIONS if m.apply is migrations._m_language_profiles)
    path = tmp_path / "old.db"
    monkeypatch.setattr(dbmod, "MIGRATIONS", migrations.MIGRATIONS[:number - 1])
    monkeypatch.setattr(dbmod, "LATEST_VERSION", number - 1)
    with open_database(path) as old:
        with old.transaction() as conn:
            conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                             [(f"sender_{k}", json.dumps(v, ensure_ascii=False)) for k, v in legacy.items()]
                             + [("sender_date_style", json.dumps("era"))])
    monkeypatch.undo()
    with open_database(path, backup_dir=tmp_path / "backups") as db:
        profiles = load_profiles(db)
        moved, other = profiles.own(lang), profiles.own("en" if lang == "ja" else "ja")
        assert (moved.name, moved.business, moved.phone) == (legacy["name"], legacy["business"], legacy["phone"])
        assert not other.filled and moved.date_style == "era"
        assert db.scalar("SELECT COUNT(*) FROM settings WHERE key IN ('sender_name', 'sender_business')") == 0


def test_english_sender_block_puts_the_postal_code_after_the_address(db, clients):
    save_profiles(db, SenderProfiles(JA, EN))
    batch = pipeline.prepare(db, pipeline.Request("letter", [clients["yamada"], clients["carter"]],
                                                  template="thank_you", as_of=DAY))
    ja, en = (i.letter for i in batch.items)
    # Japanese: postal code, address, business, name (as on the envelope), then the telephone
    assert ja.sender_lines()[:6] == ["〒150-0041", "東京都渋谷区神南1-2-3", "サンプルビル5階", "高橋経営相談室", "高橋 恵子",
                                     "TEL 03-1234-5678"]
    # the English address already holds the code: not repeated on a line of its own
    assert en.sender_lines()[:4] == ["Takahashi Business Advisory", "Keiko Takahashi", "Sample Bldg. 5F, 1-2-3 Jinnan",
                                     "Shibuya-ku, Tokyo 150-0041, Japan"]
    assert "150-0041" not in en.sender_lines()
    en.sender.address = "1-2-3 Jinnan\nShibuya-ku, Tokyo"
    assert en.sender_lines()[2:5] == ["1-2-3 Jinnan", "Shibuya-ku, Tokyo", "150-0041"]


def test_email_drafts_come_from_the_profile_of_their_language(db, tmp_path):
    import email
    import email.policy

    save_profiles(db, SenderProfiles(JA, SenderProfile(name="Keiko Takahashi", email="keiko@example.org")))
    ids = [add_client(db, "山田 太郎", honorific="様", email="taro@example.com"),
           add_client(db, "Emily Carter", honorific="Ms", email="emily@example.com")]
    batch = pipeline.prepare(db, pipeline.Request("letter", ids, template="thank_you", as_of=DAY, need="email"))
    written, _missing = pipeline.write_drafts(batch, tmp_path)
    senders = {}
    for path in written.paths:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        senders[str(msg["To"])] = str(msg["From"])
    assert senders == {"山田 太郎 <taro@example.com>": "高橋 恵子 <keiko@example.com>",
                       "Emily Carter <emily@example.com>": "Keiko Takahashi <keiko@example.org>"}
