"""One default folder for everything the app saves: the last folder used, else Documents (else home).

Kept in a small file of its own in the config folder (not in the preferences, which the main window
writes back whole when it closes).
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)
FILE_NAME = "save-folder.txt"


def _file() -> Path:
    from loyaldesk import paths

    return paths.config_dir() / FILE_NAME


def default_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    try:
        last = _file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        last = ""
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(folder: Path | str) -> None:
    """The folder the next save starts in (a failure to write it is logged, never shown)."""
    target = _file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(str(Path(folder).resolve()), encoding="utf-8")
    except OSError:
        log.warning("could not remember the folder", exc_info=True)
