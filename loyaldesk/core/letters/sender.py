"""The sender profiles: who signs the letters and cards, one profile per language (Preferences > Sender).

A Japanese profile (kanji name and its reading, business name, Japanese postal code and address, a domestic
phone 03-1234-5678) signs the Japanese documents; an English one (name, business, address, an international
phone +81 3 1234 5678) the English ones. Each document takes the profile of its own language
(SenderProfiles.for_lang); when that one is not filled in, the other one signs it and the document pipeline
warns before anything is written (SenderProfiles.warning).

Stored in the `settings` table, one JSON string per key (`sender_ja_name`, `sender_en_name`, ...; the date
style `sender_date_style` is shared), so the CLI, the app and any copy of the file sign the same way.
Schema 15 moved the single profile of older files (`sender_name`, ...) to the profile of its script's
language (loyaldesk.core.migrations).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields

from loyaldesk.core.db import Database
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG, current_language, t

MAX_LENGTH = 200
PROFILE_LANGS = ("ja", "en")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

CATALOG.update({
    "sender.too_long": {
        "en": "The sender's {what} is too long (at most 200 characters).",
        "ja": "差出人の{what}が長すぎます（200文字まで）。",
    },
    "sender.email_invalid": {
        "en": "The sender's e-mail address is not valid: {value}",
        "ja": "差出人のメールアドレスが正しくありません: {value}",
    },
    "sender.field.name": {"en": "name", "ja": "氏名"},
    "sender.field.name_kana": {"en": "name reading", "ja": "氏名のふりがな"},
    "sender.field.business": {"en": "business name", "ja": "屋号・事業者名"},
    "sender.field.postal_code": {"en": "postal code", "ja": "郵便番号"},
    "sender.field.address": {"en": "address", "ja": "住所"},
    "sender.field.phone": {"en": "phone", "ja": "電話番号"},
    "sender.field.email": {"en": "e-mail", "ja": "メールアドレス"},
    "sender.field.website": {"en": "website", "ja": "ウェブサイト"},
    "sender.field.date_style": {"en": "date style", "ja": "日付の書き方"},
    "sender.lang.ja": {"en": "Japanese", "ja": "日本語"},
    "sender.lang.en": {"en": "English", "ja": "英語"},
    "sender.profile_missing": {
        "en": "There is no {language} sender profile: the {language} documents ({count}) will be signed with the "
              "{other} one ({name}). Fill in the {language} profile in Preferences > Sender.",
        "ja": "{language}の差出人情報がありません。{language}の書類 {count}件に{other}の差出人情報（{name}）を使います。"
              "環境設定 > 差出人 で{language}の差出人情報を入力してください。",
    },
    "sender.date_style_invalid": {
        "en": "Unknown date style: {value} (western or era).",
        "ja": "日付の書き方が正しくありません: {value}（western か era）。",
    },
})

DATE_STYLES = ("western", "era")  # Japanese letters dated 2026年11月29日, or 令和8年11月29日


@dataclass
class SenderProfile:
    name: str = ""  # the consultant's name, as signed
    name_kana: str = ""  # the reading of the name (Japanese profile: フリガナ)
    business: str = ""  # business or practice name
    postal_code: str = ""
    address: str = ""  # may hold several lines
    phone: str = ""
    email: str = ""
    website: str = ""
    date_style: str = "western"  # how Japanese letters and cards are dated: DATE_STYLES

    def identity(self) -> tuple[str, ...]:
        """Who signs (everything but the date style): empty when the profile is not filled in."""
        return tuple(v for k, v in asdict(self).items() if k != "date_style")

    def validate(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, str) or len(value) > MAX_LENGTH:
                raise ValidationError("sender.too_long", field=f.name, what=t(f"sender.field.{f.name}"))
        if self.email.strip() and not _EMAIL.match(self.email.strip()):
            raise ValidationError("sender.email_invalid", field="email", value=self.email)
        if self.date_style.strip() not in DATE_STYLES:
            raise ValidationError("sender.date_style_invalid", field="date_style", value=self.date_style)

    def stripped(self) -> SenderProfile:
        return SenderProfile(**{k: (v or "").strip() for k, v in asdict(self).items()})

    @property
    def filled(self) -> bool:
        return any(x.strip() for x in self.identity())

    def script_lang(self) -> str:
        """The language its script suggests: ja when the name, business or address holds Japanese script."""
        return "ja" if any(is_japanese_text(x) for x in (self.name, self.business, self.address)) else "en"


@dataclass
class SenderProfiles:
    """The Japanese and the English sender profile (the date style is the same in both)."""

    ja: SenderProfile
    en: SenderProfile

    def own(self, lang: str) -> SenderProfile:
        """The profile of `lang` as stored (empty when not filled in)."""
        return self.ja if lang == "ja" else self.en

    def for_lang(self, lang: str) -> SenderProfile:
        """The profile that signs a document in `lang`: its own, else the other one when only that is filled in."""
        own = self.own(lang)
        if own.filled:
            return own
        other = self.own(_other(lang))
        return other if other.filled else own

    def falls_back(self, lang: str) -> bool:
        """Whether a document in `lang` is signed with the other language's profile."""
        return not self.own(lang).filled and self.own(_other(lang)).filled

    def warning(self, lang: str, count: int, ui_lang: str | None = None) -> str:
        """The warning shown before `count` documents in `lang` are written with the other profile ('' if not)."""
        if not count or not self.falls_back(lang):
            return ""
        other = self.own(_other(lang))
        return t("sender.profile_missing", ui_lang, language=t(f"sender.lang.{lang}", ui_lang),
                 other=t(f"sender.lang.{_other(lang)}", ui_lang), count=count,
                 name=other.name or other.business)


