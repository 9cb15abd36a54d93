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


def test_email_invitations_open_drafts_name_who_needs_a_letter_and_log(qtbot, db, events_screen, opened,
                                                                       monkeypatch):
    e = events.save_event(db, events.Event(None, "Spring seminar", "seminar", dt.datetime(2026, 12, 12, 14, 0),
                                           "Shibuya Civic Hall"))
    taro = add_client(db, "山田 太郎", honorific="様", email="taro@example.com")
    emily = add_client(db, "Emily Carter", honorific="Ms", email="emily@example.com")
    paper = add_client(db, "佐藤 花子", honorific="様", address1="東京都渋谷区1-1")
    quiet = add_client(db, "Tom Baker", email="tom@example.com")
    events.invite(db, e.id, [taro], "early", on=AS_OF)
    events.invite(db, e.id, [emily, paper, quiet], "general", on=AS_OF)
    with db.transaction() as conn:  # asked not to be contacted after the invitation was recorded
        conn.execute("UPDATE clients SET do_not_contact = 1 WHERE id = ?", (quiet,))
    show(events_screen, e.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))

    with qtbot.waitSignal(events_screen.emails_opened, timeout=20000) as blocker:
        events_screen.email_button.click()  # nobody chosen: every invitee

    assert blocker.args == [2] and asked == ["Open 2 e-mails in your mail program, one per invitee?"]
    drafts = dict(mailto_parts(url) for url in opened)
    assert set(drafts) == {"taro@example.com", "emily@example.com"}
    vip = events.invitation_letters(db, e.id, [taro], "early", need="email", as_of=AS_OF).letters[0]
    general = events.invitation_letters(db, e.id, [emily], "general", need="email", as_of=AS_OF).letters[0]
    assert drafts["taro@example.com"]["subject"] == vip.subject  # the early wave: vip_invitation
    assert drafts["taro@example.com"]["body"] == vip.plain_text()
    assert drafts["emily@example.com"]["subject"] == general.subject  # the general wave: event_invitation
    assert "Spring seminar" in drafts["emily@example.com"]["body"]
    text = events_screen.mail_label.text()
    assert "No e-mail address, send a printed letter instead (1): 佐藤 花子" in text
    assert "Not written to, do not contact or archived (1): Tom Baker" in text
    assert events_screen.mail_banner.isVisible()
    assert db.scalar("SELECT COUNT(*) FROM touchpoints") == 0  # nothing is logged before the user says so

    events_screen.mail_log_button.click()
    rows = [tuple(r) for r in db.query("SELECT client_id, channel, date FROM touchpoints ORDER BY client_id")]
    assert rows == [(taro, "email", AS_OF.isoformat()), (emily, "email", AS_OF.isoformat())]
    assert "E-mail contacts logged: 2." in events_screen.mail_label.text()

    events_screen.mail_select_button.click()  # the one without an address, ready for Invitation letters…
    assert [i.client_id for i in events_screen.selected_invitations()] == [paper]


def test_email_one_chosen_invitee_opens_without_asking(qtbot, db, events_screen, opened):
    e = events.save_event(db, events.Event(None, "Study session", "study_session", dt.datetime(2026, 12, 3, 19, 0)))
    a = add_client(db, "Emily Carter", email="emily@example.com")
    b = add_client(db, "Anna Lee", email="anna@example.com")
    events.invite(db, e.id, [a, b], "general", on=AS_OF)
    show(events_screen, e.id)
    events_screen.invitations.selectRow(events_screen.invitation_model.row_of(b))
    with qtbot.waitSignal(events_screen.emails_opened, timeout=20000):
        events_screen.email_button.click()
    assert [mailto_parts(u)[0] for u in opened] == ["anna@example.com"]
    assert "Opened 1 invitation e-mails" in events_screen.mail_label.text()
    assert not events_screen.mail_select_button.isVisible()


def test_recognition_letter_previews_saves_and_logs(qtbot, db, events_screen, tmp_path):
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

    events_screen.recognition_letter_button.click()
    dialog = events_screen.letter_dialog
    qtbot.waitUntil(lambda: dialog.letter is not None, timeout=20000)
    assert dialog.recognition.id == r.id
    assert dialog.letter.subject == "Congratulations: Best progress"
    assert dialog.preview.page_count() == 1
    assert "Preferences > Sender" in dialog.status.text()  # no sender profile yet: said so
    out = tmp_path / "recognition.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save_to(str(out))
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "Best progress" in text and "Results meeting" in text and "Doubled the repeat rate" in text
    assert dialog.log_button.isVisible()
    dialog.log_button.click()
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
    events_screen.community_letter_button.click()
    dialog = events_screen.letter_dialog
    qtbot.waitUntil(lambda: dialog.letter is not None, timeout=20000)
    assert not dialog.email_button.isEnabled()  # no e-mail address
    out = tmp_path / "ja.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save_to(str(out))
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
