"""Seminar Desk: run a multi-day seminar offline from one SQLite file."""

__version__ = "0.1.0"
