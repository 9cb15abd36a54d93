"""The shell: welcome on an empty database, sample data in a worker, layout remembered, no network."""

from __future__ import annotations

import socket

import pytest

from loyaldesk.settings import Preferences
from tests.conftest import add_client


@pytest.fixture
def window(qtbot, services):
    from loyaldesk.ui.main_window import MainWindow

    w = MainWindow(services, Preferences.load())
    qtbot.addWidget(w)
    w.show()
    return w


def test_empty_database_shows_welcome_and_sample_loads_in_background(qtbot, window, services):
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.sample_button.isVisible()
    window._on_welcome_sample()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.dashboard, timeout=30000)
    assert services.clients.count(include_archived=True) == 120
    assert window.clients_screen.model.rowCount() > 100
    assert "overdue" in window.count_label.text()


def test_navigation_lists_only_working_screens(window, services, db):
    add_client(db, "A")
    services.reload_all()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Today", "Clients", "Events", "Letters", "Addresses", "Reports"]
    assert window.stack.currentWidget() is window.dashboard  # the home screen once there are clients


def test_window_size_and_layout_remembered(qtbot, services, db):
    from loyaldesk.ui.main_window import MainWindow

    add_client(db, "A")
    first = MainWindow(services, Preferences.load())
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)
    first.clients_screen.splitter.setSizes([220, 370])
    before = first.clients_screen.splitter.sizes()
    first.close()
    assert Preferences.file().exists()
    second = MainWindow(services, Preferences.load())
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (760, 540)
    sizes = second.clients_screen.splitter.sizes()
    assert abs(sizes[0] / sum(sizes) - before[0] / sum(before)) < 0.05
    assert before[0] < before[1]  # not the default split


def test_shortcuts_exist(window):
    assert window.new_client_action.shortcut().toString() == "Ctrl+N"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.log_contact_action.shortcut().toString() == "Ctrl+L"


def test_app_never_opens_a_network_socket(qtbot, services, db, monkeypatch):
    """Build the window, load sample data, open dialogs: no socket may connect anywhere."""
    attempts = []
    real_connect = socket.socket.connect

    def guarded_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise OSError("network disabled in tests")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: attempts.append(a) or (_ for _ in ()).throw(OSError()))
    from loyaldesk.core import demo
    from loyaldesk.ui.clients.dialogs import ClientDialog
    from loyaldesk.ui.main_window import MainWindow

    demo.generate(db, clients=30, seed=3)
    w = MainWindow(services, Preferences.load())
    qtbot.addWidget(w)
    w.show()
    w.clients_screen.select_client(w.clients_screen.model.row_at(0).id)
    d = ClientDialog(services, w.clients_screen.current_client(), w)
    qtbot.addWidget(d)
    d.show()
    d.reject()
    assert attempts == []


def test_welcome_offers_to_import_an_existing_client_list(qtbot, window, services, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from loyaldesk.ui.transfer.import_dialog import ImportDialog

    path = tmp_path / "名簿.csv"
    path.write_bytes("氏名,メールアドレス\n山田 太郎,taro@example.jp\n".encode("cp932"))
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: asked.append(a[1]) or (str(path), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))

    def run_dialog(dialog):  # what the user does: wait for the preview, press "Import the valid rows"
        qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=20000)
        with qtbot.waitSignal(dialog.imported, timeout=20000):
            dialog.import_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", run_dialog)
    assert window.welcome.import_button.isVisible()
    window.welcome.import_button.click()
    assert asked == ["Import clients"]
    assert services.clients.count(include_archived=True) == 1
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.clients_screen, timeout=5000)
