"""Small widgets and dialogs shared by the pages (questions, wrapping labels)."""
