"""The Events screen: ticking attendance, replies and capacity, the waves, recognition, the community
view; and the dashboard's links to the event and the role assignment."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from loyaldesk.core import events
from loyaldesk.core.tags import TagRepository
from loyaldesk.ui.events.models import InvitationColumn
from tests.conftest import AS_OF, add_client, add_session


@pytest.fixture
def event_id(db):
    e = events.save_event(db, events.Event(None, "Autumn mixer", "mixer", dt.datetime(2026, 11, 22, 18, 0),
                                           "Café Lumière", capacity=2, fee=2000))
    return e.id


@pytest.fixture
def events_screen(qtbot, services):
    from loyaldesk.ui.events.screen import EventsScreen

    w = EventsScreen(services)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    return w


def show_all(screen, event_id):
    screen.filter.setCurrentIndex(screen.filter.findData("all"))
    screen.select_event(event_id)
    assert screen.event_title.text() == "Autumn mixer"


def row_of(screen, client_id):
    row = screen.invitation_model.row_of(client_id)
    assert row >= 0
    return row


def tick(qtbot, screen, client_id):
    """Click the Attended tick box of the client's row, as the user would."""
    view = screen.invitations
    index = screen.invitation_model.index(row_of(screen, client_id), InvitationColumn.ATTENDED)
    view.scrollTo(index)
    rect = view.visualRect(index)
    # the check box sits at the left of the cell: a click on it toggles it
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y()))


def test_ticking_attendance_logs_contact_and_clears_overdue(qtbot, services, db, events_screen, event_id):
    from loyaldesk.ui.clients.screen import ClientsScreen

    cid = add_client(db, "佐藤 花子", created="2025-01-01")
    add_session(db, cid, "2026-03-01")
    events.invite(db, event_id, [cid], "general", on=dt.date(2026, 11, 1))
    clients = ClientsScreen(services)
    qtbot.addWidget(clients)
    clients.reload()
    clients.select_client(cid)
    assert clients.model.row_at(0).overdue
    show_all(events_screen, event_id)
    state = events_screen.invitation_model.data(
        events_screen.invitation_model.index(row_of(events_screen, cid), InvitationColumn.ATTENDED),
        Qt.ItemDataRole.CheckStateRole)
    assert state == Qt.CheckState.Unchecked
    tick(qtbot, events_screen, cid)
    inv = events_screen.invitation_model.invitation_at(row_of(events_screen, cid))
    assert inv.attended and inv.reply == "yes"
    assert "1 attended" in events_screen.capacity_label.text()
    assert db.query_one("SELECT date, channel FROM touchpoints WHERE client_id = ?", (cid,))[:] == ("2026-11-22", "event")
    # the clients list and the detail hear of it: last contact is the event's day, no longer overdue
    row = clients.model.row_at(0)
    assert row.last_contact == dt.date(2026, 11, 22) and not row.overdue
    assert any(e.kind == "touchpoint" and "Autumn mixer" in e.text for e in clients.detail.timeline_model._entries)
    tick(qtbot, events_screen, cid)  # untick: the touchpoint goes again
    assert not events_screen.invitation_model.invitation_at(row_of(events_screen, cid)).attended
    assert db.scalar("SELECT COUNT(*) FROM touchpoints WHERE client_id = ?", (cid,)) == 0
    assert clients.model.row_at(0).overdue


def test_replies_fill_the_seats_and_the_rest_wait(qtbot, db, events_screen, event_id):
    a, b, c = (add_client(db, n) for n in ("A", "B", "C"))
    events.invite(db, event_id, [a], "early", on=dt.date(2026, 11, 1))
    events.invite(db, event_id, [b, c], "general", on=dt.date(2026, 11, 5))
    show_all(events_screen, event_id)
    for cid in (c, b, a):  # the general wave answers first; the early guest still gets the first seat
        events_screen.invitations.clearSelection()
        events_screen.invitations.selectRow(row_of(events_screen, cid))
        events_screen.yes_button.click()
    statuses = {i.client_id: (i.status, i.position) for i in events_screen.invitation_model.all_invitations()}
    assert statuses[a] == ("confirmed", 1)
    assert statuses[c] == ("confirmed", 2)
    assert statuses[b] == ("waiting", 3)
    text = events_screen.capacity_label.text()
    assert "2 seats" in text and "0 left" in text and "1 waiting" in text
    model = events_screen.invitation_model
    assert model.data(model.index(row_of(events_screen, b), InvitationColumn.STATUS)) == "Waiting list (3)"
    events_screen.invitations.clearSelection()
    events_screen.invitations.selectRow(row_of(events_screen, c))
    events_screen.no_button.click()  # a seat frees up
    assert {i.client_id: i.status for i in model.all_invitations()}[b] == "confirmed"


