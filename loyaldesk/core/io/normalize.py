"""Cleaning values that come from other tools: widths, dashes, spaces, readings, amounts, tags.

Pure functions, no database. The normalize_*_record functions apply them to a whole
ClientRecord / SessionRecord and append a RowProblem for every value that cannot be used.
Functions that reject a value raise NormalizeError (a ValueError) whose `key` is a message
key of the catalog ("import.email_invalid", ...), so the caller can say why in the user's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from loyaldesk.core import dates, money
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG, t
from loyaldesk.core.io import postal as postal_rules
from loyaldesk.core.io.records import ClientRecord, Labeled, PostalAddress, RowProblem, SessionRecord

CATALOG.update({
    "import.control_chars": {
        "en": "{count} control character(s) such as NUL removed from the value",
        "ja": "値から制御文字（NUL など）を {count}個取り除きました",
    },
    "import.name_required": {"en": "The name is missing.", "ja": "氏名が入力されていません。"},
    "import.email_invalid": {
        "en": "Not a valid e-mail address: {value}",
        "ja": "メールアドレスが正しくありません: {value}",
    },
    "import.postal_invalid": {
        "en": "A postal code has 7 digits (123-4567): {value}",
        "ja": "郵便番号は7桁の数字です（123-4567）: {value}",
    },
    "import.email_left_out": {
        "en": "not a valid e-mail address: {value}; left out of this field, the rest of the row is imported",
        "ja": "メールアドレス {value} が正しくないため、この項目には入れませんでした（行のほかの値は取り込みます）",
    },
    "import.phone_left_out": {
        "en": "not a phone number: {value}; left out of this field, the rest of the row is imported",
        "ja": "電話番号 {value} が正しくないため、この項目には入れませんでした（行のほかの値は取り込みます）",
    },
    "import.postal_foreign_invalid": {
        "en": "{value} is not a postal code of {country}; left out of this field, the rest of the row is imported",
        "ja": "{value} は {country} の郵便番号として正しくないため、この項目には入れませんでした（行のほかの値は取り込みます）",
    },
    "import.postal_no_country": {
        "en": "{value} is not a Japanese postal code; kept as written (the address names no country)",
        "ja": "{value} は日本の郵便番号ではありません。書かれたとおりに取り込みます（住所に国の指定がありません）",
    },
    "import.postal_moved": {
        "en": "the postal code {value} was inside the address; moved to the postal code",
        "ja": "住所の中にあった郵便番号 {value} を郵便番号の欄に移しました",
    },
    "import.birthday_note": {"en": "Birthday (year unknown): {value}", "ja": "誕生日（年不明）: {value}"},
    "import.name_from": {
        "en": "no name: imported under “{value}”",
        "ja": "氏名がないため「{value}」として取り込みます",
    },
    "import.postal_padded": {
        "en": "The postal code {value} had lost its leading 0 (it was a number in the spreadsheet); read as {fixed}.",
        "ja": "郵便番号 {value} の先頭の 0 が欠けていました（表計算ソフトで数値として扱われたため）。{fixed} として読み込みます。",
    },
    "import.amount_invalid": {"en": "Not an amount: {value}", "ja": "金額が正しくありません: {value}"},
    "import.amount_negative": {
        "en": "The amount cannot be negative: {value}",
        "ja": "金額にマイナスは指定できません: {value}",
    },
    "import.duration_invalid": {
        "en": "Not a duration between 0 and 1440 minutes: {value}",
        "ja": "時間は 0〜1440分で指定してください: {value}",
    },
    "import.date_required": {"en": "The date is missing.", "ja": "日付が入力されていません。"},
    "import.client_required": {
        "en": "The client is missing: give an e-mail address or a name.",
        "ja": "顧客が指定されていません。メールアドレスか氏名を入力してください。",
    },
})

# Whitespace that trim() removes besides what str.isspace() knows: zero-width space, BOM.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SPACES = re.compile(r"[\s" + _INVISIBLE + r"]+")
_HAS_INVISIBLE = re.compile("[" + _INVISIBLE + "]")
_EDGE = " \t\r\n\f\v\u3000\u00a0" + _INVISIBLE
DASHES = "－ー−‐‑‒–—―ｰ﹣⁃-"
_DASH_TABLE = str.maketrans({c: "-" for c in DASHES})
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CJK = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f々〆ヶ]")
_HALF_KANA = re.compile("[\uff61-\uff9f]")
_DIGIT = re.compile(r"\d")
_EMAIL_RE = re.compile(r"^[^@\s]+@([^@\s.]+\.)+[^@\s.]+$")
_PHONE_RE = re.compile(r"^\+?[\d()./ -]*\d[\d()./ -]*(?:\s*(?:ext\.?|x|#|内線)\s*\d+)?$", re.IGNORECASE)
_PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
    "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)
_KANA = re.compile("[\u3040-\u30ff\uff66-\uff9f]")
# 〒 and a postal code at the start of an address ("〒460-0008 愛知県…", "〒 4600008 …")
_LEADING_POSTAL = re.compile(r"^\s*[〒〶〠]\s*([0-9０-９]{3})\s*[-－ー−‐‑–—―ｰ]?\s*([0-9０-９]{4})\s*")
_POSTAL_MARKS = "〒〶〠"
_WIDE_TO_ASCII = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}})


class NormalizeError(ValueError):
    """A value that cannot be used; `key` is the catalog key of the reason, `params` its values."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    @property
    def message(self) -> str:
        return t(self.key, **self.params)


