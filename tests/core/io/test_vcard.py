"""vCard import (2.1 / 3.0 / 4.0 from iPhone, Android, Google, feature phones) and export."""

from __future__ import annotations

import datetime as dt
import quopri
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from loyaldesk.core.i18n import set_language
from loyaldesk.core.io.records import ClientRecord
from loyaldesk.core.io.vcard import export_vcards, parse_vcards
from loyaldesk.core.models import Client


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def qp(text: str, charset: str = "utf-8") -> str:
    """Quoted-printable as Android writes it: every non-ASCII byte as =XX, no soft breaks."""
    return "".join(f"={b:02X}" if b > 126 or b < 32 or b == 61 else chr(b) for b in text.encode(charset))


def errors(rec: ClientRecord) -> list:
    return [p for p in rec.problems if p.severity == "error"]


def warnings(rec: ClientRecord) -> list:
    return [p for p in rec.problems if p.severity == "warning"]


# --------------------------------------------------------------------------- iPhone

IPHONE = crlf(
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.4//EN\n"
    "N:山田;太郎;;;\n"
    "FN:山田 太郎\n"
    "X-PHONETIC-FIRST-NAME:タロウ\n"
    "X-PHONETIC-LAST-NAME:ヤマダ\n"
    "ORG:株式会社サンプル;営業部;\n"
    "TITLE:部長\n"
    "EMAIL;type=INTERNET;type=HOME:taro.home@example.jp\n"
    "EMAIL;type=INTERNET;type=WORK;type=pref:taro@example.co.jp\n"
    "TEL;type=HOME;type=VOICE:03-1111-2222\n"
    "item1.TEL:090-1234-5678\n"
    "item1.X-ABLabel:_$!<Mobile>!$_\n"
    "item2.ADR;type=HOME;type=pref:;;丸の内1-1-1\\nサンプルビル5F;千代田区;東京都;100-0005;日本\n"
    "item2.X-ABADR:jp\n"
    "BDAY:19900315\n"
    "NOTE:2019年のセミナーで知り合う。紹介者は佐藤さん\\, 経営者の会の幹事。\\n次回は春\n"
    " に連絡すること\\; 長めのメモが 75 オクテットで折り返されている。\\\n"
    " n最後の行\n"
    "CATEGORIES:経営者,紹介\n"
    "X-SOCIALPROFILE;type=twitter:https://twitter.com/yamada\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U\n"
    " HRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgy\n"
    "END:VCARD\n"
)


def test_iphone_card():
    [rec] = parse_vcards(IPHONE.encode("utf-8"))
    assert rec.row == 1
    assert rec.problems == []
    assert rec.name == "山田 太郎"
    assert rec.name_kana == "ヤマダ タロウ"
    assert rec.company == "株式会社サンプル 営業部"
    assert rec.title == "部長"
    assert rec.email == "taro@example.co.jp"  # type=pref wins over the first one
    assert rec.phone == "090-1234-5678"  # item1.TEL labelled Mobile wins over HOME
    assert rec.postal_code == "100-0005"
    assert rec.address1 == "東京都千代田区丸の内1-1-1"
    assert rec.address2 == "サンプルビル5F"
    assert rec.birthday == dt.date(1990, 3, 15)
    assert rec.notes == ("2019年のセミナーで知り合う。紹介者は佐藤さん, 経営者の会の幹事。\n次回は春に連絡すること; "
                         "長めのメモが 75 オクテットで折り返されている。\n最後の行")
    assert rec.tags == ["経営者", "紹介"]


def test_iphone_card_with_bom_and_lf_only_line_ends():
    [rec] = parse_vcards(b"\xef\xbb\xbf" + IPHONE.replace("\r\n", "\n").encode("utf-8"))
    assert rec.problems == [] and rec.name == "山田 太郎" and rec.birthday == dt.date(1990, 3, 15)


def test_apple_birthday_without_year_is_a_warning():
    text = crlf("BEGIN:VCARD\nVERSION:3.0\nN:Carter;Emily;;;\nFN:Emily Carter\n"
                "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15\nEND:VCARD\n")
    [rec] = parse_vcards(text)
    assert rec.birthday is None and not rec.has_errors
    assert [(p.column, p.severity) for p in rec.problems] == [("BDAY", "warning")]
    assert "03-15" in rec.problems[0].reason


