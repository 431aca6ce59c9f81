"""`python -m seminar_desk` behaves like the `seminar-desk` command."""

from seminar_desk.cli.main import main

raise SystemExit(main())
