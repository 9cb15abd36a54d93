"""The app opening a practice whose upgrade found a stored template over today's limits says so."""

from __future__ import annotations

from tests.core.test_template_check_on_upgrade import older_practice


def test_the_app_shows_it_when_it_opens_the_file(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from loyaldesk.settings import Preferences
    from loyaldesk.ui.app import AppController

    path = older_practice(tmp_path / "old.db", monkeypatch)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    controller = AppController(qapp, Preferences.load())
    try:
        assert controller.open(path, backup_on_open=False, upkeep=False)
        assert len(shown) == 1 and "the letter template thank_you (en)" in shown[0]
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.close()
