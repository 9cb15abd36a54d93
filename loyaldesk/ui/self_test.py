"""`loyaldesk self-test`: the app offscreen on a temporary database with sample data.

Checks what a packaged build can get wrong: resources (fonts, translations, icons) found,
the database layer working, every screen and dialog opening. Exits 0 when all is well.
"""

from __future__ import annotations

import os
import time
import sys
import tempfile
import traceback
from pathlib import Path


def run_self_test(lang: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="loyaldesk-selftest-") as tmp:
        os.environ["LOYALDESK_HOME"] = tmp  # never touch the user's real folders
        try:
            failures = _run(Path(tmp), lang)
        except Exception:
            traceback.print_exc()
            failures = ["unexpected error"]
    if failures:
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        return 1
    print("self-test passed")
    return 0


def _run(tmp: Path, lang: str | None) -> list[str]:
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QDialog

    from loyaldesk import paths
    from loyaldesk.core import demo
    from loyaldesk.core.db import open_database
    from loyaldesk.core.i18n import choose_language, set_language
    from loyaldesk.settings import Preferences
    from loyaldesk.ui import labels
    from loyaldesk.ui.app import UI_FONT_FAMILY, create_application, route_qt_messages_to_log
    from loyaldesk.ui.clients.dialogs import ClientDialog, SessionDialog, TagDialog, TouchpointDialog
    from loyaldesk.ui.main_window import MainWindow
    from loyaldesk.ui.services import AppServices

    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    lang = choose_language(lang)
    set_language(lang)
    check(paths.resources_dir().is_dir(), f"resources found at {paths.resources_dir()}")
    route_qt_messages_to_log()
    app = create_application(lang)
    check(UI_FONT_FAMILY in QFontDatabase.families(), "bundled Japanese font registered")
    for name in ("ja",):
        check(paths.resource("translations", f"loyaldesk_{name}.qm").is_file(), f"translation {name} present")
    if lang != "en":
        check(bool(getattr(app, "_loyaldesk_translators", [])), f"translation {lang} loaded")
    for icon in ("loyaldesk", "clients", "overdue", "session", "contact"):
        check(not labels.icon(icon).isNull(), f"icon {icon}")

    db_path = tmp / "selftest.db"
    db = open_database(db_path)
    summary = demo.generate(db, clients=60, seed=7)
    check(summary.clients == 60, "sample data written")
    from loyaldesk.core import loyalty

    refreshed = loyalty.refresh_tiers(db)
    check(refreshed.report.summary.tiers.get("vip", 0) > 0, "loyalty tiers computed")
    services = AppServices(db)
    window = MainWindow(services, Preferences())
    window.show()
    app.processEvents()
    dashboard = window.dashboard
    window.show_screen(dashboard)
    deadline = time.monotonic() + 30
    while dashboard.figures is None and time.monotonic() < deadline:  # computed in a worker
        app.processEvents()
        time.sleep(0.02)
    check(dashboard.figures is not None, "dashboard figures computed")
    check(dashboard.model.rowCount() > 0, "next actions listed with reasons")
    check(dashboard.pareto_view.chart() is not None and len(dashboard.pareto_view.chart().series()) > 0,
          "charts drawn (QtCharts)")
    for title, screen in window.screens:
        window.show_screen(screen)
        app.processEvents()
        check(window.stack.currentWidget() is screen and screen.isVisible(), f"screen {title} opens")
    screen = window.clients_screen
    check(screen.model.rowCount() > 0, "clients listed")
    overdue = [r for r in screen.model.all_rows() if r.overdue]
    check(bool(overdue), "overdue clients highlighted")
    screen.select_client(screen.model.row_at(0).id)
    check(screen.detail.client is not None and screen.detail.timeline_model.rowCount() >= 0, "client detail shows")
    client = screen.current_client()
    for dialog in (ClientDialog(services, client, window), SessionDialog(services, client, parent=window),
                   TouchpointDialog(services, client, parent=window), TagDialog(services, client, window)):
        dialog.show()
        app.processEvents()
        check(dialog.isVisible(), f"dialog {type(dialog).__name__} opens")
        dialog.done(QDialog.DialogCode.Rejected)
    screen.search.setText(client.name.split()[0])
    screen._on_search_timer_timeout()
    check(screen.model.rowCount() >= 1, "search finds the client")
    window.welcome.show()
    window.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)  # workers hold connections of their own
    db.close()
    _check_protected_sample(tmp, check)
    return failures


def _check_protected_sample(tmp: Path, check) -> None:
    """SQLCipher in the build: a sample protected by a passphrase, opened with it and refused without."""
    from loyaldesk.core import cipher, demo, errors
    from loyaldesk.core.db import open_database

    sample = tmp / "protected.db"
    passphrase = "self-test passphrase"
    try:
        with open_database(sample) as plain:
            demo.generate(plain, clients=5, seed=3)
        cipher.protect(sample, passphrase, keep_plain=False)
        cipher.forget_all()
        try:
            open_database(sample, create=False).close()
            refused = False
        except errors.PassphraseRequiredError:
            refused = True
        cipher.remember(passphrase)
        with open_database(sample, create=False) as protected:
            clients = protected.scalar("SELECT COUNT(*) FROM clients")
        check(refused and clients == 5 and not sample.read_bytes().startswith(b"SQLite format 3"),
              "encrypted sample opens with its passphrase (SQLCipher " + _cipher_version() + ")")
    except errors.LoyalDeskError as exc:
        check(False, f"encrypted sample opens with its passphrase: {exc.message}")
    finally:
        cipher.forget_all()


def _cipher_version() -> str:
    from loyaldesk.core import cipher

    conn = cipher.driver().connect(":memory:")
    try:
        return str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        conn.close()
