"""What a date phrase says, read from the tokens of a folded text, before it is resolved against
the report's date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .words import (
    _AR_LAST,
    _AR_MONTH_CUES,
    _AR_MONTH_SHIFT,
    _AR_MONTHS,
    _AR_MONTHS_TWO,
    _AR_NEXT,
    _AR_NOT_TODAY_AFTER,
    _AR_NOT_TODAY_BEFORE,
    _AR_PART_AFTER,
    _AR_PART_BEFORE,
    _AR_RELATIVE,
    _AR_TENS,
    _AR_UNITS,
    _AR_WEEKDAYS,
    _EN_BEFORE,
    _EN_MONTH_CUES,
    _EN_MONTH_SHIFT,
    _EN_MONTH_WORDS,
    _EN_MONTHS,
    _EN_PARTS,
    _EN_RELATIVE,
    _EN_WEEKDAYS,
    _WEEKDAY_WORDS,
    _forms,
    _Token,
)


@dataclass
class _Parse:
    """What one date phrase says, before it is resolved against the report's date."""

    first: int
    end: int
    skip: int = 0  # characters of a joined conjunction left out of the span
    offset: int | None = None
    weekday: int | None = None
    qualifier: str | None = None  # this, next, last, next_week, last_week
    day: int | None = None
    month: int | None = None
    year: int | None = None
    month_shift: int | None = None
    fixed: str | None = None
    clock: tuple[int, int] | None = None
    part: str | None = None
    english: bool = True
    problem: str | None = None

    @property
    def is_day(self) -> bool:
        return self.month_shift is None and not (self.month is not None and self.day is None)

    @property
    def bare(self) -> bool:
        """A weekday name alone: the tense of the sentence decides which one it is."""
        return (
            self.weekday is not None
            and self.qualifier is None
            and self.offset is None
            and self.day is None
            and self.fixed is None
        )


