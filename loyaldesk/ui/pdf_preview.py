"""A PDF preview with a pager (QtPdf), and printing a QPdfDocument page by page.

Shared by the screens that show the very PDF they save (the send panel of Letters, Addresses and
Events: loyaldesk.ui.documents.panel).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from loyaldesk.ui import theme


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The system's print dialog for a full-page PDF; the chosen printer, or None if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def write_error(exc: BaseException) -> Exception | None:
    """What to tell the user when writing a PDF in the background failed: nothing when the user
    cancelled it, a file error (disk full, no permission) in the user's language, else the error."""
    from loyaldesk.core.errors import LoyalDeskError
    from loyaldesk.ui.ops import Cancelled

    if isinstance(exc, Cancelled):
        return None
    if isinstance(exc, OSError):
        return LoyalDeskError("db.error", detail=str(exc))
    return exc


def print_document(document: QPdfDocument, printer: QPrinter, max_dpi: int = 300) -> bool:
    """Paint every page onto the printer (rendered at most at max_dpi); False if the printer did not start."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        rect = painter.viewport()
        dpi = min(printer.resolution(), max_dpi)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            image = document.render(page, QSize(int(size_pt.width() / 72 * dpi), int(size_pt.height() / 72 * dpi)))
            painter.drawImage(rect, image)
    finally:
        painter.end()
    return True


class PdfPreview(QWidget):
    """One page at a time, fitted in view, with Previous / Next, a page number to jump to and a caption."""

    page_changed = Signal(int)  # 0-based

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setAccessibleName(self.tr("Preview"))
        self.view.setAccessibleDescription(self.tr("Page Up and Page Down turn the pages"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        theme.style(self.view, "background: $preview_bg;")
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.clicked.connect(self._on_prev_clicked)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.clicked.connect(self._on_next_clicked)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setWordWrap(True)  # "Page 1 of 98 — name" on two lines rather than cut in a narrow window
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("pageJump")
        self.page_spin.setToolTip(self.tr("Go to page"))
        self.page_spin.setAccessibleName(self.tr("Go to page"))
        self.page_spin.setRange(1, 1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(self._on_page_spin_changed)
        pager = QHBoxLayout()
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label, 1)
        page_word = QLabel(self.tr("Page"))
        page_word.setBuddy(self.page_spin)
        pager.addWidget(page_word)
        pager.addWidget(self.page_spin)
        pager.addWidget(self.next_button)
        self._pager = pager
        self._label_row = QHBoxLayout()  # a narrow preview: "Page 1 of 98 — name" on a line of its own
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._label_row)
        layout.addLayout(pager)
        self.view.pageNavigator().currentPageChanged.connect(self._on_navigator_page_changed)
        self._update_pager()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        buttons = sum(w.sizeHint().width() for w in (self.prev_button, self.next_button, self.page_spin)) + 60
        narrow = self.width() - buttons < self.page_label.sizeHint().width()
        inline = self._pager.indexOf(self.page_label) >= 0
        if narrow and inline:
            self._pager.removeWidget(self.page_label)
            self._pager.insertStretch(1, 1)
            self._label_row.addWidget(self.page_label)
        elif not narrow and not inline:
            self._label_row.removeWidget(self.page_label)
            self._pager.takeAt(1)  # the stretch that held its place
            self._pager.insertWidget(1, self.page_label, 1)

    def load(self, data: bytes) -> None:
        """Show this PDF (empty bytes: nothing)."""
        self.document.close()
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        if data:
            self.document.load(self._buffer)
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)  # fit again: the new pages may have another size
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_pager()
        self.page_changed.emit(self.current_page())

    def page_count(self) -> int:
        return self.document.pageCount() if self._bytes.size() else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def set_caption(self, text: str) -> None:
        self.page_label.setText(text)

    def _on_prev_clicked(self) -> None:
        self.go_to(max(self.current_page() - 1, 0))

    def _on_next_clicked(self) -> None:
        self.go_to(min(self.current_page() + 1, self.page_count() - 1))

    def _on_navigator_page_changed(self, page: int) -> None:
        self._update_pager()
        self.page_changed.emit(page)

    def _on_page_spin_changed(self, value: int) -> None:
        if self.page_count() and value - 1 != self.current_page():
            self.go_to(value - 1)

    def _update_pager(self) -> None:
        count, page = self.page_count(), self.current_page()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(count, 1))
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.page_spin.setEnabled(count > 1)
        self.prev_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        if not count:
            self.page_label.setText("")
