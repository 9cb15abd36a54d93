"""Typed errors a user can cause. Each carries a message a consultant understands."""

from __future__ import annotations

from loyaldesk.core.i18n import t


class LoyalDeskError(Exception):
    """Base class: an error with a message fit for the user, in the current language."""

    key = "db.error"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message


class DatabaseError(LoyalDeskError):
    pass


class DatabaseNotFoundError(DatabaseError):
    key = "db.not_found"


class NewerDatabaseError(DatabaseError):
    key = "db.newer"


class NotADatabaseError(DatabaseError):
    key = "db.not_a_database"


class DatabaseLockedError(DatabaseError):
    key = "db.locked"


class ReadOnlyDatabaseError(DatabaseError):
    key = "db.readonly"


class DiskFullError(DatabaseError):
    key = "db.disk_full"


class PassphraseRequiredError(DatabaseError):
    """A passphrase-protected practice file and no passphrase given."""

    key = "db.passphrase_required"


class WrongPassphraseError(DatabaseError):
    """A passphrase-protected practice file that none of the given passphrases opens."""

    key = "db.wrong_passphrase"


class ValidationError(LoyalDeskError):
    """Input that cannot be saved as it is. `field` names the offending field."""

    def __init__(self, key: str, field: str | None = None, **params: object) -> None:
        self.field = field
        super().__init__(key, **params)


class NotFoundError(LoyalDeskError):
    key = "client.not_found"
