"""Run long work off the GUI thread, with a progress bar and a cancel button.

The work function runs in a QThreadPool worker and receives a `Progress` object to report
fractions and to check for cancellation. It must open its own database connection.
Results, errors and cancellation come back to the GUI thread through signals; the worker
never touches a widget and the GUI never calls processEvents().
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside work when the user pressed Cancel."""


class Progress:
    """Handed to the work function: report progress, ask whether to stop."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._hooks: list[Callable[[], Any]] = []

    def report(self, fraction: float) -> None:
        self._signals.progressed.emit(max(0.0, min(1.0, float(fraction))))

    def say(self, text: str) -> None:
        """Tell the user what the work is doing now (the progress dialog's text): "busy, waiting…"."""
        self._signals.said.emit(text)

    def tick(self, fraction: float) -> None:
        """Report progress and stop here (raise Cancelled) if the user pressed Cancel.

        Pass it to core functions that take a `progress` callback: they clean up and re-raise.
        """
        self.report(fraction)
        self.check()

    def on_cancel(self, hook: Callable[[], Any]) -> None:
        """Run hook (from the GUI thread) when the work is cancelled: e.g. the worker's own
        connection.interrupt, which stops a long SQL query at once (it is thread-safe)."""
        self._hooks.append(hook)
        if self._cancel.is_set():
            hook()

    def cancel(self) -> None:
        self._cancel.set()
        for hook in list(self._hooks):
            try:
                hook()
            except Exception:  # a closed connection: nothing left to stop
                log.debug("cancel hook failed", exc_info=True)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    progressed = Signal(float)
    said = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals
        self._progress = progress

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError as exc:  # the window that asked is gone (closed, app quitting): nobody to tell
            if "deleted" not in str(exc):
                raise
            log.info("background work finished after its window closed")

    def _run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, which shows it
            if self._progress.cancelled:
                self._signals.cancelled.emit()
                return
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc)
        else:
            if self._progress.cancelled:
                self._signals.cancelled.emit()
            else:
                self._signals.succeeded.emit(result)


class Operation(QObject):
    """One piece of background work with a modal progress dialog (none when quiet).

    Quiet operations are the short refreshes a screen does on its own (the dashboard's
    figures, the tiers after a change): the screen shows that it is updating, and the
    user is never blocked by a dialog for them.
    """

    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception
    cancelled = Signal()
    progressed = Signal(float)  # the fraction done (quiet operations show it their own way)
    said = Signal(str)  # what the work is doing now (Progress.say), shown in the dialog

    def __init__(self, parent: QWidget | None, label: str, fn: Callable[[Progress], Any], quiet: bool = False) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._fn = fn
        self._signals.progressed.connect(self._on_worker_progressed)
        self._signals.said.connect(self._on_worker_said)
        self._signals.succeeded.connect(self._on_worker_succeeded)
        self._signals.failed.connect(self._on_worker_failed)
        self._signals.cancelled.connect(self._on_worker_cancelled)
        self.done = False
        self._dialog = None
        if quiet:
            return
        self._dialog = QProgressDialog(label, self.tr("Cancel"), 0, 1000, parent)
        self._dialog.setWindowTitle(self.tr("Working…"))
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(300)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._dialog.setValue(0)
        self._dialog.canceled.connect(self._on_dialog_canceled)

    def start(self) -> Operation:
        _LIVE.add(self)
        QThreadPool.globalInstance().start(_Runnable(self._fn, self._signals, self.progress))
        return self

    def cancel(self) -> None:
        """Ask the work to stop; `cancelled` follows when it has."""
        self.progress.cancel()

    def _on_dialog_canceled(self) -> None:
        self.progress.cancel()
        self._dialog.setLabelText(self.tr("Cancelling…"))

    def _on_worker_progressed(self, fraction: float) -> None:
        if not self.done and self._dialog is not None:
            self._dialog.setValue(int(fraction * 1000))
        if not self.done:
            self.progressed.emit(fraction)

    def _on_worker_said(self, text: str) -> None:
        if self.done:
            return
        if self._dialog is not None and not self.progress.cancelled:
            self._dialog.setLabelText(text)
            self._dialog.show()  # at once: the wait may be long
        self.said.emit(text)

    def _finish(self) -> None:
        self.done = True
        _LIVE.discard(self)
        if self._dialog is None:
            return
        self._dialog.canceled.disconnect(self._on_dialog_canceled)
        self._dialog.close()
        self._dialog.deleteLater()

    def _on_worker_succeeded(self, result: object) -> None:
        self._finish()
        self.finished.emit(result)

    def _on_worker_failed(self, exc: object) -> None:
        self._finish()
        text = getattr(exc, "__traceback_text__", "")
        if text:
            log.error("background work failed:\n%s", text)
        self.failed.emit(exc)

    def _on_worker_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()


_LIVE: set[Operation] = set()  # started and not finished (kept alive until they report)


def cancel_all() -> None:
    """Ask every running operation to stop (the database is about to close)."""
    for op in list(_LIVE):
        if not op.done:
            op.cancel()


def run_in_background(parent: QWidget | None, label: str, fn: Callable[[Progress], Any]) -> Operation:
    return Operation(parent, label, fn).start()


def run_quietly(parent: QObject | None, fn: Callable[[Progress], Any]) -> Operation:
    """Background work without a dialog (a screen's own refresh); see Operation."""
    return Operation(parent, "", fn, quiet=True).start()
