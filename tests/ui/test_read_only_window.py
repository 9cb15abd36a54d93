"""A practice in a read-only folder opens in the app: the window says read-only (title and status bar,
with the reason), the write actions are disabled, and a write that still gets through is refused with
the reason; the folder is left as it was."""

from __future__ import annotations

import pytest

from loyaldesk.core import errors
from loyaldesk.core.db import open_database
from loyaldesk.core.models import Client
from loyaldesk.settings import Preferences
from tests.conftest import add_client
from tests.read_only_fs import listing, read_only


@pytest.fixture
def controller(qapp):
    from loyaldesk.ui.app import AppController

    c = AppController(qapp, Preferences.load())
    yield c
    if c.window is not None:
        c.window.close()
    c.close()


def test_read_only_folder_opens_with_a_visible_read_only_state(qtbot, controller, tmp_path):
    from PySide6.QtWidgets import QLabel

    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "practice.db"
    with open_database(path) as db:
        for name in ("山田 太郎", "佐藤 花子"):
            add_client(db, name)
    before = listing(folder)
    with read_only(folder):
        assert controller.open(path)
        window = controller.window
        assert controller.services.db.read_only
        assert window.windowTitle() == "LoyalDesk — practice.db (read-only)"
        badge = window.findChild(QLabel, "readOnlyBadge")
        assert badge is not None and badge.isVisible()
        assert badge.text() == "Read-only: changes cannot be saved"
        assert str(folder) in badge.toolTip() and "cannot be written" in badge.toolTip()
        window.show_screen(window.clients_screen)
        assert window.clients_screen.model.rowCount() == 2
        assert not window.import_clients_action.isEnabled()
        window.clients_screen.table.selectRow(0)
        qtbot.waitUntil(window.export_vcard_action.isEnabled, timeout=2000)  # a client is selected
        assert not window.edit_client_action.isEnabled()
        assert not window.log_session_action.isEnabled()
        with pytest.raises(errors.ReadOnlyDatabaseError) as info:
            controller.services.save_client(Client(None, "New"))
        assert str(folder) in info.value.message
        window.close()
        controller.services.shutdown()
        controller.services.db.close()
        controller.window = None
    assert listing(folder) == before


@pytest.fixture(params=["en", "ja"])
def language(request, qapp):
    from loyaldesk.core.i18n import set_language
    from loyaldesk.ui.app import install_translators

    translators = install_translators(qapp, request.param)
    set_language(request.param)
    yield request.param
    for tr in translators:
        qapp.removeTranslator(tr)
    set_language("en")


def test_read_only_practice_offers_no_write_and_says_why(qtbot, qapp, language, tmp_path):
    """Every control that would change the practice is disabled from the start, its tooltip giving the
    reason, and stays disabled when the screen would enable it (a client selected); reading and
    producing documents stay available."""
    from PySide6.QtGui import QAction

    from loyaldesk.ui.app import AppController

    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "practice.db"
    with open_database(path) as db:
        for name in ("山田 太郎", "佐藤 花子"):
            add_client(db, name)
    with read_only(folder):
        controller = AppController(qapp, Preferences.load())
        try:
            assert controller.open(path)
            window = controller.window
            reason = controller.services.read_only_reason()
            assert str(folder) in reason
            assert ("読み取り専用" in reason) if language == "ja" else ("cannot be written" in reason)
            clients = window.clients_screen
            window.show_screen(clients)
            clients.table.selectRow(0)
            qtbot.waitUntil(window.export_vcard_action.isEnabled, timeout=2000)  # a client is selected
            detail = clients.detail
            today = window.dashboard.today
            writes = {
                "File > Import clients": window.import_clients_action,
                "File > Import sessions": window.import_sessions_action,
                "File > Import calendar": window.import_calendar_action,
                "Client > New": window.new_client_action,
                "Client > Edit": window.edit_client_action,
                "Client > Log session": window.log_session_action,
                "Client > Log contact": window.log_contact_action,
                "Client > Tag": window.add_tag_action,
                "Client > Archive": window.archive_action,
                "Clients: New client": clients.new_button,
                "Detail: Log session": detail.session_button,
                "Detail: Log contact": detail.contact_button,
                "Detail: Edit": detail.edit_button,
                "Detail: Archive": detail.archive_button,
                "Detail: Tag or role": detail.add_tag_button,
                "Today: Done": today.buttons["done"],
                "Today: Snooze": today.buttons["snooze"],
                "Today: Dismiss": today.buttons["dismiss"],
                "Events: New event": window.events_screen.new_button,
                "Events: Edit": window.events_screen.edit_button,
                "Letters: Edit templates": window.letters_screen.edit_templates_button,
                "Letters: Record as sent": window.letters_screen.panel.banner.record_button,
                "Welcome: Import my client list": window.welcome.import_button,
                "Welcome: Load sample data": window.welcome.sample_button,
            }
            for where, control in writes.items():
                assert not control.isEnabled(), where
                assert reason in control.toolTip(), where
                if isinstance(control, QAction):
                    assert control.statusTip() == reason, where
            # a screen enabling it again (as on selection) does not bring it back
            detail.session_button.setEnabled(True)
            window.log_session_action.setEnabled(True)
            assert not detail.session_button.isEnabled() and not window.log_session_action.isEnabled()
            # the buttons' own tooltips are kept, the reason added
            done_tip = today.buttons["done"].toolTip()
            assert done_tip.startswith("どのように連絡したか" if language == "ja" else "Log how the contact happened")
            # reading and documents stay available
            for control in (window.export_action, window.export_vcard_action, window.write_letter_action,
                            window.print_addresses_action):
                assert control.isEnabled()
            # the translated texts are what the user sees
            english = {"Detail: Log session": "Log session…", "Today: Done": "&Done…"}
            for where, text in english.items():
                shown = writes[where].text()
                assert (shown != text) if language == "ja" else (shown == text), where
            window.close()
            controller.services.shutdown()
            controller.services.db.close()
            controller.window = None
        finally:
            controller.close()
