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

The modules: :mod:`~unsc_tracker.dates.parsing` (a written date), :mod:`~unsc_tracker.dates.words`
(the words of dates in both languages, and the tokens of a text),
:mod:`~unsc_tracker.dates.phrases` (what a phrase says), :mod:`~unsc_tracker.dates.relative`
(days and months counted from a report) and :mod:`~unsc_tracker.dates.finding` (the phrases of a
whole text).
"""

from __future__ import annotations

from ..errors import DateError, DateWarning
from .finding import FoundDate, find_dates
from .parsing import parse_when
from .relative import Month, add_working_days, relative_day, relative_month, relative_when

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
