"""Reader for the UN's Security Council records in Akoma Ntoso for the UN (AKN4UN) XML.

The UN publishes adopted resolutions, drafts put to the vote and not adopted, and presidential
statements as AKN4UN documents, in the six official languages and German
(github.com/UNxml/SCresolutions; source: United Nations, DGACM). One file holds one text: its
symbol, its language, its dates, a ``<workflow>`` of steps (the draft with its sponsors,
additional sponsors, then ``adopted``, ``veto`` or ``notAdopted`` with the meeting record) and,
under ``<analysis><parliamentary><voting>``, the counts with the members named in each.

The records are real and carry real slips: zero-padded counts, the placeholder date
``0001-01-01``, dates that disagree with one another, missing commas in sponsor lists, meeting
numbers that contradict the rest of the document, symbols copied from another text, and votes
(S/2023/638) that name a member under two options. The reader never guesses through them: it
takes a fact from the sources in the document that agree, reports each slip as a
:class:`Problem` on the record, and builds no vote from a record that contradicts itself.

- :func:`load` and :func:`loads` read one document into an :class:`AknRecord`;
- :func:`check` compares the UN's recorded outcome with the one :func:`~unsc_tracker.tally`
  computes from the ballots;
- :func:`load_folder` reads a whole collection (a clone of that repository), in one language or
  all, into a :class:`FolderReport`: files that cannot be read are listed with the reason, not
  raised; ``report.disagreements()``, ``report.refusals()`` and ``report.differences()`` say
  where the record and the rule, or the language versions, part ways.

The modules: :mod:`~unsc_tracker.akn4un.document` (the XML and its safety),
:mod:`~unsc_tracker.akn4un.record` (the record model), :mod:`~unsc_tracker.akn4un.dates`,
:mod:`~unsc_tracker.akn4un.sponsors`, :mod:`~unsc_tracker.akn4un.checks` (counts and checks),
:mod:`~unsc_tracker.akn4un.reader` (one document) and :mod:`~unsc_tracker.akn4un.folder` (a
folder and its report).
"""

from __future__ import annotations

from .checks import OutcomeCheck, check
from .document import _example_document
from .folder import PROGRESS_FROM, FolderReport, UnreadableFile, VersionDifference, load_folder
from .reader import load, loads
from .record import AknRecord, Count, DocumentKind, Modality, Problem, ProblemKind
from .sponsors import SponsorList, parse_sponsors

__all__ = [
    "PROGRESS_FROM",
    "AknRecord",
    "Count",
    "DocumentKind",
    "FolderReport",
    "Modality",
    "OutcomeCheck",
    "Problem",
    "ProblemKind",
    "SponsorList",
    "UnreadableFile",
    "VersionDifference",
    "check",
    "load",
    "load_folder",
    "loads",
    "parse_sponsors",
]

_ = _example_document  # the small document the docstrings' examples read
