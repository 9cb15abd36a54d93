"""SendDialog: the send panel in a window of its own (the Events screen's invitations and recognition letters)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyaldesk.ui.documents.panel import SendPanel, Source
from loyaldesk.ui.services import AppServices


class SendDialog(QDialog):
    """A SendPanel in a window of its own (the Events screen's invitations and recognition letters)."""

    def __init__(self, services: AppServices, title: str, source: Source, parent: QWidget | None = None,
                 heading: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("sendDialog")
        self.setWindowTitle(title)
        from loyaldesk.ui.layouts import fit_to_screen

        fit_to_screen(self, 1000, 760)
        self.panel = SendPanel(services, self)
        self.heading = QLabel(heading)
        self.heading.setObjectName("sendHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setVisible(bool(heading))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)
        self.panel.set_source(source)
