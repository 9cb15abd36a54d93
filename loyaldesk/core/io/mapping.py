"""Which column holds which field: guessed from the headers, then used to turn table rows into records.

Headers are compared after normalize_header (NFKC, lower-case, no spaces, underscores,
hyphens, brackets or "必須" marks), first exactly against the alias tables below (Japanese,
English, Google Contacts and Outlook exports), then by a few unambiguous fragments
("メールアドレス(PC)" is an e-mail column). Whatever is left is mapped by the user; the
mapping is remembered under mapping_signature(headers).

A mapping is {column index: field} with fields from CLIENT_FIELDS / SESSION_FIELDS. Several
columns may share a field where that makes sense:
  address1 / address2 / postal_code: the parts are joined with a space. Exports with several
    addresses (Outlook business / home / other, Google address 1 / 2) are kept apart: each
    row takes the first address that has anything in it; prefecture, city and street are put
    in Japanese order when the address is Japanese.
  phone, email: the first non-empty column (mobile, business, home ...).
  tags: the tags of all columns; notes: the columns joined by line breaks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from loyaldesk.core import dates, money
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.io import limits
from loyaldesk.core.io import normalize as norm
from loyaldesk.core.io.records import (
    CLIENT_FIELDS,
    SESSION_FIELDS,
    ClientRecord,
    Labeled,
    PostalAddress,
    RowProblem,
    SessionRecord,
)

CATALOG.update({
    "import.extra_cells": {
        "en": "this row has {count} cells but the header has {expected}: a value containing the delimiter "
        "(a comma) may be missing its quotes, so the values may be in the wrong columns",
        "ja": "この行のセルは {count}個ありますが、見出しは {expected}列です。区切り文字（カンマ）を含む値が"
        "引用符で囲まれていないため、値の列がずれている可能性があります",
    },
    "import.date_ambiguous": {
        "en": "{value}: the day and the month cannot be told apart; write the date as YYYY-MM-DD",
        "ja": "{value}: 日と月の区別がつきません。YYYY-MM-DD の形式で入力してください",
    },
    "import.payment_not_completed": {
        "en": "not a payment received ({value}): not imported",
        "ja": "入金済みの支払いではありません（{value}）。取り込みません",
    },
    "import.order_line": {
        "en": "another line of the order in row {row}: imported once",
        "ja": "{row}行目の注文の続きの行です（1件として取り込みます）",
    },
    "import.birthday_no_year": {
        "en": "the birthday {value} has no year: it is kept in the notes",
        "ja": "誕生日 {value} には年がないため、メモに残しました",
    },
})

MULTI_CLIENT_FIELDS = frozenset({"address1", "address2", "postal_code", "country", "phone", "email", "tags", "notes"})
MULTI_SESSION_FIELDS = frozenset({"notes", "client_name"})

_DECORATION = re.compile(r"[(\[（【<＜]?\s*(必須|任意|required|optional|半角|全角)\s*[)\]）】>＞]?")
_STRIP = re.compile(r"[\s_\-‐‑‒–—―−・.:*※()\[\]{}【】「」『』<>/'’\"#]+")  # after NFKC; ー is kept


def normalize_header(header: str | None) -> str:
    """'E-mail 1 - Value' -> 'email1value', 'メールアドレス（必須）' -> 'メールアドレス', 'ﾌﾘｶﾞﾅ' -> 'フリガナ'."""
    text = unicodedata.normalize("NFKC", header or "").lower().lstrip("\ufeff")
    text = _DECORATION.sub("", text)
    return _STRIP.sub("", text)


def _table(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for target, names in aliases.items():
        for alias in names:
            table.setdefault(normalize_header(alias), target)
    return table


CLIENT_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "氏名", "名前", "お名前", "氏名(漢字)", "お名前(漢字)", "名前(漢字)", "姓名", "フルネーム", "顧客名",
        "お客様名", "お客さま名", "会員名", "利用者名", "クライアント名", "宛名", "name", "full name",
        "display name", "表示名", "client name", "customer name", "contact name", "client", "customer",
    ),
    "family_name": ("姓", "苗字", "名字", "氏", "姓(漢字)", "last name", "surname", "family name", "last"),
    "given_name": ("名", "下の名前", "名(漢字)", "first name", "given name", "forename", "first"),
    "middle_name": ("middle name", "additional name", "middle", "ミドルネーム"),
    "file_as": ("file as",),
    "name_kana": (
        "フリガナ", "ふりがな", "よみがな", "ヨミガナ", "よみ", "ヨミ", "読み", "読み仮名", "読みがな", "カナ", "かな",
        "カナ氏名", "氏名カナ", "氏名(カナ)", "氏名(フリガナ)", "氏名(ふりがな)", "名前(カナ)", "名前(フリガナ)",
        "お名前(フリガナ)", "お名前(ふりがな)", "お名前(カナ)", "フリガナ氏名", "kana", "furigana", "reading",
        "yomi", "name yomi", "yomi name", "phonetic name", "name kana", "name (kana)", "name reading",
    ),
    "family_kana": (
        "セイ", "せい", "姓カナ", "姓(カナ)", "姓(フリガナ)", "姓(ふりがな)", "フリガナ(姓)", "ふりがな(姓)", "カナ姓",
        "フリガナ姓", "よみがな(姓)", "phonetic last name", "family name yomi", "last name yomi", "surname yomi",
        "last name kana", "family name kana", "last name (kana)",
    ),
    "given_kana": (
        "メイ", "めい", "名カナ", "名(カナ)", "名(フリガナ)", "名(ふりがな)", "フリガナ(名)", "ふりがな(名)", "カナ名",
        "フリガナ名", "よみがな(名)", "phonetic first name", "given name yomi", "first name yomi", "given yomi",
        "first name kana", "given name kana", "first name (kana)",
    ),
    "honorific": ("敬称", "honorific", "name prefix", "prefix", "salutation"),
    "company": (
        "会社名", "会社", "企業名", "社名", "勤務先", "勤務先名", "所属", "所属先", "所属会社", "法人名", "団体名",
        "組織名", "屋号", "取引先名", "取引先", "company", "company name", "organization", "organisation", "organization name",
        "organization 1 - name", "business name", "employer",
    ),
    "title": (
        "役職", "役職名", "肩書", "肩書き", "職位", "職名", "job title", "position", "organization title",
        "organization 1 - title",
    ),
    "email": (
        "メール", "メールアドレス", "Eメール", "Eメールアドレス", "Eメール アドレス", "メアド", "電子メール",
        "PCメール", "携帯メール", "e-mail", "mail", "email address", "e-mail address", "mail address",
        "e-mail 1 - value", "e-mail 2 - value", "e-mail 3 - value", "e-mail 2 address", "e-mail 3 address", "secondary email", "第2メールアドレス", "more_emails",
        "Eメール 2 アドレス", "Eメール 3 アドレス", "primary email", "work email", "home email",
    ),
    "phone": (
        "電話", "電話番号", "TEL", "tel番号", "携帯", "携帯電話", "携帯番号", "携帯電話番号", "自宅電話", "自宅電話番号",
        "会社電話", "会社電話番号", "勤務先電話", "勤務先電話 2", "自宅電話 2", "代表電話", "phone", "telephone",
        "phone number", "mobile", "mobile phone", "cell", "cell phone", "home phone", "business phone",
        "work phone", "primary phone", "business phone 2", "home phone 2", "company main phone",
        "company main telephone", "other phone", "phone 1 - value", "phone 2 - value", "phone 3 - value",
        "fax", "fax番号", "ファクス", "ファックス", "ファックス番号", "ファクス番号", "business fax", "home fax", "other fax",
        "勤務先ファックス", "自宅ファックス", "勤務先 fax", "自宅 fax", "その他の fax", "その他 fax", "携帯電話 2", "radio phone", "car phone", "mobile number", "fax number",
        "fax 番号", "work phone", "携帯電話番号", "勤務先電話番号", "more_phones",
    ),
    "postal_code": (
        "郵便番号", "〒", "郵便", "zip", "zip code", "postal code", "postcode", "post code",
    ),
    "address1": (
        "住所", "住所1", "ご住所", "所在地", "現住所", "address", "address 1", "address line 1", "street",
        "street address", "都道府県", "市区町村", "市町村", "番地", "町名番地", "町域", "prefecture", "city", "state",
    ),
    "address2": (
        "住所2", "建物名", "建物", "ビル名", "マンション名", "建物名・部屋番号", "建物・部屋番号", "アパート・マンション名",
        "address 2", "address line 2", "building",
    ),
    "country": ("国", "国名", "国・地域", "国/地域", "country", "country/region", "country or region"),
    "birth_year": ("birth year", "誕生年"),
    "birth_month": ("birth month", "誕生月"),
    "birthday": ("誕生日", "生年月日", "お誕生日", "birthday", "birth date", "date of birth", "dob", "born"),
    "source": (
        "紹介元", "流入元", "流入経路", "経路", "きっかけ", "知ったきっかけ", "集客経路", "媒体", "source",
        "lead source", "referral source", "referred by", "how did you hear about us",
    ),
    "notes": ("備考", "メモ", "備考欄", "コメント", "特記事項", "その他", "notes", "note", "memo", "comment", "comments",
              "remarks"),
    "tags": (
        "タグ", "グループ", "分類", "カテゴリ", "カテゴリー", "ラベル", "属性", "tag", "tags", "group", "groups", "label",
        "labels", "category", "categories", "group membership", "segment", "segments",
    ),
}

SESSION_ALIASES: dict[str, tuple[str, ...]] = {
    "payment_status": ("status", "financial status", "payment status", "ステータス", "決済ステータス", "入金状況", "状態"),
    "date": (
        "日付", "実施日", "日時", "年月日", "開催日", "予約日", "受講日", "来店日", "セッション日", "面談日", "相談日",
        "取引日", "売上日", "実施日時", "開始日", "活動日", "活動日時", "開始日時", "発生日", "請求日", "決済日", "決済日時", "入金日", "支払日",
        "注文日", "注文日時", "計上日", "date", "session date", "day", "datetime", "date time", "created at",
        "paid at", "created (utc)", "created date (utc)", "transaction date", "order date", "payment date",
    ),
    "client_email": (
        "メール", "メールアドレス", "Eメール", "Eメールアドレス", "顧客メール", "顧客メールアドレス", "email", "e-mail",
        "mail", "email address", "e-mail address", "client email", "customer email", "from email address",
        "buyer email", "customer e-mail",
    ),
    "client_name": (
        "氏名", "名前", "お名前", "顧客名", "お客様名", "お客さま名", "顧客", "クライアント", "クライアント名", "受講者",
        "受講者名", "相談者", "相談者名", "参加者", "会員名", "取引先名", "取引先", "client", "name", "client name",
        "customer", "customer name", "attendee", "billing name", "customer description", "shipping name",
        "請求先名", "お客様氏名",
    ),
    "fee": (
        "金額", "売上", "売上金額", "料金", "報酬", "代金", "価格", "単価", "受講料", "入金額", "税込金額", "金額(税込)",
        "売上(税込)", "amount", "fee", "price", "revenue", "sales", "total", "amount (jpy)", "gross", "gross sales",
        "total collected", "合計金額", "請求金額", "税込合計", "決済金額", "入金金額", "合計", "売上高",
    ),
    "currency": ("通貨", "通貨コード", "currency", "currency code", "converted currency"),
    "kind": (
        "種類", "区分", "種別", "メニュー", "形式", "コース", "プラン", "サービス", "セッション種別", "kind", "type",
        "category", "session type", "service", "menu",
    ),
    "topic": (
        "内容", "テーマ", "議題", "相談内容", "トピック", "件名", "タイトル", "topic", "subject", "theme", "title",
        "summary",
    ),
    "duration_minutes": (
        "時間", "所要時間", "時間(分)", "分", "分数", "長さ", "duration", "minutes", "length", "duration (min)",
        "duration minutes", "duration_minutes", "mins",
    ),
    "notes": ("備考", "メモ", "コメント", "notes", "note", "memo", "comment", "comments", "remarks"),
}

_CLIENT_TABLE = _table(CLIENT_ALIASES)
_SESSION_TABLE = _table(SESSION_ALIASES)

# Headers that look like a field but are not (Google's "E-mail 1 - Type", Outlook's "E-mail Display Name").
_IGNORE = {normalize_header(h) for h in (
    "imaddress", "organization 1 - yomi name", "company yomi", "e-mail display name", "e-mail 2 display name",
    "e-mail 3 display name", "e-mail type", "e-mail 2 type", "e-mail 3 type", "additional name yomi",
    "phonetic middle name", "photo", "initials", "short name", "assistant's phone",
)}
# Columns with no field of their own whose values are kept in the notes, after their header
# ("部署名: 営業部", "Website: https://…"): nothing a contact export holds is lost.
_TO_NOTES = {normalize_header(h) for h in (
    "nickname", "ニックネーム", "name suffix", "suffix", "maiden name", "website 1 - value", "website 2 - value",
    "web page", "personal web page", "web page 1", "web page 2", "web ページ 1", "web ページ 2", "website", "url",
    "ホームページ", "assistant's name", "manager's name", "spouse", "children", "anniversary", "記念日",
    "部署", "部署名", "所属部署", "department", "organization 1 - department", "organization department",
    "organization 1 - job description", "office location", "profession", "hobby", "user 1", "user 2", "user 3",
    "user 4", "custom 1", "custom 2", "custom 3", "custom 4", "カスタム 1", "カスタム 2", "カスタム 3", "カスタム 4",
    "名刺交換日", "web ページ", "配偶者", "子供", "趣味", "上司の名前",
    "秘書の名前", "勤務先の所在地", "職業",
)}
# Fragments that keep a header out of the fragment pass.
_NOT_A_FIELD = (
    "type", "label", "display", "表示名", "種類", "pager", "assistant", "callback", "carphone", "radio",
    "tty", "telex", "isdn", "department", "部署", "website", "webpage", "url", "manager", "spouse", "children",
    "nickname", "ニックネーム", "緊急", "保護者", "紹介者", "担当",
)
_CLIENT_FRAGMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("email", ("mail", "メール", "メアド")),
    ("name_kana", ("フリガナ", "ふりがな", "よみがな", "ヨミガナ", "カナ", "kana", "furigana", "yomi")),
    ("phone", ("phone", "tel", "電話", "携帯")),
    ("postal_code", ("郵便", "zip", "postal", "〒")),
    ("birthday", ("誕生", "生年月日", "birth")),
    ("address2", ("建物", "ビル名", "マンション", "address2", "住所2")),
    ("address1", ("住所", "address", "所在地")),
    ("company", ("会社", "company", "企業", "勤務先")),
    ("title", ("役職", "肩書")),
    ("notes", ("備考", "メモ", "note", "memo", "comment", "コメント")),
    ("tags", ("タグ", "tag", "グループ")),
    ("name", ("氏名", "名前")),
)
_SESSION_FRAGMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("client_email", ("mail", "メール")),
    ("fee", ("金額", "料金", "売上", "amount", "fee", "price")),
    ("date", ("日付", "date", "年月日", "実施日")),
    ("duration_minutes", ("所要時間", "duration")),
    ("client_name", ("氏名", "名前", "顧客", "クライアント", "client", "customer")),
    ("topic", ("内容", "テーマ", "topic", "subject")),
    ("kind", ("種類", "種別", "区分", "kind")),
    ("notes", ("備考", "メモ", "note", "memo", "コメント")),
)

# Address parts: (pattern on the normalized header) -> (group, role). Roles: region, city, street,
# formatted (all address1), street2 / extended (address2), postal, ignore.
_ADDRESS_PATTERNS: tuple[tuple[re.Pattern[str], dict[str, str]], ...] = (
    (re.compile(r"^address(\d+)(formatted|street|city|region|postalcode|extendedaddress|pobox|country|type|label)$"), {
        "formatted": "formatted", "street": "street", "city": "city", "region": "region", "postalcode": "postal",
        "extendedaddress": "extended", "pobox": "extended", "country": "country"}),
    (re.compile(r"^(business|home|other|work)(street|street2|street3|address|address2|city|state|postalcode|zip|"
                r"zipcode|countryregion|country|addresspobox)$"), {
        "addresspobox": "extended",
        "street": "street", "street2": "street2", "street3": "street2", "address": "street", "address2": "street2",
        "city": "city", "state": "region", "postalcode": "postal", "zip": "postal", "zipcode": "postal",
        "countryregion": "country", "country": "country"}),
    # LoyalDesk's own clients.csv / all.xlsx: the other addresses of a client, " ::: " between them
    (re.compile(r"^(more)(postalcodes|addresses1|addresses2|countries|addresslabels)$"), {
        "postalcodes": "postal", "addresses1": "street", "addresses2": "street2", "countries": "country"}),
    (re.compile(r"^(勤務先|自宅|会社|その他)の?(番地|番地2|番地3|市区町村|都道府県|郵便番号|国地域|国|住所|住所2)$"), {
        "番地": "street", "番地2": "street2", "番地3": "street2", "市区町村": "city", "都道府県": "region",
        "郵便番号": "postal", "住所": "street", "住所2": "street2", "国地域": "country", "国": "country"}),
)
_GENERIC_ADDRESS_ROLES = {normalize_header(h): role for h, role in (
    ("都道府県", "region"), ("prefecture", "region"), ("state", "region"), ("region", "region"),
    ("市区町村", "city"), ("市町村", "city"), ("市区郡", "city"), ("city", "city"),
    ("番地", "street"), ("町名番地", "street"), ("町域", "street"), ("street", "street"),
)}
_ROLE_FIELD = {"region": "address1", "city": "address1", "street": "address1", "formatted": "address1",
               "street2": "address2", "extended": "address2", "postal": "postal_code", "country": "country"}
_ROLE_RANK = {"region": 0, "city": 1, "street": 2}


def address_part(header: str) -> tuple[str, str] | None:
    """(group, role) of an address column of Google / Outlook / Japanese exports, else None."""
    key = normalize_header(header)
    for pattern, roles in _ADDRESS_PATTERNS:
        match = pattern.match(key)
        if match:
            return match.group(1), roles.get(match.group(2), "ignore")
    role = _GENERIC_ADDRESS_ROLES.get(key)
    return ("", role) if role else None


def is_known_header(header: str) -> bool:
    """Whether header is a column name LoyalDesk knows (an exact alias of a client or session field,
    an address part, a Google / Outlook type column, or one of the ignored ones)."""
    key = normalize_header(header)
    if not key:
        return False
    return (key in _CLIENT_TABLE or key in _SESSION_TABLE or key in _IGNORE or address_part(header) is not None
            or _LABEL_COLUMN.match(key) is not None or key in _OWN_LABEL_COLUMNS)


def _fragments(rules):
    return tuple((target, tuple(normalize_header(p) for p in parts)) for target, parts in rules)


_CLIENT_FRAGMENTS = _fragments(_CLIENT_FRAGMENTS)
_SESSION_FRAGMENTS = _fragments(_SESSION_FRAGMENTS)
_NOT_A_FIELD = tuple(normalize_header(p) for p in _NOT_A_FIELD)


def _excluded(key: str) -> bool:
    return any(fragment in key for fragment in _NOT_A_FIELD)


_PAYMENT_AMOUNTS = {normalize_header(h) for h in ("amount", "gross", "gross sales", "total collected", "total")}
_PAYMENT_NOT_THE_FEE = {normalize_header(h) for h in (
    "fee", "fees", "net", "net total", "net sales", "amount refunded", "converted amount", "converted amount refunded",
    "to email address", "taxes on fee", "processing fee", "手数料")}
_ID_HEADER = re.compile(r"(?:id|番号|コード|code|number|no)$")
_OWN_EXPORT_SKIP = frozenset({"id", "referredby", "cadencedays", "donotcontact", "archived", "createdat", "updatedat",
                              "roles"})
_SENTENCE = re.compile(r"[?？。!！]|です|ますか|ください|ですか|でしたか")
FRAGMENT_MAX_LENGTH = 12  # a longer header is a sentence or a question, not a field name


def _sure_fragment(key: str) -> bool:
    """A fragment match is taken without asking only for a short header that is no sentence."""
    return len(key) <= FRAGMENT_MAX_LENGTH and _SENTENCE.search(key) is None


def _guess(headers: list[str], table: dict[str, str], fragments, multi: frozenset[str], allowed: Iterable[str],
           *, address: bool, doubts: dict[int, str] | None = None) -> dict[int, str]:
    allowed = set(allowed)
    keys = [normalize_header(h) for h in headers]
    has_job_title = any(k in ("jobtitle", "役職") for k in keys)
    mapping: dict[int, str] = {}
    used: set[str] = set()

    def take(index: int, target: str | None) -> bool:
        if not target or target not in allowed or (target in used and target not in multi):
            return False
        mapping[index] = target
        used.add(target)
        return True

    # LoyalDesk's own clients.csv / all.xlsx: referred_by holds a client number, not a source
    own_export = {"donotcontact", "cadencedays", "referredby"} <= set(keys)
    # A payment service's export (Stripe, PayPal, Square): its "Fee" / "Net" are the service's charge and
    # what is left, not the client's payment; "To Email Address" is the merchant's own address.
    payments = not address and bool(set(keys) & _PAYMENT_AMOUNTS)
    # Exact names first (in column order), then fragments for the columns still unmapped.
    for i, key in enumerate(keys):
        if not key or key in _IGNORE or (own_export and key in _OWN_EXPORT_SKIP):
            continue
        if payments and key in _PAYMENT_NOT_THE_FEE:
            continue
        if address:
            part = address_part(headers[i])
            if part is not None:
                take(i, _ROLE_FIELD.get(part[1]))
                continue
            if key == "title":  # Outlook's "Title" is Mr./Ms. when a "Job Title" column exists
                take(i, "honorific" if has_job_title else "title")
                continue
            if key in _TO_NOTES or _NOTE_VALUE_COLUMN.match(key):
                take(i, "notes")
                continue
        take(i, table.get(key))
    for i, key in enumerate(keys):
        if i in mapping or not key or key in _IGNORE or key in table or _excluded(key):
            continue
        if own_export and key in _OWN_EXPORT_SKIP:
            continue
        if (payments and key in _PAYMENT_NOT_THE_FEE) or (not address and _ID_HEADER.search(key)):
            continue  # an identifier column ("Customer ID", "顧客番号") is never a name, e-mail or amount
        if address and address_part(headers[i]) is not None:
            continue
        if _LABEL_COLUMN.match(key) or key in _OWN_LABEL_COLUMNS:
            continue
        for target, parts in fragments:
            if any(p in key for p in parts):
                if not _sure_fragment(key):
                    # a long, sentence-like header: never mapped silently (the user is asked)
                    if doubts is not None and target in allowed and (target not in used or target in multi):
                        doubts[i] = target
                    break
                if take(i, target):
                    break
                if target not in multi:
                    break
    return dict(sorted(mapping.items()))


def guess_client_mapping(headers: list[str], doubts: dict[int, str] | None = None) -> dict[int, str]:
    """{column index: client field} for the columns recognized from their headers.

    doubts (when given) receives {column index: field} for the columns that look like a field but
    are not sure enough to be mapped without asking (a long or sentence-like header).
    """
    return _guess(list(headers), _CLIENT_TABLE, _CLIENT_FRAGMENTS, MULTI_CLIENT_FIELDS, CLIENT_FIELDS, address=True,
                  doubts=doubts)


def guess_session_mapping(headers: list[str], doubts: dict[int, str] | None = None) -> dict[int, str]:
    """{column index: session field} for the columns recognized from their headers."""
    return _guess(list(headers), _SESSION_TABLE, _SESSION_FRAGMENTS, MULTI_SESSION_FIELDS, SESSION_FIELDS,
                  address=False, doubts=doubts)


def mapping_signature(headers: list[str]) -> str:
    """A stable hash of the normalized headers (trailing empty headers ignored): the key of a remembered mapping."""
    keys = [normalize_header(h) for h in headers]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha1("\x1f".join(keys).encode("utf-8")).hexdigest()[:16]


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA': how a spreadsheet names column index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- records ----------------------------------------------------------------------------------
_MDY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_EMPTY_DATES = {"0/0/00", "0/0/0000", "00/00/00", "00/00/0000", "0000-00-00", "0000/00/00", "--", "-"}
_NO_YEAR = re.compile(r"^--\d{1,2}-\d{1,2}$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL = re.compile(r"^([1-9]\d{4})(?:\.\d+)?$")  # 10000..99999: 1927-05-18 .. 2173-10-14


def sheet_date(value: str, row: int, label: str, problems: list[RowProblem], field: str,
               severity: str = "error") -> dt.date | None:
    """A date cell -> date, or None with a RowProblem appended.

    Besides what dates.parse_date reads: Outlook's empty date 0/0/00; Google's birthday without
    a year (--03-15, a warning); an Excel serial number (32947); D/M/YYYY or M/D/YYYY when the
    day is over 12 (otherwise the date is ambiguous and reported).
    """
    text = norm.trim(value)
    if not text or text in _EMPTY_DATES:
        return None
    try:
        return dates.parse_date(text, field=field)
    except ValidationError as exc:
        error = exc
    plain = unicodedata.normalize("NFKC", text)
    if _NO_YEAR.match(plain):
        problems.append(RowProblem(row, label, t("import.birthday_no_year", value=text), "warning"))
        return None
    serial = _SERIAL.match(plain)
    if serial:  # an Excel date serial number (45912, 45912.5 with a time of day)
        return _EXCEL_EPOCH + dt.timedelta(days=int(serial.group(1)))
    match = _MDY.match(plain.split(" ")[0])
    if match:
        a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        try:
            if a > 12 >= b:
                return dt.date(year, b, a)
            if b > 12 >= a:
                return dt.date(year, a, b)
            if a == b:
                return dt.date(year, a, a)
        except ValueError:
            pass
        else:
            if a <= 12 and b <= 12:
                problems.append(RowProblem(row, label, t("import.date_ambiguous", value=text), severity))
                return None
    problems.append(RowProblem(row, label, error.message, severity))
    return None


@dataclass
class _AddressGroup:
    key: str = ""
    postal: list[int] = field(default_factory=list)
    line1: list[tuple[int, int]] = field(default_factory=list)  # (rank, column)
    formatted: list[int] = field(default_factory=list)
    line2: list[int] = field(default_factory=list)
    country: list[int] = field(default_factory=list)
    label_column: int | None = None  # Google's "Address 1 - Type" / "Address 1 - Label"
    columns: list[int] = field(default_factory=list)  # every column but the country's, set by _Layout
    simple: bool = False  # one column per part, no label column: the common layout, read directly
    label: str = ""  # home / work / other, from the group's header (Outlook's Business, Home ...)


_LABEL_COLUMN = re.compile(r"^(email|phone|address|website|relation|event|customfield|im)(\d+)(type|label)$")
# Google's other numbered values, kept in the notes after their own label ("Anniversary: 2010-05-01")
_NOTE_VALUE_COLUMN = re.compile(r"^(website|relation|event|customfield|im)(\d+)value$")
_VALUE_COLUMN = re.compile(r"^(email|phone)(\d+)value$")
# LoyalDesk's own export: the labels of the other e-mails, phones and addresses (export.MORE_VALUE_COLUMNS)
_OWN_LABEL_COLUMNS = {"moreemaillabels": ("email", "more"), "morephonelabels": ("phone", "more"),
                      "moreaddresslabels": ("address", "more")}
_OWN_VALUE_COLUMNS = {"moreemails": ("email", "more"), "morephones": ("phone", "more")}
MULTI_VALUE = re.compile(r"\s*:::\s*")  # Google Contacts: several values in one cell


def contact_label(text: str) -> str:
    """The label of a phone, e-mail or address from a header or a type cell: 'Mobile Phone' -> 'mobile',
    'Business Fax' / 'Work Fax' -> 'fax', '* Home' -> 'home', '勤務先' -> 'work'; '' when it says nothing."""
    key = normalize_header(text).lstrip("*")
    if not key:
        return ""
    if any(k in key for k in ("fax", "ファクス", "ファックス")):
        return "fax"
    if any(k in key for k in ("mobile", "cell", "iphone", "携帯")):
        return "mobile"
    if any(k in key for k in ("business", "work", "company", "office", "勤務", "会社", "仕事", "職場")):
        return "work"
    if any(k in key for k in ("home", "自宅", "personal", "個人")):
        return "home"
    if any(k in key for k in ("other", "その他", "custom")):
        return "other"
    return ""


class _Layout:
    """The columns of each field, worked out once per table."""

    def __init__(self, headers: list[str], mapping: Mapping[int, str], fields: Iterable[str]) -> None:
        self.headers = list(headers)
        allowed = set(fields)
        self.columns: dict[str, list[int]] = {}
        for index, target in sorted(mapping.items()):
            if target in allowed and isinstance(index, int) and index >= 0:
                self.columns.setdefault(target, []).append(index)
        keys = [normalize_header(h) for h in self.headers]
        label_columns: dict[tuple[str, str], int] = {}
        for index, key in enumerate(keys):
            match = _LABEL_COLUMN.match(key)
            if match:
                label_columns.setdefault((match.group(1), match.group(2)), index)
            elif key in _OWN_LABEL_COLUMNS:
                label_columns.setdefault(_OWN_LABEL_COLUMNS[key], index)
        # the label of each e-mail / phone column: its Google type column, else its header
        self.value_labels: dict[int, tuple[int | None, str]] = {}
        for target in ("email", "phone"):
            for index in self.columns.get(target, []):
                key = keys[index] if index < len(keys) else ""
                match = _VALUE_COLUMN.match(key)
                companion = label_columns.get((match.group(1), match.group(2))) if match else None
                if key in _OWN_VALUE_COLUMNS:
                    companion = label_columns.get(_OWN_VALUE_COLUMNS[key])
                    match = True
                header = self.headers[index] if index < len(self.headers) else ""
                self.value_labels[index] = (companion, "" if match else contact_label(header))
        self.groups: list[_AddressGroup] = []
        by_key: dict[str, _AddressGroup] = {}
        for index, target in sorted(mapping.items()):
            if target not in ("address1", "address2", "postal_code", "country") or index < 0:
                continue
            part = address_part(self.headers[index]) if index < len(self.headers) else None
            group_key, role = part if part else ("", "")
            group = by_key.get(group_key)
            if group is None:
                group = by_key[group_key] = _AddressGroup(group_key)
                group.label_column = label_columns.get(("address", group_key))
                self.groups.append(group)
            if target == "postal_code":
                group.postal.append(index)
            elif target == "country":
                group.country.append(index)
            elif target == "address2":
                group.line2.append(index)
            elif role == "formatted":
                group.formatted.append(index)
            else:
                group.line1.append((_ROLE_RANK.get(role, 3), index))
        for group in self.groups:
            group.columns = group.postal + [c for _, c in group.line1] + group.formatted + group.line2
            group.label = contact_label(group.key)
        # a lone country column (no address group of its own) belongs to the first address
        if len(self.groups) > 1:
            lone = [g for g in self.groups if not g.columns and g.country]
            for g in lone:
                self.groups.remove(g)
                self.groups[0].country += g.country

        for group in self.groups:
            group.simple = (len(group.postal) <= 1 and len(group.line1) <= 1 and not group.formatted
                            and len(group.line2) <= 1 and len(group.country) <= 1 and group.label_column is None)
        self._labels = [h or column_letter(i) for i, h in enumerate(self.headers)]

    def is_read(self, index: int) -> bool:
        """Whether the import takes anything from this column (a field, or the label of a value)."""
        if not hasattr(self, "_read"):
            self._read = {i for columns in self.columns.values() for i in columns}
            self._read.update(c for c, _ in self.value_labels.values() if c is not None)
            self._read.update(g.label_column for g in self.groups if g.label_column is not None)
        return index in self._read

    def label(self, index: int) -> str:
        if index < len(self._labels):
            return self._labels[index]
        return column_letter(index)

    def labels(self) -> dict[str, str]:
        return {f: self.label(cols[0]) for f, cols in self.columns.items()}


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _first(cells: list[str], columns: list[int]) -> tuple[str, int | None]:
    """The first non-empty (trimmed) value of columns, and its column."""
    if len(columns) == 1:
        index = columns[0]
        return (norm.trim(cells[index]) if index < len(cells) else ""), index
    for index in columns:
        value = norm.trim(_cell(cells, index))
        if value:
            return value, index
    return "", columns[0] if columns else None


def _without_controls(row: int, cells: list[str], layout: _Layout, problems: list[RowProblem]) -> list[str]:
    """The cells without control characters (NUL …), with a warning naming the row and column of each
    cell that had some (tab and line breaks are not control characters here: kept in notes); a cell
    longer than limits.FIELD_LIMIT is an error of the row, and left out."""
    joined = "".join(cells)
    too_long = len(joined) > limits.FIELD_LIMIT
    if not too_long and not norm.has_controls(joined):
        return cells
    del joined
    cleaned = list(cells)
    for index, cell in enumerate(cells):
        if too_long and len(cell) > limits.FIELD_LIMIT:
            cleaned[index] = ""
            if layout.is_read(index):
                problems.append(RowProblem(row, layout.label(index), t(
                    "import.field_too_long", count=len(cell), limit=limits.FIELD_LIMIT)))
        elif cell and norm.has_controls(cell):
            cleaned[index], count = norm.strip_controls(cell)
            if layout.is_read(index):  # a column left out of the import is not worth a warning
                problems.append(RowProblem(row, layout.label(index), t("import.control_chars", count=count), "warning"))
    return cleaned


def _extra_cells(row: int, cells: list[str], width: int) -> RowProblem | None:
    if width and len(cells) > width and any(c.strip() for c in cells[width:]):
        count = len(cells)
        while count > width and not cells[count - 1].strip():
            count -= 1
        return RowProblem(row, column_letter(width), t("import.extra_cells", count=count, expected=width))
    return None


def _split(value: str) -> list[str]:
    """A cell's values: Google's 'a ::: b' gives two."""
    if ":::" not in value:
        return [value]
    return MULTI_VALUE.split(value)


def _labeled(cells: list[str], layout: _Layout, columns: list[int]) -> tuple[list[Labeled], int | None]:
    """Every value of the columns (multi-value cells split), each with its label; and the first column with one."""
    if len(columns) == 1:
        index = columns[0]
        text = cells[index] if index < len(cells) else ""
        if not text or ":::" not in text:
            value = norm.trim(text)
            if not value:
                return [], None
            companion, label = layout.value_labels.get(index, (None, ""))
            if companion is None:
                return [Labeled(label, value, layout.label(index))], index
    out: list[Labeled] = []
    first: int | None = None
    for index in columns:
        text = _cell(cells, index)
        if not text.strip():
            continue
        companion, label = layout.value_labels.get(index, (None, ""))
        values = _split(text)
        types = _split(_cell(cells, companion)) if companion is not None else []
        for k, value in enumerate(values):
            value = norm.trim(value)
            if not value:
                continue
            if first is None:
                first = index
            item_label = contact_label(types[k]) if k < len(types) else label
            out.append(Labeled(item_label or label, value, layout.label(index)))
    return out, first


def _parts(cells: list[str], index: int) -> list[str]:
    return [norm.trim(v) for v in _split(_cell(cells, index))]


def _part(parts: list[str], k: int) -> str:
    return parts[k] if k < len(parts) else ""


def _addresses(cells: list[str], groups: list[_AddressGroup], layout: _Layout) -> list[PostalAddress]:
    """Every address of the row: one per address group (Outlook business / home / other, Google address
    1 / 2), and one per value of a Google multi-value cell; in column order."""
    out: list[PostalAddress] = []
    for group in groups:
        if group.simple and ":::" not in "".join([_cell(cells, c) for c in group.columns]):
            postal = norm.trim(_cell(cells, group.postal[0])) if group.postal else ""
            line1 = norm.trim(_cell(cells, group.line1[0][1])) if group.line1 else ""
            line2 = norm.trim(_cell(cells, group.line2[0])) if group.line2 else ""
            if postal or line1 or line2:
                country = norm.trim(_cell(cells, group.country[0])) if group.country else ""
                column = layout.label(group.postal[0]) if group.postal else layout.label(group.columns[0])
                out.append(PostalAddress(group.label, postal, line1, line2, country, column))
            continue
        if not any(_cell(cells, c).strip() for c in group.columns):
            continue
        split = {c: _parts(cells, c) for c in group.columns + group.country}
        count = max((len(v) for v in split.values()), default=1)
        types = _parts(cells, group.label_column) if group.label_column is not None else []
        for k in range(count):
            postal = next((_part(split[c], k) for c in group.postal if _part(split[c], k)), "")
            parts = [(rank, c, _part(split[c], k)) for rank, c in group.line1]
            parts = [p for p in parts if p[2]]
            if any(norm.is_japanese(p[2]) for p in parts):
                parts.sort(key=lambda p: (p[0], p[1]))
            line1 = " ".join(p[2] for p in parts)
            if not line1:
                line1 = " ".join(v for v in (_part(split[c], k) for c in group.formatted) if v)
            line2 = " ".join(v for v in (_part(split[c], k) for c in group.line2) if v)
            country = next((_part(split[c], k) for c in group.country if _part(split[c], k)), "")
            if not (postal or line1 or line2):
                continue
            label = contact_label(_part(types, k)) if types else group.label
            column = layout.label(group.postal[0]) if group.postal else layout.label(group.columns[0])
            out.append(PostalAddress(label, postal, line1, line2, country, column))
    return out


def _prefix(prefix: str | int, cells: list[str], layout: _Layout, column: int) -> str:
    """The text before a value kept in the notes: a header, or the row's label cell (its header if empty)."""
    if isinstance(prefix, int):
        return norm.trim(_cell(cells, prefix)).lstrip("* ") or layout.label(column)
    return prefix