# --------------------------------------------------------------------------- Android

def android_21() -> str:
    note = qp("初回面談は2023年。\r\nお子さんが二人。")
    # Android folds long quoted-printable values with a soft line break: '=' at the end of the line
    note_lines = note[:60] + "=\n" + note[60:]
    return crlf(
        "BEGIN:VCARD\n"
        "VERSION:2.1\n"
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('佐藤')};{qp('花子')};;;\n"
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('佐藤 花子')}\n"
        f"X-PHONETIC-FIRST-NAME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('はなこ')}\n"
        f"X-PHONETIC-LAST-NAME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('さとう')}\n"
        "TEL;HOME:03-5555-0000\n"
        "TEL;WORK:06-1234-0000\n"
        "TEL;CELL:080-1111-2222\n"
        "EMAIL;HOME:hanako@example.jp\n"
        f"ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;{qp('梅田1-2-3')};{qp('大阪市北区')};{qp('大阪府')};530-0001;\n"
        f"ORG;CHARSET=UTF-8:みらい商事\n"
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{note_lines}\n"
        "BDAY:1985-11-02\n"
        "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;はな;1;;;;;;;;;;;;;\n"
        "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U\n"
        "  HRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgy\n"
        "\n"
        "END:VCARD\n"
        "BEGIN:VCARD\n"
        "VERSION:3.0\n"
        "N;CHARSET=UTF-8:田中;一郎;;;\n"
        "FN;CHARSET=UTF-8:田中 一郎\n"
        "TEL;TYPE=HOME:03-0000-1111\n"
        "TEL;TYPE=WORK:03-0000-2222\n"
        "TEL;TYPE=FAX:03-0000-3333\n"
        "END:VCARD\n"
    )


def test_android_quoted_printable_cards():
    first, second = parse_vcards(android_21().encode("utf-8"))
    assert first.problems == []
    assert (first.name, first.name_kana) == ("佐藤 花子", "さとう はなこ")
    assert first.phone == "080-1111-2222"  # cell before work before home
    assert first.email == "hanako@example.jp"
    assert (first.postal_code, first.address1) == ("530-0001", "大阪府大阪市北区梅田1-2-3")
    assert first.company == "みらい商事"
    assert first.notes == "初回面談は2023年。\nお子さんが二人。"
    assert first.birthday == dt.date(1985, 11, 2)
    assert (second.row, second.name, second.phone) == (2, "田中 一郎", "03-0000-2222")  # work, never the fax
    assert second.problems == []


def test_feature_phone_shift_jis_quoted_printable_and_irmc_reading():
    text = crlf(
        "BEGIN:VCARD\nVERSION:2.1\n"
        f"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:{qp('髙橋', 'cp932')};{qp('①子', 'cp932')}\n"
        f"SOUND;X-IRMC-N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:{qp('ﾀｶﾊｼ', 'cp932')};{qp('ｲﾁｺ', 'cp932')};;;\n"
        "TEL;CELL:09012345678\nEND:VCARD\n"
    )
    [rec] = parse_vcards(text.encode("ascii"))
    assert rec.problems == []
    assert (rec.name, rec.name_kana, rec.phone) == ("髙橋 ①子", "タカハシ イチコ", "09012345678")  # half-width kana made full-width


# --------------------------------------------------------------------------- vCard 4.0

VCARD4 = crlf(
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "FN:Emily Carter\n"
    "N:Carter;Emily;Jane;Dr.;\n"
    "EMAIL;TYPE=home:e.carter@example.net\n"
    "EMAIL;TYPE=work;PREF=1:emily@example.com\n"
    "TEL;VALUE=uri;TYPE=home:tel:+1-555-555-0199\n"
    'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+1-555-555-0100\n'
    "ADR;TYPE=work:;Suite 400;100 Main Street;Springfield;IL;62701;USA\n"
    "BDAY:--0315\n"
    "ORG:Carter Consulting\n"
    "TITLE:Founder\\, CEO\n"
    "CATEGORIES:Client,VIP\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    'N;SORT-AS="ワタナベ,ケン":渡辺;健;;;\n'
    "FN:渡辺 健\n"
    "BDAY:1970-01-31\n"
    "END:VCARD\n"
)


