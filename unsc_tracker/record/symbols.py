"""UN document symbols as the vote record writes them: resolutions, drafts, meetings, letters.

Sources write the same symbol several ways (``S/RES/2334(2016)`` in the UN Digital Library,
``S/RES/2334 (2016)`` in the resolutions themselves). The record keys votes by symbol, so each
symbol is brought to one form on entry; anything that is not a symbol of its kind is refused.

>>> resolution_symbol("S/RES/1310(2000)")
'S/RES/1310 (2000)'
>>> draft_symbol("S/2016/846"), meeting_symbol("S/PV.7785")
('S/2016/846', 'S/PV.7785')
>>> draft_symbol("S/RES/2334 (2016)")
Traceback (most recent call last):
ValueError: 'S/RES/2334 (2016)' is not a draft's symbol (S/2016/846, S/3502, S/2016/846/Rev.1)
"""

from __future__ import annotations

import re

__all__ = [
    "draft_symbol",
    "is_symbol",
    "letter_symbol",
    "meeting_symbol",
    "resolution_symbol",
]

_RESOLUTION = re.compile(r"S/RES/(\d+)\s*\((\d{4})\)")
_DRAFT = re.compile(r"S/(?:\d{4}/)?\d+(?:/(?:Rev|Add|Corr|Amend)\.\d+)*")
_MEETING = re.compile(r"S/PV\.\d+(?: ?\((?:Resumption|Part|Closed)[^()]*\))?")
_LETTER = re.compile(r"S/\d{4}/\d+")


def resolution_symbol(text: str) -> str:
    """A resolution's symbol as the UN prints it on the text: ``S/RES/2334 (2016)``."""
    found = _RESOLUTION.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"{text!r} is not a resolution's symbol (S/RES/2334 (2016))")
    return f"S/RES/{int(found[1])} ({found[2]})"


def draft_symbol(text: str) -> str:
    """A draft's (or an amendment's) symbol: ``S/2016/846``, ``S/3502``, ``S/2016/846/Rev.1``."""
    symbol = text.strip()
    if _DRAFT.fullmatch(symbol) is None:
        raise ValueError(f"{text!r} is not a draft's symbol (S/2016/846, S/3502, S/2016/846/Rev.1)")
    return symbol


def meeting_symbol(text: str) -> str:
    """A meeting record's symbol: ``S/PV.7785``, or with its part, ``S/PV.4305 (Resumption 1)``."""
    symbol = text.strip()
    if _MEETING.fullmatch(symbol) is None:
        raise ValueError(f"{text!r} is not a meeting record's symbol (S/PV.7785)")
    return symbol


def letter_symbol(text: str) -> str:
    """A letter's symbol (a vote by written procedure is recorded in one): ``S/2020/654``."""
    symbol = text.strip()
    if _LETTER.fullmatch(symbol) is None:
        raise ValueError(f"{text!r} is not a letter's symbol (S/2020/654)")
    return symbol


def is_symbol(text: str) -> bool:
    """Whether ``text`` reads as a UN symbol of the Council's documents (it starts ``S/``)."""
    return text.strip().startswith("S/")
