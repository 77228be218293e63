"""Test-wide settings.

Hypothesis runs under the profile ``unsc-tracker``: the examples each test asks for, or
Hypothesis's default of 100, small enough for every run of the suite. The fuzz tests
(``tests/test_fuzz*.py``) take their number of examples from the profile, and a longer profile,
``fuzz``, is run by hand (see ``docs/testing.md``)::

    UNSC_TRACKER_HYPOTHESIS=fuzz python -m pytest tests/test_fuzz*.py --hypothesis-show-statistics
"""

import os

from hypothesis import HealthCheck, settings

# Timing is measured by the scripts in benchmarks/, never by the tests: no per-example deadline,
# so a loaded CI machine cannot turn a slow example into a failure.
settings.register_profile("unsc-tracker", deadline=None)
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=10_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.load_profile(os.environ.get("UNSC_TRACKER_HYPOTHESIS", "unsc-tracker"))
