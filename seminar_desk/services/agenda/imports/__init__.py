"""Agenda imports: readers (one module per kind of file, listed in registry.py) turn a file
into an ImportedAgenda (model.py) for a preview; commit.py then writes it all or nothing.

Read with `registry.read_agenda`, commit with `commit.import_agenda`. Nothing is imported here,
so the light registry (the command line's help) does not load the database layer.
"""
