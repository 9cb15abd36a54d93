"""One way to send, for every kind of document (kinds.py):

    prepare(db, Request) -> Batch           who (the recipients, each ticked or not, and those left out with
                                            the reason) and what each one gets (compose: a letter, an address,
                                            a card's message, with its personal line)
    render(batch) / write(batch, path)      the PDF of the ticked recipients (the preview is the very PDF saved)
    drafts(batch) / write_drafts(...)       or one e-mail draft (.eml) per ticked recipient with an e-mail address
    record(db, batch, on) -> SentRecord     after the user confirmed "record as sent": one touchpoint per
                                            recipient with the kind's channel (the personal line kept in its
                                            note), the suggestions answered marked done, season cards recorded
                                            in greetings, invitations marked sent; one transaction
    undo(db, record)                        takes all of that back (the screens' Undo)

Each document is signed with the sender profile of its language (letters.sender); Batch.warnings says, before
anything is written, when a language's documents take the other language's profile or an event's title in the
other language (the screens ask for a confirmation, the command line prints them on stderr).

Nothing is recorded by prepare, render, write or drafts. The command line (letters, postcards, envelopes,
labels, invite) and the screens (Letters, Addresses, Events) all go through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from loyaldesk.core import dates
from loyaldesk.core.db import Database
from loyaldesk.core.documents import eml
from loyaldesk.core.documents.filenames import default_file_name
from loyaldesk.core.documents.kinds import DocumentKind, kind_of
from loyaldesk.core.errors import NotFoundError, ValidationError
from loyaldesk.core.i18n import CATALOG, current_language, t
from loyaldesk.core.letters.compose import Letter, Skipped
from loyaldesk.core.letters.sender import SenderProfile, SenderProfiles, load_profiles

KIND_NEED = "kind"  # Request.need: as the kind says

CATALOG.update({
    "documents.nothing_chosen": {"en": "No recipient is ticked.", "ja": "宛先が選ばれていません。"},
    "documents.not_emailable": {"en": "{kind} cannot be sent as e-mail.", "ja": "{kind}はメールでは送れません。"},
    "documents.drafts_written": {"en": "Wrote {count} e-mail drafts to {path}.",
                                 "ja": "{path} に {count}通のメール下書きを書き出しました。"},
    "documents.no_email_line": {"en": "no e-mail address: {name} (id {id})",
                                "ja": "メールアドレスなし: {name}（ID {id}）"},
    "documents.personal_note": {"en": "{text} — {note}", "ja": "{text}（{note}）"},
    "documents.card_subject": {"en": "{season} {year}", "ja": "{year}年の{season}"},
    "cli.warning": {"en": "loyaldesk: warning: {text}", "ja": "loyaldesk: 注意: {text}"},
})


# =========================================================================================
# Recipients and composition
# =========================================================================================
@dataclass(slots=True)
class Request:
    kind: str
    client_ids: list[int] = field(default_factory=list)
    template: str | None = None  # the kind's (or the season's for card messages) when None
    lang: str | None = None  # letters: force ja or en (else per client)
    as_of: dt.date | None = None
    notes: dict[int, str] = field(default_factory=dict)  # client id -> personal line
    excluded: set[int] = field(default_factory=set)  # recipients unticked (kept in the list, not in the PDF)
    suggestions: dict = field(default_factory=dict)  # client id -> the suggestion the document answers
    skipped: list[Skipped] = field(default_factory=list)  # left out by the selection already (season list)
    need: str | None = KIND_NEED  # 'address', 'email' (e-mail drafts) or None; KIND_NEED: as the kind says
    options: object | None = None  # addresses.compose.AddressOptions (address kinds)
    layout: str | None = None  # envelope or label sheet
    start: int = 1  # the first free label
    side: str | None = None  # postcards: address, message or both (else the kind's)
    season: str | None = None  # postcards: the season and year the cards are for (greetings)
    year: int | None = None
    event_id: int | None = None  # invitations (and a letter about an event: its event_* placeholders)
    wave: str | None = None  # invitations: the wave of clients not invited yet (default general)
    recognition_id: int | None = None  # recognition letters
    ui_lang: str | None = None


@dataclass(slots=True)
class Item:
    """One recipient and what they get."""

    client_id: int
    name: str
    email: str = ""
    included: bool = True
    note: str = ""
    letter: Letter | None = None
    entry: object | None = None  # addresses.compose.AddressEntry
    message: object | None = None  # addresses.message.CardMessage
    suggestion: object | None = None
    wave: str | None = None

    @property
    def lang(self) -> str:
        if self.letter is not None:
            return self.letter.lang
        if self.message is not None:
            return self.message.lang
        return getattr(self.entry, "lang", "ja")


@dataclass(slots=True)
class Batch:
    request: Request
    kind: DocumentKind
    items: list[Item] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    sender: SenderProfile = field(default_factory=SenderProfile)  # the profile of the first recipient's language
    title: str = ""  # the event, the template or the award: in file names
    day: dt.date = field(default_factory=dates.today)
    profiles: SenderProfiles | None = None  # both sender profiles (each document signed with its language's)
    event: object | None = None  # events.Event of an invitation (or a letter about an event)

    @property
    def chosen(self) -> list[Item]:
        return [i for i in self.items if i.included]

    def sender_for(self, item: Item) -> SenderProfile:
        return self.profiles.for_lang(item.lang) if self.profiles is not None else self.sender

    @property
    def warnings(self) -> list[str]:
        """What the user should know before the ticked documents are written, in the user's language: documents
        in a language without its own sender profile (signed with the other one), an event without a title in
        a letter's language."""
        ui = self.request.ui_lang or current_language()
        chosen = self.chosen
        counts: dict[str, int] = {}
        for item in chosen:
            counts[item.lang] = counts.get(item.lang, 0) + 1
        out = []
        if self.profiles is not None and self.kind.address_kind != "labels":
            out += [w for lang, n in counts.items() if (w := self.profiles.warning(lang, n, ui))]
        if self.event is not None and chosen:
            from loyaldesk.core import events

            out += events.title_warnings(self.event, counts, ui)
        return out

    def item(self, client_id: int) -> Item | None:
        return next((i for i in self.items if i.client_id == client_id), None)

    def skipped_summary(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for s in self.skipped:
            result[s.reason] = result.get(s.reason, 0) + 1
        return result

    def file_name(self, lang: str | None = None, suffix: str = ".pdf") -> str:
        return default_file_name(self.kind.key, self.day, title=self.title, lang=lang, suffix=suffix)


def prepare(db: Database, request: Request) -> Batch:
    """Who gets the document and what it says (nothing is written or recorded)."""
    kind = kind_of(request.kind)
    day = request.as_of or dates.today()
    need = kind.need if request.need == KIND_NEED else request.need
    batch = Batch(request, kind, skipped=list(request.skipped), day=day)
    if kind.family == "letter":
        _prepare_letters(db, request, kind, need, day, batch)
    else:
        _prepare_addresses(db, request, kind, day, batch)
    for item in batch.items:
        item.included = item.client_id not in request.excluded
    return batch


def _template_name(db: Database, key: str, lang: str) -> str:
    from loyaldesk.core.letters import templates as tpl

    try:
        return tpl.find_template(db, key, lang).name
    except NotFoundError:
        return ""


def _prepare_letters(db: Database, req: Request, kind: DocumentKind, need, day: dt.date, batch: Batch) -> None:
    from loyaldesk.core import events
    from loyaldesk.core.letters import compose

    ui = req.ui_lang or current_language()
    plans: list[tuple[object, str | None]] = []
    if kind.key == "invitation":
        if req.event_id is None:
            raise ValidationError("event.not_found", field="event", id="")
        event = events.get_event(db, req.event_id)
        batch.title, batch.event = event.title, event
        waves = dict(db.query("SELECT client_id, wave FROM event_invitations WHERE event_id = ?",
                              (req.event_id,), plain=True))
        by_wave: dict[str, list[int]] = {}
        for cid in dict.fromkeys(req.client_ids):
            by_wave.setdefault(waves.get(cid) or req.wave or "general", []).append(cid)
        for wave, ids in by_wave.items():
            plans.append((events.invitation_letters(db, req.event_id, ids, wave, need=need, as_of=day,
                                                    lang=req.lang, notes=req.notes), wave))
    elif kind.key == "recognition":
        found = events.recognitions(db, recognition_id=req.recognition_id) if req.recognition_id is not None else []
        if not found:
            raise NotFoundError("recognition.not_found", id=req.recognition_id)
        batch.title = " ".join(x for x in (found[0].title, found[0].client_name) if x)
        if found[0].event_id is not None:
            batch.event = events.get_event(db, found[0].event_id)
        plans.append((events.recognition_letters(db, req.recognition_id, need=need, as_of=req.as_of, lang=req.lang,
                                                 notes=req.notes), None))
    else:
        key = req.template or kind.template
        if not key:
            raise NotFoundError("template.unknown", template="")
        batch.title = _template_name(db, key, ui)
        extra = None
        if req.event_id is not None:  # a letter about an event (a vip_invitation suggestion): its placeholders
            event = batch.event = events.get_event(db, req.event_id)

            def extra(letter_lang: str) -> dict:
                return events.event_placeholders(db, event, letter_lang)
        plans.append((compose.plan_letters(db, key, list(dict.fromkeys(req.client_ids)), lang=req.lang, as_of=day,
                                           need=need, suggestions=req.suggestions, ui_lang=ui, design=kind.design,
                                           notes=req.notes, extra=extra), None))
    letters: dict[int, tuple[Letter, str | None]] = {}
    for plan, wave in plans:
        batch.skipped += plan.skipped
        for letter in plan.letters:
            letters[letter.client_id] = (letter, wave)
    order = [cid for cid in dict.fromkeys(req.client_ids) if cid in letters] or list(letters)
    for cid in order:
        letter, wave = letters[cid]
        batch.items.append(Item(cid, letter.recipient.name, letter.recipient.email.strip(), note=letter.personal_note,
                                letter=letter, suggestion=letter.suggestion, wave=wave))
    batch.profiles = load_profiles(db)
    batch.sender = next(iter(letters.values()))[0].sender if letters else batch.profiles.for_lang(ui)


def _prepare_addresses(db: Database, req: Request, kind: DocumentKind, day: dt.date, batch: Batch) -> None:
    from loyaldesk.core.addresses import compose, message

    plan = compose.plan_addresses(db, list(dict.fromkeys(req.client_ids)), as_of=day)
    batch.profiles = plan.sender
    batch.sender = plan.sender.for_lang(plan.entries[0].lang if plan.entries else req.ui_lang or current_language())
    batch.skipped += plan.skipped
    side = req.side or kind.side
    messages = None
    if kind.address_kind == "postcard" and side != "address" and plan.entries:
        key = req.template or message.template_for_season(req.season)
        messages = message.plan_messages(db, plan.entries, key, as_of=day, sender=plan.sender, notes=req.notes)
        batch.title = _template_name(db, key, req.ui_lang or current_language())
    for n, entry in enumerate(plan.entries):
        r = entry.recipient
        note = " ".join((req.notes.get(r.id) or "").split()) if messages is not None else ""
        batch.items.append(Item(r.id, r.name, r.email.strip(), note=note, entry=entry,
                                message=messages[n] if messages is not None else None))


# =========================================================================================
# Render and send
# =========================================================================================
def _address_args(batch: Batch) -> dict:
    from loyaldesk.core.addresses.compose import AddressOptions

    req = batch.request
    options = req.options or AddressOptions()
    chosen = batch.chosen
    side = req.side or batch.kind.side
    return dict(kind=batch.kind.address_kind, entries=[i.entry for i in chosen], sender=batch.profiles or batch.sender,
                options=options, layout=req.layout, start=req.start,
                side=side if batch.kind.address_kind == "postcard" else "address",
                messages=[i.message for i in chosen] if chosen and chosen[0].message is not None else None,
                orientation=options.message_orientation)


def _need_chosen(batch: Batch) -> list[Item]:
    chosen = batch.chosen
    if not chosen:
        raise ValidationError("documents.nothing_chosen", field="recipients")
    return chosen


def render(batch: Batch, progress: Callable[[float], None] | None = None) -> tuple[bytes, list[int]]:
    """The PDF of the ticked recipients as bytes, and the first page (1-based) of each."""
    chosen = _need_chosen(batch)
    if batch.kind.family == "letter":
        from loyaldesk.core.letters import pdf

        return pdf.render_pdf([i.letter for i in chosen], progress)
    from loyaldesk.core.addresses import pdf as address_pdf

    args = _address_args(batch)
    return address_pdf.render_pdf(args.pop("kind"), args.pop("entries"), args.pop("sender"), args.pop("options"),
                                  progress=progress, **args)


def write(batch: Batch, out: Path | str, progress: Callable[[float], None] | None = None) -> list[int]:
    """Write the PDF of the ticked recipients to `out` atomically; the first page (1-based) of each."""
    chosen = _need_chosen(batch)
    if batch.kind.family == "letter":
        from loyaldesk.core.letters import pdf

        return pdf.write_letters([i.letter for i in chosen], out, progress=progress, title=batch.title)
    from loyaldesk.core.addresses import pdf as address_pdf

    args = _address_args(batch)
    return address_pdf.write_pdf(args.pop("kind"), args.pop("entries"), args.pop("sender"), out,
                                 args.pop("options"), progress=progress, **args)


def drafts(batch: Batch) -> tuple[list[eml.Draft], list[Item]]:
    """An e-mail draft for each ticked recipient with an e-mail address, and the ticked ones without."""
    if not batch.kind.emailable:
        raise ValidationError("documents.not_emailable", field="kind", kind=t(batch.kind.label_key))
    out: list[eml.Draft] = []
    missing: list[Item] = []
    for item in _need_chosen(batch):
        if not item.email:
            missing.append(item)
            continue
        if item.letter is not None:
            subject, body = item.letter.subject, item.letter.plain_text()
        else:
            sender = batch.sender_for(item)
            sign = "\n".join(x for x in (sender.business, sender.name) if x)
            first = next((x.strip() for x in item.message.text.splitlines() if x.strip()), "")
            subject = first if len(first) <= 40 else (batch.title or t(batch.kind.label_key, item.lang))
            body = item.message.text.rstrip() + ("\n\n" + sign if sign else "")
        sender = item.letter.sender if item.letter is not None else batch.sender_for(item)
        out.append(eml.Draft(item.client_id, item.name, item.email, subject, body.rstrip() + "\n",
                             from_name=sender.name, from_email=sender.email))  # the profile of its language
    return out, missing


def write_drafts(batch: Batch, folder: Path | str) -> tuple[eml.DraftsWritten, list[Item]]:
    """One .eml draft per ticked recipient with an e-mail address into `folder`; and those without one."""
    found, missing = drafts(batch)
    written = eml.write_drafts(found, folder, sender_name=batch.sender.name, sender_email=batch.sender.email)
    return written, missing


# =========================================================================================
# Record and undo
# =========================================================================================
@dataclass(slots=True)
class SentRecord:
    """What record() wrote, for undo()."""

    kind: str
    channel: str | None
    day: dt.date
    client_ids: list[int] = field(default_factory=list)
    touchpoint_ids: list[int] = field(default_factory=list)
    decisions: list = field(default_factory=list)  # suggestions.ActResult of the suggestions marked done
    greetings_added: list[int] = field(default_factory=list)  # greetings rows inserted
    greetings_updated: list[tuple[int, str | None]] = field(default_factory=list)  # (row id, previous date)
    season_decision_ids: list[int] = field(default_factory=list)
    event_id: int | None = None
    invitations_marked: list[int] = field(default_factory=list)  # client ids

    @property
    def count(self) -> int:
        return len(self.client_ids)


def _with_note(text: str, note: str) -> str:
    return t("documents.personal_note", text=text, note=note) if note else text


def _touchpoint_text(batch: Batch, item: Item, channel: str, season_year: tuple[str, int] | None) -> str:
    import loyaldesk.core.letters.sending  # noqa: F401  (the letters.* notes are in its catalog)

    if batch.kind.key == "invitation":
        base = t("event.invitation_note", title=batch.title)
    elif season_year is not None:
        from loyaldesk.core.greetings import season_label

        base = t("greeting.touchpoint_note", season=season_label(season_year[0]), year=season_year[1])
    else:
        subject = (item.letter.subject or item.letter.template_key) if item.letter is not None else batch.title
        base = t("letters.email_note" if channel == "email" else "letters.touchpoint_note", name=subject)
    return _with_note(base, item.note)


def record(db: Database, batch: Batch, *, on: dt.date | None = None, channel: str | None = None,
           client_ids: list[int] | None = None) -> SentRecord:
    """Record the ticked recipients (or `client_ids` among them: the drafts written) as sent, in one
    transaction (see the module docstring). channel: 'email' for e-mail drafts, else the kind's."""
    from loyaldesk.core import events, greetings, suggestions

    day = on or dates.today()
    channel = channel or batch.kind.channel
    rec = SentRecord(batch.kind.key, channel, day, event_id=batch.request.event_id)
    if channel is None:
        return rec
    wanted = set(client_ids) if client_ids is not None else None
    items = [i for i in batch.chosen if wanted is None or i.client_id in wanted]
    records = batch.kind.records
    season_year = None
    if "greeting" in records:
        req = batch.request
        season_year = (req.season, int(req.year)) if req.season and req.year else greetings.current_season(day)
    with db.transaction() as conn:
        for item in items:
            if "suggestion" in records and item.suggestion is not None:
                rec.decisions.append(suggestions.act(db, item.suggestion, "done", on=day, channel=channel,
                                                     note=item.note))
            elif "touchpoint" in records:
                rec.touchpoint_ids.append(conn.execute(
                    "INSERT INTO touchpoints (client_id, date, channel, note) VALUES (?, ?, ?, ?)",
                    (item.client_id, day.isoformat(), channel,
                     _touchpoint_text(batch, item, channel, season_year))).lastrowid)
            rec.client_ids.append(item.client_id)
        if season_year is not None:
            season, year = season_year
            for item in items:
                row = conn.execute("SELECT id, date FROM greetings WHERE client_id = ? AND year = ? AND season = ? "
                                   "AND kind = 'sent'", (item.client_id, year, season)).fetchone()
                if row is None:
                    rec.greetings_added.append(conn.execute(
                        "INSERT INTO greetings (client_id, year, season, kind, date) VALUES (?, ?, ?, 'sent', ?)",
                        (item.client_id, year, season, day.isoformat())).lastrowid)
                else:
                    rec.greetings_updated.append((row[0], row[1]))
                    conn.execute("UPDATE greetings SET date = ? WHERE id = ?", (day.isoformat(), row[0]))
                if season in greetings.SEND_SEASONS:
                    rec.season_decision_ids.append(conn.execute(
                        "INSERT INTO suggestion_decisions (client_id, kind, cycle, decision, decided_on) "
                        "VALUES (?, 'season_greeting', ?, 'done', ?)",
                        (item.client_id, f"{season}:{year}", day.isoformat())).lastrowid)
        if "invitation" in records and batch.request.event_id is not None:
            rec.invitations_marked = events.mark_sent(db, batch.request.event_id, rec.client_ids, on=day)
    return rec


def undo(db: Database, rec: SentRecord) -> None:
    """Take back everything record() wrote, in one transaction."""
    from loyaldesk.core import events, suggestions

    with db.transaction() as conn:
        conn.executemany("DELETE FROM touchpoints WHERE id = ?", [(i,) for i in rec.touchpoint_ids])
        for result in rec.decisions:
            suggestions.undo_act(db, result)
        conn.executemany("DELETE FROM greetings WHERE id = ?", [(i,) for i in rec.greetings_added])
        conn.executemany("UPDATE greetings SET date = ? WHERE id = ?", [(d, i) for i, d in rec.greetings_updated])
        conn.executemany("DELETE FROM suggestion_decisions WHERE id = ?", [(i,) for i in rec.season_decision_ids])
        if rec.event_id is not None and rec.invitations_marked:
            events.unmark_sent(db, rec.event_id, rec.invitations_marked)
