"""The client detail shows every e-mail, phone and address, with its label; search finds the other values."""

from __future__ import annotations

import os

from loyaldesk.core.clients import ClientRepository, write_more_values
from loyaldesk.core.models import Client, ClientAddress, ContactValue


def add_angela(db) -> int:
    client = ClientRepository(db).create(Client(
        None, "Angela Muñoz Madero", email="angela@example.es", phone="+34 612 345 678", postal_code="28013",
        address1="Calle Mayor 1, Madrid", country="ES"))
    with db.transaction() as conn:
        write_more_values(conn, client.id, [ContactValue("work", "a.munoz@estudio.example")],
                          [ContactValue("fax", "+34 91 123 4567")],
                          [ClientAddress("home", "150-0001", "東京都渋谷区神宮前1-2-3", "", "")])
    return client.id


def info_text(screen) -> str:
    from PySide6.QtWidgets import QLabel

    screen.detail.sections.setCurrentWidget(screen.detail.profile_tab)  # the contact details are on Profile
    return "\n".join(w.text() for w in screen.detail.findChildren(QLabel) if w.isVisible())


def test_detail_shows_the_other_values_with_their_labels(qtbot, screen, services, db):
    cid = add_angela(db)
    services.reload_all()
    screen.show_client(cid)
    qtbot.waitUntil(lambda: "a.munoz@estudio.example" in info_text(screen), timeout=5000)
    text = info_text(screen)
    assert "a.munoz@estudio.example (work)" in text
    assert "+34 91 123 4567 (fax)" in text
    assert "28013 Calle Mayor 1, Madrid ES" in text  # a foreign postal code without 〒, the country shown
    assert "〒150-0001 東京都渋谷区神宮前1-2-3" in text
    if os.environ.get("LOYALDESK_SCREENSHOTS"):
        qtbot.wait(200)
        screen.grab().save(os.path.join(os.environ["LOYALDESK_SCREENSHOTS"], "client-more-values.png"))


def test_search_finds_a_client_by_another_email(qtbot, screen, services, db):
    add_angela(db)
    services.reload_all()
    add_client_named = ClientRepository(db).create(Client(None, "Ben Ito", email="ben@example.jp"))
    services.reload_all()
    screen.search.setText("estudio.example")

    def names():
        model = screen.table.model()
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: len(names()) == 1, timeout=5000)
    assert "Angela" in names()[0] and add_client_named.id
