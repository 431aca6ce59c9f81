"""The one way to say no to a person: every layer raises these, the GUI and CLI show them.

A `Refusal` carries a sentence a person can act on ("The list of speakers is closed: …"),
naming what and where. Anything else that escapes a service is a bug: the GUI runner logs it
and shows an error dialog, the CLI prints it with the log's path.
"""


class Refusal(Exception):  # noqa: N818 (what the person meets: a refusal, not an error)
    """What a person may not do, or what is wrong with their input, in their words."""

    @property
    def message(self) -> str:
        return str(self)


class NotFound(Refusal, LookupError):
    """What a person named (a day, an agenda item, a breakout group) is not in the seminar,
    or names several things (the message lists them)."""


class Gone(Refusal):
    """The record an action names was deleted meanwhile (another window, an undo)."""
