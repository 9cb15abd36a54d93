"""The send panel says which documents will be signed with the other language's sender profile and asks before
saving, printing or writing e-mail drafts; No leaves nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from loyaldesk.core.letters.sender import SenderProfile, save_sender
from tests.conftest import add_client, add_session
from tests.ui.test_send_panel import addresses_panel, letters_panel


@pytest.fixture
def english_profile_only(db):
    save_sender(db, SenderProfile(name="Keiko Takahashi", business="Takahashi Business Advisory",
                                  address="1-2-3 Jinnan, Shibuya-ku, Tokyo", phone="+81 3 1234 5678"))
    a = add_client(db, "山田 太郎", honorific="様", address1="東京都渋谷区1-1", postal_code="1500001",
                   email="taro@example.com")
    b = add_client(db, "Emily Carter", honorific="Ms", address1="12 High Street", email="emily@example.com")
    for cid in (a, b):
        add_session(db, cid, "2026-10-01")
    return a, b


@pytest.mark.parametrize("open_panel", [letters_panel, addresses_panel], ids=["letters", "addresses"])
def test_japanese_documents_with_only_an_english_profile_are_pointed_out_and_confirmed(
        qtbot, services, english_profile_only, tmp_path, monkeypatch, open_panel):
    ja, en = english_profile_only
    _screen, panel, _channel = open_panel(qtbot, services, [ja, en])
    warning = ("There is no Japanese sender profile: the Japanese documents (1) will be signed with the English one "
               "(Keiko Takahashi). Fill in the Japanese profile in Preferences > Sender.")
    assert panel.sender_hint.isVisibleTo(panel) and panel.sender_hint.text() == warning
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **k: asked.append(args[2]) or QMessageBox.StandardButton.No))
    chose = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: chose.append(1) or (str(tmp_path / "x.pdf"), "")))
    panel.save_button.click()
    assert asked == [warning + "\n\nWrite them anyway?"] and chose == []  # No: no file dialog, nothing written
    assert not (tmp_path / "x.pdf").exists()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(panel.saved, timeout=20000):
        panel.save_button.click()
    assert chose == [1] and (tmp_path / "x.pdf").exists()
    # unticking the Japanese document: nothing to point out, nothing asked
    with qtbot.waitSignal(panel.preview_ready, timeout=20000):
        panel.set_ticked(ja, False)
    assert panel.sender_hint.isHidden()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: pytest.fail("asked again")))
    assert panel.confirm_warnings()
