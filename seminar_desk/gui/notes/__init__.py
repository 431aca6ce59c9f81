"""The rapporteurs' workspace widgets: notes editor, breakout groups, register, models."""
