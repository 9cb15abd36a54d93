"""Columns recognized from their headers; rows turned into records with per-row problems."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from loyaldesk.core.i18n import set_language
from loyaldesk.core.io.mapping import (
    client_records, column_letter, guess_client_mapping, guess_session_mapping, mapping_signature, normalize_header,
    session_records,
)
from loyaldesk.core.io.records import CLIENT_FIELDS, SESSION_FIELDS
from loyaldesk.core.io.tabular import Table, TableReadError, read_table_bytes

GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,"
    "Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,"
    "Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,"
    "Website 1 - Label,Website 1 - Value"
)
GOOGLE_OLD_HEADER = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,"
    "Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,"
    "Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Address 1 - Type,Address 1 - Formatted,"
    "Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,"
    "Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,"
    "Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,"
    "Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,Website 1 - Value"
)
OUTLOOK_HEADER = (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business Street 2,"
    "Business Street 3,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,"
    "Home Street 2,Home Street 3,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,"
    "Other Street 2,Other Street 3,Other City,Other State,Other Postal Code,Other Country/Region,Assistant's Phone,"
    "Business Fax,Business Phone,Business Phone 2,Callback,Car Phone,Company Main Phone,Home Fax,Home Phone,"
    "Home Phone 2,ISDN,Mobile Phone,Other Fax,Other Phone,Pager,Primary Phone,Radio Phone,TTY/TDD Phone,Telex,"
    "Account,Anniversary,Assistant's Name,Billing Information,Birthday,Business Address PO Box,Categories,Children,"
    "Directory Server,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,E-mail 2 Type,"
    "E-mail 2 Display Name,E-mail 3 Address,E-mail 3 Type,E-mail 3 Display Name,Gender,Government ID Number,Hobby,"
    "Home Address PO Box,Initials,Internet Free Busy,Keywords,Language,Location,Manager's Name,Mileage,Notes,"
    "Office Location,Organizational ID Number,Other Address PO Box,Priority,Private,Profession,Referred By,"
    "Sensitivity,Spouse,User 1,User 2,User 3,User 4,Web Page"
)


def named(headers, mapping):
    return {headers[i]: f for i, f in mapping.items()}


def table_from_csv(rows, encoding="utf-8", name="x.csv"):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return read_table_bytes(buf.getvalue().encode(encoding), name)


def table_from_dicts(dicts, headers):
    return table_from_csv([headers] + [[d.get(h, "") for h in headers] for d in dicts])


# --- headers --------------------------------------------------------------------------------
def test_normalize_header():
    assert normalize_header("E-mail 1 - Value") == "email1value"
    assert normalize_header("メールアドレス（必須）") == "メールアドレス"
    assert normalize_header("ﾌﾘｶﾞﾅ") == "フリガナ"
    assert normalize_header(" 郵便_番号 ") == "郵便番号"
    assert normalize_header("カテゴリー") == "カテゴリー"


def test_japanese_headers():
    headers = ["氏名", "フリガナ", "会社名", "役職", "メールアドレス", "電話番号", "郵便番号", "住所1", "住所2", "生年月日",
               "備考", "タグ", "紹介元", "敬称"]
    assert named(headers, guess_client_mapping(headers)) == {
        "氏名": "name", "フリガナ": "name_kana", "会社名": "company", "役職": "title", "メールアドレス": "email",
        "電話番号": "phone", "郵便番号": "postal_code", "住所1": "address1", "住所2": "address2", "生年月日": "birthday",
        "備考": "notes", "タグ": "tags", "紹介元": "source", "敬称": "honorific",
    }


@pytest.mark.parametrize("headers, expected", [
    (["名前", "ふりがな", "メール", "携帯", "〒", "住所", "誕生日", "メモ", "グループ"],
     ["name", "name_kana", "email", "phone", "postal_code", "address1", "birthday", "notes", "tags"]),
    (["お名前", "よみがな", "E-mail", "電話"], ["name", "name_kana", "email", "phone"]),
    (["姓", "名", "セイ", "メイ"], ["family_name", "given_name", "family_kana", "given_kana"]),
    (["ﾌﾘｶﾞﾅ", "ﾒｰﾙｱﾄﾞﾚｽ"], ["name_kana", "email"]),
    (["Name", "Email", "Phone", "Company", "Job Title", "Zip", "Address", "Birthday", "Notes", "Tags"],
     ["name", "email", "phone", "company", "title", "postal_code", "address1", "birthday", "notes", "tags"]),
    (["メールアドレス（PC）", "携帯電話番号（ハイフンあり）", "お名前（漢字）", "お名前（フリガナ）"],
     ["email", "phone", "name", "name_kana"]),
])
def test_header_variants(headers, expected):
    mapping = guess_client_mapping(headers)
    assert [mapping.get(i) for i in range(len(headers))] == expected


def test_each_field_once_except_multi_column_fields():
    headers = ["氏名", "名前", "電話", "携帯", "住所", "住所", "メール", "タグ1", "タグ2"]
    assert guess_client_mapping(headers) == {0: "name", 2: "phone", 3: "phone", 4: "address1", 5: "address1",
                                            6: "email", 7: "tags", 8: "tags"}


def test_unknown_headers_are_left_for_the_user():
    headers = ["氏名", "好きな食べ物", "", "会員番号"]
    assert guess_client_mapping(headers) == {0: "name"}
    assert guess_session_mapping(["謎", "??"]) == {}


def test_google_contacts_header():
    headers = GOOGLE_HEADER.split(",")
    mapping = named(headers, guess_client_mapping(headers))
    assert mapping == {
        "First Name": "given_name", "Last Name": "family_name", "Phonetic First Name": "given_kana",
        "Phonetic Last Name": "family_kana", "Name Prefix": "honorific", "Organization Name": "company",
        "Organization Title": "title", "Birthday": "birthday", "Notes": "notes", "Labels": "tags",
        "E-mail 1 - Value": "email", "E-mail 2 - Value": "email", "Phone 1 - Value": "phone",
        "Phone 2 - Value": "phone", "Address 1 - Formatted": "address1", "Address 1 - Street": "address1",
        "Address 1 - City": "address1", "Address 1 - Region": "address1", "Address 1 - Postal Code": "postal_code",
        "Address 1 - Extended Address": "address2", "Address 1 - PO Box": "address2", "Address 1 - Country": "country",
        "Middle Name": "middle_name", "File As": "file_as",
        # no field of their own: kept in the notes after their header
        "Name Suffix": "notes", "Nickname": "notes", "Organization Department": "notes", "Website 1 - Value": "notes",
    }


def test_old_google_contacts_header():
    headers = GOOGLE_OLD_HEADER.split(",")
    mapping = named(headers, guess_client_mapping(headers))
    assert mapping["Name"] == "name" and mapping["Given Name Yomi"] == "given_kana"
    assert mapping["Family Name Yomi"] == "family_kana" and mapping["Group Membership"] == "tags"
    assert mapping["Organization 1 - Name"] == "company" and mapping["Organization 1 - Title"] == "title"
    for ignored in ("E-mail 1 - Type", "Phone 1 - Type", "Organization 1 - Yomi Name", "Subject", "Location"):
        assert ignored not in mapping


def test_outlook_header():
    headers = OUTLOOK_HEADER.split(",")
    mapping = named(headers, guess_client_mapping(headers))
    assert mapping["Title"] == "honorific"  # Mr./Ms.; the job is in "Job Title"
    assert mapping["Job Title"] == "title" and mapping["Company"] == "company"
    assert mapping["E-mail Address"] == "email" and mapping["Categories"] == "tags"
    assert mapping["Business Phone"] == mapping["Mobile Phone"] == mapping["Home Phone"] == "phone"
    assert mapping["Business Postal Code"] == mapping["Home Postal Code"] == "postal_code"
    assert mapping["Business Fax"] == "phone"  # kept, labelled fax, never the main phone
    assert mapping["Car Phone"] == "phone"
    for ignored in ("Assistant's Phone", "Pager", "E-mail Type", "E-mail Display Name"):
        assert ignored not in mapping, ignored
    assert mapping["Business Address PO Box"] == "address2"
    for kept in ("Manager's Name", "Assistant's Name", "Spouse", "Department", "Web Page"):  # in the notes
        assert mapping[kept] == "notes", kept


def test_session_headers():
    headers = ["日付", "メールアドレス", "顧客名", "金額", "種類", "内容", "時間", "備考"]
    assert [guess_session_mapping(headers)[i] for i in range(8)] == list(SESSION_FIELDS)[:8]
    headers = ["Date", "Email", "Client", "Amount", "Kind", "Topic", "Duration", "Notes"]
    assert [guess_session_mapping(headers)[i] for i in range(8)] == list(SESSION_FIELDS)[:8]
    assert named(["実施日", "お客様名", "売上", "区分", "テーマ", "料金(税込)"],
                 guess_session_mapping(["実施日", "お客様名", "売上", "区分", "テーマ", "料金(税込)"])) == {
        "実施日": "date", "お客様名": "client_name", "売上": "fee", "区分": "kind", "テーマ": "topic"}


def test_guessed_fields_are_known_fields():
    for header in (GOOGLE_HEADER, GOOGLE_OLD_HEADER, OUTLOOK_HEADER):
        assert set(guess_client_mapping(header.split(",")).values()) <= set(CLIENT_FIELDS)
        assert set(guess_session_mapping(header.split(",")).values()) <= set(SESSION_FIELDS)


def test_mapping_signature_is_stable_and_ignores_cosmetics():
    a = mapping_signature(["氏名", "メールアドレス", "電話番号"])
    assert a == mapping_signature(["氏名 ", "メールアドレス", "電話番号", ""])
    assert a == mapping_signature(["氏名", "ﾒｰﾙｱﾄﾞﾚｽ", "電話_番号"])
    assert a != mapping_signature(["メールアドレス", "氏名", "電話番号"])
    assert len(a) == 16 and a == "%s" % mapping_signature(["氏名", "メールアドレス", "電話番号"])


def test_column_letter():
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


# --- client records ---------------------------------------------------------------------------
def test_cp932_file_to_records():
    headers = ["氏名", "フリガナ", "メールアドレス", "電話番号", "郵便番号", "住所", "生年月日", "タグ", "備考"]
    table = table_from_csv([headers, [
        "髙橋　一郎", "ﾀｶﾊｼ ｲﾁﾛｳ", "Ichiro@Example.JP ", "０３－１２３４－５６７８", "１５０００１２", "東京都渋谷区神宮前１－２－３",
        "昭和55年4月1日", "経営者、①期生", "①初回",
    ]], encoding="cp932")
    [rec] = client_records(table, guess_client_mapping(table.headers))
    assert rec.row == 2 and rec.problems == []
    assert (rec.name, rec.name_kana, rec.email, rec.phone, rec.postal_code) == (
        "髙橋 一郎", "タカハシ イチロウ", "ichiro@example.jp", "03-1234-5678", "150-0012")
    assert rec.address1 == "東京都渋谷区神宮前1-2-3"  # full-width digits and dashes normalised
    assert rec.birthday == dt.date(1980, 4, 1)
    assert rec.tags == ["経営者", "①期生"] and rec.notes == "①初回"


def test_family_and_given_names_are_joined_in_the_right_order():
    headers = ["姓", "名", "セイ", "メイ"]
    table = table_from_csv([headers, ["山田", "太郎", "ヤマダ", "タロウ"], ["Carter", "Emily", "", ""]])
    a, b = client_records(table, guess_client_mapping(headers))
    assert (a.name, a.name_kana) == ("山田 太郎", "ヤマダ タロウ")
    assert (b.name, b.name_kana) == ("Emily Carter", "")


def test_google_contacts_rows():
    headers = GOOGLE_HEADER.split(",")
    row = dict.fromkeys(headers, "")
    row.update({
        "First Name": "花子", "Last Name": "佐藤", "Phonetic First Name": "ハナコ", "Phonetic Last Name": "サトウ",
        "Organization Name": "株式会社みらい", "Organization Title": "代表取締役", "Birthday": "1985-07-20",
        "Labels": "* myContacts ::: 経営者 ::: * starred", "E-mail 1 - Value": "", "E-mail 2 - Value": "hanako@example.jp",
        "Phone 1 - Value": "090-1111-2222", "Address 1 - Formatted": "神宮前1-2-3\n渋谷区, 東京都 150-0001\nJP",
        "Address 1 - Street": "神宮前1-2-3", "Address 1 - City": "渋谷区", "Address 1 - Region": "東京都",
        "Address 1 - Postal Code": "150-0001", "Address 1 - Country": "JP", "Address 1 - Extended Address": "みらいビル5F",
    })
    western = dict.fromkeys(headers, "")
    western.update({"First Name": "Emily", "Last Name": "Carter", "Birthday": "--03-15",
                    "E-mail 1 - Value": "emily@example.com", "Address 1 - Street": "1 Main St",
                    "Address 1 - City": "Springfield", "Address 1 - Region": "IL", "Address 1 - Postal Code": "62701"})
    a, b = client_records(table_from_dicts([row, western], headers), guess_client_mapping(headers))
    assert (a.name, a.name_kana, a.company, a.title) == ("佐藤 花子", "サトウ ハナコ", "株式会社みらい", "代表取締役")
    assert (a.email, a.phone, a.birthday, a.tags) == ("hanako@example.jp", "090-1111-2222", dt.date(1985, 7, 20), ["経営者"])
    assert (a.postal_code, a.address1, a.address2) == ("150-0001", "東京都 渋谷区 神宮前1-2-3", "みらいビル5F")
    assert a.problems == []
    assert (b.name, b.address1, b.birthday) == ("Emily Carter", "1 Main St Springfield IL", None)
    # a US zip code without a country is kept as written, with a warning; so is a birthday without a year
    assert b.postal_code == "62701" and not b.has_errors
    assert [(p.column, p.severity) for p in b.problems] == [("Birthday", "warning"), ("Address 1 - Postal Code", "warning")]


def test_outlook_rows_take_the_first_address_with_content():
    headers = OUTLOOK_HEADER.split(",")
    row = dict.fromkeys(headers, "")
    row.update({"Title": "Ms.", "First Name": "Ann", "Last Name": "Lee", "Job Title": "CEO", "Company": "Lee Inc.",
                "Home Street": "2-3-4 Jingumae", "Home City": "Shibuya-ku", "Home State": "Tokyo",
                "Home Postal Code": "1500001", "Mobile Phone": "080-1234-5678", "Birthday": "0/0/00",
                "E-mail Address": "ann@example.com", "Categories": "VIP;Newsletter", "Assistant's Phone": "03-0000-0000"})
    [rec] = client_records(table_from_dicts([row], headers), guess_client_mapping(headers))
    assert (rec.name, rec.honorific, rec.title, rec.company) == ("Ann Lee", "Ms.", "CEO", "Lee Inc.")
    assert (rec.postal_code, rec.address1, rec.phone) == ("150-0001", "2-3-4 Jingumae Shibuya-ku Tokyo", "080-1234-5678")
    assert rec.birthday is None and rec.tags == ["VIP", "Newsletter"] and rec.problems == []


def test_broken_rows_report_spreadsheet_row_and_header_text():
    text = (
        "氏名,メールアドレス,郵便番号,生年月日\r\n"
        "山田 太郎,taro@example.jp,150-0001,1980/4/1\r\n"           # row 2: fine
        "\r\n"                                                      # row 3: empty
        '"佐藤\r\n花子",hanako@example,150-0001,1985/2/30\r\n'      # row 4: bad e-mail, impossible date
        "鈴木 一郎,ichiro@example.jp,12-345,平成32年1月1日\r\n"       # row 5: bad postal code, bad era date
        "田中 実,minoru@example.jp,150-0001,1990/1/1,東京都,渋谷区\r\n"  # row 6: two cells too many
        ",nobody@example.jp,,\r\n"                                  # row 7: no name
    )
    table = read_table_bytes(text.encode("cp932"), "clients.csv")
    records = client_records(table, guess_client_mapping(table.headers))
    problems = [(p.row, p.column) for r in records for p in r.problems]
    assert problems == [
        (4, "生年月日"), (4, "メールアドレス"),
        (5, "生年月日"), (5, "郵便番号"),
        (6, "E"),
        (7, "氏名"),
    ]
    assert [r.row for r in records] == [2, 4, 5, 6, 7]
    # field problems are warnings (the value is left out, the row imported); only the shifted row is an error
    assert [r.has_errors for r in records] == [False, False, False, True, False]
    assert [p.severity for r in records for p in r.problems] == ["warning"] * 4 + ["error", "warning"]
    assert (records[1].email, records[2].postal_code, records[4].name) == ("", "", "nobody@example.jp")
    reasons = {(p.row, p.column): p.reason for r in records for p in r.problems}
    assert "1985/2/30" in reasons[(4, "生年月日")] and "hanako@example" in reasons[(4, "メールアドレス")]
    assert "12-345" in reasons[(5, "郵便番号")] and "6" in reasons[(6, "E")] and "4" in reasons[(6, "E")]
    assert records[1].name == "佐藤 花子"  # the line break inside the quoted cell became a space


def test_problem_reasons_in_japanese():
    set_language("ja")
    table = table_from_csv([["氏名", "誕生日"], ["山田 太郎", "2023/13/1"]])
    [rec] = client_records(table, guess_client_mapping(table.headers))
    assert rec.problems[0].column == "誕生日" and "日付が正しくありません" in rec.problems[0].reason


def test_dates_spreadsheets_write():
    table = table_from_csv([["氏名", "誕生日"], ["a", "32947"], ["b", "15/3/1990"], ["c", "3/15/1990"], ["d", "3/4/1990"],
                            ["e", "R5.4.1"], ["f", "1990-03-15 00:00:00"]])
    records = client_records(table, guess_client_mapping(table.headers))
    assert [r.birthday for r in records] == [dt.date(1990, 3, 15), dt.date(1990, 3, 15), dt.date(1990, 3, 15), None,
                                             dt.date(2023, 4, 1), dt.date(1990, 3, 15)]
    assert [(p.row, p.column) for p in records[3].problems] == [(5, "誕生日")]


def test_xlsx_records_with_a_date_cell():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["お名前", "メール", "郵便番号", "誕生日", "グループ"])
    ws.append(["髙橋 一郎", "ichiro@example.jp", 600001, dt.datetime(1975, 5, 5), "経営者/ニュースレター"])
    buf = io.BytesIO()
    wb.save(buf)
    table = read_table_bytes(buf.getvalue(), "clients.xlsx")
    [rec] = client_records(table, guess_client_mapping(table.headers))
    assert (rec.birthday, rec.postal_code, rec.tags) == (dt.date(1975, 5, 5), "060-0001", ["経営者", "ニュースレター"])
    assert [(p.column, p.severity) for p in rec.problems] == [("郵便番号", "warning")]


def test_user_mapping_of_unknown_columns():
    table = table_from_csv([["お客さんの呼び名", "連絡用アドレス", "住所A", "住所B"],
                            ["山田 太郎", "taro@example.jp", "東京都渋谷区", "神宮前1-2-3"]])
    mapping = {0: "name", 1: "email", 2: "address1", 3: "address1"}
    [rec] = client_records(table, mapping)
    assert (rec.name, rec.email, rec.address1) == ("山田 太郎", "taro@example.jp", "東京都渋谷区 神宮前1-2-3")


def test_mapping_to_columns_beyond_the_row_is_harmless():
    table = Table(["氏名"], [(2, ["山田 太郎"])], "utf-8", "csv")
    [rec] = client_records(table, {0: "name", 5: "email", 7: "phone", 9: "unknown"})
    assert rec.name == "山田 太郎" and rec.problems == []


# --- session records --------------------------------------------------------------------------
def test_session_records():
    headers = ["日付", "メールアドレス", "顧客名", "金額", "種類", "内容", "時間", "備考"]
    table = table_from_csv([
        headers,
        ["令和5年4月1日", "Taro@Example.jp", "山田 太郎", "￥30,000", "個別相談", "事業計画", "60分", ""],
        ["2023/4/8", "", "佐藤　花子", "３万円", "", "", "1:30", "初回"],
        ["R5.4.31", "", "", "-500", "", "", "abc", ""],
    ], encoding="cp932")
    a, b, c = session_records(table, guess_session_mapping(headers))
    assert (a.row, a.date, a.client_email, a.client_name, a.fee, a.kind, a.topic, a.duration_minutes) == (
        2, dt.date(2023, 4, 1), "taro@example.jp", "山田 太郎", 30000, "個別相談", "事業計画", 60)
    assert (b.date, b.client_name, b.fee, b.duration_minutes, b.notes) == (dt.date(2023, 4, 8), "佐藤 花子", 30000, 90, "初回")
    assert a.problems == [] and b.problems == []
    assert [(p.row, p.column) for p in c.problems] == [(4, "日付"), (4, "金額"), (4, "時間"), (4, "顧客名")]


def test_session_without_date_column_reports_the_missing_date():
    table = table_from_csv([["Client", "Fee"], ["Ann", "30,000"]])
    [rec] = session_records(table, guess_session_mapping(table.headers))
    assert [(p.row, p.column) for p in rec.problems] == [(2, "date")]


# --- properties -------------------------------------------------------------------------------
_FIELD = st.sampled_from(CLIENT_FIELDS)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.dictionaries(st.integers(0, 8), _FIELD, max_size=8))
def test_random_files_and_mappings_raise_only_table_read_error(data, mapping):
    try:
        table = read_table_bytes(data, "x.csv")
    except TableReadError:
        return
    for rec in client_records(table, mapping):
        assert rec.row >= 2 and all(p.row == rec.row for p in rec.problems)
    session_records(table, {i: f for i, f in mapping.items() if f in SESSION_FIELDS} | {0: "date", 1: "fee"})


_CELL = st.text(max_size=12) | st.sampled_from(["令和5年4月1日", "R5.13.1", "¥30,000", "〒150-0001", "a@b", "--03-15",
                                              "* myContacts ::: x", "0/0/00", "3/4/1990", "99999"])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELL, max_size=10), min_size=1, max_size=5),
       st.dictionaries(st.integers(0, 10), _FIELD, max_size=10),
       st.dictionaries(st.integers(0, 10), st.sampled_from(SESSION_FIELDS), max_size=10))
def test_random_cells_never_raise(rows, client_mapping, session_mapping):
    headers = GOOGLE_HEADER.split(",")[:10]
    table = Table(headers, [(n, r) for n, r in enumerate(rows, start=2)], "utf-8", "csv")
    for rec in client_records(table, client_mapping):
        assert isinstance(rec.name, str) and all(isinstance(t, str) for t in rec.tags)
    for rec in session_records(table, session_mapping):
        assert isinstance(rec.fee, int) and rec.fee >= 0
