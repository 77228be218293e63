"""How often two members voted alike: the voting-coincidence table, members by members.

For each pair of members, over the votes on which both cast a ballot, the share that agree.
Three measures are in use in the field, named by ``method``:

- ``"identical"`` (default): the share of votes on which both voted the same way, yes, no or
  abstain, over the votes on which both voted yes, no or abstain;
- ``"yes_no"``: the coincidence of the US State Department's annual *Voting Practices in the
  United Nations*: only votes on which both voted yes or no count, abstentions are left out;
- ``"lijphart"``: Lijphart's index of agreement (1963): full agreement counts 1, one member
  abstaining while the other voted yes or no counts 1/2, yes against no counts 0.

Members absent or not voting, and votes with no ballots on record, never count. Votes adopted
without a vote have no ballots and so do not count either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..arguments import NAMES, VOTES, given, items
from ..errors import RecordQueryError
from ..members import MemberState, member
from ..voting import Ballot
from .extras import pandas_or_error
from .vote import Vote

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["METHODS", "agreement"]

METHODS = ("identical", "yes_no", "lijphart")
"""The measures :func:`agreement` computes."""

_PERMANENT_SEATS = ("CHN", "FRA", "RUS", "SUN", "GBR", "USA")


def agreement(
    votes: Iterable[Vote],
    members: Sequence[str | MemberState] | None = None,
    *,
    method: str = "identical",
    counts: bool = False,
) -> DataFrame:
    """Voting coincidence of every pair of members: a members-by-members table (needs pandas).

    Rows and columns are ISO codes (``members`` in the order given, else every member with a
    ballot in ``votes``, the permanent seats first, then by name). Each cell is a share from 0 to
    1 (``NaN`` when the two never voted on the same text); the diagonal is 1 where the member
    voted. With ``counts=True`` the cells are instead the number of votes the share is taken
    over. See the module's notes for ``method``.

    Raises :class:`~unsc_tracker.errors.RecordQueryError` for an unknown ``method``,
    :class:`~unsc_tracker.errors.UnknownMemberError` for an unknown name, and ``TypeError`` for
    ``votes`` that are not votes of the record or ``members`` that is not a list of names.

    >>> import unsc_tracker as ut
    >>> table = agreement(ut.votes(since="2016-10-08", until="2016-10-08"), ["China", "Russia", "US"])
    >>> table.round(2).values.tolist()
    [[1.0, 0.5, 0.0], [0.5, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    if not isinstance(method, str):
        raise TypeError(f"agreement(): method is text (str), one of {METHODS}, not {given(method)}")
    if method not in METHODS:
        raise RecordQueryError(f"method={method!r}: one of {', '.join(map(repr, METHODS))}")
    given_votes = items(votes, Vote, f"agreement() takes {VOTES}")
    named = (
        None
        if members is None
        else items(members, (str, MemberState), f"agreement() takes {NAMES}, or None")
    )
    pd = pandas_or_error("agreement()")
    import numpy as np

    cast = [vote for vote in given_votes if vote.ballots]
    if named is None:
        codes = _default_order({code for vote in cast for code in vote.ballots})
    else:
        codes = list(dict.fromkeys(member(name).code for name in named))
    position = {code: index for index, code in enumerate(codes)}
    shape = (len(cast), len(codes))
    yes, no, abstain = np.zeros(shape, bool), np.zeros(shape, bool), np.zeros(shape, bool)
    for row, vote in enumerate(cast):
        for code, ballot in vote.ballots.items():
            column = position.get(code)
            if column is None:
                continue
            if ballot is Ballot.YES:
                yes[row, column] = True
            elif ballot is Ballot.NO:
                no[row, column] = True
            elif ballot is Ballot.ABSTAIN:
                abstain[row, column] = True
    y, n, a = (matrix.astype(np.int64) for matrix in (yes, no, abstain))
    same = y.T @ y + n.T @ n
    if method == "yes_no":
        voted = y + n
        over = voted.T @ voted
        agreed = same
    else:
        voted = y + n + a
        over = voted.T @ voted
        agreed = same + a.T @ a
        if method == "lijphart":
            agreed = agreed + 0.5 * (a.T @ (y + n) + (y + n).T @ a)
    if counts:
        values = over
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(over > 0, agreed / np.maximum(over, 1), np.nan)
    frame = pd.DataFrame(values, index=pd.Index(codes, name="member"), columns=codes)
    frame.columns.name = "with"
    frame.attrs["method"] = method  # so a figure of the table says how it was counted
    frame.attrs["counts"] = counts
    return frame


def _default_order(codes: set[str]) -> list[str]:
    permanent = [code for code in _PERMANENT_SEATS if code in codes]
    others = sorted(codes - set(permanent), key=lambda code: member(code).name)
    return permanent + others