def test_inviting_a_wave_asks_then_records(qtbot, db, events_screen, event_id, monkeypatch, message_boxes):
    ids = [add_client(db, f"client {n}") for n in range(3)]
    add_client(db, "dnc", do_not_contact=1)
    show_all(events_screen, event_id)
    assert not events_screen.general_button.isEnabled()  # a past event invites nobody any more
    later = events.get_event(db, event_id)
    later.starts_at = dt.datetime(2026, 12, 5, 18, 0)
    events.save_event(db, later)
    events_screen.reload()
    assert events_screen.general_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(events_screen.invited, timeout=20000) as blocker:
        events_screen.general_button.click()
    assert blocker.args == [3]
    assert sorted(i.client_id for i in events_screen.invitation_model.all_invitations()) == ids
    assert "3 invited" in events_screen.capacity_label.text()
    assert "General wave: 3 invited, not sent yet" in events_screen.wave_label.text()  # chosen is not sent


def test_recognition_and_helper_from_the_screen(qtbot, services, db, events_screen, event_id):
    from loyaldesk.ui.events.dialogs import HelperDialog, RecognitionDialog

    cid = add_client(db, "山田 太郎")
    events.invite(db, event_id, [cid], "early", on=dt.date(2026, 11, 1))
    show_all(events_screen, event_id)
    dialog = RecognitionDialog(services, cid, "山田 太郎", events.get_event(db, event_id))
    qtbot.addWidget(dialog)
    dialog.title.setText("Best host")
    dialog._on_save_clicked()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [(r.title, r.event_title) for r in events.recognitions(db, cid)] == [("Best host", "Autumn mixer")]
    member = events_screen.community_model.member_at(0)
    assert (member.name, member.latest_recognition) == ("山田 太郎", "Best host")
    assert "1 recognized" in events_screen.community_summary.text()

    TagRepository(db).assign(cid, db.scalar("SELECT id FROM tags WHERE builtin_key = 'event_committee'"), AS_OF)
    helper = HelperDialog(services, events.get_event(db, event_id), events.committee_members(db))
    qtbot.addWidget(helper)
    helper.task.setText("reception")
    helper._on_save_clicked()
    assert [events_screen.helpers.item(i).text() for i in range(events_screen.helpers.count())] == [
        "山田 太郎 — reception"]


def test_new_event_dialog_validates_and_saves(qtbot, services, db):
    from loyaldesk.ui.events.dialogs import EventDialog

    dialog = EventDialog(services)
    qtbot.addWidget(dialog)
    dialog._on_save_clicked()
    assert dialog.error_label.text() == "The event needs a title."
    dialog.title_en.setText("Results meeting")
    dialog.title_ja.setText("成果報告会")
    dialog.kind.setCurrentIndex(dialog.kind.findData("results_meeting"))
    dialog.capacity.setValue(20)
    dialog.starts_at.setDateTime(QDateTime(QDate(2027, 2, 20), QTime(14, 0)))
    dialog.ends_at.setTime(QTime(13, 0))
    dialog._on_save_clicked()
    assert dialog.error_label.text() == "The event cannot end before it starts (14:00)."
    dialog.ends_at.setTime(QTime(16, 0))
    dialog.reply_by.setDate(QDate(2027, 2, 21))
    dialog._on_save_clicked()
    assert dialog.error_label.text() == "The reply deadline (2027-02-21) is after the event's day (2027-02-20)."
    dialog.reply_by.setDate(QDate(2027, 2, 12))
    dialog.reply_how_ja.setText("同封のはがきにて")
    dialog.place.setText("渋谷区民会館")
    dialog.place_en.setText("Shibuya Civic Hall")
    dialog._on_save_clicked()
    assert dialog.saved is not None and (dialog.saved.kind, dialog.saved.capacity) == ("results_meeting", 20)
    saved = events.list_events(db)[0].event
    assert (saved.title, saved.title_ja, saved.title_en) == ("Results meeting", "成果報告会", "Results meeting")
    assert (saved.ends_at, saved.reply_by) == (dt.datetime(2027, 2, 20, 16, 0), dt.date(2027, 2, 12))
    assert (saved.reply_how_ja, saved.reply_how_en, saved.place_en) == ("同封のはがきにて", "", "Shibuya Civic Hall")
    # editing shows what was saved; without an end time or deadline they are left out
    dialog = EventDialog(services, saved)
    qtbot.addWidget(dialog)
    assert (dialog.title_ja.text(), dialog.title_en.text(), dialog.ends_at.time()) == (
        "成果報告会", "Results meeting", QTime(16, 0))
    dialog.has_end.setChecked(False)
    dialog.has_reply_by.setChecked(False)
    dialog._on_save_clicked()
    assert (dialog.saved.ends_at, dialog.saved.reply_by) == (None, None)