# --- single values ------------------------------------------------------------------------------
# Control characters (C0 but tab, line feed and carriage return; DEL; C1) have no place in a text
# field: a NUL from a broken export would be stored and cut the value short wherever it is shown.
# Tab and line breaks are whitespace: kept inside notes, turned into spaces elsewhere (trim).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> tuple[str, int]:
    """The text without control characters, and how many were removed."""
    cleaned, count = _CONTROL.subn("", text)
    return cleaned, count


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


def trim(s: str | None) -> str:
    """Strip (全角 spaces too) and collapse every internal run of whitespace to one ASCII space."""
    if not s:
        return ""
    out = " ".join(str(s).split())  # str.split() knows U+3000, NBSP and the other Unicode spaces
    if not out.isascii() and _HAS_INVISIBLE.search(out):
        out = _SPACES.sub(" ", out).strip(_EDGE)
    return out


def strip_text(s: str | None) -> str:
    """Strip the ends (全角 spaces too) but keep line breaks inside: for notes."""
    if not s:
        return ""
    return str(s).replace("\r\n", "\n").replace("\r", "\n").strip(_EDGE)


def normalize_phone(s: str | None) -> str:
    """０３－１２３４－５６７８ -> 03-1234-5678: ASCII digits, every dash-like mark as "-", spaces kept single
    ("+1 415 555 0199" stays as written)."""
    if not s:
        return ""
    text = unicodedata.normalize("NFKC", str(s)).translate(_DASH_TABLE)
    return _SPACES.sub(" ", text).strip()


def normalize_postal(s: str | None) -> str:
    """〒１５０－０００１, 1500001, 150 0001 -> 150-0001; empty stays empty; else NormalizeError."""
    text = trim(s)
    if not text:
        return ""
    digits = unicodedata.normalize("NFKC", text).translate(_DASH_TABLE)
    digits = re.sub(r"[\s〒〶〠-]", "", digits)
    if len(digits) == 7 and digits.isascii() and digits.isdigit():
        return f"{digits[:3]}-{digits[3:]}"
    raise NormalizeError("import.postal_invalid", value=text)


def normalize_email(s: str | None) -> str:
    """NFKC, trimmed, lower-case; NormalizeError unless it looks like an address (one @, a dot in the domain)."""
    text = trim(unicodedata.normalize("NFKC", str(s or "")))
    if not text:
        return ""
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    text = text.lower()
    if not _EMAIL_RE.match(text):
        raise NormalizeError("import.email_invalid", value=str(s).strip())
    return text


