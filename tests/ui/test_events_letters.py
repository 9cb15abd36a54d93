"""Invitations by e-mail and recognition letters from the Events screen, and the Events screen on
the sample practice."""

from __future__ import annotations

import datetime as dt
import urllib.parse

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from loyaldesk.core import events
from tests.conftest import AS_OF, add_client


@pytest.fixture
def events_screen(qtbot, services):
    from loyaldesk.ui.events.screen import EventsScreen

    w = EventsScreen(services)
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    return w


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toString()) or True))
    return urls


def show(screen, event_id):
    screen.filter.setCurrentIndex(screen.filter.findData("all"))
    screen.select_event(event_id)


def mailto_parts(url: str) -> tuple[str, dict]:
    parsed = urllib.parse.urlsplit(url)
    assert parsed.scheme == "mailto"
    query = {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query).items()}
    return urllib.parse.unquote(parsed.path), query


def open_dialog(qtbot, screen, button):
    with qtbot.waitSignal(screen.send_opened, timeout=5000) as opened_dialog:
        button.click()
    dialog = opened_dialog.args[0]
    qtbot.waitUntil(lambda: dialog.panel.batch is not None, timeout=20000)
    return dialog


def test_email_invitations_write_drafts_name_who_needs_a_letter_record_and_undo(qtbot, db, services, events_screen,
                                                                                opened, monkeypatch, tmp_path):
    import email
    import email.policy

    from PySide6.QtWidgets import QFileDialog

    e = events.save_event(db, events.Event(None, "Spring seminar", "seminar", dt.datetime(2026, 12, 12, 14, 0),
                                           "Shibuya Civic Hall", title_ja="春のセミナー"))
    taro = add_client(db, "山田 太郎", honorific="様", email="taro@example.com", address1="東京都渋谷区2-2")
    emily = add_client(db, "Emily Carter", honorific="Ms", email="emily@example.com")
    paper = add_client(db, "佐藤 花子", honorific="様", address1="東京都渋谷区1-1")
    quiet = add_client(db, "Tom Baker", email="tom@example.com")
    events.invite(db, e.id, [taro], "early", on=AS_OF)
    events.invite(db, e.id, [emily, paper, quiet], "general", on=AS_OF)
    with db.transaction() as conn:  # asked not to be contacted after the invitation was recorded
        conn.execute("UPDATE clients SET do_not_contact = 1 WHERE id = ?", (quiet,))
    show(events_screen, e.id)
    assert "Early wave: 1 invited, not sent yet" in events_screen.wave_label.text()

    dialog = open_dialog(qtbot, events_screen, events_screen.email_button)  # nobody chosen: every invitee
    panel = dialog.panel
    assert [i.client_id for i in panel.batch.items] == [taro, emily, paper]  # e-mail: no postal address needed
    assert {s.client_id: s.reason for s in panel.batch.skipped} == {quiet: "do_not_contact"}
    folder = tmp_path / "drafts"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    with qtbot.waitSignal(panel.drafts_written, timeout=20000):
        panel.drafts_button.click()
    assert opened == []  # no mail window at all
    drafts = [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in folder.glob("*.eml")]
    vip = events.invitation_letters(db, e.id, [taro], "early", as_of=AS_OF).letters[0]
    general = events.invitation_letters(db, e.id, [emily], "general", need=None, as_of=AS_OF).letters[0]
    by_to = {str(m["To"]): m for m in drafts}
    assert set(by_to) == {"山田 太郎 <taro@example.com>", "Emily Carter <emily@example.com>"}
    assert by_to["山田 太郎 <taro@example.com>"]["Subject"] == vip.subject  # the early wave: vip_invitation
    assert by_to["Emily Carter <emily@example.com>"]["Subject"] == general.subject  # the general wave
    assert "Spring seminar" in by_to["Emily Carter <emily@example.com>"].get_body(("plain",)).get_content()
    assert "No e-mail address: 佐藤 花子" in panel.banner_label.text()
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0  # nothing is recorded before the user says so
    panel.record_button.click()
    rows = [tuple(r) for r in db.query("SELECT client_id, channel, date FROM touchpoints ORDER BY client_id")]
    assert rows == [(taro, "email", AS_OF.isoformat()), (emily, "email", AS_OF.isoformat())]
    sent = {i.client_id: i.sent_on for i in events.invitations(db, e.id)}
    assert sent[taro] == sent[emily] == AS_OF and sent[paper] is None
    qtbot.waitUntil(lambda: "Early wave: 1 invited, all sent since 2026-11-23" in events_screen.wave_label.text())
    services.undo_stack.undo()  # Edit > Undo
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0
    assert {i.sent_on for i in events.invitations(db, e.id)} == {None}
    panel.without_email_button.click()  # the one without an e-mail address, ready to print
    qtbot.waitUntil(lambda: [i.client_id for i in panel.batch.chosen] == [paper], timeout=20000)
    dialog.close()


