"""Dialogs of the Events screen: an event, a recognition, a helper from the event committee."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from loyaldesk.core.events import Event
from loyaldesk.ui.clients.dialogs import _FormDialog
from loyaldesk.ui.events.models import kind_labels
from loyaldesk.ui.money_edit import MoneyEdit
from loyaldesk.ui.services import AppServices


class EventDialog(_FormDialog):
    """Create or edit an event: title, kind, date and time, place (or online), capacity, fee, notes."""

    def __init__(self, services: AppServices, event: Event | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.event = event
        self.saved: Event | None = None
        self.setWindowTitle(self.tr("Edit event") if event else self.tr("New event"))
        self.setMinimumWidth(460)
        self.title = QLineEdit(event.title if event else "")
        self.kind = QComboBox()
        for key, text in kind_labels().items():
            self.kind.addItem(text, key)
        if event:
            self.kind.setCurrentIndex(max(self.kind.findData(event.kind), 0))
        start = event.starts_at if event and event.starts_at else dt.datetime.combine(
            services.as_of() + dt.timedelta(days=30), dt.time(14, 0))
        self.starts_at = QDateTimeEdit(QDateTime(QDate(start.year, start.month, start.day),
                                                 QTime(start.hour, start.minute)))
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place = QLineEdit(event.place if event else "")
        self.online = QCheckBox(self.tr("Online"))
        self.online.setChecked(bool(event and event.online))
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("No limit"))
        self.capacity.setValue(event.capacity or 0 if event else 0)
        self.fee = MoneyEdit(services.currency())
        self.fee.setValue(event.fee if event else 0)
        self.notes = QPlainTextEdit(event.notes if event else "")
        self.notes.setFixedHeight(80)
        self._fields.update(title=self.title, kind=self.kind, starts_at=self.starts_at, capacity=self.capacity,
                            fee=self.fee)
        self.form.addRow(self.tr("&Title"), self.title)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Date and time"), self.starts_at)
        self.form.addRow(self.tr("&Place"), self.place)
        self.form.addRow("", self.online)
        self.form.addRow(self.tr("&Capacity"), self.capacity)
        self.form.addRow(self.tr("&Fee"), self.fee)
        self.form.addRow(self.tr("&Notes"), self.notes)

    def save(self) -> None:
        q = self.starts_at.dateTime()
        d, t = q.date(), q.time()
        event = Event(
            self.event.id if self.event else None, self.title.text(), self.kind.currentData(),
            dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()), self.place.text(),
            self.online.isChecked(), self.capacity.value() or None, self.fee.value(), self.notes.toPlainText(),
            self.event.early_wave_on if self.event else None, self.event.general_wave_on if self.event else None,
        )
        self.saved = self.services.save_event(event)


class RecognitionDialog(_FormDialog):
    """Recognize a client for the event (or a period), with a note."""

    def __init__(self, services: AppServices, client_id: int, client_name: str, event: Event | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client_id = client_id
        self.event = event
        self.saved = None
        self.setWindowTitle(self.tr("Recognize") + f" — {client_name}")
        self.setMinimumWidth(420)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Best progress"))
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("e.g. first half of 2026 (optional)"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self._fields.update(title=self.title)
        self.form.addRow(self.tr("&Award"), self.title)
        if event is not None:
            self.form.addRow(self.tr("Event"), _label(event.title))
        self.form.addRow(self.tr("&Period"), self.period)
        self.form.addRow(self.tr("&Note"), self.note)
        self.write_letter = QCheckBox(self.tr("Write the recognition letter next"))
        self.write_letter.setToolTip(self.tr("The letter from the recognition template, with the award and the note"))
        self.form.addRow("", self.write_letter)

    def save(self) -> None:
        self.saved = self.services.award_recognition(
            self.client_id, self.title.text(), event_id=self.event.id if self.event else None,
            period=self.period.text(), note=self.note.toPlainText())


class HelperDialog(_FormDialog):
    """Assign a member of the event committee to the event, with a task."""

    def __init__(self, services: AppServices, event: Event, committee: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.event = event
        self.setWindowTitle(self.tr("Add a helper") + f" — {event.title}")
        self.setMinimumWidth(380)
        self.member = QComboBox()
        for cid, name in committee:
            self.member.addItem(name, cid)
        self.task = QLineEdit()
        self.task.setPlaceholderText(self.tr("e.g. reception"))
        self._fields.update(client=self.member)
        self.form.addRow(self.tr("&Committee member"), self.member)
        self.form.addRow(self.tr("&Task"), self.task)

    def save(self) -> None:
        self.services.assign_event_helper(self.event.id, self.member.currentData(), self.task.text())


def _label(text: str):
    from PySide6.QtWidgets import QLabel

    return QLabel(text)
