"""E-mail drafts as .eml files (RFC 5322, the standard library's email package): one per recipient, written
into a folder; any mail program opens them (Outlook, Apple Mail, Thunderbird), the user checks and sends
each one. LoyalDesk itself never opens a network connection.

Each draft has To (the client's e-mail), From (the sender profile's, when filled in), Subject, Date and a
UTF-8 plain-text body; `X-Unsent: 1` makes Outlook open it as a draft to send.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from pathlib import Path

from loyaldesk.core.documents.filenames import safe_name


@dataclass(slots=True)
class Draft:
    client_id: int
    name: str
    to: str
    subject: str
    body: str
    from_name: str = ""  # the sender profile of the draft's language ('' : the one given to write_drafts)
    from_email: str = ""


@dataclass(slots=True)
class DraftsWritten:
    paths: list[Path] = field(default_factory=list)
    client_ids: list[int] = field(default_factory=list)


def build_message(draft: Draft, sender_name: str = "", sender_email: str = "",
                  when: dt.datetime | None = None) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["To"] = formataddr((draft.name, draft.to.strip())) if draft.name else draft.to.strip()
    if sender_email.strip():
        msg["From"] = formataddr((sender_name, sender_email.strip())) if sender_name else sender_email.strip()
    msg["Subject"] = draft.subject
    msg["Date"] = format_datetime((when or dt.datetime.now()).astimezone())
    msg["X-Unsent"] = "1"
    msg.set_content(draft.body, charset="utf-8")
    return msg


def write_drafts(drafts: list[Draft], folder: Path | str, *, sender_name: str = "", sender_email: str = "",
                 stem: str = "") -> DraftsWritten:
    """One .eml per draft in `folder` (created if missing): '<stem> <name>.eml', numbered when two names
    are the same; an existing file is never overwritten. Each file is written whole or not at all."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    result = DraftsWritten()
    for draft in drafts:
        base = safe_name(" ".join(x for x in (stem, draft.name) if x), fallback=f"client-{draft.client_id}")
        path = folder / f"{base}.eml"
        n = 2
        while path.exists():
            path = folder / f"{base} ({n}).eml"
            n += 1
        partial = folder / f".{path.name}.part"  # written whole, then renamed: never half a draft
        try:
            own = draft.from_email.strip()
            partial.write_bytes(bytes(build_message(draft, draft.from_name if own else sender_name,
                                                    own or sender_email)))
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        result.paths.append(path)
        result.client_ids.append(draft.client_id)
    return result
