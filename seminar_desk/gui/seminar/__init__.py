"""The Seminar page: the seminar's own details (title, dates, venue, time zone)."""
