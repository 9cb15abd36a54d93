"""Who gets a letter, in which language, and what it says.

`plan_letters` turns a selection (client ids, a tier, overdue clients, a tag) and a
template key into rendered `Letter`s, leaving out the clients who must not or cannot be
written to, each with its reason (`Skipped`).

Language of each letter (when not forced): Japanese if the client's name, company or
address contains Japanese script (kana or kanji), else the language of the user interface.
If the template lacks that language, its other language is used.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from loyaldesk.core import dates, money, practice
from loyaldesk.core.db import Database
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG, current_language, t
from loyaldesk.core.letters import templates as tpl
from loyaldesk.core.letters.sender import SenderProfile, load_profiles, load_sender
from loyaldesk.core.postal import format_postal_code

SKIP_REASONS = ("not_found", "archived", "do_not_contact", "no_address", "no_email")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_EN_HONORIFICS = ("Mr", "Ms", "Mrs", "Mx", "Dr", "Prof")
ORGANIZATION = "御中"
CLOSINGS = ("敬具", "草々", "かしこ", "以上", "敬白", "拝具")

CATALOG.update({
    "letters.skip.not_found": {"en": "no such client", "ja": "顧客が見つかりません"},
    "letters.skip.archived": {"en": "archived", "ja": "アーカイブ済み"},
    "letters.skip.do_not_contact": {"en": "do not contact", "ja": "連絡不要"},
    "letters.skip.no_address": {"en": "no postal address", "ja": "住所が未登録"},
    "letters.skip.no_email": {"en": "no e-mail address", "ja": "メールアドレスが未登録"},
    "letters.selection_empty": {"en": "No clients selected: give --clients, --tier, --overdue or --tag.",
                                "ja": "宛先がありません。--clients、--tier、--overdue、--tag のいずれかを指定してください。"},
    "letters.clients_invalid": {"en": "--clients takes client ids separated by commas, e.g. 1,2,3 (got {value}).",
                                "ja": "--clients には顧客IDをカンマ区切りで指定してください（例: 1,2,3。指定値: {value}）。"},
    "letters.tier_invalid": {"en": "Unknown tier: {value} (vip, candidate, regular, new, prospect).",
                             "ja": "ランク {value} はありません（vip、candidate、regular、new、prospect のいずれか）。"},
    "letters.tag_unknown": {"en": "No tag named {value}.", "ja": "タグ「{value}」はありません。"},
})


@dataclass(slots=True)
class Recipient:
    """A client as a letter needs it."""

    id: int
    name: str
    honorific: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    postal_code: str = ""
    address1: str = ""
    address2: str = ""
    referred_by_name: str = ""
    referred_by_honorific: str = ""
    referred_name: str = ""  # the latest client this one referred
    referred_honorific: str = ""
    last_session_date: dt.date | None = None
    last_session_topic: str = ""
    last_fee: int | None = None  # of the last session, in minor units of last_fee_currency
    last_fee_currency: str = "JPY"  # the practice's, or the session's own (a session in another currency)
    revenue: int = 0  # lifetime, in minor units of the practice's currency
    currency: str = "JPY"  # the practice's
    sessions: int = 0
    first_session: dt.date | None = None
    tier: str | None = None
    do_not_contact: bool = False
    archived: bool = False

    @property
    def is_organization(self) -> bool:
        return self.honorific.strip() == ORGANIZATION

    @property
    def has_address(self) -> bool:
        return bool(self.address1.strip() or self.address2.strip())


@dataclass(slots=True)
class Letter:
    """One rendered letter, ready for the PDF layout or a mailto: link."""

    client_id: int
    lang: str
    design: str  # standard or vip
    template_key: str
    subject: str
    body: str
    date_text: str
    recipient: Recipient
    sender: SenderProfile
    suggestion: object | None = None  # the suggestion it answers (loyaldesk.core.suggestions.Suggestion)
    personal_note: str = ""  # the line written for this recipient (kept with the touchpoint)

    @property
    def addressee(self) -> str:
        return addressee(self.recipient, self.lang)

    def recipient_lines(self) -> list[str]:
        """The recipient block: postal code, address, company, title + name with 様 (or the organization 御中)."""
        r = self.recipient
        lines: list[str] = []
        if self.lang == "ja":
            if r.postal_code.strip():
                lines.append(f"〒{format_postal_code(r.postal_code)}")
            lines += [x for x in (r.address1.strip(), r.address2.strip()) if x]
            if r.is_organization:
                # 株式会社サンプル 御中 on one line (the company itself when no department or name is given)
                name = r.name.strip() or r.company.strip()
                if r.company.strip() and r.company.strip() != name:
                    lines.append(r.company.strip())
                lines.append(f"{name}　{ORGANIZATION}")
            else:
                if r.company.strip():
                    lines.append(r.company.strip())
                lines.append(addressee(r, "ja", with_title=True))
        else:
            lines.append(addressee(r, "en"))
            if r.title.strip():
                lines.append(r.title.strip())
            if r.company.strip():
                lines.append(r.company.strip())
            lines += [x for x in (r.address1.strip(), r.address2.strip()) if x]
            if r.postal_code.strip():
                lines.append(format_postal_code(r.postal_code))
        return lines

    def sender_lines(self) -> list[str]:
        """The sender block. Japanese (as on the envelope): 〒 and the postal code, the address, the business,
        then the name; English: business, name, then the address with the postal code after it (unless the
        address already holds it). Phone, e-mail and website follow."""
        s = self.sender
        address = [x.strip() for x in s.address.splitlines() if x.strip()]
        code = format_postal_code(s.postal_code) if s.postal_code.strip() else ""
        if self.lang == "ja":
            lines = ([f"〒{code}"] if code else []) + address + [x for x in (s.business, s.name) if x]
        else:
            lines = [x for x in (s.business, s.name) if x]
            in_address = code and code.replace("-", "") in " ".join(address).replace("-", "")
            lines += address + ([code] if code and not in_address else [])
        if s.phone:
            lines.append(f"TEL {s.phone}" if self.lang == "ja" else f"Tel. {s.phone}")
        lines += [x for x in (s.email, s.website) if x]
        return lines

    def plain_text(self) -> str:
        """The letter as plain text (the e-mail body)."""
        return self.body.rstrip() + "\n\n" + "\n".join(x for x in (self.sender.name, self.sender.business) if x)

    def mailto(self) -> str:
        """A mailto: link with the client's address, the subject and the text (opened by the user's mail program)."""
        query = urllib.parse.urlencode({"subject": self.subject, "body": self.plain_text()},
                                       quote_via=urllib.parse.quote)
        return f"mailto:{urllib.parse.quote(self.recipient.email.strip(), safe='@')}?{query}"


@dataclass(slots=True)
class Skipped:
    client_id: int
    name: str
    reason: str  # one of SKIP_REASONS

    @property
    def reason_text(self) -> str:
        return t(f"letters.skip.{self.reason}")


@dataclass(slots=True)
class LetterPlan:
    letters: list[Letter] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def skipped_summary(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for s in self.skipped:
            result[s.reason] = result.get(s.reason, 0) + 1
        return result


# =========================================================================================
# Names and language
# =========================================================================================
def is_japanese(*texts: str) -> bool:
    return any(_JAPANESE.search(x or "") for x in texts)


def letter_language(r: Recipient, ui_lang: str | None = None) -> str:
    """ja for a Japanese name, company or address; else the UI language."""
    if is_japanese(r.name, r.company, r.address1, r.address2):
        return "ja"
    return ui_lang or current_language()


def addressee(r: Recipient, lang: str, with_title: bool = False) -> str:
    """山田 太郎 様 / 株式会社サンプル 御中 / Ms. Emily Carter. A job title goes before the name."""
    name = r.name.strip() or (r.company.strip() if r.is_organization else "")
    if lang == "ja":
        if r.is_organization:
            return f"{name} {ORGANIZATION}"
        prefix = f"{r.title.strip()}　" if with_title and r.title.strip() else ""
        return f"{prefix}{name} 様"
    honorific = english_honorific(r.honorific)
    return f"{honorific} {name}" if honorific else name


def in_sentence(r: Recipient, lang: str) -> str:
    """How a sentence names the recipient: 山田 太郎様 (貴社 for an organization) / Ms. Emily Carter."""
    if lang == "ja":
        return "貴社" if r.is_organization else f"{r.name.strip()}様"
    return addressee(r, lang)


def english_honorific(honorific: str) -> str:
    """Mr / Ms. / dr -> Mr. / Ms. / Dr.; anything else (様, 御中, blank) -> ''."""
    base = (honorific or "").strip().rstrip(".")
    for known in _EN_HONORIFICS:
        if base.lower() == known.lower():
            return f"{known}."
    return ""


def _honored(name: str, honorific: str, lang: str) -> str:
    if not name:
        return ""
    return addressee(Recipient(0, name, honorific=honorific), lang)


def years_between(first: dt.date | None, day: dt.date) -> int:
    if first is None or first > day:
        return 0
    years = day.year - first.year - ((day.month, day.day) < (first.month, first.day))
    return max(years, 0)


def new_year_of(day: dt.date) -> int:
    """The New Year a card greets: next year from November on."""
    return day.year + 1 if day.month >= 11 else day.year


def context_for(r: Recipient, lang: str, sender: SenderProfile, day: dt.date) -> dict:
    """The placeholder values for one recipient (see templates.PLACEHOLDERS)."""
    return {
        "name": r.name.strip(),
        "honorific": (ORGANIZATION if r.is_organization else "様") if lang == "ja" else english_honorific(r.honorific),
        "addressee": addressee(r, lang),
        "recipient": in_sentence(r, lang),
        "company": r.company.strip(),
        "title": r.title.strip(),
        "last_session_date": tpl.format_date(r.last_session_date, lang, sender.date_style),
        "last_session_topic": r.last_session_topic.strip(),
        "last_fee": money.format_amount(r.last_fee, r.last_fee_currency, lang, code=r.last_fee_currency != r.currency),
        "lifetime_revenue": money.format_amount(r.revenue, r.currency, lang),
        "sessions": r.sessions,
        "years_together": years_between(r.first_session, day),
        "referrer_name": _honored(r.referred_by_name, r.referred_by_honorific, lang),
        "referred_name": _honored(r.referred_name, r.referred_honorific, lang),
        "sender_name": sender.name,
        "sender_business": sender.business,
        "sender_postal_code": sender.postal_code,
        "sender_address": sender.address,
        "sender_phone": sender.phone,
        "sender_email": sender.email,
        "sender_website": sender.website,
        "today": tpl.format_date(day, lang, sender.date_style),
        "seasonal_greeting": tpl.seasonal_greeting(day),
        "well_wishes": ("貴社ますますご清栄のこととお慶び申し上げます。" if r.is_organization
                        else "ますますご清祥のこととお慶び申し上げます。"),
        "new_year": new_year_of(day),
        "year_ja": tpl.format_year_ja(day.year, sender.date_style),
        "new_year_ja": tpl.format_year_ja(new_year_of(day), sender.date_style),
        "event_title": "", "event_date": "", "event_place": "", "event_fee": "", "event_capacity": "",
        "event_reply_by": "", "event_reply_how": "",  # filled by plan_letters(extra=...)
        "award_title": "", "award_note": "", "award_period": "",  # a recognition letter's (extra=...)
        "personal_note": "",  # a line written for this one recipient (plan_letters(notes=...))
    }


def uses_personal_note(text: str) -> bool:
    """Whether a template places {{ personal_note }} itself."""
    return "personal_note" in (text or "")


def place_personal_note(body: str, note: str) -> str:
    """A personal line in a text whose template does not place it: as its own paragraph before the
    closing (敬具, 草々 ..., an English sign-off ending with a comma, or a card's short date line below a
    blank line), else at the end. A 記 … 以上 block after the closing stays as it is: the line goes before
    the 敬具 above it."""
    note = " ".join((note or "").split())
    if not note:
        return body
    lines = body.rstrip("\n").split("\n")
    end = len(lines)
    if "記" in (x.strip() for x in lines):
        end = [x.strip() for x in lines].index("記")  # the closing is above the 記 block
    at = end
    for i in range(end - 1, -1, -1):
        line = lines[i].strip()
        if not line:
            continue
        closing = (line in CLOSINGS or (line.endswith(",") and len(line) <= 40)
                   or (i == end - 1 and i > 0 and not lines[i - 1].strip() and len(line) <= 16
                       and is_japanese(line) and not line.endswith("。")))
        if closing:
            at = i
            while at > 0 and not lines[at - 1].strip():
                at -= 1
        break
    indent = "\u3000" if is_japanese(note) else ""
    return "\n".join(lines[:at] + ["", indent + note] + ([""] + lines[at:] if at < len(lines) else [])) + "\n"


# =========================================================================================
# Loading recipients
# =========================================================================================
_RECIPIENTS_SQL = """
SELECT c.id, c.name, c.honorific, c.company, c.title, c.email, c.postal_code, c.address1, c.address2,
       r.name, r.honorific, c.do_not_contact, c.archived,
       (SELECT COUNT(*) FROM sessions s WHERE s.client_id = c.id AND s.date <= :day),
       (SELECT MIN(s.date) FROM sessions s WHERE s.client_id = c.id AND s.date <= :day),
       (SELECT s.date || char(31) || COALESCE(s.topic, '') FROM sessions s WHERE s.client_id = c.id AND s.date <= :day
         ORDER BY s.date DESC, s.id DESC LIMIT 1),
       (SELECT x.name || char(31) || COALESCE(x.honorific, '') FROM clients x WHERE x.referred_by = c.id
         ORDER BY x.created_at DESC, x.id DESC LIMIT 1),
       (SELECT json_array(s.fee) FROM sessions s WHERE s.client_id = c.id AND s.date <= :day
         ORDER BY s.date DESC, s.id DESC LIMIT 1),
       (SELECT COALESCE(SUM(s.fee), 0) FROM sessions s WHERE s.client_id = c.id AND s.date <= :day)
