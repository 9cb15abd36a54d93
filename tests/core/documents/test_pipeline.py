"""The document pipeline for every kind: who gets one (and who not, why), what it says with a personal line,
the PDF of the ticked recipients, e-mail drafts, and what "record as sent" writes and undo takes back."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io

import pytest
from pypdf import PdfReader

from loyaldesk.core import events, greetings
from loyaldesk.core.documents import pipeline
from loyaldesk.core.documents.filenames import default_file_name, safe_name
from loyaldesk.core.documents.kinds import KINDS
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import set_language
from tests.core.documents.conftest import DAY


def pdf_pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def touchpoints(db):
    return db.query("SELECT client_id, date, channel, note FROM touchpoints ORDER BY id", plain=True)


def all_ids(practice):
    return [practice[k] for k in ("yamada", "org", "carter", "dnc", "archived", "nowhere")]


def test_letters_recipients_left_out_with_reasons_and_unticked_ones_kept_out_of_the_pdf(db, practice):
    batch = pipeline.prepare(db, pipeline.Request("letter", all_ids(practice), template="thank_you", as_of=DAY,
                                                  excluded={practice["org"]}))
    assert [i.client_id for i in batch.items] == [practice["yamada"], practice["org"], practice["carter"]]
    assert [i.included for i in batch.items] == [True, False, True]
    assert {s.client_id: s.reason for s in batch.skipped} == {
        practice["dnc"]: "do_not_contact", practice["archived"]: "archived", practice["nowhere"]: "no_address"}
    data, first = pipeline.render(batch)
    pages = pdf_pages(data)
    assert len(first) == 2 and "山田 太郎 様" in pages[0] and "Emily Carter" in pages[-1]
    assert not any("株式会社みらい" in p for p in pages)


def test_personal_line_where_the_template_says_or_before_the_closing(db, practice):
    from loyaldesk.core.letters import templates as T

    notes = {practice["yamada"]: "先日はお土産をありがとうございました。", practice["carter"]: "Lovely to see you in May."}
    batch = pipeline.prepare(db, pipeline.Request("letter", [practice["yamada"], practice["carter"]],
                                                  template="thank_you", as_of=DAY, notes=notes))
    ja, en = batch.items[0].letter.body, batch.items[1].letter.body
    assert "先日はお土産をありがとうございました。" in ja
    assert ja.index("先日はお土産") < ja.index("敬具")  # before the closing
    assert "Lovely to see you in May." in en
    assert batch.items[0].note == notes[practice["yamada"]]
    # a template that places it itself
    own = T.find_template(db, "thank_you", "en")
    own.body = "Dear {{ addressee }},\n\n{{ personal_note }}\n\nThank you."
    T.save_template(db, own)
    batch = pipeline.prepare(db, pipeline.Request("letter", [practice["carter"]], template="thank_you", as_of=DAY,
                                                  lang="en", notes={practice["carter"]: "See you soon!"}))
    assert batch.items[0].letter.body.split("\n")[2] == "See you soon!"
    # without a note nothing is added
    batch = pipeline.prepare(db, pipeline.Request("letter", [practice["carter"]], template="thank_you", as_of=DAY,
                                                  lang="en"))
    assert "See you soon" not in batch.items[0].letter.body


def test_vip_letter_kind_forces_the_vip_design(db, practice):
    batch = pipeline.prepare(db, pipeline.Request("vip_letter", [practice["carter"]], template="thank_you", as_of=DAY))
    assert batch.items[0].letter.design == "vip"
    assert pipeline.prepare(db, pipeline.Request("letter", [practice["carter"]], template="thank_you",
                                                 as_of=DAY)).items[0].letter.design == "standard"


def test_record_as_sent_logs_one_touchpoint_each_with_the_note_and_undo_removes_them(db, practice):
    batch = pipeline.prepare(db, pipeline.Request("letter", [practice["yamada"], practice["carter"]],
                                                  template="thank_you", as_of=DAY,
                                                  notes={practice["carter"]: "Lovely to see you."},
                                                  excluded={practice["yamada"]}))
    assert touchpoints(db) == []  # nothing before the user confirms
    rec = pipeline.record(db, batch, on=DAY)
    rows = touchpoints(db)
    assert rec.count == 1 and len(rows) == 1
    assert rows[0][:3] == (practice["carter"], DAY.isoformat(), "letter")
    assert "Lovely to see you." in rows[0][3]
    pipeline.undo(db, rec)
    assert touchpoints(db) == []


def test_postcards_address_and_message_sides_record_greetings_and_undo(db, practice):
    from loyaldesk.core.addresses.compose import AddressOptions

    ids = [practice["yamada"], practice["carter"], practice["nowhere"]]
    batch = pipeline.prepare(db, pipeline.Request("postcard", ids, as_of=DAY, season="new_year", year=2027,
                                                  options=AddressOptions()))
    assert [i.client_id for i in batch.items] == ids[:2] and batch.skipped[0].reason == "no_address"
    data, first = pipeline.render(batch)
    assert first == [1, 2] and "渋谷区" in pdf_pages(data)[0].replace("\n", "")
    msg = pipeline.prepare(db, pipeline.Request("postcard_message", ids[:1], as_of=DAY, season="new_year", year=2027,
                                                notes={practice["yamada"]: "今年もよろしくお願いします"}))
    assert "今年もよろしくお願いします" in msg.items[0].message.text
    with db.transaction() as conn:
        conn.execute("UPDATE clients SET email = 'taro@example.jp' WHERE id = ?", (ids[0],))
    msg = pipeline.prepare(db, pipeline.Request("postcard_message", ids[:1], as_of=DAY, season="new_year", year=2027))
    drafts, _missing = pipeline.drafts(msg)
    assert drafts[0].subject == "謹賀新年" and "高橋 恵子" in drafts[0].body  # the card's heading, then signed
    both = pipeline.prepare(db, pipeline.Request("postcard_message", ids[:1], as_of=DAY, side="both",
                                                 season="new_year", year=2027))
    assert len(pdf_pages(pipeline.render(both)[0])) == 2
    rec = pipeline.record(db, batch, on=DAY)
    assert [r[2] for r in touchpoints(db)] == ["card", "card"]
    sent = db.query("SELECT client_id, year, season FROM greetings WHERE kind = 'sent' ORDER BY client_id", plain=True)
    assert sent == [(ids[0], 2027, "new_year"), (ids[1], 2027, "new_year")]
    assert not set(ids) & set(greetings.to_send(db, "new_year", 2027, as_of=DAY).client_ids)  # not asked again
    pipeline.undo(db, rec)
    assert touchpoints(db) == [] and db.query("SELECT * FROM greetings", plain=True) == []
    assert db.query("SELECT * FROM suggestion_decisions", plain=True) == []


def test_envelopes_and_labels_render_and_record_nothing(db, practice):
    ids = [practice["yamada"], practice["carter"], practice["org"]]
    env = pipeline.prepare(db, pipeline.Request("envelope", ids, as_of=DAY, layout="naga3"))
    data, first = pipeline.render(env)
    assert first[:2] == [1, 3]  # the sender on the back: two pages each
    labels = pipeline.prepare(db, pipeline.Request("labels", ids, as_of=DAY, layout="a4-12", start=3))
    data, first = pipeline.render(labels)
    assert first == [1, 1, 1] and "Emily Carter" in pdf_pages(data)[0]
    rec = pipeline.record(db, labels, on=DAY)
    assert rec.count == 0 and touchpoints(db) == []
    with pytest.raises(ValidationError):
        pipeline.drafts(labels)


def test_invitations_by_wave_record_sent_and_one_letter_touchpoint_each(db, practice):
    event = events.save_event(db, events.Event(None, "Spring seminar: Your 2027 plan", "seminar",
                                               dt.datetime(2026, 5, 20, 14, 0), "Shibuya"))
    ids = [practice["yamada"], practice["carter"]]
    events.invite(db, event.id, ids[:1], "early", on=DAY)
    events.invite(db, event.id, ids[1:], "general", on=DAY)
    batch = pipeline.prepare(db, pipeline.Request("invitation", ids, as_of=DAY, event_id=event.id))
    assert [i.wave for i in batch.items] == ["early", "general"]
    assert [i.letter.template_key for i in batch.items] == ["vip_invitation", "event_invitation"]
    assert "Spring seminar" in batch.items[1].letter.body
    assert {i.sent_on for i in events.invitations(db, event.id)} == {None}
    rec = pipeline.record(db, batch, on=DAY)
    assert [r[2] for r in touchpoints(db)] == ["letter", "letter"]
    assert "Spring seminar" in touchpoints(db)[0][3]
    assert {i.sent_on for i in events.invitations(db, event.id)} == {DAY}
    assert events.get_event(db, event.id).early_wave_on == DAY
    pipeline.undo(db, rec)
    assert {i.sent_on for i in events.invitations(db, event.id)} == {None} and touchpoints(db) == []
    assert events.get_event(db, event.id).early_wave_on is None
    assert batch.file_name("en") == "Invitations Spring seminar - Your 2027 plan 2026-04-10.pdf"


def test_recognition_letter_for_a_client_without_address(db, practice):
    award = events.award(db, practice["nowhere"], "Best progress", DAY, period="2026 H1")
    batch = pipeline.prepare(db, pipeline.Request("recognition", [], as_of=DAY, recognition_id=award.id))
    assert [i.client_id for i in batch.items] == [practice["nowhere"]]
    assert "Best progress" in batch.items[0].letter.body
    pipeline.record(db, batch, on=DAY)
    assert [r[2] for r in touchpoints(db)] == ["letter"]


def test_suggestions_answered_are_marked_done_with_the_letter(db, practice):
    from loyaldesk.core.suggestions import Suggestion

    s = Suggestion(client_id=practice["carter"], client_name="Emily Carter", kind="thank_you", reason="",
                   due=DAY, priority=50, template="thank_you", channel="letter", cycle="2026-03-25")
    batch = pipeline.prepare(db, pipeline.Request("letter", [practice["carter"]], template="thank_you", as_of=DAY,
                                                  suggestions={practice["carter"]: s}))
    rec = pipeline.record(db, batch, on=DAY)
    assert db.query("SELECT client_id, kind, decision FROM suggestion_decisions", plain=True) == [
        (practice["carter"], "thank_you", "done")]
    assert len(touchpoints(db)) == 1
    pipeline.undo(db, rec)
    assert db.query("SELECT * FROM suggestion_decisions", plain=True) == [] and touchpoints(db) == []


def test_eml_drafts_parse_back_and_who_has_no_address_is_listed(db, practice, tmp_path):
    ids = [practice["yamada"], practice["carter"], practice["org"], practice["nowhere"]]
    batch = pipeline.prepare(db, pipeline.Request("letter", ids, template="thank_you", as_of=DAY, need=None))
    written, missing = pipeline.write_drafts(batch, tmp_path / "drafts")
    assert written.client_ids == [practice["yamada"], practice["carter"]]
    assert [m.client_id for m in missing] == [practice["org"], practice["nowhere"]]
    files = sorted((tmp_path / "drafts").glob("*.eml"))
    assert len(files) == 2
    parsed = {}
    for f in files:
        msg = email.message_from_bytes(f.read_bytes(), policy=email.policy.default)
        parsed[str(msg["To"])] = msg
    ja = parsed["山田 太郎 <taro@example.com>"]
    assert ja["From"] == "高橋 恵子 <keiko@example.com>" and ja["X-Unsent"] == "1"
    assert ja["Subject"] == batch.items[0].letter.subject
    body = ja.get_body(("plain",))
    assert body.get_content_charset() == "utf-8" and "山田" in body.get_content()
    assert "Emily Carter <emily@example.com>" in parsed
    written_again, _ = pipeline.write_drafts(batch, tmp_path / "drafts")  # never overwrites
    assert len(list((tmp_path / "drafts").glob("*.eml"))) == 4
    rec = pipeline.record(db, batch, on=DAY, channel="email", client_ids=written.client_ids)
    assert [(r[0], r[2]) for r in touchpoints(db)] == [(practice["yamada"], "email"), (practice["carter"], "email")]
    pipeline.undo(db, rec)


def test_nothing_ticked_is_a_clear_error(db, practice):
    batch = pipeline.prepare(db, pipeline.Request("letter", [practice["carter"]], template="thank_you", as_of=DAY,
                                                  excluded={practice["carter"]}))
    with pytest.raises(ValidationError, match="No recipient is ticked"):
        pipeline.render(batch)


def test_every_kind_is_described():
    assert set(KINDS) == {"letter", "vip_letter", "postcard", "postcard_message", "envelope", "labels",
                          "invitation", "recognition"}


@pytest.mark.parametrize("text, expected", [
    ("Spring seminar: Your 2027 plan", "Spring seminar - Your 2027 plan"),
    ('a/b\\c*d?e"f<g>h|i', "a - b - c - d - e - f - g - h - i"),
    ("CON", "_CON"), ("  dots...  ", "dots"), ("", "document"), ("春の勉強会：2027年", "春の勉強会：2027年"),
])
def test_file_names_valid_on_every_system(text, expected):
    assert safe_name(text) == expected


def test_default_file_names_localised_without_typos():
    day = dt.date(2026, 12, 5)
    assert default_file_name("labels", day, lang="en") == "Address labels 2026-12-05.pdf"
    assert default_file_name("labels", day, lang="ja") == "宛名ラベル 2026-12-05.pdf"
    assert default_file_name("postcard", day, lang="ja") == "はがき宛名面 2026-12-05.pdf"
    set_language("en")


def test_a_letter_about_an_event_gets_its_placeholders(db, practice):
    event = events.save_event(db, events.Event(None, "Winter mixer", "mixer", dt.datetime(2026, 5, 20, 18, 30),
                                               "Shibuya"))
    batch = pipeline.prepare(db, pipeline.Request("letter", [practice["carter"]], template="vip_invitation",
                                                  as_of=DAY, event_id=event.id))
    assert "Winter mixer" in batch.items[0].letter.body and "Shibuya" in batch.items[0].letter.body
    pipeline.record(db, batch, on=DAY)  # a letter, not an invitation: nothing about the invitations changes
    assert events.invitations(db, event.id) == []
