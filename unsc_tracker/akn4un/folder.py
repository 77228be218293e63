"""A folder of AKN4UN files (a clone of the UN's collection) read into one report.

:func:`load_folder` reads every ``*.xml`` file below a folder, in one language or all of them.
Nothing is left out silently: each file is a record (a resolution or a draft), a presidential
statement, a file in another language than the one asked for, or an unreadable file with the
reason; every other file is named too. The report recomputes every outcome with the Charter's
rule and keeps apart the records whose ballots give another outcome (``disagreements()``) and the
records whose ballots were not built into a vote because the record contradicts itself
(``refusals()``). Read in all languages, it groups the language versions of each text and says
where they differ from the English one (``differences()``).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import ClassVar, Literal, TextIO

from pydantic import ConfigDict, Field, PrivateAttr

from .. import views
from ..checked import Checked
from ..errors import AknError, UnscTrackerError
from ..voting import tally
from ..wording import plural
from .checks import OutcomeCheck, check
from .document import peek_language, read_bytes, shown
from .reader import read
from .record import LANGUAGES, AknRecord, DocumentKind, Modality, ProblemKind

__all__ = ["PROGRESS_FROM", "FolderReport", "UnreadableFile", "VersionDifference", "load_folder"]

PROGRESS_FROM = 200
"""With ``progress=None``, a bar is shown on a terminal only for more files than this."""
_BAR_WIDTH = 30


class UnreadableFile(Checked):
    """A file of a folder that could not be read as a record, and the :class:`AknError` why.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    path: Path
    message: str = Field(min_length=1, description="the AknError message, naming the file")

    def __str__(self) -> str:
        return self.message


