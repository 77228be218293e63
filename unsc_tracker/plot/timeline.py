"""A draft's life from its first record to the vote: :func:`timeline`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..arguments import REPLAY, of_type
from ..events import PositionStated, VoteHeld
from ..lifecycle import START
from ..members import member
from ..voting import Outcome
from .style import _STANCE_COLOURS, STAGE_COLOURS
from .style import matplotlib_or_error as _matplotlib

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from ..forecast import Expectation
    from ..replay import Replay, Snapshot

__all__ = ["timeline"]

_ROWS = {"stage": 2, "position": 1, "other": 0}


def timeline(replay: Replay) -> Figure:
    """A draft's life: stages as coloured bands over the dates, each event a mark, and below, the
    members known to be in favour against the threshold, with the expected outcome where it
    changed; the vote is annotated with its result.

    Marks: a diamond for an event that changed the stage, a circle for a position stated
    (coloured by the stance, labelled with the member's ISO code), a bar for any other event, a
    star for the vote. Events of one day
    are spread across that day in the order of the record. The title is the draft's symbol.

    Raises :class:`~unsc_tracker.errors.DateOutOfRecordError` for a replay with no events,
    ``TypeError`` for anything but a replay.

    >>> from unsc_tracker.scenarios import load_scenario
    >>> figure = timeline(load_scenario("aleppo-2016").replay("S/2016/846"))
    >>> figure.axes[0].get_title(loc="left")
    'S/2016/846'
    """
    from ..replay import Replay

    of_type(replay, Replay, f"timeline() takes {REPLAY}")
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
    stated = 0
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
            code = member(event.member).code
            events.plot(
                x,
                _ROWS["position"],
                marker="o",
                markersize=9,
                markeredgecolor="black",
                color=_STANCE_COLOURS[stance],
                gid="position",
            )
            # who stated it: the member's ISO code, above and below the row by turns, so that
            # positions stated on one day do not cover each other's labels
            above = stated % 2 == 0
            stated += 1
            events.annotate(
                code,
                xy=(x, _ROWS["position"]),
                xytext=(0, 8 if above else -8),
                textcoords="offset points",
                ha="center",
                va="bottom" if above else "top",
                fontsize=8,
                gid=f"position:{code}",
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