class _Scanner:
    """A small recursive reader of date phrases over the tokens of a folded text."""

    def __init__(self, tokens: Sequence[_Token], whole: bool = False) -> None:
        self.tokens = tokens
        self.whole = whole  # a phrase given alone (relative_day), not found in running text

    def t(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def form(self, i: int, vocabulary: object) -> str | None:
        """The form of token ``i`` found in ``vocabulary`` (a set or a mapping), if any."""
        if not 0 <= i < len(self.tokens) or self.tokens[i].kind != "word":
            return None
        for form in _forms(self.tokens[i].text):
            if form in vocabulary:  # type: ignore[operator]  # a set or a mapping
                return form
        return None

    def day_number(self, i: int) -> int | None:
        if not 0 <= i < len(self.tokens):
            return None
        token = self.tokens[i]
        number = token.number
        if token.kind != "number" or number is None or len(str(number)) > 2:
            return None
        return number if 1 <= number <= 31 else None

    def year(self, i: int) -> int | None:
        if not 0 <= i < len(self.tokens):
            return None
        token = self.tokens[i]
        if token.kind == "number" and token.number is not None and len(token.text) == 4:
            return token.number if 1900 <= token.number <= 2100 else None
        return None

    def clock_at(self, i: int) -> tuple[int, int] | None:
        if 0 <= i < len(self.tokens) and self.tokens[i].kind == "clock":
            return self.tokens[i].clock
        return (12, 0) if self.t(i) in ("noon", "midday") else None

    def parse(self, i: int) -> _Parse | None:
        found = self._clock_first(i) or self._arabic_part_first(i)
        if found is None:
            found = self._core(i)
            if found is not None and found.is_day:
                self._tail(found)
        return found

    def _core(self, i: int) -> _Parse | None:
        return (
            self._english_relative(i)
            or self._arabic_relative(i)
            or self._english_weekday(i)
            or self._arabic_weekday(i)
            or self._english_date(i)
            or self._arabic_date(i)
            or self._fixed(i)
            or self._relative_month(i)
            or self._bare_month(i)
        )

    def _clock_first(self, i: int) -> _Parse | None:
        """``3 p.m. on Saturday``, ``at noon tomorrow``."""
        k = i + 1 if self.t(i) == "at" else i
        clock = self.clock_at(k)
        if clock is None:
            return None
        j = k + 1 + (self.t(k + 1) in ("on", ","))
        found = self._core(j)
        if found is None or not found.is_day:
            return None
        found.first, found.skip, found.clock = k, 0, clock
        return found

    def _arabic_part_first(self, i: int) -> _Parse | None:
        """``مساء اليوم الجمعة``, ``صباح الغد``, ``بعد ظهر يوم الخميس``."""
        lead = self.form(i, _AR_PART_BEFORE)
        if lead is not None:
            part, width = _AR_PART_BEFORE[lead], 1
        elif self.form(i, {"بعد"}) and self.t(i + 1) in ("ظهر", "الظهر"):
            lead, part, width = "بعد", "afternoon", 2
        else:
            return None
        found = (
            self._arabic_relative(i + width)
            or self._arabic_weekday(i + width)
            or self._arabic_date(i + width)
        )
        if found is None:
            return None
        found.first, found.skip, found.part = i, len(self.t(i)) - len(lead), part
        self._tail(found)
        return found

    def _english_relative(self, i: int) -> _Parse | None:
        t = self.t
        words = [t(i + n) for n in range(4)]
        part = None
        if words == ["the", "day", "after", "tomorrow"]:
            offset, width = 2, 4
        elif words[:3] == ["day", "after", "tomorrow"]:
            offset, width = 2, 3
        elif words == ["the", "day", "before", "yesterday"]:
            offset, width = -2, 4
        elif words[:3] == ["day", "before", "yesterday"]:
            offset, width = -2, 3
        elif self.whole and words[:2] == ["after", "tomorrow"]:
            offset, width = 2, 2
        elif words[0] in _EN_RELATIVE:
            offset, width = _EN_RELATIVE[words[0]], 1
            part = "night" if words[0] == "tonight" else None
        elif words[0] == "this" and words[1] in ("morning", "afternoon", "evening"):
            offset, width, part = 0, 2, words[1]
        elif words[:2] == ["last", "night"]:
            offset, width, part = -1, 2, "night"
        else:
            return None
        found = _Parse(i, i + width, offset=offset, part=part)
        k = i + width
        opened = t(k) == "("
        k += t(k) in (",", "(")
        weekday = _EN_WEEKDAYS.get(t(k))
        # "tomorrow, Thursday" and "tomorrow (Thursday)"; an unclosed "(" starts something else.
        if weekday is not None and (not opened or t(k + 1) == ")"):
            found.weekday = weekday
            found.end = k + 1 + opened
        return found

    def _arabic_relative(self, i: int) -> _Parse | None:
        t = self.t
        word = self.form(i, {"بعد", "اول", *_AR_RELATIVE})
        if word is None:
            return None
        if word == "بعد" and t(i + 1) in ("غد", "الغد"):
            offset, width = 2, 2
        elif word == "اول" and t(i + 1) in ("امس", "الامس"):
            offset, width = -2, 2
        elif word == "اول" and t(i + 1) == "من" and t(i + 2) in ("امس", "الامس"):
            offset, width = -2, 3
        elif word in ("امس", "الامس") and t(i + 1) == "الاول":
            offset, width = -2, 2
        elif word in _AR_RELATIVE:
            if word == "اليوم" and (
                t(i + 1) in _AR_NOT_TODAY_AFTER or t(i - 1) in _AR_NOT_TODAY_BEFORE
            ):
                return None
            offset, width = _AR_RELATIVE[word], 1
        else:
            return None
        found = _Parse(i, i + width, skip=len(t(i)) - len(word), offset=offset, english=False)
        k = i + width + (t(i + width) == "يوم")
        weekday = _AR_WEEKDAYS.get(t(k))
        if weekday is not None:
            found.weekday, found.end = weekday, k + 1
        return found

    def _english_weekday(self, i: int) -> _Parse | None:
        t = self.t
        k, qualifier = i, None
        if t(k) == "this" and t(k + 1) in ("coming", "past"):
            qualifier = "next" if t(k + 1) == "coming" else "last"
            k += 2
        elif t(k) in _EN_BEFORE:
            qualifier = _EN_BEFORE[t(k)]
            k += 1
        weekday = _EN_WEEKDAYS.get(t(k))
        if weekday is None:
            short = _WEEKDAY_WORDS.get(t(k))
            if short is None or qualifier is not None:
                return None
            # "Thu 6 Oct 2016": a short name only before a date (or alone, given as a phrase).
            dated = self._english_date(k + 1 + (t(k + 1) in (",", ".")))
            if dated is not None:
                dated.first, dated.weekday = i, short
                return dated
            if not self.whole:
                return None
            weekday = short
        k += 1
        if qualifier is None and t(k) in ("next", "last"):
            if t(k + 1) == "week":
                qualifier, k = f"{t(k)}_week", k + 2
            else:
                qualifier, k = t(k), k + 1
        if qualifier is None:
            dated = self._english_date(k + (t(k) == ","))
            if dated is not None:
                dated.first, dated.weekday = i, weekday
                return dated
        return _Parse(i, k, weekday=weekday, qualifier=qualifier)

    def _arabic_weekday(self, i: int) -> _Parse | None:
        t = self.t
        k, skip = i, 0
        day_word = self.form(k, {"يوم", "يومي"})
        if day_word is not None:
            skip, k = len(t(k)) - len(day_word), k + 1
        name = self.form(k, _AR_WEEKDAYS) if k == i else t(k) if t(k) in _AR_WEEKDAYS else None
        if name is None:
            if day_word is None:
                return None
            dated = self._arabic_date(k)  # "يوم 6 أكتوبر"
            if dated is not None:
                dated.first, dated.skip = i, skip
            return dated
        if k == i:
            skip = len(t(k)) - len(name)
        weekday, k = _AR_WEEKDAYS[name], k + 1
        qualifier = None
        if t(k) in _AR_NEXT or t(k) in _AR_LAST:
            qualifier, k = "next" if t(k) in _AR_NEXT else "last", k + 1
        elif t(k) == "من" and t(k + 1) == "الاسبوع" and (t(k + 2) in _AR_NEXT | _AR_LAST):
            qualifier = "next_week" if t(k + 2) in _AR_NEXT else "last_week"
            k += 3
        if qualifier is None:
            dated = self._arabic_date(k + (t(k) == "،"))
            if dated is not None:
                dated.first, dated.skip, dated.weekday = i, skip, weekday
                return dated
        return _Parse(i, k, skip=skip, weekday=weekday, qualifier=qualifier, english=False)

    def _year_after(self, k: int) -> tuple[int | None, int]:
        if self.t(k) == "," and self.year(k + 1) is not None:
            return self.year(k + 1), k + 2
        year = self.year(k)
        return (year, k + 1) if year is not None else (None, k)

    def _english_date(self, i: int) -> _Parse | None:
        t = self.t
        k = i + (t(i) == "the" and self.day_number(i + 1) is not None)
        day = self.day_number(k)
        if day is not None:
            j = k + 1 + (t(k + 1) == "of")
            month = _EN_MONTHS.get(t(j))
            if month is None:
                return None
            j += 1 + (t(j + 1) == "." and len(t(j)) <= 4)
        else:
            month = _EN_MONTHS.get(t(k))
            if month is None:
                return None
            j = k + 1 + (t(k + 1) == "." and len(t(k)) <= 4)
            day = self.day_number(j)
            if day is None:
                return None
            j += 1
        year, j = self._year_after(j)
        return _Parse(k, j, day=day, month=month, year=year)

    def _arabic_ordinal(self, i: int) -> tuple[int | None, int]:
        word, after = self.t(i), self.t(i + 1)
        if word in _AR_UNITS:
            unit = _AR_UNITS[word]
            if after == "عشر" and word != "الاول":
                return 10 + unit, 2
            if after[:1] == "و" and _AR_TENS.get(after[1:], 10) in (20, 30):
                return _AR_TENS[after[1:]] + unit, 2
            return (None, 0) if word == "الحادي" else (unit, 1)
        if word in _AR_TENS:
            return _AR_TENS[word], 1
        return None, 0

    def _arabic_month(self, i: int) -> tuple[int | None, int]:
        two = _AR_MONTHS_TWO.get((self.t(i), self.t(i + 1)))
        if two is not None:
            return two, 2
        one = _AR_MONTHS.get(self.t(i))
        return (one, 1) if one is not None else (None, 0)

    def _arabic_month_name(self, k: int) -> tuple[int | None, int, str | None]:
        """A month name, then perhaps the same month in the other calendar; returns the month,
        the index after, and a problem when the two names disagree."""
        month, width = self._arabic_month(k)
        if month is None:
            return None, k, None
        k += width
        j = k + (self.t(k) == "/")
        other, width = self._arabic_month(j)
        if other is None:
            return month, k, None
        if other != month:
            first = " ".join(self.t(n) for n in range(k - 1, k) if n >= 0)
            return month, j + width, f"two different months are named ({first}, then {self.t(j)})"
        return month, j + width, None

    def _arabic_date(self, i: int) -> _Parse | None:
        day, width = self._arabic_ordinal(i)
        if day is None:
            day, width = self.day_number(i), 1
            if day is None:
                return None
        k = i + width
        k += self.t(k) == "من"
        month, k, problem = self._arabic_month_name(k)
        if month is None:
            return None
        year, k = self._year_after(k)
        k += year is not None and self.t(k) == "م"  # the Gregorian era letter
        return _Parse(i, k, day=day, month=month, year=year, english=False, problem=problem)

    def _fixed(self, i: int) -> _Parse | None:
        if 0 <= i < len(self.tokens) and self.tokens[i].kind in ("iso", "numeric"):
            return _Parse(i, i + 1, fixed=self.tokens[i].text)
        return None

    def _relative_month(self, i: int) -> _Parse | None:
        t = self.t
        if t(i) in _EN_MONTH_SHIFT and t(i + 1) == "month":
            return _Parse(i, i + 2, month_shift=_EN_MONTH_SHIFT[t(i)])
        word = self.form(i, {"الشهر", "هذا"})
        if word == "الشهر" and t(i + 1) in _AR_MONTH_SHIFT:
            shift = _AR_MONTH_SHIFT[t(i + 1)]
        elif word == "هذا" and t(i + 1) == "الشهر":
            shift = 0
        else:
            return None
        return _Parse(i, i + 2, skip=len(t(i)) - len(word), month_shift=shift, english=False)

    def _bare_month(self, i: int) -> _Parse | None:
        t = self.t
        month = _EN_MONTHS.get(t(i))
        if month is not None:
            year, k = self._year_after(i + 1)
            cued = t(i - 1) in _EN_MONTH_CUES and t(i) not in _EN_MONTH_WORDS
            if year is None and not (cued or self.whole):
                return None
            return _Parse(i, k, month=month, year=year)
        month, k, problem = self._arabic_month_name(i)
        if month is None:
            return None
        year, k = self._year_after(k)
        k += year is not None and t(k) == "م"
        if year is None and not (self.form(i - 1, _AR_MONTH_CUES) or self.whole):
            return None
        return _Parse(i, k, month=month, year=year, english=False, problem=problem)

    def _tail(self, found: _Parse) -> None:
        """A clock time or a part of the day after a day: ``Saturday at 3 p.m.``, ``غدا صباحا``."""
        t, j = self.t, found.end
        k = j + (t(j) == ",")
        k += t(k) == "at"
        clock = self.clock_at(k)
        if clock is not None and found.clock is None:
            found.clock, found.end = clock, k + 1
            return
        if t(j) in _EN_PARTS and found.part is None:
            found.part, found.end = _EN_PARTS[t(j)], j + 1
            return
        if t(j) == "الساعه":
            clock, width = self._arabic_clock(j + 1)
            if clock is not None:
                found.clock, found.end = clock, j + 1 + width
                return
        part, width = self._arabic_part_after(j)
        if part is not None and found.part is None:
            found.part, found.end = part, j + width

    def _arabic_part_after(self, j: int) -> tuple[str | None, int]:
        if self.t(j) in _AR_PART_AFTER:
            return _AR_PART_AFTER[self.t(j)], 1
        if self.t(j) == "بعد" and self.t(j + 1) in ("الظهر", "ظهرا"):
            return "afternoon", 2
        return None, 0

    def _arabic_clock(self, i: int) -> tuple[tuple[int, int] | None, int]:
        """``الساعة 3 مساء`` (3 p.m.), ``الساعة 15:00``; an hour of twelve or less with no part
        of the day reads two ways, and is not taken as a time."""
        token = self.tokens[i] if 0 <= i < len(self.tokens) else None
        if token is None:
            return None, 0
        if token.kind == "clock" and token.clock is not None:
            hour, minute = token.clock
            twenty_four = ":" in token.text or "h" in token.text
        elif token.kind == "number" and token.number is not None and token.number <= 23:
            hour, minute, twenty_four = token.number, 0, False
        else:
            return None, 0
        part, width = self._arabic_part_after(i + 1)
        if part is None:
            return ((hour, minute), 1) if twenty_four or hour > 12 else (None, 0)
        late = part in ("evening", "afternoon", "night") and hour < 12
        if late or (part == "noon" and 1 <= hour <= 6):
            hour += 12
        elif part == "morning" and hour == 12:
            hour = 0
        return (hour, minute), 1 + width
