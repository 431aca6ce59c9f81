"""Participant imports: `reading.py` turns a CSV or XLSX list (headers matched by `headers.py`,
cells checked by `values.py`) into plain rows and row problems; `plan.py` compares them with the
seminar (delegations matched by `delegations.py`: added, merged, unchanged, new delegations) for
the preview; `commit.py` writes the plan in one undoable action, all or nothing.
"""