def _join_names(family: str, given: str, middle: str) -> str:
    if not middle:
        return norm.join_name(family, given)
    if norm.is_japanese(family + given + middle):
        return " ".join(x for x in (family, given, middle) if x)
    return " ".join(x for x in (given, middle, family) if x)


def _is_reordered(file_as: str, built: str) -> bool:
    """'Madero, Angela' against 'Angela Madero': the same words (File As written family first)."""
    words = sorted(w for w in re.split(r"[\s,]+", file_as.lower()) if w)
    return words == sorted(w for w in re.split(r"[\s,]+", built.lower()) if w)


def client_records(table, mapping: Mapping[int, str], home_country: str = "JP") -> list[ClientRecord]:
    """iter_client_records as a list."""
    return list(iter_client_records(table, mapping, home_country))


def iter_client_records(table, mapping: Mapping[int, str], home_country: str = "JP") -> Iterator[ClientRecord]:
    """One ClientRecord per table row (made as the rows are read), normalized, with its problems (column = header text as in the file).

    Names: a full-name column (Google's "Name") wins; else given, middle and family names joined
    (Japanese family first); else "File As". Every e-mail, phone and address is kept (Google's
    "a ::: b" cells split): the first usable one is the main one, the others go to more_*.
    """
    layout = _Layout(table.headers, mapping, CLIENT_FIELDS)
    cols = layout.columns
    width = len(table.headers)
    base_labels = layout.labels()
    if "name" not in base_labels:
        for f in ("family_name", "given_name", "file_as", "company", "email"):
            if f in cols:
                base_labels["name"] = layout.label(cols[f][0])
                break
    for f in ("email", "phone"):  # problems of a value name its own column (set per row below)
        base_labels.setdefault(f, f)
    if layout.groups and "postal_code" not in base_labels:
        base_labels["postal_code"] = layout.label(layout.groups[0].columns[0]) if layout.groups[0].columns else "postal_code"
    single = [f for f in ("honorific", "company", "title", "source") if f in cols]
    # a column kept in the notes for want of a field ("部署名", "Website 1 - Value") keeps its header
    note_prefix: dict[int, str | int] = {}
    keys = [normalize_header(h) for h in table.headers]
    for c in cols.get("notes", []):
        key = keys[c] if c < len(keys) else ""
        match = _NOTE_VALUE_COLUMN.match(key)
        label_col = next((i for i, k in enumerate(keys) if match and k in (
            f"{match.group(1)}{match.group(2)}label", f"{match.group(1)}{match.group(2)}type")), None)
        # the row's own label cell ("Anniversary"), else the header
        note_prefix[c] = label_col if label_col is not None else (
            layout.label(c) if key in _TO_NOTES or match else "")
    name_parts = [cols.get(f, []) for f in ("family_name", "given_name", "middle_name")]
    for row, cells in table.rows:
        problems: list[RowProblem] = []
        extra = _extra_cells(row, cells, width)
        if extra is not None:
            problems.append(extra)
        cells = _without_controls(row, cells, layout, problems)
        labels = base_labels  # copied the first time a value names a column of its own
        rec = ClientRecord(row=row, problems=problems)
        name, _ = _first(cells, cols.get("name", []))
        if not name:
            family, given, middle = (" ".join(v for v in (norm.trim(_cell(cells, c)) for c in columns) if v)
                                     for columns in name_parts)
            name = _join_names(family, given, middle)
            file_as, _ = _first(cells, cols.get("file_as", []))
            if file_as and (not name or not _is_reordered(file_as, name)):
                name = file_as if not name or "," not in file_as else name
        rec.name = name
        kana, _ = _first(cells, cols.get("name_kana", []))
        if not kana:
            family_kana, _ = _first(cells, cols.get("family_kana", []))
            given_kana, _ = _first(cells, cols.get("given_kana", []))
            kana = f"{family_kana} {given_kana}".strip()
        rec.name_kana = kana
        for f in single:
            value = _first(cells, cols[f])[0]
            setattr(rec, f, " / ".join(p for p in _split(value) if p) if ":::" in value else value)
        for f in ("email", "phone"):
            if f in cols:
                values, first = _labeled(cells, layout, cols[f])
                setattr(rec, "more_emails" if f == "email" else "more_phones", values)
                if first is not None and labels.get(f) != layout.label(first):
                    labels = dict(labels) if labels is base_labels else labels
                    labels[f] = layout.label(first)
        if layout.groups:
            addresses = _addresses(cells, layout.groups, layout)
            if addresses:
                main = addresses[0]
                rec.postal_code, rec.address1, rec.address2, rec.country = (
                    main.postal_code, main.address1, main.address2, main.country)
                if labels.get("postal_code") != main.column:
                    labels = dict(labels) if labels is base_labels else labels
                    labels["postal_code"] = main.column
                rec.more_addresses = addresses[1:]
        if "birth_year" in cols or "birth_month" in cols:  # Thunderbird: year, month and day apart
            year, month = _first(cells, cols.get("birth_year", []))[0], _first(cells, cols.get("birth_month", []))[0]
            day = _first(cells, cols.get("birth_day", []) or cols.get("birthday", []))[0]
            if year and month and day:
                column = layout.label((cols.get("birth_year") or cols["birth_month"])[0])
                rec.birthday = sheet_date(f"{year}-{month}-{day}", row, column, problems, "birthday", "warning")
            elif month and day and month.isdigit() and day.isdigit():
                rec.birthday_no_year = f"{int(month):02d}-{int(day):02d}"
                problems.append(RowProblem(row, layout.label(cols["birth_month"][0]),
                                           t("import.birthday_no_year", value=rec.birthday_no_year), "warning"))
        elif "birthday" in cols:
            value, index = _first(cells, cols["birthday"])
            if value:
                rec.birthday = sheet_date(value, row, layout.label(index), problems, "birthday", "warning")
                if rec.birthday is None and _NO_YEAR.match(unicodedata.normalize("NFKC", value)):
                    rec.birthday_no_year = unicodedata.normalize("NFKC", value)[2:]
        if "tags" in cols:
            tags: list[str] = []
            for index in cols["tags"]:
                for tag in norm.split_tags(_cell(cells, index)):
                    if tag not in tags:
                        tags.append(tag)
            rec.tags = tags
        if "notes" in cols:
            rec.notes = "\n".join(
                (f"{prefix}: {v}" if prefix else v) for prefix, v in
                ((_prefix(note_prefix[c], cells, layout, c), norm.strip_text(_cell(cells, c))) for c in cols["notes"])
                if v)
        yield norm.normalize_client_record(rec, labels, home_country)


