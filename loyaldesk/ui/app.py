"""The QApplication: fonts, translations, and the window on the chosen database."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QtMsgType, QTimer, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from loyaldesk import APP_NAME, __version__, paths
from loyaldesk.core.db import open_database
from loyaldesk.core.errors import LoyalDeskError
from loyaldesk.core.i18n import choose_language, set_language
from loyaldesk.settings import Preferences

log = logging.getLogger(__name__)

JAPANESE_FONT_FILES = ("ipaexg.ttf", "ipaexm.ttf")
UI_FONT_FAMILY = "IPAexGothic"


def register_fonts() -> list[str]:
    """Register the bundled Japanese fonts; return the families now available."""
    families: list[str] = []
    for name in JAPANESE_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", name)))
        if font_id < 0:
            log.warning("could not load the bundled font %s", name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load LoyalDesk's own translation and Qt's (standard buttons and dialogs)."""
    installed: list[QTranslator] = []
    if lang == "en":
        return installed
    own = QTranslator(app)
    if own.load(str(paths.resource("translations", f"loyaldesk_{lang}.qm"))):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.warning("translation %s not found", lang)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase",):
        qt = QTranslator(app)
        if qt.load(f"{base}_{lang}", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


_qt_log = logging.getLogger("qt")


def _qt_message_handler(mode, context, message: str) -> None:
    """Qt's own warnings go to the log file, not to the user's terminal."""
    if "propagateSizeHints" in message:
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    _qt_log.log(level, "%s", message)
    if mode == QtMsgType.QtFatalMsg:  # Qt is about to abort: the user must see why, not just "Aborted"
        print(f"loyaldesk: {message}", file=sys.stderr, flush=True)


def route_qt_messages_to_log() -> None:
    qInstallMessageHandler(_qt_message_handler)


def create_application(lang: str, argv: list[str] | None = None, color_scheme: str = "system") -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(paths.resource("icons", "loyaldesk.svg"))))
    if lang == "ja":
        QLocale.setDefault(QLocale("ja_JP"))
    else:
        QLocale.setDefault(QLocale("en_US"))
    families = register_fonts()
    font = app.font()
    if UI_FONT_FAMILY in families:
        # The system UI font first; the bundled Japanese font for every glyph it lacks.
        font.setFamilies([font.family(), UI_FONT_FAMILY])
        app.setFont(font)
    app._loyaldesk_translators = install_translators(app, lang)  # keep them alive
    from loyaldesk.ui import theme

    theme.apply_scheme(app, color_scheme)  # the system's light or dark, or the one Preferences force
    return app


