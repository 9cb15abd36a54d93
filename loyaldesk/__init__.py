"""LoyalDesk: keep clients and their sessions in one local SQLite file and cultivate loyal clients."""

__version__ = "0.1.0"
APP_NAME = "LoyalDesk"
