"""Amounts of money: stored as whole minor units, read and written in the practice's currency.

Every amount in the database (`sessions.fee`, revenues, totals) is an integer count of the
currency's minor unit: yen for JPY (no decimals), cents for USD, EUR and GBP (two), fils for
BHD (three). How many decimals a currency has comes from the ISO 4217 table as Babel ships it
(CLDR), never from a list kept here. The practice's currency is `PracticeSettings.currency`.

`format_amount` is the one way an amount is written for a person (screens, letters, reports,
CSV, charts); `parse_amount` is the one way typed or imported text becomes minor units.
Nothing here converts between currencies: there are no exchange rates (the app is offline).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_name,
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    list_currencies,
)

from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG, current_language

DEFAULT_CURRENCY = "JPY"
# Offered first in the currency pickers; every other currency in use today follows.
COMMON_CURRENCIES = ("JPY", "USD", "EUR", "GBP", "AUD", "CAD", "CHF", "NZD", "SGD", "HKD", "CNY", "KRW", "TWD")
# The Babel locale used for the app's languages (amounts in English as in the US: $1,234.56).
LANGUAGE_LOCALES = {"en": "en_US", "ja": "ja_JP"}
AMOUNT_LIMIT = 10**15  # minor units; far above any practice's revenue, far below SQLite's integer limit
MINUS = "\u2212"  # the minus sign written before a negative amount (a change from the previous year)

CATALOG.update({
    "money.invalid": {"en": "Not an amount in {currency}: {value}", "ja": "金額が正しくありません（{currency}）: {value}"},
    "money.negative": {"en": "The amount cannot be negative: {value}", "ja": "金額にマイナスは指定できません: {value}"},
    "money.too_many_decimals": {
        "en": "{currency} amounts have {digits} decimal places at most: {value}",
        "ja": "{currency} の金額は小数点以下 {digits}桁までです: {value}",
    },
    "money.no_decimals": {
        "en": "{currency} amounts have no decimal places: {value}",
        "ja": "{currency} の金額に小数点以下は指定できません: {value}",
    },
    "money.too_large": {"en": "The amount is too large: {value}", "ja": "金額が大きすぎます: {value}"},
    "money.other_currency": {
        "en": "The amount is in {found}, not {currency}: {value}",
        "ja": "金額が {currency} ではなく {found} です: {value}",
    },
    "money.not_included": {"en": "{count} sessions in {currency} are not included.",
                           "ja": "{currency} のセッション {count}件は含まれていません。"},
    "money.not_included_one": {"en": "1 session in {currency} is not included.",
                               "ja": "{currency} のセッション 1件は含まれていません。"},
    "cli.init_currency": {"en": "Currency: {currency}", "ja": "通貨: {currency}"},
    "money.unknown_currency": {
        "en": "Not a currency code LoyalDesk knows (ISO 4217, e.g. JPY, USD, EUR): {value}",
        "ja": "通貨コードが正しくありません（ISO 4217、例: JPY、USD、EUR）: {value}",
    },
})


class AmountError(ValidationError):
    """Text that is not an amount in the given currency; the message says why in the user's language."""

    def __init__(self, key: str, field: str | None = "fee", **params: object) -> None:
        super().__init__(key, field=field, **params)


# ---------------------------------------------------------------------------------------------
# currencies


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(list_currencies())


@lru_cache(maxsize=1)
def current_currencies() -> tuple[str, ...]:
    """ISO codes of the currencies legal tender somewhere today (CLDR), the common ones first."""
    codes = {
        code
        for entries in get_global("territory_currencies").values()
        for code, _start, end, tender in entries
        if end is None and tender
    }
    rest = sorted(codes - set(COMMON_CURRENCIES))
    return tuple(c for c in COMMON_CURRENCIES if c in codes) + tuple(rest)


def normalize_currency(code: object) -> str:
    """An ISO 4217 code in upper case ("usd" -> "USD"); anything else raises AmountError."""
    text = unicodedata.normalize("NFKC", str(code or "")).strip().upper()
    if text in COMMON_CURRENCIES:  # known without loading Babel's currency list (15 ms per process)
        return text
    if not re.fullmatch(r"[A-Z]{3}", text) or text not in _known():
        raise AmountError("money.unknown_currency", field="currency", value=code)
    return text


def is_currency(code: object) -> bool:
    try:
        normalize_currency(code)
    except AmountError:
        return False
    return True


def decimals(currency: str) -> int:
    """How many decimal places the currency's amounts have (JPY 0, USD 2, BHD 3): ISO 4217 via Babel."""
    return get_currency_precision(currency)


def babel_locale(lang: str | None = None) -> str:
    """The Babel locale for an app language ("en" -> "en_US") or a locale given as such ("de_DE")."""
    lang = lang or current_language()
    return LANGUAGE_LOCALES.get(lang, lang)


