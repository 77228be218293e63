"""``python -m unsc_tracker``: the same command as ``unsc-tracker``."""

from .cli import main

# Guarded so that importing the module (pytest's doctest collection does) runs nothing.
if __name__ == "__main__":
    raise SystemExit(main())
