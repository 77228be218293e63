"""Sponsor lists: one string of member names, commas and a final "and", read into members.

The UN writes a draft's sponsors as prose ("Antigua and Barbuda, Bosnia and Herzegovina and
United Kingdom of Great Britain and Northern Ireland"), with slips: a missing comma ("New Zealand
Nicaragua"), an empty entry, a name repeated in part ("... and Northern Ireland and Northern
Ireland"), a misspelt name, or a sentence where the list should be. The reader matches whole
member names, never ISO codes (prose is full of "and", "per" and "can"), and prefers the longest
name. A word run that is part of a longer known name ("Northern Ireland") is a fragment of that
name, not the shorter name inside it (Ireland). What matches no member is kept and reported once,
as written, without the suggestion search an interactive lookup makes.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import ClassVar

from pydantic import ConfigDict, Field

from ..checked import Checked
from ..errors import AknError, UnscTrackerError
from ..members import MemberState, all_states, normalize_name
from ..wording import clip
from .record import Problem, ProblemKind

__all__ = [
    "SponsorList",
    "member_named",
    "parse_sponsors",
    "split_sponsors",
    "sponsor_lists",
]

_LONGEST_NAME = 10  # words: "United Kingdom of Great Britain and Northern Ireland" has eight
_LONGEST_ENTRY = 100  # words between two commas; longer text is not a list of names


class SponsorList(Checked):
    """A sponsor list split into members, the text that did not resolve, and the slips found.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.

    ``pieces`` keeps, for each resolved member, the text it was read from, so no name is lost.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    sponsors: tuple[MemberState, ...] = ()
    pieces: tuple[str, ...] = Field(default=(), description="the text each sponsor was read from")
    unresolved: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


@cache
def _names() -> dict[str, MemberState]:
    """Every name, alias and translation of every state, normalised; ISO codes left out."""
    index: dict[str, MemberState] = {}
    for state in all_states():
        names = [state.name, *state.aliases]
        names += [name for _, translated in state.translations for name in translated]
        for name in names:
            index.setdefault(normalize_name(name), state)
    return index


@cache
def _parts() -> frozenset[str]:
    """Every run of two or more words inside a longer known name ("northern ireland")."""
    parts: set[str] = set()
    for name in _names():
        words = name.split()
        for start in range(len(words)):
            for end in range(start + 2, len(words) + 1):
                if end - start < len(words):
                    parts.add(" ".join(words[start:end]))
    return frozenset(parts)


@cache
def _word(word: str) -> str:
    # normalize_name drops a leading "the", which must stay inside "Saint Vincent and the ...".
    return normalize_name("x " + word)[2:]


def _key(normal: list[str]) -> str:
    key = " ".join(word for word in normal if word)
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=4096)
def member_named(name: str) -> MemberState | None:
    """The member a name (not an ISO code) refers to, or None; no suggestions are searched.

    >>> member_named("UNITED KINGDOM").code, member_named("can")
    ('GBR', None)
    """
    return _names().get(_key([_word(word) for word in name.split()]))


def parse_sponsors(text: str) -> SponsorList:
    """Split a UN sponsor list (one string, commas and a final "and") into member states.

    Names that contain "and" or "of" resolve whole, the longest known name first. A piece that
    runs two names together (a missing comma) is split into known names, with a
    ``sponsor_list_slip`` problem; what still matches nothing is kept in ``unresolved`` and
    reported once as an ``unknown_member`` problem.

    >>> found = parse_sponsors("Trinidad and Tobago, New Zealand Nicaragua and "
    ...                        "United Kingdom of Great Britain and Northern Ireland")
    >>> [state.code for state in found.sponsors]
    ['TTO', 'NZL', 'NIC', 'GBR']
    >>> [problem.kind.value for problem in found.problems]
    ['sponsor_list_slip']
    >>> found = parse_sponsors("United Kingdom of Great Britain and Northern Ireland and "
    ...                        "Northern Ireland and United States of America")
    >>> [state.code for state in found.sponsors], found.unresolved
    (['GBR', 'USA'], ('Northern Ireland',))
    """
    return split_sponsors(text, "sponsors")


def split_sponsors(text: str, where: str) -> SponsorList:
    """:func:`parse_sponsors`, naming ``where`` (the attribute read) in the problems."""
    sponsors: list[MemberState] = []
    codes: set[str] = set()  # the codes of ``sponsors``: states compare field by field
    pieces: list[str] = []
    unresolved: list[str] = []
    problems: list[Problem] = []
    entries = [entry.split() for entry in text.split(",")]
    for position, words in enumerate(entries):
        if not words:
            if 0 < position < len(entries) - 1:
                before, after = " ".join(entries[position - 1]), " ".join(entries[position + 1])
                message = f"empty entry between {clip(before)!r} and {clip(after)!r}"
                problems.append(_problem(ProblemKind.SPONSOR_LIST_SLIP, where, message))
            continue
        whole = member_named(" ".join(words))
        read = [("name", " ".join(words))] if whole is not None else _read_entry(words)
        for kind, piece in read:
            if kind == "name":
                state = member_named(piece)
                if state is not None and state.code not in codes:
                    codes.add(state.code)
                    sponsors.append(state)
                    pieces.append(piece)
            elif piece not in unresolved:
                unresolved.append(piece)
                message = f"sponsor {clip(piece)!r} matches no member state"
                problems.append(_problem(ProblemKind.UNKNOWN_MEMBER, where, message))
        runs = _run_together(words) if whole is None else []
        if runs:
            problems.append(
                _problem(
                    ProblemKind.SPONSOR_LIST_SLIP,
                    where,
                    f"{clip(' '.join(words))!r} runs names together without a comma; read as "
                    + " and ".join(repr(run) for run in runs),
                )
            )
    return SponsorList(
        sponsors=tuple(sponsors),
        pieces=tuple(pieces),
        unresolved=tuple(unresolved),
        problems=tuple(problems),
    )


