"""File > Export…: choose what and where; the file is written in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from loyaldesk.core.db import open_database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.ui.ops import run_in_background
from loyaldesk.ui.services import AppServices


def export_choices(protected: bool = False) -> list[tuple[str, str, str]]:
    """(file-dialog filter, suffix, what); a protected practice's archive is encrypted, or "all-plain"."""
    if protected:
        return [*export_choices()[:-1],
                (QCoreApplication.translate("ExportAction", "Everything as an encrypted LoyalDesk archive (*.zip)"),
                 ".zip", "all"),
                (QCoreApplication.translate("ExportAction", "Everything as an unencrypted LoyalDesk archive (*.zip)"),
                 ".zip", "all-plain")]
    return [
        (QCoreApplication.translate("ExportAction", "Clients as CSV (*.csv)"), ".csv", "clients"),
        (QCoreApplication.translate("ExportAction", "Sessions as CSV (*.csv)"), ".csv", "sessions"),
        (QCoreApplication.translate("ExportAction", "Contacts as CSV (*.csv)"), ".csv", "touchpoints"),
        (QCoreApplication.translate("ExportAction", "Everything as Excel (*.xlsx)"), ".xlsx", "all"),
        (QCoreApplication.translate("ExportAction", "Clients as vCard (*.vcf)"), ".vcf", "clients"),
        (QCoreApplication.translate("ExportAction", "Everything as a LoyalDesk archive (*.zip)"), ".zip", "all"),
    ]


def write_export(db_path: Path, out: Path, what: str, client_ids=None, progress=None,
                 warnings: list[str] | None = None) -> Path:
    """Write one export (runs in a worker with its own connection); `warnings` gets what the user should
    know about the file written (an Excel cell holding only the beginning of a long text)."""
    from loyaldesk.core.io import export

    with open_database(db_path, create=False) as db:
        suffix = out.suffix.lower()
        if suffix == ".csv":
            export.export_csv(db, out, what, progress=progress)
        elif suffix == ".xlsx":
            export.export_xlsx(db, out, what, progress=progress, warnings=warnings)
        elif suffix == ".zip":
            export.export_zip(db, out, progress=progress, plain=what == "all-plain")
        else:
            export.export_vcf(db, out, client_ids, progress=progress)
    return out


def run_export(parent: QWidget, services: AppServices, status=None) -> None:
    """File > Export…: the user picks the kind of file and where to write it."""
    from loyaldesk.core import cipher

    choices = export_choices(cipher.is_encrypted(services.db.path))
    from loyaldesk.ui.documents.folders import default_folder, remember_folder

    default = default_folder() / (services.db.path.stem + "-clients.csv")
    path, chosen = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExportAction", "Export"),
                                               str(default), ";;".join(c[0] for c in choices))
    if not path:
        return
    remember_folder(Path(path).parent)
    filt = next((c for c in choices if c[0] == chosen), choices[0])
    out = Path(path)
    if out.suffix.lower() != filt[1]:
        out = out.with_suffix(filt[1])
    if filt[2] == "all-plain" and not confirm_plain_archive(parent):
        return
    start_export(parent, services, out, filt[2], status=status)


def confirm_plain_archive(parent: QWidget) -> bool:
    """An unencrypted archive of a protected practice only when the user says so."""
    answer = QMessageBox.warning(
        parent, QCoreApplication.translate("ExportAction", "Export"),
        QCoreApplication.translate(
            "ExportAction", "This practice is protected by a passphrase, but this archive will not be: anyone who "
            "gets the file can read every client's data.\n\nWrite an unencrypted archive?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def run_vcard_export(parent: QWidget, services: AppServices, client_ids: list[int], status=None) -> None:
    """Client > Export as vCard…: the selected clients, as one .vcf file."""
    if not client_ids:
        return
    from loyaldesk.ui.documents.folders import default_folder, remember_folder

    default = default_folder() / (services.db.path.stem + "-contacts.vcf")
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ExportAction", "Export as vCard"), str(default),
        QCoreApplication.translate("ExportAction", "Clients as vCard (*.vcf)"))
    if not path:
        return
    remember_folder(Path(path).parent)
    out = Path(path)
    if out.suffix.lower() != ".vcf":
        out = out.with_suffix(".vcf")
    start_export(parent, services, out, "clients", client_ids=client_ids, status=status)


def start_export(parent: QWidget, services: AppServices, out: Path, what: str, *, client_ids=None, status=None):
    db_path = services.db.path
    warnings: list[str] = []
    op = run_in_background(parent, QCoreApplication.translate("ExportAction", "Exporting…"),
                           lambda progress: write_export(db_path, out, what, client_ids, progress=progress.tick,
                                                         warnings=warnings))

    def done(result: Path) -> None:
        if status is not None:
            status(QCoreApplication.translate("ExportAction", "Exported to %1").replace("%1", str(result)))
        if warnings:
            QMessageBox.warning(
                parent, QCoreApplication.translate("ExportAction", "Export"),
                QCoreApplication.translate("ExportAction", "%1 was written, but some texts are longer than an Excel "
                                           "cell holds:").replace("%1", result.name) + "\n\n" + "\n".join(warnings))

    def failed(exc) -> None:
        message = exc.message if isinstance(exc, LoyalDeskError) else str(exc)
        QMessageBox.warning(parent, QCoreApplication.translate("ExportAction", "Export"), message)

    def cancelled() -> None:
        if status is not None:
            status(QCoreApplication.translate("ExportAction", "Export cancelled; no file was written."))

    op.finished.connect(done)
    op.failed.connect(failed)
    op.cancelled.connect(cancelled)
    parent._export_op = op  # keep the operation alive until it reports
    return op