class VersionDifference(Checked):
    """A language version of a text whose date, counts or outcome differ from the English one.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    symbol: str
    what: Literal["date", "counts", "outcome"]
    english: str = Field(description="the value in the English record")
    other: str = Field(description="the value in this version")
    language: str | None
    path: Path | None = Field(description="the file of this version")
    english_path: Path | None = Field(description="the file of the English record compared with")

    def __str__(self) -> str:
        where = shown(self.path) if self.path is not None else "<string>"
        return f"{self.symbol} [{self.language}] {where}: {self.what} {self.other}, English {self.english}"


class FolderReport(Checked):
    """What :func:`load_folder` found below a folder.

    Built with bad values, it raises :class:`~unsc_tracker.errors.AknError`
    naming the field and the value.

    ``records`` are the resolutions and drafts, ``statements`` the presidential statements, both
    in file order; ``other_languages`` the XML files skipped because they are written in another
    language than the one asked for; ``unreadable`` the files that could not be read, with why.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = AknError

    folder: Path
    language: str | None = Field(default=None, description="the language read; None for all")
    xml_files: tuple[Path, ...] = Field(description="every *.xml file below the folder, sorted")
    records: tuple[AknRecord, ...] = Field(description="resolutions and drafts, in file order")
    statements: tuple[AknRecord, ...] = Field(default=(), description="presidential statements")
    unreadable: tuple[UnreadableFile, ...] = ()
    other_languages: tuple[Path, ...] = Field(
        default=(), description="XML files in another language than the one asked for"
    )
    other_files: tuple[Path, ...] = Field(default=(), description="files not named *.xml")
    _checks: tuple[OutcomeCheck, ...] | None = PrivateAttr(default=None)

    @property
    def without_vote(self) -> tuple[AknRecord, ...]:
        """Records with no vote that is not a refusal: adopted without a vote or by acclamation,
        or put to the vote with no ``<count>`` (a ``no_vote`` problem)."""
        return tuple(r for r in self.records if r.vote is None and not r.refused)

    @property
    def with_problems(self) -> tuple[AknRecord, ...]:
        """Records with a data problem."""
        return tuple(r for r in self.records if r.problems)

    def problem_counts(self) -> dict[ProblemKind, int]:
        """For each problem kind found, the number of records that carry it, most common first."""
        found = Counter(kind for r in self.records for kind in dict.fromkeys(r.problem_kinds()))
        return dict(found.most_common())

    def by_language(self) -> dict[str | None, int]:
        """How many records each language has, most first (None: the document names none)."""
        return dict(Counter(record.language for record in self.records).most_common())

    def compare(self) -> tuple[OutcomeCheck, ...]:
        """Every record's recorded outcome beside the computed one (:func:`check`), in order."""
        if self._checks is None:
            self._checks = tuple(check(record) for record in self.records)
        return self._checks

    def disagreements(self) -> tuple[OutcomeCheck, ...]:
        """The checks of records whose ballots give another outcome than the record says.

        Each check names its file in ``path``. Records whose ballots were not built into a vote
        are not here: see :meth:`refusals`.
        """
        return tuple(found for found in self.compare() if found.agrees is False)

    def refusals(self) -> tuple[AknRecord, ...]:
        """Records whose ballots were not built into a vote because the record contradicts itself.

        Each carries the contradiction in the UN's words among its ``problems`` (those whose
        ``voids_vote`` is True): a member listed under two options, a declared count that is not
        the number of names, the step's "13-0-2" against other counts, a voter not on the Council.
        """
        return tuple(record for record in self.records if record.refused)

    def versions(self) -> dict[str, tuple[AknRecord, ...]]:
        """The records of each text (its language versions, in file order), by symbol.

        A resolution is known by its number, whatever year its symbol says (the French and
        Spanish S/RES/2510 (2019) are S/RES/2510 (2020)); the symbol shown is the English
        record's, else the first one's. A draft is known by its symbol.
        """
        grouped: dict[str, list[AknRecord]] = {}
        for record in self.records:
            number = _NUMBER.match(record.symbol)
            grouped.setdefault(number.group(0) if number else record.symbol, []).append(record)
        named: dict[str, tuple[AknRecord, ...]] = {}
        for found in grouped.values():
            english = next((record for record in found if record.language == "en"), found[0])
            named[english.symbol] = tuple(found)
        return named

    def differences(self) -> tuple[VersionDifference, ...]:
        """Where a version of a text gives another date, counts or outcome than the English one.

        For every symbol with an English record that carries a vote, each other record of the
        symbol (other languages, and any second English file) is compared with the first such
        English record: the date, the yes-no-abstain counts of its ballots ("no vote" without
        any), and the recorded outcome.
        """
        found: list[VersionDifference] = []
        for symbol, versions in self.versions().items():
            english = next((r for r in versions if r.language == "en" and r.vote), None)
            if english is None:
                continue
            for other in versions:
                if other is english:
                    continue
                for what, ours, theirs in (
                    ("date", english.date.isoformat(), other.date.isoformat()),
                    ("counts", _counts(english), _counts(other)),
                    ("outcome", _outcome(english), _outcome(other)),
                ):
                    if ours != theirs:
                        found.append(
                            VersionDifference(
                                symbol=symbol,
                                what=what,  # type: ignore[arg-type]
                                english=ours,
                                other=theirs,
                                language=other.language,
                                path=other.path,
                                english_path=english.path,
                            )
                        )
        return tuple(found)

    def summary(self) -> str:
        """What was read, the problems by kind, the outcomes checked, the refusals and the
        differences between language versions, in plain text; ``str(report)`` gives the same."""
        asked = f"language {self.language}" if self.language else "all languages"
        lines = [
            f"{shown(self.folder)}: {plural(len(self.xml_files), 'XML file')}, {asked}",
            f"read: {len(self.records)} resolutions and drafts, {len(self.statements)} "
            f"presidential statements; unreadable: {len(self.unreadable)}"
            + (f"; in other languages: {len(self.other_languages)}" if self.language else "")
            + f"; files not named *.xml: {len(self.other_files)}",
        ]
        if self.records:
            counted = self.by_language().items()
            lines.append(
                "records by language: " + ", ".join(f"{code or '?'} {n}" for code, n in counted)
            )
        votes = sum(1 for r in self.records if r.vote is not None)
        refusals = self.refusals()
        modality = Counter(r.modality for r in self.without_vote)
        not_recorded = sum(n for how, n in modality.items() if how not in _NO_BALLOTS)
        lines.append(
            f"votes built: {votes}; no vote: {len(self.without_vote)} (without a vote "
            f"{modality[Modality.WITHOUT_VOTE]}, by acclamation {modality[Modality.ACCLAMATION]}, "
            f"vote not recorded {not_recorded}); refused: {len(refusals)}"
        )
        procedural = sorted({r.symbol for r in self.records if _inferred(r)})
        if procedural:
            lines.append(
                f"procedural votes inferred from the record: "
                f"{sum(1 for r in self.records if _inferred(r))} ({', '.join(procedural)})"
            )
        lines.append(f"records with data problems: {len(self.with_problems)}")
        lines += [f"  {kind.value}: {count}" for kind, count in self.problem_counts().items()]
        flawed = [statement for statement in self.statements if statement.problems]
        if flawed:
            kinds = Counter(p.kind.value for statement in flawed for p in statement.problems)
            lines.append(
                f"presidential statements with data problems: {len(flawed)} ("
                + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
                + ")"
            )
        agreeing = sum(1 for found in self.compare() if found.agrees is True)
        differing = self.disagreements()
        lines.append(
            f"outcomes recomputed with tally: {agreeing} agree with the record, "
            f"{len(differing)} disagree, {len(refusals)} refused"
        )
        if differing:
            lines.append("disagreements (the ballots give another outcome than the record):")
            lines += [f"  {_where(found.path)}: {found}" for found in differing]
        if refusals:
            lines.append("refusals (the record contradicts itself, so no vote is built):")
            for record in refusals:
                why = "; ".join(p.message for p in record.problems if p.voids_vote)
                lines.append(f"  {_where(record.path)}: {record.symbol}: {why}")
        differences = self.differences()
        if differences:
            texts = len({difference.symbol for difference in differences})
            lines.append(
                f"language versions that differ from the English record: {len(differences)}, "
                f"in {plural(texts, 'text')}:"
            )
            lines += [f"  {difference}" for difference in differences]
        if self.unreadable:
            lines.append("unreadable files:")
            lines += [f"  {entry.message}" for entry in self.unreadable]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        """``<FolderReport SCresolutions: 3466 records, 641 statements, 120 unreadable, ...>``."""
        return (
            f"<FolderReport {shown(self.folder)}: {plural(len(self.records), 'record')}, "
            f"{plural(len(self.statements), 'statement')}, {len(self.unreadable)} unreadable, "
            f"{plural(len(self.disagreements()), 'disagreement')}, "
            f"{plural(len(self.refusals()), 'refusal')}>"
        )

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)


