"""Plain dataclasses the repositories return. No Qt, no SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class ContactValue:
    """One more e-mail or phone of a client; label: '', 'mobile', 'work', 'home', 'fax' or 'other'."""

    label: str
    value: str


@dataclass(slots=True)
class ClientAddress:
    """One more postal address of a client (home, work ...); country: ISO code, '' = the practice's."""

    label: str = ""
    postal_code: str = ""
    address1: str = ""
    address2: str = ""
    country: str = ""


@dataclass(slots=True)
class Client:
    id: int | None
    name: str
    name_kana: str = ""
    honorific: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    postal_code: str = ""
    address1: str = ""
    address2: str = ""
    birthday: dt.date | None = None
    referred_by: int | None = None
    source: str = ""
    cadence_days: int | None = None
    notes: str = ""
    do_not_contact: bool = False
    archived: bool = False
    created_at: str = ""
    country: str = ""  # of the main address: ISO code ('US'); '' = the practice's country
    # the values beyond the main e-mail, phone and address (client_contacts, client_addresses)
    more_emails: list[ContactValue] = field(default_factory=list)
    more_phones: list[ContactValue] = field(default_factory=list)
    more_addresses: list[ClientAddress] = field(default_factory=list)


@dataclass(slots=True)
class Session:
    id: int | None
    client_id: int
    date: dt.date
    kind: str = ""
    duration_minutes: int | None = None
    # In the practice's currency, minor units (yen, cents: loyaldesk.core.money). For a session in
    # another currency: the amount in the practice's currency if the user recorded one, else None
    # (the session is left out of revenue totals).
    fee: int | None = 0
    topic: str = ""
    notes: str = ""
    foreign_currency: str | None = None  # ISO code of the session's own currency when not the practice's
    foreign_fee: int | None = None  # the amount charged, in minor units of foreign_currency

    @property
    def is_foreign(self) -> bool:
        return self.foreign_currency is not None


@dataclass(slots=True)
class Touchpoint:
    id: int | None
    client_id: int
    date: dt.date
    channel: str = "other"
    note: str = ""


@dataclass(slots=True)
class Tag:
    id: int | None
    name: str
    category: str = "segment"  # 'role' for community roles, 'segment' for anything else
    builtin_key: str | None = None
    client_count: int = 0

    @property
    def is_role(self) -> bool:
        return self.category == "role"


@dataclass(slots=True)
class ClientTag:
    tag: Tag
    since: dt.date | None


@dataclass(slots=True)
class ClientRow:
    """One line of the clients list: the client and its contact aggregates, as of a date."""

    id: int
    name: str
    name_kana: str
    company: str
    email: str
    phone: str
    notes: str
    tags: tuple[str, ...]
    role_tags: tuple[str, ...]
    last_contact: dt.date | None
    days_since_contact: int | None
    cadence_days: int  # the effective interval
    overdue_days: int
    sessions: int
    revenue: int
    first_session: dt.date | None
    created_at: dt.date | None
    do_not_contact: bool
    archived: bool
    # loyalty (loyaldesk.core.loyalty): None when not known (archived, or ranking not computed yet)
    tier: str | None = None  # vip, candidate, regular, new, prospect
    status: str = "active"  # active, overdue, at_risk, dormant
    score: float | None = None  # 0..1, ranked clients only (from the latest refresh)
    more_contacts: str = ""  # the client's other e-mails and phones, for the search

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(slots=True)
class TimelineEntry:
    """A session or a touchpoint in a client's history."""

    kind: str  # 'session', 'touchpoint'; community: 'recognition', 'feedback', 'role' (loyaldesk.core.events)
    id: int
    date: dt.date
    label: str  # session kind or touchpoint channel
    text: str  # session topic or touchpoint note
    notes: str = ""
    fee: int | None = None
    duration_minutes: int | None = None
    foreign_currency: str | None = None  # a session in another currency (see Session)
    foreign_fee: int | None = None


@dataclass(slots=True)
class ClientStats:
    sessions: int = 0
    touchpoints: int = 0
    revenue: int = 0
    first_session: dt.date | None = None
    last_contact: dt.date | None = None
    referred_clients: int = 0
    # sessions in another currency with no amount in the practice's: not in revenue {code: count}
    not_included: dict[str, int] = field(default_factory=dict)
    tags: list[ClientTag] = field(default_factory=list)
    # roles held before and ended: (role name, since, until), the latest ended first (loyaldesk.core.events)
    past_roles: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)
    # the next session booked in the calendar (loyaldesk.core.io.calendar): (starts at, summary), or None
    next_session: tuple[dt.datetime, str] | None = None
