"""Search everything (Ctrl+Shift+F): every session, contact, client note and feedback that says the words,
newest first, each opening its client's timeline at that entry."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import labels
from loyaldesk.ui.search.model import CLIENT, DATE, SNIPPET, SOURCE, HitsModel
from loyaldesk.ui.search.runner import SearchRunner
from loyaldesk.ui.search.snippet import SnippetDelegate

LIMIT = 500  # the newest matches shown


class SearchEverythingDialog(QDialog):
    """A window beside the main one (not modal): the user goes from one match to the next."""

    hit_open_requested = Signal(object)  # the SearchHit

    def __init__(self, db_path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchEverything")
        self.setWindowTitle(self.tr("Search everything"))
        self.setModal(False)
        self.query = QLineEdit()
        self.query.setObjectName("searchEverythingQuery")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("Words from sessions, contacts, notes and feedback, or a phone number"))
        self.query.addAction(labels.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.query.setAccessibleName(self.tr("Search everything"))
        self.query.setAccessibleDescription(self.query.placeholderText())
        self.status = QLabel(self.tr("Type what was said: a word, a name of a subject, a phone number."))
        self.status.setObjectName("searchEverythingStatus")
        self.status.setWordWrap(True)
        self.model = HitsModel(self)
        self.table = QTableView()
        self.table.setObjectName("searchEverythingResults")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(SNIPPET, SnippetDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAccessibleName(self.tr("Matches, newest first"))
        self.table.setAccessibleDescription(self.tr("Return opens the client's history at that entry"))
        header = self.table.horizontalHeader()
        fm = self.fontMetrics()
        self.table.setColumnWidth(DATE, fm.horizontalAdvance("2026-12-31") + 20)
        self.table.setColumnWidth(CLIENT, fm.horizontalAdvance("M") * 9)
        self.table.setColumnWidth(SOURCE, max(fm.horizontalAdvance(self.model.headerData(SOURCE, Qt.Orientation.Horizontal)),
                                              *(fm.horizontalAdvance(t) for t in _source_texts())) + 24)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._on_table_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        from loyaldesk.ui.layouts import fit_to_screen

        fit_to_screen(self, 860, 520)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.query.textChanged.connect(self._on_query_text_changed)
        self.query.returnPressed.connect(self._on_query_return_pressed)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.query)
        down.activated.connect(self._on_query_down)
        self.runner = SearchRunner(db_path, self._on_search_done, self._on_search_failed, self)

    # --- searching ---------------------------------------------------------------------
    def search_for(self, text: str) -> None:
        """Show the matches of the text (as typed in the box), at once."""
        self.query.setText(text)
        self._timer.stop()
        self._on_timer_timeout()

    def _on_query_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_query_return_pressed(self) -> None:
        self._timer.stop()
        if self.query.text().strip() != self.runner.latest_query.strip() or not self.runner.running:
            self._on_timer_timeout()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _on_query_down(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _on_timer_timeout(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.runner.cancel()
            self.model.set_hits([])
            self.status.setText(self.tr("Type what was said: a word, a name of a subject, a phone number."))
            return
        self.status.setText(self.tr("Searching…"))
        self.runner.start(text, LIMIT)

    def _on_search_done(self, query: str, hits: list) -> None:
        self.model.set_hits(hits)
        if not hits:
            self.status.setText(self.tr("Nothing found for “%1”.").replace("%1", query))
        elif len(hits) >= LIMIT:
            self.status.setText(self.tr("The newest %1 matches for “%2” (there are more: add a word to narrow "
                                        "the search).").replace("%1", f"{len(hits):,}").replace("%2", query))
        else:
            self.status.setText(self.tr("%1 matches for “%2”, newest first.").replace("%1", f"{len(hits):,}")
                                .replace("%2", query))

    def _on_search_failed(self, exc) -> None:
        message = exc.message if isinstance(exc, LoyalDeskError) else str(exc)
        self.status.setText(self.tr("The search failed: %1").replace("%1", message))

    # --- opening -------------------------------------------------------------------------
    def _on_table_activated(self, index) -> None:
        hit = self.model.hit_at(index.row())
        if hit is not None:
            self.hit_open_requested.emit(hit)

    def closeEvent(self, event) -> None:
        self.runner.cancel()
        super().closeEvent(event)


def _source_texts() -> list[str]:
    from loyaldesk.ui.search.model import source_labels

    return list(source_labels().values())
