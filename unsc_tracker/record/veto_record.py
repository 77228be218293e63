"""The veto record (``data/vetoes.csv``) as votes: each vetoed text with what the record knows.

A veto row gives the day, the meeting, the agenda item, the vetoing members and, for some rows,
the counts; no row gives every member's ballot. Each row becomes a
:class:`~unsc_tracker.record.Vote` with counts where the row has them, and a note stating the
gap. A row with no symbol for the vetoed text (early meetings, amendments whose symbol was not
seen) is keyed by a label naming the meeting and what was voted (:func:`veto_symbol`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..history import Veto
from ..veto import Caveat
from .symbols import draft_symbol, meeting_symbol
from .vote import Modality, TextKind, Vote, natural_key

__all__ = ["VETO_RECORD", "veto_kind", "veto_symbol", "votes_from_vetoes"]

VETO_RECORD = "unsc_tracker/data/vetoes.csv"


def veto_kind(veto: Veto) -> TextKind:
    """An amendment, a separate vote on a part of a draft, a preliminary question (the double
    veto, V8) or a draft."""
    if veto.amendment:
        return TextKind.AMENDMENT
    if Caveat.SEPARATE_VOTE in veto.caveats:
        return TextKind.PART
    if veto.preliminary_question:
        return TextKind.QUESTION
    return TextKind.DRAFT


def _symbol(document: str | None) -> str | None:
    """The draft's symbol in the row's document column: ``S/471`` of ``S/471 and S/471/Add.1``."""
    if document is None:
        return None
    for part in re.split(r" and |, ", document):
        try:
            return draft_symbol(part)
        except ValueError:
            continue
    return None


def _texts(veto: Veto) -> tuple[str | None, str | None]:
    """The draft voted on and the text it belongs to, as far as the row gives them."""
    kind = veto_kind(veto)
    symbol = _symbol(veto.draft_symbol)
    if kind is TextKind.QUESTION:
        return None, symbol  # the question was about that draft
    return symbol, None


def _label(veto: Veto) -> str:
    kind = veto_kind(veto)
    where = veto.meeting or veto.date.isoformat()
    parent = _texts(veto)[1]
    what = {
        TextKind.QUESTION: f"preliminary question{f' on {parent}' if parent else ''}",
        TextKind.AMENDMENT: "amendment",
        TextKind.PART: "separate vote",
        TextKind.DRAFT: "vetoed text",
    }[kind]
    return f"({what}, {where}, {veto.date.isoformat()})"


def veto_symbol(veto: Veto, records: Iterable[Veto] | None = None) -> str:
    """The symbol the vote record keys a veto row by: the draft's, else a label.

    Labels are ``"(vetoed text, S/PV.49, 1946-06-26)"``; where two rows would get the same label,
    the later ones (in ``records``' order, the whole veto record by default) add ``#2``,
    ``#3``.

    >>> from unsc_tracker.history import vetoes
    >>> for veto in vetoes(since="1946-06-26", until="1946-06-26"):
    ...     print(veto_symbol(veto))
    (vetoed text, S/PV.49, 1946-06-26)
    (preliminary question, S/PV.49, 1946-06-26)
    (vetoed text, S/PV.49, 1946-06-26) #2
    """
    draft, _ = _texts(veto)
    if draft is not None:
        return draft
    if records is None:
        from ..history import vetoes

        records = vetoes()
    seen: Counter[str] = Counter()
    for other in records:
        if _texts(other)[0] is not None:
            continue
        label = _label(other)
        seen[label] += 1
        if other.line == veto.line:
            return label if seen[label] == 1 else f"{label} #{seen[label]}"
    return _label(veto)


def votes_from_vetoes(records: Iterable[Veto] | None = None) -> tuple[Vote, ...]:
    """One vote per veto row, in the record's order (all bundled rows by default)."""
    if records is None:
        from ..history import vetoes

        records = vetoes()
    rows = tuple(records)
    return tuple(_vote(veto, veto_symbol(veto, rows)) for veto in rows)


def _vote(veto: Veto, symbol: str) -> Vote:
    kind = veto_kind(veto)
    draft, parent = _texts(veto)
    notes = [f"veto record notes: {veto.notes}"] if veto.notes else []
    if veto.draft_symbol and veto.draft_symbol not in (draft, parent):
        notes.append(f"the veto record gives the documents {veto.draft_symbol!r}")
    meeting = veto.meeting
    if meeting is not None:
        try:
            meeting = meeting_symbol(meeting)
        except ValueError:
            notes.append(f"the veto record's meeting {meeting!r} is not a meeting record symbol")
            meeting = None
    if kind is TextKind.AMENDMENT and veto.amendment_to:
        notes.append(f"an amendment to the {veto.amendment_to}")
    seen = [word for word in ("yes", "no", "abstain") if getattr(veto, word) is not None]
    if len(seen) == 3:
        notes.append("ballots: not found in the sources seen; the counts are the veto record's")
    elif seen:
        notes.append(
            f"ballots: not found in the sources seen; the veto record gives the "
            f"{'/'.join(seen)} counts only"
        )
    else:
        notes.append("ballots and counts: not found in the sources seen")
    source = f"veto record ({VETO_RECORD}, line {veto.line}): {veto.source}"
    return Vote.model_validate(
        {
            "symbol": natural_key(None, draft, None) or symbol,
            "kind": kind,
            "date": veto.date,
            "draft": draft,
            "parent_text": parent,
            "part": veto.agenda if kind is TextKind.PART else None,
            "meeting": meeting,
            "letters": veto.vote_documents,
            "agenda": veto.agenda,
            "modality": Modality.RECORDED,
            "yes": veto.yes,
            "no": veto.no,
            "abstain": veto.abstain,
            "recorded_outcome": "vetoed",
            "recorded_vetoed_by": tuple(state.code for state in veto.vetoed_by),
            "source": source,
            "notes": tuple(notes),
        }
    )
