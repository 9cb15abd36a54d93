"""A client's season cards (年賀状, 寒中見舞い, 暑中見舞い...): the section in the client detail and
the dialog that edits the history (sent, received, mourning per year and season)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui import theme

SEASONS = ("new_year", "winter", "summer", "year_end", "other")
KINDS = ("sent", "received", "mourning")


def season_names() -> dict[str, str]:
    return {
        "new_year": QCoreApplication.translate("Greetings", "New Year card (年賀状)"),
        "winter": QCoreApplication.translate("Greetings", "Winter greeting (寒中見舞い)"),
        "summer": QCoreApplication.translate("Greetings", "Summer greeting (暑中見舞い)"),
        "year_end": QCoreApplication.translate("Greetings", "Year-end greeting"),
        "other": QCoreApplication.translate("Greetings", "Other card"),
    }


def kind_names() -> dict[str, str]:
    return {
        "sent": QCoreApplication.translate("Greetings", "sent"),
        "received": QCoreApplication.translate("Greetings", "received"),
        "mourning": QCoreApplication.translate("Greetings", "in mourning (喪中)"),
    }


class GreetingHistory(QWidget):
    """The section in the client detail: the cards by year, and Edit…"""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("greetingHistory")
        title = QLabel(self.tr("Season cards"))
        title.setStyleSheet("font-weight: bold;")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editGreetingsButton")
        self.edit_button.clicked.connect(self.edit_requested)
        self.text = QLabel()
        self.text.setObjectName("greetingsText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text)
        self.set_greetings(None)

    def set_greetings(self, items: list | None, writable: bool = True, joint: str = "") -> None:
        """The client's records (loyaldesk.core.greetings.Greeting), newest year first, and the joint names
        printed with the address; None: no client."""
        self.edit_button.setEnabled(items is not None and writable)
        lines = []
        if joint:
            lines.append(html.escape(self.tr("Joint names: %1").replace("%1", joint)))
        if not items:
            if items is not None:
                none = html.escape(self.tr("No cards recorded yet."))
                lines.append(f'<span style="color:{theme.css("faint")};">{none}</span>')
            self.text.setText("<br>".join(lines))
            return
        seasons, kinds = season_names(), kind_names()
        by_year: dict[int, list[str]] = {}
        for g in items:
            by_year.setdefault(g.year, []).append(f"{seasons.get(g.season, g.season)}: {kinds.get(g.kind, g.kind)}")
        lines += [f"<b>{year}</b>  " + html.escape(" · ".join(parts)) for year, parts in list(by_year.items())[:6]]
        self.text.setText("<br>".join(lines))


class GreetingsDialog(QDialog):
    """Add, change and delete a client's records: year, season, sent/received/mourning, date."""

    def __init__(self, services, client_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client_id = client_id
        self.setWindowTitle(self.tr("Season cards: %1").replace("%1", name))
        self.setObjectName("greetingsDialog")
        self.items: list = []

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("greetingsTable")
        self.table.setAccessibleName(self.tr("Season cards by year"))
        self.table.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Card"), self.tr("Record"), self.tr("Date")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)

        self.year_spin = QSpinBox()
        self.year_spin.setRange(1900, 2999)
        from loyaldesk.core.greetings import current_season

        self.year_spin.setValue(current_season(services.as_of())[1])
        self.season_combo = QComboBox()
        for key, text in season_names().items():
            self.season_combo.addItem(text, key)
        self.kind_combo = QComboBox()
        for key, text in kind_names().items():
            self.kind_combo.addItem(text, key)
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.hint = QLabel(self.tr("A mourning notice received in late 2026 is recorded as New Year card 2027: "
                                   "in mourning. No New Year card is then proposed; a winter greeting is, "
                                   "after 7 January."))
        self.hint.setWordWrap(True)
        theme.style(self.hint, "color: $muted;")
        self.error_label = QLabel()
        self.error_label.setObjectName("greetingError")
        theme.style(self.error_label, "color: $error;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Year of the card"), self.year_spin)
        form.addRow(self.tr("Card"), self.season_combo)
        form.addRow(self.tr("Record"), self.kind_combo)
        form.addRow(self.tr("Date"), self.date_edit)

        from loyaldesk.core.addresses.compose import format_joint_names, load_joint_names

        self.joint_edit = QLineEdit(format_joint_names(load_joint_names(services.db, [client_id]).get(client_id, [])))
        self.joint_edit.setObjectName("jointNamesEdit")
        self.joint_edit.setAccessibleName(self.tr("Joint names"))
        self.joint_edit.setPlaceholderText(self.tr("e.g. 花子 様、健太 くん"))
        self.joint_edit.setToolTip(self.tr("Printed next to the client's name on postcards, envelopes and labels, "
                                           "each with its own honorific (様 if none is given)."))
        self.joint_button = QPushButton(self.tr("Save joint names"))
        self.joint_button.setObjectName("saveJointNamesButton")
        self.joint_button.setEnabled(not services.db.read_only)
        self.joint_button.clicked.connect(self._on_joint_clicked)
        joint_row = QHBoxLayout()
        joint_row.addWidget(self.joint_edit, 1)
        joint_row.addWidget(self.joint_button)

        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addGreetingButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.update_button = QPushButton(self.tr("Save changes"))
        self.update_button.clicked.connect(self._on_update_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteGreetingButton")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        actions = QHBoxLayout()
        for b in (self.add_button, self.update_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addLayout(actions)
        joint_form = QFormLayout()
        joint_form.addRow(self.tr("Joint names (連名)"), joint_row)
        layout.addLayout(joint_form)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(560, 480)
        self.reload()

    def reload(self) -> None:
        from loyaldesk.core.greetings import client_greetings

        self.items = client_greetings(self.services.db, self.client_id)
        seasons, kinds = season_names(), kind_names()
        self.table.setRowCount(len(self.items))
        for row, g in enumerate(self.items):
            for col, text in enumerate((str(g.year), seasons.get(g.season, g.season), kinds.get(g.kind, g.kind),
                                        g.date.isoformat() if g.date else "")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._on_table_selection_changed()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _on_table_selection_changed(self) -> None:
        g = self.selected()
        writable = not self.services.db.read_only
        self.update_button.setEnabled(g is not None and writable)
        self.delete_button.setEnabled(g is not None and writable)
        self.add_button.setEnabled(writable)
        if g is not None:
            self.year_spin.setValue(g.year)
            self.season_combo.setCurrentIndex(self.season_combo.findData(g.season))
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(g.kind))
            self.date_edit.setText(g.date.isoformat() if g.date else "")

    def _save(self, greeting_id: int | None) -> None:
        try:
            self.services.save_greeting(self.client_id, self.year_spin.value(), self.season_combo.currentData(),
                                        self.kind_combo.currentData(), self.date_edit.text().strip() or None,
                                        greeting_id=greeting_id)
        except LoyalDeskError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()
        self.reload()

    def _on_add_clicked(self) -> None:
        self._save(None)

    def _on_update_clicked(self) -> None:
        g = self.selected()
        if g is not None:
            self._save(g.id)

    def _on_joint_clicked(self) -> None:
        try:
            self.services.save_joint_names(self.client_id, self.joint_edit.text())
        except LoyalDeskError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()

    def _on_delete_clicked(self) -> None:
        g = self.selected()
        if g is None:
            return
        self.services.delete_greeting(g.id, self.client_id)
        self.reload()
