"""Widgets of the Agenda page: the day's table model, the item editor and dialogs."""
