"""How names, days and counts read in English text: the small words every repr and message uses.

This module knows no model: it takes strings, numbers and objects with an ``isoformat`` method,
so that every module, from the members up to the command line, can word its own output.

>>> the("Russian Federation"), the("China")
('the Russian Federation', 'China')
>>> joined(["France", "the United Kingdom", "the United States"])
'France, the United Kingdom and the United States'
>>> plural(1, "veto"), plural(2, "ballot"), plural(3, "veto")
('1 veto', '2 ballots', '3 vetoes')
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["clip", "day", "joined", "plural", "the"]

# Names that take "the" inside a sentence: those with a common noun, and a few plurals and islands.
_ARTICLE_WORDS = frozenset(
    {"Republic", "Federation", "Kingdom", "States", "Union", "Islands", "Emirates", "Netherlands"}
)
_ARTICLE_NAMES = frozenset({"Philippines", "Holy See", "Bahamas", "Gambia", "Comoros", "Maldives"})


def the(name: str) -> str:
    """A state's name as it reads inside a sentence: "the Russian Federation", "China"."""
    head = name.split(" (", 1)[0]
    if head in _ARTICLE_NAMES or _ARTICLE_WORDS & set(head.split()):
        return f"the {name}"
    return name


def joined(words: Sequence[str]) -> str:
    """Words joined as a list reads in English: "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def day(when: object) -> str:
    """A date or datetime in ISO 8601 (anything else as ``str``)."""
    isoformat = getattr(when, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else str(when)


def plural(count: int, word: str) -> str:
    """``count`` and ``word``, made plural unless the count is one ("2 vetoes", "1 ballot")."""
    ending = "" if count == 1 else "es" if word.endswith("o") else "s"
    return f"{count} {word}{ending}"


def clip(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
