"""A fee field: the amount typed as the currency writes it, read back in minor units.

"150", "150.00", "$1,234.56" or "1,234.56 USD" in a dollar practice; "30000", "¥30,000",
"30,000円" or "3万" in a yen practice (loyaldesk.core.money.parse_amount). The currency's sign
stands before the field; an amount that cannot be read raises AmountError (field "fee") from
value(), so the form shows why next to the field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from loyaldesk.core import money


class MoneyEdit(QWidget):
    edited = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self.sign = QLabel()
        self.sign.setObjectName("moneySign")
        self.line = QLineEdit()
        self.line.setObjectName("moneyText")
        self.line.setAccessibleName(self.tr("Amount"))
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line.textEdited.connect(self.edited)
        self.line.editingFinished.connect(self._on_line_editing_finished)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sign)
        layout.addWidget(self.line, 1)
        self.setFocusProxy(self.line)
        self._show_currency()
        self.setValue(0)

    def currency(self) -> str:
        return self._currency

    def set_currency(self, code: str) -> None:
        """Read and show the amount in another currency (the digits typed are kept as they are)."""
        self._currency = code
        self._show_currency()

    def _show_currency(self) -> None:
        self.sign.setText(money.symbol_of(self._currency))
        self.sign.setToolTip(money.currency_label(self._currency))
        self.line.setPlaceholderText(money.format_number(0, self._currency))

    def setValue(self, minor: int | None) -> None:  # noqa: N802 - like QSpinBox.setValue
        self.line.setText(money.format_number(minor or 0, self._currency))

    def value(self) -> int:
        """The amount in minor units; AmountError when the text is not an amount in the currency."""
        return money.parse_amount(self.line.text(), self._currency)

    def optional_value(self) -> int | None:
        """Like value(), but an empty field is None (no amount recorded)."""
        return self.value() if self.line.text().strip() else None

    def clear(self) -> None:
        self.line.clear()

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802
        self.line.setText(text)

    def _on_line_editing_finished(self) -> None:
        try:  # written back in the currency's own form: 150 -> 150.00
            self.setValue(self.value())
        except money.AmountError:
            pass  # left as typed; saving says why


def currency_combo(current: str, parent: QWidget | None = None) -> QComboBox:
    """A picker of the currencies in use today (ISO 4217, CLDR): the common ones first, each as
    "USD — US Dollar ($)" in the UI language; the ISO code is the item's data."""
    combo = QComboBox(parent)
    combo.setObjectName("currencyCombo")
    codes = list(money.current_currencies())
    if current not in codes:
        codes.insert(0, current)
    for code in codes:
        combo.addItem(money.currency_label(code), code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setMaxVisibleItems(16)
    return combo
