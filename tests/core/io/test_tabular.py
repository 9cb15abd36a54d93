"""Reading CSV / TSV / xlsx files as they come from Excel, Google and Outlook."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.io.csv_cells import unprotect
from loyaldesk.core.io.tabular import Table, TableReadError, cell_text, read_table, read_table_bytes, sniff_delimiter


def csv_bytes(rows, encoding="utf-8", delimiter=",", lineterminator="\r\n"):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator).writerows(rows)
    return buf.getvalue().encode(encoding)


def xlsx_bytes(rows, sheet_title="顧客"):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_title
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_cp932_csv_keeps_vendor_characters(tmp_path):
    path = tmp_path / "顧客.csv"
    with open(path, "w", encoding="cp932", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["氏名", "フリガナ", "備考"])
        w.writerow(["髙橋　一郎", "ﾀｶﾊｼ ｲﾁﾛｳ", "①初回面談済み ㈱みらい"])
        w.writerow(["山﨑 花子", "ヤマザキ ハナコ", "～Ⅱ期生～"])
    table = read_table(path)
    assert isinstance(table, Table)
    assert (table.encoding, table.format, table.headers) == ("cp932", "csv", ["氏名", "フリガナ", "備考"])
    assert table.rows == [
        (2, ["髙橋　一郎", "ﾀｶﾊｼ ｲﾁﾛｳ", "①初回面談済み ㈱みらい"]),
        (3, ["山﨑 花子", "ヤマザキ ハナコ", "～Ⅱ期生～"]),
    ]


def test_utf8_with_bom():
    data = "\ufeff氏名,メールアドレス\r\n山田 太郎,taro@example.jp\r\n".encode("utf-8")
    table = read_table_bytes(data, "clients.csv")
    assert table.encoding == "utf-8-sig"
    assert table.headers == ["氏名", "メールアドレス"]  # no BOM left on the first header
    assert table.rows == [(2, ["山田 太郎", "taro@example.jp"])]


def test_plain_utf8():
    table = read_table_bytes("name,email\nAnn Lee,ann@example.com\n".encode(), "c.csv")
    assert (table.encoding, table.format, table.delimiter) == ("utf-8", "csv", ",")


def test_utf16_unicode_text_from_excel():
    data = "氏名\tメール\r\n山田 太郎\ttaro@example.jp\r\n".encode("utf-16")
    table = read_table_bytes(data, "clients.txt")
    assert (table.encoding, table.format) == ("utf-16", "tsv")
    assert table.rows == [(2, ["山田 太郎", "taro@example.jp"])]


def test_tsv_detected_by_content_even_with_a_csv_name():
    data = csv_bytes([["氏名", "住所", "金額"], ["山田 太郎", "東京都渋谷区1-2-3, 5F", "30,000"]], delimiter="\t")
    for name in ("clients.tsv", "clients.csv", "clients.txt"):
        table = read_table_bytes(data, name)
        assert (table.format, table.delimiter) == ("tsv", "\t")
        assert table.rows == [(2, ["山田 太郎", "東京都渋谷区1-2-3, 5F", "30,000"])]


def test_semicolon_csv():
    table = read_table_bytes(b"name;email;fee\nAnn;ann@example.com;1,5\n", "export.csv")
    assert (table.format, table.delimiter) == ("csv", ";")
    assert table.rows == [(2, ["Ann", "ann@example.com", "1,5"])]


def test_sniff_delimiter_prefers_consistent_columns():
    assert sniff_delimiter('a,b,c\n1,"x;y",3\n') == ","
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter("only\none\n", ".tsv") == "\t"


def test_row_numbers_as_the_spreadsheet_shows_them():
    text = (
        "氏名,備考\r\n"
        "山田 太郎,一行\r\n"              # row 2
        ",\r\n"                           # row 3: empty cells only -> skipped
        "\r\n"                            # row 4: empty line -> skipped
        '佐藤 花子,"一行目\r\n二行目"\r\n'  # row 5: one row though two lines
        "鈴木 一郎,後\r\n"                # row 6
    )
    table = read_table_bytes(text.encode(), "x.csv")
    assert [r for r, _ in table.rows] == [2, 5, 6]
    assert table.rows[1][1] == ["佐藤 花子", "一行目\r\n二行目"]


def test_blank_lines_above_the_header():
    table = read_table_bytes(b"\r\n\r\nname,email\r\nAnn,ann@example.com\r\n", "x.csv")
    assert (table.header_row, table.headers, table.rows) == (3, ["name", "email"], [(4, ["Ann", "ann@example.com"])])


def test_short_rows_are_padded_and_long_rows_keep_their_extra_cells():
    table = read_table_bytes(b"a,b,c\n1\n1,2,3,4\n", "x.csv")
    assert table.rows == [(2, ["1", "", ""]), (3, ["1", "2", "3", "4"])]


def test_xlsx_with_date_and_numbers(tmp_path):
    data = xlsx_bytes([
        ["氏名", "生年月日", "郵便番号", "金額", "比率", "時刻", None],
        ["髙橋 一郎", dt.datetime(1990, 3, 15), 1500001, 30000.0, 0.1 + 0.2, dt.time(1, 30), None],
        [None, None, None, None, None, None, None],
        ["山田 太郎", dt.date(1985, 1, 2), "060-0001", None, True, None, None],
    ])
    path = tmp_path / "clients.xlsx"
    path.write_bytes(data)
    table = read_table(path)
    assert (table.format, table.encoding, table.sheet) == ("xlsx", "", "顧客")
    assert table.headers == ["氏名", "生年月日", "郵便番号", "金額", "比率", "時刻"]
    assert table.rows == [
        (2, ["髙橋 一郎", "1990-03-15", "1500001", "30000", "0.3", "01:30"]),
        (4, ["山田 太郎", "1985-01-02", "060-0001", "", "TRUE", ""]),
    ]


def test_xlsx_detected_by_content_whatever_the_name():
    data = xlsx_bytes([["name"], ["Ann"]])
    assert read_table_bytes(data, "download").format == "xlsx"


def test_xlsx_reads_only_the_first_sheet():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["name"])
    wb.active.append(["first"])
    other = wb.create_sheet("other")
    other.append(["name"])
    other.append(["second"])
    buf = io.BytesIO()
    wb.save(buf)
    table = read_table_bytes(buf.getvalue(), "x.xlsx")
    assert table.rows == [(2, ["first"])] and table.sheets == ["Sheet", "other"]


@pytest.mark.parametrize("cell, text", [
    (None, ""), ("x", "x"), (123, "123"), (123.0, "123"), (1.5, "1.5"), (dt.datetime(2023, 4, 1, 9, 0), "2023-04-01"),
    (dt.date(2023, 4, 1), "2023-04-01"), (dt.timedelta(minutes=90), "1:30"), (False, "FALSE"),
])
def test_cell_text(cell, text):
    assert cell_text(cell) == text


@pytest.mark.parametrize("data, name, key", [
    (b"", "x.csv", "import.table_empty"),
    (b"\r\n , \r\n", "x.csv", "import.table_empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.xls", "import.table_xls"),
    (b"PK\x03\x04garbage", "broken.xlsx", "import.table_xlsx"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv", "import.table_binary"),
    (b"\x81\x20\xff\xfe\x80", "x.csv", "import.table_encoding"),
])
def test_unreadable_files_raise_table_read_error(data, name, key):
    with pytest.raises(TableReadError) as info:
        read_table_bytes(data, name)
    assert info.value.key == key
    assert isinstance(info.value, LoyalDeskError) and name in info.value.message


def test_a_zip_that_is_not_a_workbook():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(TableReadError) as info:
        read_table_bytes(buf.getvalue(), "archive.xlsx")
    assert info.value.key == "import.table_xlsx"


def test_missing_file(tmp_path):
    with pytest.raises(TableReadError) as info:
        read_table(tmp_path / "nope.csv")
    assert info.value.key == "import.table_not_found"


def test_messages_in_japanese():
    from loyaldesk.core.i18n import set_language

    set_language("ja")
    with pytest.raises(TableReadError) as info:
        read_table_bytes(b"\x81\x20\xff\xfe\x80", "x.csv")
    assert "文字コード" in info.value.message


@pytest.mark.timeout(120)  # a guard against a quadratic reader; speed itself is measured in benchmarks/
def test_100000_rows_are_read_whole():
    header = ["氏名", "フリガナ", "会社名", "メールアドレス", "電話番号", "郵便番号", "住所", "生年月日", "タグ", "備考"]
    rows = [header] + [
        [f"山田　太郎{i}", "ヤマダ タロウ", "株式会社さくら", f"t{i}@example.jp", "090-1234-5678", "150-0001",
         "東京都渋谷区神宮前1-2-3", "1990/3/15", "経営者、ニュースレター", ""]
        for i in range(100_000)
    ]
    data = csv_bytes(rows, encoding="cp932")
    table = read_table_bytes(data, "big.csv")
    assert len(table.rows) == 100_000 and table.rows[-1][0] == 100_001
    assert table.rows[-1][1][0] == "山田　太郎99999"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["x.csv", "x.tsv", "x.txt", "x.xlsx", "x"]))
def test_random_bytes_raise_only_table_read_error(data, name):
    try:
        table = read_table_bytes(data, name)
    except TableReadError:
        return
    assert all(isinstance(c, str) for _, cells in table.rows for c in cells)
    assert all(r > table.header_row for r, _ in table.rows)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_after_a_zip_signature(data):
    try:
        read_table_bytes(b"PK\x03\x04" + data, "x.xlsx")
    except TableReadError:
        pass


_CELL = st.text(alphabet=st.one_of(st.characters(blacklist_characters=";\ufeff", blacklist_categories=("Cs", "Cc")),
                                   st.sampled_from('\r\n",')), max_size=8)


@settings(max_examples=200)
@given(st.integers(min_value=2, max_value=5).flatmap(lambda width: st.tuples(
    st.lists(_CELL.map(str.strip).filter(bool), min_size=width, max_size=width),
    st.lists(st.lists(_CELL, min_size=width, max_size=width), max_size=6))),
    st.sampled_from(["utf-8", "utf-8-sig", "cp932"]))
@example((["a", "b"], [["'@", "''="], ["'x", "@"]]), "utf-8")
def test_csv_round_trip(header_and_rows, encoding):
    header, rows = header_and_rows
    try:
        data = csv_bytes([header] + rows, encoding=encoding)
    except UnicodeEncodeError:
        return
    table = read_table_bytes(data, "x.csv")
    assert table.headers == header and table.delimiter == ","
    # a cell another program wrote as '= (or '@, '+...) is read as the formula-safe prefix of
    # core/io/csv_cells.py and loses that one quote, exactly as LoyalDesk's own exports expect
    expected = [(n, [unprotect(c) for c in r]) for n, r in enumerate(rows, start=2) if "".join(r).strip()]
    assert table.rows == expected
