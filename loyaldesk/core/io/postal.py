"""Countries and postal codes of imported addresses.

A country cell ("JP", "Japan", "日本", "United States", "USA") becomes an ISO 3166 code with
country_code(); the names come from Babel's CLDR data in English and Japanese when Babel is
installed, else from the short table below. A postal code is checked by its country's rule
(check_postal): Japan strictly (7 digits, written 123-4567), a few countries by their pattern,
the others by a sane shape (2 to 10 letters, digits, spaces or hyphens, at least one digit). A
foreign code is never rewritten into another country's format: only its width and spaces are
normalised.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DEFAULT_COUNTRY = "JP"  # the practice's country when an address names none

_ALIASES = {
    "jp": "JP", "jpn": "JP", "japan": "JP", "日本": "JP", "日本国": "JP", "にほん": "JP", "nippon": "JP",
    "us": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US", "united states": "US", "united states of america": "US",
    "america": "US", "アメリカ": "US", "アメリカ合衆国": "US", "米国": "US",
    "cn": "CN", "china": "CN", "中国": "CN", "中華人民共和国": "CN", "people's republic of china": "CN",
    "uk": "GB", "gb": "GB", "united kingdom": "GB", "great britain": "GB", "england": "GB", "イギリス": "GB", "英国": "GB",
    "kr": "KR", "korea": "KR", "south korea": "KR", "韓国": "KR", "大韓民国": "KR",
    "tw": "TW", "taiwan": "TW", "台湾": "TW", "ca": "CA", "canada": "CA", "カナダ": "CA",
    "de": "DE", "germany": "DE", "ドイツ": "DE", "fr": "FR", "france": "FR", "フランス": "FR",
    "au": "AU", "australia": "AU", "オーストラリア": "AU", "in": "IN", "india": "IN", "インド": "IN",
    "sg": "SG", "singapore": "SG", "シンガポール": "SG", "hk": "HK", "hong kong": "HK", "香港": "HK",
    "es": "ES", "spain": "ES", "スペイン": "ES", "it": "IT", "italy": "IT", "イタリア": "IT",
    "mx": "MX", "mexico": "MX", "メキシコ": "MX", "br": "BR", "brazil": "BR", "ブラジル": "BR",
    "th": "TH", "thailand": "TH", "タイ": "TH", "vn": "VN", "vietnam": "VN", "viet nam": "VN", "ベトナム": "VN",
    "ph": "PH", "philippines": "PH", "フィリピン": "PH", "nl": "NL", "netherlands": "NL", "オランダ": "NL",
    "ch": "CH", "switzerland": "CH", "スイス": "CH", "nz": "NZ", "new zealand": "NZ", "ニュージーランド": "NZ",
}

# Postal code patterns (after NFKC, upper-case, spaces collapsed) of the countries most often met.
_PATTERNS = {
    "US": re.compile(r"^\d{5}(-\d{4})?$"),
    "CA": re.compile(r"^[A-Z]\d[A-Z] ?\d[A-Z]\d$"),
    "GB": re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$"),
    "CN": re.compile(r"^\d{6}$"),
    "IN": re.compile(r"^\d{6}$"),
    "SG": re.compile(r"^\d{6}$"),
    "KR": re.compile(r"^\d{5}$"),
    "TW": re.compile(r"^\d{3}(\d{2,3})?$"),
    "DE": re.compile(r"^\d{5}$"),
    "FR": re.compile(r"^\d{5}$"),
    "ES": re.compile(r"^\d{5}$"),
    "IT": re.compile(r"^\d{5}$"),
    "MX": re.compile(r"^\d{5}$"),
    "TH": re.compile(r"^\d{5}$"),
    "AU": re.compile(r"^\d{4}$"),
    "NZ": re.compile(r"^\d{4}$"),
    "CH": re.compile(r"^\d{4}$"),
    "PH": re.compile(r"^\d{4}$"),
    "NL": re.compile(r"^\d{4} ?[A-Z]{2}$"),
    "BR": re.compile(r"^\d{5}-?\d{3}$"),
}
_SANE = re.compile(r"^(?=.*\d)[A-Z\d][A-Z\d -]{0,8}[A-Z\d]$")
_DASHES = str.maketrans({c: "-" for c in "－ー−‐‑‒–—―ｰ﹣⁃"})
_JP_MARKS = re.compile(r"[\s〒〶〠-]")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    table = dict(_ALIASES)
    try:
        from babel import Locale
    except ImportError:  # Babel is optional here: the table above covers the common countries
        return table
    for lang in ("en", "ja"):
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha():
                table.setdefault(_key(name), code)
    return table


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").lower().split())


def country_code(value: str | None) -> str:
    """'Japan' / '日本' / 'jp' -> 'JP'; '' stays ''; a name not known is kept as written (trimmed)."""
    text = " ".join((value or "").split())
    if not text:
        return ""
    key = _key(text)
    found = _names().get(key) or _names().get(key.rstrip("."))
    if found:
        return found
    if len(key) == 2 and key.isascii() and key.isalpha():
        return key.upper()
    return text


# The practice's country, from its currency where the currency names one country (EUR does not).
_CURRENCY_COUNTRY = {
    "JPY": "JP", "USD": "US", "GBP": "GB", "CAD": "CA", "AUD": "AU", "NZD": "NZ", "CNY": "CN", "KRW": "KR",
    "TWD": "TW", "HKD": "HK", "SGD": "SG", "INR": "IN", "CHF": "CH", "THB": "TH", "PHP": "PH", "MXN": "MX",
    "BRL": "BR",
}


def home_country_for(currency: str | None) -> str:
    """The country of an address that names none: the practice's (Japan for a yen practice, the United
    States for a dollar one); '' when the currency does not tell (EUR)."""
    return _CURRENCY_COUNTRY.get((currency or "JPY").upper(), "")


def japanese_postal(value: str) -> str | None:
    """'〒１５０－０００１' / '1500001' -> '150-0001'; None when it is not 7 digits."""
    digits = _JP_MARKS.sub("", unicodedata.normalize("NFKC", value or "").translate(_DASHES))
    if len(digits) == 7 and digits.isascii() and digits.isdigit():
        return f"{digits[:3]}-{digits[3:]}"
    return None


def foreign_postal(value: str, country: str) -> str | None:
    """A foreign postal code with its width and spaces normalised (never reformatted), or None when it
    does not fit the country's pattern (or, for a country without one, a sane shape)."""
    text = " ".join(unicodedata.normalize("NFKC", value or "").translate(_DASHES).upper().split())
    pattern = _PATTERNS.get(country)
    if pattern is not None:
        return text if pattern.match(text) else None
    return text if _SANE.match(text) else None
