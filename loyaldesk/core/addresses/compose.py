"""Who gets an address printed, with which options, and the vertical-writing text rules.

Vertical text (縦書き) is set by loyaldesk.core.typeset.vertical (JIS X 4051 / JLREQ): vertical forms
of punctuation and brackets, kinsoku, number groups kept in one column (digits as kanji or full-width
digits, a hyphen between numbers as の or a vertical stroke), Latin runs sideways or 縦中横.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field, fields

from loyaldesk.core import dates
# the paper sizes and label sheets (mm) live in layouts.py: the command line's parser reads them
# without importing this module
from loyaldesk.core.addresses.layouts import (  # noqa: F401
    A4, DL, ENVELOPE_LAYOUTS, LABEL_LAYOUTS, LETTER, NAGA3, NO10, POSTCARD, LabelLayout)
from loyaldesk.core.db import Database
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG
from loyaldesk.core.letters.compose import Recipient, Skipped, is_japanese, load_recipients
from loyaldesk.core.letters.sender import SenderProfiles, SenderProfile, load_profiles

NUMERALS = ("kanji", "fullwidth")
HYPHENS = ("stroke", "no")  # 1-2-3 -> 一｜二｜三 (a vertical stroke) or 一の二の三
SETTINGS_KEY = "address_options"

CATALOG.update({
    "addresses.option_invalid": {"en": "Invalid printing option: {name} = {value}",
                                 "ja": "印刷オプションが正しくありません: {name} = {value}"},
    "addresses.layout_invalid": {"en": "Unknown layout: {value} ({choices}).",
                                 "ja": "レイアウト {value} はありません（{choices}）。"},
    "addresses.start_invalid": {"en": "The start position must be between 1 and {cells} (got {value}).",
                                "ja": "開始位置は 1〜{cells} で指定してください（指定値: {value}）。"},
    "addresses.written": {"en": "Wrote {count} addresses to {path} ({pages} pages).",
                          "ja": "{path} に {count}件の宛名を書き出しました（{pages}ページ）。"},
    "addresses.none_written": {"en": "Nothing was written: every client selected was left out.",
                               "ja": "作成されませんでした（選択した顧客はすべて対象外です）。"},
    "addresses.cards_logged": {"en": "Recorded {count} cards as sent.", "ja": "はがき {count}通を送付済みとして記録しました。"},
    "addresses.skipped_line": {"en": "skipped: {name} (id {id}): {reason}", "ja": "対象外: {name}（ID {id}）: {reason}"},
    "addresses.out_invalid": {"en": "{path}: the output must be a .pdf file in an existing folder.",
                              "ja": "{path}: 出力先は既存のフォルダ内の .pdf ファイルにしてください。"},
    "addresses.joint_too_many": {"en": "At most {max} joint names.", "ja": "連名は {max}名までです。"},
    "addresses.season_needs_year": {"en": "--season needs --year YYYY.", "ja": "--season には --year YYYY も指定してください。"},
})


@dataclass
class AddressOptions:
    numerals: str = "kanji"  # kanji (一二三) or fullwidth (１２３) in vertical addresses
    hyphen: str = "stroke"  # stroke (a vertical line) or no (の) between numbers
    offset_x_mm: float = 0.0  # calibration: shift everything right (+) or left (-)
    offset_y_mm: float = 0.0  # calibration: shift everything down (+) or up (-)
    proof: bool = False  # draw the postal-code boxes and the card's edge (blank paper)
    sender: str = "back"  # envelopes: the sender on the back (a second page) or bottom_left of the front
    message_orientation: str = "horizontal"  # postcard message sides (message.py): horizontal or vertical

    def validate(self) -> None:
        checks = {"numerals": NUMERALS, "hyphen": HYPHENS, "sender": ("back", "bottom_left"),
                  "message_orientation": ("horizontal", "vertical")}
        for name, allowed in checks.items():
            if getattr(self, name) not in allowed:
                raise ValidationError("addresses.option_invalid", field=name, name=name, value=getattr(self, name))
        for name in ("offset_x_mm", "offset_y_mm"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or abs(value) > 20:
                raise ValidationError("addresses.option_invalid", field=name, name=name, value=value)


def load_options(db: Database) -> AddressOptions:
    """The options saved in the settings table (defaults for anything missing or unreadable)."""
    raw = db.scalar("SELECT value FROM settings WHERE key = ?", (SETTINGS_KEY,))
    options = AddressOptions()
    try:
        stored = json.loads(raw) if raw else {}
    except ValueError:
        stored = {}
    if isinstance(stored, dict):
        for f in fields(AddressOptions):
            if f.name in stored:
                candidate = AddressOptions(**{**asdict(options), f.name: stored[f.name]})
                try:
                    candidate.validate()
                except ValidationError:
                    continue
                options = candidate
    return options


def save_options(db: Database, options: AddressOptions) -> None:
    options.validate()
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (SETTINGS_KEY, json.dumps(asdict(options), ensure_ascii=False)))


# =========================================================================================
# Who
# =========================================================================================
@dataclass(slots=True)
class JointName:
    """A second addressee on the same card (連名), with its own honorific: 花子 様, 健太 くん."""

    name: str
    honorific: str = "様"


@dataclass(slots=True)
class AddressEntry:
    recipient: Recipient
    lang: str  # ja: vertical on postcards and 長形3号; en: horizontal
    joint: list[JointName] = field(default_factory=list)

    @property
    def client_id(self) -> int:
        return self.recipient.id


@dataclass(slots=True)
class AddressPlan:
    entries: list[AddressEntry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # the Japanese and the English sender profile: each entry is signed with the one of its language
    sender: SenderProfiles = field(default_factory=lambda: SenderProfiles(SenderProfile(), SenderProfile()))


HONORIFICS = ("様", "さま", "殿", "くん", "君", "ちゃん", "御中", "先生")
JOINT_MAX = 4


def parse_joint_names(text: str) -> list[JointName]:
    """'花子 様、健太 くん' / '花子, 健太 くん' (one per comma, 、 or line) -> joint names; 様 when none is given."""
    names: list[JointName] = []
    for part in re.split(r"[,、，\n;；]+", text or ""):
        part = " ".join(part.replace("\u3000", " ").split())
        if not part:
            continue
        honorific = "様"
        for h in HONORIFICS:
            if part.endswith(h) and part != h:
                part, honorific = part[: -len(h)].strip(), h
                break
        if part:
            names.append(JointName(part, honorific))
    if len(names) > JOINT_MAX:
        raise ValidationError("addresses.joint_too_many", field="joint_names", max=JOINT_MAX)
    return names


def format_joint_names(names: list[JointName]) -> str:
    return "、".join(f"{j.name} {j.honorific}" for j in names)


def load_joint_names(db: Database, client_ids: list[int]) -> dict[int, list[JointName]]:
    result: dict[int, list[JointName]] = {}
    for cid, name, honorific in db.query(
            "SELECT client_id, name, honorific FROM joint_names WHERE client_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY client_id, position, id", (json.dumps(list(client_ids)),), plain=True):
        result.setdefault(cid, []).append(JointName(name, honorific or ""))
    return result


def save_joint_names(db: Database, client_id: int, names: list[JointName]) -> None:
    """Replace the client's joint names (in this order)."""
    if len(names) > JOINT_MAX:
        raise ValidationError("addresses.joint_too_many", field="joint_names", max=JOINT_MAX)
    with db.transaction() as conn:
        conn.execute("DELETE FROM joint_names WHERE client_id = ?", (client_id,))
        conn.executemany("INSERT INTO joint_names (client_id, position, name, honorific) VALUES (?, ?, ?, ?)",
                         [(client_id, i, j.name.strip(), j.honorific.strip()) for i, j in enumerate(names)
                          if j.name.strip()])


