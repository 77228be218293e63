"""Dates as sources write them: ISO days, English dates, and days relative to a report.

:func:`parse_when` reads a written date and keeps the time of day only when the text gives one
(``15:00``, ``3 p.m.``, ``11 am``, ``15h``); a numeric date that reads two ways (``03/10/2016``:
3 October or March 10?) is refused.

:func:`relative_day` turns the words a news report uses for nearby days ("Monday", "tomorrow
Thursday", "this Friday", "يوم الاثنين", "بعد غد الجمعة", "الجمعة المقبلة") into dates, counted
from the report's own date; :func:`relative_when` keeps the time when the words give one
("Saturday at 3 p.m."). :func:`find_dates` finds every such phrase in a sentence or a whole
report, English or Arabic, and resolves each with its span. The rule, in full:

- "today" / اليوم is the report's day; "yesterday" / أمس (الأمس, البارحة) the day before;
  "tomorrow" / غدا (الغد) the day after; "the day after tomorrow" / بعد غد two days after; "the
  day before yesterday" / أول أمس two days before. A weekday name after these words ("tomorrow
  Thursday", "غدا الخميس", "مساء اليوم الجمعة") must name that day, or the phrase is an error.
- "this Monday" is the Monday of the report's week (weeks run Monday to Sunday, ISO 8601), before
  or after the report.
- A bare weekday name ("Monday", "on Monday", "يوم الاثنين") is, by default, the most recent such
  day within the six days before the report, or the report's own day when it names that weekday:
  a report about what happened speaks of the days just gone. With ``tense="future"`` it is the
  first such day on or after the report. :func:`relative_day` applies this rule as stated;
  :func:`find_dates`, which reads text no one has checked phrase by phrase, first looks for the
  same weekday pinned to a date elsewhere in the text ("يومي الخميس والجمعة" in a report that
  also says "غدا الخميس"), and otherwise marks the result ambiguous and warns (:class:`DateWarning`).
- "next Monday", "Monday next", "coming Monday" (and الاثنين المقبل / القادم, with the feminine
  المقبلة / القادمة) is the first such day after the report; "last Monday" (الاثنين الماضي /
  الماضية / السابق) the most recent one before it. In English, "next Friday" said on a Wednesday
  may mean this week's Friday or the next week's: the first is returned and a
  :class:`DateWarning` names the second ("this Friday" and "Friday next week" say it plainly).
  The same holds for "last".
- "Friday next week" / "Friday last week" (الجمعة من الأسبوع المقبل) is that weekday in the week
  after (before) the report's.
- A day and month with no year ("Thursday 6 October", "الخميس السادس من أكتوبر", "6 تشرين
  الأول") is the one nearest the report; a weekday given with it must agree.
- Times of day: a clock time ("3 p.m.", "11 am", "15:00", "15h", "noon"; in Arabic "الساعة 3
  مساء") makes the result a datetime; a part of the day ("morning", "this evening", "tonight",
  صباح، مساء، ظهر، بعد الظهر) is kept in :attr:`FoundDate.part` and leaves the day a date.

:func:`relative_month` reads "last month" (الشهر الماضي), "this month" and "next month" and
returns the month as a :class:`Month` (year and month), since a month is not a day.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, NamedTuple

from dateutil import parser as _dateutil

from .errors import DateError, DateWarning

__all__ = [
    "DateError",
    "DateWarning",
    "FoundDate",
    "Month",
    "add_working_days",
    "find_dates",
    "parse_when",
    "relative_day",
    "relative_month",
    "relative_when",
]

Tense = Literal["past", "future"]


class Month(NamedTuple):
    """A calendar month: what "last month" in a report refers to.

    >>> str(Month(2016, 9))
    '2016-09'
    """

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\b")
_WEEKDAY_WORDS = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Two defaults that differ in every field: a field the text leaves out shows up as a difference.
_DEFAULT_A = datetime(2001, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 1, 1, 1)


def parse_when(text: str | date | datetime, what: str = "date") -> date | datetime:
    """A day, or a day and time, from ISO text or an English date; ``what`` names it in errors.

    >>> parse_when("2016-10-08")
    datetime.date(2016, 10, 8)
    >>> parse_when("Thu 6 Oct 2016 15:00"), parse_when("Sat 8 Oct 2016 3 p.m.")
    (datetime.datetime(2016, 10, 6, 15, 0), datetime.datetime(2016, 10, 8, 15, 0))
    >>> parse_when("03/10/2016")
    Traceback (most recent call last):
    unsc_tracker.errors.DateError: date '03/10/2016' is ambiguous: 3 October 2016 (day first) or ...
    """
    if type(text) is str and len(text) == 10 and text[4] == text[7] == "-":
        # The common case first (files and logs write days this way): a plain ISO day.
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass  # read again below, to say what is wrong
    if isinstance(text, datetime | date):
        return text
    if not isinstance(text, str):
        raise DateError(f"{what} {text!r} is not a date: give text such as '2016-10-08'")
    raw = text.strip()
    if _ISO.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError as err:
            raise DateError(f"{what} {text!r} is not a valid day: {err}") from None
    if _ISO_TIME.match(raw):
        try:
            return datetime.fromisoformat(raw)
        except ValueError as err:
            raise DateError(f"{what} {text!r} is not a valid day and time: {err}") from None
    numeric = _NUMERIC.match(raw)
    if numeric:
        _check_unambiguous(text, what, numeric)
    try:
        first = _dateutil.parse(raw, default=_DEFAULT_A, dayfirst=True)
        second = _dateutil.parse(raw, default=_DEFAULT_B, dayfirst=True)
    except (ValueError, OverflowError) as err:
        raise DateError(f"{what} {text!r} cannot be read as a date ({err})") from None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise DateError(f"{what} {text!r} is incomplete: give the day, the month and the year")
    _check_weekday(text, what, first.date())
    if first.hour != second.hour:
        return first.date()  # no time given
    # A whole hour ("3 p.m.", "15h") leaves the minutes to the default, which is 0 in ``first``.
    return first


def _check_unambiguous(text: str, what: str, numeric: re.Match[str]) -> None:
    a, b = int(numeric.group(1)), int(numeric.group(2))
    if a <= 12 and b <= 12 and a != b:
        year = numeric.group(3)
        day_first = _spelled(year, b, a)
        month_first = _spelled(year, a, b)
        iso_a = f"{year}-{b:02d}-{a:02d}" if len(year) == 4 else f"..-{b:02d}-{a:02d}"
        iso_b = f"{year}-{a:02d}-{b:02d}" if len(year) == 4 else f"..-{a:02d}-{b:02d}"
        raise DateError(
            f"{what} {text!r} is ambiguous: {day_first} (day first) or {month_first} "
            f"(month first)? Write it as {iso_a} or {iso_b}"
        )


def _spelled(year: str, month: int, day: int) -> str:
    return f"{day} {date(2000, month, 1).strftime('%B')} {year}"


def _check_weekday(text: str, what: str, day: date) -> None:
    for word in re.findall(r"[A-Za-z]+", text):
        weekday = _WEEKDAY_WORDS.get(word.casefold())
        if weekday is not None and weekday != day.weekday():
            raise DateError(
                f"{what} {text!r} names a {_DAY_NAMES[weekday]}, but {day.isoformat()} "
                f"was a {_DAY_NAMES[day.weekday()]}"
            )


_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
# Alef forms as bare alef, ta marbuta as ha, alef maqsura as ya; Arabic-Indic digits as ASCII.
_FOLD = str.maketrans(
    "أإآٱةى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "ااااهي01234567890123456789",
)


def _arabic_key(text: str) -> str:
    return _ARABIC_MARKS.sub("", text).translate(_FOLD)


def _words(phrase: str) -> list[str]:
    cleaned = _arabic_key(phrase).casefold().replace(",", " ").replace(".", " ")
    return cleaned.split()


def _fold(text: str) -> tuple[str, list[int]]:
    """The text as the scanner reads it (Latin in lower case, Arabic without marks and with one
    form of each letter, ASCII digits), and for each of its characters the index in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if _ARABIC_MARKS.match(char):
            continue
        for folded in char.translate(_FOLD).lower():
            chars.append(folded)
            where.append(index)
    return "".join(chars), where


