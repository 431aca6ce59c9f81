"""The `seminar-desk` command: the GUI by default, and commands that need no window."""
