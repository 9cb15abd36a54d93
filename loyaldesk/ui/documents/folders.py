"""One default folder for everything the app saves: the last folder used, else Documents (else home)."""

from __future__ import annotations

from pathlib import Path

KEY = "save_folder"


def default_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    from loyaldesk.settings import Preferences

    last = Preferences.load().ui_state.get(KEY)
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(folder: Path | str) -> None:
    from loyaldesk.settings import Preferences

    prefs = Preferences.load()
    prefs.ui_state[KEY] = str(folder)
    prefs.save()
