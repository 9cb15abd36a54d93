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
from loyaldesk.core.io.records import ClientRecord, RowProblem, SessionRecord

CATALOG.update({
    "import.name_required": {"en": "The name is missing.", "ja": "氏名が入力されていません。"},
    "import.email_invalid": {
        "en": "Not a valid e-mail address: {value}",
        "ja": "メールアドレスが正しくありません: {value}",
    },
    "import.postal_invalid": {
        "en": "A postal code has 7 digits (123-4567): {value}",
        "ja": "郵便番号は7桁の数字です（123-4567）: {value}",
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
        "ja": "時間は 0〜1440 分で指定してください: {value}",
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
_EMAIL_RE = re.compile(r"^[^@\s]+@([^@\s.]+\.)+[^@\s.]+$")


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
    """０３－１２３４－５６７８ -> 03-1234-5678: ASCII digits, every dash-like mark as "-", no spaces."""
    if not s:
        return ""
    text = unicodedata.normalize("NFKC", str(s)).translate(_DASH_TABLE)
    return _SPACES.sub("", text)


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


# --- whole records ------------------------------------------------------------------------------
def _label(labels: Mapping[str, str] | None, field: str) -> str:
    return (labels or {}).get(field) or field


def _has_problem(rec: ClientRecord | SessionRecord, column: str) -> bool:
    return any(p.column == column for p in rec.problems)


def normalize_client_record(rec: ClientRecord, labels: Mapping[str, str] | None = None) -> ClientRecord:
    """Clean every field of rec in place and append a RowProblem for each unusable value; returns rec.

    labels: field -> the column label to report (the header text); the field name by default.
    """
    rec.name = trim(rec.name)
    if not rec.name and not _has_problem(rec, _label(labels, "name")):
        rec.problems.append(RowProblem(rec.row, _label(labels, "name"), t("import.name_required")))
    if rec.name_kana:
        rec.name_kana = normalize_kana(rec.name_kana)
    for attr in ("honorific", "company", "title", "address1", "address2", "source"):
        value = getattr(rec, attr)
        if value:
            setattr(rec, attr, trim(value))
    if rec.notes:
        rec.notes = strip_text(rec.notes)
    if rec.phone:
        rec.phone = normalize_phone(rec.phone)
    try:
        rec.email = normalize_email(rec.email) if rec.email else ""
    except NormalizeError as exc:
        rec.email = trim(rec.email)
        rec.problems.append(RowProblem(rec.row, _label(labels, "email"), exc.message))
    try:
        rec.postal_code = normalize_postal(rec.postal_code) if rec.postal_code else ""
    except NormalizeError as exc:
        raw = trim(rec.postal_code)
        if raw.isascii() and raw.isdigit() and len(raw) == 6:
            # 0600001 typed into a spreadsheet cell becomes the number 600001 (Hokkaido codes start with 0).
            rec.postal_code = f"0{raw[:2]}-{raw[2:]}"
            rec.problems.append(RowProblem(rec.row, _label(labels, "postal_code"),
                                           t("import.postal_padded", value=raw, fixed=rec.postal_code), "warning"))
        else:
            rec.postal_code = raw
            rec.problems.append(RowProblem(rec.row, _label(labels, "postal_code"), exc.message))
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
