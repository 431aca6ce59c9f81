"""The seminar itself: its own details (service.py) and the demo seminar's builder (demo.py,
reading resources/demo/). Callers import SeminarService from here."""

from seminar_desk.services.seminar.service import SeminarService

__all__ = ["SeminarService"]
