"""Keyboard and screen-reader use: Tab leaves lists and text boxes, and a focused widget shows it.

`prepare(root)` is called on the main window and on dialogs once they are built: every list and table
under it moves between rows with the arrow keys and lets Tab go on to the next control (Qt's default
moves from cell to cell and never leaves the table), and a multi-line text box takes Tab as "next
control" (Ctrl+Tab still types a tab, as in Qt's default text boxes).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit, QWidget


def prepare(root: QWidget) -> None:
    """Keyboard-friendly lists and text boxes under `root` (and `root` itself)."""
    for view in [root, *root.findChildren(QAbstractItemView)]:
        if isinstance(view, QAbstractItemView):
            view.setTabKeyNavigation(False)
    for edit in [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]:
        edit.setTabChangesFocus(True)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces for `widget`: its accessible name, else what Qt derives (a button's
    text, the label whose buddy it is, a window's title)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


class RowKeys(QObject):
    """Return, Space and Delete on the current row of a list, each mapped to what the screen does with it.

    Installed as an event filter on a view: `on_return`, `on_space`, `on_delete` take no argument and act on
    the current row; a key without a handler keeps its default (Space selects)."""

    def __init__(self, view: QAbstractItemView, *, on_return=None, on_space=None, on_delete=None) -> None:
        super().__init__(view)
        self._view = view
        self._handlers = {Qt.Key.Key_Return: on_return, Qt.Key.Key_Enter: on_return, Qt.Key.Key_Space: on_space,
                          Qt.Key.Key_Delete: on_delete}
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._view and event.type() == QEvent.Type.KeyPress \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            handler = self._handlers.get(Qt.Key(event.key()))
            if handler is not None and self._view.currentIndex().isValid():
                handler()
                return True
        return super().eventFilter(watched, event)
