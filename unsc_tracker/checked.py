"""Models whose bad input raises the library's own error, worded with its place and value.

pydantic reports bad input as a ``ValidationError`` listing each problem by its location. A
model of this library derives from :class:`Checked` and names the error it raises instead
(:class:`~unsc_tracker.errors.BallotError` for a vote, ``ScenarioError`` for a scenario...):
``VoteRecord(...)`` and ``VoteRecord.model_validate(...)`` raise it with a message that names
the model, the field and the value. A model inside another is checked by the outer one, so the
place of a problem is the whole path to it (``draft S/2016/846, event 3, field ballots``).

>>> from unsc_tracker.voting import VoteRecord
>>> VoteRecord(date="2016-10-08", ballots={"Russia": "nay"})
Traceback (most recent call last):
unsc_tracker.errors.BallotError: VoteRecord: field ballots: unknown ballot 'nay' for Russian ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ValidationError

from .errors import UnscTrackerError
from .wording import clip

__all__ = ["Checked", "explain", "field_place", "shown"]

Place = Callable[[Sequence[int | str], Any], str]
"""How a problem's location (pydantic's ``loc``) reads, given the data that was validated."""


def shown(value: object) -> str:
    """A value as a message shows it: its repr, cut short; an integer too long to print whole
    (Python refuses beyond 4,300 digits) by its size.

    >>> shown("Russia"), shown(10**40), shown("x" * 100)
    ("'Russia'", 'an integer of 41 digits', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…")
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        size = abs(value)
        digits = int((size.bit_length() - 1) * 0.301029995663981) + 1  # never too many
        while 10**digits <= size:
            digits += 1
        return f"an integer of {digits} digits"
    return clip(repr(value), 60)


def field_place(loc: Sequence[int | str], data: Any = None) -> str:
    """``field a.b``, or ``top level`` for the model as a whole."""
    field = ".".join(str(part) for part in loc)
    return f"field {field}" if field else "top level"


# pydantic's words for the commonest problems, in the library's.
_WORDS = {
    "extra_forbidden": "no such field here (a misspelling, or a field of another kind?)",
    "missing": "required, but not given",
}


def explain(err: ValidationError, where: str, data: Any = None, place: Place = field_place) -> str:
    """One line per problem of ``err``: ``where: place: message (value ...)``; more than one
    problem gives the first, then the others indented below it."""
    lines = []
    for problem in err.errors(include_url=False):
        message = _WORDS.get(problem["type"]) or problem["msg"].removeprefix("Value error, ")
        value = problem.get("input")
        value_text = "" if isinstance(value, dict | list | tuple) else f" (value {shown(value)})"
        lines.append(f"{where}: {place(problem['loc'], data)}: {message}{value_text}")
    head, more = lines[0], len(lines) - 1
    return head + (f"\n  and {more} more:\n  " + "\n  ".join(lines[1:]) if more else "")


class Checked(BaseModel):
    """A model that raises :attr:`error` for bad input, never pydantic's ``ValidationError``."""

    error: ClassVar[type[UnscTrackerError]] = UnscTrackerError
    """The library's error for bad input to this model."""

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as err:
            raise self.error(self._explain(err, type(self).__name__, data)) from None

    # Marked as pydantic marks its own __init__: a model inside another is then validated by the
    # outer one, without this call, and its problems keep their place in the outer model.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        return cls.checked(obj, cls.__name__, **options)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError as err:
            raise cls.error(cls._explain(err, cls.__name__, None)) from None

    @classmethod
    def validated(cls, obj: Any) -> Self:
        """``obj`` validated, with pydantic's own ``ValidationError`` for bad input: for a reader
        that words each problem in its own terms (the line and the column of a file)."""
        return super().model_validate(obj)

    @classmethod
    def checked(
        cls, obj: Any, where: str, error: type[UnscTrackerError] | None = None, **options: Any
    ) -> Self:
        """``obj`` validated; bad input raises ``error`` (default :attr:`error`), each problem
        named after ``where`` (a file, a draft)."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as err:
            raise (error or cls.error)(cls._explain(err, where, obj)) from None

    @classmethod
    def _explain(cls, err: ValidationError, where: str, data: Any) -> str:
        return explain(err, where, data)
