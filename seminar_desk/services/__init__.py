"""Use cases: one short transaction per user action, each reporting what it changed.

No Qt here: the GUI, the command line and the tests all drive the same services.
"""
