"""The send panel is the same on every screen: "Record as sent?" after saving logs one touchpoint per
recipient with the document's channel (Letters, Addresses, Events), nothing before, and Undo removes them."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core import events
from loyaldesk.core.letters.sender import SenderProfile, save_sender
from tests.conftest import AS_OF, add_client, add_session


@pytest.fixture
def two_clients(db):
    save_sender(db, SenderProfile(name="高橋 恵子", business="高橋経営相談室", address="東京都渋谷区神南1-2-3"))
    save_sender(db, SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory"))  # English clients
    a = add_client(db, "山田 太郎", honorific="様", address1="東京都渋谷区1-1", postal_code="1500001")
    b = add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street")
    for cid in (a, b):
        add_session(db, cid, "2026-10-01")
    return a, b


def letters_panel(qtbot, services, ids):
    from loyaldesk.ui.letters.screen import LettersScreen

    w = LettersScreen(services)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.preview_ready, timeout=20000):
        w.start_with_clients(ids, "thank_you")
    return w, w.panel, "letter"


def addresses_panel(qtbot, services, ids):
    from loyaldesk.ui.addresses.screen import AddressesScreen

    w = AddressesScreen(services)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.preview_ready, timeout=20000):
        w.start_with_clients(ids)
    return w, w.panel, "card"


def events_panel(qtbot, services, ids):
    from loyaldesk.ui.events.screen import EventsScreen

    e = events.save_event(services.db, events.Event(None, "Spring seminar", "seminar", dt.datetime(2026, 12, 12, 14)))
    events.invite(services.db, e.id, ids, "general", on=AS_OF)
    w = EventsScreen(services)
    qtbot.addWidget(w)
    w.show()
    w.filter.setCurrentIndex(w.filter.findData("all"))
    w.select_event(e.id)
    dialog = w.write_letters()
    qtbot.waitUntil(lambda: dialog.panel.batch is not None, timeout=20000)
    return w, dialog.panel, "letter"


@pytest.mark.parametrize("open_panel", [letters_panel, addresses_panel, events_panel],
                         ids=["letters", "addresses", "events"])
def test_record_as_sent_is_the_same_on_every_screen_and_undo_removes_it(qtbot, services, two_clients, tmp_path,
                                                                        open_panel):
    ids = list(two_clients)
    _screen, panel, channel = open_panel(qtbot, services, ids)  # the screen kept alive
    assert sorted(i.client_id for i in panel.batch.chosen) == sorted(ids)
    with qtbot.waitSignal(panel.saved, timeout=20000):
        panel.save_to(str(tmp_path / "out.pdf"))
    assert services.db.query("SELECT * FROM touchpoints") == []  # nothing before the user confirms
    assert panel.record_button.isVisible() and "Record as sent?" in panel.banner_label.text()
    panel.record_button.click()
    rows = services.db.query("SELECT client_id, channel, date FROM touchpoints ORDER BY client_id", plain=True)
    assert rows == [(cid, channel, AS_OF.isoformat()) for cid in sorted(ids)]
    assert services.undo_stack.canUndo() and "Record as sent" in services.undo_stack.undoText()
    panel.undo_button.click()
    assert services.db.query("SELECT * FROM touchpoints") == []
    assert "undone" in panel.banner_label.text()


def test_recipients_model_passes_the_model_tester(qtmodeltester, db, two_clients):
    from loyaldesk.core.documents import pipeline
    from loyaldesk.ui.documents.recipients import RecipientsModel

    dnc = add_client(db, "連絡 不要", address1="東京都", do_not_contact=1)
    batch = pipeline.prepare(db, pipeline.Request("letter", [*two_clients, dnc], template="thank_you", as_of=AS_OF))
    model = RecipientsModel()
    model.set_batch(batch.items, batch.skipped)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.index(2, 1).data() == "do not contact"


def test_every_save_starts_in_the_folder_used_last(qapp, tmp_path):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.documents.folders import default_folder, remember_folder

    assert default_folder().is_dir()  # Documents, else home
    remember_folder(tmp_path)
    Preferences().save()  # the main window writes its preferences back when it closes
    assert default_folder() == tmp_path.resolve()
