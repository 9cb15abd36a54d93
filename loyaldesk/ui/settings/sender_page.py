"""Preferences > Sender: the Japanese and the English sender profile, and how Japanese documents are dated.

Each document is signed with the profile of its language (loyaldesk.core.letters.sender): the Japanese one
(kanji name and its reading, Japanese address, a domestic phone 03-1234-5678) on Japanese letters, cards,
envelopes and invitations, the English one (romanized name, the address as written from abroad, an
international phone +81 3 1234 5678) on English ones. A language left empty is signed with the other profile,
and the send panel asks before writing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core.letters.sender import SenderProfile, SenderProfiles
from loyaldesk.ui import theme

FIELDS = ("name", "name_kana", "business", "postal_code", "address", "phone", "email", "website")


class SenderPage(QWidget):
    """The two profiles side by side (fields: self.fields['ja' or 'en'][name]) and the date style."""

    def __init__(self, profiles: SenderProfiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("senderPage")
        self.fields: dict[str, dict[str, QLineEdit | QPlainTextEdit]] = {}
        self.hints: dict[str, QLabel] = {}
        row = QHBoxLayout()
        for lang, title in (("ja", self.tr("Japanese documents")), ("en", self.tr("English documents"))):
            box = QGroupBox(title)
            box.setObjectName(f"sender_{lang}")
            row.addWidget(box, 1)
            form = QFormLayout(box)
            profile = profiles.own(lang)
            widgets: dict[str, QLineEdit | QPlainTextEdit] = {}
            for name in FIELDS:
                if name == "name_kana" and lang == "en":
                    continue
                if name == "address":
                    w = QPlainTextEdit(profile.address)
                    w.setTabChangesFocus(True)
                    w.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
                else:
                    w = QLineEdit(getattr(profile, name))
                    w.textChanged.connect(self._on_field_changed)
                w.setObjectName(f"sender_{lang}_{name}")
                widgets[name] = w
            self.fields[lang] = widgets
            labels = {
                "name": self.tr("&Name") if lang == "ja" else self.tr("N&ame"),
                "name_kana": self.tr("Reading (&furigana)"),
                "business": self.tr("&Business name") if lang == "ja" else self.tr("B&usiness name"),
                "postal_code": self.tr("&Postal code") if lang == "ja" else self.tr("Pos&tal code"),
                "address": self.tr("Address"),
                "phone": self.tr("P&hone") if lang == "ja" else self.tr("Ph&one"),
                "email": self.tr("&E-mail") if lang == "ja" else self.tr("E-&mail"),
                "website": self.tr("&Website") if lang == "ja" else self.tr("Web&site"),
            }
            for name, w in widgets.items():
                form.addRow(labels[name], w)
            if lang == "ja":
                widgets["name"].setPlaceholderText("高橋 恵子")
                widgets["name_kana"].setPlaceholderText("タカハシ ケイコ")
                widgets["business"].setPlaceholderText("高橋経営相談室")
                widgets["address"].setPlaceholderText("東京都渋谷区神南1-2-3\nサンプルビル5F")
                widgets["phone"].setPlaceholderText("03-1234-5678")
            else:
                widgets["name"].setPlaceholderText("Keiko Takahashi")
                widgets["business"].setPlaceholderText("Takahashi Business Advisory")
                widgets["address"].setPlaceholderText("Sample Bldg. 5F, 1-2-3 Jinnan\nShibuya-ku, Tokyo, Japan")
                widgets["phone"].setPlaceholderText("+81 3 1234 5678")
            hint = QLabel()
            hint.setWordWrap(True)
            hint.setObjectName(f"senderHint_{lang}")
            theme.style(hint, "color: $warning;")
            form.addRow(hint)
            self.hints[lang] = hint

        from loyaldesk.core import dates
        from loyaldesk.core.letters.templates import format_date

        today = dates.today()
        self.date_style = QComboBox()
        self.date_style.setObjectName("dateStyleCombo")
        self.date_style.addItem(self.tr("Western calendar (%1)").replace("%1", format_date(today, "ja")), "western")
        self.date_style.addItem(self.tr("Japanese era (%1)").replace("%1", format_date(today, "ja", "era")), "era")
        self.date_style.setCurrentIndex(max(0, self.date_style.findData(profiles.ja.date_style)))
        bottom = QFormLayout()
        bottom.addRow(self.tr("&Dates in Japanese letters"), self.date_style)
        note = QLabel(self.tr("Each letter, card, envelope and invitation is signed with the profile of its "
                              "language. When one is left empty, documents in that language are signed with the "
                              "other profile, and you are asked before they are written."))
        note.setWordWrap(True)
        theme.style(note, "color: $muted;")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(bottom)
        layout.addWidget(note)
        layout.addStretch(1)
        self._on_field_changed()

    def _text(self, w) -> str:
        return (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()).strip()

    def profiles(self) -> SenderProfiles:
        """The profiles as entered (not validated)."""
        style = self.date_style.currentData()
        made = {lang: SenderProfile(**{name: self._text(w) for name, w in widgets.items()}, date_style=style)
                for lang, widgets in self.fields.items()}
        return SenderProfiles(made["ja"], made["en"])

    def _on_field_changed(self, *_args) -> None:
        """A hint when a profile looks like the other language's (a +81 phone in the Japanese profile, a
        domestic number or a name in kanji in the English one) or is empty while the other is filled in."""
        from loyaldesk.core.letters.sender import is_japanese_text

        ja, en = (self.fields[x] for x in ("ja", "en"))
        ja_phone, en_phone = self._text(ja["phone"]), self._text(en["phone"])
        ja_name, en_name = self._text(ja["name"]), self._text(en["name"])
        filled = {lang: any(self._text(w) for w in self.fields[lang].values()) for lang in ("ja", "en")}
        ja_hint, en_hint = [], []
        if ja_phone.startswith("+"):
            ja_hint.append(self.tr("Japanese documents usually give the domestic number (03-1234-5678)."))
        if ja_name and not is_japanese_text(ja_name):
            ja_hint.append(self.tr("The name is not in Japanese script: vertical cards set it sideways."))
        if not filled["ja"] and filled["en"]:
            ja_hint.append(self.tr("Empty: Japanese documents will be signed with the English profile."))
        if en_phone and not en_phone.startswith("+"):
            en_hint.append(self.tr("Readers abroad need the international number (+81 3 1234 5678)."))
        if en_name and is_japanese_text(en_name):
            en_hint.append(self.tr("The name is in Japanese script: write it in Latin letters for English readers."))
        if not filled["en"] and filled["ja"]:
            en_hint.append(self.tr("Empty: English documents will be signed with the Japanese profile."))
        for lang, parts in (("ja", ja_hint), ("en", en_hint)):
            self.hints[lang].setText("\n".join(parts))
            self.hints[lang].setVisible(bool(parts))
