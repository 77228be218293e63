"""Replay the two Aleppo drafts of October 2016, day by day, from the bundled record.

Each line is one event: its date, what happened, the stage the draft reached, and the outcome
to expect from what was known that day. The last lines give the results of the 8 October vote.
"""

from __future__ import annotations

from unsc_tracker.replay import Snapshot
from unsc_tracker.scenarios import load_scenario


def expected_words(snapshot: Snapshot) -> str:
    """The expected outcome in a few words (the full text is ``str(snapshot.expected)``)."""
    if snapshot.result is not None:
        return f"result: {snapshot.result}"
    expected = snapshot.expected
    if expected.outcome is None:
        return f"open ({expected.needed} more yes votes needed)"
    if expected.vetoed_by:
        who = " and ".join(state.name for state in expected.vetoed_by)
        return f"expect a veto by {who}"
    return f"expect: {expected.outcome.value}"


def main() -> None:
    scenario = load_scenario("aleppo-2016")
    for draft in scenario.drafts:
        replay = scenario.replay(draft.id)
        print(f"{draft.id}: {len(replay)} events")
        print(f"  {'date':<10}  {'event':<52}  {'stage':<12}  expected")
        for snapshot in replay:
            event = snapshot.event.summary
            event = event if len(event) <= 52 else event[:49] + "..."
            print(
                f"  {snapshot.day.isoformat():<10}  {event:<52}  {snapshot.stage.value:<12}  "
                f"{expected_words(snapshot)}"
            )
            for warning in snapshot.warnings:
                print(f"  {'':<10}  warning: {warning}")
        print()
    print("Results of the 7785th meeting, 8 October 2016 (S/PV.7785):")
    for draft in scenario.drafts:
        final = scenario.replay(draft.id).final
        print(f"  {draft.id}: {final.result}")


if __name__ == "__main__":
    main()
