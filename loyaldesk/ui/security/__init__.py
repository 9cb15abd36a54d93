"""Passphrase protection in the app: the passphrase asked at open, Preferences > Security."""

from loyaldesk.ui.security.dialogs import NewPassphraseDialog, PassphraseDialog, ProtectionChange, ask_to_unlock

__all__ = ["NewPassphraseDialog", "PassphraseDialog", "ProtectionChange", "ask_to_unlock"]
