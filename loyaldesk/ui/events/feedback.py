"""The Feedback rounds tab of the Events screen: before launching a new service, ask the vip and candidate
clients what they think; who was asked, who took part and what they said."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core import events
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import labels
from loyaldesk.ui.events.models import FeedbackModel, table_view
from loyaldesk.ui.ops import run_in_background
from loyaldesk.ui.services import AppServices
from loyaldesk.ui import theme


class FeedbackView(QWidget):
    invited = Signal(int)  # the number of clients a round just invited
    error_raised = Signal(object)

    def __init__(self, services: AppServices, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._writable = writable
        self._op = None
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("feedbackRound")
        self.round_combo.setMinimumContentsLength(24)
        self.round_combo.currentIndexChanged.connect(self._on_round_changed)
        self.new_round_button = QPushButton(labels.icon("add"), self.tr("New feedback round…"))
        self.new_round_button.clicked.connect(self.new_round)
        self.invite_round_button = QPushButton(labels.icon("vip"), self.tr("Invite VIP and candidate clients…"))
        self.invite_round_button.clicked.connect(self.invite_round)
        self.round_label = QLabel()
        self.round_label.setObjectName("roundLabel")
        self.round_label.setWordWrap(True)
        theme.style(self.round_label, "color: $muted;")
        self.feedback_model = FeedbackModel(self)
        self.feedback_model.writable = writable
        services.writes.guard(self.new_round_button, self.invite_round_button)
        self.feedback_model.feedback_edited.connect(self._on_feedback_edited)
        self.feedback = table_view(self.feedback_model, "feedbackTable")
        self.feedback.setAccessibleName(self.tr("Feedback rounds"))
        self.feedback.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                      | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.feedback.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.round_combo)
        row.addWidget(self.new_round_button)
        row.addStretch(1)
        row.addWidget(self.invite_round_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.round_label)
        layout.addWidget(self.feedback, 1)

    def reload(self) -> None:
        """The feedback rounds (keeping the chosen one) and the participants of the chosen round."""
        keep = self.round_combo.currentData()
        rounds = events.feedback_rounds(self.services.db)
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in rounds:
            self.round_combo.addItem(f"{r.title} ({r.date.isoformat()})", r.id)
        index = self.round_combo.findData(keep) if keep is not None else -1
        self.round_combo.setCurrentIndex(index if index >= 0 else (0 if rounds else -1))
        self.round_combo.blockSignals(False)
        self._show_round()

    def _show_round(self) -> None:
        round_id = self.round_combo.currentData()
        chosen = next((r for r in events.feedback_rounds(self.services.db) if r.id == round_id), None)
        self.round_combo.setEnabled(chosen is not None)
        self.invite_round_button.setEnabled(chosen is not None and self._writable)
        self.new_round_button.setEnabled(self._writable)
        if chosen is None:
            self.feedback_model.set_participants([])
            self.feedback.hide()
            self.round_label.setText(self.tr("No feedback round yet. Before launching a new service, ask your VIP "
                                             "and candidate clients what they think: New feedback round…"))
            return
        self.feedback.show()
        self.feedback_model.set_participants(events.feedback_participants(self.services.db, chosen.id))
        self.round_label.setText(self.tr("%1 invited · %2 took part").replace("%1", str(chosen.invited))
                                 .replace("%2", str(chosen.took_part)))

    def _on_round_changed(self, _index: int) -> None:
        self._show_round()

    def new_round(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(self, self.tr("New feedback round"),
                                         self.tr("The new service to ask about:"))
        if not ok:
            return
        try:
            saved = self.services.create_feedback_round(title)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)
            return
        self.round_combo.setCurrentIndex(self.round_combo.findData(saved.id))

    def invite_round(self) -> None:
        round_id = self.round_combo.currentData()
        if round_id is None or self._op is not None:
            return
        from loyaldesk.core.db import open_database

        path, as_of = self.services.db.path, self.services.as_of()

        def work(progress):
            with open_database(path, create=False) as own:
                return events.round_candidates(own, round_id, as_of)

        self._op = run_in_background(self, self.tr("Building the invitation list…"), work)
        self._op.finished.connect(lambda ids: self._on_round_candidates(round_id, ids))
        self._op.failed.connect(self._on_op_ended)
        self._op.cancelled.connect(self._on_op_ended)

    def _on_round_candidates(self, round_id: int, ids: list[int]) -> None:
        self._op = None
        if not ids:
            self.round_label.setText(self.tr("Every VIP and candidate client is already invited to this round."))
            return
        answer = QMessageBox.question(
            self, self.tr("Invite"),
            self.tr("Invite %1 VIP and candidate clients to give feedback?").replace("%1", f"{len(ids):,}"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            added = self.services.invite_to_feedback_round(round_id, ids)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)
            return
        self.invited.emit(added)

    def _on_feedback_edited(self, client_id: int, took_part: bool, note: str) -> None:
        round_id = self.round_combo.currentData()
        if round_id is None:
            return
        try:
            self.services.record_feedback(round_id, client_id, took_part, note)
        except LoyalDeskError as exc:
            self.error_raised.emit(exc)

    def _on_op_ended(self, exc: BaseException | None = None) -> None:
        """The list of candidates failed (exc) or was cancelled."""
        self._op = None
        if exc is not None:
            self.error_raised.emit(exc)