def test_vcard4_birthday_without_year_is_a_warning():
    emily, ken = parse_vcards(VCARD4)
    assert emily.birthday is None and not emily.has_errors
    assert [(p.row, p.column, p.severity) for p in emily.problems] == [(1, "BDAY", "warning")]
    assert "0315" in emily.problems[0].reason
    assert emily.name == "Emily Jane Carter"  # Western order, with the middle name FN left out
    assert emily.email == "emily@example.com" and emily.phone == "+1-555-555-0100"
    assert emily.address1 == "100 Main Street, Springfield, IL"
    assert (emily.address2, emily.postal_code) == ("Suite 400", "62701")
    assert (emily.company, emily.title, emily.tags) == ("Carter Consulting", "Founder, CEO", ["Client", "VIP"])
    assert (ken.name, ken.name_kana, ken.birthday, ken.problems) == ("渡辺 健", "ワタナベ ケン", dt.date(1970, 1, 31), [])


def test_warning_reason_follows_the_language():
    set_language("ja")
    [rec] = parse_vcards("BEGIN:VCARD\nVERSION:4.0\nFN:Emily Carter\nBDAY:--03-15\nEND:VCARD\n")
    assert "年がない" in rec.problems[0].reason


@pytest.mark.parametrize(("value", "expected"), [
    ("1990-03-15", dt.date(1990, 3, 15)),
    ("19900315", dt.date(1990, 3, 15)),
    ("1990-03-15T00:00:00Z", dt.date(1990, 3, 15)),
    ("19900315T000000", dt.date(1990, 3, 15)),
    ("1990-02-30", None),
    ("circa 1800", None),
])
def test_birthday_forms(value, expected):
    [rec] = parse_vcards(f"BEGIN:VCARD\nVERSION:3.0\nFN:A B\nBDAY:{value}\nEND:VCARD\n")
    assert rec.birthday == expected
    assert not rec.has_errors
    assert bool(rec.problems) == (expected is None)


# --------------------------------------------------------------------------- Google Contacts

GOOGLE = crlf(
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:鈴木 一郎\n"
    "N:鈴木;一郎;;;\n"
    "X-PHONETIC-FIRST-NAME:いちろう\n"
    "X-PHONETIC-LAST-NAME:すずき\n"
    "EMAIL;TYPE=INTERNET;TYPE=HOME:ichiro@example.jp\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:suzuki@corp.example.jp\n"
    "TEL;TYPE=CELL:080-2222-3333\n"
    "ADR;TYPE=HOME:;;神宮前1-2-3;渋谷区;東京都;150-0001;JP\n"
    "item1.ORG:鈴木商事\n"
    "item1.X-ABLabel:\n"
    "item2.URL:https\\://example.jp\n"
    "item2.X-ABLabel:\n"
    "BDAY:1975-01-02\n"
    "NOTE:ゴルフ仲間\\nワイン好き\n"
    "CATEGORIES:myContacts,顧問先\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Tel No Label\n"
    "N:No Label;Tel;;;\n"
    "item1.TEL:012345678\n"
    "item1.X-ABLabel:\n"
    "item2.ADR:;;;;;;\n"
    "item2.X-ABLabel:\n"
    "CATEGORIES:myContacts\n"
    "END:VCARD\n"
)


def test_google_contacts_export():
    ichiro, other = parse_vcards(GOOGLE.encode("utf-8"))
    assert ichiro.problems == []
    assert (ichiro.name, ichiro.name_kana) == ("鈴木 一郎", "すずき いちろう")
    assert ichiro.email == "ichiro@example.jp"  # no preference: the first one
    assert (ichiro.phone, ichiro.postal_code, ichiro.address1) == ("080-2222-3333", "150-0001", "東京都渋谷区神宮前1-2-3")
    assert (ichiro.company, ichiro.birthday, ichiro.notes) == ("鈴木商事", dt.date(1975, 1, 2),
                                                               "ゴルフ仲間\nワイン好き\nWeb: https://example.jp")
    assert ichiro.tags == ["顧問先"]  # Google's "myContacts" system group is no tag
    assert (other.name, other.phone, other.address1, other.tags, other.problems) == ("Tel No Label", "012345678", "", [], [])


