"""Test-wide settings."""

from hypothesis import settings

# Timing is measured by the scripts in benchmarks/, never by the tests: no per-example deadline,
# so a loaded CI machine cannot turn a slow example into a failure.
settings.register_profile("unsc-tracker", deadline=None)
settings.load_profile("unsc-tracker")
