"""The Participants page and its table model."""
