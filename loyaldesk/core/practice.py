"""Practice-wide settings that change what the data means, stored in the database itself.

They live in the `settings` table (key -> JSON value), so the CLI, the app and any copy
of the file agree on them. Preferences of this computer (language, window layout) are in
loyaldesk.settings instead.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from loyaldesk.core.db import Database
from loyaldesk.core.errors import ValidationError
from loyaldesk.core.i18n import CATALOG

DEFAULT_CADENCE_DAYS = 90
BACKUP_KEEP_LAST_RANGE = (1, 1000)  # the newest N automatic backups are always kept
BACKUP_KEEP_MONTHLY_RANGE = (0, 600)  # plus the newest of each of the last N calendar months

CATALOG.update({
    "settings.backup_keep_last_invalid": {
        "en": "The number of recent backups to keep must be a whole number between 1 and 1000.",
        "ja": "保持する最近のバックアップの数は 1〜1000 の整数で入力してください。",
    },
    "settings.backup_keep_monthly_invalid": {
        "en": "The number of months with a monthly backup must be a whole number between 0 and 600.",
        "ja": "月ごとのバックアップを残す月数は 0〜600 の整数で入力してください。",
    },
})


@dataclass
class PracticeSettings:
    default_cadence_days: int = DEFAULT_CADENCE_DAYS
    currency: str = "JPY"
    backup_keep_last: int = 10
    backup_keep_monthly: int = 12

    def validate(self) -> None:
        if not (isinstance(self.default_cadence_days, int) and 1 <= self.default_cadence_days <= 3650):
            raise ValidationError("client.cadence_invalid", field="default_cadence_days")
        if not _int_in(self.backup_keep_last, BACKUP_KEEP_LAST_RANGE):
            raise ValidationError("settings.backup_keep_last_invalid", field="backup_keep_last")
        if not _int_in(self.backup_keep_monthly, BACKUP_KEEP_MONTHLY_RANGE):
            raise ValidationError("settings.backup_keep_monthly_invalid", field="backup_keep_monthly")


def _int_in(value: object, bounds: tuple[int, int]) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and bounds[0] <= value <= bounds[1]


def load(db: Database) -> PracticeSettings:
    stored = {row["key"]: row["value"] for row in db.query("SELECT key, value FROM settings")}
    result = PracticeSettings()
    for f in fields(PracticeSettings):
        if f.name in stored:
            try:
                value = json.loads(stored[f.name])
            except ValueError:
                continue
            if isinstance(value, type(getattr(result, f.name))):
                setattr(result, f.name, value)
    return result


def save(db: Database, settings: PracticeSettings) -> None:
    settings.validate()
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(k, json.dumps(v, ensure_ascii=False)) for k, v in asdict(settings).items()],
        )
