"""User-visible labels for values the core stores as keys, and value formatting."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from loyaldesk import paths


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


def category_label(category: str) -> str:
    return QCoreApplication.translate("Labels", "Role") if category == "role" else QCoreApplication.translate("Labels", "Segment")


def money(amount: int | None) -> str:
    if amount is None:
        return ""
    return f"¥{amount:,}"


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
