"""Member states as the Security Council knows them, and name lookup in six languages.

The bundled table (``data/members.json``) holds every UN member state and the five states that
sat on the Council under an identity that no longer exists (USSR, Yugoslavia, Czechoslovakia,
the German Democratic Republic, Democratic Yemen), each with its ISO 3166 alpha-3 code, its UN
short name, the other names it goes by (historic names of the same membership included) and its
names in Arabic, Chinese, French, Russian and Spanish. Sources are listed in ``data/SOURCES.md``.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, ClassVar

from pydantic import ConfigDict, Field

from .checked import Checked, shown
from .errors import DataFileError, UnknownMemberError, UnscTrackerError

__all__ = ["MemberState", "all_states", "member", "normalize_name"]


class MemberState(Checked):
    """A UN member state: ISO 3166 alpha-3 code, UN short name and the names it goes by.

    Built with bad values, it raises :class:`~unsc_tracker.errors.DataFileError`
    naming the field and the value.

    >>> member("Russia").code
    'RUS'
    >>> str(member("RUSSIAN FEDERATION"))
    'Russian Federation'
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    error: ClassVar[type[UnscTrackerError]] = DataFileError

    code: str = Field(
        pattern=r"^[A-Z]{3}$",
        description="ISO 3166-1 (or, for dissolved states, 3166-3) alpha-3 code",
    )
    name: str = Field(min_length=1, description="UN short name")
    aliases: tuple[str, ...] = Field(
        default=(), description="other English names, historic ones included"
    )
    translations: tuple[tuple[str, tuple[str, ...]], ...] = Field(
        default=(), description="(language, names) pairs for ar, zh, fr, ru, es"
    )
    dissolved: date | None = Field(
        default=None, description="when this UN membership ended, for dissolved states"
    )
    successor: str | None = Field(
        default=None, description="code of the state that continued the membership"
    )
    sources: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash(self.code)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"MemberState({self.code!r}, {self.name!r})"

    def successor_state(self) -> MemberState | None:
        """The state that continued this membership (the Russian Federation for the USSR)."""
        return _registry().states[self.successor] if self.successor else None

    def names_in(self, language: str) -> tuple[str, ...]:
        """The state's names in one of the UN languages: ``"ar"``, ``"zh"``, ``"fr"``, ``"ru"``, ``"es"``.

        >>> member("France").names_in("ar")[0]
        'فرنسا'
        """
        for lang, names in self.translations:
            if lang == language:
                return names
        return ()


_PUNCTUATION = str.maketrans(dict.fromkeys(".,;:'’‘`\"()[]-_/&", " "))


def normalize_name(name: str) -> str:
    """The key names are compared by: no accents or case, punctuation as spaces, no leading "the".

    >>> normalize_name("  Côte d'Ivoire ")
    'cote d ivoire'
    >>> normalize_name("The United Kingdom") == normalize_name("UNITED KINGDOM")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = bare.casefold().translate(_PUNCTUATION).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


class _Registry:
    """All states and the name index, built once from the bundled file."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.states: dict[str, MemberState] = {}
        self.index: dict[str, str] = {}
        for entry in raw["states"]:
            translations = tuple(
                (lang, tuple(names))
                for lang, names in sorted(entry.get("translations", {}).items())
            )
            state = MemberState(
                code=entry["code"],
                name=entry["name"],
                aliases=tuple(entry.get("aliases", ())),
                translations=translations,
                dissolved=entry.get("dissolved"),
                successor=entry.get("successor"),
                sources=tuple(entry.get("sources", ())),
            )
            self.states[state.code] = state
            keys = [state.code, state.name, *state.aliases]
            keys += [name for _, names in translations for name in names]
            for key in keys:
                self._add(normalize_name(key), state.code)

    def _add(self, key: str, code: str) -> None:
        known = self.index.setdefault(key, code)
        if known != code:
            raise ValueError(f"members.json: the name {key!r} is given to both {known} and {code}")


@cache
def _registry() -> _Registry:
    text = resources.files("unsc_tracker").joinpath("data/members.json").read_text(encoding="utf-8")
    return _Registry(json.loads(text))


@cache
def _lookup(name: str) -> MemberState:
    registry = _registry()
    key = normalize_name(name)
    code = registry.index.get(key)
    if code is None:
        close = difflib.get_close_matches(key, registry.index, n=8, cutoff=0.6)
        suggestions = tuple(dict.fromkeys(registry.states[registry.index[k]].name for k in close))[
            :3
        ]
        raise UnknownMemberError(name, suggestions)
    return registry.states[code]


def member(name: str | MemberState) -> MemberState:
    """The member state a name refers to, in any UN language, case and accents ignored.

    Accepts the UN short name, the upper-case form UN records print, ISO codes, common and
    historic names, and the names in Arabic, Chinese, French, Russian and Spanish.

    >>> member("UK").name
    'United Kingdom of Great Britain and Northern Ireland'
    >>> member("روسيا") == member("Russian Federation") == member("USSR").successor_state()
    True
    >>> member("Narnia")
    Traceback (most recent call last):
    unsc_tracker.errors.UnknownMemberError: unknown member state 'Narnia'...
    """
    if isinstance(name, MemberState):
        return name
    if not isinstance(name, str):
        raise TypeError(
            f"a member state is named by a string, not {type(name).__name__}: {shown(name)}"
        )
    return _lookup(name)


@cache
def code_of(name: str) -> str:
    """The ISO code a name resolves to, cached per spelling for the vote-counting hot paths."""
    return _lookup(name).code


def all_states() -> Iterator[MemberState]:
    """Every bundled state, ordered by code."""
    yield from sorted(_registry().states.values(), key=lambda state: state.code)


@cache
def predecessors(code: str) -> frozenset[str]:
    """The codes of the states whose membership ``code`` continues: ``{"SUN"}`` for ``"RUS"``.

    >>> sorted(predecessors("RUS")), sorted(predecessors("FRA"))
    (['SUN'], [])
    """
    found: set[str] = set()
    for state in all_states():
        step = state
        while step.successor is not None:
            if step.successor == code:
                found.add(state.code)
                break
            step = member(step.successor)
    return frozenset(found)