def normalize_kana(s: str | None) -> str:
    """A reading: half-width katakana -> full-width (ﾔﾏﾀﾞ -> ヤマダ), trimmed. Hiragana stays hiragana."""
    text = trim(s)
    if not text or text.isascii() or not _HALF_KANA.search(text):
        return text
    import jaconv

    return trim(jaconv.h2z(text, kana=True, ascii=False, digit=False))


def is_japanese(s: str) -> bool:
    """Whether s contains kanji or kana."""
    return bool(s) and not s.isascii() and _CJK.search(s) is not None


def join_name(family: str | None, given: str | None) -> str:
    """A full name: Japanese (kanji/kana in either part) family first "山田 太郎", otherwise "Emily Carter"."""
    family, given = trim(family), trim(given)
    if not family or not given:
        return family or given
    if is_japanese(family) or is_japanese(given):
        return f"{family} {given}"
    return f"{given} {family}"


def name_key(s: str | None) -> str:
    """For duplicate matching: NFKC, no whitespace at all, lower-case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", s or "")).lower()


def parse_amount(s: str | int | float | None, currency: str = "JPY") -> int:
    """An amount in the currency's minor units (loyaldesk.core.money.parse_amount): for yen
    ¥30,000, ￥３０，０００, \\30,000, 30,000円, 30000, 30,000.00, 3万, 3.5万円, 3万5千円; for
    dollars "$1,234.56" -> 123456, "6.75" -> 675.

    Empty gives 0. Negative amounts (-3000, △3000, ▲3000, (3000)) raise NormalizeError
    "import.amount_negative"; more decimals than the currency has, another currency's sign and
    anything else raise "import.amount_invalid" (whose message says why).
    """
    try:
        return money.parse_amount(s, currency)
    except money.AmountError as exc:
        if exc.key == "money.negative":
            raise NormalizeError("import.amount_negative", value=exc.params.get("value", s)) from None
        raise AmountNormalizeError(exc.message, value=s) from None


class AmountNormalizeError(NormalizeError):
    """An amount refused by loyaldesk.core.money: key "import.amount_invalid", money's reason as the message."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__("import.amount_invalid", **params)
        self.reason = reason

    @property
    def message(self) -> str:
        return self.reason


_DURATION_HM = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_DURATION_JA = re.compile(r"^(?:(\d+(?:\.\d+)?)(?:時間|h|hr|hrs|hour|hours))?(?:(\d+)(?:分|m|min|mins|minutes?)?)?$")


def parse_duration(s: str | int | None) -> int | None:
    """Minutes: 60, 60分, 90 min, 1:30, 01:30:00, 1時間, 1時間30分, 1.5h; empty gives None; 0..1440."""
    if s is None or isinstance(s, bool):
        return None
    if isinstance(s, int):
        minutes: Decimal | int = s
    else:
        raw = trim(str(s))
        if not raw:
            return None
        text = _SPACES.sub("", unicodedata.normalize("NFKC", raw)).lower()
        hm = _DURATION_HM.match(text)
        match = None if hm else _DURATION_JA.match(text)
        if hm:
            minutes = int(hm.group(1)) * 60 + int(hm.group(2))
        elif match and any(match.groups()):
            minutes = Decimal(match.group(1) or 0) * 60 + int(match.group(2) or 0)
        else:
            try:
                minutes = Decimal(text)  # "60.0" from a spreadsheet
            except InvalidOperation:
                raise NormalizeError("import.duration_invalid", value=raw) from None
            if not minutes.is_finite():
                raise NormalizeError("import.duration_invalid", value=raw)
        s = raw
    if minutes != int(minutes) or not 0 <= minutes <= 1440:
        raise NormalizeError("import.duration_invalid", value=s)
    return int(minutes)