_NO_BALLOTS = (Modality.WITHOUT_VOTE, Modality.ACCLAMATION)
_NUMBER = re.compile(r"^S/RES/\d+")


def _inferred(record: AknRecord) -> bool:
    basis = record.vote.procedural_basis if record.vote is not None else None
    return bool(basis and basis.startswith("inferred"))


def _counts(record: AknRecord) -> str:
    return tally(record.vote).counts if record.vote is not None else "no vote"


def _outcome(record: AknRecord) -> str:
    return record.recorded_outcome.value if record.recorded_outcome is not None else "none"


def _where(path: Path | None) -> str:
    return shown(path) if path is not None else "<string>"


def load_folder(
    path: str | PathLike[str], *, language: str | None = None, progress: bool | None = None
) -> FolderReport:
    """Read every ``*.xml`` file below a folder (sorted, recursive) into a :class:`FolderReport`.

    ``language`` (ISO 639-1: ``en``, ``fr``, ``es``, ``ru``, ``zh``, ``ar``, ``de``) reads the
    files written in that language, as each document says (``FRBRlanguage``), and lists the
    others in ``other_languages``; None reads all. A file that cannot be read is listed in
    ``unreadable`` with its :class:`AknError` message, not raised. Hidden folders (``.git``) are
    not entered, and a folder reached twice through symbolic links is read once. With
    ``progress`` True a bar is drawn on standard error; with None (the default) only when
    standard error is a terminal and there are more than :data:`PROGRESS_FROM` files. A
    missing folder, a path that is not a folder, or an unknown language raises
    :class:`AknError` naming it.

    >>> import tempfile
    >>> from unsc_tracker import akn4un
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "S_2023_506.xml").write_text(akn4un._example_document(), encoding="utf-8")
    >>> _ = (folder / "broken.xml").write_text("<akomaNtoso>", encoding="utf-8")
    >>> report = load_folder(folder, language="en")
    >>> [record.symbol for record in report.records], len(report.unreadable)
    (['S/2023/506'], 1)
    >>> report.disagreements(), report.refusals()
    ((), ())
    """
    root = Path(path)
    if language is not None and language not in LANGUAGES.values():
        known = ", ".join(LANGUAGES.values())
        raise AknError(f"language {language!r} is none of {known}")
    if not root.exists():
        raise AknError(f"{shown(root)}: no such folder")
    if not root.is_dir():
        raise AknError(f"{shown(root)}: not a folder; to read one file, use akn4un.load")
    unreadable: list[UnreadableFile] = []
    found = sorted(_files_below(root, unreadable), key=lambda file: file.relative_to(root).parts)
    xml_files = [file for file in found if file.suffix.casefold() == ".xml"]
    other_files = [file for file in found if file.suffix.casefold() != ".xml"]
    stream = sys.stderr
    if progress is None:
        progress = len(xml_files) > PROGRESS_FROM and _is_terminal(stream)
    bar = _Progress(len(xml_files), stream) if progress else None
    records: list[AknRecord] = []
    statements: list[AknRecord] = []
    other_languages: list[Path] = []
    for done, file in enumerate(xml_files, 1):
        try:
            data = read_bytes(file)
            peeked = LANGUAGES.get(peek_language(data) or "") if language else None
            if peeked is not None and peeked != language:
                other_languages.append(file)
            else:
                record = read(data, shown(file), file)
                if language is not None and record.language != language:
                    other_languages.append(file)
                elif record.kind is DocumentKind.PRESIDENTIAL_STATEMENT:
                    statements.append(record)
                else:
                    records.append(record)
        except AknError as err:
            unreadable.append(UnreadableFile(path=file, message=str(err)))
        if bar is not None:
            bar.show(done)
    if bar is not None:
        bar.close()
    return FolderReport(
        folder=root,
        language=language,
        xml_files=tuple(xml_files),
        records=tuple(records),
        statements=tuple(statements),
        unreadable=tuple(unreadable),
        other_languages=tuple(other_languages),
        other_files=tuple(other_files),
    )


