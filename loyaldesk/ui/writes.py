"""Controls that change the practice, disabled as a whole when the practice is open read-only.

Every screen hands its write controls (buttons, tool buttons, actions) to `WriteControls.guard` once it
has built them. In a writable practice nothing happens. In a read-only one (a read-only folder, file or
disk) each control is disabled at once, its tooltip says why (the same reason as the status bar's
"Read-only" badge), and it stays disabled: a screen that later enables it again (a client selected, a
row of Today's list chosen) does not bring it back, and a tooltip set later keeps the reason. So a
write is never offered and then refused after the fact.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class WriteControls(QObject):
    """The write controls of one window's practice (one per AppServices)."""

    def __init__(self, read_only: bool, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read_only = read_only
        self.reason = reason  # the user's words: why nothing can be saved
        self._guarded: list = []

    def guard(self, *controls: QWidget | QAction) -> None:
        """Mark `controls` as changing the practice: disabled with the reason when read-only."""
        if not self.read_only:
            return
        for control in controls:
            if control is None:
                continue
            control.setProperty("writeControl", True)
            if isinstance(control, QAction):
                control.changed.connect(lambda c=control: self._keep_disabled(c))
            else:
                control.installEventFilter(self)
            self._keep_disabled(control)

    def is_guarded(self, control: QWidget | QAction) -> bool:
        return bool(control.property("writeControl")) and self.read_only

    def _keep_disabled(self, control) -> None:
        if control.isEnabled():
            control.setEnabled(False)
        tip = control.toolTip()
        if self.reason not in tip:
            control.setToolTip(f"{tip}\n\n{self.reason}" if tip and isinstance(control, QWidget) else self.reason)
        if isinstance(control, QAction) and control.statusTip() != self.reason:
            control.setStatusTip(self.reason)  # said in the status bar when hovered in a menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange) and isinstance(watched, QWidget):
            self._keep_disabled(watched)
        return False
