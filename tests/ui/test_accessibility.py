"""Keyboard and screen reader: Tab reaches every control of every screen, each tab page and each dialog,
and every control reached has a name a screen reader can announce — in English and in Japanese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from loyaldesk.ui.access import accessible_name
from tests.conftest import AS_OF


@pytest.fixture
def sample(services):
    from loyaldesk.core import demo, loyalty

    demo.generate(services.db, clients=40, seed=5, as_of=AS_OF)
    loyalty.refresh_tiers(services.db, AS_OF)
    services.reload_all()
    return services


@pytest.fixture
def japanese(qapp):
    from loyaldesk.core.i18n import set_language
    from loyaldesk.ui.app import install_translators

    translators = install_translators(qapp, "ja")
    set_language("ja")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)
    set_language("en")


def _label(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__}#{widget.objectName()} {shown!r} in {type(widget.parent()).__name__}"


def _interactive(root: QWidget, window: QWidget) -> list[QWidget]:
    """The controls a keyboard user must be able to reach: shown, enabled, taking focus with Tab."""
    return [w for w in root.findChildren(QWidget)
            if w.isVisibleTo(window) and w.isVisible() and w.isEnabled() and w.focusProxy() is None
            and (w.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus]


def walk(qtbot, window: QWidget, start: QWidget) -> list[QWidget]:
    """Press Tab from `start` until the focus comes back round: the widgets reached, in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    reached: list[QWidget] = []
    stay = 0
    for _ in range(400):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if reached and focused is reached[-1]:
            stay += 1  # a date box: Tab goes from the year to the month and the day, then on
            assert stay < 6, f"Tab is trapped in {_label(focused)}"
            continue
        stay = 0
        if focused is None or focused in reached:
            break
        reached.append(focused)
    return reached


def check(qtbot, window: QWidget, root: QWidget, start: QWidget, where: str, problems: list[str]) -> int:
    reached = walk(qtbot, window, start)
    for widget in reached:
        if not accessible_name(widget).strip():
            problems.append(f"{where}: no accessible name: {_label(widget)}")
    for widget in _interactive(root, window):
        if widget not in reached:
            problems.append(f"{where}: not reached with Tab: {_label(widget)} ({accessible_name(widget)!r})")
    return len(reached)


def pages(root: QWidget):
    """Each page of each tab widget under `root` in turn (the first page of all as they are, first)."""
    yield ""
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        current = tabs.currentIndex()
        for i in range(tabs.count()):
            if i != current and tabs.isTabEnabled(i):
                tabs.setCurrentIndex(i)
                yield " / " + tabs.tabText(i)
        tabs.setCurrentIndex(current)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_screen_is_walked_with_tab_and_named(qapp, qtbot, request, sample, lang):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    if lang == "ja":
        request.getfixturevalue("japanese")
    window = MainWindow(sample, Preferences.load())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.dashboard.plan is not None, timeout=30000)
    problems: list[str] = []
    walked = {}
    for title, screen in window.screens:
        window.show_screen(screen)
        qtbot.wait(50)
        for page in pages(screen):
            qtbot.wait(20)
            walked[title + page] = check(qtbot, window, screen, window.nav, f"{lang} {title}{page}", problems)
    assert not problems, "\n".join(problems)
    assert len(walked) >= 12  # six screens and their tab pages
    assert all(count >= 3 for count in walked.values()), walked


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_dialog_is_walked_with_tab_and_named(qapp, qtbot, request, sample, lang):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.clients.dialogs import ClientDialog, SessionDialog, TagDialog, TouchpointDialog
    from loyaldesk.ui.clients.greetings import GreetingsDialog
    from loyaldesk.ui.events.dialogs import EventDialog
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    if lang == "ja":
        request.getfixturevalue("japanese")
    client = sample.clients.get(sample.clients.list_rows(AS_OF)[0].id)
    dialogs = [ClientDialog(sample, client), SessionDialog(sample, client), TouchpointDialog(sample, client),
               TagDialog(sample, client), GreetingsDialog(sample, client.id, client.name),
               EventDialog(sample), PreferencesDialog(sample, Preferences.load())]
    problems: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isVisible)
        for page in pages(dialog):
            first = next(iter(_interactive(dialog, dialog)), dialog)
            check(qtbot, dialog, dialog, first, f"{lang} {type(dialog).__name__}{page}", problems)
        dialog.reject()
    assert not problems, "\n".join(problems)


def test_lists_read_meaningfully_to_a_screen_reader(qapp, qtbot, sample):
    """The Today list and the clients list give a screen reader plain, whole sentences for their cells."""
    from PySide6.QtCore import Qt as QtNs

    from loyaldesk.settings import Preferences
    from loyaldesk.ui.clients.model import Column as ClientColumn
    from loyaldesk.ui.dashboard.model import Column as TodayColumn
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(sample, Preferences.load())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard.plan is not None and window.dashboard.model.rowCount() > 0,
                    timeout=30000)
    today = window.dashboard.model
    role = QtNs.ItemDataRole.AccessibleTextRole
    first = today.suggestion_at(0)
    action = today.data(today.index(0, TodayColumn.ACTION), role)
    assert action.endswith(": " + first.client_name) and len(action) > len(first.client_name) + 2
    assert today.data(today.index(0, TodayColumn.REASON), role) == first.reason  # no joiners or no-break spaces
    assert today.data(today.index(0, TodayColumn.DUE), role).startswith("Due ")
    clients = window.clients_screen.model
    overdue = next(r for r in range(clients.rowCount()) if clients.row_at(r).overdue_days)
    assert clients.data(clients.index(overdue, ClientColumn.NAME), role) == clients.row_at(overdue).name + ", overdue"
    assert accessible_name(window.dashboard.table) == "Today's plan"
    assert accessible_name(window.clients_screen.table) == "Clients"
