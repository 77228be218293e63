"""The words of dates in English and Arabic: the text folded as the scanner reads it, its tokens,
and the vocabularies (weekdays, months, relative days, parts of the day)."""

from __future__ import annotations

import re
from typing import NamedTuple

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
