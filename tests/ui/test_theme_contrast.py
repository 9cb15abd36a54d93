"""Text on every custom background is at least 4.5:1 (WCAG AA), in the light and the dark palette.

Two measures:
- the theme's pairs (every text colour on the backgrounds it is drawn on, and on the palette's own);
- every screen of the main window rendered offscreen in each palette and language: each visible label
  and button (its text colour as the widget resolves it, against the background actually painted
  under it, read from the grabbed pixels) and each row of each list (the model's ForegroundRole and
  BackgroundRole, else the view's palette).
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QHeaderView, QLabel, QTabWidget, QWidget

from loyaldesk.ui import theme
from tests.conftest import AS_OF

AA = 4.5
R = QPalette.ColorRole


def _palettes():
    return {"light": theme.light_palette(), "dark": theme.dark_palette()}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_theme_pair_is_readable(qapp, scheme):
    palette = _palettes()[scheme]
    low = []
    for name in theme.PLAIN_TEXT:
        for role in (R.Window, R.Base, R.AlternateBase):
            ratio = theme.contrast_ratio(theme.color(name, palette), palette.color(role))
            if ratio < AA:
                low.append(f"{name} on {role.name}: {ratio:.2f}")
    for fg, backgrounds in theme.TEXT_ON.items():
        for bg in backgrounds:
            ratio = theme.contrast_ratio(theme.color(fg, palette), theme.color(bg, palette))
            if ratio < AA:
                low.append(f"{fg} on {bg}: {ratio:.2f}")
    for fg, bg in ((R.Text, R.Base), (R.Text, R.AlternateBase), (R.WindowText, R.Window), (R.ButtonText, R.Button),
                   (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase), (R.Link, R.Base)):
        ratio = theme.contrast_ratio(palette.color(fg), palette.color(bg))
        if ratio < AA:
            low.append(f"palette {fg.name} on {bg.name}: {ratio:.2f}")
    assert not low, low


def test_pairs_differ_between_light_and_dark(qapp):
    light, dark = _palettes()["light"], _palettes()["dark"]
    assert not theme.is_dark(light) and theme.is_dark(dark)
    assert theme.color("overdue_bg", light) != theme.color("overdue_bg", dark)
    assert theme.tier_color("vip", light) != theme.tier_color("vip", dark)


def test_forcing_a_scheme_restyles_widgets_and_back(qapp, qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel("x")
    qtbot.addWidget(label)
    theme.style(label, "color: $muted;")
    try:
        theme.apply_scheme(qapp, "dark")
        assert theme.is_dark()
        assert theme.PAIRS["muted"][1] in label.styleSheet()
        theme.apply_scheme(qapp, "light")
        assert not theme.is_dark()
        assert theme.PAIRS["muted"][0] in label.styleSheet()
    finally:
        theme.apply_scheme(qapp, "system")
    assert not theme.is_dark()  # offscreen, the system palette is a light one


# --- the screens, rendered --------------------------------------------------------------------------------

def _background_and_text(image: QImage, rect: QRect) -> tuple[QColor, QColor] | None:
    """The most frequent colour in rect (the background) and the one that contrasts most with it."""
    rect = rect.intersected(image.rect())
    if rect.width() < 4 or rect.height() < 4:
        return None
    counts: Counter[int] = Counter()
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    bg = QColor(counts.most_common(1)[0][0])
    best = max(counts, key=lambda c: theme.contrast_ratio(QColor(c), bg))
    return bg, QColor(best)


def _visible(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 2 and widget.height() > 2


def _check_widgets(window: QWidget, image: QImage, where: str, low: list[str]) -> None:
    for widget in window.findChildren(QWidget):
        if not _visible(widget, window) or not widget.isEnabled():
            continue
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            text_colour = widget.palette().color(widget.foregroundRole())
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            text_colour = widget.palette().color(widget.foregroundRole())
        else:
            continue
        top_left = widget.mapTo(window, widget.rect().topLeft())
        rect = QRect(top_left, widget.size())
        if isinstance(widget, QAbstractButton):
            rect = rect.adjusted(3, 3, -3, -3)  # inside the frame
        measured = _background_and_text(image, rect)
        if measured is None:
            continue
        bg, brightest = measured
        ratio = theme.contrast_ratio(text_colour, bg)
        drawn = theme.contrast_ratio(brightest, bg)  # the text as painted (rich text may colour it itself)
        if widget.textFormat() == Qt.TextFormat.RichText if isinstance(widget, QLabel) else False:
            ratio = max(ratio, drawn)
        if ratio < AA:
            text = widget.text().replace("\n", " ")[:50]
            low.append(f"{where}: {type(widget).__name__} “{text}” {text_colour.name()} on {bg.name()} = {ratio:.2f}")


def _check_views(window: QWidget, where: str, low: list[str]) -> None:
    for view in window.findChildren(QAbstractItemView):
        if not _visible(view, window) or view.model() is None or isinstance(view, QHeaderView):
            continue
        model, palette = view.model(), view.palette()
        selected = {i.row() for i in view.selectionModel().selectedIndexes()} if view.selectionModel() else set()
        root = view.rootIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list model (one column)
            columns = 1
        for row in range(min(model.rowCount(root), 60)):
            for col in range(columns):
                index = model.index(row, col, root)
                if not str(index.data() or "").strip():
                    continue
                if row in selected:
                    fg, bg = palette.color(R.HighlightedText), palette.color(R.Highlight)
                else:
                    fg_data = index.data(Qt.ItemDataRole.ForegroundRole)
                    bg_data = index.data(Qt.ItemDataRole.BackgroundRole)
                    alternate = view.alternatingRowColors() and row % 2 == 1
                    fg = QColor(fg_data.color() if hasattr(fg_data, "color") else fg_data) if fg_data else \
                        palette.color(R.Text)
                    bg = QColor(bg_data.color() if hasattr(bg_data, "color") else bg_data) if bg_data else \
                        palette.color(R.AlternateBase if alternate else R.Base)
                ratio = theme.contrast_ratio(fg, bg)
                if ratio < AA:
                    low.append(f"{where}: {type(view).__name__} row {row} col {col} “{str(index.data())[:30]}” "
                               f"{fg.name()} on {bg.name()} = {ratio:.2f}")


def _settle(qtbot) -> None:
    qtbot.wait(30)
    QApplication.processEvents()


def _measure(window: QWidget, screen: QWidget, where: str, qtbot, low: list[str]) -> None:
    _settle(qtbot)
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.width() / window.width()
    if ratio != 1:
        image = image.scaled(window.size())
    _check_widgets(window, image, where, low)
    _check_views(window, where, low)
    for tabs in screen.findChildren(QTabWidget):  # each tab of the screen, e.g. the client's sections
        if not _visible(tabs, window):
            continue
        current = tabs.currentIndex()
        for i in range(tabs.count()):
            if i == current or not tabs.isTabEnabled(i):
                continue
            tabs.setCurrentIndex(i)
            _settle(qtbot)
            image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32).scaled(window.size())
            _check_widgets(tabs, image.copy(QRect(tabs.mapTo(window, tabs.rect().topLeft()), tabs.size())),
                           f"{where} / {tabs.tabText(i)}", low)
            _check_views(tabs.widget(i), f"{where} / {tabs.tabText(i)}", low)
        tabs.setCurrentIndex(current)


@pytest.fixture
def sample(services):
    from loyaldesk.core import demo, loyalty

    demo.generate(services.db, clients=40, seed=5, as_of=AS_OF)
    loyalty.refresh_tiers(services.db, AS_OF)
    services.reload_all()
    return services


@pytest.fixture
def japanese(qapp):
    """The Japanese UI: the compiled translation installed, core texts in Japanese."""
    from loyaldesk.core.i18n import set_language
    from loyaldesk.ui.app import install_translators

    translators = install_translators(qapp, "ja")
    set_language("ja")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)
    set_language("en")


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_screen_is_readable(qapp, qtbot, request, sample, scheme, lang):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    if lang == "ja":
        request.getfixturevalue("japanese")
    theme.apply_scheme(qapp, scheme)
    try:
        window = MainWindow(sample, Preferences.load())
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitUntil(lambda: window.dashboard.plan is not None, timeout=30000)
        low: list[str] = []
        measured = 0
        for title, screen in window.screens:
            window.show_screen(screen)
            if screen is window.clients_screen and screen.model.rowCount():
                overdue = next((r for r in range(screen.model.rowCount())
                                if screen.model.row_at(r).overdue_days), 0)
                screen.table.selectRow(overdue)  # the detail with its overdue badge
            _measure(window, screen, f"{scheme}/{lang} {title}", qtbot, low)
            measured += 1
        assert measured == 6
        assert not low, "\n".join(low)
    finally:
        theme.apply_scheme(qapp, "system")


def test_preferences_force_the_dark_scheme_at_once_and_remember_it(qapp, qtbot, services):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences.load())
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QWidget, "colorSchemeCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "light", "dark"]
    assert combo.currentData() == "system"  # following the system is the default
    combo.setCurrentIndex(combo.findData("dark"))
    try:
        dialog._on_ok_clicked()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert theme.is_dark() and isinstance(qapp.style(), theme.FusionStyle)  # no restart needed
        assert Preferences.load().color_scheme == "dark"  # and the next start uses it
    finally:
        theme.apply_scheme(qapp, "system")
    assert not theme.is_dark()


def test_the_app_starts_in_the_scheme_preferences_chose(qapp):
    from loyaldesk.ui.app import create_application

    try:
        assert create_application("en", color_scheme="dark") is qapp
        assert theme.is_dark() and theme.current_scheme() == "dark"
    finally:
        theme.apply_scheme(qapp, "system")
    assert theme.current_scheme() == "system" and not theme.is_dark()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dialogs_are_readable(qapp, qtbot, services, scheme):
    """The forms a user fills in most: Preferences (every tab) and a client's form."""
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.clients.dialogs import ClientDialog
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    theme.apply_scheme(qapp, scheme)
    try:
        low: list[str] = []
        prefs = PreferencesDialog(services, Preferences.load())
        qtbot.addWidget(prefs)
        prefs.resize(760, 560)
        prefs.show()
        for i in range(prefs.tabs.count()):
            prefs.tabs.setCurrentIndex(i)
            _settle(qtbot)
            image = prefs.grab().toImage().convertToFormat(QImage.Format.Format_RGB32).scaled(prefs.size())
            _check_widgets(prefs, image, f"{scheme} Preferences / {prefs.tabs.tabText(i)}", low)
        client = ClientDialog(services, None)
        qtbot.addWidget(client)
        client.show()
        _settle(qtbot)
        image = client.grab().toImage().convertToFormat(QImage.Format.Format_RGB32).scaled(client.size())
        _check_widgets(client, image, f"{scheme} client form", low)
        assert not low, "\n".join(low)
    finally:
        theme.apply_scheme(qapp, "system")


def test_an_unchecked_box_shows_on_a_dark_list(qapp, qtbot):
    """The box of a check box (in a form or a list's cell) stands out at least 3:1 (WCAG non-text contrast)."""
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    theme.apply_scheme(qapp, "dark")
    try:
        box = QCheckBox()
        qtbot.addWidget(box)
        box.resize(40, 30)
        box.show()
        _settle(qtbot)
        option = QStyleOptionButton()
        box.initStyleOption(option)
        rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        image = box.grab().toImage().convertToFormat(QImage.Format.Format_RGB32).scaled(box.size())
        bg = box.palette().color(QPalette.ColorRole.Window)
        drawn = max(theme.contrast_ratio(QColor(image.pixel(x, y)), bg)
                    for x in range(rect.left(), rect.right() + 1) for y in range(rect.top(), rect.bottom() + 1))
        assert drawn >= 3.0
    finally:
        theme.apply_scheme(qapp, "system")
