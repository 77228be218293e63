"""What a public function checks of its arguments' Python types, before it uses them.

An argument of a type the function does not take is a ``TypeError`` that says what the function
takes, which argument it is and what was given (for an item of a collection, its number), never
an ``AttributeError`` from deep inside. These checks are of types only: a value of the right type
that is wrong (a day outside the record, an unknown name) is the library's own error, raised
where the value is used.

>>> items([1], str, "names() takes member names (str)")
Traceback (most recent call last):
TypeError: names() takes member names (str), not int 1 (item 1)
>>> optional_text(5, "vote_frame()", "symbol")
Traceback (most recent call last):
TypeError: vote_frame(): symbol is text (str) or None, not int 5
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, overload

from .checked import shown

__all__ = ["NAMES", "REPLAY", "VETOES", "VOTES", "given", "items", "of_type", "optional_text"]

T = TypeVar("T")
U = TypeVar("U")

REPLAY = "a Replay (scenario.replay(draft), or a tracker's)"
"""What a function that takes a draft's replay says it takes."""
VOTES = "votes of the record (from ut.votes()): a list or any other iterable of Vote"
"""What a function of votes of the record says it takes."""
VETOES = "Veto records (from vetoes()): a list or any other iterable of Veto"
"""What a function of the veto record says it takes."""
NAMES = "members as a list of names (str or MemberState)"
"""What a function of several members says it takes."""


def given(value: object) -> str:
    """What was given, as a message says it: its type and its value, cut short (``int 5``); an
    integer too long to print by its size (``an integer of 41 digits``)."""
    text = shown(value)
    return text if text.startswith("an integer of") else f"{type(value).__name__} {text}"


def of_type(value: object, kind: type[T] | tuple[type[T], ...], takes: str) -> T:
    """``value``, once sure it is a ``kind``; otherwise a ``TypeError`` that starts with
    ``takes`` (what the function takes)."""
    if not isinstance(value, kind):
        raise TypeError(f"{takes}, not {given(value)}")
    return value


@overload
def items(values: object, kind: type[T], takes: str) -> list[T]: ...
@overload
def items(values: object, kind: tuple[type[T], type[U]], takes: str) -> list[T | U]: ...
def items(values: object, kind: type | tuple[type, ...], takes: str) -> list[Any]:
    """``values`` as a list, once sure it is a collection (not text, bytes or a mapping) of
    ``kind``; otherwise a ``TypeError`` that starts with ``takes`` (what the function takes)."""
    if isinstance(values, str | bytes | bytearray | Mapping) or not isinstance(values, Iterable):
        raise TypeError(f"{takes}, not {given(values)}")
    found = list(values)
    for number, item in enumerate(found, 1):
        if not isinstance(item, kind):
            raise TypeError(f"{takes}, not {given(item)} (item {number})")
    return found


def optional_text(value: object, caller: str, name: str) -> None:
    """A ``TypeError`` unless ``value`` (the argument ``name`` of ``caller``) is text or None."""
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{caller}: {name} is text (str) or None, not {given(value)}")
