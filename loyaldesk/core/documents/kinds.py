"""The document kinds of the pipeline: each one a small description (what it is made of, what paper, what it
records when sent), not code of its own.

family 'letter': rendered from a letter template by letters.compose and laid out by letters.pdf (A4);
family 'address': address entries from addresses.compose, laid out by addresses.pdf (postcards, envelopes,
label sheets), the message side of a card from a template by addresses.message.

records: what "record as sent" writes for each recipient: 'touchpoint' (a contact with `channel`),
'suggestion' (the suggestions the documents answer marked done), 'greeting' (a season card sent),
'invitation' (the event invitation marked sent). Envelopes and labels record nothing: they carry
another document, which is the one recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG

CATALOG.update({
    "documents.kind_invalid": {"en": "Unknown kind of document: {value}.", "ja": "書類の種類 {value} はありません。"},
    "documents.kind.letter": {"en": "Letters", "ja": "レター"},
    "documents.kind.vip_letter": {"en": "VIP letters", "ja": "VIPレター"},
    "documents.kind.postcard": {"en": "Postcards", "ja": "はがき宛名面"},
    "documents.kind.postcard_message": {"en": "Postcard messages", "ja": "はがき文面"},
    "documents.kind.envelope": {"en": "Envelopes", "ja": "封筒"},
    "documents.kind.labels": {"en": "Address labels", "ja": "宛名ラベル"},
    "documents.kind.invitation": {"en": "Invitations", "ja": "ご案内状"},
    "documents.kind.recognition": {"en": "Recognition letter", "ja": "表彰状"},
})


@dataclass(frozen=True, slots=True)
class DocumentKind:
    key: str
    family: str  # letter or address
    channel: str | None  # the touchpoint channel when recorded as sent on paper (None: nothing is recorded)
    records: tuple[str, ...] = ()
    template: str | None = None  # the template used when none is chosen
    design: str | None = None  # letters: force standard or vip
    address_kind: str | None = None  # postcard, envelope or labels
    side: str = "address"  # postcards: address, message or both
    need: str | None = "address"  # who can get one: a postal address is needed (None: anyone)
    emailable: bool = True  # can go out as e-mail drafts (a text per recipient)

    @property
    def label_key(self) -> str:
        return f"documents.kind.{self.key}"


_LETTER_RECORDS = ("touchpoint", "suggestion")
KINDS: dict[str, DocumentKind] = {k.key: k for k in (
    DocumentKind("letter", "letter", "letter", _LETTER_RECORDS),
    DocumentKind("vip_letter", "letter", "letter", _LETTER_RECORDS, design="vip"),
    DocumentKind("invitation", "letter", "letter", ("touchpoint", "invitation")),
    DocumentKind("recognition", "letter", "letter", ("touchpoint",), template="recognition", need=None),
    DocumentKind("postcard", "address", "card", ("touchpoint", "greeting"), address_kind="postcard", emailable=False),
    DocumentKind("postcard_message", "address", "card", ("touchpoint", "greeting"), address_kind="postcard",
                 side="message"),
    DocumentKind("envelope", "address", None, (), address_kind="envelope", emailable=False),
    DocumentKind("labels", "address", None, (), address_kind="labels", emailable=False),
)}


def kind_of(key: str) -> DocumentKind:
    try:
        return KINDS[key]
    except KeyError:
        raise ValidationError("documents.kind_invalid", field="kind", value=key) from None
