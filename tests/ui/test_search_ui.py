"""Search of what was said in the GUI: the Clients search box with the snippet under the name, and
Search everything (Ctrl+Shift+F) opening a client's history at the entry; the index built in the background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from loyaldesk.core import events, search
from loyaldesk.settings import Preferences
from tests.conftest import add_client, add_session, add_touchpoint


@pytest.fixture
def said(db):
    import datetime as dt

    yamada = add_client(db, name="山田 太郎", notes="", phone="03-1234-5678")
    jones = add_client(db, name="Mary Jones", notes="")
    add_client(db, name="佐藤 花子", notes="相続の相談")
    add_session(db, yamada, "2026-03-14", topic="事業承継の計画")
    add_session(db, yamada, "2026-05-01", topic="資金繰り")
    add_touchpoint(db, jones, "2026-06-01", channel="email", note="Sent the estate planning checklist")
    rnd = events.create_round(db, "New service", on=dt.date(2026, 4, 10))
    events.record_feedback(db, rnd.id, jones, note="Wants an estate seminar")
    return {"yamada": yamada, "jones": jones}


@pytest.fixture
def window(qtbot, services, said):
    from loyaldesk.ui.main_window import MainWindow

    w = MainWindow(services, Preferences.load())
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.show_screen(w.clients_screen)
    return w


def _names(screen):
    return [screen.model.row_at(r).name for r in range(screen.model.rowCount())]


def _search(qtbot, screen, text):
    screen.search.setText(text)
    qtbot.waitUntil(lambda: screen.said_search.found_for == text, timeout=10000)


def _has_colour(image, rect, colour: QColor) -> bool:
    for x in range(rect.left(), rect.right(), 2):
        for y in range(rect.top(), rect.bottom()):
            if image.pixelColor(x, y) == colour:
                return True
    return False


def test_clients_search_finds_what_was_said_with_the_snippet_under_the_name(qtbot, window, said):
    screen = window.clients_screen
    one_line = screen.table.verticalHeader().defaultSectionSize()
    _search(qtbot, screen, "事業承継")
    assert _names(screen) == ["山田 太郎"]  # not in the name: in a session's topic
    from loyaldesk.ui.search.snippet import SNIPPET_ROLE

    index = screen.model.index(0, 0)
    assert index.data(SNIPPET_ROLE) == search.HIT_START + "事業承継" + search.HIT_END + "の計画"
    assert screen.table.verticalHeader().defaultSectionSize() > one_line  # room for the snippet
    screen.table.clearSelection()
    image = screen.table.viewport().grab().toImage()
    rect = screen.table.visualRect(index)
    lower = rect.adjusted(0, rect.height() // 2, 0, 0)
    highlight = screen.table.palette().color(QPalette.ColorRole.Highlight)
    assert _has_colour(image, lower, highlight)  # the term highlighted under the name
    assert not _has_colour(image, rect.adjusted(0, 0, 0, -rect.height() // 2 - 1), highlight)

    _search(qtbot, screen, "山田")  # a name: no snippet, one line again
    assert _names(screen) == ["山田 太郎"] and screen.model.index(0, 0).data(SNIPPET_ROLE) is None
    assert screen.table.verticalHeader().defaultSectionSize() == one_line


def test_clients_search_two_and_one_character_queries_and_english(qtbot, window):
    screen = window.clients_screen
    _search(qtbot, screen, "相続")  # two characters: in 佐藤's notes (the list's own filter finds it too)
    assert _names(screen) == ["佐藤 花子"]
    _search(qtbot, screen, "繰")  # one character, only in a session topic
    assert _names(screen) == ["山田 太郎"]
    _search(qtbot, screen, "ESTATE")
    assert _names(screen) == ["Mary Jones"]
    from loyaldesk.ui.search.snippet import SNIPPET_ROLE

    assert search.plain(screen.model.index(0, 0).data(SNIPPET_ROLE)) == "Sent the estate planning checklist"


@pytest.mark.parametrize("phone", ["+81 3 1234 5678", "0312345678", "03-1234-5678"])
def test_clients_search_finds_a_phone_number_in_any_formatting(qtbot, window, phone):
    screen = window.clients_screen
    _search(qtbot, screen, phone)
    assert _names(screen) == ["山田 太郎"]


def test_search_everything_lists_and_opens_the_entry_in_the_history(qtbot, window, said):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.search_wiring.dialog
    assert dialog is not None and dialog.isVisible()
    assert window.search_wiring.action.shortcut().toString() == "Ctrl+Shift+F"
    assert window.search_wiring.action in window.menuBar().actions()[1].menu().actions()  # in the Edit menu
    dialog.search_for("estate")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert rows == [["2026-06-01", "Mary Jones", "Contact"], ["2026-04-10", "Mary Jones", "Feedback"]]
    assert dialog.status.text() == "2 matches for “estate”, newest first."

    dialog.search_for("事業承継")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    assert [dialog.model.index(0, c).data() for c in range(3)] == ["2026-03-14", "山田 太郎", "Session"]
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    screen = window.clients_screen
    assert window.centralWidget() is not None and screen.current_client().id == said["yamada"]
    timeline = screen.detail.timeline
    sections = getattr(screen.detail, "sections", None)
    assert sections is None or sections.currentWidget() is timeline
    entry = screen.detail.timeline_model.entry_at(timeline.currentIndex().row())
    assert (entry.kind, entry.text) == ("session", "事業承継の計画")

    dialog.search_for("見つからない言葉")
    qtbot.waitUntil(lambda: "Nothing found" in dialog.status.text(), timeout=10000)
    assert dialog.model.rowCount() == 0


def test_search_everything_in_japanese(qtbot, services, said, japanese):
    from loyaldesk.ui.main_window import MainWindow

    w = MainWindow(services, Preferences.load())
    qtbot.addWidget(w)
    w.show()
    dialog = w.search_wiring.open_dialog()
    assert dialog.windowTitle() == "すべてを検索"
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["日付", "顧客", "種類", "話した内容"]
    dialog.search_for("相続")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    assert dialog.model.index(0, 2).data() == "顧客メモ"
    assert dialog.status.text() == "「相続」に一致 1件（新しい順）"


def test_a_practice_without_its_index_gets_it_in_the_background(qtbot, services, said, db):
    with db.transaction() as conn:
        for table in search.FTS_TABLES:
            conn.execute(f"DROP TABLE {table}")
        for table, _, _ in search.SOURCES:
            for suffix in ("_ai", "_ad", "_au"):
                conn.execute(f"DROP TRIGGER {table}{suffix}")
    from loyaldesk.ui.main_window import MainWindow

    w = MainWindow(services, Preferences.load())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.search_wiring.index_build is not None, timeout=5000)
    build = w.search_wiring.index_build
    with qtbot.waitSignal(build.finished, timeout=20000) as blocker:
        pass
    assert blocker.args == [True] and search.index_ready(db)
    assert "search index is ready" in w.statusBar().currentMessage()
    assert not build.widget.isVisible()


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


def test_clients_search_lists_every_client_with_a_match_beyond_the_newest(qtbot, window, said, monkeypatch):
    from loyaldesk.ui.search import clients as said_module
    from loyaldesk.ui.search.snippet import SNIPPET_ROLE

    monkeypatch.setattr(said_module, "SAID_LIMIT", 1)  # snippets of the newest match only
    screen = window.clients_screen
    _search(qtbot, screen, "estate")  # Mary Jones: a contact and feedback
    _search(qtbot, screen, "の")  # 山田 (sessions) and 佐藤 (notes, newer)
    assert sorted(_names(screen)) == ["佐藤 花子", "山田 太郎"]
    snippets = {screen.model.row_at(r).name: screen.model.index(r, 0).data(SNIPPET_ROLE) for r in range(2)}
    assert snippets["山田 太郎"] is not None and snippets["佐藤 花子"] is None


def test_screen_readers_read_the_snippet_under_the_name(qtbot, window, said):
    from PySide6.QtGui import QAccessible

    screen = window.clients_screen
    _search(qtbot, screen, "事業承継")
    name = "山田 太郎" + (", overdue" if screen.model.row_at(0).overdue_days else "")
    expected = name + ". Found in Session of 2026-03-14: 事業承継の計画"
    assert screen.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == expected
    table = QAccessible.queryAccessibleInterface(screen.table)
    cells = [table.child(i) for i in range(table.childCount())]
    assert expected in [c.text(QAccessible.Text.Name) for c in cells if c is not None]  # given to the screen reader
    _search(qtbot, screen, "estate")
    name = "Mary Jones" + (", overdue" if screen.model.row_at(0).overdue_days else "")
    assert screen.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        name + ". Found in Contact of 2026-06-01: Sent the estate planning checklist")
    _search(qtbot, screen, "山田")  # found by the name: the name alone
    assert screen.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) in ("山田 太郎", "山田 太郎, overdue")
