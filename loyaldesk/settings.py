"""Preferences of this computer (a dataclass saved as JSON in the config folder).

Practice-wide settings that change what the data means (the default contact interval)
live in the database instead: see loyaldesk.core.practice.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from loyaldesk import paths

log = logging.getLogger(__name__)
FILE_NAME = "preferences.json"


@dataclass
class Preferences:
    language: str = ""  # "", "en" or "ja"; "" follows the system
    color_scheme: str = "system"  # "system" (follow the system's light or dark setting), "light" or "dark"
    last_db: str = ""
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    clients_splitter: str = ""
    clients_header: str = ""  # base64 of QHeaderView.saveState()
    dashboard_splitter: str = ""
    # the same window, splitter and column layout per screen size ("1280x720": {...}): a layout made on a
    # large monitor is not forced onto a laptop's screen, and each comes back where it was
    layouts: dict = field(default_factory=dict)
    ui_state: dict = field(default_factory=dict)

    @classmethod
    def file(cls) -> Path:
        return paths.config_dir() / FILE_NAME

    @classmethod
    def load(cls) -> Preferences:
        try:
            data = json.loads(cls.file().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            log.warning("preferences unreadable; using defaults", exc_info=True)
            return cls()
        prefs = cls()
        for f in fields(cls):
            if f.name in data and isinstance(data[f.name], type(getattr(prefs, f.name))):
                setattr(prefs, f.name, data[f.name])
        return prefs

    def save(self) -> None:
        """Write atomically, so a crash never leaves half a file."""
        target = self.file()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".prefs-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, ensure_ascii=False, indent=1)
            os.replace(tmp, target)
        except OSError:
            log.warning("could not save preferences", exc_info=True)
