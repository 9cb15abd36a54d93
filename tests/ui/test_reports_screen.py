"""The Reports screen as the consultant uses it: pick a year, read the figures, export the report."""

from __future__ import annotations


import pytest

from tests.conftest import add_client, add_session, add_touchpoint


@pytest.fixture
def practice(db):
    a = add_client(db, "山田 太郎", created="2023-01-01")
    b = add_client(db, "Suzuki", created="2023-01-01", referred_by=a)
    c = add_client(db, "Lost One", created="2023-01-01")
    add_session(db, a, "2024-01-01", fee=10000)
    add_session(db, a, "2025-12-31", fee=30000)
    add_session(db, b, "2025-06-01", fee=0)
    add_session(db, c, "2024-12-31", fee=20000)
    add_touchpoint(db, a, "2025-03-03", "letter")
    return {"a": a, "b": b, "c": c}


@pytest.fixture
def reports_screen(qtbot, services, practice):
    from loyaldesk.ui.reports.screen import ReportsScreen

    w = ReportsScreen(services)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    return w


def table_rows(table):
    m = table.model()
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_opens_on_the_last_complete_year(reports_screen):
    w = reports_screen
    assert w.year_combo.currentText() == "2025"
    assert [w.year_combo.itemText(i) for i in range(w.year_combo.count())] == ["2026", "2025", "2024"]
    assert w.cards["revenue"].value.text() == "¥30,000"
    assert "¥30,000" in w.cards["revenue"].detail.text()  # 2024: 10,000 + 20,000
    assert w.cards["active"].value.text() == "2"
    assert w.cards["retention"].value.text() == "50.0 %"
    assert w.cards["lost"].value.text() == "1"
    assert w.cards["referrals"].value.text() == "1"
    rows = table_rows(w.clients_table)
    assert rows[0][0] == "山田 太郎" and rows[0][5] == "¥30,000"  # the highest revenue first
    assert [r[0] for r in table_rows(w.lost_table)] == ["Lost One"]
    assert w.tabs.tabText(2) == "Lost clients (1)"
    assert "2025" in w.revenue_view.chart().title()


def test_picking_a_year_shows_its_figures(qtbot, reports_screen):
    w = reports_screen
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.year_combo.setCurrentIndex(w.year_combo.findText("2024"))
    assert w.report.year == 2024
    assert w.cards["revenue"].value.text() == "¥30,000"  # 10,000 + 20,000
    assert w.cards["retention"].value.text() == "–"  # nobody was active in 2023
    assert sorted(r[0] for r in table_rows(w.clients_table)) == ["Lost One", "山田 太郎"]
    assert table_rows(w.lost_table) == []


def test_export_xlsx_with_the_button(qtbot, reports_screen, tmp_path, monkeypatch):
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    w = reports_screen
    target = tmp_path / "annual"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(w.exported, timeout=30000) as blocker:
        w.export_buttons[".xlsx"].click()
    written = tmp_path / "annual.xlsx"  # the suffix is added when the name has none
    assert blocker.args[0] == written
    assert str(written) in w.status_label.text()
    wb = openpyxl.load_workbook(written)
    names = [r[1] for r in wb["Clients"].iter_rows(min_row=2, values_only=True)]
    assert names == ["山田 太郎", "Lost One", "Suzuki"]  # revenue in the year, then in the year before
    assert all(b.isEnabled() for b in w.export_buttons.values())


@pytest.mark.parametrize("suffix", [".pdf", ".csv"])
def test_export_other_formats(qtbot, reports_screen, tmp_path, suffix):
    w = reports_screen
    path = tmp_path / f"r{suffix}"
    with qtbot.waitSignal(w.exported, timeout=30000):
        w.export(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF" if suffix == ".pdf" else b"\xef\xbb\xbf")


def test_export_error_is_reported_not_raised(qtbot, reports_screen, tmp_path):
    w = reports_screen
    with qtbot.waitSignal(w.error_raised, timeout=30000) as blocker:
        w.export(tmp_path / "missing" / "r.xlsx")
    assert "missing" in str(blocker.args[0])
    assert w.status_label.text() == "The report was not saved."


def test_export_can_be_cancelled(qtbot, reports_screen, tmp_path):
    w = reports_screen
    path = tmp_path / "r.pdf"
    op = w.export(path)
    assert not any(b.isEnabled() for b in w.export_buttons.values())
    with qtbot.waitSignal(op.cancelled, timeout=30000):
        op.cancel()
    assert not path.exists()
    assert not list(tmp_path.glob("*.part"))
    assert w.status_label.text() == "Export cancelled."
    assert all(b.isEnabled() for b in w.export_buttons.values())


def test_double_click_asks_to_open_the_client(qtbot, reports_screen, practice):
    w = reports_screen
    index = w.clients_table.model().index(0, 0)
    with qtbot.waitSignal(w.client_open_requested) as blocker:
        w.clients_table.doubleClicked.emit(index)
    assert blocker.args == [practice["a"]]


def test_reloads_after_a_change(qtbot, reports_screen, services, practice):
    from loyaldesk.ui.services import DataChange

    w = reports_screen
    add_session(w.services.db, practice["c"], "2025-02-02", fee=5000)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        services.data_changed.emit(DataChange(frozenset({"sessions"})))
    assert w.cards["revenue"].value.text() == "¥35,000"
    assert w.cards["lost"].value.text() == "0"


def test_models(qtmodeltester, reports_screen):
    qtmodeltester.check(reports_screen.clients_model)
    qtmodeltester.check(reports_screen.lost_model)
    qtmodeltester.check(reports_screen.follow_model)


def test_main_window_lists_the_reports_screen(qtbot, services):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(services, Preferences.load())
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Reports" in titles
    assert not window.nav.item(titles.index("Reports")).icon().isNull()
    window.show_screen(window.reports_screen)
    assert window.stack.currentWidget() is window.reports_screen