def currency_name(currency: str, lang: str | None = None) -> str:
    """The currency's name in the language ("US Dollar", "米ドル")."""
    return get_currency_name(currency, locale=babel_locale(lang))


def currency_label(currency: str, lang: str | None = None) -> str:
    """How a picker lists a currency: "USD — US Dollar ($)"."""
    symbol = symbol_of(currency, lang)
    name = currency_name(currency, lang)
    return f"{currency} — {name}" + (f" ({symbol})" if symbol != currency else "")


def symbol_of(currency: str, lang: str | None = None) -> str:
    """The currency's symbol as written in the language ("$", "€", "¥"; the code when it has none)."""
    return _tidy(get_currency_symbol(currency, locale=babel_locale(lang)))


def _tidy(text: str) -> str:
    # CLDR's Japanese locale writes the yen sign full-width (￥); LoyalDesk has always written ¥.
    return text.replace("\uffe5", "¥")


# ---------------------------------------------------------------------------------------------
# minor units <-> decimal amounts


def to_major(minor: int, currency: str) -> Decimal:
    """123456 cents -> Decimal('1234.56'); 30000 yen -> Decimal('30000')."""
    return Decimal(int(minor)).scaleb(-decimals(currency))


def to_minor(amount: Decimal | int | str, currency: str) -> int:
    """Decimal('1234.56') USD -> 123456. More decimals than the currency has raise AmountError."""
    try:
        value = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    except InvalidOperation as exc:
        raise AmountError("money.invalid", currency=currency, value=amount) from exc
    if not value.is_finite():
        raise AmountError("money.invalid", currency=currency, value=amount)
    digits = decimals(currency)
    minor = value.scaleb(digits)
    if minor != minor.to_integral_value():
        key = "money.no_decimals" if digits == 0 else "money.too_many_decimals"
        raise AmountError(key, currency=currency, digits=digits, value=amount)
    if abs(minor) >= AMOUNT_LIMIT:
        raise AmountError("money.too_large", value=amount)
    return int(minor)


# ---------------------------------------------------------------------------------------------
# formatting


def format_amount(minor: int | None, currency: str, lang: str | None = None, *, code: bool = False,
                  blank: str = "") -> str:
    """An amount for a person: 3000000 JPY -> "¥3,000,000"; 123456 USD -> "$1,234.56" (en),
    "1.234,56 €" for EUR in "de_DE". `code=True` writes the ISO code instead of the symbol
    ("USD 150.00"): how a session in another currency than the practice's is shown. None gives
    `blank`. A negative amount starts with a minus sign (−$12.50).
    """
    if minor is None:
        return blank
    value = to_major(minor, currency)
    locale = babel_locale(lang)
    if code:
        number = format_decimal(abs(value), format=_number_pattern(currency), locale=locale)
        text = f"{currency}\u00a0{number}"
    else:
        text = _tidy(format_currency(abs(value), currency, locale=locale, currency_digits=True))
        # CLDR's currency spacing, which Babel leaves out: a letter sign and the number apart (CHF 5.00)
        text = re.sub(r"(?<=[^\W\d])(?=\d)|(?<=\d)(?=[^\W\d])", "\u00a0", text)
    return f"{MINUS}{text}" if value < 0 else text


def format_number(minor: int | None, currency: str, lang: str | None = None) -> str:
    """The amount without a currency sign, with the currency's decimals: "1,234.56" (for tables
    whose heading names the currency, and for fee fields)."""
    if minor is None:
        return ""
    value = to_major(minor, currency)
    text = format_decimal(abs(value), format=_number_pattern(currency), locale=babel_locale(lang))
    return f"{MINUS}{text}" if value < 0 else text


def plain(minor: int, currency: str) -> str:
    """The amount as a plain decimal number for files other programs read ("1234.56", "30000")."""
    return format(to_major(minor, currency), "f")


def _number_pattern(currency: str) -> str:
    digits = decimals(currency)
    return "#,##0" + ("." + "0" * digits if digits else "")


def xlsx_number_format(currency: str, lang: str | None = None) -> str:
    """An Excel number format showing the currency as the language writes it: '"$"#,##0.00',
    '"¥"#,##0', '#,##0.00" €"' (de_DE). The cells hold the amount in major units (to_major)."""
    pattern = Locale.parse(babel_locale(lang)).currency_formats["standard"].pattern.split(";")[0]
    symbol = symbol_of(currency, lang).replace('"', "")
    number = _number_pattern(currency)
    match = re.search(r"[#0,.]+", pattern)
    if match is None:  # pragma: no cover - every CLDR currency pattern holds a number
        return f'"{symbol}"{number}'
    before, after = pattern[: match.start()], pattern[match.end():]

    def quote(part: str) -> str:
        part = part.replace("\u00a0", " ")
        return f'"{part.replace("¤", symbol)}"' if part else ""

    positive = f"{quote(before)}{number}{quote(after)}"
    negative = f'"{MINUS}{positive[1:]}' if positive.startswith('"') else f'"{MINUS}"{positive}'
    return f"{positive};{negative}"


