"""Dialogs to create and edit a client, log a session, log a contact and give a tag or role."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core import dates
from loyaldesk.core.errors import LoyalDeskError, ValidationError
from loyaldesk.core.migrations import CHANNELS
from loyaldesk.core.models import Client, Session, Touchpoint
from loyaldesk.ui import labels
from loyaldesk.ui.money_edit import MoneyEdit, currency_combo
from loyaldesk.ui.services import AppServices
from loyaldesk.ui import theme


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class _FormDialog(QDialog):
    """A form with an inline error line; accept() only after a successful save."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        theme.style(self.error_label, "color: $error; font-weight: bold;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {}

    def showEvent(self, event) -> None:
        from loyaldesk.ui import access

        access.prepare(self)  # Tab leaves the notes box and the lists
        super().showEvent(event)

    def show_error(self, exc: LoyalDeskError) -> None:
        self.error_label.setText(exc.message)
        self.error_label.show()
        field = getattr(exc, "field", None)
        if field and field in self._fields:
            self._fields[field].setFocus()

    def _on_save_clicked(self) -> None:
        try:
            self.save()  # each dialog defines save(): validate, write through the services
        except LoyalDeskError as exc:
            self.show_error(exc)
            return
        self.accept()


class ClientDialog(_FormDialog):
    HONORIFICS = ("様", "御中", "さん", "先生", "殿", "Mr.", "Ms.", "Dr.")

    def __init__(self, services: AppServices, client: Client | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client = client or Client(id=None, name="")
        self.saved: Client | None = None
        self.setWindowTitle(self.tr("Edit client") if client else self.tr("New client"))
        self.setMinimumWidth(520)
        c = self.client

        def line(field: str, value: str, placeholder: str = "") -> QLineEdit:
            w = QLineEdit(value)
            w.setPlaceholderText(placeholder)
            self._fields[field] = w
            return w

        self.name = line("name", c.name, self.tr("Family name first, e.g. 山田 太郎"))
        self.name_kana = line("name_kana", c.name_kana, self.tr("Reading (フリガナ), used for sorting"))
        self.honorific = QComboBox()
        self.honorific.setEditable(True)
        self.honorific.addItems(("",) + self.HONORIFICS)
        self.honorific.setCurrentText(c.honorific if client else ("様" if _is_japanese() else ""))
        self.company = line("company", c.company)
        self.title_edit = line("title", c.title, self.tr("Job title"))
        self.email = line("email", c.email, "name@example.com")
        self.phone = line("phone", c.phone)
        self.postal_code = line("postal_code", c.postal_code, "123-4567")
        self.postal_code.setMaximumWidth(120)
        self.postal_code.setAccessibleName(self.tr("Postal code"))
        self.postal_code.editingFinished.connect(self._on_postal_code_edited)
        self.postal_hint = QLabel()
        theme.style(self.postal_hint, "color: $muted;")
        self.address1 = line("address1", c.address1)
        self.address2 = line("address2", c.address2, self.tr("Building, room"))
        self.birthday = line("birthday", dates.to_db(c.birthday) or "", self.tr("YYYY-MM-DD (optional)"))
        self.source = line("source", c.source, self.tr("How they found you, e.g. referral, seminar"))
        self.referrer = QLineEdit()
        self.referrer.setPlaceholderText(self.tr("Type a name (optional)"))
        self._fields["referred_by"] = self.referrer
        self._referrer_ids: dict[str, int] = {}
        names = []
        for cid, name, kana in services.clients.choices():
            if cid == c.id:
                continue
            label = f"{name}（{kana}） #{cid}" if kana else f"{name} #{cid}"
            self._referrer_ids[label] = cid
            names.append(label)
            if cid == c.referred_by:
                self.referrer.setText(label)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.referrer.setCompleter(completer)
        default = services.practice_settings().default_cadence_days
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3650)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setSpecialValueText(self.tr("Default (%1 days)").replace("%1", str(default)))
        self.cadence.setValue(c.cadence_days or 0)
        self._fields["cadence_days"] = self.cadence
        self.do_not_contact = QCheckBox(self.tr("Do not contact (never shown as overdue)"))
        self.do_not_contact.setChecked(c.do_not_contact)
        self.notes = QPlainTextEdit(c.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)

        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.honorific)
        f = self.form
        name_label = QLabel(self.tr("&Name *"))
        name_label.setBuddy(self.name)
        f.addRow(name_label, name_row)
        f.addRow(self.tr("&Reading"), self.name_kana)
        f.addRow(self.tr("&Company"), self.company)
        f.addRow(self.tr("&Title"), self.title_edit)
        f.addRow(self.tr("&E-mail"), self.email)
        f.addRow(self.tr("&Phone"), self.phone)
        postal_row = QHBoxLayout()
        postal_row.addWidget(self.postal_code)
        postal_row.addWidget(self.postal_hint, 1)
        f.addRow(self.tr("Postal code"), postal_row)
        f.addRow(self.tr("Address"), self.address1)
        f.addRow("", self.address2)
        self.address2.setAccessibleName(self.tr("Address, second line"))
        f.addRow(self.tr("&Birthday"), self.birthday)
        f.addRow(self.tr("Source"), self.source)
        f.addRow(self.tr("Referred by"), self.referrer)
        f.addRow(self.tr("Contact interval"), self.cadence)
        f.addRow("", self.do_not_contact)
        f.addRow(self.tr("Notes"), self.notes)
        self.name.setFocus()

    def _on_postal_code_edited(self) -> None:
        """A Japanese postal code fills the address (offline Japan Post data) when it is empty."""
        from loyaldesk.core import postal

        code = self.postal_code.text()
        if not code.strip():
            self.postal_hint.clear()
            return
        self.postal_code.setText(postal.format_postal_code(code))
        address = postal.lookup(code)
        if address is None:
            self.postal_hint.setText(self.tr("Unknown postal code"))
        elif not self.address1.text().strip():
            self.address1.setText(address)
            self.address1.setFocus()
            self.address1.end(False)
            self.postal_hint.setText(self.tr("Address filled in from the postal code"))
        else:
            self.postal_hint.setText(address)

    def save(self) -> None:
        referrer_text = self.referrer.text().strip()
        referred_by = None
        if referrer_text:
            referred_by = self._referrer_ids.get(referrer_text)
            if referred_by is None:
                raise ValidationError("client.not_found", field="referred_by", id=referrer_text)
        client = Client(
            id=self.client.id,
            name=self.name.text(),
            name_kana=self.name_kana.text(),
            honorific=self.honorific.currentText(),
            company=self.company.text(),
            title=self.title_edit.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            postal_code=self.postal_code.text(),
            address1=self.address1.text(),
            address2=self.address2.text(),
            birthday=dates.parse_date(self.birthday.text(), field="birthday"),
            referred_by=referred_by,
            source=self.source.text(),
            cadence_days=self.cadence.value() or None,
            notes=self.notes.toPlainText(),
            do_not_contact=self.do_not_contact.isChecked(),
            archived=self.client.archived,
            country=self.client.country,
        )
        self.saved = self.services.save_client(client)


