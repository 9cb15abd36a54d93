"""User-visible labels for values the core stores as keys, and value formatting."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from loyaldesk import paths


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_PHRASE_BREAKS = re.compile(r"( · |・|、|。)")


def keep_phrases(text: str) -> str:
    """Japanese text wraps only between its phrases (at ・, · , 、 and 。): 連絡間隔 45日 or セッション 12回
    never splits across lines (a word joiner between the characters of each phrase, no-break spaces in a
    short one; a long phrase may also wrap at its spaces). In English, or without Japanese, the text is
    returned as it is."""
    from loyaldesk.core.i18n import current_language

    if not text or current_language() != "ja" or not _CJK.search(text):
        return text

    def kept(phrase: str) -> str:
        if len(phrase) <= PHRASE_MAX:
            return "\u2060".join(phrase.replace(" ", "\u00a0"))
        return " ".join("\u2060".join(word) for word in phrase.split(" "))

    parts = _PHRASE_BREAKS.split(text)
    return "".join(p if i % 2 else kept(p) for i, p in enumerate(parts))


PHRASE_MAX = 14  # characters: a longer phrase also wraps at its spaces


def list_text(items) -> str:
    """Items of a list in a sentence, joined as the UI language writes them (、 in Japanese, ", " in English)."""
    from loyaldesk.core.i18n import join_list

    return join_list(items)


def channel_labels() -> dict[str, str]:
    return {
        "letter": QCoreApplication.translate("Labels", "Letter"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "call": QCoreApplication.translate("Labels", "Call"),
        "meeting": QCoreApplication.translate("Labels", "Meeting"),
        "sns": QCoreApplication.translate("Labels", "SNS"),
        "event": QCoreApplication.translate("Labels", "Event"),
        "gift": QCoreApplication.translate("Labels", "Gift"),
        "card": QCoreApplication.translate("Labels", "Card"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }


def channel_label(channel: str) -> str:
    return channel_labels().get(channel, channel)


def tier_labels() -> dict[str, str]:
    return {
        "vip": QCoreApplication.translate("Labels", "VIP"),
        "candidate": QCoreApplication.translate("Labels", "Candidate"),
        "regular": QCoreApplication.translate("Labels", "Regular"),
        "new": QCoreApplication.translate("Labels", "New"),
        "prospect": QCoreApplication.translate("Labels", "Prospect"),
    }


def tier_label(tier: str | None) -> str:
    return tier_labels().get(tier or "", tier or "")


# Tier colours: loyaldesk.ui.theme.tier_color (a light/dark pair chosen by the palette).


def status_labels() -> dict[str, str]:
    return {
        "active": QCoreApplication.translate("Labels", "Active"),
        "overdue": QCoreApplication.translate("Labels", "Overdue"),
        "at_risk": QCoreApplication.translate("Labels", "At risk"),
        "dormant": QCoreApplication.translate("Labels", "Dormant"),
    }


def status_label(status: str | None) -> str:
    return status_labels().get(status or "", status or "")


def suggestion_labels() -> dict[str, str]:
    return {
        "thank_you": QCoreApplication.translate("Labels", "Thank-you letter"),
        "follow_up": QCoreApplication.translate("Labels", "After-service follow-up"),
        "reconnect": QCoreApplication.translate("Labels", "Reconnect"),
        "birthday": QCoreApplication.translate("Labels", "Birthday"),
        "anniversary": QCoreApplication.translate("Labels", "Anniversary"),
        "season_greeting": QCoreApplication.translate("Labels", "Season greeting"),
        "vip_invitation": QCoreApplication.translate("Labels", "VIP invitation"),
        "referral_request": QCoreApplication.translate("Labels", "Ask for a referral"),
        "referral_thanks": QCoreApplication.translate("Labels", "Thank the referrer"),
        "recognition": QCoreApplication.translate("Labels", "Recognition"),
        "role_offer": QCoreApplication.translate("Labels", "Offer a role"),
        "feedback_invite": QCoreApplication.translate("Labels", "Invite feedback"),
    }


def suggestion_label(kind: str, template: str = "") -> str:
    """The action's name; a season greeting is named by its season (New Year card, ...)."""
    if template.startswith("season_greeting."):
        season = {
            "season_greeting.new_year": QCoreApplication.translate("Labels", "New Year card"),
            "season_greeting.summer": QCoreApplication.translate("Labels", "Summer greeting"),
            "season_greeting.year_end": QCoreApplication.translate("Labels", "Year-end greeting"),
            "season_greeting.winter_mourning": QCoreApplication.translate("Labels", "Winter greeting (in mourning)"),
        }.get(template)
        if season:
            return season
    return suggestion_labels().get(kind, kind)


def category_label(category: str) -> str:
    return QCoreApplication.translate("Labels", "Role") if category == "role" else QCoreApplication.translate("Labels", "Segment")


def money(amount: int | None, currency: str, *, code: bool = False) -> str:
    """An amount in minor units as the UI language writes it ($1,234.56, ¥30,000; USD 150.00 with code)."""
    from loyaldesk.core.money import format_amount

    return format_amount(amount, currency, code=code)


def session_fee(fee: int | None, foreign_currency: str | None, foreign_fee: int | None, currency: str) -> str:
    """A session's fee: $150.00; a session in another currency with its code, and the amount in the
    practice's currency when one is recorded: "EUR 80.00 (¥13,000)" or "EUR 80.00"."""
    if not foreign_currency:
        return money(fee, currency)
    text = money(foreign_fee, foreign_currency, code=True)
    return f"{text} ({money(fee, currency)})" if fee is not None else text


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def days_text(days: int | None) -> str:
    if days is None:
        return ""
    return QCoreApplication.translate("Labels", "%n days").replace("%n", f"{days:,}") if days != 1 else QCoreApplication.translate("Labels", "1 day")


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = paths.resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
