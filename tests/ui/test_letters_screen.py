"""The Letters screen as the consultant uses it: preview page by page, save, log the contacts."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from loyaldesk.core.letters.sender import SenderProfile, save_sender
from tests.conftest import AS_OF, add_client, add_session


@pytest.fixture
def letters(qtbot, services):
    from loyaldesk.ui.letters.screen import LettersScreen

    w = LettersScreen(services)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


@pytest.fixture
def first_timers(db):
    """Two clients whose first session was two days ago (a thank-you letter is due), one do-not-contact."""
    save_sender(db, SenderProfile(name="高橋 恵子", business="高橋経営相談室", address="東京都渋谷区神南1-2-3"))
    save_sender(db, SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory"))  # English clients
    a = add_client(db, "山田 太郎", created="2026-11-01", honorific="様", address1="東京都渋谷区1-1",
                   email="taro@example.com")
    b = add_client(db, "Emily Carter", created="2026-11-01", honorific="Ms", address1="12 High Street")
    c = add_client(db, "連絡 不要", created="2026-11-01", address1="東京都", do_not_contact=1)
    for cid in (a, b, c):
        add_session(db, cid, (AS_OF - dt.timedelta(days=2)).isoformat(), topic="資金計画")
    return a, b, c


def open_suggestions(services, ids):
    from loyaldesk.core.suggestions import open_suggestions as compute

    return [s for s in compute(services.db, AS_OF) if s.client_id in ids and s.kind == "thank_you"]


def preview(qtbot, letters, fn):
    with qtbot.waitSignal(letters.preview_ready, timeout=20000):
        fn()


def test_preview_shows_the_letters_with_recipients_to_tick_and_a_page_jump(qtbot, letters, services, first_timers):
    a, b, c = first_timers
    panel = letters.panel
    preview(qtbot, letters, lambda: letters.start_with_clients([a, b, c], "thank_you"))
    assert letters.page_count() == 2
    assert "2 of 2 recipients ticked" in panel.summary_label.text()
    assert "do not contact: 1" in panel.skipped_label.text()
    assert panel.model.rowCount() == 3  # the two recipients, then the one left out with the reason
    assert panel.model.index(2, 1).data() == "do not contact"
    caption = panel.preview.page_label.text()
    assert "Page 1 of 2" in caption and "山田 太郎" in caption
    assert not panel.preview.prev_button.isEnabled() and panel.preview.next_button.isEnabled()
    panel.preview.page_spin.setValue(2)  # the page jump
    qtbot.waitUntil(lambda: panel.preview.current_page() == 1)
    assert "Emily Carter" in panel.preview.page_label.text()
    assert not panel.email_one_button.isEnabled()  # Emily has no e-mail address
    panel.table.setCurrentIndex(panel.model.index(0, 0))  # choosing a recipient shows their page
    qtbot.waitUntil(lambda: panel.preview.current_page() == 0)
    with qtbot.waitSignal(letters.preview_ready, timeout=20000):
        panel.set_ticked(a, False)  # unticked: out of the PDF
    assert letters.page_count() == 1 and "1 of 2 recipients ticked" in panel.summary_label.text()
    assert "Emily Carter" in panel.preview.page_label.text()


def test_personal_line_for_one_recipient_is_in_the_letter_and_the_contact(qtbot, letters, services, first_timers,
                                                                         tmp_path):
    a, b, _c = first_timers
    panel = letters.panel
    preview(qtbot, letters, lambda: letters.start_with_clients([a, b], "thank_you"))
    with qtbot.waitSignal(letters.preview_ready, timeout=20000):
        panel.set_note(b, "It was lovely to meet your team.")
    assert panel.batch.item(b).note == "It was lovely to meet your team."
    assert "It was lovely to meet your team." in panel.batch.item(b).letter.body
    assert "lovely" not in panel.batch.item(a).letter.body
    with qtbot.waitSignal(letters.preview_ready, timeout=20000):  # another design: the line stays
        letters.design_combo.setCurrentIndex(letters.design_combo.findData("vip_letter"))
    assert panel.batch.item(b).letter.design == "vip"
    assert "It was lovely to meet your team." in panel.batch.item(b).letter.body
    out = tmp_path / "letters.pdf"
    with qtbot.waitSignal(letters.saved, timeout=20000):
        panel.save_to(str(out))
    text = "".join(PdfReader(str(out)).pages[1].extract_text().split())
    assert "Itwaslovelytomeetyourteam." in text
    panel.record_button.click()
    notes = dict(services.db.query("SELECT client_id, note FROM touchpoints", plain=True))
    assert "lovely to meet your team" in notes[b]


def test_save_then_record_as_sent_marks_the_suggestions_done_and_undo_takes_it_back(
        qtbot, letters, services, first_timers, tmp_path, monkeypatch):
    a, b, _c = first_timers
    suggestions = open_suggestions(services, {a, b})
    assert {s.client_id for s in suggestions} == {a, b}
    preview(qtbot, letters, lambda: letters.start_with_suggestions(suggestions))
    panel = letters.panel
    out = tmp_path / "thanks.pdf"
    asked = []

    def fake_save(parent, caption, path, filter_):
        asked.append(path)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    with qtbot.waitSignal(letters.saved, timeout=20000):
        panel.save_button.click()
    assert asked[0].endswith(".pdf") and ":" not in asked[0].rpartition("/")[2]
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "山田 太郎 様" in text and "Emily Carter" in text and "連絡 不要" not in text
    assert services.db.query("SELECT * FROM touchpoints") == []  # nothing before the user confirms
    assert panel.banner.isVisible() and "Record as sent?" in panel.banner_label.text()
    panel.record_button.click()
    rows = services.db.query("SELECT client_id, channel, date FROM touchpoints ORDER BY client_id")
    assert [(r[0], r[1], r[2]) for r in rows] == [(a, "letter", AS_OF.isoformat()), (b, "letter", AS_OF.isoformat())]
    assert open_suggestions(services, {a, b}) == []  # answered: done
    assert "Recorded as sent: 2" in panel.banner_label.text()
    panel.undo_button.click()
    assert services.db.query("SELECT * FROM touchpoints") == []
    assert {s.client_id for s in open_suggestions(services, {a, b})} == {a, b}
    services.undo_stack.redo()  # Edit > Redo records them again
    assert len(services.db.query("SELECT * FROM touchpoints")) == 2
    # the next save offers the folder used last
    preview(qtbot, letters, letters.refresh_preview)
    assert letters.panel.default_path().startswith(str(tmp_path))


def test_print_goes_through_the_print_dialog_then_asks_to_record(qtbot, letters, services, first_timers,
                                                                 monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    a, b, _c = first_timers
    preview(qtbot, letters, lambda: letters.start_with_clients([a, b], "thank_you"))
    printed = []

    def fake_exec(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printed.append(True)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    letters.panel.print_button.click()
    assert printed and len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 2
    assert letters.panel.banner.isVisible() and letters.panel.record_button.isVisible()


def test_email_drafts_into_a_folder_and_one_mail_window_at_most(qtbot, letters, services, first_timers,
                                                                monkeypatch, tmp_path):
    import email
    import email.policy

    from PySide6.QtGui import QDesktopServices

    a, b, _c = first_timers
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    preview(qtbot, letters, lambda: letters.start_with_clients([a, b], "thank_you"))
    panel = letters.panel
    folder = tmp_path / "drafts"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(folder)))
    with qtbot.waitSignal(panel.drafts_written, timeout=20000):
        panel.drafts_button.click()
    files = list(folder.glob("*.eml"))
    assert len(files) == 1 and opened == []  # no mail window opened
    msg = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert msg["To"] == "山田 太郎 <taro@example.com>"
    assert "No e-mail address: Emily Carter" in panel.banner_label.text()
    panel.record_button.click()
    rows = services.db.query("SELECT client_id, channel FROM touchpoints")
    assert [(r[0], r[1]) for r in rows] == [(a, "email")]
    # by e-mail: those without an e-mail address are left out with the reason
    with qtbot.waitSignal(letters.preview_ready, timeout=20000):
        letters.send_by_combo.setCurrentIndex(letters.send_by_combo.findData("email"))
    assert [i.client_id for i in panel.batch.items] == [a]
    assert "no e-mail address: 1" in panel.skipped_label.text()
    # one recipient at a time in the mail program
    panel.preview.go_to(0)
    panel.email_one_button.click()
    assert len(opened) == 1 and opened[0].startswith("mailto:taro@example.com?subject=")


def test_dashboard_letter_action_opens_the_letters_screen(qtbot, services, first_timers):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(services, Preferences())
    qtbot.addWidget(window)
    suggestions = open_suggestions(services, {first_timers[0]})
    with qtbot.waitSignal(window.letters_screen.preview_ready, timeout=20000):
        window.dashboard.act(suggestions[0], "letter")
    assert window.stack.currentWidget() is window.letters_screen
    assert window.letters_screen.template_combo.currentData() == "thank_you"
    assert window.letters_screen.page_count() == 1


def test_sender_tab_saves_the_profile(qtbot, services):
    from loyaldesk.core.letters.sender import load_profiles, load_sender
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.settings.dialog import PreferencesDialog

    dialog = PreferencesDialog(services, Preferences())
    qtbot.addWidget(dialog)
    ja, en = dialog.sender_fields["ja"], dialog.sender_fields["en"]
    ja["name"].setText("高橋 恵子")
    ja["email"].setText("not an address")
    dialog._on_ok_clicked()
    assert "e-mail" in dialog.error.text()
    assert load_sender(services.db, "ja").name == ""
    ja["email"].setText("keiko@example.com")
    ja["name_kana"].setText("タカハシ ケイコ")
    ja["address"].setPlainText("東京都渋谷区神南1-2-3\nサンプルビル5階")
    # only the Japanese profile: the English side says English documents take it
    assert dialog.sender_page.hints["en"].text() == "Empty: English documents will be signed with the Japanese profile."
    en["name"].setText("高橋 恵子")
    en["phone"].setText("03-1234-5678")
    assert dialog.sender_page.hints["en"].text().splitlines() == [
        "Readers abroad need the international number (+81 3 1234 5678).",
        "The name is in Japanese script: write it in Latin letters for English readers."]
    en["name"].setText("Keiko Takahashi")
    en["phone"].setText("+81 3 1234 5678")
    assert dialog.sender_page.hints["en"].isHidden()
    dialog._on_ok_clicked()
    profiles = load_profiles(services.db)
    assert profiles.ja.name == "高橋 恵子" and profiles.ja.name_kana == "タカハシ ケイコ"
    assert profiles.ja.email == "keiko@example.com" and profiles.ja.address.splitlines()[1] == "サンプルビル5階"
    assert (profiles.en.name, profiles.en.phone) == ("Keiko Takahashi", "+81 3 1234 5678")
    assert profiles.ja.date_style == "western"
    dialog = PreferencesDialog(services, Preferences())
    qtbot.addWidget(dialog)
    assert dialog.sender_fields["en"]["name"].text() == "Keiko Takahashi"
    assert dialog.date_style.itemText(1).startswith("Japanese era (令和")
    dialog.date_style.setCurrentIndex(dialog.date_style.findData("era"))
    dialog._on_ok_clicked()
    profiles = load_profiles(services.db)
    assert profiles.ja.date_style == profiles.en.date_style == "era" and profiles.ja.name == "高橋 恵子"


def test_write_letter_to_the_selected_clients(qtbot, services, first_timers):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    a, b, _c = first_timers
    window = MainWindow(services, Preferences())
    qtbot.addWidget(window)
    window.show_screen(window.clients_screen)
    window.clients_screen.show_client(a)
    qtbot.waitUntil(lambda: window.clients_screen.selected_client_ids() == [a])
    assert window.write_letter_action.isEnabled()
    with qtbot.waitSignal(window.letters_screen.preview_ready, timeout=20000):
        window.write_letter_action.trigger()
    assert window.stack.currentWidget() is window.letters_screen
    assert window.letters_screen.page_count() == 1
    assert "山田 太郎" in window.letters_screen.panel.preview.page_label.text()


def test_missing_sender_profile_is_pointed_out(qtbot, services, db):
    from loyaldesk.core.letters.sender import SenderProfile, save_sender
    from loyaldesk.ui.letters.screen import LettersScreen

    cid = add_client(db, "山田 太郎", postal_code="150-0001", address1="東京都渋谷区神宮前1-2-3")
    screen = LettersScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.preview_ready, timeout=20000):
        screen.start_with_clients([cid])
    assert screen.panel.sender_hint.isVisible()
    save_sender(db, SenderProfile(name="佐藤 一郎", business="佐藤コンサルティング"))
    with qtbot.waitSignal(screen.preview_ready, timeout=20000):
        screen.refresh_preview()
    assert not screen.panel.sender_hint.isVisible()
