"""``votes()``: the bundled vote record, alone or merged with the user's sources, filtered.

The bundled record (``data/votes.csv`` and ``data/votes_ballots.csv``, built by
``scripts/build_record.py``; sources in ``data/SOURCES.md``) loads on first use and is cached.
Other sources are read on each call: a UN Digital Library voting CSV, a folder of the UN's
AKN4UN XML, a votes table in the library's own format, or votes already read.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Iterable, Sequence
from functools import cache, partial
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Literal

from ..errors import RecordQueryError, SourceConflictError, VoteFileError
from ..files import read_text
from ..members import MemberState
from ..voting import Outcome
from .csvfiles import ballots_path, read_votes, read_votes_text
from .merging import merge
from .selection import Votes
from .vote import TextKind, Vote

__all__ = ["BUNDLED", "Source", "bundled", "read_source", "user_folders", "votes"]

BUNDLED = "bundled"
"""The name that stands for the bundled record among ``sources``."""

Source = str | PathLike[str] | Iterable[Vote]
"""A source of votes: ``"bundled"``, a path to a file or folder, or votes already read."""


@cache
def bundled() -> Votes:
    """The bundled record, read once (``data/votes.csv`` and its ballots table)."""
    data = resources.files("unsc_tracker").joinpath("data")
    votes = read_votes_text(
        data.joinpath("votes.csv").read_text(encoding="utf-8"),
        data.joinpath("votes_ballots.csv").read_text(encoding="utf-8"),
        votes_name="unsc_tracker/data/votes.csv",
        ballots_name="unsc_tracker/data/votes_ballots.csv",
    )
    return Votes(votes, sources=["bundled record (unsc_tracker/data/votes.csv)"])


def read_source(source: Source, *, language: str = "en") -> tuple[str, Votes]:
    """A source's name and its votes, merged within the source (one vote per text).

    A folder holding ``votes.csv`` is read in the library's format, any other folder as AKN4UN
    XML in ``language``; a CSV file with an ``undl_id`` column as the UN Digital Library's data,
    one with a ``symbol`` column as the library's votes table.
    """
    if isinstance(source, str) and source == BUNDLED:
        return "bundled record", bundled()
    if isinstance(source, str | PathLike):
        path = Path(source)
        name = str(path)
        if path.is_dir():
            if (path / "votes.csv").is_file():
                found: Iterable[Vote] = read_votes(path / "votes.csv")
                return name, merge([(name, found)])
            from .akn import read_akn4un  # the XML reader loads only for a folder of XML

            read = read_akn4un(path, language=language)
            skipped = [*read.skipped]
            if read.other_languages:
                skipped.append(
                    f"{name}: {read.other_languages} records in languages other than {language!r}"
                )
            return name, Votes(
                read.votes, conflicts=read.conflicts, sources=[name], skipped=skipped
            )
        header = _header(path)
        if "undl_id" in header:
            from .undl import read_undl  # the reader loads only for such a file

            return name, merge([(name, read_undl(path))])
        if "symbol" in header:
            ballots = ballots_path(path)
            return name, merge([(name, read_votes(path, ballots if ballots.exists() else None))])
        raise VoteFileError(
            f"{path}: neither the UN Digital Library's voting data (no 'undl_id' column) nor "
            "the library's votes table (no 'symbol' column)",
            file=name,
            line=1,
        )
    if isinstance(source, Votes):
        return "votes given", source
    return "votes given", merge([("votes given", source)])


def user_folders() -> list[Path]:
    """The folders given to :func:`~unsc_tracker.use_data` (or ``UNSC_TRACKER_DATA``) that hold
    a ``votes.csv``: the user's own votes, merged after the bundled record by default."""
    from .. import datafiles

    return [folder for folder in datafiles.data_folders() if (folder / "votes.csv").is_file()]


def _header(path: Path) -> list[str]:
    if not path.exists():
        raise VoteFileError(f"{path}: no such file or folder", file=str(path))
    text = read_text(path, partial(VoteFileError, file=str(path)), "votes file")
    return next(csv.reader(io.StringIO(text)), [])


def votes(
    since: _dt.date | _dt.datetime | str | None = None,
    until: _dt.date | _dt.datetime | str | None = None,
    *,
    member: str | MemberState | None = None,
    agenda: str | None = None,
    outcome: Outcome | str | None = None,
    kind: TextKind | str | None = None,
    sources: Sequence[Source] | None = None,
    language: str = "en",
    on_conflict: Literal["report", "raise"] = "report",
) -> Votes:
    """The Council's votes, in date order: the bundled record, or the ``sources`` merged.

    Filters, all optional and combined: ``since`` and ``until`` (inclusive: a day, or as text a month,
    ``"2016-10"``, or a year, ``"2011"``); ``member``
    (votes taken while it sat on the Council); ``agenda`` (a part of the agenda item, the title
    or a subject heading, case ignored: ``"Syria"``); ``outcome`` (``"adopted"``, ``"vetoed"``,
    ``"failed"``, computed from the ballots where known, else as recorded); ``kind``
    (``"resolution"``, ``"draft"``, ``"amendment"``, ``"part"``, ``"question"``).

    ``sources`` lists where the votes come from, first in precedence: ``"bundled"``, a path to a
    UN Digital Library voting CSV, to a folder of AKN4UN XML (read in ``language``), to a votes
    table in the library's format, or votes already read. By default: the bundled record, then
    the folders given to :func:`~unsc_tracker.use_data` that hold a ``votes.csv``. Votes are
    matched by symbol; a fact the sources disagree on (a ballot, a date, a count) is kept as the
    first source gives it and reported in ``.conflicts`` with both values and both sources;
    ``on_conflict="raise"`` raises :class:`~unsc_tracker.errors.SourceConflictError` instead.

    >>> from datetime import date
    >>> syria = votes(since=date(2011, 1, 1), agenda="Syria")
    >>> len(syria.filter(outcome="vetoed"))
    18
    >>> syria.get("S/2016/846").ballot_of("Egypt")
    <Ballot.YES: 'yes'>
    """
    if on_conflict not in ("report", "raise"):
        raise RecordQueryError(f"on_conflict={on_conflict!r}: 'report' or 'raise'")
    chosen: list[Source] = [BUNDLED, *user_folders()] if sources is None else list(sources)
    if not chosen:
        raise RecordQueryError("sources=[]: name at least one source, e.g. 'bundled'")
    read = [read_source(source, language=language) for source in chosen]
    if len(read) == 1:
        record = read[0][1]
    else:
        record = merge([(name, found) for name, found in read])
        inner = [conflict for _, found in read for conflict in found.conflicts]
        skipped = [entry for _, found in read for entry in found.skipped]
        record = Votes(
            record,
            conflicts=[*inner, *record.conflicts],
            sources=record.sources,
            skipped=skipped,
        )
    if on_conflict == "raise" and record.conflicts:
        shown = "\n".join(f"  {conflict}" for conflict in record.conflicts[:20])
        more = len(record.conflicts) - 20
        raise SourceConflictError(
            f"{len(record.conflicts)} conflicts between the sources:\n{shown}"
            + (f"\n  ... and {more} more" if more > 0 else "")
        )
    return record.filter(since, until, member=member, agenda=agenda, outcome=outcome, kind=kind)