def session_records(table, mapping: Mapping[int, str], currency: str = "JPY") -> list[SessionRecord]:
    """iter_session_records as a list."""
    return list(iter_session_records(table, mapping, currency))


def iter_session_records(table, mapping: Mapping[int, str], currency: str = "JPY") -> Iterator[SessionRecord]:
    """One SessionRecord per table row (made as the rows are read), normalized, with its problems (column = header text as in the file).

    Amounts are read in `currency` (the practice's: "$1,234.56" -> 123456 for USD) unless the row
    says otherwise: a currency column (Stripe, PayPal, Shopify: "usd", "EUR") or the sign or code of
    another currency in the amount ("€80.00"); such a row keeps its own currency (rec.currency).
    """
    layout = _Layout(table.headers, mapping, SESSION_FIELDS)
    cols = layout.columns
    width = len(table.headers)
    labels = layout.labels()
    previous_order, previous_row = "", 0
    for row, cells in table.rows:
        problems: list[RowProblem] = []
        extra = _extra_cells(row, cells, width)
        if extra is not None:
            problems.append(extra)
        cells = _without_controls(row, cells, layout, problems)
        rec = SessionRecord(row=row, problems=problems)
        if "date" in cols:
            value, index = _first(cells, cols["date"])
            if value:
                rec.date = sheet_date(value, row, layout.label(index), problems, "date")
        rec.client_email = _first(cells, cols.get("client_email", []))[0]
        names = [norm.trim(_cell(cells, c)) for c in cols.get("client_name", [])]
        rec.client_name = next((n for n in names if n and not _OPAQUE_ID.match(n)), "")
        order = next((n for n in names if n and _OPAQUE_ID.match(n)), "")
        if "payment_status" in cols:
            status, index = _first(cells, cols["payment_status"])
            if status and normalize_header(status) in _NOT_PAID:
                rec.skip_reason = t("import.payment_not_completed", value=status)
        if not rec.date and order and order == previous_order and not any(
                norm.trim(_cell(cells, c)) for c in cols.get("fee", [])):
            rec.skip_reason = t("import.order_line", row=previous_row)  # Shopify: one more line of the order
        elif order:
            previous_order, previous_row = order, row
        row_currency = ""
        if "currency" in cols:
            value, index = _first(cells, cols["currency"])
            if value:
                try:
                    row_currency = money.normalize_currency(value)
                except money.AmountError as exc:
                    problems.append(RowProblem(row, layout.label(index), exc.message))
        if "fee" in cols:
            value, index = _first(cells, cols["fee"])
            try:
                if row_currency:  # the column says which currency: the amount is read in it
                    rec.fee, found = money.parse_amount(value, row_currency), row_currency
                else:  # a sign of its own ("€80") makes it a session in that currency
                    rec.fee, found = money.parse_money(value, currency)
                rec.currency = found if found != currency else ""
            except money.AmountError as exc:
                key = "import.amount_negative" if exc.key == "money.negative" else None
                problems.append(RowProblem(row, layout.label(index), t(key, value=value) if key else exc.message))
        if "duration_minutes" in cols:
            value, index = _first(cells, cols["duration_minutes"])
            try:
                rec.duration_minutes = norm.parse_duration(value)
            except norm.NormalizeError as exc:
                problems.append(RowProblem(row, layout.label(index), exc.message))
        rec.kind = _first(cells, cols.get("kind", []))[0]
        rec.topic = _first(cells, cols.get("topic", []))[0]
        if "notes" in cols:
            rec.notes = "\n".join(v for v in (norm.strip_text(_cell(cells, c)) for c in cols["notes"]) if v)
        if rec.skip_reason:
            column = layout.label(cols["payment_status"][0]) if "payment_status" in cols else labels.get("date", "date")
            rec.problems = [RowProblem(row, column, rec.skip_reason, "warning")]
            yield rec
            continue
        yield norm.normalize_session_record(rec, labels)


# An identifier, never a client's name: Stripe's cus_…, an order number #1001, a number alone.
_OPAQUE_ID = re.compile(r"^(?:[a-z]{2,6}_[A-Za-z0-9]{6,}|#\S+|\d+|[A-Z]{1,4}-?\d{3,})$")
# Payment statuses of a row that is no payment received (Stripe, PayPal, Shopify, Square, freee).
_NOT_PAID = {normalize_header(s) for s in (
    "failed", "refunded", "voided", "void", "pending", "canceled", "cancelled", "denied", "expired", "declined",
    "incomplete", "requires payment method", "uncaptured", "partially refunded", "unpaid", "authorized",
    "失敗", "返金済み", "返金", "キャンセル", "未入金", "保留", "取消")}
