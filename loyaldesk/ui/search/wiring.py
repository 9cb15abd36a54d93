"""The main window's part of the search: Edit > Search everything (Ctrl+Shift+F), opening a match on
the Clients screen, and the one-time background build of the index of a large practice."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from loyaldesk.ui import labels


class SearchWiring(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.index_build = None
        self.action = QAction(labels.icon("search"), self.tr("Search &everything…"), window)
        self.action.setObjectName("searchEverythingAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.action.setStatusTip(self.tr("Find what was said in every session, contact, note and feedback"))
        self.action.triggered.connect(self.open_dialog)
        window.addAction(self.action)
        QTimer.singleShot(0, self._on_start_timeout)

    def open_dialog(self):
        from loyaldesk.ui.search.dialog import SearchEverythingDialog

        if self.dialog is None:
            self.dialog = SearchEverythingDialog(self.window.services.db.path, self.window)
            self.dialog.hit_open_requested.connect(self._on_dialog_hit_open_requested)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.query.setFocus()
        self.dialog.query.selectAll()
        return self.dialog

    def _on_dialog_hit_open_requested(self, hit) -> None:
        from loyaldesk.ui.search.clients import open_entry

        window = self.window
        window.show_screen(window.clients_screen)
        open_entry(window.clients_screen, hit.client_id, hit.source, hit.entry_id)

    def _on_start_timeout(self) -> None:
        from loyaldesk.ui.search.index_build import IndexBuild

        services = self.window.services
        if getattr(services, "_closed", False) or not IndexBuild.needed(services.db):
            return
        self.index_build = IndexBuild(services.db.path, self.window.statusBar(), self)
        self.index_build.start()
