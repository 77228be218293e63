"""Why Article 27 gives a vote's outcome, in one sentence naming the rule that decided it."""

from __future__ import annotations

from ..council import council
from ..voting import Ballot, VoteResult
from ..wording import joined, the

__all__ = ["explain"]


def explain(result: VoteResult) -> str:
    """Why Article 27 gives this outcome, in one sentence naming the rule that decided it.

    >>> from unsc_tracker import tally
    >>> print(explain(tally({"China": "yes", "Russia": "yes", "Egypt": "yes", "Venezuela": "yes",
    ...     "Angola": "abstain", "Uruguay": "abstain", "France": "no", "UK": "no", "US": "no",
    ...     "Japan": "no", "Malaysia": "no", "New Zealand": "no", "Senegal": "no", "Spain": "no",
    ...     "Ukraine": "no"}, on="2016-10-08")))
    4 in favour < 9 required: failed; the no votes of France, the United Kingdom of Great
    Britain and Northern Ireland and the United States of America are not vetoes, since the
    draft fell short
    """
    reached = result.yes >= result.threshold
    count = f"{result.yes} in favour {'≥' if reached else '<'} {result.threshold} required"
    if result.procedural:
        return f"procedural vote, so no veto applies; {count}: {result.outcome.value}"
    permanent = council(on=result.on).permanent
    said_no = [s for s in permanent if result.ballots.get(s.code) is Ballot.NO]
    if not reached:
        if said_no:
            names = joined([the(s.name) for s in said_no])
            return (
                f"{count}: failed; the no vote{'s' if len(said_no) > 1 else ''} of {names} "
                f"{'are' if len(said_no) > 1 else 'is'} not "
                f"{'vetoes' if len(said_no) > 1 else 'a veto'}, since the draft fell short"
            )
        return f"{count}: failed"
    if result.vetoed_by:
        names = joined([the(s.name) for s in result.vetoed_by])
        who = "a permanent member" if len(result.vetoed_by) == 1 else "permanent members"
        return f"{count}; {names}, {who}, voted no: vetoed"
    abstaining = [s for s in permanent if result.ballots.get(s.code) not in (None, Ballot.YES)]
    if abstaining:
        names = joined([the(s.name) for s in abstaining])
        return (
            f"{count}, and no permanent member voted no ({names} did not vote yes, "
            "which is no veto): adopted"
        )
    return f"{count}, and no permanent member voted no: adopted"