def is_japanese_text(text: str) -> bool:
    """Whether the text holds Japanese script (kana or kanji)."""
    return bool(_JAPANESE.search(text or ""))


def _other(lang: str) -> str:
    return "en" if lang == "ja" else "ja"


def sender_for(sender: SenderProfile | SenderProfiles, lang: str) -> SenderProfile:
    """The profile signing a document in `lang` (a single SenderProfile signs everything)."""
    return sender.for_lang(lang) if isinstance(sender, SenderProfiles) else sender


_PROFILE_FIELDS = tuple(f.name for f in fields(SenderProfile) if f.name != "date_style")


def _key(name: str, lang: str | None = None) -> str:
    return f"sender_{lang}_{name}" if lang else f"sender_{name}"


def _value(stored: dict, key: str) -> str | None:
    try:
        value = json.loads(stored[key])
    except (KeyError, ValueError):
        return None
    return value if isinstance(value, str) and len(value) <= MAX_LENGTH else None


def load_profiles(db: Database) -> SenderProfiles:
    """Both stored profiles; missing or unreadable values are empty."""
    stored = {r["key"]: r["value"] for r in db.query("SELECT key, value FROM settings WHERE key LIKE 'sender\\_%' "
                                                     "ESCAPE '\\'")}
    style = _value(stored, _key("date_style"))
    style = style if style in DATE_STYLES else "western"  # written by another tool: the default
    result = []
    for lang in PROFILE_LANGS:
        profile = SenderProfile(date_style=style)
        for name in _PROFILE_FIELDS:
            value = _value(stored, _key(name, lang))
            if value is not None:
                setattr(profile, name, value)
        result.append(profile)
    return SenderProfiles(*result)


def load_sender(db: Database, lang: str | None = None) -> SenderProfile:
    """The profile signing documents in `lang` (default: the user's language), see SenderProfiles.for_lang."""
    return load_profiles(db).for_lang(lang or current_language())


def save_sender(db: Database, profile: SenderProfile, lang: str | None = None) -> None:
    """Save the profile of `lang` (default: the language of its script) and the shared date style."""
    profile = profile.stripped()
    profile.validate()
    lang = lang or profile.script_lang()
    if lang not in PROFILE_LANGS:
        raise ValueError(f"no sender profile for {lang!r}")
    rows = [(_key(k, lang), json.dumps(getattr(profile, k), ensure_ascii=False)) for k in _PROFILE_FIELDS]
    rows.append((_key("date_style"), json.dumps(profile.date_style)))
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            rows)


def save_profiles(db: Database, profiles: SenderProfiles) -> None:
    """Both profiles in one transaction (the date style of the Japanese one is the shared one)."""
    ja, en = profiles.ja.stripped(), profiles.en.stripped()
    ja.validate()
    en.date_style = ja.date_style
    en.validate()
    rows = [(_key(k, lang), json.dumps(getattr(p, k), ensure_ascii=False))
            for lang, p in (("ja", ja), ("en", en)) for k in _PROFILE_FIELDS]
    rows.append((_key("date_style"), json.dumps(ja.date_style)))
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            rows)