def axis_unit(currency: str, largest_minor: int, lang: str | None = None) -> tuple[int, str]:
    """How a chart axis shows amounts up to `largest_minor`: (divisor in minor units, unit words).

    Japanese yen axes count in 万円 (10,000 yen) as Japanese readers expect, English ones in ¥
    thousands; other currencies count in thousands ("$ thousands", 千米ドル) once the values reach
    ten thousand, else in whole units ("$", 米ドル).
    """
    lang = lang or current_language()
    one = 10 ** decimals(currency)
    symbol = symbol_of(currency, lang)
    if currency == "JPY" and lang == "ja":
        return 10_000, "万円"
    if currency == "JPY" or largest_minor >= 10_000 * one:
        return 1000 * one, (f"千{currency_name(currency, lang)}" if lang == "ja" else f"{symbol} thousands")
    return one, (currency_name(currency, lang) if lang == "ja" else symbol)


# ---------------------------------------------------------------------------------------------
# parsing


_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff']+")
_DASHES = str.maketrans({c: "-" for c in "－ー−‐‑‒–—―ｰ﹣⁃"})
_JA_UNITS = re.compile(r"^(?:(\d+(?:\.\d+)?)万)?(?:(\d+(?:\.\d+)?)千)?(\d+(?:\.\d+)?)?$")
_TAX_WORDS = ("(税込)", "(税抜)", "税込", "税抜")


@lru_cache(maxsize=64)
def _symbols() -> dict[str, str]:
    """Every symbol Babel knows for the common currencies in a few locales -> the ISO code
    ("$" -> USD, "US$" -> USD, "€" -> EUR, "£" -> GBP, "¥"/"￥"/"円" -> JPY). Ambiguous bare
    symbols ("$" for CAD, AUD...) are read as the practice's currency by parse_amount."""
    found: dict[str, str] = {"円": "JPY", "¥": "JPY", "￥": "JPY", "\\": "JPY", "元": "CNY", "₩": "KRW"}
    for code in COMMON_CURRENCIES:
        for loc in ("en", "en_US", "en_GB", "en_AU", "en_CA", "ja", "de", "fr", "zh", "ko"):
            try:
                symbol = get_currency_symbol(code, locale=loc)
            except UnknownLocaleError:  # pragma: no cover - the locales above ship with Babel
                continue
            if symbol != code and symbol not in ("$", "¥", "￥", "元", "￥"):
                found.setdefault(symbol, code)
    return found


def _strip_currency(text: str, currency: str) -> tuple[str, str | None]:
    """Remove a currency code or symbol before or after the number; return (rest, code found)."""
    found: str | None = None
    code = re.match(r"^([A-Za-z]{3})(?![A-Za-z])", text) or re.search(r"(?<![A-Za-z])([A-Za-z]{3})$", text)
    if code and code.group(1).upper() in _known():
        found = code.group(1).upper()
        text = text[: code.start()] + text[code.end():]
    symbols = sorted(_symbols(), key=len, reverse=True)
    for _ in range(2):  # "US$ 5" and "¥30,000円" carry two marks
        for symbol in symbols:
            if text.startswith(symbol) or text.endswith(symbol):
                text = text[len(symbol):] if text.startswith(symbol) else text[: -len(symbol)]
                found = found or _symbols()[symbol]
                break
        else:
            if text.startswith("$") or text.endswith("$"):
                text = text.strip("$")
                found = found or (currency if symbol_of(currency, "en").endswith("$") else "USD")
            else:
                break
        text = text.strip()
    return text, found


def _decimal_text(text: str, currency: str, locale: str) -> str:
    """"1,234.56" / "1.234,56" / "1 234,56" -> "1234.56": which mark is the decimal one."""
    dec, group = get_decimal_symbol(locale), get_group_symbol(locale)
    marks = [c for c in text if c in ".,"]
    if not marks:
        return text
    if "." in marks and "," in marks:
        decimal_mark = marks[-1]  # the last one separates the decimals: 1,234.56 or 1.234,56
        if marks.count(decimal_mark) > 1:
            raise ValueError(text)
    elif len(marks) > 1:
        decimal_mark = None  # 1,234,567 or 1.234.567: grouping only
    else:
        mark = marks[0]
        tail = text.rsplit(mark, 1)[1]
        if len(tail) == 3 and (mark == group or (group not in ".," and mark == ",")):
            decimal_mark = None if decimals(currency) < 3 or mark == group else mark  # 1,234 in English
        elif len(tail) == 3 and mark == dec and decimals(currency) < 3:
            decimal_mark = None if mark == "," else mark  # 1.234 in English: a fraction, refused below
        elif mark == "," and dec != "," and len(tail) != decimals(currency):
            raise ValueError(text)  # 3,00 for yen in English: neither grouping nor the currency's decimals
        else:
            decimal_mark = mark
    group_mark = {".": ",", ",": "."}[decimal_mark] if decimal_mark else marks[0]
    head, _, frac = text.rpartition(decimal_mark) if decimal_mark else (text, "", "")
    parts = head.split(group_mark)
    if len(parts) > 1 and (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])):
        if not (locale.startswith(("hi", "en_IN")) and all(len(p) == 2 for p in parts[1:-1])):
            raise ValueError(text)  # 12,34 is not a grouped number
    number = "".join(parts)
    return f"{number}.{frac}" if decimal_mark else number


