"""The Reports page: choose a report, see its page count, export it in the background."""
