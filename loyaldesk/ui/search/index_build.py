"""The one-time build of the search index of a large practice, in the background, its progress in the
status bar (with Cancel: it starts again the next time the practice is opened)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from loyaldesk.ui.ops import run_quietly


class IndexBuild(QObject):
    finished = Signal(bool)  # True: built; False: cancelled or failed

    def __init__(self, db_path, status_bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = db_path
        self._bar = status_bar
        self._op = None
        self.widget = QWidget()
        self.widget.setObjectName("searchIndexProgress")
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Building the search index (once)…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Search index progress"))
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel building the search index"))
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)

    @staticmethod
    def needed(db) -> bool:
        from loyaldesk.core import search

        return not db.read_only and not search.index_ready(db)

    def start(self) -> None:
        from loyaldesk.core import search
        from loyaldesk.core.db import open_database

        path = self._path

        def work(progress):
            with open_database(path, create=False, migrate=False) as db:
                progress.on_cancel(db.conn.interrupt)
                return search.build_index(db, progress.tick)

        self._bar.addWidget(self.widget)
        self.widget.show()
        op = run_quietly(self, work)
        op.progressed.connect(self._on_op_progressed)
        op.finished.connect(self._on_op_finished)
        op.failed.connect(self._on_op_failed)
        op.cancelled.connect(self._on_op_cancelled)
        self._op = op

    def cancel(self) -> None:
        if self._op is not None and not self._op.done:
            self.label.setText(self.tr("Cancelling…"))
            self._op.cancel()

    @property
    def running(self) -> bool:
        return self._op is not None and not self._op.done

    def _on_op_progressed(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 1000))

    def _end(self, built: bool, message: str) -> None:
        self._bar.removeWidget(self.widget)
        self.widget.hide()
        self._bar.showMessage(message, 10000)
        self.finished.emit(built)

    def _on_op_finished(self, _result) -> None:
        self._end(True, self.tr("The search index is ready: every conversation can be searched."))

    def _on_op_cancelled(self) -> None:
        self._end(False, self.tr("The search index was not built; it will be built the next time this practice "
                                 "is opened. Searches take longer meanwhile."))

    def _on_op_failed(self, exc) -> None:
        from loyaldesk.core.errors import LoyalDeskError

        detail = exc.message if isinstance(exc, LoyalDeskError) else str(exc)
        self._end(False, self.tr("The search index could not be built: %1").replace("%1", detail))
