"""The sender profile: who signs the letters (filled in once, in Settings > Sender).

Stored in the `settings` table, one JSON string per key (`sender_name`, ...), so the CLI,
the app and any copy of the file sign the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields

from loyaldesk.core.db import Database
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG, t

MAX_LENGTH = 200
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
    "sender.field.business": {"en": "business name", "ja": "屋号・事業者名"},
    "sender.field.postal_code": {"en": "postal code", "ja": "郵便番号"},
    "sender.field.address": {"en": "address", "ja": "住所"},
    "sender.field.phone": {"en": "phone", "ja": "電話番号"},
    "sender.field.email": {"en": "e-mail", "ja": "メールアドレス"},
    "sender.field.website": {"en": "website", "ja": "ウェブサイト"},
    "sender.field.date_style": {"en": "date style", "ja": "日付の書き方"},
    "sender.date_style_invalid": {
        "en": "Unknown date style: {value} (western or era).",
        "ja": "日付の書き方が正しくありません: {value}（western か era）。",
    },
})

DATE_STYLES = ("western", "era")  # Japanese letters dated 2026年11月29日, or 令和8年11月29日


@dataclass
class SenderProfile:
    name: str = ""  # the consultant's name, as signed
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


def _key(name: str) -> str:
    return f"sender_{name}"


def load_sender(db: Database) -> SenderProfile:
    """The stored profile; missing or unreadable values are empty."""
    names = [f.name for f in fields(SenderProfile)]
    rows = db.query(f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' for _ in names)})",
                    [_key(n) for n in names])
    stored = {r["key"]: r["value"] for r in rows}
    profile = SenderProfile()
    for name in names:
        try:
            value = json.loads(stored.get(_key(name), '""'))
        except ValueError:
            continue
        if isinstance(value, str) and len(value) <= MAX_LENGTH:
            setattr(profile, name, value)
    if profile.date_style not in DATE_STYLES:  # written by another tool: the default
        profile.date_style = "western"
    return profile


def save_sender(db: Database, profile: SenderProfile) -> None:
    profile = profile.stripped()
    profile.validate()
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(_key(k), json.dumps(v, ensure_ascii=False)) for k, v in asdict(profile).items()],
        )
