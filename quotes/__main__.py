"""``python -m quotes``: the command line."""

from quotes.cli import main

raise SystemExit(main())
