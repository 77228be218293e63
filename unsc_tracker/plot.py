"""Figures: a draft's timeline, one vote seat by seat, and the veto record year by year.

Each function returns a new :class:`matplotlib.figure.Figure`, built without ``pyplot``, so no
GUI backend and no global state is involved; save it with ``figure.savefig(path)``, or show it
in a notebook by leaving it as the cell's value. matplotlib is the ``plot`` extra and is imported
inside the functions only: importing this module draws nothing and needs no matplotlib.

>>> from unsc_tracker.scenarios import load_scenario
>>> result = load_scenario("aleppo-2016").replay("S/2016/846").final.result
>>> figure = vote_chart(result, title="S/2016/846")
>>> [text.get_text() for text in figure.legends[0].get_texts()]
['yes', 'no', 'abstain', 'veto']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .council import council
from .errors import BallotError, MissingExtraError, VetoQueryError
from .events import PositionStated, VoteHeld
from .lifecycle import START
from .members import MemberState, member
from .voting import Ballot, Outcome, VoteResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from .forecast import Expectation
    from .history import Veto
    from .replay import Replay, Snapshot

__all__ = [
    "BALLOT_COLOURS",
    "SEAT_COLOURS",
    "STAGE_COLOURS",
    "timeline",
    "vetoes_by_year",
    "vote_chart",
]

# Okabe-Ito colours, told apart with the common forms of colour blindness.
BALLOT_COLOURS: Mapping[Ballot, str] = {
    Ballot.YES: "#009E73",
    Ballot.NO: "#D55E00",
    Ballot.ABSTAIN: "#E69F00",
    Ballot.ABSENT: "#BBBBBB",
    Ballot.NOT_VOTING: "#CC79A7",
}
"""The colour of each ballot in :func:`vote_chart`."""

SEAT_COLOURS: Mapping[str, str] = {
    "CHN": "#009E73",
    "FRA": "#F0E442",
    "GBR": "#CC79A7",
    "RUS": "#D55E00",
    "USA": "#0072B2",
}
"""The colour of each permanent seat in :func:`vetoes_by_year`, keyed by its present holder."""

STAGE_COLOURS: Mapping[str, str] = {
    "concept": "#F0F0F0",
    "zero_draft": "#E3ECF7",
    "negotiation": "#CFE1F2",
    "under_silence": "#DCD0EC",
    "agreed": "#D5EDD5",
    "in_blue": "#A9CBEA",
    "scheduled": "#FBE3B8",
    "adopted": "#A8DDB5",
    "vetoed": "#F4B6A6",
    "failed": "#F9D3C6",
    "withdrawn": "#D9D9D9",
    "not_put_to_vote": "#C8C8C8",
}
"""The band colour of each stage (``Stage`` values) in :func:`timeline`."""

_STANCE_COLOURS = {
    "support": BALLOT_COLOURS[Ballot.YES],
    "oppose": BALLOT_COLOURS[Ballot.NO],
    "abstain": BALLOT_COLOURS[Ballot.ABSTAIN],
    "undecided": "#777777",
}
_BALLOT_WORDS = {
    Ballot.YES: "yes",
    Ballot.NO: "no",
    Ballot.ABSTAIN: "abstain",
    Ballot.ABSENT: "absent",
    Ballot.NOT_VOTING: "not voting",
}
_VETO_HATCH = "///"


def _matplotlib(feature: str) -> None:
    """Import matplotlib, or say which extra brings it."""
    try:
        import matplotlib  # the parent first: a blocked parent stops cached submodules
        import matplotlib.figure  # noqa: F401
    except ImportError as err:
        raise MissingExtraError(feature, "plot", "matplotlib") from err


# --- one vote ------------------------------------------------------------------------------------


def vote_chart(result: VoteResult, *, title: str | None = None) -> Figure:
    """One vote, seat by seat: permanent members above elected ones, coloured by ballot.

    Members are labelled with the names they sat under that day (``Council.name_then``), so a
    1950 vote shows the Republic of China and the Union of Soviet Socialist Republics. Vetoing
    members are hatched and edged in black (legend entry "veto"). A side panel sets the count of
    each ballot against the threshold of "yes" votes (Art. 27(2)-(3)). ``title`` defaults to the
    date and the result.

    Raises :class:`~unsc_tracker.errors.BallotError` when the result carries no ballots, ballots
    from states not on the Council that day, or ballots that do not add up to its counts: the
    chart needs every member's ballot.

    >>> from datetime import date
    >>> from unsc_tracker.voting import tally
    >>> figure = vote_chart(tally({"US": "yes", "UK": "yes", "France": "yes", "Russia": "no",
    ...                            "China": "abstain"}, on=date(2016, 10, 8)))
    >>> [text.get_text() for text in figure.legends[0].get_texts()]
    ['yes', 'no', 'abstain', 'absent']
    """
    _matplotlib("vote_chart")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

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
    caption = title if title is not None else f"{_long_date(result)}: {result}"
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


# --- a draft's life ------------------------------------------------------------------------------

_ROWS = {"stage": 2, "position": 1, "other": 0}


def timeline(replay: Replay) -> Figure:
    """A draft's life: stages as coloured bands over the dates, each event a mark, and below, the
    members known to be in favour against the threshold, with the expected outcome where it
    changed; the vote is annotated with its result.

    Marks: a diamond for an event that changed the stage, a circle for a position stated
    (coloured by the stance), a bar for any other event, a star for the vote. Events of one day
    are spread across that day in the order of the record. The title is the draft's symbol.

    Raises :class:`~unsc_tracker.errors.DateOutOfRecordError` for a replay with no events.

    >>> from unsc_tracker.scenarios import load_scenario
    >>> figure = timeline(load_scenario("aleppo-2016").replay("S/2016/846"))
    >>> figure.axes[0].get_title(loc="left")
    'S/2016/846'
    """
    _matplotlib("timeline")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    final = replay.final  # no events: DateOutOfRecordError, naming the draft
    snapshots = replay.snapshots
    first_day = snapshots[0].day
    places = _spread(snapshots, first_day)
    span = (final.day - first_day).days + 1
    margin = max(0.0, span * 0.03 - 0.5)  # on long spans, room for marks at the ends
    start, end = -margin, span + margin

    figure = Figure(figsize=(11, 6.2), layout="constrained")
    grid = figure.add_gridspec(2, 1, height_ratios=(1.6, 1.2))
    events: Axes = figure.add_subplot(grid[0, 0])
    expected: Axes = figure.add_subplot(grid[1, 0], sharex=events)

    stages_present: list[str] = []
    for stage, left, right in _bands(snapshots, places, start, end):
        for axes in (events, expected):
            axes.axvspan(left, right, color=STAGE_COLOURS[stage], linewidth=0, zorder=0)
        if stage not in stages_present:
            stages_present.append(stage)

    previous = START
    stances_present: list[str] = []
    drawn: set[str] = set()
    for snapshot, x in zip(snapshots, places, strict=True):
        event = snapshot.event
        changed = snapshot.stage != previous or bool(snapshot.inferred)
        previous = snapshot.stage
        if isinstance(event, VoteHeld):
            events.plot(x, _ROWS["stage"], marker="*", markersize=16, color="black", gid="vote")
        elif changed:
            events.plot(x, _ROWS["stage"], marker="D", markersize=8, color="#333333", gid="stage")
            drawn.add("stage")
        elif isinstance(event, PositionStated):
            stance = event.stance.value
            events.plot(
                x,
                _ROWS["position"],
                marker="o",
                markersize=9,
                markeredgecolor="black",
                color=_STANCE_COLOURS[stance],
                gid="position",
            )
            if stance not in stances_present:
                stances_present.append(stance)
        else:
            events.plot(x, _ROWS["other"], marker="|", markersize=14, mew=2, color="#555555")
            drawn.add("other")

    if final.result is not None:
        x = places[next(i for i, s in enumerate(snapshots) if s.result is not None)]
        events.annotate(
            str(final.result),
            xy=(x, _ROWS["stage"]),
            xytext=(-12, 26),
            textcoords="offset points",
            ha="right",
            va="bottom",
            fontsize=10,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "black"},
            arrowprops={"arrowstyle": "->", "color": "black"},
        )
    events.set_yticks(
        list(_ROWS.values()), labels=["stage changes", "positions stated", "other events"]
    )
    events.set_ylim(-0.7, 3.4)
    events.tick_params(axis="y", length=0)
    events.tick_params(axis="x", labelbottom=False)
    symbol = final.symbol or replay.draft.symbol or replay.draft.id
    events.set_title(symbol, loc="left", fontsize=13, fontweight="bold")

    _draw_expectations(expected, snapshots, places, end)
    expected.set_xlim(start, end)
    _day_ticks(expected, first_day, final.day)

    handles: list[Patch | Line2D] = [
        Patch(facecolor=STAGE_COLOURS[stage], label=stage.replace("_", " "))
        for stage in stages_present
    ]
    if "stage" in drawn:
        handles.append(_mark("D", "#333333", "stage change"))
    handles.extend(_mark("o", _STANCE_COLOURS[s], f"position: {s}") for s in stances_present)
    if "other" in drawn:
        handles.append(_mark("|", "#555555", "other event"))
    if final.result is not None:
        handles.append(_mark("*", "black", "vote"))
    figure.legend(handles=handles, loc="outside lower center", ncols=6, frameon=False)
    return figure


def _mark(marker: str, colour: str, label: str) -> Line2D:
    from matplotlib.lines import Line2D

    edge = "black" if marker == "o" else colour
    return Line2D(
        [], [], linestyle="", marker=marker, color=colour, markeredgecolor=edge, label=label
    )


def _spread(snapshots: Sequence[Snapshot], first_day: date) -> list[float]:
    """An x for each event, in days from the first: events of one day spaced evenly across it."""
    per_day = Counter(snapshot.day for snapshot in snapshots)
    seen: Counter[date] = Counter()
    places = []
    for snapshot in snapshots:
        day = snapshot.day
        places.append((day - first_day).days + (seen[day] + 0.5) / per_day[day])
        seen[day] += 1
    return places


def _day_ticks(axes: Axes, first_day: date, last_day: date) -> None:
    """Ticks at the start of days (every day for a short span), labelled "3 Oct 2016"."""
    span = (last_day - first_day).days + 1
    step = max(1, -(-span // 14))
    days = [first_day + timedelta(days=offset) for offset in range(0, span + 1, step)]
    labels = [f"{day.day} {day:%b}" for day in days]
    labels[0] += f"\n{first_day.year}"
    for index, day in enumerate(days[1:], start=1):
        if day.year != days[index - 1].year:
            labels[index] += f"\n{day.year}"
    axes.set_xticks([float((day - first_day).days) for day in days], labels=labels)


def _bands(
    snapshots: Sequence[Snapshot], places: Sequence[float], start: float, end: float
) -> list[tuple[str, float, float]]:
    """One (stage, left, right) span for each run of snapshots in the same stage."""
    bands: list[tuple[str, float, float]] = []
    left = start
    for index in range(1, len(snapshots)):
        if snapshots[index].stage != snapshots[index - 1].stage:
            bands.append((snapshots[index - 1].stage.value, left, places[index]))
            left = places[index]
    bands.append((snapshots[-1].stage.value, left, end))
    return bands


def _draw_expectations(
    axes: Axes, snapshots: Sequence[Snapshot], places: Sequence[float], end: float
) -> None:
    """Members known in favour as a step line, the threshold, and the expected outcome where it
    changes (the vote's own count once it is held)."""
    xs = [*places, end]
    yes = [snapshot.expected.yes for snapshot in snapshots]
    axes.step(xs, [*yes, yes[-1]], where="post", color="#0072B2", linewidth=2, gid="expected")
    thresholds = {snapshot.expected.threshold for snapshot in snapshots}
    for threshold in sorted(thresholds):
        axes.axhline(threshold, color="black", linestyle="--", linewidth=1)
        axes.text(
            0.01,
            threshold + 0.3,
            f"{threshold} needed",
            ha="left",
            va="bottom",
            fontsize=9,
            transform=axes.get_yaxis_transform(),  # x in axes fractions, y in members
        )
    size = max(snapshot.expected.yes + len(snapshot.expected.undecided) for snapshot in snapshots)
    top = max(size, *thresholds) + 3
    said: tuple[object, ...] | None = None
    lift = 0
    for snapshot, x in zip(snapshots, places, strict=True):
        expectation = snapshot.expected
        voted = snapshot.result is not None
        state = (expectation.outcome, expectation.vetoed_by, expectation.certain, voted)
        if state == said:
            continue
        said = state
        right_half = x > end / 2
        axes.annotate(
            _expected_words(expectation, voted),
            xy=(x, expectation.yes),
            xytext=(-4 if right_half else 4, 10 + 16 * lift),
            textcoords="offset points",
            fontsize=9,
            ha="right" if right_half else "left",
            va="bottom",
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.9},
            gid="expected-label",
        )
        lift = (lift + 1) % 3
    axes.set_ylim(0, top)
    axes.set_ylabel("members in favour")


