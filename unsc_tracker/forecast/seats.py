"""The members of the day's Council as the forecasts name them: each one's seat, and the words
for a list of them."""

from __future__ import annotations

from collections.abc import Mapping

from ..council import Seats, not_on_council
from ..errors import BallotError
from ..members import MemberState, code_of, member

__all__: list[str] = []


def _names(states: tuple[MemberState, ...], last: str = " and ") -> str:
    names = [state.name for state in states]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + last + names[-1]


def _seat_of(who: object, seating: Seats) -> int:
    """The index of a member on the day's Council, or an error naming the state and the day."""
    if type(who) is MemberState or isinstance(who, MemberState):
        code = who.code
    elif isinstance(who, str):
        code = code_of(who)
    else:
        raise TypeError(f"a member is named by a string or MemberState, not {type(who).__name__}")
    seat = seating.position.get(code)
    if seat is None:
        raise not_on_council(member(code), seating.council.on)
    return seat


def _arguments(given: object, procedural: object, function: str, what: str) -> None:
    """A clear TypeError for arguments of the wrong type: ``given`` maps members to ``what``."""
    if not isinstance(given, Mapping):
        raise TypeError(
            f"{function}() takes a mapping of members to {what}, not {type(given).__name__}"
        )
    if not isinstance(procedural, bool):
        raise TypeError(f"procedural is True or False, not {type(procedural).__name__}")


def _repeated(seating: Seats, seat: int, who: object, what: str) -> BallotError:
    return BallotError(
        f"{seating.members[seat].name} has two {what}s; {who!r} names the same member "
        "as an earlier entry"
    )
