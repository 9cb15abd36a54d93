"""Google Contacts (both layouts), Outlook and Thunderbird exports: every value kept, in the right field."""

from __future__ import annotations

import datetime as dt

from loyaldesk.core.io.mapping import client_records, guess_client_mapping
from loyaldesk.core.io.records import Labeled, PostalAddress
from loyaldesk.core.io.tabular import read_table_bytes
from tests.core.io.exports import (
    GOOGLE_NEW_HEADER,
    GOOGLE_OLD_HEADER,
    OUTLOOK_HEADER,
    THUNDERBIRD_HEADER,
    csv_text,
)


def records(text: str, name: str = "contacts.csv", encoding: str = "utf-8"):
    data = text.encode(encoding) if encoding != "utf-16" else "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    table = read_table_bytes(data, name)
    return client_records(table, guess_client_mapping(table.headers))


def test_google_new_layout_multi_value_cells_are_split():
    text = csv_text(GOOGLE_NEW_HEADER, [
        {"First Name": "Priya", "Last Name": "Raman", "Labels": "* myContacts ::: Clients",
         "E-mail 1 - Label": "* Home ::: Work", "E-mail 1 - Value": "priya@example.in ::: p.raman@work.example.com",
         "Phone 1 - Label": "Mobile ::: Work ::: Work Fax",
         "Phone 1 - Value": "+91 98765 43210 ::: +91 22 2345 6789 ::: +91 22 2345 6790",
         "Address 1 - Label": "Home ::: Work", "Address 1 - Street": "12 MG Road ::: 4 Nariman Point",
         "Address 1 - City": "Bengaluru ::: Mumbai", "Address 1 - Postal Code": "560001 ::: 400021",
         "Address 1 - Country": "India ::: India"},
    ], crlf=False)
    [rec] = records(text)
    assert not rec.problems
    assert rec.name == "Priya Raman" and rec.tags == ["Clients"]
    assert rec.email == "priya@example.in"
    assert rec.more_emails == [Labeled("work", "p.raman@work.example.com")]
    assert rec.phone == "+91 98765 43210"
    assert [p.label for p in rec.more_phones] == ["work", "fax"]
    assert (rec.postal_code, rec.address1, rec.country) == ("560001", "12 MG Road Bengaluru", "IN")
    assert rec.more_addresses == [PostalAddress("work", "400021", "4 Nariman Point Mumbai", "", "IN")]


def test_google_new_layout_middle_names_and_file_as():
    text = csv_text(GOOGLE_NEW_HEADER, [
        {"First Name": "Angela", "Middle Name": "Muñoz", "Last Name": "Madero", "File As": "Madero, Angela",
         "E-mail 1 - Value": "angela@example.es"},
        {"File As": "Tanaka Sensei", "E-mail 1 - Value": "t@example.jp"},
        {"First Name": "太郎", "Last Name": "山田", "Phonetic First Name": "ﾀﾛｳ", "Phonetic Last Name": "ﾔﾏﾀﾞ"},
    ])
    a, b, c = records(text)
    assert a.name == "Angela Muñoz Madero"
    assert b.name == "Tanaka Sensei"
    assert (c.name, c.name_kana) == ("山田 太郎", "ヤマダ タロウ")  # family first, half-width kana made full-width


def test_google_old_layout_name_column_wins_and_types_label_values():
    text = csv_text(GOOGLE_OLD_HEADER, [
        {"Name": "Angela Muñoz Madero", "Given Name": "Angela", "Additional Name": "Muñoz", "Family Name": "Madero",
         "Group Membership": "* myContacts", "E-mail 1 - Type": "* Work", "E-mail 1 - Value": "angela@example.es",
         "E-mail 2 - Type": "Home", "E-mail 2 - Value": "none",
         "Phone 1 - Type": "Mobile", "Phone 1 - Value": "+34 612 345 678",
         "Address 1 - Type": "Home", "Address 1 - Formatted": "Calle Mayor 1\n28013 Madrid\nES",
         "Address 1 - Street": "Calle Mayor 1", "Address 1 - City": "Madrid", "Address 1 - Postal Code": "28013",
         "Address 1 - Country": "ES", "Organization 1 - Name": "Estudio Muñoz"},
    ])
    [rec] = records(text)
    assert rec.name == "Angela Muñoz Madero" and rec.company == "Estudio Muñoz"
    assert rec.email == "angela@example.es" and rec.more_emails == []
    # the bad second e-mail is left out with a warning naming its column; the row is imported
    assert [(p.column, p.severity) for p in rec.problems] == [("E-mail 2 - Value", "warning")]
    assert (rec.postal_code, rec.address1, rec.country) == ("28013", "Calle Mayor 1 Madrid", "ES")


