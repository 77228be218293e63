"""The date of a record, from the sources in the document that agree.

An AKN4UN document dates its decision several times: the FRBR work date, the adoption date
printed on the cover, the date of issuance, the decisive workflow step, and the year in its
symbol. The UN's files fill a date they lack with the placeholder ``0001-01-01``, and here and
there one source is simply wrong (the adopted step of S/RES/2707 (2023) says 15 February for a
vote of 14 November). So no single source is trusted: each date found votes for itself, the
symbol's year adds a vote to the dates in that year, and the date with most votes is the
record's (ties go to a date not before the draft was issued, then to the adoption date, the
work date, the step, the issuance). Every
source that names another date is reported as a problem, except a date of issuance within
:data:`ISSUED_WITHIN` of the decision, which is when documents are issued.

A draft's own step carries the draft's issue date, days or weeks before the vote (the UN's
``data_extract`` files give the same dates): that is no problem unless the step is dated after the
decision, or before the year the draft's symbol names.
"""

from __future__ import annotations

import datetime as _dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..wording import clip, joined
from .document import child, children
from .record import PLACEHOLDER_DATE, Problem, ProblemKind

__all__ = [
    "ISSUED_WITHIN",
    "DateSource",
    "StepDate",
    "agreed_date",
    "document_date",
    "draft_step_problems",
    "parse_date",
]

ISSUED_WITHIN = _dt.timedelta(days=31)
"""How far from the decision a date of issuance may lie without being a disagreement."""

_DOCUMENT_YEAR = re.compile(r"^S/(\d{4})/\d+")
_ADDRESS_DATE = re.compile(r"/(\d{4}-\d{2}-\d{2})/")


class DateSource(NamedTuple):
    """One date the document gives for its decision, where it sits, and what it is called."""

    label: str
    """How messages name it: "the FRBR work date", "step 'adopted'"."""
    where: str
    """The element, for the problem: "FRBRWork/FRBRdate/@date"."""
    day: _dt.date
    kind: ProblemKind = ProblemKind.DATE_MISMATCH
    """The problem a disagreement gives: a date of the document, or a workflow step."""
    issuance: bool = False
    """Whether this is the date of issuance, which may follow or precede the decision a little."""


def parse_date(raw: str | None, where: str) -> tuple[_dt.date | None, Problem | None]:
    """An ISO date attribute: the date, or None for a missing one or the placeholder 0001-01-01.

    >>> parse_date("0001-01-01", "workflow/step[2]/@date")
    (None, None)
    >>> parse_date("22 Dec 2023", "docDate/@date")[1].message
    "'22 Dec 2023' is not an ISO date"
    """
    if raw is None or not raw.strip():
        return None, None
    try:
        day = _dt.date.fromisoformat(raw.strip())
    except ValueError:
        problem = Problem(
            kind=ProblemKind.DATE_MALFORMED,
            element=where,
            message=f"{clip(raw)!r} is not an ISO date",
        )
        return None, problem
    return (None if day == PLACEHOLDER_DATE else day), None


class StepDate(NamedTuple):
    """The decisive workflow step's date as written, and how problems name the step."""

    label: str
    where: str
    raw: str | None


def document_date(
    work: ET.Element | None,
    printed: Sequence[ET.Element],
    step: StepDate | None,
    *,
    symbol_year: int | None,
    drafted: _dt.date | None,
) -> tuple[_dt.date | None, list[Problem]]:
    """The date of a document's decision from its sources, and the problems found with them.

    ``work`` is the ``<FRBRWork>``, ``printed`` the ``<docDate>`` elements of the cover page and
    preface, ``step`` the decisive workflow step; see :func:`agreed_date` for the rest.
    """
    problems: list[Problem] = []
    sources: list[DateSource] = []

    def add(source: str, where: str, raw: str | None, **how: Any) -> None:
        day, problem = parse_date(raw, where)
        problems.extend([problem] if problem is not None else [])
        if day is not None:
            sources.append(DateSource(source, where, day, **how))

    first = {element.get("refersTo"): element for element in reversed(printed)}
    if "#adoptionDate" in first:
        where = "docDate[@refersTo='#adoptionDate']/@date"
        add("the adoption date", where, first["#adoptionDate"].get("date"))
    frbr = next(
        (d for d in children(work, "FRBRdate") if d.get("name") in ("adoption", "voting")), None
    )
    work_day = None
    if frbr is not None:
        work_day, problem = parse_date(frbr.get("date"), "FRBRWork/FRBRdate/@date")
        problems.extend([problem] if problem is not None else [])
    if work_day is None:  # the address repeats the work date: /unsc/2020-03-30/2515-2020/
        this = child(work, "FRBRthis")
        found = _ADDRESS_DATE.search(this.get("value", "")) if this is not None else None
        work_day = parse_date(found.group(1), "")[0] if found is not None else None
    if work_day is not None:
        sources.append(DateSource("the FRBR work date", "FRBRWork/FRBRdate/@date", work_day))
    if step is not None:
        where = f"{step.where}/@date"
        add(step.label, where, step.raw, kind=ProblemKind.STEP_DATE_MISMATCH)
    if "#dateOfIssuance" in first:
        where = "docDate[@refersTo='#dateOfIssuance']/@date"
        add("the date of issuance", where, first["#dateOfIssuance"].get("date"), issuance=True)
    day, disagreements = agreed_date(sources, symbol_year, drafted)
    return day, problems + disagreements


