"""Where files live by default (platformdirs), shared by the GUI and the command line."""

from pathlib import Path

APP_NAME = "SeminarDesk"
APP_AUTHOR = "SeminarDesk"


def data_dir() -> Path:
    from platformdirs import user_data_path  # only when a default path is needed (start-up)

    return user_data_path(APP_NAME, APP_AUTHOR)


def log_path() -> Path:
    """Where unexpected errors are written, so a person can send them to the developers."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR) / "seminar-desk.log"


def documents_dir() -> Path:
    """The person's documents folder, where reports of a server seminar are offered to go (it
    has no folder of its own); their home folder when there is none."""
    from platformdirs import user_documents_path

    folder = user_documents_path()
    return folder if folder.is_dir() else Path.home()


def default_db_path() -> Path:
    return data_dir() / "seminar.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def resources_dir() -> Path:
    """Fonts and the demo seminar: inside the installed package, or the checkout's resources/."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"  # where pyproject's package-dir puts them on install
    return installed if (installed / "fonts").is_dir() else package.parent / "resources"