_TAG_SPLIT = re.compile(r"\s+:::\s+|:::|[,、;；/／|｜，]")
_GOOGLE_SYSTEM_LABELS = {"mycontacts", "starred"}


def split_tags(s: str | None) -> list[str]:
    """"経営者、ニュースレター" / "a; b" / Google "* myContacts ::: 経営者 ::: * starred" -> tags, in order, no duplicates."""
    if not s:
        return []
    out: list[str] = []
    for part in _TAG_SPLIT.split(str(s)):
        tag = trim(part)
        if tag.startswith("*"):
            tag = trim(tag[1:])
            if tag.replace(" ", "").lower() in _GOOGLE_SYSTEM_LABELS:
                continue
        if tag and tag not in out:
            out.append(tag)
    return out


def is_phone(s: str) -> bool:
    """Whether a normalised phone (normalize_phone) looks like a number: at least 3 digits, no words."""
    return bool(s) and _PHONE_RE.match(s) is not None and len(_DIGIT.findall(s)) >= 3


def looks_japanese_address(text: str) -> bool:
    """An address written the Japanese way: a prefecture name or kana in it."""
    return bool(text) and (any(p in text for p in _PREFECTURES) or _KANA.search(text) is not None)


_WIDE_MARKS = re.compile("[０-９]")
_DIGIT_DASH = re.compile(r"(?<=\d)[－ー−‐‑‒–—―ｰ](?=\d)")


def clean_address_line(text: str) -> str:
    """Trimmed; in a Japanese address full-width digits and the dashes between digits become ASCII."""
    text = trim(text)
    if not text or text.isascii():
        return text
    if _WIDE_MARKS.search(text):
        text = text.translate(_WIDE_TO_ASCII)
    return _DIGIT_DASH.sub("-", text) if is_japanese(text) else text


def normalize_address(address: PostalAddress, row: int, column: str, problems: list[RowProblem],
                      home_country: str = postal_rules.DEFAULT_COUNTRY) -> PostalAddress:
    """Clean one address in place: country as an ISO code, a 〒 code inside a Japanese address moved
    to the postal code, the postal code checked by the country's rule (never rewritten into another
    country's format). A postal code that cannot be used is left out with a warning.

    home_country: the practice's country, the country of an address that names none ('' = not known)."""
    address.country = postal_rules.country_code(address.country)
    address.address1 = clean_address_line(address.address1)
    address.address2 = clean_address_line(address.address2)
    if not address.country and home_country != "JP" and looks_japanese_address(address.address1 + address.address2):
        address.country = "JP"  # a Japanese address in the file of a practice abroad
    home = address.country == "JP" or (not address.country and home_country == "JP")
    if home and address.address1[:1] in _POSTAL_MARKS:
        match = _LEADING_POSTAL.match(address.address1)
        if match:
            found = f"{match.group(1)}{match.group(2)}".translate(_WIDE_TO_ASCII)
            found = f"{found[:3]}-{found[3:]}"
            address.address1 = address.address1[match.end():].strip()
            if not address.postal_code or postal_rules.japanese_postal(address.postal_code) == found:
                address.postal_code = found
                problems.append(RowProblem(row, column, t("import.postal_moved", value=found), "warning"))
            else:
                address.address2 = trim(f"{address.address2} 〒{found}")
    raw = trim(address.postal_code)
    if not raw:
        address.postal_code = ""
        return address
    if home:
        fixed = postal_rules.japanese_postal(raw)
        if fixed is not None:
            address.postal_code = fixed
            return address
        plain = unicodedata.normalize("NFKC", raw)
        text = address.address1 + address.address2
        japanese = not text or looks_japanese_address(text)
        if not address.country and not japanese:
            # a foreign address in a file without a country column: keep the code as written
            address.postal_code = plain
            problems.append(RowProblem(row, column, t("import.postal_no_country", value=raw), "warning"))
        elif plain.isascii() and plain.isdigit() and len(plain) == 6 and japanese:
            # 0600001 typed into a spreadsheet cell becomes the number 600001 (Hokkaido codes start with 0).
            address.postal_code = f"0{plain[:2]}-{plain[2:]}"
            problems.append(RowProblem(row, column, t("import.postal_padded", value=raw, fixed=address.postal_code),
                                       "warning"))
        else:
            address.postal_code = ""
            problems.append(RowProblem(row, column, t("import.postal_foreign_invalid", value=raw,
                                                      country=address.country or postal_rules.DEFAULT_COUNTRY),
                                       "warning"))
        return address
    fixed = postal_rules.foreign_postal(raw, address.country or home_country)
    if fixed is None:
        address.postal_code = ""
        problems.append(RowProblem(row, column, t("import.postal_foreign_invalid", value=raw,
                                                  country=address.country or home_country or "?"), "warning"))
    else:
        address.postal_code = fixed
    return address


