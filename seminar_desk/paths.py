"""Where files live by default (platformdirs), shared by the GUI and the command line."""

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "SeminarDesk"
APP_AUTHOR = "SeminarDesk"


def data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR)


def default_db_path() -> Path:
    return data_dir() / "seminar.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def resources_dir() -> Path:
    """Fonts, icons and styles: inside the installed package, or the checkout's resources/."""
    try:
        from importlib.resources import files

        installed = Path(str(files("seminar_desk.resources")))
        if (installed / "fonts").is_dir():
            return installed
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources"