def plan_addresses(db: Database, client_ids: list[int], *, as_of: dt.date | None = None,
                   joint: dict[int, list[JointName]] | None = None) -> AddressPlan:
    """One entry per client in order; archived, do-not-contact and address-less clients left out with the reason.
    Joint names (連名) come from the joint_names table unless given."""
    day = as_of or dates.today()
    recipients = load_recipients(db, client_ids, day)
    if joint is None:
        joint = load_joint_names(db, client_ids)
    plan = AddressPlan(sender=load_profiles(db))
    for cid in client_ids:
        r = recipients.get(cid)
        if r is None:
            plan.skipped.append(Skipped(cid, "", "not_found"))
            continue
        reason = ("archived" if r.archived else "do_not_contact" if r.do_not_contact
                  else "no_address" if not r.has_address else None)
        if reason:
            plan.skipped.append(Skipped(cid, r.name, reason))
            continue
        lang = "ja" if is_japanese(r.name, r.company, r.address1, r.address2) else "en"
        plan.entries.append(AddressEntry(r, lang, list((joint or {}).get(cid, []))))
    return plan


# =========================================================================================
# Vertical text
# =========================================================================================
KANJI_DIGITS = "〇一二三四五六七八九"
_HYPHENS = "-－‐‑‒–—―−ｰ"
# the vertical setting itself (cells, vertical forms, Latin runs, number groups): loyaldesk.core.typeset.vertical
from loyaldesk.core.typeset.vertical import (ROTATED, SMALL_KANA, STROKE, VERTICAL_FORMS, Cell,  # noqa: E402,F401
                                             vertical_cells)


def _is_digit(ch: str) -> bool:
    return ch.isdigit() or ch in KANJI_DIGITS


def normalize_numbers(text: str) -> str:
    """Full-width digits and letters to ASCII, every kind of hyphen after a digit to '-'."""
    out = []
    for ch in text:
        if "０" <= ch <= "９" or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ":
            ch = chr(ord(ch) - 0xFEE0)
        out.append(ch)
    text = "".join(out)
    # a hyphen (or ー typed by mistake) between two digits, or after a digit before a letter/digit
    return re.sub(rf"(?<=\d)[{re.escape(_HYPHENS)}ー](?=\d)", "-", text)


def convert_numbers(text: str, numerals: str = "kanji", hyphen: str = "stroke") -> str:
    """'神宮前1-2-34' -> '神宮前一｜二｜三四' (kanji, stroke) / '神宮前一の二の三四' / '神宮前１－２－３４'."""
    text = normalize_numbers(text)
    digits = KANJI_DIGITS if numerals == "kanji" else "０１２３４５６７８９"
    joined = re.sub(r"(?<=\d)-(?=\d)", "の" if hyphen == "no" else STROKE, text)
    return "".join(digits[int(ch)] if ch.isascii() and ch.isdigit() else ch for ch in joined)
