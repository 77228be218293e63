"""Figures of the vote record: who votes with whom, and each member's ballots year by year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..arguments import NAMES, VOTES, items, optional_text
from ..errors import RecordQueryError
from ..members import MemberState, member
from ..voting import Ballot
from .style import _BALLOT_WORDS, BALLOT_COLOURS
from .style import matplotlib_or_error as _matplotlib

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

    from ..record import Vote

__all__ = ["agreement_heatmap", "ballots_by_year"]

_METHOD_WORDS = {
    "identical": "identical ballots (yes, no or abstain)",
    "yes_no": "identical yes or no, abstentions left out",
    "lijphart": "Lijphart's index (an abstention counts half)",
}


def agreement_heatmap(
    votes: Iterable[Vote] | DataFrame,
    members: Sequence[str | MemberState] | None = None,
    *,
    method: str = "identical",
    title: str | None = None,
) -> Figure:
    """How often each pair of members voted alike, as a members-by-members heat map.

    ``votes`` is a selection of the record (the table is then computed with
    :func:`~unsc_tracker.record.agreement`, which needs pandas) or a table ``agreement`` already
    returned. Each cell shows the share in per cent (``gid`` ``"cell:RUS:CHN"``); cells of two
    members who never voted on the same text are grey and empty. The colour scale runs from 0
    to 1 for every figure, so figures compare.

    Raises the errors of :func:`~unsc_tracker.record.agreement` (``TypeError`` for votes that
    are not votes of the record, or members not a list of names), and ``TypeError`` for a title
    that is not text.

    >>> import unsc_tracker as ut
    >>> figure = agreement_heatmap(ut.votes(since="2016-10-08", until="2016-10-08"),
    ...                            ["China", "Russia", "US"])
    >>> [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "cell:CHN:RUS"]
    ['50']
    """
    optional_text(title, "agreement_heatmap()", "title")
    _matplotlib("agreement_heatmap")
    import numpy as np
    from matplotlib.figure import Figure

    if hasattr(votes, "columns") and hasattr(votes, "index"):
        table: Any = votes
        # A table made by agreement() says how it was counted; another table is taken as given.
        chosen_method = getattr(table, "attrs", {}).get("method", method)
    else:
        from ..record import agreement

        table = agreement(votes, members, method=method)
        chosen_method = method
    codes = [str(code) for code in table.index]
    if not codes:
        raise RecordQueryError("no ballots to compare: the selection holds no vote with ballots")
    values = np.asarray(table.to_numpy(dtype=float))
    size = len(codes)
    labels = [f"{member(code).name} ({code})" for code in codes]
    label_width = 0.075 * max(len(label) for label in labels)  # inches, at the default size
    figure = Figure(
        figsize=(2.5 + label_width + 0.5 * size, 2.0 + 0.45 * size), layout="constrained"
    )
    axes: Axes = figure.add_subplot()
    from matplotlib import colormaps

    colours = colormaps["viridis"].with_extremes(bad="#DDDDDD")
    image = axes.imshow(np.ma.masked_invalid(values), cmap=colours, vmin=0.0, vmax=1.0)
    image.set_gid("agreement")
    for row in range(size):
        for column in range(size):
            share = values[row, column]
            if np.isnan(share):
                continue
            axes.text(
                column,
                row,
                f"{100 * share:.0f}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if share < 0.6 else "black",
                gid=f"cell:{codes[row]}:{codes[column]}",
            )
    axes.set_xticks(range(size), labels=codes, rotation=90)
    axes.set_yticks(range(size), labels=labels)
    axes.tick_params(length=0)
    bar = figure.colorbar(image, ax=axes, shrink=0.8)
    bar.set_label("share of votes on which the two agreed")
    words = _METHOD_WORDS.get(chosen_method, chosen_method)
    axes.set_title(title if title is not None else f"Voting coincidence: {words}", loc="left")
    return figure


def ballots_by_year(
    votes: Iterable[Vote],
    members: str | MemberState | Sequence[str | MemberState],
    *,
    title: str | None = None,
) -> Figure:
    """Each member's ballots year by year, stacked by ballot: one panel per member.

    Counts the ballots on record (votes with counts only, or adopted without a vote, have
    none). Bars are coloured as in :func:`~unsc_tracker.plot.vote_chart`, each with ``gid``
    ``"RUS:no"``; only years in which the member voted have bars. Raises
    :class:`~unsc_tracker.errors.RecordQueryError` for a member with no ballot in ``votes``,
    ``TypeError`` for votes that are not votes of the record, members that are not names, and a
    title that is not text.

    >>> import unsc_tracker as ut
    >>> figure = ballots_by_year(ut.votes(since="2016-01-01", until="2017-12-31"), "Russia")
    >>> sorted({p.get_gid() for p in figure.axes[0].patches})
    ['RUS:abstain', 'RUS:no', 'RUS:yes']
    """
    from ..record import Vote

    given_votes = items(votes, Vote, f"ballots_by_year() takes {VOTES}")
    wanted = (
        [members]
        if isinstance(members, str | MemberState)
        else items(
            members, (str, MemberState), f"ballots_by_year() takes a member's name or {NAMES}"
        )
    )
    optional_text(title, "ballots_by_year()", "title")
    _matplotlib("ballots_by_year")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    states = list(dict.fromkeys(member(name) for name in wanted))
    if not states:
        raise RecordQueryError("ballots_by_year needs at least one member")
    chosen = [vote for vote in given_votes if vote.ballots]
    per_member: dict[str, dict[Ballot, Counter[int]]] = {}
    for state in states:
        found: dict[Ballot, Counter[int]] = {ballot: Counter() for ballot in Ballot}
        for vote in chosen:
            ballot = vote.ballots.get(state.code)
            if ballot is not None:
                found[ballot][vote.date.year] += 1
        if not any(found.values()):
            raise RecordQueryError(f"{state.name} has no ballot among the votes given")
        per_member[state.code] = found
    figure = Figure(figsize=(11, 0.6 + 2.6 * len(states)), layout="constrained")
    panels = figure.subplots(len(states), 1, sharex=True, squeeze=False)[:, 0]
    present: list[Ballot] = []
    for axes, state in zip(panels, states, strict=True):
        found = per_member[state.code]
        years = sorted({year for counts in found.values() for year in counts})
        bottom = dict.fromkeys(years, 0)
        for ballot in Ballot:
            drawn = [year for year in years if found[ballot][year]]
            if not drawn:
                continue
            if ballot not in present:
                present.append(ballot)
            axes.bar(
                drawn,
                [found[ballot][year] for year in drawn],
                bottom=[bottom[year] for year in drawn],
                width=0.8,
                color=BALLOT_COLOURS[ballot],
                edgecolor="white",
                linewidth=0.4,
                gid=f"{state.code}:{ballot.value}",
            )
            for year in drawn:
                bottom[year] += found[ballot][year]
        axes.set_title(state.name, loc="left", fontsize=10)
        axes.set_ylabel("ballots")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.spines["top"].set_visible(False)
        axes.spines["right"].set_visible(False)
    present.sort(key=list(Ballot).index)
    handles = [Patch(facecolor=BALLOT_COLOURS[b], label=_BALLOT_WORDS[b]) for b in present]
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False)
    if title is not None:
        figure.suptitle(title, x=0.01, ha="left", fontweight="bold")
    return figure
