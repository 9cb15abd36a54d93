"""Workbooks and spreadsheets as people keep them: several sheets, a title and notes above the header,
merged title cells, dates stored as serial numbers; and the column mapping given on the command line."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import set_language
from loyaldesk.core.io import files
from loyaldesk.core.io.mapping import client_records, guess_client_mapping, guess_session_mapping, session_records
from loyaldesk.core.io.tabular import TableReadError, read_table, read_table_bytes

HEADER = ["No.", "氏名", "フリガナ", "郵便番号", "住所", "電話番号", "誕生日", "備考"]


def address_book(path):
    """住所録.xlsx: a cover sheet, then one sheet per kana row, each with a merged title and a note above the header."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "表紙"
    cover["B2"] = "住所録（2025年版）"
    for title, people in (("あ行", [("1", "安藤 ロイド", "ｱﾝﾄﾞｳ ﾛｲﾄﾞ", "4600008", "愛知県名古屋市中区栄３－１－１",
                                      "052-111-2222", 30000, "")]),
                          ("か行", [("1", "加藤 花子", "かとう はなこ", "150-0001", "東京都渋谷区神宮前1-2-3", "03-1111-2222",
                                      dt.datetime(1985, 7, 20), "年賀状"),
                                     ("2", "木村 一郎", "キムラ イチロウ", "0600001", "北海道札幌市中央区北一条西2", "", "45912",
                                      "")])):
        ws = wb.create_sheet(title)
        ws["A1"] = f"顧客住所録 {title}"
        ws.merge_cells("A1:H1")
        ws["A2"] = "※個人情報のため取扱注意"
        ws.append([])
        ws.append(HEADER)
        for person in people:
            ws.append(list(person))
    wb.create_sheet("メモ")
    wb.save(path)
    return path


def test_workbook_first_sheet_with_data_header_found_under_the_title(tmp_path):
    table = read_table(address_book(tmp_path / "住所録.xlsx"))
    assert table.sheet == "あ行" and table.sheets == ["表紙", "あ行", "か行", "メモ"]
    assert table.sheet_rows == {"表紙": 0, "あ行": 1, "か行": 2, "メモ": 0}
    assert table.header_row == 4 and table.headers == HEADER
    [rec] = client_records(table, guess_client_mapping(table.headers))
    assert (rec.row, rec.name, rec.name_kana, rec.postal_code) == (5, "安藤 ロイド", "アンドウ ロイド", "460-0008")
    assert rec.address1 == "愛知県名古屋市中区栄3-1-1"
    assert rec.birthday == dt.date(1982, 2, 18)  # the serial number 30000


def test_workbook_sheet_by_name_or_number_and_serial_dates(tmp_path):
    path = address_book(tmp_path / "住所録.xlsx")
    by_name = read_table(path, sheet="か行")
    by_number = read_table(path, sheet="3")
    assert by_name.rows == by_number.rows and by_name.sheet == "か行"
    a, b = client_records(by_name, guess_client_mapping(by_name.headers))
    assert (a.birthday, a.notes) == (dt.date(1985, 7, 20), "年賀状")
    assert (b.birthday, b.postal_code) == (dt.date(2025, 9, 12), "060-0001")  # "45912" typed as text
    with pytest.raises(TableReadError) as err:
        read_table(path, sheet="さ行")
    assert "さ行" in err.value.message and "か行" in err.value.message


def test_header_row_can_be_given(tmp_path):
    path = address_book(tmp_path / "住所録.xlsx")
    table = read_table(path, sheet="か行", header_row=4)
    assert table.headers == HEADER and [r for r, _ in table.rows] == [5, 6]
    table = read_table(path, sheet="か行", header_row=1)  # the title row, as asked
    assert table.headers == ["顧客住所録 か行"] and len(table.rows) == 4
    with pytest.raises(TableReadError):
        read_table(path, sheet="か行", header_row=40)