def clean_emails(values: list[Labeled], row: int, column: str, problems: list[RowProblem]) -> list[Labeled]:
    """Valid, lower-case, without duplicates; each invalid one left out with a warning."""
    out: list[Labeled] = []
    seen: set[str] = set()
    for item in values:
        try:
            value = normalize_email(item.value)
        except NormalizeError:
            problems.append(RowProblem(row, item.column or column, t("import.email_left_out", value=trim(item.value)),
                                       "warning"))
            continue
        if value and value not in seen:
            seen.add(value)
            out.append(Labeled(item.label, value))
    return out


def clean_phones(values: list[Labeled], row: int, column: str, problems: list[RowProblem]) -> list[Labeled]:
    out: list[Labeled] = []
    seen: set[str] = set()
    for item in values:
        value = normalize_phone(item.value)
        if not value:
            continue
        if not is_phone(value):
            problems.append(RowProblem(row, item.column or column, t("import.phone_left_out", value=trim(item.value)),
                                       "warning"))
            continue
        if value not in seen:
            seen.add(value)
            out.append(Labeled(item.label, value))
    return out


# --- whole records ------------------------------------------------------------------------------
def _label(labels: Mapping[str, str] | None, field: str) -> str:
    return (labels or {}).get(field) or field


def _has_problem(rec: ClientRecord | SessionRecord, column: str) -> bool:
    return any(p.column == column for p in rec.problems)


