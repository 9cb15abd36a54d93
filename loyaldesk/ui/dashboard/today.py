"""Today: the day's personal actions (at most the daily capacity), the group mailings, the
backlog and the week ahead (loyaldesk.core.today). The selected action is shown in full beside
the list with its buttons; keys: Enter opens, D done, L letter, S snooze, Delete dismiss."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.ui import labels
from loyaldesk.ui.dashboard.model import Column, SuggestionsModel

VIEWS = ("today", "backlog", "week")
BANNER_MS = 20000  # the confirmation with its Undo stays this long


class TodayPanel(QWidget):
    action_requested = Signal(object, str)  # suggestion, action: done, letter, snooze, dismiss, open
    batch_requested = Signal(object)  # a Batch to prepare (postcards, letters, the event, a feedback round)
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPanel")
        self.plan = None
        self.view = "today"

        self.title = QLabel(self.tr("Today"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("todayProgress")
        self.view_buttons: dict[str, QPushButton] = {}
        self._view_group = QButtonGroup(self)
        self._view_group.setExclusive(True)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(10)
        head.addWidget(self.progress_label, 1)
        for view in VIEWS:
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"view_{view}")
            button.clicked.connect(lambda _checked=False, v=view: self.show_view(v))
            self._view_group.addButton(button)
            self.view_buttons[view] = button
            head.addWidget(button)
        self.view_buttons["today"].setChecked(True)

        self.note_label = QLabel()  # over capacity, the backlog's order: what the consultant should know
        self.note_label.setObjectName("todayNote")
        self.note_label.setWordWrap(True)
        self.note_label.hide()

        self.model = SuggestionsModel(self)
        self.table = QTableView()
        self.table.setObjectName("suggestionsTable")
        self.table.setAccessibleName(self.tr("Today's plan"))
        self.table.setAccessibleDescription(self.tr("Return opens the client · Space or D: done… · L: write a letter · "
                                                    "S: snooze · Delete: dismiss"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons of the selected action
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.REASON, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        em = fm.horizontalAdvance("M")
        self.table.setColumnWidth(Column.DUE, fm.horizontalAdvance("2026-12-31") + 2 * em)
        self.table.setColumnWidth(Column.ACTION, 12 * em)
        self.table.setColumnWidth(Column.CLIENT, 9 * em)
        self.table.doubleClicked.connect(lambda index: self._emit_action("open", index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("todayEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        # the selected action, in full, with its buttons
        self.detail = QFrame()
        self.detail.setObjectName("actionDetail")
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        bold = self.detail_title.font()
        bold.setBold(True)
        self.detail_title.setFont(bold)
        self.detail_reason = QLabel()
        self.detail_reason.setObjectName("actionReason")
        self.detail_reason.setWordWrap(True)
        self.detail_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {
            "done": QPushButton(self.tr("&Done…")),
            "letter": QPushButton(self.tr("Write a &letter…")),
            "snooze": QPushButton(self.tr("&Snooze")),
            "dismiss": QPushButton(self.tr("Dismiss")),
            "open": QPushButton(self.tr("&Open")),
        }
        tips = {
            "done": self.tr("Log how the contact happened (key D)"),
            "letter": self.tr("Write the letter for this action (key L)"),
            "snooze": self.tr("Hide it until a later day (key S)"),
            "dismiss": self.tr("Not this time: hide it for this occasion (key Delete)"),
            "open": self.tr("Open the client, the event or the role (key Enter)"),
        }
        self.buttons["done"].setObjectName("doneButton")
        button_row = QHBoxLayout()
        button_row.setSpacing(6)
        for action, button in self.buttons.items():
            button.setToolTip(tips[action])
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _checked=False, a=action: self._emit_action(a))
            button_row.addWidget(button)
        button_row.addStretch(1)
        reason_scroll = QScrollArea()
        reason_scroll.setAccessibleName(self.tr("Why this contact"))
        reason_scroll.setWidgetResizable(True)
        reason_scroll.setFrameShape(QFrame.Shape.NoFrame)
        reason_scroll.setWidget(self.detail_reason)
        self.detail_reason.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(reason_scroll, 1)
        self.detail.setMinimumWidth(14 * em)
        self.detail.setMaximumWidth(24 * em)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.empty_label, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(list_box)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)

        # the confirmation of the last action, with its Undo
        self.banner = QFrame()
        self.banner.setObjectName("confirmation")
        self.banner.setStyleSheet("QFrame#confirmation { background: palette(alternate-base); border-radius: 4px; }")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.undo_button)
        self.banner.hide()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.setInterval(BANNER_MS)
        self._banner_timer.timeout.connect(self.banner.hide)

        # the group mailings and the backlog line
        self.batches_title = QLabel(self.tr("Group mailings"))
        self.batches_title.setFont(bold)
        self.batches = QListWidget()
        self.batches.setObjectName("batchesList")
        self.batches.setAccessibleName(self.tr("Group mailings"))
        self.batches.setWordWrap(True)
        self.batches.itemActivated.connect(self._on_batch_activated)
        self.batches.setToolTip(self.tr("Enter or double-click prepares the cards, letters or invitations "
                                        "with these clients chosen"))
        self.batches.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.prepare_button = QPushButton(self.tr("&Prepare…"))
        self.prepare_button.setObjectName("prepareBatch")
        self.prepare_button.clicked.connect(lambda: self._on_batch_activated(self.batches.currentItem()))
        batch_head = QHBoxLayout()
        batch_head.addWidget(self.batches_title, 1)
        batch_head.addWidget(self.prepare_button)
        self.backlog_label = QLabel()
        self.backlog_label.setObjectName("backlogLine")
        self.backlog_label.setWordWrap(True)
        self.backlog_button = QPushButton(self.tr("Show the &backlog"))
        self.backlog_button.clicked.connect(lambda: self.show_view("backlog"))
        backlog_row = QHBoxLayout()
        backlog_row.addWidget(self.backlog_label, 1)
        backlog_row.addWidget(self.backlog_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.note_label)
        layout.addWidget(self.split, 1)
        layout.addLayout(button_row)
        layout.addWidget(self.banner)
        layout.addLayout(backlog_row)
        layout.addLayout(batch_head)
        layout.addWidget(self.batches)
        previous = self.table
        for button in self.buttons.values():  # Tab from the list goes to the selected action's buttons
            QWidget.setTabOrder(previous, button)
            previous = button
        self._update_detail(None)

    # --- showing ---------------------------------------------------------------------------
    def set_plan(self, plan) -> None:
        self.plan = plan
        n_week = len(plan.upcoming)
        self.view_buttons["today"].setText(self.tr("Today (%1)").replace("%1", str(len(plan.plan))))
        self.view_buttons["backlog"].setText(self.tr("Backlog (%1)").replace("%1", f"{len(plan.backlog):,}"))
        self.view_buttons["week"].setText(self.tr("This week (%1)").replace("%1", str(n_week)))
        day = plan.date
        self.title.setText(self.tr("Today, %1").replace("%1", day.isoformat()))
        self.progress_label.setText(
            self.tr("%1 of %2 done").replace("%1", str(plan.done_today)).replace("%2", str(plan.planned_today))
            if plan.planned_today else "")
        if plan.backlog:
            self.backlog_label.setText(
                self.tr("%1 more · at %2 a day, caught up by %3").replace("%1", f"{len(plan.backlog):,}")
                .replace("%2", str(plan.capacity)).replace("%3", plan.caught_up_by.isoformat()))
        else:
            self.backlog_label.setText(self.tr("No backlog: everything due is in today's plan."))
        self.backlog_button.setVisible(bool(plan.backlog) and self.view != "backlog")
        self.batches.clear()
        for batch in plan.batches:
            item = QListWidgetItem(labels.icon(_BATCH_ICONS.get(batch.tool, "letter")), batch.title)
            item.setData(Qt.ItemDataRole.UserRole, batch)
            item.setToolTip(self._batch_hint(batch))
            self.batches.addItem(item)
        if plan.batches:
            self.batches.setCurrentRow(0)
        rows = max(1, min(len(plan.batches), 3))
        self.batches.setFixedHeight(rows * (self.batches.fontMetrics().height() + 10) + 6)
        for w in (self.batches_title, self.batches, self.prepare_button):
            w.setVisible(bool(plan.batches))
        self.show_view(self.view)

    def _batch_hint(self, batch) -> str:
        return {
            "postcards": self.tr("Opens Addresses with these clients: print the cards, then record them as sent"),
            "letters": self.tr("Opens Letters with these clients and the template"),
            "event": self.tr("Opens the event: send the early invitation wave"),
            "feedback": self.tr("Opens the feedback rounds: invite these clients to give their views"),
        }.get(batch.tool, "")

    def show_view(self, view: str) -> None:
        self.view = view
        self.view_buttons[view].setChecked(True)
        plan = self.plan
        if plan is None:
            return
        current = self.current_suggestion()
        planned = None
        if view == "today":
            items = plan.plan
            note = ""
            if plan.over_capacity:
                note = self.tr("Time-critical actions alone are more than %1 today: all of them are in the plan.") \
                    .replace("%1", str(plan.capacity))
            empty = (self.tr("All done for today. Well done.") if plan.done_today
                     else self.tr("Nothing is due today. Well done."))
        elif view == "backlog":
            items, planned = plan.backlog, plan.backlog_days
            note = self.tr("In the order the coming days take them, the most valuable first; at most %1 a day for "
                           "dormant clients (silent for a long time) while others wait. Nothing is lost: what you "
                           "do not reach today comes tomorrow.").replace("%1", str(plan.dormant_per_day)) if plan.backlog else ""
            empty = self.tr("No backlog: everything due is in today's plan.")
        else:
            items = plan.upcoming
            note = self.tr("Due in the next 7 days: birthdays, anniversaries, follow-ups.") if items else ""
            empty = self.tr("Nothing becomes due in the next 7 days.")
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self.backlog_button.setVisible(bool(plan.backlog) and view != "backlog")
        self.model.set_suggestions(items, plan.date, planned)
        self.table.setVisible(bool(items))
        self.empty_label.setText(empty)
        self.empty_label.setVisible(not items)
        row = 0
        if current is not None:
            row = next((i for i, s in enumerate(items) if s.key == current.key), 0)
        if items:
            self.table.selectRow(row)
        else:
            self._update_detail(None)

    @property
    def suggestions(self) -> list:
        return [self.model.suggestion_at(r) for r in range(self.model.rowCount())]

    def current_suggestion(self):
        index = self.table.currentIndex()
        return self.model.suggestion_at(index.row()) if index.isValid() else None

    def _on_current_row_changed(self, current, _previous) -> None:
        self._update_detail(self.model.suggestion_at(current.row()) if current.isValid() else None)

    def _update_detail(self, suggestion) -> None:
        for button in self.buttons.values():
            button.setEnabled(suggestion is not None)
        if suggestion is None:
            self.detail_title.setText("")
            self.detail_reason.setText("")
            return
        what = labels.suggestion_label(suggestion.kind, suggestion.template)
        self.detail_title.setText(f"{what}\n{suggestion.client_name}")
        due = suggestion.due.isoformat()
        self.detail_reason.setText(f"{suggestion.reason}\n\n" + self.tr("Due %1 · by %2").replace("%1", due)
                                   .replace("%2", labels.channel_label(suggestion.channel)))

    # --- acting ------------------------------------------------------------------------------
    def _is_write_blocked(self, action: str) -> bool:
        """The action's button is a write control held disabled (a read-only practice)."""
        button = self.buttons.get(action)
        return button is not None and bool(button.property("writeControl")) and not button.isEnabled()

    def _emit_action(self, action: str, row: int | None = None) -> None:
        if self._is_write_blocked(action):  # its keyboard key does nothing either
            return
        suggestion = self.model.suggestion_at(row) if row is not None else self.current_suggestion()
        if suggestion is not None:
            self.action_requested.emit(suggestion, action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            action = {
                Qt.Key.Key_Return: "open", Qt.Key.Key_Enter: "open", Qt.Key.Key_D: "done", Qt.Key.Key_Space: "done",
                Qt.Key.Key_L: "letter",
                Qt.Key.Key_S: "snooze", Qt.Key.Key_Delete: "dismiss", Qt.Key.Key_Backspace: "dismiss",
            }.get(event.key())
            if action is not None:
                self._emit_action(action)
                return True
        return super().eventFilter(watched, event)

    def _on_table_context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        for action, text in (("done", self.tr("Done…")), ("letter", self.tr("Write a letter…")),
                             ("snooze", self.tr("Snooze")), ("dismiss", self.tr("Dismiss")),
                             ("open", self.tr("Open"))):
            item = menu.addAction(text, lambda a=action: self._emit_action(a, index.row()))
            if self._is_write_blocked(action):  # a read-only practice: disabled like its button, saying why
                item.setEnabled(False)
                item.setToolTip(self.buttons[action].toolTip())
        menu.setToolTipsVisible(True)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_batch_activated(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.batch_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def confirm(self, text: str) -> None:
        """The confirmation of an action, with its Undo, for a while."""
        self.banner_label.setText(text)
        self.banner.show()
        self._banner_timer.start()

    def _on_undo_clicked(self) -> None:
        self.banner.hide()
        self.undo_requested.emit()

    def snooze_button_pos(self):
        button = self.buttons["snooze"]
        return button.mapToGlobal(button.rect().bottomLeft())


_BATCH_ICONS = {"postcards": "postcard", "letters": "letter", "event": "events", "feedback": "contact"}