def test_name_card_export_with_notes_above_the_header():
    text = (
        "# 名刺データ エクスポート\r\n"
        "# 作成日 2025/09/12 件数 1\r\n"
        "\r\n"
        "会社名,部署名,役職,氏名,e-mail,郵便番号,住所,TEL会社,Fax,携帯電話,URL,名刺交換日\r\n"
        "株式会社みらい,営業部,部長,山田 太郎,taro@mirai.example.jp,〒150-0001,東京都渋谷区神宮前1-2-3,"
        "03-1111-2222,03-1111-2223,090-1234-5678,https://mirai.example.jp,2025/09/01\r\n"
    )
    table = read_table_bytes(text.encode("cp932"), "meishi.csv")
    assert table.header_row == 4 and table.headers[0] == "会社名"
    [rec] = client_records(table, guess_client_mapping(table.headers))
    assert not rec.problems
    assert (rec.name, rec.company, rec.title, rec.postal_code) == ("山田 太郎", "株式会社みらい", "部長", "150-0001")
    assert rec.phone == "03-1111-2222" and [(p.label, p.value) for p in rec.more_phones] == [
        ("fax", "03-1111-2223"), ("mobile", "090-1234-5678")]
    # the department, the web page and the day the cards were exchanged have no field: kept in the notes
    assert rec.notes == "部署名: 営業部\nURL: https://mirai.example.jp\n名刺交換日: 2025/09/01"


def test_unreadable_workbook_says_why_and_what_to_try():
    set_language("en")
    with pytest.raises(TableReadError) as err:
        read_table_bytes(b"PK\x03\x04" + b"\x00" * 200, "broken.xlsx")
    message = err.value.message
    assert "broken.xlsx" in message and "damaged" in message and "save it again as .xlsx" in message
    assert "(ValueError)" not in message


def test_long_or_sentence_like_headers_are_never_mapped_silently():
    headers = ["氏名", "メインの印刷物", "当社の会社案内をどこでご覧になりましたか？", "メール"]
    doubts: dict[int, str] = {}
    mapping = guess_client_mapping(headers, doubts)
    assert mapping == {0: "name", 3: "email"}
    assert doubts == {2: "company"}


def test_japanese_and_english_session_headers():
    mapping = guess_session_mapping(["取引先名", "開始日", "金額"])
    assert mapping == {0: "client_name", 1: "date", 2: "fee"}
    assert guess_session_mapping(["活動日", "顧客名"]) == {0: "date", 1: "client_name"}
    assert guess_session_mapping(["Name", "Created at", "Paid at", "Total"])[1] == "date"
    assert guess_client_mapping(["取引先名", "担当者名", "メールアドレス"])[0] == "company"


def test_map_option_and_missing_required_column(tmp_path, db):
    path = tmp_path / "crm.csv"
    path.write_bytes("顧客コード,契約者,ご住所\r\nC001,山田 太郎,東京都渋谷区神宮前1-2-3\r\n".encode("cp932"))
    loaded = files.load_table(db, path, "clients")
    with pytest.raises(LoyalDeskError) as err:
        files.check_required(loaded, "clients")
    assert "顧客コード" in err.value.message and "ご住所" in err.value.message
    loaded = files.load_table(db, path, "clients", map_option="契約者=name,ご住所=-")
    files.check_required(loaded, "clients")
    [rec] = files.client_records(loaded)
    assert (rec.name, rec.address1) == ("山田 太郎", "")
    with pytest.raises(LoyalDeskError):
        files.load_table(db, path, "clients", map_option="氏名=name")
    with pytest.raises(LoyalDeskError):
        files.load_table(db, path, "clients", map_option="顧客コード=customer_code")


def test_named_mapping_is_used_for_other_headers(tmp_path, db):
    files.save_named_mapping(db, "CRM", ["取引先", "担当", "メールアドレス(会社)"], {0: "company", 1: "name", 2: "email"},
                             "clients")
    path = tmp_path / "crm2.csv"
    path.write_text("担当,取引先,備考\r\n山田 太郎,株式会社みらい,初回\r\n", encoding="utf-8")
    loaded = files.load_table(db, path, "clients", mapping_name="CRM")
    assert loaded.mapping == {0: "name", 1: "company"}
    assert files.saved_mapping_names(db, "clients") == ["CRM"]
    with pytest.raises(LoyalDeskError) as err:
        files.load_table(db, path, "clients", mapping_name="other")
    assert "CRM" in err.value.message


def test_session_serial_dates(tmp_path):
    buf = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active.append(["日付", "顧客名", "金額"])
    wb.active.append([45912, "山田 太郎", 30000])
    wb.active.append(["45913.5", "山田 太郎", "30,000"])
    wb.save(buf)
    table = read_table_bytes(buf.getvalue(), "sales.xlsx")
    a, b = session_records(table, guess_session_mapping(table.headers))
    assert (a.date, b.date) == (dt.date(2025, 9, 12), dt.date(2025, 9, 13))


def test_a_file_is_read_without_a_database(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("氏名,メール\r\n山田 太郎,taro@example.jp\r\n", encoding="utf-8")
    loaded = files.load_table(None, path, "clients")
    assert [r.name for r in files.client_records(loaded)] == ["山田 太郎"]
