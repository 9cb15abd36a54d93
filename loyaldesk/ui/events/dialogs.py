"""Dialogs of the Events screen: an event, a recognition, a helper from the event committee."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from loyaldesk.core.events import Event
from loyaldesk.core.i18n import current_language
from loyaldesk.ui.clients.dialogs import _FormDialog
from loyaldesk.ui.events.models import kind_labels
from loyaldesk.ui.money_edit import MoneyEdit
from loyaldesk.ui.services import AppServices


class EventDialog(_FormDialog):
    """Create or edit an event: its title in Japanese and in English (each language's letters take their own), kind,
    date, start and end time, place (and its English form), online, capacity, fee, reply deadline, how to reply
    (as each language's letters say it), notes."""

    def __init__(self, services: AppServices, event: Event | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.event = event
        self.saved: Event | None = None
        self.setWindowTitle(self.tr("Edit event") if event else self.tr("New event"))
        self.setMinimumWidth(520)
        self.title_ja = QLineEdit(event.own_title("ja") if event else "")
        self.title_ja.setObjectName("eventTitleJa")
        self.title_ja.setPlaceholderText("春の経営勉強会")
        self.title_en = QLineEdit(event.own_title("en") if event else "")
        self.title_en.setObjectName("eventTitleEn")
        self.title_en.setPlaceholderText("Spring business study session")
        self.title = self.title_ja if current_language() == "ja" else self.title_en  # the list's title
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
        self.has_end = QCheckBox(self.tr("until"))
        self.has_end.setObjectName("eventHasEnd")
        end = event.ends_at if event and event.ends_at else start + dt.timedelta(hours=2)
        self.ends_at = QTimeEdit(QTime(end.hour, end.minute))
        self.ends_at.setDisplayFormat("HH:mm")
        self.ends_at.setObjectName("eventEndsAt")
        self.has_end.setChecked(bool(event and event.ends_at) or event is None)
        self.ends_at.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.ends_at.setEnabled)
        self.place = QLineEdit(event.place if event else "")
        self.place_en = QLineEdit(event.place_en if event else "")
        self.place_en.setObjectName("eventPlaceEn")
        self.place_en.setPlaceholderText(self.tr("as English letters write it (empty: the place above)"))
        self.online = QCheckBox(self.tr("Online"))
        self.online.setChecked(bool(event and event.online))
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("No limit"))
        self.capacity.setValue(event.capacity or 0 if event else 0)
        self.fee = MoneyEdit(services.currency())
        self.fee.setValue(event.fee if event else 0)
        self.has_reply_by = QCheckBox(self.tr("Reply by"))
        self.has_reply_by.setObjectName("eventHasReplyBy")
        deadline = event.reply_by if event and event.reply_by else start.date() - dt.timedelta(days=7)
        self.reply_by = QDateEdit(QDate(deadline.year, deadline.month, deadline.day))
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setDisplayFormat("yyyy-MM-dd")
        self.reply_by.setObjectName("eventReplyBy")
        self.has_reply_by.setChecked(bool(event and event.reply_by) or event is None)
        self.reply_by.setEnabled(self.has_reply_by.isChecked())
        self.has_reply_by.toggled.connect(self.reply_by.setEnabled)
        self.reply_how_ja = QLineEdit(event.reply_how_ja if event else "")
        self.reply_how_ja.setObjectName("eventReplyHowJa")
        self.reply_how_ja.setPlaceholderText("同封のはがきにて")
        self.reply_how_en = QLineEdit(event.reply_how_en if event else "")
        self.reply_how_en.setObjectName("eventReplyHowEn")
        self.reply_how_en.setPlaceholderText("with the enclosed card")
        for w in (self.reply_how_ja, self.reply_how_en):
            w.setToolTip(self.tr("Empty: the letters give your phone and e-mail from the sender profile of their "
                                 "language"))
        self.notes = QPlainTextEdit(event.notes if event else "")
        self.notes.setFixedHeight(70)
        self._fields.update(title=self.title, kind=self.kind, starts_at=self.starts_at, capacity=self.capacity,
                            fee=self.fee, ends_at=self.ends_at, reply_by=self.reply_by)
        self.form.addRow(self.tr("Title (&Japanese)"), self.title_ja)
        self.form.addRow(self.tr("Title (&English)"), self.title_en)
        self.form.addRow(self.tr("&Kind"), self.kind)
        when = QHBoxLayout()
        when.addWidget(self.starts_at, 1)
        when.addWidget(self.has_end)
        when.addWidget(self.ends_at)
        when_label = QLabel(self.tr("&Date and time"))
        when_label.setBuddy(self.starts_at)
        self.form.addRow(when_label, when)
        self.starts_at.setAccessibleName(self.tr("Date and time"))
        self.ends_at.setAccessibleName(self.tr("End time"))
        self.reply_by.setAccessibleName(self.tr("Reply deadline"))
        self.form.addRow(self.tr("&Place"), self.place)
        self.form.addRow(self.tr("Place in English"), self.place_en)
        self.form.addRow("", self.online)
        self.form.addRow(self.tr("&Capacity"), self.capacity)
        self.form.addRow(self.tr("&Fee"), self.fee)
        self.form.addRow(self.has_reply_by, self.reply_by)
        self.form.addRow(self.tr("How to reply (Japanese)"), self.reply_how_ja)
        self.form.addRow(self.tr("How to reply (English)"), self.reply_how_en)
        self.form.addRow(self.tr("&Notes"), self.notes)

    def save(self) -> None:
        q = self.starts_at.dateTime()
        d, t = q.date(), q.time()
        starts = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        end = self.ends_at.time()
        ja, en = self.title_ja.text().strip(), self.title_en.text().strip()
        deadline = self.reply_by.date()
        event = Event(
            self.event.id if self.event else None, self.title.text().strip() or ja or en, self.kind.currentData(),
            starts, self.place.text(), self.online.isChecked(), self.capacity.value() or None, self.fee.value(),
            self.notes.toPlainText(),
            self.event.early_wave_on if self.event else None, self.event.general_wave_on if self.event else None,
            title_ja=ja, title_en=en,
            ends_at=dt.datetime.combine(starts.date(), dt.time(end.hour(), end.minute())) if self.has_end.isChecked()
            else None,
            reply_by=dt.date(deadline.year(), deadline.month(), deadline.day()) if self.has_reply_by.isChecked()
            else None,
            reply_how_ja=self.reply_how_ja.text(), reply_how_en=self.reply_how_en.text(), place_en=self.place_en.text(),
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
            self.form.addRow(self.tr("Event"), _label(event.title_for(current_language())))
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
        self.setWindowTitle(self.tr("Add a helper") + f" — {event.title_for(current_language())}")
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
