"""Contact rhythm: the effective interval for a client and whether contact is overdue.

The rules below are computed for the whole database at once in SQL by
ClientRepository.list_rows (loyaldesk/core/clients.py); docs/schema.md, "Derived values":
- last contact = the latest date of any session or touchpoint on or before the as-of date;
- days since contact count from last contact, or from created_at for a client never contacted;
- overdue = days since contact > the client's interval (cadence_days, else the practice default);
- do_not_contact and archived clients are never overdue.
"""

from __future__ import annotations

import datetime as dt

from loyaldesk.core.i18n import t


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