def test_dashboard_links_to_the_event_and_the_role(qtbot, services, db, monkeypatch):
    from loyaldesk.core.suggestions import Suggestion
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.clients.dialogs import TagDialog
    from loyaldesk.ui.main_window import MainWindow

    cid = add_client(db, "VIP 様")
    e = events.save_event(db, events.Event(None, "Spring seminar", "seminar", dt.datetime(2027, 1, 20, 14, 0)))
    window = MainWindow(services, Preferences.load())
    qtbot.addWidget(window)
    window.show()
    invite = Suggestion(cid, "VIP 様", "vip_invitation", "", AS_OF, 50, "vip_invitation", "email",
                        f"event:{e.id}", "vip", e.id)
    window.dashboard.act(invite, "open")
    assert window.stack.currentWidget() is window.events_screen
    assert window.events_screen.event_title.text() == "Spring seminar"
    opened = []
    monkeypatch.setattr(TagDialog, "exec", lambda self: opened.append(self.client.id) or 0)
    offer = Suggestion(cid, "VIP 様", "role_offer", "", AS_OF, 40, "role_offer", "meeting", "2026", "vip")
    window.dashboard.act(offer, "open")
    assert window.stack.currentWidget() is window.clients_screen
    assert opened == [cid]


def test_feedback_round_invites_and_records_who_took_part(qtbot, services, db, events_screen, monkeypatch):
    from loyaldesk.core.clients import ClientRepository
    from tests.core.test_suggestions import ladder

    ids = ladder(db, 10)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("Online course", True))
    events_screen.tabs.setCurrentIndex(2)
    assert "No feedback round yet" in events_screen.round_label.text()
    events_screen.new_round_button.click()
    assert events_screen.round_combo.currentText() == "Online course (2026-11-23)"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(events_screen.invited, timeout=20000) as blocker:
        events_screen.invite_round_button.click()
    invited = blocker.args[0]
    assert invited >= 2 and events_screen.feedback_model.rowCount() == invited
    model = events_screen.feedback_model
    first = model.participant_at(0)
    assert model.setData(model.index(0, 3), "shorter videos please")
    assert model.participant_at(0).took_part and model.participant_at(0).note == "shorter videos please"
    assert f"{invited} invited · 1 took part" == events_screen.round_label.text()
    timeline = ClientRepository(db).timeline(first.client_id)
    assert (timeline[0].kind, timeline[0].text) == ("feedback", "Online course — shorter videos please")
    assert set(ids) >= {model.participant_at(r).client_id for r in range(model.rowCount())}


def test_the_events_list_names_each_event_in_the_language_of_the_screen(qtbot, db):
    from loyaldesk.core import events as ev
    from loyaldesk.core.i18n import set_language
    from loyaldesk.ui.events.models import EventListModel

    ev.save_event(db, ev.Event(None, "Winter seminar", "seminar", dt.datetime(2027, 1, 9, 14, 0), "Shibuya",
                               title_ja="冬の経営セミナー", title_en="Winter seminar"))
    model = EventListModel()
    model.set_events(ev.list_events(db, dt.date(2026, 12, 5)), dt.date(2026, 12, 5))
    try:
        set_language("ja")
        assert model.index(0, 1).data() == "冬の経営セミナー"
        set_language("en")
        assert model.index(0, 1).data() == "Winter seminar"
    finally:
        set_language("en")
