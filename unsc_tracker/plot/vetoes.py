"""The veto record year by year: :func:`vetoes_by_year`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..arguments import VETOES, items
from ..errors import VetoQueryError
from .style import SEAT_COLOURS, present_holder
from .style import matplotlib_or_error as _matplotlib

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..history import Veto

__all__ = ["vetoes_by_year"]


def vetoes_by_year(records: Iterable[Veto] | None = None) -> Figure:
    """Vetoes per year, stacked by permanent seat (all bundled records by default).

    Counting rule: each vetoed text counts once for each member that vetoed it, as in
    :func:`~unsc_tracker.history.count_by_member`, so a text vetoed by China and the Russian
    Federation adds one to each. Each seat has one colour; its legend entry gives the names
    its holders cast vetoes under, in order ("Union of Soviet Socialist Republics / Russian
    Federation"), so the seat's record reads as one series while the names stay those of the
    time. Only years with vetoes have bars.

    Raises :class:`~unsc_tracker.errors.VetoQueryError` when there are no records to plot,
    ``TypeError`` for records that are not :class:`~unsc_tracker.veto.Veto` records.

    >>> from unsc_tracker.history import vetoes
    >>> figure = vetoes_by_year(vetoes(since="2011-01-01", until="2011-12-31"))
    >>> [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    ["People's Republic of China", 'Russian Federation', 'United States of America']
    """
    from ..history import Veto, vetoes

    records = (
        tuple(vetoes())
        if records is None
        else tuple(items(records, Veto, f"vetoes_by_year() takes {VETOES}, or None"))
    )
    _matplotlib("vetoes_by_year")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    if not records:
        raise VetoQueryError("no veto records to plot: the selection is empty")

    per_seat: dict[str, Counter[int]] = {}
    names: dict[str, list[str]] = {}
    for veto in sorted(records, key=lambda v: v.date):
        for state, name in dict.fromkeys(zip(veto.vetoed_by, veto.cast_as, strict=True)):
            seat = present_holder(state).code
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
