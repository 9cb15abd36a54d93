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


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Offscreen, a modal message box nobody closes blocks forever. Record them instead.

    A test that expects a message reads (and clears) this list; any message left over at the end
    fails the test with its text, so an unexpected error dialog is reported, not hung on.
    A test may still patch a QMessageBox method itself; its patch wins.
    """
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def recorder(kind, answer):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer
        return staticmethod(show)

    Std = QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "warning", recorder("warning", Std.Ok))
    monkeypatch.setattr(QMessageBox, "critical", recorder("critical", Std.Ok))
    monkeypatch.setattr(QMessageBox, "information", recorder("information", Std.Ok))
    monkeypatch.setattr(QMessageBox, "question", recorder("question", Std.No))
    yield shown
    if shown:
        pytest.fail("unexpected message box(es): " + "; ".join(f"{k}: {t}" for k, t in shown))