def test_google_row_with_two_emails_in_one_cell_is_not_an_error():
    text = csv_text(GOOGLE_OLD_HEADER, [{"Name": "Ken Ito", "E-mail 1 - Value": "ken@a.example ::: ken@b.example"}])
    [rec] = records(text)
    assert not rec.has_errors and rec.email == "ken@a.example" and rec.more_emails == [Labeled("", "ken@b.example")]


def test_foreign_postal_codes_are_never_rewritten():
    text = csv_text(GOOGLE_NEW_HEADER, [
        {"First Name": "Wei", "Last Name": "Zhang", "Address 1 - Street": "人民路 8号", "Address 1 - City": "许昌市",
         "Address 1 - Region": "河南省", "Address 1 - Postal Code": "461000", "Address 1 - Country": "China"},
        {"First Name": "Sam", "Last Name": "Lee", "Address 1 - Street": "1 Market St", "Address 1 - City": "San Francisco",
         "Address 1 - Region": "CA", "Address 1 - Postal Code": "94105", "Address 1 - Country": "United States"},
        {"First Name": "Bad", "Last Name": "Zip", "Address 1 - Postal Code": "ABCDEFG", "Address 1 - Country": "US"},
    ])
    china, us, bad = records(text)
    assert (china.postal_code, china.country) == ("461000", "CN") and not china.problems
    assert (us.postal_code, us.country) == ("94105", "US") and not us.problems
    assert bad.postal_code == "" and [(p.column, p.severity) for p in bad.problems] == [
        ("Address 1 - Postal Code", "warning")]


def test_postal_code_inside_a_japanese_address_moves_out():
    text = "氏名,住所\r\n鈴木 一郎,〒460-0008 愛知県名古屋市中区栄３－１－１\r\n"
    [rec] = records(text, encoding="cp932")
    assert (rec.postal_code, rec.address1) == ("460-0008", "愛知県名古屋市中区栄3-1-1")
    assert [p.severity for p in rec.problems] == ["warning"]


def test_outlook_home_and_business_addresses_are_kept_apart():
    text = csv_text(OUTLOOK_HEADER, [{
        "First Name": "Ann", "Middle Name": "Marie", "Last Name": "Lee", "Company": "Lee Inc.",
        "Business Street": "500 Terry Francine St", "Business City": "San Francisco", "Business State": "CA",
        "Business Postal Code": "94158", "Business Country/Region": "United States of America",
        "Home Street": "2-3-4 Jingumae", "Home City": "Shibuya-ku", "Home State": "Tokyo", "Home Postal Code": "1500001",
        "Home Country/Region": "Japan", "Business Fax": "+1 415 555 0100", "Business Phone": "+1 415 555 0199",
        "Mobile Phone": "080-1234-5678", "E-mail Address": "ann@lee.example", "E-mail 2 Address": "ann@home.example",
        "Birthday": "0/0/00",
    }])
    [rec] = records(text)
    assert rec.name == "Ann Marie Lee" and not rec.problems
    assert (rec.postal_code, rec.address1, rec.country) == ("94158", "500 Terry Francine St San Francisco CA", "US")
    assert rec.more_addresses == [PostalAddress("home", "150-0001", "2-3-4 Jingumae Shibuya-ku Tokyo", "", "JP")]
    assert rec.phone == "+1 415 555 0199"  # the fax is never the phone
    assert [(p.label, p.value) for p in rec.more_phones] == [("fax", "+1 415 555 0100"), ("mobile", "080-1234-5678")]
    assert rec.more_emails == [Labeled("", "ann@home.example")]


