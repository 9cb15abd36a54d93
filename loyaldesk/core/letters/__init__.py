"""Personalized direct mail: templates (sandboxed Jinja2), recipients and PDF letters (reportlab)."""
