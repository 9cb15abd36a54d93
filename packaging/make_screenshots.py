"""Remake the README screenshots: every screen of the app offscreen on the sample practice, in English and
Japanese, light and dark.

Usage (from the project root):

    .venv/bin/python packaging/make_screenshots.py [--out docs/screenshots] [--size 1280x720]
                                                   [--schemes light,dark] [--as-of 2026-12-05]

Writes <screen>[-ja][-dark].png for each screen (today, clients, events, letters, addresses, reports) into
--out, at --size (the whole window: navigation, menus, status bar). A --size other than 1280x720 is added
to the names (clients-1024x640.png), so the small-screen shots can be made beside the README's. The sample
practice is generated with a fixed seed as of --as-of in a temporary folder: the user's folders are never
touched. Each language and scheme runs in its own process (translations and palette are set at start).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZE = "1280x720"
SCREENS = ("today", "clients", "events", "letters", "addresses", "reports")


def file_name(screen: str, lang: str, scheme: str, size: str) -> str:
    suffix = ("-ja" if lang == "ja" else "") + ("-dark" if scheme == "dark" else "")
    suffix += "" if size == DEFAULT_SIZE else f"-{size}"
    return f"{screen}{suffix}.png"


def shoot(lang: str, scheme: str, out: Path, size: str, as_of: dt.date) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    tmp = Path(tempfile.mkdtemp(prefix="loyaldesk-shots-"))
    os.environ["LOYALDESK_HOME"] = str(tmp)  # preferences and layouts of this run only
    from PySide6.QtWidgets import QApplication

    from loyaldesk.core import demo, loyalty
    from loyaldesk.core.db import open_database
    from loyaldesk.core.i18n import set_language
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.app import create_application
    from loyaldesk.ui.main_window import MainWindow
    from loyaldesk.ui.services import AppServices

    set_language(lang)
    app = create_application(lang, color_scheme=scheme)
    db = open_database(tmp / "sample.db")
    demo.generate(db, clients=120, seed=5, as_of=as_of)
    loyalty.refresh_tiers(db, as_of)
    services = AppServices(db)
    services.set_as_of(as_of)
    window = MainWindow(services, Preferences())
    width, height = (int(x) for x in size.split("x"))
    window.resize(width, height)
    window.show()

    def settle(seconds: float = 0.8) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    deadline = time.monotonic() + 60
    while window.dashboard.plan is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle()
    screens = dict(zip(SCREENS, (w for _title, w in window.screens)))
    for name, widget in screens.items():
        window.show_screen(widget)
        if name == "clients":  # an overdue client with a history: the highlight and the detail's badge
            screen = window.clients_screen
            row = next((r for r in range(screen.model.rowCount())
                        if screen.model.row_at(r).overdue_days and screen.model.row_at(r).sessions >= 3), 0)
            screen.table.selectRow(row)
        panel = getattr(widget, "panel", None)  # Letters and Addresses: the PDF preview renders in a worker
        end = time.monotonic() + 60
        while panel is not None and not panel.page_count() and time.monotonic() < end:
            settle(0.2)
        settle(1.5 if panel is not None else 0.8)
        window.grab().save(str(out / file_name(name, lang, scheme, size)))
    services.shutdown()
    window.close()
    db.close()
    QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default=DEFAULT_SIZE)
    parser.add_argument("--schemes", default="light,dark", help="light, dark or both (comma-separated)")
    parser.add_argument("--langs", default="en,ja")
    parser.add_argument("--as-of", default="2026-12-05")
    parser.add_argument("--one", nargs=2, metavar=("LANG", "SCHEME"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.one:  # one language and scheme per process
        shoot(args.one[0], args.one[1], out, args.size, as_of)
        return 0
    for lang in args.langs.split(","):
        for scheme in args.schemes.split(","):
            subprocess.run([sys.executable, __file__, "--out", str(out), "--size", args.size, "--as-of", args.as_of,
                            "--one", lang, scheme], check=True)
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
