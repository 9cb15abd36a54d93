"""The Addresses screen: preview postcards for this season, print, record the cards as sent."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from loyaldesk.core import greetings
from loyaldesk.core.letters.sender import SenderProfile, save_sender
from tests.conftest import AS_OF, add_client, add_session


@pytest.fixture
def addresses(qtbot, services):
    from loyaldesk.ui.addresses.screen import AddressesScreen

    w = AddressesScreen(services)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


@pytest.fixture
def season_clients(db):
    """AS_OF is 2026-11-23: the season is the New Year 2027. One client in mourning, one do-not-contact."""
    save_sender(db, SenderProfile(name="高橋 恵子", business="高橋経営相談室", postal_code="1500041",
                                  address="東京都渋谷区神南1-2-3"))
    save_sender(db, SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory"))  # English clients
    a = add_client(db, "山田 太郎", name_kana="やまだ", honorific="様", postal_code="1500001",
                   address1="東京都渋谷区神宮前1-1-1")
    b = add_client(db, "伊藤 蓮", name_kana="いとう", postal_code="2110004", address1="神奈川県川崎市中原区2-3")
    c = add_client(db, "Emily Carter", name_kana="carter", honorific="Ms", address1="12 High Street")
    d = add_client(db, "連絡 不要", name_kana="れんらく", address1="東京都", do_not_contact=1)
    for cid in (a, b, c):
        add_session(db, cid, "2026-10-01")
    greetings.save_greeting(db, b, 2027, "new_year", "mourning", "2026-11-10")
    return a, b, c, d


def wait_preview(qtbot, screen, fn=None):
    with qtbot.waitSignal(screen.preview_ready, timeout=20000):
        if fn:
            fn()
        else:
            screen.refresh_preview()


def test_to_send_this_season_previews_postcards_without_mourning(qtbot, addresses, season_clients):
    a, b, c, d = season_clients
    assert addresses.season_combo.currentData() == ("new_year", 2027)
    wait_preview(qtbot, addresses)
    assert addresses.page_count() == 2  # 山田 and Emily; 伊藤 is in mourning
    assert [e.client_id for e in addresses.panel.batch.items] == [c, a]
    text = addresses.panel.skipped_label.text()
    assert "in mourning (no New Year card): 1" in text and "do not contact: 1" in text
    assert "Page 1 of 2" in addresses.panel.preview.page_label.text()
    size = addresses.panel.preview.document.pagePointSize(0)
    assert (round(size.width() / 72 * 25.4), round(size.height() / 72 * 25.4)) == (100, 148)


def test_print_to_pdf_then_record_the_cards_as_sent(qtbot, addresses, services, season_clients, monkeypatch,
                                                    tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    a, b, c, d = season_clients
    wait_preview(qtbot, addresses)
    out = tmp_path / "printed.pdf"

    def fake_exec(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    addresses.panel.print_button.click()
    pages = PdfReader(str(out)).pages
    assert len(pages) == 2
    assert round(float(pages[0].mediabox.width) / 72 * 25.4) == 100
    assert addresses.panel.banner.isVisible() and "New Year card 2027" in addresses.panel.banner_label.text()
    addresses.panel.record_button.click()
    assert "Recorded as sent: 2" in addresses.panel.banner_label.text()
    rows = services.db.query("SELECT client_id, year, season, kind, date FROM greetings WHERE kind = 'sent' "
                             "ORDER BY client_id", plain=True)
    assert [tuple(r) for r in rows] == [(a, 2027, "new_year", "sent", AS_OF.isoformat()),
                                        (c, 2027, "new_year", "sent", AS_OF.isoformat())]
    cards = services.db.query("SELECT client_id FROM touchpoints WHERE channel = 'card' ORDER BY client_id", plain=True)
    assert [r[0] for r in cards] == [a, c]
    # the list follows: nobody left to send to
    qtbot.waitUntil(lambda: addresses.panel.batch is not None and addresses.panel.summary_label.text() == "Nobody to send to.",
                    timeout=20000)
    services.undo_stack.undo()  # Edit > Undo: the cards are to send again
    assert services.db.query("SELECT * FROM greetings WHERE kind = 'sent'") == []
    assert services.db.query("SELECT * FROM touchpoints") == []
    qtbot.waitUntil(lambda: addresses.page_count() == 2, timeout=20000)


def test_save_labels_from_a_start_position_and_options_are_saved(qtbot, addresses, services, season_clients,
                                                                  monkeypatch, tmp_path):
    from loyaldesk.core.addresses.compose import load_options

    a, b, c, d = season_clients
    addresses.start_with_clients([a, b, c, d])
    addresses.kind_combo.setCurrentIndex(addresses.kind_combo.findData("labels"))
    addresses.start_spin.setValue(5)
    wait_preview(qtbot, addresses)
    assert len(addresses.panel.batch.items) == 3 and "do not contact: 1" in addresses.panel.skipped_label.text()
    out = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(out), "")))
    with qtbot.waitSignal(addresses.saved, timeout=20000):
        addresses.panel.save_button.click()
    assert len(PdfReader(str(out)).pages) == 1
    assert not addresses.panel.record_button.isVisible()  # labels are not cards: nothing to record
    assert "Record as sent?" not in addresses.panel.banner_label.text()
    addresses.numerals_combo.setCurrentIndex(addresses.numerals_combo.findData("fullwidth"))
    addresses.offset_x.setValue(1.5)
    options = load_options(services.db)
    assert options.numerals == "fullwidth" and options.offset_x_mm == 1.5


def test_screen_is_registered_after_letters(qtbot, services):
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.main_window import MainWindow

    window = MainWindow(services, Preferences())
    qtbot.addWidget(window)
    titles = [title for title, _w in window.screens]
    assert titles.index("Addresses") == titles.index("Letters") + 1


def test_message_side_preview_template_orientation_and_save(qtbot, addresses, services, season_clients,
                                                            monkeypatch, tmp_path):
    from loyaldesk.core.addresses.compose import load_options

    a, b, c, d = season_clients
    assert not addresses.template_combo.isVisibleTo(addresses)  # the address side: no template to choose
    addresses.side_combo.setCurrentIndex(addresses.side_combo.findData("message"))
    assert addresses.template_combo.isVisibleTo(addresses) and addresses.orientation_combo.isVisibleTo(addresses)
    assert addresses.template_combo.currentData() == "postcard.new_year"  # the season's card
    wait_preview(qtbot, addresses)
    assert addresses.page_count() == 2  # one message side per card
    assert "謹賀新年" in addresses.panel.preview.document.getAllText(1).text()  # 山田 (sorted after Emily)
    assert "Happy New Year 2027" in addresses.panel.preview.document.getAllText(0).text()
    size = addresses.panel.preview.document.pagePointSize(0)
    assert (round(size.width() / 72 * 25.4), round(size.height() / 72 * 25.4)) == (100, 148)

    # the summer template, vertical, both sides: two pages per card, the address side first
    index = addresses.template_combo.findData("postcard.summer")
    addresses.template_combo.setCurrentIndex(index)
    addresses.template_combo.activated.emit(index)
    addresses.orientation_combo.setCurrentIndex(addresses.orientation_combo.findData("vertical"))
    assert load_options(services.db).message_orientation == "vertical"
    wait_preview(qtbot, addresses, lambda: addresses.side_combo.setCurrentIndex(addresses.side_combo.findData("both")))
    assert addresses.page_count() == 4 and addresses.panel.first_pages == [1, 3]
    assert "Summer Greetings" in addresses.panel.preview.document.getAllText(1).text()
    addresses.panel.preview.go_to(3)  # the message side of the second card
    qtbot.waitUntil(lambda: "Page 4 of 4 — 山田 太郎" in addresses.panel.preview.page_label.text(), timeout=5000)
    # a chosen template stays when the season changes
    addresses.season_combo.setCurrentIndex(addresses.season_combo.findData(("summer", 2026)))
    assert addresses.template_combo.currentData() == "postcard.summer"

    out = tmp_path / "cards.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(out), "")))
    wait_preview(qtbot, addresses)
    with qtbot.waitSignal(addresses.saved, timeout=20000):
        addresses.panel.save_button.click()
    pages = PdfReader(str(out)).pages
    assert len(pages) == 6  # the summer list: 伊藤's mourning is for the New Year only
    assert "Summer Greetings" in pages[1].extract_text() and "Emily Carter" in pages[0].extract_text()
    assert addresses.panel.banner.isVisible()  # cards: offer to record them as sent


def test_a_message_too_long_is_explained_not_cut(qtbot, addresses, services, season_clients):
    from loyaldesk.core.letters import templates as T

    template = T.get_template(services.db, "postcard.new_year", "ja")
    template.body = "謹賀新年\n\n" + "\n".join(["　とても長い文面です。" * 12] * 12) + "\n"
    T.save_template(services.db, template)
    addresses.side_combo.setCurrentIndex(addresses.side_combo.findData("message"))
    addresses.refresh_preview()
    qtbot.waitUntil(lambda: "does not fit on a postcard" in addresses.panel.summary_label.text(), timeout=20000)
    assert "山田 太郎" in addresses.panel.summary_label.text()
    assert not addresses.panel.save_button.isEnabled() and addresses.page_count() == 0
    a, _b, c, _d = season_clients
    assert {i.client_id for i in addresses.panel.batch.items} == {a, c}  # the list stays: untick the card
    with qtbot.waitSignal(addresses.preview_ready, timeout=20000):
        addresses.panel.set_ticked(a, False)
    assert addresses.page_count() == 1 and addresses.panel.save_button.isEnabled()  # Emily's English card fits
