"""The date phrases of a whole text (a sentence, a paragraph or a report, English or Arabic),
found with their spans and resolved against the report's date."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import NamedTuple

from ..errors import DateWarning
from .phrases import _Parse, _Scanner
from .relative import Month, Tense, _bare_weekday, _Reading, _report_day, _resolve, text_argument
from .words import _ARABIC_MARKS, _DAY_NAMES, _fold, _Token, _tokens

__all__ = ["FoundDate", "find_dates"]


class FoundDate(NamedTuple):
    """A date phrase found in a text, and what it means counted from the report's date.

    ``text`` is the phrase as written, at ``text[start:end]`` of the text searched. ``when`` is
    a date, a datetime when a clock time is given, a :class:`Month` for "last month" or a month
    named alone, or None when the phrase cannot be read (``how`` then says why). ``part`` is a
    part of the day ("morning", "noon", "afternoon", "evening", "night") when one is named.
    ``how`` is the rule that gave ``when``. ``ambiguous`` is true when a default rule chose
    between two readings; ``alternative`` is the other one.
    """

    text: str
    start: int
    end: int
    when: date | datetime | Month | None
    how: str
    part: str | None = None
    ambiguous: bool = False
    alternative: date | Month | None = None

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: where the phrase is in the text searched."""
        return self.start, self.end

    def __str__(self) -> str:
        when = "not read" if self.when is None else str(self.when)
        part = f" ({self.part})" if self.part else ""
        flag = " [ambiguous]" if self.ambiguous else ""
        return f"{self.text!r} {self.start}-{self.end}: {when}{part}{flag}; {self.how}"


def _phrases(text: str, whole: bool) -> tuple[list[_Token], list[_Parse], list[int]]:
    folded, where = _fold(text)
    tokens = _tokens(folded)
    scanner = _Scanner(tokens, whole)
    found: list[_Parse] = []
    i = 0
    while i < len(tokens):
        parsed = scanner.parse(i)
        if parsed is None:
            i += 1
        else:
            found.append(parsed)
            i = parsed.end
    return tokens, found, where


def _span(text: str, tokens: Sequence[_Token], found: _Parse, where: list[int]) -> tuple[int, int]:
    start = where[tokens[found.first].start + found.skip]
    end = where[tokens[found.end - 1].end - 1] + 1
    while end < len(text) and _ARABIC_MARKS.match(text[end]):
        end += 1  # a mark after the last letter (غداً) belongs to the word
    return start, end


def find_dates(
    text: str, report: date | datetime | str, *, tense: Tense | None = None
) -> list[FoundDate]:
    """Every date phrase in ``text`` (English or Arabic), resolved against the ``report``'s date.

    ``text`` is a sentence, a paragraph or a whole report; the phrases and their rules are those
    of the module docstring. A weekday named alone is read as the day the same text gives that
    weekday elsewhere ("tomorrow Thursday", "Thursday 6 October", within a week of the report),
    else by ``tense``, else by the default rule (the most recent one), marked ambiguous. Phrases
    read by a default rule where another reading exists, and phrases that cannot be read
    (``when`` is None), are named in one :class:`~unsc_tracker.errors.DateWarning`. Returns the
    phrases in the order of the text.

    In a sentence of our own, written from the Reuters Arabic report of Wednesday 5 October 2016:

    >>> sentence = ("بدأ المجلس التفاوض على المسودة يوم الاثنين، ويزور الوزير موسكو غدا الخميس "
    ...             "وواشنطن بعد غد الجمعة، أي يوم الخميس السادس من أكتوبر ثم الجمعة.")
    >>> for found in find_dates(sentence, date(2016, 10, 5), tense="past"):
    ...     print(found.text, found.when)
    يوم الاثنين 2016-10-03
    غدا الخميس 2016-10-06
    بعد غد الجمعة 2016-10-07
    يوم الخميس السادس من أكتوبر 2016-10-06
    الجمعة 2016-10-07
    >>> [str(f.when) for f in find_dates("The vote is this Saturday at 3 p.m.", "2016-10-05")]
    ['2016-10-08 15:00:00']
    """
    base = _report_day(report)
    tokens, parsed, where = _phrases(text_argument(text, "the text to search"), whole=False)
    readings: list[_Reading | None] = []
    pins: dict[int, dict[date, str]] = {}
    for found in parsed:
        start, end = _span(text, tokens, found, where)
        if found.bare:
            readings.append(None)
            continue
        reading = _resolve(found, base, text[start:end])
        readings.append(reading)
        when = reading.when
        # Only a weekday the text itself dates pins it: "tomorrow Thursday", "Thursday 6 October".
        dated = found.offset is not None or found.day is not None
        if found.weekday is not None and dated and isinstance(when, date):
            day = when.date() if isinstance(when, datetime) else when
            pins.setdefault(found.weekday, {}).setdefault(day, text[start:end])
    results: list[FoundDate] = []
    for found, known in zip(parsed, readings, strict=True):
        start, end = _span(text, tokens, found, where)
        if known is None:
            assert found.weekday is not None
            known = _pinned(found.weekday, base, pins) or _bare_weekday(found.weekday, base, tense)
            if found.clock is not None and type(known.when) is date:
                known = known._replace(when=datetime.combine(known.when, time(*found.clock)))
        results.append(
            FoundDate(
                text[start:end],
                start,
                end,
                known.when,
                known.how,
                found.part,
                known.ambiguous,
                known.alternative,
            )
        )
    doubtful = [f for f in results if f.ambiguous or f.when is None]
    if doubtful:
        listed = "; ".join(
            f"{f.text!r} ({f.start}-{f.end}): "
            + (f"not read: {f.how}" if f.when is None else f"{f.when}, {f.how}")
            for f in doubtful
        )
        warnings.warn(
            DateWarning(f"{len(doubtful)} date phrase(s) to check: {listed}"), stacklevel=2
        )
    return results


def _pinned(weekday: int, base: date, pins: dict[int, dict[date, str]]) -> _Reading | None:
    near = {
        day: words for day, words in pins.get(weekday, {}).items() if abs((day - base).days) <= 6
    }
    if len(near) != 1:
        return None
    ((day, words),) = near.items()
    name = _DAY_NAMES[weekday]
    return _Reading(day, f"{name}: the {name} the same text dates as {day.isoformat()} ({words!r})")
