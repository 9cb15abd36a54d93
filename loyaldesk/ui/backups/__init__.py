"""The backups screen: list the backups of the open database, back up now, restore one."""

from loyaldesk.ui.backups.dialog import BackupsDialog

__all__ = ["BackupsDialog"]