def test_invitation_letters_printed_record_one_letter_each_like_the_letters_screen(
        qtbot, db, services, events_screen, tmp_path):
    e = events.save_event(db, events.Event(None, "Study session: 2027", "study_session",
                                           dt.datetime(2026, 12, 3, 19, 0)))
    a = add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street")
    b = add_client(db, "Anna Lee", address1="3 Low Road")
    events.invite(db, e.id, [a, b], "general", on=AS_OF)
    show(events_screen, e.id)
    events_screen.invitations.selectRow(events_screen.invitation_model.row_of(b))
    dialog = open_dialog(qtbot, events_screen, events_screen.letters_button)
    panel = dialog.panel
    assert [i.client_id for i in panel.batch.items] == [b]
    assert panel.batch.file_name("en") == "Invitations Study session - 2027 2026-11-23.pdf"
    out = tmp_path / "invitations.pdf"
    with qtbot.waitSignal(panel.saved, timeout=20000):
        panel.save_to(str(out))
    assert "Study session" in PdfReader(str(out)).pages[0].extract_text()
    from loyaldesk.ui.events.models import InvitationColumn

    def sent_cell(cid):
        return events_screen.invitation_model.index(events_screen.invitation_model.row_of(cid),
                                                    InvitationColumn.INVITED).data()

    assert sent_cell(b) == "not sent yet"  # saved is not sent until the user says so
    panel.record_button.click()
    assert [tuple(r) for r in db.query("SELECT client_id, channel FROM touchpoints")] == [(b, "letter")]
    qtbot.waitUntil(lambda: sent_cell(b) != "not sent yet", timeout=5000)
    assert "2026" in sent_cell(b) and sent_cell(a) == "not sent yet"
    assert {i.client_id: i.sent_on for i in events.invitations(db, e.id)} == {a: None, b: AS_OF}
    panel.undo_button.click()
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0
    dialog.close()


def test_attendance_before_the_event_asks_and_counts_from_its_day(qtbot, db, services, events_screen, monkeypatch):
    e = events.save_event(db, events.Event(None, "Winter mixer", "mixer", dt.datetime(2027, 1, 20, 18, 0)))
    a = add_client(db, "Emily Carter")
    events.invite(db, e.id, [a], "general", on=AS_OF)
    show(events_screen, e.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **k: asked.append(args[2]) or QMessageBox.StandardButton.No))
    events_screen.invitation_model.attended_toggled.emit(a, True)
    assert "Winter mixer is on 2027-01-20" in asked[0]
    assert not events.invitations(db, e.id)[0].attended  # not confirmed: nothing recorded
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **k: QMessageBox.StandardButton.Yes))
    events_screen.invitation_model.attended_toggled.emit(a, True)
    assert events.invitations(db, e.id)[0].attended
    assert events.event_summary(db, e.id, AS_OF).attended == 0  # counted from the event's day on
    assert events.event_summary(db, e.id, dt.date(2027, 1, 20)).attended == 1
    assert events.community_members(db, as_of=AS_OF) == []  # no past event attended yet
    members = events.community_members(db, as_of=dt.date(2027, 1, 21))
    assert [(m.client_id, m.last_attended) for m in members] == [(a, dt.date(2027, 1, 20))]


