"""The one screen component for sending documents (loyaldesk.core.documents.pipeline): recipients to tick with
a personal line each, the preview with a page jump, print / save / e-mail drafts, and "record as sent"."""
