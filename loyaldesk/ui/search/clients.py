"""The Clients screen's search box finds clients by what was said: the clients whose notes, sessions,
contacts or feedback match (and whose phone number matches in any formatting), with the newest
matching passage under the name. The search runs in a worker; the list filters names at once."""

from __future__ import annotations

from PySide6.QtCore import QObject

from loyaldesk.core import search
from loyaldesk.ui.search.runner import SearchRunner
from loyaldesk.ui.search.snippet import NameSnippetDelegate, two_line_height

SAID_LIMIT = 5000  # the newest matches read for their snippets (every client with a match is listed)


def _clients_and_hits(db, query: str, limit: int) -> tuple[set[int], list]:
    return search.matching_clients(db, query), search.search(db, query, limit=limit)


class SaidSearch(QObject):
    def __init__(self, screen) -> None:
        super().__init__(screen)
        self.screen = screen
        self._one_line = screen.table.verticalHeader().defaultSectionSize()
        self._delegate = NameSnippetDelegate(screen.table)
        from loyaldesk.ui.clients.model import Column

        screen.table.setItemDelegateForColumn(Column.NAME, self._delegate)
        self.runner = SearchRunner(screen.services.db.path, self._on_found, self._on_failed, self,
                                   work=_clients_and_hits)
        self.found_for = ""  # the text whose matches the list shows
        self._name_width: int | None = None  # the name column's width before snippets widened it

    def search(self, text: str) -> None:
        if not text.strip():
            self.runner.cancel()
            self.found_for = ""
            self._apply({})
            return
        self.runner.start(text, SAID_LIMIT)

    def _on_found(self, query: str, found) -> None:
        if query.strip() != self.screen.search.text().strip():
            return  # typed on meanwhile
        ids, hits = found
        self.found_for = query
        said = dict.fromkeys(ids)  # a client whose matches are older than the newest SAID_LIMIT: no snippet
        said.update(search.best_hit_per_client(hits))
        self._apply(said)

    def _on_failed(self, exc) -> None:
        self.screen.error_raised.emit(exc)

    def _apply(self, said: dict) -> None:
        screen = self.screen
        keep = screen._selected_id
        screen.model.set_said(said)
        showing = screen.model.has_said()
        height = two_line_height(screen.table) if showing else self._one_line
        screen.table.verticalHeader().setDefaultSectionSize(max(height, self._one_line))
        self._fit_name_column(showing)
        screen._update_empty_state()
        screen.select_client(keep)
        screen._emit_counts()


    def _fit_name_column(self, showing: bool) -> None:
        """Snippets shown: the name column takes up to 12 more characters of the list's free width
        (never pushing the other columns out of sight); back to its width when they go."""
        from loyaldesk.ui.clients.model import Column

        table = self.screen.table
        if showing and self._name_width is None:
            header = table.horizontalHeader()
            used = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
            free = table.viewport().width() - used
            if not table.verticalScrollBar().isVisible():  # taller rows will need it
                free -= table.style().pixelMetric(table.style().PixelMetric.PM_ScrollBarExtent)
            extra = min(max(0, free - 4), 12 * table.fontMetrics().horizontalAdvance("M"))
            if extra > 0:
                self._name_width = table.columnWidth(Column.NAME)
                table.setColumnWidth(Column.NAME, self._name_width + extra)
        elif not showing and self._name_width is not None:
            table.setColumnWidth(Column.NAME, self._name_width)
            self._name_width = None


def open_entry(screen, client_id: int, source: str, entry_id: int | None) -> None:
    """Show the client on the Clients screen, its history at the entry (a session, a contact, feedback)."""
    screen.show_client(client_id)
    detail = screen.detail
    if source == "client" or entry_id is None:
        return
    kind = {"session": "session", "touchpoint": "touchpoint", "feedback": "feedback"}[source]
    model = detail.timeline_model
    for row in range(model.rowCount()):
        entry = model.entry_at(row)
        if entry is not None and entry.kind == kind and entry.id == entry_id:
            sections = getattr(detail, "sections", None)  # the detail's tabs: History
            if sections is not None:
                sections.setCurrentWidget(detail.timeline)
            detail.timeline.selectRow(row)
            detail.timeline.scrollTo(model.index(row, 0))
            detail.timeline.setFocus()
            return