def _expected_words(expectation: Expectation, voted: bool) -> str:
    """The expected outcome in a few words."""
    if voted:
        return f"vote: {expectation.yes} in favour, {expectation.threshold} needed"
    if expectation.closed is not None:
        return f"no vote: {expectation.closed}"
    if expectation.outcome is None:
        return f"open: {expectation.needed} more needed"
    prefix = "certain: " if expectation.certain else "expected: "
    if expectation.outcome is Outcome.VETOED:
        who = " and ".join(state.name for state in expectation.vetoed_by)
        return f"{prefix}vetoed by {who}"
    return f"{prefix}{expectation.outcome.value}"


# --- the veto record -----------------------------------------------------------------------------


def vetoes_by_year(records: Iterable[Veto] | None = None) -> Figure:
    """Vetoes per year, stacked by permanent seat (all bundled records by default).

    Counting rule: each vetoed text counts once for each member that vetoed it, as in
    :func:`~unsc_tracker.history.count_by_member`, so a text vetoed by China and the Russian
    Federation adds one to each. Each seat has one colour; its legend entry gives the names
    its holders cast vetoes under, in order ("Union of Soviet Socialist Republics / Russian
    Federation"), so the seat's record reads as one series while the names stay those of the
    time. Only years with vetoes have bars.

    Raises :class:`~unsc_tracker.errors.VetoQueryError` when there are no records to plot.

    >>> from unsc_tracker.history import vetoes
    >>> figure = vetoes_by_year(vetoes(since="2011-01-01", until="2011-12-31"))
    >>> [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    ["People's Republic of China", 'Russian Federation', 'United States of America']
    """
    _matplotlib("vetoes_by_year")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    if records is None:
        from .history import vetoes

        records = vetoes()
    records = tuple(records)
    if not records:
        raise VetoQueryError("no veto records to plot: the selection is empty")

    per_seat: dict[str, Counter[int]] = {}
    names: dict[str, list[str]] = {}
    for veto in sorted(records, key=lambda v: v.date):
        for state, name in dict.fromkeys(zip(veto.vetoed_by, veto.cast_as, strict=True)):
            seat = _present_holder(state).code
            per_seat.setdefault(seat, Counter())[veto.date.year] += 1
            if name not in names.setdefault(seat, []):
                names[seat].append(name)

    years = sorted({year for counts in per_seat.values() for year in counts})
    figure = Figure(figsize=(12, 5.2), layout="constrained")
    axes: Axes = figure.add_subplot()
    bottom = dict.fromkeys(years, 0)
    for seat in sorted(per_seat, key=lambda code: " / ".join(names[code])):
        counts = per_seat[seat]
        drawn = [year for year in years if counts[year]]
        axes.bar(
            drawn,
            [counts[year] for year in drawn],
            bottom=[bottom[year] for year in drawn],
            width=0.85,
            color=SEAT_COLOURS.get(seat, "#999999"),
            edgecolor="#333333",
            linewidth=0.3,
            label=" / ".join(names[seat]),
            gid=f"seat:{seat}",
        )
        for year in drawn:
            bottom[year] += counts[year]
    first, last = years[0], years[-1]
    span = f"{first}" if first == last else f"{first}\u2013{last}"
    axes.set_title(f"Vetoes per year by permanent member, {span}", loc="left")
    axes.set_ylabel("vetoes (one per text per vetoing member)")
    axes.set_xlim(first - 1, last + 1)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=16, steps=[1, 2, 5, 10], integer=True))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(0, max(bottom.values()) * 1.5)  # room for the legend above the bars
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.legend(loc="upper right", frameon=False)
    return figure


def _present_holder(state: MemberState) -> MemberState:
    """The seat's present holder (the Russian Federation for the USSR)."""
    while state.successor is not None:
        state = member(state.successor)
    return state
