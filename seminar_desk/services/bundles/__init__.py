"""Bundles: one file carrying a seminar, or part of it, from one laptop's file to another's,
merged by the records' stable ids (see docs/bundles.md)."""
