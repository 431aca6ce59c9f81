"""Errors the store raises with a message a person can act on."""

from seminar_desk.domain.refusal import Refusal


class StoreError(Refusal):
    """A problem with the seminar file; str() names the file and what is wrong."""


class DatabaseLockedError(StoreError):
    """Another Seminar Desk already has the file open for writing."""


class NotASeminarFileError(StoreError):
    """The file is not a SQLite database, is corrupt, or was made by a newer release."""


class ReadOnlyFileError(StoreError):
    """The file (or its folder) cannot be written: it can still be opened read-only."""


class DiskFullError(StoreError):
    """The disk holding the file is full: the change was not written (nothing half-written)."""


class DamagedFileError(StoreError):
    """The file fails SQLite's quick_check: it may be read (read-only) but never written."""

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem


class ReadOnlyRefusal(StoreError, ValueError):
    """A change was asked of a file that is open read-only (a ValueError too, like the other
    refusals of an edit, so pages that show those show this one)."""
