from __future__ import annotations

import pytest

from tests.conftest import AS_OF


@pytest.fixture
def services(qapp, db):
    from loyaldesk.ui.app import register_fonts
    from loyaldesk.ui.services import AppServices

    register_fonts()
    s = AppServices(db)
    s.set_as_of(AS_OF)
    yield s


@pytest.fixture
def screen(qtbot, services):
    from loyaldesk.ui.clients.screen import ClientsScreen

    w = ClientsScreen(services)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    return w
