"""One exception hierarchy for everything the library raises on bad input.

Every error a user can meet derives from :class:`UnscTrackerError`, and also from the
built-in type a Python programmer would expect (``LookupError`` for names and dates that
are not in the record, ``ValueError`` for malformed values), so ``except ValueError`` keeps
working in code that does not know this library. A message names the file, the place in it
(line, field, event, member) and the value; a value that cannot be printed (a lone surrogate
read from a JSON ``"\\ud800"`` escape) is shown by its escape, so every message can be written to
a terminal or a log.
"""

from __future__ import annotations

__all__ = [
    "AknError",
    "BallotError",
    "DataFileError",
    "DateError",
    "DateOutOfRecordError",
    "DateWarning",
    "DraftError",
    "EventError",
    "IllegalEventError",
    "MissingExtraError",
    "NotOnCouncilError",
    "RecordQueryError",
    "ScenarioError",
    "SourceConflictError",
    "TrackerError",
    "UnknownMemberError",
    "UnscTrackerError",
    "VetoQueryError",
    "VoteFileError",
]


class UnscTrackerError(Exception):
    """Base class of every error raised by unsc-tracker."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(printable(arg) if isinstance(arg, str) else arg for arg in args))


class UnknownMemberError(UnscTrackerError, LookupError):
    """A name that matches no member state; the message suggests the closest known names."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {_or_list(suggestions)}?" if suggestions else ""
        shown = repr(name) if len(name) <= 80 else f"{name[:60]!r}... ({len(name)} characters)"
        super().__init__(f"unknown member state {shown}{hint}")

    def __reduce__(self) -> tuple[type[UnknownMemberError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.name, self.suggestions))


class DateOutOfRecordError(UnscTrackerError, LookupError):
    """A date outside the span the bundled record covers (or before the Council existed)."""


class DateError(UnscTrackerError, ValueError):
    """A date that cannot be read, or reads more than one way."""


class DateWarning(UnscTrackerError, UserWarning):  # noqa: N818  # a warning, not an error
    """A date phrase read by a default rule where another reading exists, or not read at all.

    Raised as a warning, never as an error: the phrase's result says which rule gave it.
    """


class VetoQueryError(UnscTrackerError, ValueError):
    """A question the veto record cannot answer: a state that never held a veto, an empty span."""


class NotOnCouncilError(UnscTrackerError, LookupError):
    """A state asked to vote, or looked up, on a date when it was not on the Council."""


class BallotError(UnscTrackerError, ValueError):
    """A vote that cannot be counted as given: an unknown ballot word, the same member twice, a
    threshold out of range, or a :class:`~unsc_tracker.voting.VoteRecord`, a
    :class:`~unsc_tracker.record.Vote` of the record (or its ``Conflict``), an
    :class:`~unsc_tracker.forecast.Expectation` or :class:`~unsc_tracker.forecast.Probabilities`
    built with values that are not well formed."""


class DraftError(UnscTrackerError, ValueError):
    """A draft, a sponsorship or a resolution that is not well formed: a symbol that is not one,
    a sponsor named twice; names the field and the value."""


class EventError(UnscTrackerError, ValueError):
    """An event that is not well formed: a missing field, a date that does not read, an unknown
    member; names the kind of event, the field and the value. (An event that is well formed but
    cannot happen in the draft's stage is an :class:`IllegalEventError`.)"""


class IllegalEventError(UnscTrackerError, ValueError):
    """An event that cannot happen to a draft in the stage it has reached."""

    assumed: tuple[str, ...] = ()
    """The events a replay with ``infer=True`` would assume before it, where it can."""
    reason: str = ""
    """Why the event cannot happen, without what ``infer=True`` would assume."""


class MissingExtraError(UnscTrackerError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed: pip install 'unsc-tracker[{extra}]'"
        )


class ScenarioError(UnscTrackerError, ValueError):
    """A scenario file that cannot be read or written: names the file, the place in it and the
    value."""


class DataFileError(UnscTrackerError, ValueError):
    """A data table (bundled or the user's) that cannot be read: names the file, line, column and
    value. Also a fact of the record built by hand with values that do not fit its fields (a
    :class:`~unsc_tracker.members.MemberState`, a :class:`~unsc_tracker.council.Term`, a
    :class:`~unsc_tracker.council.Council`, a :class:`~unsc_tracker.veto.Veto` or a
    ``RecordGap``): names the model, the field and the value."""


class TrackerError(UnscTrackerError, ValueError):
    """A tracker log that cannot be used as asked: not a tracker file, an unknown draft, an event
    that is not well formed; names the file, the draft and the value."""


class AknError(UnscTrackerError, ValueError):
    """An AKN4UN XML file that cannot be read as a Security Council record, or one of the
    :mod:`~unsc_tracker.akn4un` package's results (an ``AknRecord``, a ``FolderReport``...) built
    by hand with values that do not fit its fields."""


class VoteFileError(UnscTrackerError, ValueError):
    """A file of votes (the library's CSV format or the UN Digital Library's) that cannot be read.

    The message names the file, the line, the column and the value; the same are kept as
    attributes (``None`` where the fault has no single place, such as a missing column's line).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        super().__init__(message)


class RecordQueryError(UnscTrackerError, ValueError):
    """A question the vote record cannot answer: an empty span, an unknown outcome or kind."""


class SourceConflictError(UnscTrackerError, ValueError):
    """Sources of the vote record disagree on a fact and the caller asked not to go on."""


def printable(text: str) -> str:
    """``text`` with each lone surrogate (which no encoding can write) replaced by its escape.

    >>> printable("caf\\u00e9 \\ud800")
    'café \\\\ud800'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _or_list(items: tuple[str, ...]) -> str:
    quoted = [repr(item) for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