# --------------------------------------------------------------------------- broken input

def test_broken_middle_card_does_not_stop_the_file():
    text = crlf(
        "BEGIN:VCARD\nVERSION:3.0\nFN:First Person\nEMAIL:first@example.com\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Broken Person\nthis line is garbage\nEMAIL;TYPE=\"INTERNET:x@example.com\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Third Person\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Fourth;Person;;;\n%%%%garbage%%%%\nEND:VCARD\n"
        "END:VCARD\n"  # stray END: ignored
        "BEGIN:VCARD\nVERSION:3.0\nFN:Fifth Person\nEND:VCARD\n"
    )
    records = parse_vcards(text.encode("utf-8"))
    assert [r.row for r in records] == [1, 2, 3, 4, 5]
    assert [r.name for r in records] == ["First Person", "Broken Person", "Third Person", "Person Fourth", "Fifth Person"]
    assert [r.has_errors for r in records] == [False, True, False, True, False]
    broken = records[1]
    assert {p.column for p in errors(broken)} >= {"END"}
    assert any("this line is garbage" in p.reason for p in errors(broken))
    assert all(p.row == 2 for p in broken.problems)
    assert any(p.row == 4 and "garbage" in p.reason for p in errors(records[3]))
    assert records[0].email == "first@example.com"


def test_truncated_file_and_card_without_name():
    records = parse_vcards("BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@example.com\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut")
    # a card with only an e-mail is imported under it, with a warning; a card cut off is an error
    assert [(r.row, r.has_errors) for r in records] == [(1, False), (2, True)]
    assert records[0].name == "a@example.com" and [p.column for p in records[0].problems] == ["FN"]
    assert records[1].name == "Cut" and [p.column for p in records[1].problems] == ["END"]


def test_not_a_vcard_and_empty_input():
    [rec] = parse_vcards(b"name,email\nTaro,taro@example.jp\n")
    assert rec.has_errors and rec.problems[0].column == "BEGIN"
    assert parse_vcards(b"") == [] and parse_vcards("  \r\n") == []


def test_invalid_email_and_undecodable_value_are_warnings():
    text = crlf("BEGIN:VCARD\nVERSION:2.1\nFN:A B\nEMAIL:not an address\n"
                "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=FF=FEabc\nEND:VCARD\n")
    [rec] = parse_vcards(text)
    assert not rec.has_errors and rec.email == ""
    assert {p.column for p in warnings(rec)} == {"EMAIL", "NOTE"}


@pytest.mark.timeout(60)  # exponential backtracking would hang here
def test_pathological_parameter_lists_do_not_hang():
    # vobject's own line regex backtracks exponentially on these; the reader here is linear
    lines = ["X;A=" + "=," * 40, "X;A=" + ",," * 2000 + '"', "TEL" + ";A" * 5000, "NOTE:" + " " * 50_000 + "x"]
    text = "BEGIN:VCARD\nFN:A B\n" + "\n".join(lines) + "\nEND:VCARD\n"
    [rec] = parse_vcards(text)
    assert rec.name == "A B" and rec.has_errors


@pytest.mark.timeout(60)  # a quadratic unfolding would hang here
def test_large_photo_is_read_whole():
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(["QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789abcdefghijklmnopqrstu"] * 40_000)
    text = crlf(f"BEGIN:VCARD\nVERSION:3.0\nFN:With Photo\n{photo}\nTEL:03-0000-0000\nEND:VCARD\n")
    [rec] = parse_vcards(text.encode("utf-8"))
    assert (rec.name, rec.phone, rec.problems) == ("With Photo", "03-0000-0000", [])


# --------------------------------------------------------------------------- encodings

