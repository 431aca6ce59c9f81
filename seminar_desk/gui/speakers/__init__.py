"""The list of speakers in the window: shared state, Qt models and help."""
