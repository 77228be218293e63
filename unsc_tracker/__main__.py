"""``python -m unsc_tracker``: the same command as ``unsc-tracker``."""

from .cli import main

raise SystemExit(main())