def test_outlook_card_with_only_a_fax_has_no_main_phone():
    text = csv_text(OUTLOOK_HEADER, [{"First Name": "Fax", "Last Name": "Only", "Business Fax": "03-1111-2222"}])
    [rec] = records(text)
    assert rec.phone == "" and rec.more_phones == [Labeled("fax", "03-1111-2222")]


THUNDERBIRD_JA_HEADER = [
    "名", "姓", "表示名", "ニックネーム", "メールアドレス", "第 2 メールアドレス", "スクリーンネーム", "勤務先電話番号",
    "自宅電話番号", "FAX 番号", "ポケットベル番号", "携帯電話番号", "自宅住所", "自宅住所 2", "自宅の市区町村",
    "自宅の都道府県", "自宅の郵便番号", "自宅の国", "勤務先住所", "勤務先住所 2", "勤務先の市区町村", "勤務先の都道府県",
    "勤務先の郵便番号", "勤務先の国", "役職", "部署", "所属", "Web ページ 1", "Web ページ 2", "誕生年", "誕生月", "誕生日",
    "カスタム 1", "カスタム 2", "カスタム 3", "カスタム 4", "メモ",
]


def test_thunderbird_shift_jis_export():
    text = csv_text(THUNDERBIRD_JA_HEADER, [{
        "名": "花子", "姓": "佐藤", "表示名": "佐藤 花子", "メールアドレス": "hanako@example.jp",
        "第 2 メールアドレス": "hanako@mobile.example.jp", "携帯電話番号": "090-1111-2222", "FAX 番号": "03-3333-4444",
        "自宅住所": "神宮前1-2-3", "自宅の市区町村": "渋谷区", "自宅の都道府県": "東京都", "自宅の郵便番号": "150-0001",
        "所属": "株式会社みらい", "誕生年": "1985", "誕生月": "7", "誕生日": "20", "メモ": "初回は紹介",
    }])
    [rec] = records(text, "addressbook.csv", "cp932")
    assert not rec.problems
    assert (rec.name, rec.company, rec.birthday, rec.notes) == ("佐藤 花子", "株式会社みらい", dt.date(1985, 7, 20), "初回は紹介")
    assert (rec.email, rec.more_emails) == ("hanako@example.jp", [Labeled("", "hanako@mobile.example.jp")])
    assert rec.phone == "090-1111-2222" and rec.more_phones == [Labeled("fax", "03-3333-4444")]
    assert (rec.postal_code, rec.address1) == ("150-0001", "東京都 渋谷区 神宮前1-2-3")


def test_thunderbird_utf16_tab_separated_export():
    text = csv_text(THUNDERBIRD_HEADER, [{
        "First Name": "Emily", "Last Name": "Carter", "Display Name": "Emily Carter", "Primary Email": "emily@example.com",
        "Work Phone": "+1 212 555 0147", "Work Address": "350 Fifth Avenue", "Work City": "New York", "Work State": "NY",
        "Work ZipCode": "10118", "Work Country": "USA", "Birth Year": "", "Birth Month": "12", "Birth Day": "24",
    }], delimiter="\t")
    [rec] = records(text, "addressbook.txt", "utf-16")
    assert (rec.name, rec.email, rec.phone) == ("Emily Carter", "emily@example.com", "+1 212 555 0147")
    assert (rec.postal_code, rec.address1, rec.country) == ("10118", "350 Fifth Avenue New York NY", "US")
    assert rec.birthday is None and [p.severity for p in rec.problems] == ["warning"]  # no year: said, not an error


OUTLOOK_JA_HEADER = [
    "敬称", "名", "ミドル ネーム", "姓", "敬称 (英語)", "会社名", "部署", "役職", "勤務先 番地", "勤務先 番地 2", "勤務先 市区町村",
    "勤務先 都道府県", "勤務先 郵便番号", "勤務先 国/地域", "自宅 番地", "自宅 市区町村", "自宅 都道府県", "自宅 郵便番号",
    "自宅 国/地域", "勤務先 FAX", "勤務先電話", "自宅電話", "携帯電話", "ポケットベル", "誕生日", "分類", "電子メール アドレス",
    "電子メール 種類", "電子メール 表示名", "電子メール 2 アドレス", "メモ", "Web ページ",
]


