"""File > Backups…: the backups of the open database, "Back up now", "Restore…" and "Open folder".

The dialog never closes or replaces the database itself: after the user confirms a
restore it emits `restore_requested(Path)` and closes; the application controller then
closes its connection, calls backup.restore_backup and reopens the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyaldesk.core import backup
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.migrations import LATEST_VERSION
from loyaldesk.ui.ops import run_in_background
from loyaldesk.ui import theme

PATH_ROLE = Qt.ItemDataRole.UserRole


class BackupsDialog(QDialog):
    restore_requested = Signal(object)  # pathlib.Path of the backup the user chose to restore

    COLUMNS = 4

    def __init__(self, db_path: str | Path, parent: QWidget | None = None, *, folder: str | Path | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.folder = Path(folder) if folder is not None else backup.backup_folder(self.db_path)
        self.backups: list[backup.BackupInfo] = []
        self._op = None
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumSize(640, 420)

        intro = QLabel(self.tr("LoyalDesk backs this database up when it opens it, before every import and upgrade, "
                               "and before a restore. It keeps the most recent backups and one for each month."))
        intro.setWordWrap(True)
        self.folder_label = QLabel(self.tr("Folder: %1").replace("%1", str(self.folder)))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.style(self.folder_label, "color: $muted;")

        self.table = QTreeWidget()
        self.table.setObjectName("backupsTable")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([self.tr("Date"), self.tr("Reason"), self.tr("Clients"), self.tr("Size")])
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)

        self.empty_label = QLabel(self.tr("No backups yet."))
        theme.style(self.empty_label, "color: $muted;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(self.tr("Open &folder"))
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.folder_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        self.reload()

    # --- the list ----------------------------------------------------------------------
    def reason_text(self, reason: str | None) -> str:
        texts = {
            "open": self.tr("When opened"),
            "import": self.tr("Before an import"),
            "migration": self.tr("Before an upgrade"),
            "restore": self.tr("Before a restore"),
            "manual": self.tr("Backed up by hand"),
            "replace": self.tr("Before the sample data replaced it"),
        }
        return texts.get(reason or "", self.tr("Other"))

    def reload(self, select: Path | None = None) -> None:
        try:
            self.backups = backup.list_backups(self.db_path, folder=self.folder)
        except LoyalDeskError as exc:
            self.backups = []
            self._show_status(exc.message, error=True)
        locale = QLocale()
        self.table.clear()
        for info in self.backups:
            created = info.created
            when = QDateTime(QDate(created.year, created.month, created.day),
                             QTime(created.hour, created.minute, created.second))
            clients = self.tr("unreadable") if info.clients is None else locale.toString(info.clients)
            item = QTreeWidgetItem([
                locale.toString(when, QLocale.FormatType.ShortFormat),
                self.reason_text(info.reason),
                clients,
                locale.formattedDataSize(info.size_bytes),
            ])
            item.setData(0, PATH_ROLE, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tip = str(info.path)
            if info.schema_version is not None and info.schema_version > LATEST_VERSION:
                tip += "\n" + self.tr("Made by a newer version of LoyalDesk; it cannot be restored here.")
            for column in range(self.COLUMNS):
                item.setToolTip(column, tip)
            self.table.addTopLevelItem(item)
            if select is not None and info.path == select:
                self.table.setCurrentItem(item)
        if self.table.currentItem() is None and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self.empty_label.setVisible(not self.backups)
        self._on_selection_changed()

    def selected_backup(self) -> backup.BackupInfo | None:
        item = self.table.currentItem()
        if item is None or not item.isSelected():
            return None
        path = Path(item.data(0, PATH_ROLE))
        return next((b for b in self.backups if b.path == path), None)

    def select_backup(self, path: Path) -> None:
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if Path(item.data(0, PATH_ROLE)) == Path(path):
                self.table.setCurrentItem(item)
                return

    def _on_selection_changed(self) -> None:
        info = self.selected_backup()
        self.restore_button.setEnabled(info is not None and info.clients is not None and self._op is None)

    def _show_status(self, text: str, error: bool = False) -> None:
        theme.style(self.status_label, "color: $error;" if error else "color: $success;")
        self.status_label.setText(text)

    # --- back up now -------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self._op is not None:
            return
        db_path, folder = self.db_path, self.folder

        def work(progress):
            def report(fraction: float) -> None:
                progress.check()  # Cancel stops the copy; nothing is left behind
                progress.report(fraction)

            return backup.create_backup(db_path, "manual", folder=folder, progress=report)

        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        op = run_in_background(self, self.tr("Backing up…"), work)
        op.finished.connect(self._on_backup_finished)
        op.failed.connect(self._on_backup_failed)
        op.cancelled.connect(self._on_backup_cancelled)
        self._op = op

    def _backup_done(self) -> None:
        self._op = None
        self.backup_button.setEnabled(True)

    def _on_backup_finished(self, path) -> None:
        self._backup_done()
        self.reload(select=Path(path))
        self._show_status(self.tr("Backup written: %1").replace("%1", Path(path).name))

    def _on_backup_failed(self, exc) -> None:
        self._backup_done()
        self.reload()
        if isinstance(exc, LoyalDeskError):
            message = exc.message
        else:
            message = self.tr("The backup could not be made: %1\nNothing was changed.").replace("%1", str(exc))
        self._show_status(message, error=True)
        QMessageBox.warning(self, self.tr("Backups"), message)

    def _on_backup_cancelled(self) -> None:
        self._backup_done()
        self.reload()
        self._show_status(self.tr("Backup cancelled; nothing was written."))

    # --- restore -----------------------------------------------------------------------
    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None:
            return
        try:
            checked = backup.check_backup(info.path)
        except LoyalDeskError as exc:
            QMessageBox.warning(self, self.tr("Restore backup"), exc.message)
            return
        created = checked.created
        when = QLocale().toString(
            QDateTime(QDate(created.year, created.month, created.day), QTime(created.hour, created.minute, created.second)),
            QLocale.FormatType.LongFormat)
        text = (self.tr("Restore the backup of %1 (clients: %2)?\n\n"
                        "The current state of the database will be backed up first. LoyalDesk will then "
                        "close the database, replace it with this backup and reopen it.")
                .replace("%1", when).replace("%2", QLocale().toString(checked.clients or 0)))
        answer = QMessageBox.question(self, self.tr("Restore backup"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.accept()
        self.restore_requested.emit(info.path)

    # --- folder ------------------------------------------------------------------------
    def open_folder(self) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Backups"),
                                self.tr("The backup folder cannot be created: %1").replace("%1", str(exc)))
            return False
        url = QUrl.fromLocalFile(str(self.folder.resolve()))
        if not url.isLocalFile():  # pragma: no cover - fromLocalFile always gives a file URL
            return False
        return QDesktopServices.openUrl(url)

    def reject(self) -> None:
        if self._op is not None:  # the copy is still running; its progress dialog has a Cancel
            return
        super().reject()
