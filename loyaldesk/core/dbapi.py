"""The DB-API error classes of both database drivers, for `except dbapi.Error:`.

A plain practice file is opened with Python's sqlite3, a passphrase-protected one with
SQLCipher's driver (loyaldesk.core.cipher); each raises its own classes. ``dbapi.Error``,
``dbapi.OperationalError``... are tuples holding sqlite3's class and, once SQLCipher has been
loaded, SQLCipher's: they work in ``except`` and ``isinstance``. SQLCipher is never imported
here (commands on plain files start without it): while it is not loaded it cannot raise.
"""

from __future__ import annotations

import sqlite3
import sys

_NAMES = frozenset({
    "Error", "Warning", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
    "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError",
})
CIPHER_MODULE = "sqlcipher3.dbapi2"


def __getattr__(name: str) -> tuple[type[BaseException], ...]:
    if name not in _NAMES:
        raise AttributeError(name)
    classes: list[type[BaseException]] = [getattr(sqlite3, name)]
    driver = sys.modules.get(CIPHER_MODULE)
    if driver is not None:
        classes.append(getattr(driver, name))
    return tuple(classes)
