"""What an import reads before it is checked against the database.

Every reader (CSV/TSV/xlsx through a column mapping, vCard, ...) turns its input into
ClientRecord or SessionRecord objects, each remembering where it came from (the row
number as the spreadsheet shows it, header = row 1, or the position of a vCard) and the
problems found while reading it. The import planner then decides add / merge / skip.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The client fields an import can fill, in the order the import dialog lists them.
CLIENT_FIELDS = (
    "name", "family_name", "given_name", "name_kana", "family_kana", "given_kana", "honorific", "company",
    "title", "email", "phone", "postal_code", "address1", "address2", "birthday", "source", "notes", "tags",
    "middle_name", "file_as", "country", "birth_year", "birth_month", "birth_day",
)
# What a phone, an e-mail or an address is: the labels a client's values carry.
CONTACT_LABELS = ("mobile", "work", "home", "fax", "other")
SESSION_FIELDS = ("date", "client_email", "client_name", "fee", "kind", "topic", "duration_minutes", "notes", "currency",
                  "payment_status")


@dataclass
class RowProblem:
    """A problem with one input row: where (row number, column) and why, in the user's language."""

    row: int
    column: str
    reason: str
    severity: str = "error"  # 'error' (the row cannot be imported) or 'warning' (imported; look at it)

    def __str__(self) -> str:
        return f"row {self.row}: {self.column}: {self.reason}"


@dataclass
class Labeled:
    """One more e-mail or phone of a client, with its label ('mobile', 'work', 'home', 'fax', 'other' or '')."""

    label: str
    value: str
    column: str = field(default="", compare=False)  # where it came from (for problems)


@dataclass
class PostalAddress:
    """One more address of a client (home, work ...); country: ISO code such as 'US', '' = the practice's."""

    label: str = ""
    postal_code: str = ""
    address1: str = ""
    address2: str = ""
    country: str = ""
    column: str = field(default="", compare=False)  # the postal-code column it came from (for problems)

    def is_empty(self) -> bool:
        return not (self.postal_code or self.address1 or self.address2)


@dataclass
class ClientRecord:
    row: int  # as the spreadsheet shows it (header = row 1); for vCards the position in the file
    name: str = ""
    name_kana: str = ""
    honorific: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    postal_code: str = ""
    address1: str = ""
    address2: str = ""
    country: str = ""  # of the main address: an ISO code ('US'); '' = the practice's country
    birthday: dt.date | None = None
    birthday_no_year: str = ""  # "12-24": a birthday without a year, kept in the notes
    source: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    # every value beyond the main e-mail / phone / address, in the order of the file
    more_emails: list[Labeled] = field(default_factory=list)
    more_phones: list[Labeled] = field(default_factory=list)
    more_addresses: list[PostalAddress] = field(default_factory=list)
    own_export: bool = False  # written by LoyalDesk's own export: read back exactly, not cleaned
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


@dataclass
class SessionRecord:
    row: int
    date: dt.date | None = None
    client_email: str = ""
    client_name: str = ""
    fee: int = 0  # in minor units of `currency` (loyaldesk.core.money)
    # ISO code of the row's currency (a currency column, or the sign of the amount: "€80"); '' = the
    # practice's. A row in another currency becomes a session in that currency, never the practice's.
    currency: str = ""
    kind: str = ""
    topic: str = ""
    duration_minutes: int | None = None
    notes: str = ""
    skip_reason: str = ""  # a row that is no session (a failed payment, one more line of an order): skipped
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)