class AppController(QObject):
    """Owns the open database and its window; can switch to another database file."""

    def __init__(self, app: QApplication, prefs: Preferences) -> None:
        super().__init__(app)
        self.app = app
        self.prefs = prefs
        self.window = None
        self.services = None

    def open(self, path: Path, backup_on_open: bool = True, upkeep: bool = True) -> bool:
        from loyaldesk.ui.main_window import MainWindow
        from loyaldesk.ui.services import AppServices

        db = self._open_database(path)
        if db is None:
            return False
        old_window, old_services = self.window, self.services
        self._cancel_backup()
        self._release_hold()
        from loyaldesk.core import in_use

        self._holder = in_use.hold(path)  # demo --force and restore leave a practice shown here alone
        self.services = AppServices(db, self)
        self.window = MainWindow(self.services, self.prefs)
        self.window.open_database_requested.connect(self._on_window_open_database)
        # Queued: the backups dialog that asked for the restore closes before the window does.
        self.window.restore_backup_requested.connect(self._on_window_restore_backup_requested,
                                                     Qt.ConnectionType.QueuedConnection)
        self.window.protection_change_requested.connect(self._on_window_protection_change_requested,
                                                        Qt.ConnectionType.QueuedConnection)
        if old_window is not None:
            old_window.save_layout()
            old_window.close()
            old_window.deleteLater()
        if old_services is not None:
            old_services.shutdown()  # (the old database's backup was cancelled before the switch)
            old_services.db.close()
            old_services.deleteLater()
        self.window.show()
        if db.upgrade_problems:  # the upgrade found a stored template over today's limits: say so now
            QMessageBox.warning(self.window, APP_NAME, "\n\n".join(db.upgrade_problems))
        if upkeep:
            self.services.enable_tier_refresh()  # tiers (and so contact intervals) follow the data
        if backup_on_open:
            self._backup_on_open()
        self._check_for_damage()
        return True

    def _release_hold(self) -> None:
        holder = getattr(self, "_holder", None)
        if holder is not None:
            holder.release()
        self._holder = None

    def _check_for_damage(self) -> None:
        """PRAGMA quick_check in the background once the window shows (once per change of the file);
        a damaged file gets one message naming the latest good backup and how to restore it."""
        from loyaldesk.core import db as dbmod
        from loyaldesk.ui.ops import run_quietly

        path, window = self.services.db.path, self.window

        def work(progress):
            with open_database(path, create=False, migrate=False) as own:
                progress.on_cancel(own.conn.interrupt)
                dbmod.check_integrity(own.conn, path)

        def failed(exc) -> None:
            if isinstance(exc, LoyalDeskError) and window is self.window:
                QMessageBox.warning(window, APP_NAME, exc.message)

        op = run_quietly(window, work)
        op.failed.connect(failed)
        self._check_op = op

    def _open_database(self, path: Path):
        """open_database(), asking for the passphrase of a protected file until it is right."""
        from loyaldesk.core.errors import PassphraseRequiredError, WrongPassphraseError
        from loyaldesk.ui.security import ask_to_unlock

        while True:
            try:
                return open_database(path)
            except (PassphraseRequiredError, WrongPassphraseError):
                if not ask_to_unlock(path, self.window):
                    return None
            except LoyalDeskError as exc:
                QMessageBox.critical(self.window, APP_NAME, exc.message)
                return None

    def _on_window_protection_change_requested(self, change) -> None:
        """Close the file and its window, protect it / change its passphrase / remove the protection in a
        worker (with progress), then reopen it in a new window."""
        import shiboken6

        from loyaldesk.ui.ops import run_in_background
        from loyaldesk.ui.security.apply import apply_change, label

        path = self.services.db.path
        old_window, old_services = self.window, self.services
        self._cancel_backup()
        old_services.shutdown()
        old_services.db.close()
        old_window.save_layout()
        # The window goes now, not after the change: its screens (and their timers) must start no work
        # on the file while it is rewritten. Meanwhile the progress dialog is the only window.
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        old_window.hide()
        shiboken6.delete(old_window)
        old_services.deleteLater()
        self.window = self.services = None

        def reopen(outcome=None) -> None:
            self.app.setQuitOnLastWindowClosed(quit_on_close)
            if not self.open(path, backup_on_open=False):
                self.app.quit()  # (open said why)
                return
            if outcome is not None:
                outcome.report(self.window)

        def failed(exc) -> None:  # not a user's error (those are in the outcome): a bug, logged by ops
            QMessageBox.warning(None, APP_NAME, exc.message if isinstance(exc, LoyalDeskError) else str(exc))
            reopen()

        op = run_in_background(None, label(change), lambda progress: apply_change(path, change, progress.tick))
        op.finished.connect(reopen)
        op.failed.connect(failed)
        op.cancelled.connect(reopen)
        self._protection_op = op

    def _backup_on_open(self) -> None:
        """The automatic backup of the database just opened, in the background.

        A failed backup is reported in the status bar and the log; the database stays open.
        """
        from loyaldesk.core import backup
        from loyaldesk.ui.ops import run_quietly

        db = self.services.db
        if db.read_only:
            return
        window = self.window
        path = db.path

        def work(progress):
            with open_database(path, create=False) as own:  # a connection of the worker's own
                return backup.backup_on_open(own, progress=progress.tick)  # quitting cancels it

        def failed(exc) -> None:
            log.warning("backup on open failed: %s", exc)
            message = exc.message if isinstance(exc, LoyalDeskError) else str(exc)
            window.statusBar().showMessage(message, 15000)

        # quiet: the consultant can work meanwhile; the status bar says what happens
        window.statusBar().showMessage(QCoreApplication.translate("AppController", "Backing up…"), 5000)
        op = run_quietly(window, work)
        op.failed.connect(failed)
        self._backup_op = op
        window._backup_op = op

    def _on_window_open_database(self, path: str) -> None:
        self.open(Path(path))

    def _on_window_restore_backup_requested(self, source) -> None:
        """Close the database, put the backup in its place (after a safety backup), reopen it."""
        from loyaldesk.core import backup

        path = self.services.db.path
        parent = self.window
        self._cancel_backup()
        self.services.shutdown()
        self.services.db.close()
        from loyaldesk.core.errors import PassphraseRequiredError, WrongPassphraseError
        from loyaldesk.ui.security import ask_to_unlock

        while True:
            try:
                safety = backup.restore_backup(path, Path(source))
                break
            except (PassphraseRequiredError, WrongPassphraseError) as exc:
                # a backup protected by another passphrase (made before a change): ask for it
                locked = Path(str(exc.params.get("path", source)))
                if ask_to_unlock(locked, parent):
                    continue
                self.open(path, backup_on_open=False)
                return
            except LoyalDeskError as exc:
                QMessageBox.warning(parent, APP_NAME, exc.message)
                self.open(path, backup_on_open=False)
                return
        if self.open(path, backup_on_open=False):
            if safety is not None:
                text = QCoreApplication.translate(
                    "AppController", "Backup restored. The state before the restore was saved as %1."
                ).replace("%1", safety.name)
            else:
                text = QCoreApplication.translate("AppController", "Backup restored.")
            self.window.statusBar().showMessage(text, 15000)

    def _cancel_backup(self) -> None:
        """A backup on open still running stops (and leaves no partial file) when the database closes."""
        op = getattr(self, "_backup_op", None)
        if op is not None and not op.done:
            op.cancel()

    def close(self) -> None:
        self._cancel_backup()
        self._release_hold()
        if self.services is not None:
            self.services.shutdown()
            self.services.db.close()


def run_app(db_path: Path, lang: str | None = None, exit_when_shown: bool = False) -> int:
    prefs = Preferences.load()
    if lang or os.environ.get("LOYALDESK_LANG") or prefs.language:
        lang = choose_language(lang, prefs.language)
    else:  # follow the system locale as Qt sees it (also when started from a desktop launcher)
        lang = "ja" if QLocale.system().name().lower().startswith("ja") else choose_language()
    set_language(lang)
    if db_path == paths.default_db_path():
        db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        # Qt would abort without a word; say what is wrong instead.
        raise LoyalDeskError("cli.no_display", detail="DISPLAY / WAYLAND_DISPLAY")
    route_qt_messages_to_log()
    app = create_application(lang, color_scheme=prefs.color_scheme)
    controller = AppController(app, prefs)
    # --exit-when-shown (checks and the start-up benchmark) shows the window and leaves: it
    # starts no background upkeep (backup on open, tier refresh) that quitting would wait for
    if not controller.open(db_path, backup_on_open=not exit_when_shown, upkeep=not exit_when_shown):
        return 1
    if exit_when_shown:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    if controller.window is not None and not exit_when_shown:
        controller.window.save_layout()
    controller.close()
    return code