_TOKEN = re.compile(
    r"(?P<iso>\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2})?)?)(?!\d)"
    r"|(?P<numeric>\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?!\d)"
    r"|(?P<clock>\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?\s?m|p\.?\s?m)\b\.?|\d{1,2}:\d{2}(?!\d)"
    r"|\d{1,2}h(?:\d{2})?\b)"
    r"|(?P<number>\d+)(?:st|nd|rd|th)?\b"
    r"|(?P<word>[a-z]+|[\u0621-\u064a]+)"
    r"|(?P<mark>[.,،;:!?()/])"
)
_CLOCK = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?h?\s?(?:([ap])\.?\s?m\.?)?")


class _Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    number: int | None
    clock: tuple[int, int] | None


def _tokens(folded: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(folded):
        kind = match.lastgroup or "mark"
        text = match.group()
        number = int(match.group("number")) if kind == "number" else None
        clock = _clock(text) if kind == "clock" else None
        if kind == "clock" and clock is None:
            kind = "mark"  # "25:00" or "13 p.m.": no time, and no date either
        found.append(_Token(kind, text, match.start(), match.end(), number, clock))
    return found


def _clock(text: str) -> tuple[int, int] | None:
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(3) == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


_EN_WEEKDAYS = {name.lower(): index for index, name in enumerate(_DAY_NAMES)}
_EN_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Month names that are also common words or abbreviations: a month only next to a day or a year.
_EN_MONTH_WORDS = frozenset({"may", "march"}) | {n for n in _EN_MONTHS if len(n) <= 4}
_EN_MONTH_CUES = frozenset(
    {"in", "since", "until", "till", "by", "during", "from", "of", "early", "late", "mid"}
)
_EN_RELATIVE = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
_EN_BEFORE = {
    "next": "next",
    "coming": "next",
    "this": "this",
    "last": "last",
    "past": "last",
    "previous": "last",
}
_EN_PARTS = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night"}
_EN_MONTH_SHIFT = {"last": -1, "previous": -1, "this": 0, "next": 1}

_AR_WEEKDAYS = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
_AR_RELATIVE = {"اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "الغد": 1}
# اليوم is also "the day": not today in "the next day", "the same day", "World Day".
_AR_NOT_TODAY_AFTER = frozenset(
    {"التالي", "السابق", "نفسه", "ذاته", "الذي", "العالمي", "الدولي", "الوطني", "الاول", "الاخير"}
)
_AR_NOT_TODAY_BEFORE = frozenset({"نفس", "ذلك", "ذات", "في ذلك"})
# After a weekday: masculine and feminine (الجمعة المقبلة) agreement.
_AR_NEXT = frozenset({"المقبل", "المقبله", "القادم", "القادمه"})
_AR_LAST = frozenset(
    {"الماضي", "الماضيه", "السابق", "السابقه", "الفائت", "الفائته", "المنصرم", "المنصرمه"}
)
_AR_PART_BEFORE = {"صباح": "morning", "مساء": "evening", "ظهر": "noon", "عصر": "afternoon"}
_AR_PART_AFTER = {
    "صباحا": "morning",
    "مساء": "evening",
    "ظهرا": "noon",
    "عصرا": "afternoon",
    "ليلا": "night",
}
_AR_MONTHS = {
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    # The Syriac names used in the Levant and Iraq, often beside the others ("أكتوبر تشرين الأول").
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
}
_AR_MONTHS_TWO = {
    ("كانون", "الثاني"): 1,
    ("تشرين", "الاول"): 10,
    ("تشرين", "الثاني"): 11,
    ("كانون", "الاول"): 12,
}
_AR_MONTH_CUES = frozenset(
    {"في", "منذ", "خلال", "حتى", "شهر", "مطلع", "اوائل", "اواخر", "منتصف", "نهايه", "بدايه"}
)
_AR_MONTH_SHIFT = {
    "الماضي": -1,
    "المنصرم": -1,
    "الفائت": -1,
    "السابق": -1,
    "الحالي": 0,
    "الجاري": 0,
    "المقبل": 1,
    "القادم": 1,
}
# Ordinal day numbers, as dates are written in words ("السادس من أكتوبر").
_AR_UNITS = {
    "الاول": 1,
    "الحادي": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
}
_AR_TENS = {"العاشر": 10, "العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30}


def _forms(word: str) -> tuple[str, ...]:
    """An Arabic word as written, and without a joined "and" (و، ف) or "on" (ب before ال)."""
    forms = [word]
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
        forms.append(word)
    if len(word) > 3 and word.startswith("بال"):
        forms.append(word[1:])
    return tuple(forms)


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


def _report_day(report: date | datetime | str) -> date:
    day = parse_when(report, "report date")
    return day.date() if isinstance(day, datetime) else day


def _same_week(a: date, b: date) -> bool:
    return a.isocalendar()[:2] == b.isocalendar()[:2]


_OFFSETS = {
    0: "today: the report's day",
    1: "tomorrow: the day after the report",
    -1: "yesterday: the day before the report",
    2: "the day after tomorrow: two days after the report",
    -2: "the day before yesterday: two days before the report",
}


class _Reading(NamedTuple):
    when: date | datetime | Month | None
    how: str
    ambiguous: bool = False
    alternative: date | Month | None = None


def _resolve(found: _Parse, base: date, words: str) -> _Reading:
    """What a phrase other than a bare weekday means, counted from ``base``."""
    if found.problem is not None:
        return _Reading(None, f"{words!r}: {found.problem}")
    reading = _resolve_day(found, base, words)
    when = reading.when
    if found.clock is not None and type(when) is date:
        when = datetime.combine(when, time(*found.clock))
        reading = reading._replace(when=when)
    return reading


def _resolve_day(found: _Parse, base: date, words: str) -> _Reading:
    if found.fixed is not None:
        try:
            return _Reading(parse_when(found.fixed), "a date written in full")
        except DateError as err:
            return _Reading(None, str(err))
    if found.month_shift is not None:
        index = base.year * 12 + base.month - 1 + found.month_shift
        name = {-1: "last month", 0: "this month", 1: "next month"}[found.month_shift]
        return _Reading(Month(index // 12, index % 12 + 1), f"{name}, from the report's month")
    if found.month is not None and found.day is None:
        if found.year is not None:
            return _Reading(Month(found.year, found.month), "a month and year")
        return _nearest_month(found.month, base)
    if found.month is not None and found.day is not None:
        return _calendar_day(found, base, words)
    weekday = found.weekday
    if found.offset is not None:
        day = base + timedelta(days=found.offset)
        if weekday is not None and weekday != day.weekday():
            return _Reading(
                None,
                f"{words!r} names a {_DAY_NAMES[weekday]}, but from a report dated "
                f"{base.isoformat()} that day is {day.isoformat()}, a {_DAY_NAMES[day.weekday()]}",
            )
        return _Reading(day, _OFFSETS[found.offset])
    assert weekday is not None
    name = _DAY_NAMES[weekday]
    monday = base - timedelta(days=base.weekday())
    qualifier = found.qualifier
    if qualifier == "this":
        day = monday + timedelta(days=weekday)
        return _Reading(day, f"this {name}: the {name} of the report's week (Monday to Sunday)")
    if qualifier in ("next_week", "last_week"):
        weeks = 1 if qualifier == "next_week" else -1
        day = monday + timedelta(days=weekday + 7 * weeks)
        which = "after" if weeks == 1 else "before"
        return _Reading(day, f"{name} of the week {which} the report's")
    if qualifier == "next":
        day = base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
        how = f"next {name}: the first {name} after the report"
        other = day + timedelta(days=7)
    else:
        day = base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
        how = f"last {name}: the most recent {name} before the report"
        other = day - timedelta(days=7)
    if found.english and _same_week(day, base):
        # "next Friday" on a Wednesday: this week's Friday, or the next week's?
        week = "next" if qualifier == "next" else "last"
        how += (
            f"; it may also mean {other.isoformat()}, the {name} of {week} week: "
            f"write 'this {name}' or '{name} {week} week'"
        )
        return _Reading(day, how, True, other)
    return _Reading(day, how)


def _nearest_month(month: int, base: date) -> _Reading:
    here = base.year * 12 + base.month - 1
    options = sorted(
        (abs(year * 12 + month - 1 - here), year)
        for year in (base.year - 1, base.year, base.year + 1)
    )
    (gap, year), (next_gap, other) = options[0], options[1]
    how = f"{date(2000, month, 1):%B} with no year: the one nearest the report"
    if gap == next_gap:
        alternative = Month(other, month)
        how += f"; {alternative} is as near"
        return _Reading(Month(year, month), how, True, alternative)
    return _Reading(Month(year, month), how)


def _calendar_day(found: _Parse, base: date, words: str) -> _Reading:
    assert found.month is not None
    assert found.day is not None
    years = [found.year] if found.year is not None else [base.year - 1, base.year, base.year + 1]
    days = []
    for year in years:
        try:
            days.append(date(year, found.month, found.day))
        except ValueError:
            continue
    if not days:
        return _Reading(None, f"{words!r} is not a day of the calendar")
    day = min(days, key=lambda d: abs((d - base).days))
    if found.weekday is not None and found.weekday != day.weekday():
        return _Reading(
            None,
            f"{words!r} names a {_DAY_NAMES[found.weekday]}, but {day.isoformat()} is a "
            f"{_DAY_NAMES[day.weekday()]}",
        )
    if found.year is not None:
        return _Reading(day, "a date with its year")
    return _Reading(day, "a day and month with no year: the one nearest the report")


def _bare_weekday(weekday: int, base: date, tense: Tense | None) -> _Reading:
    """A weekday name alone, by the tense given or the default rule (the past one)."""
    name = _DAY_NAMES[weekday]
    past = base - timedelta(days=(base.weekday() - weekday) % 7)
    future = base + timedelta(days=(weekday - base.weekday()) % 7)
    if tense == "future":
        return _Reading(future, f"{name} (tense='future'): the first {name} on or after the report")
    if tense == "past":
        return _Reading(past, f"{name} (tense='past'): the most recent {name} up to the report")
    if past == future:
        return _Reading(past, f"{name}: the report's own day")
    return _Reading(
        past,
        f"{name}, no tense given: the most recent {name}, by the default rule; the coming one "
        f"is {future.isoformat()}: pass tense='future' if the text means it",
        True,
        future,
    )


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
    tokens, parsed, where = _phrases(text, whole=False)
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


def relative_when(
    phrase: str, report: date | datetime | str, *, tense: Tense | None = None
) -> date | datetime:
    """The day, or day and time, a report means by ``phrase``, counted from the report's date.

    The rule is in the module docstring; a bare weekday follows ``tense`` (default: the past).
    A phrase that reads two ways (English "next Friday" on a Wednesday) gives the first reading
    and a :class:`~unsc_tracker.errors.DateWarning` naming the other.

    >>> relative_when("Saturday at 3 p.m.", date(2016, 10, 7), tense="future")
    datetime.datetime(2016, 10, 8, 15, 0)
    >>> relative_when("مساء اليوم الجمعة", date(2016, 10, 7))
    datetime.date(2016, 10, 7)
    """
    base = _report_day(report)
    folded, _ = _fold(phrase)
    tokens = _tokens(folded)
    start, end = 0, len(tokens)
    while start < end and tokens[start].text in ("on", "في"):
        start += 1
    while end > start and tokens[end - 1].text in (".", ",", "،"):
        end -= 1
    if start == end:
        raise DateError(f"relative day {phrase!r} names no day")
    scanner = _Scanner(tokens[:end], whole=True)
    found = scanner.parse(start)
    if found is None or found.end != end:
        raise DateError(
            f"relative day {phrase!r} cannot be read: expected a weekday name (English or "
            "Arabic), optionally after today, yesterday, tomorrow, the day after tomorrow, this, "
            "next or last, or a day and month"
        )
    if found.bare:
        assert found.weekday is not None
        reading = _bare_weekday(found.weekday, base, tense or "past")
        if found.clock is not None and type(reading.when) is date:
            reading = reading._replace(when=datetime.combine(reading.when, time(*found.clock)))
    else:
        reading = _resolve(found, base, phrase)
    when = reading.when
    if when is None:
        raise DateError(f"relative day {reading.how}")
    if isinstance(when, Month):
        raise DateError(
            f"relative day {phrase!r} names a month ({when}), not a day: use relative_month"
        )
    if reading.ambiguous:
        warnings.warn(DateWarning(f"relative day {phrase!r}: {reading.how}"), stacklevel=2)
    return when


def relative_day(
    phrase: str,
    report: date | datetime | str,
    *,
    tense: Tense | None = None,
) -> date:
    """The day a report means by ``phrase``, counted from the report's date.

    The rule is in the module docstring; see :func:`relative_when` for the day and time.

    With the Reuters report of Wednesday 5 October 2016 on the Aleppo draft:

    >>> report = date(2016, 10, 5)
    >>> relative_day("يوم الاثنين", report), relative_day("Monday", report)
    (datetime.date(2016, 10, 3), datetime.date(2016, 10, 3))
    >>> relative_day("غدا الخميس", report), relative_day("the day after tomorrow Friday", report)
    (datetime.date(2016, 10, 6), datetime.date(2016, 10, 7))
    >>> relative_day("Friday", report, tense="future"), relative_day("this Friday", report)
    (datetime.date(2016, 10, 7), datetime.date(2016, 10, 7))
    >>> relative_day("الجمعة المقبلة", report)
    datetime.date(2016, 10, 7)
    """
    when = relative_when(phrase, report, tense=tense)
    return when.date() if isinstance(when, datetime) else when


_MONTHS = {
    ("last", "month"): -1,
    ("past", "month"): -1,
    ("previous", "month"): -1,
    ("this", "month"): 0,
    ("next", "month"): 1,
    ("الشهر", "الماضي"): -1,
    ("الشهر", "الحالي"): 0,
    ("هذا", "الشهر"): 0,
    ("الشهر", "المقبل"): 1,
    ("الشهر", "القادم"): 1,
}


def relative_month(phrase: str, report: date | datetime | str) -> Month:
    """The month a report means by "last month", "this month" or "next month" (or in Arabic).

    >>> relative_month("last month", date(2016, 10, 5))
    Month(year=2016, month=9)
    >>> str(relative_month("الشهر الماضي", date(2016, 1, 5)))
    '2015-12'
    """
    day = parse_when(report, "report date")
    words = [w for w in _words(phrase) if w not in {"the", "in", "في"}]
    shift = _MONTHS.get((words[0], words[1])) if len(words) == 2 else None
    if shift is None:
        raise DateError(
            f"relative month {phrase!r} cannot be read: "
            "expected last month, this month or next month"
        )
    index = day.year * 12 + day.month - 1 + shift
    return Month(index // 12, index % 12 + 1)


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days (Monday to Friday) after ``start``.

    UN holidays are not counted yet: the result can be a day or two early around them.

    >>> add_working_days(date(2022, 5, 26), 10)
    datetime.date(2022, 6, 9)
    """
    found = start
    left = days
    while left > 0:
        found += timedelta(days=1)
        if found.weekday() < 5:
            left -= 1
    return found
