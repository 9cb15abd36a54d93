"""The calendar import dialog as a consultant uses it: the preview first (add, update, skip, events without a
client with their title and date), an event assigned by hand, then one write."""

from __future__ import annotations

from PySide6.QtCore import QDate

from loyaldesk.core.io import calendar
from loyaldesk.ui.transfer.calendar_dialog import CalendarImportDialog
from tests.conftest import add_client
from tests.core.io import calendars


def open_dialog(qtbot, services, path):
    with services.db.transaction() as conn:  # a practice in Tokyo (this computer may be anywhere)
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('time_zone', '\"Asia/Tokyo\"')")
    dialog = CalendarImportDialog(services, path)
    qtbot.addWidget(dialog)
    dialog.from_date.setDate(QDate(2026, 1, 1))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=20000)
    return dialog


def rows(dialog):
    return [[dialog.preview.item(r, c).text() for c in range(dialog.preview.columnCount())]
            for r in range(dialog.preview.rowCount())]


def test_preview_then_assign_then_import(qtbot, services, db, tmp_path):
    yamada = add_client(db, "山田 太郎", name_kana="ヤマダ タロウ", email="taro.yamada@example.co.jp")
    suzuki = add_client(db, "鈴木 花子", name_kana="スズキ ハナコ")
    # 高橋 is still 田中 (her maiden name) in the calendar: no client matches that event
    tanaka = add_client(db, "高橋 一子", name_kana="タカハシ イチコ", email="ichiko@takahashi.example")
    path = calendars.write(tmp_path / "google.ics", calendars.google())
    dialog = open_dialog(qtbot, services, path)
    assert dialog.summary_label.text() == ("To add: 4 · to update: 0 · skipped: 2 · without a client: 1 · "
                                           "next sessions: 0")
    table = rows(dialog)
    assert [r[:3] for r in table] == [
        ["1", "2026-01-05 10:00", "add"], ["2", "2026-01-20 15:00", "add"], ["3", "2026-01-26 10:00", "add"],
        ["4", "2026-03-11 00:30", "add"], ["5", "2026-04-02 13:00", "skip"], ["6", "2026-04-15 19:00", "skip"],
        ["7", "2026-04-20 10:00", "no client"]]
    assert table[0][3].startswith("山田 太郎") and table[0][4] == "定例ミーティング"
    assert "60 min" in table[0][5] and "consultation" in table[0][5] and "¥30,000" in table[0][5]
    assert table[4][5] == "cancelled" and table[5][5] == "declined by you"
    assert table[6][4] == "田中様 初回面談" and table[6][5] == "no client matched"
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 0  # nothing written yet
    # the event without a client: assigned to 高橋 in its row
    chooser = dialog.preview.cellWidget(6, 3)
    assert chooser.itemText(0) == "— leave out —"
    index = chooser.findData(tanaka)
    chooser.setCurrentIndex(index)
    chooser.activated.emit(index)
    assert dialog.preview.item(6, 2).text() == "add"
    assert "without a client: 0" in dialog.summary_label.text() and "To add: 5" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert (result.added, result.updated, result.unmatched) == (5, 0, 0)
    by_client = dict(db.query("SELECT client_id, COUNT(*) FROM sessions GROUP BY client_id", plain=True))
    assert by_client == {yamada: 3, suzuki: 1, tanaka: 1}
    assert db.scalar("SELECT topic FROM sessions WHERE client_id = ?", (tanaka,)) == "田中様 初回面談"


