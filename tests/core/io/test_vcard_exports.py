"""vCards as phones and address books write them: every value kept, in the right field."""

from __future__ import annotations

import datetime as dt
import quopri

from loyaldesk.core.io.records import Labeled, PostalAddress
from loyaldesk.core.io.vcard import parse_vcards


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def qp(text: str) -> str:
    return quopri.encodestring(text.encode("cp932")).decode("ascii").replace("=\n", "")


def test_vcard_21_quoted_printable_shift_jis_from_a_japanese_phone():
    card = crlf(
        "BEGIN:VCARD\nVERSION:2.1\n"
        f"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:{qp('安藤')};{qp('ロイド')};;;\n"
        f"SOUND;X-IRMC-N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:{qp('ｱﾝﾄﾞｳ')};{qp('ﾛｲﾄﾞ')};;;\n"
        "TEL;CELL:090-1234-5678\nTEL;WORK;FAX:052-111-2223\nTEL;WORK:052-111-2222\n"
        "EMAIL;INTERNET:lloyd@example.jp\nEMAIL;INTERNET;HOME:lloyd.home@example.jp\n"
        f"ADR;HOME;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:;;{qp('栄３－１－１')};{qp('名古屋市中区')};"
        f"{qp('愛知県')};460-0008;{qp('日本')}\n"
        "END:VCARD\n")
    [rec] = parse_vcards(card.encode("ascii"))
    assert not rec.problems
    assert (rec.name, rec.name_kana) == ("安藤 ロイド", "アンドウ ロイド")
    assert (rec.phone, rec.more_phones) == ("090-1234-5678", [Labeled("fax", "052-111-2223"), Labeled("work", "052-111-2222")])
    assert (rec.email, rec.more_emails) == ("lloyd@example.jp", [Labeled("home", "lloyd.home@example.jp")])
    assert (rec.postal_code, rec.address1, rec.country) == ("460-0008", "愛知県名古屋市中区栄3-1-1", "JP")


def test_vcard_40_sort_as_with_a_semicolon_middle_name_and_no_year_birthday():
    card = crlf(
        "BEGIN:VCARD\nVERSION:4.0\n"
        'N;SORT-AS="あんどう;ろいど":安藤;ロイド;;;\nFN:安藤 ロイド\n'
        "BDAY:--12-24\nTEL;VALUE=uri;TYPE=\"work,fax\":tel:+81-52-111-2223\n"
        "END:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nN:Madero;Angela;Muñoz;;\nFN:Angela Madero\n"
        "ADR;TYPE=work:;Suite 400, 1 Market St\\, San Francisco;;;;;US\nEND:VCARD\n")
    lloyd, angela = parse_vcards(card.encode("utf-8"))
    assert lloyd.name_kana == "あんどう ろいど"
    assert lloyd.birthday is None and "12-24" in lloyd.notes and not lloyd.has_errors
    assert lloyd.phone == "" and lloyd.more_phones == [Labeled("fax", "+81-52-111-2223")]  # a fax is never the phone
    assert angela.name == "Angela Muñoz Madero"
    # an address written only in the extended-address field is kept
    assert (angela.address1, angela.country) == ("Suite 400, 1 Market St, San Francisco", "US")


def test_vcard_30_two_addresses_and_android_cards_without_a_name():
    card = crlf(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Emily Carter\nN:Carter;Emily;;;\n"
        "ADR;TYPE=WORK,PREF:;;350 Fifth Avenue;New York;NY;10118;USA\n"
        "ADR;TYPE=HOME:;;2-3-4 Jingumae;Shibuya-ku;Tokyo;150-0001;Japan\n"
        "END:VCARD\n"
        "BEGIN:VCARD\nVERSION:2.1\nEMAIL;PREF;INTERNET:only.mail@example.com\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:2.1\nORG:株式会社みらい\nTEL;WORK:03-1111-2222\nEND:VCARD\n")
    emily, mail_only, company_only = parse_vcards(card.encode("utf-8"))
    assert (emily.postal_code, emily.address1, emily.country) == ("10118", "350 Fifth Avenue, New York, NY", "US")
    assert emily.more_addresses == [PostalAddress("home", "150-0001", "2-3-4 Jingumae, Shibuya-ku, Tokyo", "", "JP")]
    assert mail_only.name == "only.mail@example.com" and not mail_only.has_errors
    assert company_only.name == "株式会社みらい" and not company_only.has_errors
    assert [p.severity for p in company_only.problems] == ["warning"]


def test_vcard_birthday_with_a_year_still_a_date():
    [rec] = parse_vcards(crlf("BEGIN:VCARD\nVERSION:3.0\nFN:A B\nBDAY:1985-07-20\nEND:VCARD\n"))
    assert rec.birthday == dt.date(1985, 7, 20) and rec.notes == ""


def test_vcard_values_without_a_field_are_kept_in_the_notes():
    [rec] = parse_vcards(crlf("BEGIN:VCARD\nVERSION:3.0\nFN:Ken Ito\nNICKNAME:Kenny\nURL:https://ken.example\n"
                              "ROLE:Board member\nNOTE:met in Osaka\nEND:VCARD\n"))
    assert rec.notes == "met in Osaka\nNickname: Kenny\nWeb: https://ken.example\nRole: Board member"
