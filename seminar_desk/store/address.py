"""Where a seminar lives: a file path, or a SQLAlchemy URL of a PostgreSQL server.

`--db`, File › Open and the copy command take either. A server URL is recognised by its scheme
(`postgresql://` or `postgresql+psycopg://`); everything else is a file path, so a file named
`postgres.sqlite` stays a file. The password in a URL is never shown (titles, messages).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
DRIVER = "postgresql+psycopg"


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and target.lower().startswith(SERVER_SCHEMES)


def server_url(target: str) -> URL:
    """The URL with psycopg 3 as its driver, whatever the scheme said."""
    from sqlalchemy.engine import make_url  # here: `--db PATH` opens the window before SQLAlchemy

    url = make_url(target.replace("postgres://", "postgresql://", 1))
    return url.set(drivername=DRIVER)


def shown(url: URL) -> str:
    """The URL as a person sees it: no password."""
    return url.render_as_string(hide_password=True).replace(":***@", "@")


def as_target(text: str) -> Path | str:
    """What `--db TEXT` names: a server URL kept as text, else a path."""
    return text if is_server_url(text) else Path(text)


def describe(target: Path | str) -> str:
    """A file path or a server URL as it may be shown."""
    return shown(server_url(target)) if is_server_url(target) else str(target)


def file_of(target: Path | str) -> Path | None:
    """The seminar file a target names, or None for a server."""
    return None if is_server_url(target) else Path(target)


def missing(target: Path | str) -> bool:
    """A file that does not exist (a server's database is never "missing" before asking it)."""
    file = file_of(target)
    return file is not None and not file.exists()