def normalize_client_record(rec: ClientRecord, labels: Mapping[str, str] | None = None,
                            home_country: str = postal_rules.DEFAULT_COUNTRY) -> ClientRecord:
    """Clean every field of rec in place and append a RowProblem for each unusable value; returns rec.

    labels: field -> the column label to report (the header text); the field name by default.
    """
    rec.name = trim(rec.name)
    for attr in ("honorific", "company", "title", "source"):
        value = getattr(rec, attr)
        if value:
            setattr(rec, attr, trim(value))
    if rec.notes:
        rec.notes = strip_text(rec.notes)
    if rec.birthday_no_year:
        line = t("import.birthday_note", value=rec.birthday_no_year.lstrip("-"))
        if line not in rec.notes:
            rec.notes = f"{rec.notes}\n{line}" if rec.notes else line
    # e-mails and phones: the main one first, then the others; an unusable value is a warning
    emails = clean_emails([Labeled("", rec.email)] if rec.email else [], rec.row, _label(labels, "email"),
                          rec.problems)
    emails += [e for e in clean_emails(rec.more_emails, rec.row, _label(labels, "email"), rec.problems)
               if e.value not in {x.value for x in emails}]
    rec.email = emails[0].value if emails else ""
    rec.more_emails = emails[1:]
    phones = clean_phones([Labeled("", rec.phone)] if rec.phone else [], rec.row, _label(labels, "phone"), rec.problems)
    phones += [p for p in clean_phones(rec.more_phones, rec.row, _label(labels, "phone"), rec.problems)
               if p.value not in {x.value for x in phones}]
    main_phone = next((p for p in phones if p.label != "fax"), None)
    rec.phone = main_phone.value if main_phone else ""
    rec.more_phones = [p for p in phones if p is not main_phone]
    main = normalize_address(PostalAddress("", rec.postal_code, rec.address1, rec.address2, rec.country),
                             rec.row, _label(labels, "postal_code"), rec.problems, home_country)
    rec.postal_code, rec.address1, rec.address2, rec.country = main.postal_code, main.address1, main.address2, main.country
    more = []
    for address in rec.more_addresses:
        normalize_address(address, rec.row, address.column or _label(labels, "postal_code"), rec.problems,
                          home_country)
        if not address.is_empty():
            more.append(address)
    rec.more_addresses = more
    if not rec.name and not _has_problem(rec, _label(labels, "name")):
        stand_in = rec.company or rec.email
        if stand_in:
            rec.name = stand_in
            rec.problems.append(RowProblem(rec.row, _label(labels, "name"), t("import.name_from", value=stand_in),
                                           "warning"))
        else:
            rec.problems.append(RowProblem(rec.row, _label(labels, "name"), t("import.name_required")))
    if rec.name_kana:
        rec.name_kana = normalize_kana(rec.name_kana)
    if rec.birthday is not None and not hasattr(rec.birthday, "isoformat"):
        try:
            rec.birthday = dates.parse_date(rec.birthday, field="birthday")  # type: ignore[arg-type]
        except ValidationError as exc:
            rec.birthday = None
            rec.problems.append(RowProblem(rec.row, _label(labels, "birthday"), exc.message))
    if rec.tags:
        tags: list[str] = []
        for tag in rec.tags:
            tag = trim(tag)
            if tag and tag not in tags:
                tags.append(tag)
        rec.tags = tags
    else:
        rec.tags = []
    return rec


def normalize_session_record(rec: SessionRecord, labels: Mapping[str, str] | None = None) -> SessionRecord:
    """Clean a session in place: date required, client e-mail or name required, fee >= 0, duration 0..1440."""
    if rec.date is not None and not hasattr(rec.date, "isoformat"):
        try:
            rec.date = dates.parse_date(rec.date, field="date")  # type: ignore[arg-type]
        except ValidationError as exc:
            rec.date = None
            rec.problems.append(RowProblem(rec.row, _label(labels, "date"), exc.message))
    if rec.date is None and not _has_problem(rec, _label(labels, "date")):
        rec.problems.append(RowProblem(rec.row, _label(labels, "date"), t("import.date_required")))
    rec.client_name = trim(rec.client_name)
    try:
        rec.client_email = normalize_email(rec.client_email)
    except NormalizeError as exc:
        rec.client_email = trim(rec.client_email)
        rec.problems.append(RowProblem(rec.row, _label(labels, "client_email"), exc.message))
    if not rec.client_name and not rec.client_email and not _has_problem(rec, _label(labels, "client_email")):
        column = _label(labels, "client_name") if labels and "client_name" in labels else _label(labels, "client_email")
        rec.problems.append(RowProblem(rec.row, column, t("import.client_required")))
    if not isinstance(rec.fee, int) or isinstance(rec.fee, bool):
        try:
            rec.fee = parse_amount(rec.fee)
        except NormalizeError as exc:
            rec.problems.append(RowProblem(rec.row, _label(labels, "fee"), exc.message))
            rec.fee = 0
    elif rec.fee < 0:
        rec.problems.append(RowProblem(rec.row, _label(labels, "fee"), t("import.amount_negative", value=rec.fee)))
    if rec.duration_minutes is not None:
        try:
            rec.duration_minutes = parse_duration(rec.duration_minutes)
        except NormalizeError as exc:
            rec.problems.append(RowProblem(rec.row, _label(labels, "duration_minutes"), exc.message))
            rec.duration_minutes = None
    rec.kind = trim(rec.kind)
    rec.topic = trim(rec.topic)
    rec.notes = strip_text(rec.notes)
    return rec
