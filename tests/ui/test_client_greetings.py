"""Season cards in the client detail: the history by year and the dialog that edits it."""

from __future__ import annotations

from loyaldesk.core import greetings
from tests.conftest import add_client


def test_history_shown_and_edited_in_the_client_detail(qtbot, screen, services, monkeypatch):
    from loyaldesk.ui.clients.greetings import GreetingsDialog

    cid = add_client(services.db, "伊藤 蓮", address1="東京都")
    greetings.save_greeting(services.db, cid, 2026, "new_year", "sent", "2025-12-20")
    screen.reload()
    screen.select_client(cid)
    section = screen.detail.greetings_section
    assert "2026" in section.text.text() and "New Year card (年賀状): sent" in section.text.text()
    tabs = screen.detail.sections
    assert tabs.tabText(tabs.indexOf(screen.detail.cards_tab)) == "Season cards"

    opened = []

    def fake_exec(dialog):
        opened.append(dialog)
        # a mourning notice for the New Year 2027
        dialog.year_spin.setValue(2027)
        dialog.season_combo.setCurrentIndex(dialog.season_combo.findData("new_year"))
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("mourning"))
        dialog.date_edit.setText("2026-11-20")
        dialog.add_button.click()
        assert dialog.table.rowCount() == 2 and dialog.table.item(0, 2).text() == "in mourning (喪中)"
        # a bad date is said in the dialog, nothing saved
        dialog.date_edit.setText("not a date")
        dialog.add_button.click()
        assert dialog.error_label.text() and dialog.table.rowCount() == 2
        # delete the 2026 record
        dialog.table.selectRow(1)
        dialog.delete_button.click()
        assert dialog.table.rowCount() == 1
        return 0

    monkeypatch.setattr(GreetingsDialog, "exec", fake_exec)
    section.edit_button.click()
    assert opened
    assert [(g.year, g.season, g.kind) for g in greetings.client_greetings(services.db, cid)] == [
        (2027, "new_year", "mourning")]
    qtbot.waitUntil(lambda: "in mourning (喪中)" in section.text.text())
    assert "2026" not in section.text.text()
    # the tab says it before anyone prepares a New Year card for 2027
    assert tabs.tabText(tabs.indexOf(screen.detail.cards_tab)) == "Season cards · in mourning"


def test_no_client_no_edit(screen):
    screen.select_client(None)
    assert not screen.detail.greetings_section.edit_button.isEnabled()


def test_joint_names_saved_from_the_dialog_and_printed(qtbot, screen, services, monkeypatch):
    from loyaldesk.core.addresses.compose import load_joint_names, plan_addresses
    from loyaldesk.ui.clients.greetings import GreetingsDialog

    cid = add_client(services.db, "山田 太郎", address1="東京都")
    screen.reload()
    screen.select_client(cid)

    def fake_exec(dialog):
        dialog.joint_edit.setText("花子、健太 くん")
        dialog.joint_button.click()
        dialog.joint_edit.setText("a、b、c、d、e")
        dialog.joint_button.click()
        assert "At most 4" in dialog.error_label.text()
        return 0

    monkeypatch.setattr(GreetingsDialog, "exec", fake_exec)
    screen.detail.greetings_section.edit_button.click()
    joint = load_joint_names(services.db, [cid])[cid]
    assert [(j.name, j.honorific) for j in joint] == [("花子", "様"), ("健太", "くん")]
    qtbot.waitUntil(lambda: "Joint names: 花子 様、健太 くん" in screen.detail.greetings_section.text.text())
    entry = plan_addresses(services.db, [cid]).entries[0]
    assert [j.name for j in entry.joint] == ["花子", "健太"]