def test_cp932_bytes():
    text = crlf("BEGIN:VCARD\nVERSION:3.0\nN:髙橋;①子;;;\nFN:髙橋 ①子\nX-PHONETIC-LAST-NAME:タカハシ\n"
                "X-PHONETIC-FIRST-NAME:イチコ\nADR:;;西新宿2-8-1;新宿区;東京都;163-8001;\nNOTE:～メモ～\nEND:VCARD\n")
    data = text.encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    [rec] = parse_vcards(data)
    assert rec.problems == []
    assert (rec.name, rec.name_kana, rec.address1, rec.notes) == ("髙橋 ①子", "タカハシ イチコ", "東京都新宿区西新宿2-8-1", "～メモ～")


def test_mixed_utf8_and_cp932_lines():
    data = ("BEGIN:VCARD\r\nFN:山田 太郎\r\nEND:VCARD\r\n".encode("utf-8")
            + "BEGIN:VCARD\r\nFN:佐藤 花子\r\nEND:VCARD\r\n".encode("cp932"))
    assert [r.name for r in parse_vcards(data)] == ["山田 太郎", "佐藤 花子"]


def test_utf16_with_bom():
    data = GOOGLE.encode("utf-16")
    assert [r.name for r in parse_vcards(data)] == ["鈴木 一郎", "Tel No Label"]


# --------------------------------------------------------------------------- export

JA = Client(
    id=7, name="山田 太郎", name_kana="やまだ たろう", company="株式会社サンプル; 営業部", title="部長, 事業開発",
    email="taro@example.jp", phone="090-1234-5678", postal_code="100-0005", address1="東京都千代田区丸の内1-1-1",
    address2="サンプルビル5F", birthday=dt.date(1990, 3, 15),
    notes="一行目\n二行目, カンマ; セミコロン \\ バックスラッシュ\n" + "長いメモ。" * 30,
)
EN = Client(
    id=8, name="Emily Jane Carter", name_kana="Carter", company="Carter Consulting", title="Founder",
    email="emily@example.com", phone="+1 555 555 0100", postal_code="62701", address1="100 Main Street, Springfield, IL",
    address2="Suite 400", birthday=dt.date(1985, 7, 4), notes="Met at the 2022 conference.\nLikes tea, not coffee.",
)
FIELDS = ("name", "name_kana", "company", "title", "email", "phone", "postal_code", "address1", "address2",
          "birthday", "notes")


def test_export_format():
    text = export_vcards([JA, EN], {7: ["経営者", "VIP, gold"], 8: ["Client"]})
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VCARD") == 2
    physical = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    unfolded = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    assert "FN:山田 太郎" in unfolded and "N:山田;太郎;;;" in unfolded
    assert "X-PHONETIC-LAST-NAME:やまだ" in unfolded and "X-PHONETIC-FIRST-NAME:たろう" in unfolded
    assert "FN:Emily Jane Carter" in unfolded and "N:Carter;Emily Jane;;;" in unfolded
    assert "SORT-STRING:Carter" in unfolded
    assert "ORG:株式会社サンプル\\; 営業部" in unfolded and "TITLE:部長\\, 事業開発" in unfolded
    assert "EMAIL;TYPE=INTERNET,PREF:taro@example.jp" in unfolded and "TEL;TYPE=PREF:090-1234-5678" in unfolded
    assert "ADR;TYPE=PREF:;サンプルビル5F;東京都千代田区丸の内1-1-1;;;100-0005;" in unfolded
    assert "BDAY:1990-03-15" in unfolded and "CATEGORIES:経営者,VIP\\, gold" in unfolded
    assert "X-LOYALDESK-ID:7" in unfolded and "X-LOYALDESK-ID:8" in unfolded
    assert any(line.startswith("NOTE:一行目\\n二行目\\, カンマ\\; セミコロン \\\\ ") for line in unfolded)


def test_export_is_readable_by_vobject():
    import vobject

    cards = list(vobject.readComponents(export_vcards([JA, EN])))
    assert [c.fn.value for c in cards] == ["山田 太郎", "Emily Jane Carter"]
    assert cards[0].n.value.family == "山田" and cards[1].n.value.given == "Emily Jane"
    assert cards[0].bday.value == "1990-03-15"


