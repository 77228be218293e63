"""One vote seat by seat: :func:`vote_chart`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..arguments import given, optional_text
from ..council import council
from ..errors import BallotError
from ..members import MemberState, member
from ..voting import Ballot, VoteRecord, VoteResult, tally
from .style import _BALLOT_WORDS, _VETO_HATCH, BALLOT_COLOURS
from .style import matplotlib_or_error as _matplotlib

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..record import Vote
    from ..replay import Replay

__all__ = ["vote_chart"]


def vote_chart(
    vote: VoteResult | VoteRecord | Vote | Replay,
    *,
    title: str | None = None,
    symbol: str | None = None,
    meeting: str | None = None,
) -> Figure:
    """One vote, seat by seat: permanent members above elected ones, coloured by ballot.

    ``vote`` is a result, a recorded vote, a vote of the record (:func:`~unsc_tracker.votes`) or
    a replayed draft that went to the vote. Members are labelled with the names they sat under
    that day (``Council.name_then``), so a 1950 vote shows the Republic of China and the Union of
    Soviet Socialist Republics. Vetoing members are hatched and edged in black (legend entry
    "veto"). A side panel sets the count of each ballot against the threshold of "yes" votes
    (Art. 27(2)-(3)).

    ``title`` defaults to the text voted on, the date, the meeting and the result:
    "S/2016/846, 8 October 2016 (S/PV.7785): vetoed by Russian Federation (11-2-2)". The symbol
    and the meeting come from the vote or the replay, or from ``symbol`` and ``meeting``, which
    a bare :class:`VoteResult` needs (without them its title says "symbol not given").

    Raises :class:`~unsc_tracker.errors.BallotError` when the result carries no ballots, ballots
    from states not on the Council that day, or ballots that do not add up to its counts (the
    chart needs every member's ballot), and for a replay with no vote; ``TypeError`` for anything
    else than the four kinds of vote, and for a title, symbol or meeting that is not text.

    >>> from datetime import date
    >>> from unsc_tracker.voting import tally
    >>> figure = vote_chart(tally({"US": "yes", "UK": "yes", "France": "yes", "Russia": "no",
    ...                            "China": "abstain"}, on=date(2016, 10, 8)), symbol="S/2016/846")
    >>> [text.get_text() for text in figure.legends[0].get_texts()]
    ['yes', 'no', 'abstain', 'absent']
    >>> figure.texts[0].get_text()
    'S/2016/846, 8 October 2016: failed: 3 in favour, 9 required (3-1-1)'
    """
    for name, value in (("title", title), ("symbol", symbol), ("meeting", meeting)):
        optional_text(value, "vote_chart()", name)
    _matplotlib("vote_chart")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    result, symbol, meeting = _the_vote(vote, symbol, meeting)

    sitting = council(on=result.on)
    ballots = _checked_ballots(result, sitting.members)
    vetoers = {state.code for state in result.vetoed_by}
    groups = (("Permanent members", sitting.permanent), ("Elected members", sitting.elected))

    rows = len(sitting.members) + len(groups)
    figure = Figure(figsize=(9.5, 1.6 + 0.36 * rows), layout="constrained")
    grid = figure.add_gridspec(1, 2, width_ratios=(3.2, 1.4))
    seats: Axes = figure.add_subplot(grid[0, 0])
    counts: Axes = figure.add_subplot(grid[0, 1])

    ticks: list[float] = []
    labels: list[str] = []
    headers: list[int] = []
    row = 0
    for heading, states in groups:
        headers.append(len(labels))
        ticks.append(row)
        labels.append(heading)
        row += 1
        for state in states:
            ballot = ballots[state.code]
            vetoed = state.code in vetoers
            seats.barh(
                row,
                1.0,
                height=0.8,
                color=BALLOT_COLOURS[ballot],
                edgecolor="black" if vetoed else "white",
                linewidth=2.0 if vetoed else 0.5,
                hatch=_VETO_HATCH if vetoed else None,
                gid=f"member:{state.code}",
            )
            word = _BALLOT_WORDS[ballot] + (" (veto)" if vetoed else "")
            seats.text(
                0.5,
                row,
                word,
                ha="center",
                va="center",
                fontsize=9,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "linewidth": 0}
                if vetoed
                else None,
            )
            ticks.append(row)
            labels.append(sitting.name_then(state))
            row += 1
    seats.set_yticks(ticks, labels=labels)
    for index in headers:
        label = seats.get_yticklabels()[index]
        label.set_fontweight("bold")
    seats.tick_params(axis="y", length=0)
    seats.set_ylim(row - 0.5, -0.5)
    seats.set_xlim(0, 1)
    seats.set_xticks([])
    for side in ("top", "right", "bottom", "left"):
        seats.spines[side].set_visible(False)
    where = f" ({meeting})" if meeting else ""
    named = symbol if symbol else "Vote (symbol not given)"
    caption = title if title is not None else f"{named}, {_long_date(result)}{where}: {result}"
    figure.suptitle(caption, x=0.01, ha="left", fontweight="bold")

    present = [ballot for ballot in Ballot if ballot in ballots.values()]
    tallies = Counter(ballots.values())
    positions = range(len(present))
    counts.bar(
        positions,
        [tallies[ballot] for ballot in present],
        color=[BALLOT_COLOURS[ballot] for ballot in present],
        gid="counts",
    )
    for position, ballot in zip(positions, present, strict=True):
        counts.text(position, tallies[ballot] + 0.2, str(tallies[ballot]), ha="center", va="bottom")
    counts.axhline(result.threshold, color="black", linestyle="--", linewidth=1.2)
    counts.text(
        len(present) - 0.5,
        result.threshold + 0.25,
        f"{result.threshold} yes needed",
        ha="right",
        va="bottom",
        fontsize=9,
    )
    counts.set_xticks(list(positions), labels=[_BALLOT_WORDS[ballot] for ballot in present])
    counts.set_ylim(0, sitting.size + 1.5)
    counts.set_ylabel("members")
    counts.spines["top"].set_visible(False)
    counts.spines["right"].set_visible(False)

    handles = [Patch(facecolor=BALLOT_COLOURS[b], label=_BALLOT_WORDS[b]) for b in present]
    if vetoers:
        handles.append(Patch(facecolor="white", edgecolor="black", hatch=_VETO_HATCH, label="veto"))
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False)
    return figure


def _the_vote(
    vote: object, symbol: str | None, meeting: str | None
) -> tuple[VoteResult, str | None, str | None]:
    """The result of ``vote`` and the symbol and meeting it carries, unless they are given."""
    from ..record import Vote
    from ..replay import Replay

    if isinstance(vote, Replay):
        held = next((s for s in vote if s.result is not None), None)
        if held is None:
            raise BallotError(
                f"vote_chart(): vote is the replay of {vote.draft.id}, which holds no vote"
            )
        found = (held.symbol or vote.draft.symbol, getattr(held.event, "meeting", None))
        return held.result, symbol or found[0], meeting or found[1]  # type: ignore[return-value]
    if isinstance(vote, Vote):
        vote = vote.to_record()
    if isinstance(vote, VoteRecord):
        return tally(vote), symbol or vote.symbol, meeting or vote.meeting
    if isinstance(vote, VoteResult):
        return vote, symbol, meeting
    raise TypeError(
        "vote_chart() takes a VoteResult, a VoteRecord, a Vote of the record or a Replay, "
        f"not {given(vote)}"
    )


def _checked_ballots(result: VoteResult, members: Sequence[MemberState]) -> dict[str, Ballot]:
    """Every member's ballot (missing ones absent), checked against the result's counts."""
    if not result.ballots:
        raise BallotError(
            f"the vote of {result.on.isoformat()} ({result.counts}) carries no ballots: "
            "vote_chart needs each member's ballot, as tally() records them"
        )
    ballots = {state.code: result.ballots.get(state.code, Ballot.ABSENT) for state in members}
    seated = set(ballots)
    strays = sorted(member(code).name for code in result.ballots if code not in seated)
    if strays:
        raise BallotError(
            f"the vote of {result.on.isoformat()} has ballots from {', '.join(strays)}, "
            "not members of the Security Council that day"
        )
    found = Counter(ballots.values())
    expected = {
        Ballot.YES: result.yes,
        Ballot.NO: result.no,
        Ballot.ABSTAIN: result.abstain,
        Ballot.ABSENT: result.absent,
        Ballot.NOT_VOTING: result.not_voting,
    }
    if any(found[ballot] != count for ballot, count in expected.items()):
        seen = f"{found[Ballot.YES]}-{found[Ballot.NO]}-{found[Ballot.ABSTAIN]}"
        raise BallotError(
            f"the ballots of the vote of {result.on.isoformat()} add up to {seen}, "
            f"not to its counts {result.counts}"
        )
    return ballots


def _long_date(result: VoteResult) -> str:
    return f"{result.on.day} {result.on:%B %Y}"