def parse_amount(value: object, currency: str, lang: str | None = None, *, allow_negative: bool = False) -> int:
    """Text (or a spreadsheet number) -> an amount in the currency's minor units.

    For USD: "150" -> 15000, "150.00" -> 15000, "6.75" -> 675, "$1,234.56" -> 123456,
    "USD 1,234.56" -> 123456, "1.234,56" -> 123456 (the decimal mark is the last of "." and ","),
    a spreadsheet number 6.75 -> 675. For JPY: "¥30,000", "￥３０，０００", "\\30,000",
    "30,000円", "30000", "30,000.00" -> 30000, and "3万", "3.5万円", "3万5千円". For EUR in
    "de_DE": "1.234,50 €" -> 123450. Empty text and None give 0.

    Raises AmountError (a ValidationError with field "fee") with a message in the user's language
    for anything else: more decimals than the currency has, a negative amount (-3000, △3000,
    ▲3000, (3000)) unless allow_negative, or a sign or code of another currency ("€5" for USD:
    the caller decides whether that row is a session in another currency; see `parse_money`).
    """
    minor, found = parse_money(value, currency, lang, allow_negative=allow_negative)
    if found != currency:
        raise AmountError("money.other_currency", currency=currency, found=found, value=value)
    return minor


def parse_money(value: object, currency: str, lang: str | None = None, *,
                allow_negative: bool = False) -> tuple[int, str]:
    """Like parse_amount, but text marked with another currency's code or sign is read in that
    currency: returns (minor units, ISO code). "€1.234,50" with currency "JPY" -> (123450, "EUR")."""
    if value is None:
        return 0, currency
    if isinstance(value, bool):
        raise AmountError("money.invalid", currency=currency, value=value)
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if number < 0 and not allow_negative:
            raise AmountError("money.negative", value=value)
        if isinstance(value, float):  # a spreadsheet cell: 6.75 stored as 6.749999...
            digits = decimals(currency)
            rounded = number.quantize(Decimal(1).scaleb(-digits)) if abs(number) < AMOUNT_LIMIT else number
            if abs(rounded - number) < Decimal("1e-9"):
                number = rounded
        return to_minor(number, currency), currency
    raw = str(value).strip()
    if not raw:
        return 0, currency
    locale = babel_locale(lang)
    text = _SPACES.sub("", unicodedata.normalize("NFKC", raw).replace("\u00a0", " ")).translate(_DASHES)
    text = text.replace("\uffe5", "¥")
    for token in _TAX_WORDS:
        text = text.replace(token, "")
    negative = False
    if text.startswith(("-", "△", "▲")) or (text.startswith("(") and text.endswith(")")):
        negative, text = True, text.lstrip("-△▲").removeprefix("(").removesuffix(")")
    if text.endswith("-"):
        negative, text = True, text[:-1]
    text, found = _strip_currency(text, currency)
    if text.startswith(("-", "△", "▲")):
        negative, text = True, text.lstrip("-△▲")
    found = found or currency
    try:
        if (found == "JPY") and ("万" in text or "千" in text):
            match = _JA_UNITS.match(text.replace(",", ""))  # 3万5千円, 3.5万, 1,000万
            if not match or not any(match.groups()):
                raise ValueError(text)
            number = sum((Decimal(g) * f for g, f in zip(match.groups(), (10000, 1000, 1)) if g), Decimal(0))
        else:
            cleaned = _decimal_text(text, found, locale)
            if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", cleaned):
                raise ValueError(text)
            number = Decimal(cleaned)
    except (ValueError, InvalidOperation) as exc:
        raise AmountError("money.invalid", currency=found, value=raw) from exc
    if negative and number:
        if not allow_negative:
            raise AmountError("money.negative", value=raw)
        number = -number
    try:
        return to_minor(number, found), found
    except AmountError as exc:
        exc.params["value"] = raw
        raise AmountError(exc.key, **exc.params) from None