@pytest.mark.parametrize("client", [JA, EN], ids=["ja", "en"])
def test_round_trip(client):
    [rec] = parse_vcards(export_vcards([client], {client.id: ["経営者", "VIP, gold", "a;b"]}).encode("utf-8"))
    assert rec.problems == []
    assert {f: getattr(rec, f) for f in FIELDS} == {f: getattr(client, f) for f in FIELDS}
    assert rec.tags == ["経営者", "VIP, gold", "a;b"]


def test_round_trip_of_sparse_and_odd_names():
    clients = [Client(id=1, name="山田太郎"), Client(id=2, name="Madonna"), Client(id=3, name="山田　花子", name_kana="ヤマダ　ハナコ"),
               Client(id=None, name="李 John", name_kana="リ ジョン ジュニア")]
    records = parse_vcards(export_vcards(clients))
    assert [(r.name, r.name_kana, r.problems) for r in records] == [(c.name, c.name_kana, []) for c in clients]


def test_export_empty_list():
    assert export_vcards([]) == "" and parse_vcards(export_vcards([])) == []


# --------------------------------------------------------------------------- properties

line_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40).map(lambda s: " ".join(s.split()))
multi_text = st.lists(line_text, max_size=4).map(lambda lines: "\n".join(lines).strip())
clients = st.builds(
    Client, id=st.one_of(st.none(), st.integers(1, 10**6)), name=line_text.filter(bool), name_kana=line_text,
    company=line_text, title=line_text, email=st.emails().map(str.strip).filter(lambda e: "\\" not in e and ";" not in e)
    | st.just(""), phone=line_text.filter(lambda p: not p.lower().startswith("tel:")),
    postal_code=line_text.filter(lambda p: not p.startswith("〒")), address1=line_text, address2=line_text,
    birthday=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31))), notes=multi_text,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(client=clients, tag_names=st.lists(line_text.filter(bool), max_size=4, unique=True))
def test_round_trip_property(client, tag_names):
    tags = {client.id: tag_names} if client.id is not None else None
    [rec] = parse_vcards(export_vcards([client], tags))
    expected = {f: getattr(client, f) for f in FIELDS}
    got = {f: getattr(rec, f) for f in FIELDS}
    assert not rec.has_errors, rec.problems
    assert got == expected
    assert rec.tags == (tag_names if tags else [])


def check(records):
    assert isinstance(records, list)
    for n, rec in enumerate(records, start=1):
        assert isinstance(rec, ClientRecord) and rec.row == n
        assert all(p.severity in ("error", "warning") and isinstance(p.reason, str) for p in rec.problems)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.binary()))
def test_random_input_never_raises(data):
    check(parse_vcards(data))


VALID = (IPHONE + android_21() + VCARD4 + GOOGLE).encode("utf-8")
PIECES = [b"BEGIN:VCARD", b"END:VCARD", b"\r\n", b"\n", b"\r\n ", b":", b";", b"=", b",", b"\\", b'"', b"=\r\n",
          b"ENCODING=QUOTED-PRINTABLE", b"CHARSET=SHIFT_JIS", b"ENCODING=b", b"TYPE=pref", b"BDAY:--", b"\xff",
          b"\xe3\x81", b"\x82\xa0", b"item1.", b"VERSION:2.1", b"=E3=81", b"SORT-AS=\"", b"\x00"]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_vcards_never_raise(data):
    blob = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 12))):
        pos = data.draw(st.integers(0, len(blob)))
        kind = data.draw(st.sampled_from(["delete", "insert", "piece", "flip", "cut"]))
        if kind == "delete":
            del blob[pos:pos + data.draw(st.integers(1, 40))]
        elif kind == "insert":
            blob[pos:pos] = data.draw(st.binary(max_size=20))
        elif kind == "piece":
            blob[pos:pos] = data.draw(st.sampled_from(PIECES))
        elif kind == "flip" and pos < len(blob):
            blob[pos] = data.draw(st.integers(0, 255))
        else:
            del blob[pos:]
    check(parse_vcards(bytes(blob)))
    check(parse_vcards(bytes(blob).decode("utf-8", errors="replace")))
