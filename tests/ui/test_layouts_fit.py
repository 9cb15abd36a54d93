"""Layouts that fit a laptop: at 1280x720 the clients list needs no sideways scrolling and its search hint is
whole (English and Japanese), the client's sections are tabs, and no dialog is larger than the screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

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


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_clients_screen_fits_1280x720(qtbot, request, sample, lang):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.clients.model import Column
    from loyaldesk.ui.main_window import MainWindow

    if lang == "ja":
        request.getfixturevalue("japanese")
    window = MainWindow(sample, Preferences.load())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.show_screen(window.clients_screen)
    screen = window.clients_screen
    qtbot.waitUntil(lambda: screen.table.viewport().width() > 0)
    qtbot.wait(50)
    table = screen.table
    shown = [c for c in Column if not table.isColumnHidden(c)]
    assert {Column.DAYS, Column.SESSIONS, Column.REVENUE, Column.STATUS, Column.TIER} <= set(shown)
    assert table.horizontalScrollBar().maximum() == 0, [table.columnWidth(c) for c in shown]
    hint = screen.search.placeholderText()
    assert screen.search.width() >= screen.search.fontMetrics().horizontalAdvance(hint) + 30  # not "氏…"
    # the client's sections: each one click away, none below another
    detail = screen.detail
    titles = [detail.sections.tabText(i) for i in range(detail.sections.count())]
    assert len(titles) == 4 and detail.sections.isVisible()
    # on every screen, no one-line label or button narrower than its text (a clipped "テン" for "テンプレート")
    clipped = []
    for title, widget in window.screens:
        window.show_screen(widget)
        qtbot.wait(30)
        for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton):
            one_line = isinstance(w, QPushButton) or not w.wordWrap()
            text = w.text()
            if w.isVisible() and one_line and text and "<" not in text and "\n" not in text \
                    and w.width() < w.minimumSizeHint().width():
                clipped.append(f"{title}: {text!r} {w.width()} < {w.minimumSizeHint().width()}")
    window.resize(1024, 640)  # a small laptop: still nothing cut
    for title, widget in window.screens:
        window.show_screen(widget)
        qtbot.wait(30)
        for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton):
            one_line = isinstance(w, QPushButton) or not w.wordWrap()
            text = w.text()
            if w.isVisible() and one_line and text and "<" not in text and "\n" not in text \
                    and w.width() < w.minimumSizeHint().width():
                clipped.append(f"1024x640 {title}: {text!r} {w.width()} < {w.minimumSizeHint().width()}")
    assert not clipped, clipped


def test_no_dialog_is_larger_than_the_screen(qtbot, sample):
    from loyaldesk.ui.letters.editor import TemplateEditorDialog

    dialog = TemplateEditorDialog(sample)
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert dialog.width() > 400  # still a useful size


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_label_cut_in_the_dialogs(qtbot, request, sample, lang):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.backups.dialog import BackupsDialog
    from loyaldesk.ui.clients.dialogs import ClientDialog, SessionDialog, TagDialog, TouchpointDialog
    from loyaldesk.ui.clients.greetings import GreetingsDialog
    from loyaldesk.ui.events.dialogs import EventDialog
    from loyaldesk.ui.letters.editor import TemplateEditorDialog
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    if lang == "ja":
        request.getfixturevalue("japanese")
    client = sample.clients.get(sample.clients.list_rows(AS_OF)[0].id)
    clipped = []
    for dialog in (ClientDialog(sample, client), SessionDialog(sample, client), TouchpointDialog(sample, client),
                   TagDialog(sample, client), GreetingsDialog(sample, client.id, client.name), EventDialog(sample),
                   PreferencesDialog(sample, Preferences.load()), BackupsDialog(sample.db.path),
                   TemplateEditorDialog(sample)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        room = dialog.screen().availableGeometry()
        if dialog.width() > room.width() or dialog.height() > room.height():
            clipped.append(f"{type(dialog).__name__} larger than the screen")
        for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton):
            one_line = isinstance(w, QPushButton) or not w.wordWrap()
            text = w.text()
            if w.isVisible() and one_line and text and "<" not in text and "\n" not in text \
                    and w.width() < w.minimumSizeHint().width():
                clipped.append(f"{type(dialog).__name__}: {text!r} {w.width()} < {w.minimumSizeHint().width()}")
        dialog.reject()
    assert not clipped, clipped
