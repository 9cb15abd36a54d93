"""The LoyalDesk domain. Never imports PySide6 (a test enforces it)."""