class SessionDialog(_FormDialog):
    def __init__(self, services: AppServices, client: Client, session: Session | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client = client
        self.session = session
        self.setWindowTitle((self.tr("Edit session") if session else self.tr("Log session")) + f" — {client.name}")
        self.setMinimumWidth(460)
        s = session or Session(None, client.id, services.as_of())
        self.date = QDateEdit(_qdate(s.date))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.setEditable(True)
        known = services.sessions.kinds()
        defaults = [self.tr("Consultation"), self.tr("Workshop"), self.tr("Retainer"), self.tr("Seminar")]
        self.kind.addItems(known + [k for k in defaults if k not in known])
        self.kind.setCurrentText(s.kind or (known[0] if known else defaults[0]))
        self.duration = QSpinBox()
        self.duration.setRange(0, 1440)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(s.duration_minutes if s.duration_minutes is not None else 60)
        practice_currency = services.currency()
        self.fee = MoneyEdit(s.foreign_currency or practice_currency)
        self.fee.setValue(s.foreign_fee if s.foreign_currency else s.fee)
        # a client abroad pays in another currency: that amount, and if the user knows it, the amount
        # in the practice's currency (else the session stays out of the revenue totals)
        self.currency = currency_combo(s.foreign_currency or practice_currency)
        self.currency.setObjectName("sessionCurrency")
        self.currency.setToolTip(self.tr("The currency of this session's fee"))
        self.currency.currentIndexChanged.connect(self._on_currency_changed)
        fee_row = QHBoxLayout()
        fee_row.setContentsMargins(0, 0, 0, 0)
        fee_row.addWidget(self.fee, 1)
        fee_row.addWidget(self.currency)
        self.practice_fee = MoneyEdit(practice_currency)
        self.practice_fee.setObjectName("practiceFee")
        if s.foreign_currency and s.fee is not None:
            self.practice_fee.setValue(s.fee)
        else:
            self.practice_fee.clear()
        self.practice_fee_note = QLabel(self.tr(
            "Leave it empty if you do not know it: the session is then left out of the revenue totals, "
            "which say so. No exchange rate is looked up."))
        self.practice_fee_note.setWordWrap(True)
        theme.style(self.practice_fee_note, "color: $muted;")
        self.topic = QLineEdit(s.topic)
        self.topic.setPlaceholderText(self.tr("What you talked about, to pick it up next time"))
        self.notes = QPlainTextEdit(s.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self._fields.update(date=self.date, fee=self.fee, duration_minutes=self.duration, topic=self.topic,
                            currency=self.currency, practice_fee=self.practice_fee)
        self.form.addRow(self.tr("&Date"), self.date)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("D&uration"), self.duration)
        fee_label = QLabel(self.tr("&Fee"))
        fee_label.setBuddy(self.fee.line)
        self.form.addRow(fee_label, fee_row)
        self.practice_fee_label = QLabel(self.tr("In %1").replace("%1", practice_currency))
        self.practice_fee_label.setBuddy(self.practice_fee.line)
        self.form.addRow(self.practice_fee_label, self.practice_fee)
        self.form.addRow("", self.practice_fee_note)
        self._on_currency_changed()
        self.form.addRow(self.tr("&Topic"), self.topic)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.topic.setFocus()

    def _foreign(self) -> bool:
        return self.currency.currentData() != self.services.currency()

    def _on_currency_changed(self) -> None:
        self.fee.set_currency(self.currency.currentData())
        foreign = self._foreign()
        for w in (self.practice_fee_label, self.practice_fee, self.practice_fee_note):
            w.setVisible(foreign)

    def save(self) -> None:
        foreign = self._foreign()
        amount = self.fee.value()
        practice_amount = None
        if foreign:
            try:
                practice_amount = self.practice_fee.optional_value()
            except LoyalDeskError as exc:
                exc.field = "practice_fee"
                raise
        session = Session(
            id=self.session.id if self.session else None,
            client_id=self.client.id,
            date=_pydate(self.date.date()),
            kind=self.kind.currentText(),
            duration_minutes=self.duration.value(),
            fee=practice_amount if foreign else amount,
            topic=self.topic.text(),
            notes=self.notes.toPlainText(),
            foreign_currency=self.currency.currentData() if foreign else None,
            foreign_fee=amount if foreign else None,
        )
        self.services.add_session(session)


class TouchpointDialog(_FormDialog):
    def __init__(self, services: AppServices, client: Client, touchpoint: Touchpoint | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client = client
        self.touchpoint = touchpoint
        self.setWindowTitle((self.tr("Edit contact") if touchpoint else self.tr("Log contact")) + f" — {client.name}")
        self.setMinimumWidth(420)
        tp = touchpoint or Touchpoint(None, client.id, services.as_of(), "call")
        self.date = QDateEdit(_qdate(tp.date))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.channel = QComboBox()
        for key, label in labels.channel_labels().items():
            self.channel.addItem(label, key)
        self.channel.setCurrentIndex(max(0, CHANNELS.index(tp.channel) if tp.channel in CHANNELS else 0))
        self.note = QPlainTextEdit(tp.note)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. thank-you letter after the first session"))
        self.note.setMinimumHeight(70)
        self._fields.update(date=self.date, channel=self.channel, note=self.note)
        self.form.addRow(self.tr("&Date"), self.date)
        self.form.addRow(self.tr("&Channel"), self.channel)
        self.form.addRow(self.tr("&Note"), self.note)
        self.channel.setFocus()

    def save(self) -> None:
        tp = Touchpoint(
            id=self.touchpoint.id if self.touchpoint else None,
            client_id=self.client.id,
            date=_pydate(self.date.date()),
            channel=self.channel.currentData(),
            note=self.note.toPlainText(),
        )
        self.services.add_touchpoint(tp)


class TagDialog(_FormDialog):
    """Give a client a tag or a community role, existing or new, with the date it was given."""

    def __init__(self, services: AppServices, client: Client, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client = client
        self.setWindowTitle(self.tr("Add tag or role") + f" — {client.name}")
        self.setMinimumWidth(400)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Add"))
        self.tag = QComboBox()
        self.tag.setEditable(True)
        self.tag.lineEdit().setPlaceholderText(self.tr("Choose or type a new name"))
        self._categories: dict[str, str] = {}
        for tag in services.tags.list():
            self.tag.addItem(labels.icon("role" if tag.is_role else "tag"), tag.name)
            self._categories[tag.name] = tag.category
        self.tag.setCurrentIndex(-1)
        self.role = QRadioButton(self.tr("Community role"))
        self.segment = QRadioButton(self.tr("Segment tag"))
        self.segment.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.role)
        group.addButton(self.segment)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.role)
        kind_row.addWidget(self.segment)
        kind_row.addStretch(1)
        self.since = QDateEdit(_qdate(services.as_of()))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.tag.currentTextChanged.connect(self._on_tag_text_changed)
        self._fields.update(name=self.tag, category=self.role, since=self.since)
        self.form.addRow(self.tr("&Tag or role"), self.tag)
        self.form.addRow(self.tr("Kind"), kind_row)
        self.form.addRow(self.tr("&Since"), self.since)

    def _on_tag_text_changed(self, text: str) -> None:
        category = self._categories.get(text.strip())
        known = category is not None
        if known:
            (self.role if category == "role" else self.segment).setChecked(True)
        self.role.setEnabled(not known)
        self.segment.setEnabled(not known)

    def save(self) -> None:
        name = self.tag.currentText().strip()
        category = self._categories.get(name) or ("role" if self.role.isChecked() else "segment")
        self.services.assign_tag(self.client.id, name, category, _pydate(self.since.date()))


def _is_japanese() -> bool:
    from loyaldesk.core.i18n import current_language

    return current_language() == "ja"
