"""Contact rhythm: the effective interval for a client and whether contact is overdue.

Rules (docs/schema.md, "Derived values"):
- last contact = the latest date of any session or touchpoint on or before the as-of date;
- days since contact count from last contact, or from created_at for a client never contacted;
- overdue = days since contact > the client's interval (cadence_days, else the practice default);
- do_not_contact and archived clients are never overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loyaldesk.core.i18n import t


def effective_cadence(cadence_days: int | None, default_cadence_days: int) -> int:
    return cadence_days if cadence_days and cadence_days > 0 else default_cadence_days


@dataclass(frozen=True, slots=True)
class ContactStatus:
    last_contact: dt.date | None
    days_since_contact: int | None
    cadence_days: int
    overdue_days: int

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def contact_status(
    last_contact: dt.date | None,
    created_at: dt.date | None,
    cadence_days: int,
    as_of: dt.date,
    *,
    do_not_contact: bool = False,
    archived: bool = False,
) -> ContactStatus:
    start = last_contact or created_at
    days = max(0, (as_of - start).days) if start else None
    overdue_days = 0
    if days is not None and not do_not_contact and not archived and days > cadence_days:
        overdue_days = days - cadence_days
    return ContactStatus(last_contact, days, cadence_days, overdue_days)


def overdue_reason(last_contact: dt.date | None, created_at: dt.date | None, days: int | None, cadence_days: int, lang: str | None = None) -> str:
    """Why a client is (or would be) overdue, citing the data."""
    if last_contact is not None:
        return t("overdue.reason", lang, last=last_contact.isoformat(), days=days, interval=cadence_days)
    return t(
        "overdue.reason_never",
        lang,
        last=created_at.isoformat() if created_at else "?",
        days=days if days is not None else "?",
        interval=cadence_days,
    )
