"""The Clients screen as a user drives it: dialogs, highlight, search, filters, archive and undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from loyaldesk.ui.clients.dialogs import ClientDialog, SessionDialog, TagDialog, TouchpointDialog
from loyaldesk.ui.clients.model import Column, ClientsTableModel
from tests.conftest import add_client, add_session, add_touchpoint


def click_save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def row_texts(screen, column=Column.NAME):
    m = screen.model
    return [m.data(m.index(r, column)) for r in range(m.rowCount())]


def highlighted(screen, client_id):
    m = screen.model
    row = m.row_of(client_id)
    index = m.index(row, Column.NAME)
    return (m.data(index, Qt.ItemDataRole.BackgroundRole) is not None,
            m.data(index, Qt.ItemDataRole.DecorationRole) is not None,
            m.data(index, Qt.ItemDataRole.ToolTipRole))


def test_add_client_log_session_then_contact_clears_highlight(qtbot, screen, services):
    dialog = ClientDialog(services, parent=screen)
    qtbot.addWidget(dialog)
    dialog.name.setText("高橋 誠")
    dialog.name_kana.setText("たかはし まこと")
    dialog.email.setText("makoto@example.jp")
    click_save(dialog)
    assert dialog.result() == 1
    cid = dialog.saved.id
    assert row_texts(screen) == ["高橋 誠"]

    client = services.clients.get(cid)
    session = SessionDialog(services, client, parent=screen)
    qtbot.addWidget(session)
    session.date.setDate(QDate(2026, 6, 1))
    session.fee.setValue(30000)
    session.topic.setText("新規事業の資金計画")
    click_save(session)
    assert session.result() == 1

    background, icon, tooltip = highlighted(screen, cid)
    assert background and icon
    assert "2026-06-01" in tooltip and "175 days ago" in tooltip and "interval 90 days" in tooltip
    m = screen.model
    assert m.data(m.index(m.row_of(cid), Column.DAYS)) == "175 (+85)"
    assert m.data(m.index(m.row_of(cid), Column.REVENUE)) == "¥30,000"

    screen.select_client(cid)
    assert screen.detail.timeline_model.data(screen.detail.timeline_model.index(0, 2)) == "新規事業の資金計画"

    contact = TouchpointDialog(services, client, parent=screen)
    qtbot.addWidget(contact)
    contact.channel.setCurrentIndex(contact.channel.findData("letter"))
    contact.note.setPlainText("お礼状")
    click_save(contact)
    background, icon, tooltip = highlighted(screen, cid)
    assert not background and not icon
    assert m.data(m.index(m.row_of(cid), Column.LAST_CONTACT)) == "2026-11-23"
    assert [e.text for e in services.clients.timeline(cid)] == ["お礼状", "新規事業の資金計画"]


def test_dialog_shows_validation_errors_and_keeps_input(qtbot, screen, services):
    dialog = ClientDialog(services, parent=screen)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Ann Lee")
    dialog.birthday.setText("2023-02-30")
    click_save(dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert "2023-02-30" in dialog.error_label.text()
    assert dialog.name.text() == "Ann Lee"
    dialog.birthday.setText("1985/4/1")
    dialog.email.setText("ann@")
    click_save(dialog)
    assert "e-mail" in dialog.error_label.text()
    dialog.email.setText("ann@example.com")
    click_save(dialog)
    assert dialog.result() == 1
    assert services.clients.get(dialog.saved.id).birthday == dt.date(1985, 4, 1)


def test_search_matches_reading_in_either_kana_and_other_fields(qtbot, screen, services, db):
    a = add_client(db, "山田 太郎", name_kana="やまだ たろう", company="株式会社みらい")
    add_client(db, "Emily Carter", name_kana="エミリー カーター", email="emily@example.com", notes="prefers mornings")
    add_client(db, "佐藤 花子", name_kana="さとう はなこ")
    services.reload_all()
    assert row_texts(screen) == ["Emily Carter", "佐藤 花子", "山田 太郎"]  # えみりー < さとう < やまだ
    for query, expected in [("ヤマダ", ["山田 太郎"]), ("ﾔﾏﾀﾞ", ["山田 太郎"]), ("みらい", ["山田 太郎"]),
                            ("EMILY@", ["Emily Carter"]), ("mornings", ["Emily Carter"]), ("zzz", [])]:
        screen.search.setText(query)
        screen._on_search_timer_timeout()
        assert row_texts(screen) == expected, query
    assert screen.empty_label.isVisible()
    screen.search.clear()
    screen._on_search_timer_timeout()
    assert len(row_texts(screen)) == 3 and screen.model.row_of(a) >= 0


def test_sorted_by_reading_not_code_point(screen, services, db):
    add_client(db, "渡辺 健", name_kana="わたなべ けん")
    add_client(db, "阿部 一郎", name_kana="アベ イチロウ")
    add_client(db, "木村 拓", name_kana="きむら たく")
    services.reload_all()
    assert row_texts(screen) == ["阿部 一郎", "木村 拓", "渡辺 健"]
    screen.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert row_texts(screen) == ["渡辺 健", "木村 拓", "阿部 一郎"]


def test_overdue_and_tag_filters(qtbot, screen, services, db):
    late = add_client(db, "Late", created="2020-01-01")
    add_session(db, late, "2026-01-05")
    fresh = add_client(db, "Fresh", created="2020-01-01")
    add_touchpoint(db, fresh, "2026-11-01")
    services.assign_tag(fresh, "アンバサダー", "role", dt.date(2026, 5, 1))
    services.reload_all()
    screen.overdue_only.setChecked(True)
    assert row_texts(screen) == ["Late"]
    screen.overdue_only.setChecked(False)
    index = screen.tag_filter.findData("アンバサダー")
    assert index > 0
    screen.tag_filter.setCurrentIndex(index)
    assert row_texts(screen) == ["Fresh"]
    assert row_texts(screen, Column.TAGS) == ["アンバサダー"]


def test_tag_dialog_assigns_role_with_date_and_chip_removes_it(qtbot, screen, services, db):
    cid = add_client(db, "Role Holder")
    services.reload_all()
    screen.select_client(cid)
    dialog = TagDialog(services, services.clients.get(cid), parent=screen)
    qtbot.addWidget(dialog)
    dialog.tag.setCurrentText("SNS運営チーム")
    dialog.role.setChecked(True)
    dialog.since.setDate(QDate(2026, 4, 1))
    click_save(dialog)
    stats = services.clients.stats(cid)
    assert [(t.tag.name, t.tag.category, t.since) for t in stats.tags] == [("SNS運営チーム", "role", dt.date(2026, 4, 1))]
    assert row_texts(screen, Column.TAGS) == ["SNS運営チーム"]
    screen._on_detail_tag_removed(stats.tags[0].tag.id)
    assert services.clients.stats(cid).tags == []


def test_archive_and_undo(qtbot, screen, services, db):
    cid = add_client(db, "To Archive")
    keep = add_client(db, "Stays")
    services.reload_all()
    screen.select_client(cid)
    screen.toggle_archive()
    assert row_texts(screen) == ["Stays"]
    assert services.clients.get(cid).archived
    assert services.undo_stack.undoText().endswith("To Archive")
    services.undo_stack.undo()
    assert sorted(row_texts(screen)) == ["Stays", "To Archive"]
    screen.archived_toggle.setChecked(True)
    assert row_texts(screen) == []
    assert "No archived clients" in screen.empty_label.text()
    assert keep


def test_permanent_delete_only_after_archive_and_confirmation(qtbot, screen, services, db, monkeypatch):
    cid = add_client(db, "Gone")
    add_session(db, cid, "2026-01-01", fee=12000)
    services.clients.set_archived(cid, True)
    screen.show_archived(True)
    screen.select_client(cid)
    assert screen.detail.delete_button.isVisible()
    seen = {}

    def answer(box_text, press_delete):
        def fn():
            box = QApplication.activeModalWidget()
            seen["text"] = box.text()
            if press_delete:
                next(b for b in box.buttons() if b.text() == "Delete permanently").click()
            else:
                box.button(QMessageBox.StandardButton.Cancel).click()
        return fn

    QTimer.singleShot(0, answer("", press_delete=False))
    screen.delete_client()
    assert "1 sessions" in seen["text"] and "¥12,000" in seen["text"] and "cannot be undone" in seen["text"]
    assert services.clients.count(include_archived=True) == 1
    QTimer.singleShot(0, answer("", press_delete=True))
    screen.delete_client()
    assert services.clients.count(include_archived=True) == 0
    assert db.scalar("SELECT COUNT(*) FROM sessions") == 0


def test_save_error_is_shown_in_the_dialog_and_nothing_lost(qtbot, screen, services, db, tmp_path):
    import sqlite3

    cid = add_client(db, "Busy")
    services.reload_all()
    other = sqlite3.connect(db.path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    db.conn.execute("PRAGMA busy_timeout = 50")
    try:
        dialog = TouchpointDialog(services, services.clients.get(cid), parent=screen)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.note.setPlainText("電話でフォロー")
        click_save(dialog)
        assert dialog.isVisible() and "in use by another program" in dialog.error_label.text()
    finally:
        other.rollback()
        other.close()
    click_save(dialog)
    assert dialog.result() == 1
    assert [e.text for e in services.clients.timeline(cid)] == ["電話でフォロー"]


def test_models_pass_qtmodeltester(qtmodeltester, services, db):
    from loyaldesk.ui.clients.detail import TimelineModel

    cid = add_client(db, "Model", name_kana="もでる")
    add_session(db, cid, "2026-01-01", topic="A")
    add_touchpoint(db, cid, "2026-02-01", note="B")
    add_client(db, "Other")
    model = ClientsTableModel()
    model.set_rows(services.clients.list_rows(services.as_of()))
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.REVENUE, Qt.SortOrder.DescendingOrder)
    model.set_filter(text="mo")
    qtmodeltester.check(model, force_py=True)
    timeline = TimelineModel()
    timeline.set_entries(services.clients.timeline(cid))
    qtmodeltester.check(timeline, force_py=True)


def test_detail_shows_tier_history_and_next_actions(qtbot, screen, services, db):
    from PySide6.QtWidgets import QLabel

    from loyaldesk.core import loyalty
    from tests.conftest import AS_OF

    cid = add_client(db, "常連 花子")
    for year in range(2021, 2027):
        add_session(db, cid, f"{year}-06-01", fee=50000, topic="年間計画")
    loyalty.refresh_tiers(db, dt.date(2026, 6, 30))
    loyalty.refresh_tiers(db, AS_OF)
    services.reload_all()
    screen.select_client(cid)
    text = screen.detail.loyalty_label.text()
    assert "VIP" in text and "score" in text
    assert screen.model.index(screen.model.row_of(cid), Column.TIER).data() == "VIP"
    assert "(for VIP)" in " ".join(l.text() for l in screen.detail.findChildren(QLabel))
    # the last contact was 2026-06-01: more than the 30 days of a VIP, so a reconnect is proposed
    qtbot.waitUntil(lambda: screen.detail.next_label.isVisible(), timeout=20000)
    assert "Reconnect" in screen.detail.next_label.text() and "年間計画" in screen.detail.next_label.text()


def test_tier_and_status_filters(qtbot, screen, services, db):
    from loyaldesk.core import loyalty
    from tests.conftest import AS_OF

    loyal = add_client(db, "常連 一郎")
    for year in range(2021, 2027):
        add_session(db, loyal, f"{year}-11-01", fee=80000)
    once = add_client(db, "一度 きり")
    add_session(db, once, "2020-01-10", fee=5000)
    add_client(db, "見込み 客")
    loyalty.refresh_tiers(db, AS_OF)
    services.reload_all()
    names = lambda: sorted(screen.model.row_at(r).name for r in range(screen.model.rowCount()))  # noqa: E731
    screen.tier_filter.setCurrentIndex(screen.tier_filter.findData("vip"))
    assert names() == ["常連 一郎"]
    screen.tier_filter.setCurrentIndex(0)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("dormant"))
    assert names() == ["一度 きり"]  # no contact since 2020
    screen.status_filter.setCurrentIndex(0)
    assert len(names()) == 3
