"""Every path LoyalDesk uses: data, backups, config, logs and bundled resources.

The user folders come from platformdirs. Tests and power users can redirect all of
them at once with the environment variable LOYALDESK_HOME (one folder holding data/,
config/ and logs/); the database alone is chosen with --db or LOYALDESK_DB.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "LoyalDesk"
DB_FILE_NAME = "loyaldesk.db"


def _home_override() -> Path | None:
    home = os.environ.get("LOYALDESK_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "config"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_DIR_NAME, appauthor=False))


def backup_dir() -> Path:
    return data_dir() / "backups"


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def resolve_db_path(cli_value: str | os.PathLike | None) -> Path:
    """--db wins, then LOYALDESK_DB, then the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("LOYALDESK_DB")
    if env:
        return Path(env).expanduser()
    return default_db_path()


def resources_dir() -> Path:
    """The bundled resources, found the same way from a checkout, a wheel and a PyInstaller bundle."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")  # installed wheel
    candidates.append(package_dir.parent / "resources")  # checkout / editable install
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("LoyalDesk resources not found; the installation is incomplete")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
