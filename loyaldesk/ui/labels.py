"""User-visible labels for values the core stores as keys, and value formatting."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from loyaldesk import paths


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def channel_labels() -> dict[str, str]:
    return {
        "letter": _tr("Letter"),
        "email": _tr("E-mail"),
        "call": _tr("Call"),
        "meeting": _tr("Meeting"),
        "sns": _tr("SNS"),
        "event": _tr("Event"),
        "gift": _tr("Gift"),
        "card": _tr("Card"),
        "other": _tr("Other"),
    }


def channel_label(channel: str) -> str:
    return channel_labels().get(channel, channel)


def category_label(category: str) -> str:
    return _tr("Role") if category == "role" else _tr("Segment")


def money(amount: int | None) -> str:
    if amount is None:
        return ""
    return f"¥{amount:,}"


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def days_text(days: int | None) -> str:
    if days is None:
        return ""
    return _tr("%n days").replace("%n", f"{days:,}") if days != 1 else _tr("1 day")


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = paths.resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