def test_options_kind_map_and_all_day_are_kept_for_the_next_import(qtbot, services, db, tmp_path):
    suzuki = add_client(db, "鈴木 花子", name_kana="スズキ ハナコ", email="hanako@suzuki.example")
    with db.transaction() as conn:
        conn.execute("INSERT INTO client_contacts (client_id, kind, value) VALUES (?, 'email', ?)",
                     (suzuki, "h.suzuki@work.example.com"))
    path = calendars.write(tmp_path / "outlook.ics", calendars.outlook())
    dialog = open_dialog(qtbot, services, path)
    assert dialog.default_kind.text() == "consultation" and dialog.keywords.toPlainText() == ""
    dialog.keywords.setPlainText("セミナー = seminar follow-up\n合宿 = retreat")
    dialog.all_day.setChecked(True)
    dialog.me_edit.setText("keiko@sato-office.jp")
    dialog.reread_button.click()
    qtbot.waitUntil(lambda: dialog.prepared.plan.keep_all_day, timeout=20000)
    kinds = {r[1]: r[5] for r in rows(dialog)}
    assert "seminar follow-up" in kinds["2026-03-05 14:00"] and "retreat" in kinds["2026-03-20"]
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    assert dict(db.query("SELECT date, kind FROM sessions", plain=True)) == {
        "2026-03-05": "seminar follow-up", "2026-03-20": "retreat"}
    assert calendar.load_kind_map(db).keywords == [("セミナー", "seminar follow-up"), ("合宿", "retreat")]
    assert calendar.load_me(db) == ["keiko@sato-office.jp"]
    again = open_dialog(qtbot, services, path)
    assert again.keywords.toPlainText() == "セミナー = seminar follow-up\n合宿 = retreat"
    assert again.me_edit.text() == "keiko@sato-office.jp"


def test_a_broken_calendar_says_so_and_writes_nothing(qtbot, services, db, tmp_path, message_boxes):
    path = tmp_path / "broken.ics"
    path.write_bytes(calendars.ics(calendars.google())[:700])
    dialog = CalendarImportDialog(services, path)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=20000)
    kind, text = message_boxes.pop()
    assert kind == "warning" and text.startswith("broken.ics: not a calendar LoyalDesk can read")
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 0


def test_the_client_shows_its_next_session_from_the_calendar(qtbot, screen, services, db):
    import datetime as dt

    from PySide6.QtWidgets import QLabel

    cid = add_client(db, "鈴木 花子", name_kana="スズキ ハナコ")
    day = dt.date.today() + dt.timedelta(days=10)
    with db.transaction() as conn:  # as a calendar import leaves a future event of the client
        conn.execute("INSERT INTO calendar_upcoming (uid, recurrence_id, client_id, starts_at, date, summary) "
                     "VALUES ('n1', '', ?, ?, ?, '事業計画の見直し')", (cid, f"{day.isoformat()}T14:00", day.isoformat()))
    services.reload_all()
    screen.select_client(cid)
    expected = f"{day.isoformat()} 14:00 · 事業計画の見直し (in the calendar)"
    assert f"Next session: {expected}" in screen.detail.status_label.text()
    labels = [l.text() for l in screen.detail.findChildren(QLabel)]
    assert "Next session" in labels and expected in labels


def test_the_practice_time_zone_dates_the_sessions(qtbot, services, db, tmp_path):
    add_client(db, "山田 太郎", name_kana="ヤマダ タロウ", email="taro.yamada@example.co.jp")
    dialog = open_dialog(qtbot, services, calendars.write(tmp_path / "google.ics", calendars.google()))
    assert dialog.zone_combo.currentText() == "Asia/Tokyo"
    assert rows(dialog)[0][1] == "2026-01-05 10:00"
    dialog.zone_combo.setCurrentIndex(dialog.zone_combo.findData("America/New_York"))
    dialog.reread_button.click()
    qtbot.waitUntil(lambda: rows(dialog)[0][1] == "2026-01-04 20:00", timeout=20000)  # 10:00 in Tokyo
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    assert db.scalar("SELECT MIN(date) FROM sessions") == "2026-01-04"
    assert calendar.zone_name(db) == "America/New_York"


def test_file_menu_opens_the_calendar_import_for_an_ics(qtbot, services, db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(services, Preferences.load())
    qtbot.addWidget(window)
    path = calendars.write(tmp_path / "google.ics", calendars.google())
    offered = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, filters: offered.append((title, filters)) or (str(path), ""))
    opened = []
    monkeypatch.setattr(CalendarImportDialog, "exec", lambda self: opened.append(self) or 0)
    window.import_calendar_action.trigger()
    assert offered == [("Import sessions from a calendar", "Calendars (*.ics);;All files (*)")]
    assert [d.path for d in opened] == [path]
    window.import_sessions_action.trigger()  # an .ics chosen as a sales history goes to the calendar import too
    assert [d.path for d in opened] == [path, path]
    assert "Calendars (*.ics)" in offered[1][1]
    qtbot.waitUntil(lambda: all(d.prepared is not None for d in opened), timeout=20000)  # their previews read
