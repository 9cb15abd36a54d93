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

DEFAULT_CADENCE_DAYS = 90


@dataclass
class PracticeSettings:
    default_cadence_days: int = DEFAULT_CADENCE_DAYS
    currency: str = "JPY"

    def validate(self) -> None:
        if not (isinstance(self.default_cadence_days, int) and 1 <= self.default_cadence_days <= 3650):
            raise ValidationError("client.cadence_invalid", field="default_cadence_days")


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