def _files_below(root: Path, unreadable: list[UnreadableFile]) -> Iterator[Path]:
    """Files below ``root``, outside hidden folders; a folder reached twice is read once."""
    seen: set[tuple[int, int]] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            status = folder.stat()
            entries = list(os.scandir(folder))
        except OSError as err:
            message = f"{shown(folder)}: folder cannot be read: {err.strerror}"
            unreadable.append(UnreadableFile(path=folder, message=message))
            continue
        if (status.st_dev, status.st_ino) in seen:
            continue  # a symbolic link back to a folder already read
        seen.add((status.st_dev, status.st_ino))
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:  # a link that loops on itself, or points nowhere it may look
                is_dir = is_file = False
            if is_dir:
                folders.append(Path(entry.path))
            elif is_file:
                yield Path(entry.path)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class _Progress:
    """A plain-text bar, ``\\r[#####.....] 120/600 files``, redrawn each whole per cent."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.shown = -1  # the per cent last drawn

    def show(self, done: int) -> None:
        per_cent = 100 * done // self.total if self.total else 100
        if per_cent == self.shown and done != self.total:
            return
        filled = _BAR_WIDTH * per_cent // 100
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} files")
        self.stream.flush()
        self.shown = per_cent

    def close(self) -> None:
        if self.shown < 0:
            self.show(self.total)
        self.stream.write("\n")
        self.stream.flush()