def agreed_date(
    sources: Sequence[DateSource], symbol_year: int | None, draft: _dt.date | None = None
) -> tuple[_dt.date | None, list[Problem]]:
    """The date most sources give (``sources`` in order of precedence), and the disagreements.

    Between dates with as many votes, one not before the ``draft``'s own date wins (a text is
    not decided before its draft is issued), then the one whose first source comes first.

    >>> day = _dt.date
    >>> found, problems = agreed_date(
    ...     [DateSource("the adoption date", "docDate", day(2021, 10, 27)),
    ...      DateSource("the FRBR work date", "FRBRdate", day(2021, 10, 27)),
    ...      DateSource("step 'adopted'", "step[3]", day(2022, 10, 27)),
    ...      DateSource("the date of issuance", "docDate", day(2022, 10, 27), issuance=True)],
    ...     symbol_year=2022)
    >>> found
    datetime.date(2022, 10, 27)
    >>> print(problems[0].message)
    the adoption date is dated 2021-10-27; step 'adopted', the date of issuance and the symbol's
    year give 2022-10-27, which is used
    >>> [problem.element for problem in problems]
    ['docDate', 'FRBRdate']
    """
    votes: dict[_dt.date, list[str]] = {}
    for source in sources:
        votes.setdefault(source.day, []).append(source.label)
    if not votes:
        return None, []

    def support(day: _dt.date) -> tuple[int, bool]:
        after_draft = draft is None or day >= draft
        return len(votes[day]) + (1 if day.year == symbol_year else 0), after_draft

    # max() keeps the first of equals: dates in the order of their first source's precedence.
    chosen = max(votes, key=support)
    backers = list(votes[chosen])
    if chosen.year == symbol_year:
        backers.append("the symbol's year")
    problems: list[Problem] = []
    for source in sources:
        if source.day == chosen:
            continue
        if source.issuance and abs(source.day - chosen) <= ISSUED_WITHIN:
            continue
        problems.append(
            Problem(
                kind=source.kind,
                element=source.where,
                message=f"{source.label} is dated {source.day.isoformat()}; {joined(backers)} "
                f"{'gives' if len(backers) == 1 else 'give'} {chosen.isoformat()}, which is used",
            )
        )
    return chosen, problems


def draft_step_problems(
    label: str, where: str, day: _dt.date, symbol: str | None, decided: _dt.date
) -> list[Problem]:
    """Problems with a draft's step date: after the decision, or before its symbol's year.

    >>> draft_step_problems("step 'draftResolution'", "workflow/step[1]/@date",
    ...                     _dt.date(2022, 7, 28), "S/2023/64", _dt.date(2023, 1, 30))[0].message
    "step 'draftResolution' is dated 2022-07-28, before 2023, the year of its symbol S/2023/64"
    >>> draft_step_problems("step 'draftResolution'", "workflow/step[1]/@date",
    ...                     _dt.date(2023, 1, 26), "S/2023/64", _dt.date(2023, 1, 30))
    []
    """
    if day > decided:
        message = f"{label} is dated {day.isoformat()}, after the decision on {decided.isoformat()}"
        return [Problem(kind=ProblemKind.STEP_DATE_MISMATCH, element=where, message=message)]
    year = _DOCUMENT_YEAR.match(symbol or "")
    if year is not None and day.year < int(year.group(1)):
        message = (
            f"{label} is dated {day.isoformat()}, before {year.group(1)}, the year of its symbol "
            f"{symbol}"
        )
        return [Problem(kind=ProblemKind.STEP_DATE_MISMATCH, element=where, message=message)]
    return []
