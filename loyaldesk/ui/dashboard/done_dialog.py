"""Done, in one small step: how the contact happened (channel preselected from the suggestion),
an optional note, the date (today). Enter confirms."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.ui import labels


class DoneDialog(QDialog):
    def __init__(self, suggestion, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doneDialog")
        self.suggestion = suggestion
        what = labels.suggestion_label(suggestion.kind, suggestion.template)
        self.setWindowTitle(self.tr("Done: %1").replace("%1", what))
        head = QLabel(self.tr("%1 · %2").replace("%1", what).replace("%2", suggestion.client_name))
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        head.setWordWrap(True)

        self.channel = QComboBox()
        self.channel.setObjectName("doneChannel")
        for key, text in labels.channel_labels().items():
            self.channel.addItem(text, key)
        self.channel.setCurrentIndex(max(0, self.channel.findData(suggestion.channel)))
        self.note = QLineEdit()
        self.note.setObjectName("doneNote")
        self.note.setPlaceholderText(self.tr("Optional: what you talked about, what to remember"))
        self.note.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 28)
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setObjectName("doneDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))  # a contact that happened

        form = QFormLayout()
        form.addRow(self.tr("&How"), self.channel)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(self.tr("&Date"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log the contact"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note.setFocus()

    def chosen_channel(self) -> str:
        return self.channel.currentData()

    def chosen_note(self) -> str:
        return self.note.text().strip()

    def chosen_date(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())
