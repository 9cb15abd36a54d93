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
