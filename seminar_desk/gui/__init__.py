"""The window (PySide6 + qasync). The only package that imports Qt."""
