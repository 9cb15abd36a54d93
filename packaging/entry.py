"""PyInstaller entry point for LoyalDesk: the same as the `loyaldesk` console script.

For packaging/build.py only: with LOYALDESK_BUNDLE_PROBE=1 in the environment the
bundle prints one JSON object describing where it finds its resources, Qt's
translations and plugins, and which libraries it can import, then exits. Users never
set that variable; without it this file is just `sys.exit(main())`.
"""

import os
import sys


def _bundle_probe() -> int:
    import importlib
    import json

    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QGuiApplication, QImageReader

    from loyaldesk import paths

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication([sys.argv[0]])  # noqa: F841 (image plugins need an application)
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase_ja = QTranslator()
    modules = {}
    for name in ("PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtPrintSupport", "PySide6.QtPdf",
                 "PySide6.QtPdfWidgets", "sqlite3", "sqlite_utils", "jaconv", "platformdirs", "pandas",
                 "reportlab.pdfgen.canvas", "reportlab.platypus", "reportlab.pdfbase.ttfonts", "openpyxl"):
        try:
            importlib.import_module(name)
            modules[name] = True
        except ImportError as exc:
            modules[name] = f"{type(exc).__name__}: {exc}"
    report = {
        "frozen": bool(getattr(sys, "frozen", False)),
        "meipass": getattr(sys, "_MEIPASS", None),
        "resources_dir": str(paths.resources_dir()),
        "qt_translations_path": translations,
        "qtbase_ja_loads": qtbase_ja.load("qtbase_ja", translations),
        "qt_plugins_path": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
        "image_formats": sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats()),
        "modules": modules,
    }
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    if os.environ.get("LOYALDESK_BUNDLE_PROBE") == "1":
        sys.exit(_bundle_probe())
    from loyaldesk.cli import main

    sys.exit(main())
