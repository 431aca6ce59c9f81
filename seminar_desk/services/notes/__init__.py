"""The notes & breakouts feature: rapporteurs' notes and their rows (service.py), when typed
text is saved (autosave.py) and where it waits when the file will not take it (journal.py),
breakout groups (breakouts.py), the consolidated register (register.py) and search (search.py).

Callers import from the module that holds a name: importing one part does not load the others.
"""