def test_outlook_japanese_export():
    text = csv_text(OUTLOOK_JA_HEADER, [{
        "名": "一郎", "姓": "鈴木", "会社名": "鈴木商事", "部署": "営業部", "役職": "部長",
        "勤務先 番地": "丸の内1-1-1", "勤務先 市区町村": "千代田区", "勤務先 都道府県": "東京都", "勤務先 郵便番号": "100-0005",
        "自宅 番地": "栄3-1-1", "自宅 市区町村": "名古屋市中区", "自宅 都道府県": "愛知県", "自宅 郵便番号": "460-0008",
        "勤務先 FAX": "03-1111-2223", "勤務先電話": "03-1111-2222", "携帯電話": "090-1234-5678", "誕生日": "1975/1/2",
        "分類": "顧問先", "電子メール アドレス": "ichiro@suzuki.example.jp", "電子メール 種類": "SMTP",
        "電子メール 表示名": "鈴木 一郎 (ichiro@suzuki.example.jp)", "電子メール 2 アドレス": "ichiro@home.example.jp",
        "Web ページ": "https://suzuki.example.jp",
    }])
    [rec] = records(text, "outlook.csv", "cp932")
    assert not rec.problems
    assert (rec.name, rec.company, rec.title, rec.tags) == ("鈴木 一郎", "鈴木商事", "部長", ["顧問先"])
    assert (rec.postal_code, rec.address1) == ("100-0005", "東京都 千代田区 丸の内1-1-1")
    assert rec.more_addresses == [PostalAddress("home", "460-0008", "愛知県 名古屋市中区 栄3-1-1", "", "")]
    assert rec.email == "ichiro@suzuki.example.jp" and rec.more_emails == [Labeled("", "ichiro@home.example.jp")]
    assert rec.phone == "03-1111-2222"
    assert [(p.label, p.value) for p in rec.more_phones] == [("fax", "03-1111-2223"), ("mobile", "090-1234-5678")]
    assert rec.notes == "部署: 営業部\nWeb ページ: https://suzuki.example.jp"


def test_google_websites_events_and_custom_fields_kept_in_the_notes_after_their_label():
    header = GOOGLE_NEW_HEADER + ["Relation 1 - Label", "Relation 1 - Value", "Event 1 - Label", "Event 1 - Value",
                                  "Custom Field 1 - Label", "Custom Field 1 - Value"]
    text = csv_text(header, [{"First Name": "Ken", "Last Name": "Ito", "Notes": "met in Osaka",
                              "Website 1 - Label": "Profile", "Website 1 - Value": "https://ken.example",
                              "Relation 1 - Label": "Spouse", "Relation 1 - Value": "Yuki",
                              "Event 1 - Label": "Anniversary", "Event 1 - Value": "2010-05-01",
                              "Custom Field 1 - Value": "会員番号 42"}])
    [rec] = records(text)
    assert rec.notes == ("met in Osaka\nProfile: https://ken.example\nSpouse: Yuki\nAnniversary: 2010-05-01\n"
                         "Custom Field 1 - Value: 会員番号 42")


def test_in_a_dollar_practice_an_address_without_a_country_is_american(db, tmp_path):
    from loyaldesk.core import practice
    from loyaldesk.core.io import files

    practice.set_currency(db, "USD")
    path = tmp_path / "contacts.csv"
    path.write_text("Name,Zip,Address\r\nSam Lee,94105,1 Market St\r\nBad Zip,ABC,2 Main St\r\n"
                    "山田 太郎,150-0001,東京都渋谷区神宮前1-2-3\r\n", encoding="utf-8")
    sam, bad, taro = files.client_records(files.load_table(db, path, "clients"))
    assert (sam.postal_code, sam.country, sam.problems) == ("94105", "", [])
    assert bad.postal_code == "" and [p.severity for p in bad.problems] == ["warning"]
    assert (taro.postal_code, taro.country, taro.problems) == ("150-0001", "JP", [])  # a Japanese address stays one
