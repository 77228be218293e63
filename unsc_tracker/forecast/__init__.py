"""From members' positions, or per-member ballot probabilities, to the outcome a vote should have.

:func:`expect` takes known positions. ``support`` counts as a yes, ``oppose`` as a no, ``abstain``
as an abstention. Members of that day's Council who are missing from ``positions``, or marked
``undecided``, may still vote any way. A state not on that day's Council raises
:class:`~unsc_tracker.errors.NotOnCouncilError`, and an unknown stance word raises
:class:`~unsc_tracker.errors.BallotError`. The outcomes below follow Article 27 as
:func:`~unsc_tracker.voting.tally` applies it. ``yes`` is the known support, ``u`` the number
undecided, ``T`` the threshold:

- procedural: adopted if ``yes >= T``; failed if ``yes + u < T``; open otherwise;
- a permanent member opposes: vetoed by the opposing permanent members if ``yes + u >= T``
  (certain once ``yes >= T``, since the vote would force their veto), failed otherwise;
- no permanent member opposes: adopted if ``yes >= T`` and no permanent member is undecided;
  failed if ``yes + u < T``; open otherwise, including while an undecided permanent member
  could still veto a draft that has reached the threshold.

An expectation is ``certain`` when every way the undecided members could vote gives that
outcome. Only the outcome counts here: another undecided permanent member joining a certain veto
does not change it. A member is a ``swing`` member when, for some votes of the others, its own
yes, no or abstention changes the outcome.

:func:`probabilities` takes a distribution over ballots for every member of the Council. It gives
the exact chances of adoption, veto and failure by dynamic programming over the count of yes votes.

The modules: :mod:`~unsc_tracker.forecast.expectation` (stances, :class:`Expectation`,
:func:`expect`), :mod:`~unsc_tracker.forecast.chances` (:func:`probabilities`) and
:mod:`~unsc_tracker.forecast.seats` (each member's seat on the day's Council, as both name it).
"""

from __future__ import annotations

from .chances import Distributions, Probabilities, probabilities
from .expectation import Closed, Expectation, Positions, Stance, expect, outlook

__all__ = [
    "Closed",
    "Distributions",
    "Expectation",
    "Positions",
    "Probabilities",
    "Stance",
    "expect",
    "outlook",
    "probabilities",
]
