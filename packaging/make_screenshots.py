"""Remake the README screenshots: the app offscreen on the sample practice, in English and Japanese.

Usage (from the project root):

    .venv/bin/python packaging/make_screenshots.py [--out docs] [--size 1280x720] [--dark] [--as-of 2026-12-05]

Writes screenshot-today.png and screenshot-today-ja.png (the Today screen) and
screenshot-clients.png / screenshot-clients-ja.png into --out. The sample practice is
generated with a fixed seed as of --as-of, in a temporary folder: the user's folders are never
touched.
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


def shoot(lang: str, out: Path, size: tuple[int, int], dark: bool, as_of: dt.date) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from loyaldesk.core import demo, loyalty
    from loyaldesk.core.db import open_database
    from loyaldesk.core.i18n import set_language
    from loyaldesk.settings import Preferences
    from loyaldesk.ui.app import create_application
    from loyaldesk.ui.main_window import MainWindow
    from loyaldesk.ui.services import AppServices

    set_language(lang)
    app = create_application(lang)
    if dark:
        palette = QPalette()
        for role, color in ((QPalette.ColorRole.Window, "#2B2F33"), (QPalette.ColorRole.WindowText, "#E8EAED"),
                            (QPalette.ColorRole.Base, "#1F2225"), (QPalette.ColorRole.AlternateBase, "#2B2F33"),
                            (QPalette.ColorRole.Text, "#E8EAED"), (QPalette.ColorRole.Button, "#34393E"),
                            (QPalette.ColorRole.ButtonText, "#E8EAED"), (QPalette.ColorRole.Highlight, "#2F7D86"),
                            (QPalette.ColorRole.HighlightedText, "#FFFFFF")):
            palette.setColor(role, QColor(color))
        app.setPalette(palette)
    tmp = Path(tempfile.mkdtemp(prefix="loyaldesk-shots-"))
    os.environ["LOYALDESK_HOME"] = str(tmp)
    db = open_database(tmp / "sample.db")
    demo.generate(db, clients=120, seed=5, as_of=as_of)
    loyalty.refresh_tiers(db, as_of)
    services = AppServices(db)
    services.set_as_of(as_of)
    window = MainWindow(services, Preferences())
    window.resize(*size)
    window.show()
    deadline = time.monotonic() + 60
    while window.dashboard.plan is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
    suffix = "-ja" if lang == "ja" else ""
    suffix += "-dark" if dark else ""
    window.grab().save(str(out / f"screenshot-today{suffix}.png"))
    window.show_screen(window.clients_screen)
    for _ in range(40):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(out / f"screenshot-clients{suffix}.png"))
    services.shutdown()
    window.close()
    db.close()
    QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--as-of", default="2026-12-05")
    parser.add_argument("--lang", choices=("en", "ja"), default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    as_of = dt.date.fromisoformat(args.as_of)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.lang:  # one language per process (the translators are installed at start)
        shoot(args.lang, out, (width, height), args.dark, as_of)
        return 0
    for lang in ("en", "ja"):
        cmd = [sys.executable, __file__, "--out", str(out), "--size", args.size, "--as-of", args.as_of,
               "--lang", lang] + (["--dark"] if args.dark else [])
        subprocess.run(cmd, check=True)
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
