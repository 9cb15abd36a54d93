"""Searches run in a worker with its own connection: the newest query wins, older answers are dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from loyaldesk.ui.ops import run_quietly


class SearchRunner(QObject):
    """Runs loyaldesk.core.search.search off the GUI thread (a query of one or two characters scans every
    text: about a second at a million sessions). Only the answer to the latest query is delivered."""

    def __init__(self, path: Path, on_done: Callable[[str, object], None], on_failed: Callable[[object], None],
                 parent: QObject | None = None, work: Callable | None = None) -> None:
        """work(db, query, limit) gives the answer (default: loyaldesk.core.search.search's hits)."""
        super().__init__(parent)
        self._work = work
        self._path = path
        self._on_done = on_done
        self._on_failed = on_failed
        self._op = None
        self._generation = 0
        self.latest_query = ""

    def start(self, query: str, limit: int) -> None:
        from loyaldesk.core import search
        from loyaldesk.core.db import open_database

        self._generation += 1
        generation = self._generation
        self.latest_query = query
        if self._op is not None and not self._op.done:
            self._op.cancel()
        path = self._path
        answer = self._work or (lambda db, text, most: search.search(db, text, limit=most))

        def work(progress):
            with open_database(path, create=False, migrate=False) as db:
                progress.on_cancel(db.conn.interrupt)
                return generation, query, answer(db, query, limit)

        op = run_quietly(self, work)
        op.finished.connect(self._on_op_finished)
        op.failed.connect(lambda exc, g=generation: self._on_op_failed(g, exc))
        self._op = op

    def cancel(self) -> None:
        self._generation += 1
        if self._op is not None and not self._op.done:
            self._op.cancel()

    @property
    def running(self) -> bool:
        return self._op is not None and not self._op.done

    def _on_op_finished(self, result) -> None:
        generation, query, hits = result
        if generation == self._generation:
            self._on_done(query, hits)

    def _on_op_failed(self, generation: int, exc) -> None:
        if generation == self._generation:
            self._on_failed(exc)
