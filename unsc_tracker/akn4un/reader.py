"""Reading one AKN4UN document into an :class:`~unsc_tracker.akn4un.AknRecord`.

The document says what it is three times (the ``name`` of its document element, its symbol, its
title), dates itself several times (see :mod:`~unsc_tracker.akn4un.dates`), and records the
decision in its ``<workflow>`` (the draft with its sponsors, then ``adopted``, ``veto`` or
``notAdopted`` with the meeting record) and its ``<voting>`` counts. The reader takes each fact
from where the document keeps it and reports every disagreement as a problem on the record.
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import islice
from os import PathLike
from pathlib import Path

from ..errors import AknError
from ..members import MemberState
from ..voting import Outcome
from ..wording import clip
from . import checks, dates
from .document import (
    AKN_NAMESPACE,
    agenda_keywords,
    child,
    children,
    local,
    parse,
    read_bytes,
    shown,
    text,
)
from .record import LANGUAGES, AknRecord, DocumentKind, Modality, Problem, ProblemKind
from .sponsors import split_sponsors, sponsor_lists

__all__ = ["load", "loads"]

_OUTCOME_WORDS = {
    "adopted": Outcome.ADOPTED,
    "veto": Outcome.VETOED,
    "vetoed": Outcome.VETOED,
    "notadopted": Outcome.FAILED,
}
_DRAFT_STEPS = {"draftresolution", "draftresolutionadditionalsponsors"}
_RESOLUTION = re.compile(r"^S/RES/(\d+)\s*\((\d{4})\)$")
_KIND_OF_SYMBOL = (
    (re.compile(r"^S/RES/\d+"), DocumentKind.RESOLUTION),
    (re.compile(r"^S/PRST/\d{4}/\d+"), DocumentKind.PRESIDENTIAL_STATEMENT),
    (re.compile(r"^S/\d{4}/\d+"), DocumentKind.DRAFT_RESOLUTION),
)
_SYMBOL_YEAR = re.compile(r"\((\d{4})\)$|^S/(?:PRST/)?(\d{4})/")
_ADDRESS_NUMBER = re.compile(r"/(\d+)-(\d+)/")
_TITLE_NUMBER = re.compile(r"(\d{3,5})\s*\((\d{4})\)")
_STATEMENT_TITLE = re.compile(r"^\s*Statement\b", re.IGNORECASE)
_MEETING = re.compile(r"^S/PV(\.?)(\d+)(.*)$")
_DOCUMENT = re.compile(r"^S/\d{4}/\d+")
_ORDINAL_MEETING = re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+meeting\b")
_PV_IN_TEXT = re.compile(r"S/PV\.?(\d+)")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_VETOERS = re.compile(r"permanent members? of the Security Council \(([^)]*)\)")
_FOUND = 8  # how many docNumber, docDate or docTitle elements of each kind are looked at


def load(path: str | PathLike[str]) -> AknRecord:
    """Read one AKN4UN file into an :class:`AknRecord`.

    Raises :class:`~unsc_tracker.errors.AknError`, naming the file, for a missing file, text
    that cannot be decoded, a DOCTYPE or ENTITY declaration (refused before parsing), XML that
    is not well-formed (with the parser's line, column and reason), and a document that is not a
    Security Council resolution, draft or presidential statement.

    >>> load("no/such/S_RES_2720.xml")
    Traceback (most recent call last):
    unsc_tracker.errors.AknError: no/such/S_RES_2720.xml: no such file
    """
    file = Path(path)
    return read(read_bytes(file), shown(file), file)


def loads(data: str | bytes, source: str = "<string>") -> AknRecord:
    """Read one AKN4UN document from text or bytes; ``source`` names it in errors.

    >>> from unsc_tracker import akn4un
    >>> record = loads(akn4un._example_document())
    >>> record.symbol, record.kind.value, record.language, record.meeting
    ('S/2023/506', 'draftResolution', 'en', 'S/PV.9371')
    >>> record.recorded_outcome.value, [state.code for state in record.sponsors], record.problems
    ('vetoed', ['BRA', 'CHE'], ())
    """
    return read(data, source, None)


def read(data: str | bytes, source: str, path: Path | None) -> AknRecord:
    """Parse and read one document; ``source`` names it in errors, ``path`` is kept."""
    return _Reader(parse(data, source), source, path).record()


def _below(sections: list[ET.Element | None], name: str) -> Iterator[ET.Element]:
    """The elements of this name below the sections, in document order within each."""
    for section in sections:
        if section is not None:
            yield from section.iter(f"{{{AKN_NAMESPACE}}}{name}")
            yield from section.iter(name)


class _Step:
    def __init__(self, index: int, element: ET.Element) -> None:
        self.index = index
        self.where = f"workflow/step[{index}]"
        self.date_raw = element.get("date")
        self.outcome = (element.get("outcome") or "").strip()
        self.by = " ".join((element.get("by") or "").split())
        self.as_ = (element.get("as") or "").strip()

    @property
    def label(self) -> str:
        return f"step {clip(self.outcome, 40)!r}"


class _Reader:
    """Reads one parsed document; collects problems as it goes."""

    def __init__(self, document: ET.Element, source: str, path: Path | None) -> None:
        self.document = document
        self.source = source
        self.path = path
        self.problems: list[Problem] = []
        self.meta = child(document, "meta")
        # The cover page and preface hold the symbol, the printed dates and the title.
        sections = [child(document, "coverPage"), child(document, "preface")]
        self.found = {
            name: list(islice(_below(sections, name), _FOUND))
            for name in ("docNumber", "docDate", "docTitle")
        }

    def problem(self, kind: ProblemKind, element: str, message: str) -> None:
        self.problems.append(Problem(kind=kind, element=element, message=message))

    def record(self) -> AknRecord:
        named = self.named_kind()
        symbol = self.symbol(named)
        titles = [text(title) for title in self.found["docTitle"]]
        title = self.title(titles)
        kind = self.kind(named, symbol, title, titles)
        language = self.language()
        steps = [
            _Step(i, el) for i, el in enumerate(children(child(self.meta, "workflow"), "step"), 1)
        ]
        if kind is DocumentKind.PRESIDENTIAL_STATEMENT:
            day = self.record_date(symbol, None)
            self.check_title_number(symbol, kind, titles)
            return AknRecord(
                path=self.path,
                symbol=symbol,
                kind=kind,
                language=language,
                date=day,
                title=title,
                problems=tuple(self.problems),
            )
        decisive = next((s for s in steps if s.outcome.casefold() not in _DRAFT_STEPS), None)
        draft = next((s for s in steps if s.outcome.casefold() == "draftresolution"), None)
        day = self.record_date(symbol, decisive, draft)
        self.check_symbol(symbol, kind, day, titles)
        self.check_draft_steps(steps, day)
        sponsors = sponsor_lists(
            [(s.by, f"{s.where}/@by") for s in steps if s.outcome.casefold() in _DRAFT_STEPS]
        )
        self.problems += sponsors.problems
        outcome = self.outcome(decisive)
        voting = child(child(child(self.meta, "analysis"), "parliamentary"), "voting")
        modality = self.modality(decisive, voting)
        meeting, letter = self.meeting(decisive, modality)
        vetoers = self.vetoers(decisive) if outcome is Outcome.VETOED else ()
        if kind is DocumentKind.DRAFT_RESOLUTION:
            draft_symbol: str | None = symbol
        else:
            draft_symbol = draft.as_ or None if draft is not None else None
        counts, found = checks.read_counts(voting)
        vote = None
        if modality in (Modality.WITHOUT_VOTE, Modality.ACCLAMATION):
            said = (decisive.where, decisive.by) if decisive is not None else ("workflow", "")
            self.problems += checks.ballots_without_vote(modality, said, counts)
        else:
            self.problems += found
            if counts and not found:
                by, at = (decisive.by, f"{decisive.where}/@by") if decisive else ("", "workflow")
                self.problems += checks.count_problems(counts, by, at)
            if not counts and not found:
                self.problem(
                    ProblemKind.NO_VOTE,
                    "analysis/parliamentary/voting",
                    "no <count>: the decision was put to the vote, but the record does not say how "
                    "the members voted",
                )
            elif counts:
                vote, failed = checks.vote_from(
                    counts,
                    day,
                    text_voted=draft_symbol,
                    meeting=meeting,
                    recorded=outcome,
                    voided=any(p.voids_vote for p in self.problems),
                )
                self.problems += failed
        agenda, subjects = agenda_keywords(self.meta)
        return AknRecord(
            path=self.path,
            symbol=symbol,
            kind=kind,
            language=language,
            date=day,
            title=title,
            agenda=agenda,
            subjects=subjects,
            draft_symbol=draft_symbol,
            modality=modality,
            meeting=meeting,
            meeting_raw=decisive.as_ or None if decisive is not None else None,
            letter=letter,
            recorded_outcome=outcome,
            outcome_word=decisive.outcome if decisive is not None else None,
            recorded_vetoed_by=vetoers,
            sponsors=sponsors.sponsors,
            unresolved_sponsors=sponsors.unresolved,
            counts=tuple(read.count for read in counts),
            vote=vote,
            problems=tuple(self.problems),
        )

    # -- what the document is ------------------------------------------------------------------

    def named_kind(self) -> DocumentKind:
        name = self.document.get("name", "")
        try:
            return DocumentKind(name)
        except ValueError:
            known = ", ".join(repr(k.value) for k in DocumentKind)
            raise AknError(
                f"{self.source}: not a Security Council resolution, draft or presidential "
                f"statement: <{local(self.document.tag)} name={clip(name, 40)!r}>; expected name "
                f"{known}"
            ) from None

    def symbol(self, named: DocumentKind) -> str:
        for number in self.found["docNumber"]:
            if number.get("refersTo") == "#symbol":
                written = text(number)
                if written:
                    found = _RESOLUTION.match(written)
                    return f"S/RES/{found.group(1)} ({found.group(2)})" if found else written
                return self.symbol_elsewhere(named)
        raise AknError(f"{self.source}: not an AKN4UN record: no <docNumber refersTo='#symbol'>")

    def symbol_elsewhere(self, named: DocumentKind) -> str:
        """An empty ``<docNumber>``: the symbol from the FRBR address, else the title."""
        this = child(child(child(self.meta, "identification"), "FRBRWork"), "FRBRthis")
        address = _ADDRESS_NUMBER.search(this.get("value", "")) if this is not None else None
        symbol = None
        if address is not None:
            first, second = address.groups()
            if named is DocumentKind.RESOLUTION:
                symbol = f"S/RES/{first} ({second})"
            elif named is DocumentKind.DRAFT_RESOLUTION:
                symbol = f"S/{first}/{second}"
            else:
                symbol = f"S/PRST/{first}/{second}"
            where = "the FRBR address"
        elif named is DocumentKind.RESOLUTION:
            titled = next(
                (found for t in self.found["docTitle"] if (found := _TITLE_NUMBER.search(text(t)))),
                None,
            )
            if titled is not None:
                symbol = f"S/RES/{titled.group(1)} ({titled.group(2)})"
                where = "the title"
        if symbol is None:
            raise AknError(
                f"{self.source}: not an AKN4UN record: <docNumber refersTo='#symbol'> is empty and "
                "neither the FRBR address nor the title names the text"
            )
        self.problem(
            ProblemKind.SYMBOL_MISSING,
            "docNumber[@refersTo='#symbol']",
            f"empty <docNumber>; {symbol} is read from {where}",
        )
        return symbol

    def title(self, titles: list[str]) -> str | None:
        for classification in children(self.meta, "classification"):
            for keyword in classification:  # keywords, hundreds of them: no tag test needed
                if keyword.get("refersTo") == "title" and (keyword.get("value") or "").strip():
                    return " ".join((keyword.get("value") or "").split())
        return next((title for title in titles if title), None)

    def kind(
        self, named: DocumentKind, symbol: str, title: str | None, titles: list[str]
    ) -> DocumentKind:
        """The kind the symbol and the title agree on, else the name's; disagreements reported."""
        by_symbol = next((kind for pattern, kind in _KIND_OF_SYMBOL if pattern.match(symbol)), None)
        statement_titled = any(_STATEMENT_TITLE.match(t or "") for t in (title, *titles))
        if by_symbol is None or by_symbol is named:
            return named
        if by_symbol is DocumentKind.PRESIDENTIAL_STATEMENT and statement_titled:
            self.problem(
                ProblemKind.KIND_MISMATCH,
                f"{local(self.document.tag)}/@name",
                f"the document is named {named.value!r}, but its symbol {symbol} and its title "
                "are a presidential statement's; read as a presidential statement",
            )
            return DocumentKind.PRESIDENTIAL_STATEMENT
        self.problem(
            ProblemKind.SYMBOL_MISMATCH,
            "docNumber[@refersTo='#symbol']",
            f"the symbol {symbol} is a {by_symbol.value}'s, but the document is a {named.value}",
        )
        return named

    def language(self) -> str | None:
        expression = child(child(self.meta, "identification"), "FRBRExpression")
        element = child(expression, "FRBRlanguage")
        code = (element.get("language") or "").strip() if element is not None else ""
        found = LANGUAGES.get(code)
        if found is None:
            said = f"FRBRlanguage {clip(code, 20)!r} is" if code else "no FRBRlanguage:"
            self.problem(
                ProblemKind.LANGUAGE_UNKNOWN,
                "FRBRExpression/FRBRlanguage/@language",
                f"{said} none of {', '.join(LANGUAGES)}",
            )
        return found

    # -- dates ---------------------------------------------------------------------------------

    def date_of(self, raw: str | None, where: str) -> _dt.date | None:
        day, problem = dates.parse_date(raw, where)
        if problem is not None:
            self.problems.append(problem)
        return day

    def record_date(
        self, symbol: str, decisive: _Step | None, draft: _Step | None = None
    ) -> _dt.date:
        step = (
            dates.StepDate(decisive.label, decisive.where, decisive.date_raw) if decisive else None
        )
        year = _SYMBOL_YEAR.search(symbol)
        day, problems = dates.document_date(
            child(child(self.meta, "identification"), "FRBRWork"),
            self.found["docDate"],
            step,
            symbol_year=int(year.group(1) or year.group(2)) if year is not None else None,
            drafted=dates.parse_date(draft.date_raw, "")[0] if draft is not None else None,
        )
        self.problems += problems
        if day is None:
            raise AknError(
                f"{self.source}: no date: the FRBR work date, the printed dates and the workflow "
                "give none but the placeholder 0001-01-01"
            )
        return day

    def check_draft_steps(self, steps: list[_Step], day: _dt.date) -> None:
        for step in steps:
            if step.outcome.casefold() not in _DRAFT_STEPS:
                continue
            when = self.date_of(step.date_raw, f"{step.where}/@date")
            if when is not None:
                own = step.as_ if step.outcome.casefold() == "draftresolution" else None
                where = f"{step.where}/@date"
                self.problems += dates.draft_step_problems(step.label, where, when, own, day)

    # -- the symbol against the rest -----------------------------------------------------------

    def check_symbol(
        self, symbol: str, kind: DocumentKind, day: _dt.date, titles: list[str]
    ) -> None:
        found = _RESOLUTION.match(symbol)
        if (
            kind is DocumentKind.RESOLUTION
            and found is not None
            and int(found.group(2)) != day.year
        ):
            self.problem(
                ProblemKind.SYMBOL_MISMATCH,
                "docNumber[@refersTo='#symbol']",
                f"the symbol {symbol} names the year {found.group(2)}, but the text was adopted "
                f"on {day.isoformat()}",
            )
        self.check_title_number(symbol, kind, titles)

    def check_title_number(self, symbol: str, kind: DocumentKind, titles: list[str]) -> None:
        found = _RESOLUTION.match(symbol)
        if kind is not DocumentKind.RESOLUTION or found is None:
            return
        titled = next((m for t in titles if (m := _TITLE_NUMBER.search(t))), None)
        if titled is not None and titled.groups() != found.groups():
            self.problem(
                ProblemKind.SYMBOL_MISMATCH,
                "docTitle",
                f"the title names resolution {titled.group(1)} ({titled.group(2)}), the symbol "
                f"is {symbol}",
            )

    # -- the workflow --------------------------------------------------------------------------

    def outcome(self, step: _Step | None) -> Outcome | None:
        if step is None:
            self.problem(
                ProblemKind.OUTCOME_UNKNOWN,
                "workflow",
                "no step other than draftResolution and draftResolutionAdditionalSponsors",
            )
            return None
        found = _OUTCOME_WORDS.get(step.outcome.casefold())
        if found is None:
            self.problem(
                ProblemKind.OUTCOME_UNKNOWN,
                f"{step.where}/@outcome",
                f"outcome {clip(step.outcome)!r} is none of 'adopted', 'veto', 'notAdopted'",
            )
        return found

    def modality(self, step: _Step | None, voting: ET.Element | None) -> Modality | None:
        if step is None:
            return None
        words = f"{step.by} {voting.get('outcome', '') if voting is not None else ''}".casefold()
        if "without vote" in words or "without a vote" in words or "adoptedwithoutvote" in words:
            return Modality.WITHOUT_VOTE
        if "acclamation" in words:
            return Modality.ACCLAMATION
        if "voting by mail" in words:
            return Modality.WRITTEN_PROCEDURE
        return Modality.VOTE

    def meeting(
        self, step: _Step | None, modality: Modality | None
    ) -> tuple[str | None, str | None]:
        """The meeting record of the decision, or for a vote by letter the letter."""
        if step is None or not step.as_:
            return None, None
        where = f"{step.where}/@as"
        if modality is Modality.WRITTEN_PROCEDURE and _DOCUMENT.match(step.as_):
            return None, step.as_
        match = _MEETING.match(step.as_)
        if match is None:
            self.problem(
                ProblemKind.MEETING_SYMBOL_MALFORMED,
                where,
                f"{clip(step.as_)!r} is not a meeting record symbol S/PV.<number>",
            )
            return None, None
        dot, number, rest = match.groups()
        normal = f"S/PV.{number}{rest}"
        if not dot:
            self.problem(
                ProblemKind.MEETING_SYMBOL_MALFORMED,
                where,
                f"{step.as_!r} lacks the dot after S/PV; read as {normal!r}",
            )
        cited = [(f"{step.where}/@by", n) for n in _ORDINAL_MEETING.findall(step.by)]
        cited += [(f"{step.where}/@by", n) for n in _PV_IN_TEXT.findall(step.by)]
        for title in self.found["docTitle"]:
            for inline in children(title, "inline"):
                ordinal = _ORDINAL.match((inline.get("title") or "").strip())
                if inline.get("name") == "adoptionMeeting" and ordinal is not None:
                    cited.append(("docTitle/inline[@name='adoptionMeeting']", ordinal.group(1)))
        for element, cited_number in cited:
            if int(cited_number) != int(number):
                self.problem(
                    ProblemKind.MEETING_MISMATCH,
                    element,
                    f"names meeting {cited_number} but {where} is {step.as_!r}",
                )
        return normal, None

    def vetoers(self, step: _Step | None) -> tuple[MemberState, ...]:
        found = _VETOERS.search(step.by) if step is not None else None
        if step is None or found is None:
            return ()
        names = split_sponsors(found.group(1), f"{step.where}/@by")
        for name in names.unresolved:
            message = f"vetoing member {clip(name)!r} matches no member state"
            self.problem(ProblemKind.UNKNOWN_MEMBER, f"{step.where}/@by", message)
        return names.sponsors