def test_recognition_letter_previews_saves_and_records(qtbot, db, events_screen, tmp_path):
    e = events.save_event(db, events.Event(None, "Results meeting", "results_meeting", dt.datetime(2026, 11, 14, 13, 0)))
    cid = add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street", email="emily@example.com")
    other = add_client(db, "Anna Lee")
    events.invite(db, e.id, [cid, other], "early", on=dt.date(2026, 10, 1))
    r = events.award(db, cid, "Best progress", dt.date(2026, 11, 14), event_id=e.id,
                     note="Doubled the repeat rate in six months.")
    show(events_screen, e.id)
    events_screen.invitations.selectRow(events_screen.invitation_model.row_of(other))
    assert not events_screen.recognition_letter_button.isEnabled()  # no award for this guest
    events_screen.invitations.clearSelection()
    events_screen.invitations.selectRow(events_screen.invitation_model.row_of(cid))
    assert events_screen.recognition_letter_button.isEnabled()

    dialog = open_dialog(qtbot, events_screen, events_screen.recognition_letter_button)
    panel = dialog.panel
    assert dialog.recognition.id == r.id
    assert panel.batch.items[0].letter.subject == "Congratulations: Best progress"
    assert panel.preview.page_count() == 1
    assert panel.sender_hint.isVisible()  # no sender profile yet: said so
    out = tmp_path / "recognition.pdf"
    with qtbot.waitSignal(panel.saved, timeout=20000):
        panel.save_to(str(out))
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "Best progress" in text and "Results meeting" in text and "Doubled the repeat rate" in text
    assert panel.record_button.isVisible()
    panel.record_button.click()
    assert [tuple(r) for r in db.query("SELECT client_id, channel FROM touchpoints WHERE channel = 'letter'")] == [
        (cid, "letter")]
    dialog.close()


def test_recognition_letter_in_japanese_from_the_community_view(qtbot, db, events_screen, tmp_path):
    cid = add_client(db, "山田 太郎", honorific="様", address1="東京都渋谷区1-1")
    events.award(db, cid, "ベストサポーター賞", dt.date(2026, 7, 14), period="2026年上半期",
                 note="交流会の受付を毎回引き受けてくださいました。")
    events_screen.reload()
    events_screen.tabs.setCurrentIndex(1)
    assert not events_screen.community_letter_button.isEnabled()
    events_screen.community.selectRow(0)
    assert events_screen.community_letter_button.isEnabled()
    dialog = open_dialog(qtbot, events_screen, events_screen.community_letter_button)
    panel = dialog.panel
    assert not panel.drafts_button.isEnabled() or not panel.batch.items[0].email  # no e-mail address
    out = tmp_path / "ja.pdf"
    with qtbot.waitSignal(panel.saved, timeout=20000):
        panel.save_to(str(out))
    text = "".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "「ベストサポーター賞」" in text and "2026年上半期" in text and "受付を毎回" in text
    dialog.close()


def test_events_screen_on_the_sample_practice(qtbot, services, db, events_screen):
    from loyaldesk.core import demo

    demo.generate(db, clients=120, seed=3, as_of=AS_OF)
    events_screen.reload()
    events_screen.filter.setCurrentIndex(events_screen.filter.findData("upcoming"))
    upcoming = [events_screen.event_model.summary_at(r) for r in range(events_screen.event_model.rowCount())]
    assert len(upcoming) == 2 and all(s.invited and not s.attended for s in upcoming)
    assert "Early wave:" in events_screen.wave_label.text() and "sent since" in events_screen.wave_label.text()
    events_screen.filter.setCurrentIndex(events_screen.filter.findData("past"))
    past = [events_screen.event_model.summary_at(r) for r in range(events_screen.event_model.rowCount())]
    assert len(past) == 7 and all(s.attended for s in past)
    assert {s.event.kind for s in past} == {"seminar", "study_session", "mixer", "results_meeting"}
    shown = events_screen.invitation_model.all_invitations()
    assert sum(i.attended for i in shown) == past[0].attended
    assert f"{past[0].attended} attended" in events_screen.capacity_label.text()
    assert events_screen.community_model.rowCount() > 10
