"""Errors the store raises with a message a person can act on."""

from seminar_desk.domain.refusal import Refusal


class StoreError(Refusal):
    """A problem with the seminar file; str() names the file and what is wrong."""


class DatabaseLockedError(StoreError):
    """Another Seminar Desk already has the file open for writing."""


class NotASeminarFileError(StoreError):
    """The file is not a SQLite database, is corrupt, or was made by a newer release."""
