"""Store tests that take `desk` or `demo_desk` run on a file and on a server (see both_stores)."""

from both_stores import demo_desk, desk  # noqa: F401 (fixtures)