def sponsor_lists(lists: list[tuple[str, str]]) -> SponsorList:
    """The sponsors of several lists (a draft's, then the additional sponsors), each once.

    ``lists`` holds (text, where) pairs; a fragment that matches no member is reported once,
    however many lists repeat it.
    """
    sponsors: list[MemberState] = []
    codes: set[str] = set()
    pieces: list[str] = []
    unresolved: list[str] = []
    problems: list[Problem] = []
    for text, where in lists:
        if not text:
            continue
        found = split_sponsors(text, where)
        for state, piece in zip(found.sponsors, found.pieces, strict=True):
            if state.code not in codes:
                codes.add(state.code)
                sponsors.append(state)
                pieces.append(piece)
        for problem in found.problems:
            repeated = any(problem.message == earlier.message for earlier in problems)
            if not (problem.kind is ProblemKind.UNKNOWN_MEMBER and repeated):
                problems.append(problem)
        unresolved += [piece for piece in found.unresolved if piece not in unresolved]
    return SponsorList(
        sponsors=tuple(sponsors),
        pieces=tuple(pieces),
        unresolved=tuple(unresolved),
        problems=tuple(problems),
    )


def _problem(kind: ProblemKind, where: str, message: str) -> Problem:
    return Problem(kind=kind, element=where, message=message)


def _read_entry(words: list[str]) -> list[tuple[str, str]]:
    """An entry (the words between two commas) as ("name" | "unknown", text), "and"s dropped."""
    return [(kind, " ".join(span)) for kind, span in _segments(tuple(words)) if kind != "and"]


def _run_together(words: list[str]) -> list[str]:
    """The names of each stretch of two or more names with no "and" between them."""
    runs: list[list[str]] = []
    previous = "and"
    for kind, span in _segments(tuple(words)):
        if kind == "name" and previous == "name":
            runs[-1].append(" ".join(span))
        elif kind == "name":
            runs.append([" ".join(span)])
        previous = kind
    return [name for run in runs if len(run) > 1 for name in run]


@lru_cache(maxsize=4096)
def _segments(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The entry read as names, "and"s and unknown runs: fewest unknown words, then fewest names.

    A shortest-path over word positions (linear in the entry's length), then the fragments of
    longer names demoted: a name with unknown words before or after it that together make part
    of a longer known name.
    """
    normal = [_word(word) for word in words]
    n = len(words)
    if n > _LONGEST_ENTRY:
        return (("unknown", words),)
    if _key(normal) in _names():
        return (("name", words),)
    names = _names()
    # best[i]: (unknown words, names) of the cheapest reading of words[:i], and how it ends.
    best: list[tuple[int, int]] = [(0, 0)] + [(n + 1, n + 1)] * n
    step: list[tuple[str, int]] = [("start", 0)] * (n + 1)
    for i in range(n):
        unknown, count = best[i]
        if normal[i] == "and":
            if (unknown, count) < best[i + 1]:
                best[i + 1], step[i + 1] = (unknown, count), ("and", i)
            continue
        if (unknown + 1, count) < best[i + 1]:
            best[i + 1], step[i + 1] = (unknown + 1, count), ("unknown", i)
        for j in range(i + 1, min(n, i + _LONGEST_NAME) + 1):
            if (
                normal[j - 1] != "and"
                and _key(normal[i:j]) in names
                and (unknown, count + 1) < best[j]
            ):
                best[j], step[j] = (unknown, count + 1), ("name", i)
    spans: list[tuple[str, int, int]] = []
    end = n
    while end > 0:
        kind, start = step[end]
        spans.append((kind, start, end))
        end = start
    spans.reverse()
    return tuple(_merged(_demoted(spans, normal), words))


def _demoted(spans: list[tuple[str, int, int]], normal: list[str]) -> list[tuple[str, int, int]]:
    """Names that, with the unknown words beside them, are part of a longer known name."""
    parts = _parts()
    out = list(spans)
    for index, (kind, start, end) in enumerate(out):
        if kind != "name":
            continue
        before = index > 0 and out[index - 1][0] == "unknown"
        after = index + 1 < len(out) and out[index + 1][0] == "unknown"
        left = max(out[index - 1][1], start - _LONGEST_NAME) if before else start
        right = min(out[index + 1][2], end + _LONGEST_NAME) if after else end
        inside = any(
            _key(normal[i:j]) in parts
            for i in range(left, start + 1)
            for j in range(end, right + 1)
            if (i, j) != (start, end)
        )
        if inside:
            out[index] = ("unknown", start, end)
    return out


def _merged(
    spans: list[tuple[str, int, int]], words: tuple[str, ...]
) -> list[tuple[str, tuple[str, ...]]]:
    """Adjacent unknown words joined into one run."""
    merged: list[tuple[str, tuple[str, ...]]] = []
    for kind, start, end in spans:
        if kind == "unknown" and merged and merged[-1][0] == "unknown":
            merged[-1] = ("unknown", merged[-1][1] + words[start:end])
        else:
            merged.append((kind, words[start:end]))
    return merged