FROM clients c LEFT JOIN clients r ON r.id = c.referred_by
WHERE c.id IN (SELECT value FROM json_each(:ids))
"""


def load_recipients(db: Database, client_ids: list[int], day: dt.date) -> dict[int, Recipient]:
    import json

    result: dict[int, Recipient] = {}
    if not client_ids:
        return result
    rows = db.query(_RECIPIENTS_SQL, {"day": day.isoformat(), "ids": json.dumps(list(client_ids))}, plain=True)
    tiers = {cid: tier for cid, tier in db.query(
        "SELECT client_id, tier FROM client_tiers WHERE client_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(client_ids)),), plain=True)}
    currency = practice.currency(db)
    for row in rows:
        last_fee, last_fee_currency = None, currency
        if row[17]:
            last_fee = json.loads(row[17])[0]
        last_date, last_topic = None, ""
        if row[15]:
            text_date, _, last_topic = row[15].partition("\x1f")
            last_date = dates.parse_date(text_date)
        referred, referred_honorific = "", ""
        if row[16]:
            referred, _, referred_honorific = row[16].partition("\x1f")
        result[row[0]] = Recipient(
            id=row[0], name=row[1] or "", honorific=row[2] or "", company=row[3] or "", title=row[4] or "",
            email=row[5] or "", postal_code=row[6] or "", address1=row[7] or "", address2=row[8] or "",
            referred_by_name=row[9] or "", referred_by_honorific=row[10] or "", do_not_contact=bool(row[11]),
            archived=bool(row[12]), sessions=int(row[13] or 0), first_session=dates.parse_date(row[14]) if row[14] else None,
            last_session_date=last_date, last_session_topic=last_topic, referred_name=referred,
            referred_honorific=referred_honorific, tier=tiers.get(row[0]), last_fee=last_fee,
            last_fee_currency=last_fee_currency, revenue=int(row[18] or 0), currency=currency,
        )
    return result


def parse_client_ids(text: str) -> list[int]:
    """'1,2, 3' -> [1, 2, 3]; ValidationError otherwise."""
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        raise ValidationError("letters.clients_invalid", field="clients", value=text)
    return list(dict.fromkeys(int(p) for p in parts))


def select_clients(db: Database, *, client_ids: list[int] | None = None, tier: str | None = None,
                   overdue: bool = False, tag: str | None = None, as_of: dt.date | None = None) -> list[int]:
    """Client ids for a selection (ids as given; a tier, overdue or tag: by reading, then name).

    Archived and do-not-contact clients are kept here: plan_letters leaves them out with a reason.
    """
    from loyaldesk.core.loyalty import compute_loyalty
    from loyaldesk.core.migrations import TIERS

    day = as_of or dates.today()
    if client_ids:
        return list(dict.fromkeys(client_ids))
    ids: list[int] | None = None
    if tier or overdue:
        if tier and tier not in TIERS:
            raise ValidationError("letters.tier_invalid", field="tier", value=tier)
        report = compute_loyalty(db, day)
        ids = [c.id for c in report.clients if (not tier or c.tier == tier) and (not overdue or c.overdue)]
    if tag:
        tag_id = db.scalar("SELECT id FROM tags WHERE name = ?", (tag.strip(),))
        if tag_id is None:
            raise ValidationError("letters.tag_unknown", field="tag", value=tag)
        tagged = [r[0] for r in db.query("SELECT client_id FROM client_tags WHERE tag_id = ?", (tag_id,), plain=True)]
        ids = tagged if ids is None else [i for i in ids if i in set(tagged)]
    if ids is None:
        raise ValidationError("letters.selection_empty", field="clients")
    if tag and not (tier or overdue):
        ids = [r[0] for r in db.query(
            "SELECT id FROM clients WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY COALESCE(NULLIF(name_kana, ''), name), id", (__import__("json").dumps(ids),), plain=True)]
    return ids


# =========================================================================================
# Planning
# =========================================================================================
def plan_letters(db: Database, template_key: str, client_ids: list[int], *, lang: str | None = None,
                 as_of: dt.date | None = None, need: str | None = "address", suggestions: dict | None = None,
                 ui_lang: str | None = None, design: str | None = None,
                 extra: Callable[[str], dict] | None = None, notes: dict[int, str] | None = None) -> LetterPlan:
    """Render `template_key` for each client, in order; leave out who cannot be written to.

    need: 'address' (paper: clients without a postal address are skipped), 'email' (mailto),
    or None. lang: force ja or en (else per client, see the module docstring).
    suggestions: client id -> the Suggestion each letter answers (marked done after sending).
    design: force 'standard' or 'vip' (else the template's; 'auto' = vip for vip-tier clients).
    extra: language -> more placeholder values (an event's event_title, event_date, event_place).
    notes: client id -> a personal line for that letter ({{ personal_note }}; placed before the closing when
    the template does not place it).
    """
    day = as_of or dates.today()
    ui = ui_lang or current_language()
    if lang is not None and lang not in tpl.LANGS:
        raise ValidationError("template.lang_invalid", field="lang", value=lang)
    if db.scalar("SELECT 1 FROM letter_templates WHERE key = ?", (template_key,)) is None:
        from loyaldesk.core.errors import NotFoundError

        raise NotFoundError("template.unknown", template=template_key)
    profiles = load_profiles(db)  # each letter signed with the profile of its language
    recipients = load_recipients(db, client_ids, day)
    tier_now = _current_tiers(db, day) if any(r.tier is None for r in recipients.values()) else {}
    compiled: dict[str, tuple[tpl.LetterTemplate, object, object]] = {}
    plan = LetterPlan()
    for cid in client_ids:
        r = recipients.get(cid)
        if r is None:
            plan.skipped.append(Skipped(cid, "", "not_found"))
            continue
        reason = ("archived" if r.archived else "do_not_contact" if r.do_not_contact
                  else "no_address" if need == "address" and not r.has_address
                  else "no_email" if need == "email" and not r.email.strip() else None)
        if reason:
            plan.skipped.append(Skipped(cid, r.name, reason))
            continue
        if r.tier is None:
            r.tier = tier_now.get(cid)
        want = lang or letter_language(r, ui)
        if want not in compiled:
            template = tpl.find_template(db, template_key, want)
            compiled[want] = (template, tpl.compile_template(template.subject, "subject"),
                              tpl.compile_template(template.body, "body"))
        template, subject_t, body_t = compiled[want]
        sender = profiles.for_lang(template.lang)
        context = context_for(r, template.lang, sender, day)
        if extra is not None:
            context.update(extra(template.lang))
        note = " ".join(((notes or {}).get(cid) or "").split())
        context["personal_note"] = note
        body = tpl.render_text(body_t, context, "body")
        if note and not uses_personal_note(template.body):
            body = place_personal_note(body, note)
        chosen = design or template.design
        if chosen == "auto":
            chosen = "vip" if r.tier == "vip" else "standard"
        plan.letters.append(Letter(
            client_id=cid, lang=template.lang, design=chosen, template_key=template_key,
            subject=tpl.render_text(subject_t, context, "subject").strip(),
            body=body, date_text=context["today"], recipient=r, sender=sender,
            suggestion=(suggestions or {}).get(cid), personal_note=note,
        ))
    return plan


def preview_letter(db: Database, template: tpl.LetterTemplate, client_id: int | None = None,
                   as_of: dt.date | None = None) -> Letter:
    """One letter from a template as edited (not yet saved), for a client or a sample recipient.

    Raises ValidationError (with the line) when the template does not render.
    """
    day = as_of or dates.today()
    recipient = load_recipients(db, [client_id], day).get(client_id) if client_id is not None else None
    if recipient is None:
        if template.lang == "ja":
            recipient = Recipient(0, "山田 太郎", honorific="様", company="株式会社サンプル", title="代表取締役",
                                  postal_code="150-0001", address1="東京都渋谷区神宮前1-1-1",
                                  last_session_date=day - dt.timedelta(days=14), last_session_topic="新規事業の資金計画",
                                  sessions=12, first_session=day.replace(year=day.year - 3))
        else:
            recipient = Recipient(0, "Emily Carter", honorific="Ms", company="Carter & Co.", title="Director",
                                  address1="12 High Street", address2="London", last_session_date=day - dt.timedelta(days=14),
                                  last_session_topic="pricing your services", sessions=12,
                                  first_session=day.replace(year=day.year - 3))
        cur = practice.currency(db)
        recipient.currency = recipient.last_fee_currency = cur
        recipient.last_fee = money.to_minor(30000 if cur == "JPY" else 150, cur)
        recipient.revenue = 12 * recipient.last_fee
    sender = load_sender(db, template.lang)
    context = context_for(recipient, template.lang, sender, day)
    subject = tpl.render_text(tpl.compile_template(template.subject, "subject"), context, "subject").strip()
    body = tpl.render_text(tpl.compile_template(template.body, "body"), context, "body")
    design = template.design if template.design != "auto" else ("vip" if recipient.tier == "vip" else "standard")
    return Letter(client_id=recipient.id, lang=template.lang, design=design, template_key=template.key,
                  subject=subject, body=body, date_text=context["today"], recipient=recipient, sender=sender)


def _current_tiers(db: Database, day: dt.date) -> dict[int, str]:
    from loyaldesk.core.loyalty import compute_loyalty

    return {c.id: c.tier for c in compute_loyalty(db, day).clients}


def client_choices(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the clients who can get a letter, by reading: the editor's preview chooser."""
    return [(r[0], r[1]) for r in db.query(
        "SELECT id, name FROM clients WHERE archived = 0 AND do_not_contact = 0 "
        "ORDER BY COALESCE(NULLIF(name_kana, ''), name), id", plain=True)]
