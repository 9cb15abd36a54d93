"""Bringing data in and taking it out: normalization, tables, vCard, import, export."""
