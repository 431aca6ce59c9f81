"""Start Seminar Desk from a source checkout: `python main.py [--db PATH]`."""

from seminar_desk.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
