"""Build the bundled vote record, ``unsc_tracker/data/votes.csv`` and ``votes_ballots.csv``.

One command rebuilds it from a clone of the UN's AKN4UN collection::

    python scripts/build_record.py /path/to/SCresolutions

Sources, first in precedence (a later source fills what an earlier one lacks; where two give
the same fact differently, the first is kept and the disagreement is printed and written into
the vote's notes):

1. the AKN4UN collection (github.com/UNxml/SCresolutions; source: United Nations, DGACM), read
   with ``unsc_tracker.akn4un`` in English only, one vote per text: every resolution from 2000 and
   every draft not adopted the collection holds;
2. the bundled scenarios (``data/scenarios/*.toml``): the ballots of the Aleppo drafts of 2016,
   each vote with the source of its ``vote_held`` event;
3. the research tables of drafts not adopted 2000-2022, kept beside this script in
   ``scripts/sources/`` (``drafts_not_adopted_2000_2022.csv``, one row per draft in the columns
   of ``vetoes.csv`` with the outcome, the ``not_voting`` count and whether the ballots were
   ``found`` or ``derived``; ``ballots_not_adopted_2000_2022.csv``, one sourced row per member
   per draft; ``--staging`` names another folder);
4. the veto record (``data/vetoes.csv``): every vetoed text, with its counts where known.

A vote with no agenda item takes that of another vote at the same meeting, and says so; an
amendment whose veto row names the resolution its draft became is linked to that draft. The
script prints the figures of the record it wrote (votes by year and kind, with and without
ballots) and every conflict and skipped record.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from unsc_tracker.history import vetoes
from unsc_tracker.record import Vote, Votes, read_akn4un, read_votes, write_votes
from unsc_tracker.record.akn import AKN4UN_REPOSITORY
from unsc_tracker.record.merging import merge
from unsc_tracker.record.veto_record import votes_from_vetoes
from unsc_tracker.record.vote import Modality, TextKind
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "unsc_tracker" / "data" / "votes.csv"
SCENARIOS = ("aleppo-2016", "aleppo-2016-12")
STAGING_VOTES = "drafts_not_adopted_2000_2022.csv"
STAGING_BALLOTS = "ballots_not_adopted_2000_2022.csv"
FIRST_YEAR = 2000


def collection_votes(folder: Path) -> tuple[Votes, list[str]]:
    """The English AKN4UN votes of the collection: resolutions from 2000, drafts not adopted."""
    read = read_akn4un(folder, language="en", label=AKN4UN_REPOSITORY)
    skipped = list(read.skipped)
    kept = []
    for vote in read.votes:
        if vote.kind is TextKind.RESOLUTION and vote.date.year < FIRST_YEAR:
            skipped.append(f"{vote.source}: before {FIRST_YEAR}: left out")
            continue
        kept.append(vote)
    return Votes(kept, conflicts=read.conflicts), skipped


def scenario_votes(names: Iterable[str]) -> list[Vote]:
    """The votes held in the bundled scenarios, with the ballots and source of each event."""
    found: list[Vote] = []
    for name in names:
        scenario = load_scenario(name)
        for draft in scenario.drafts:
            vote = _scenario_vote(name, scenario.replay(draft.id))
            if vote is not None:
                found.append(vote)
    return found


def _scenario_vote(name: str, replay: Replay) -> Vote | None:
    snapshot = next((s for s in replay if s.result is not None), None)
    if snapshot is None:
        return None
    event = snapshot.event
    result = snapshot.result
    symbol = snapshot.symbol or replay.draft.symbol
    if result is None or symbol is None or result.adopted:
        return None  # an adopted draft needs its resolution's symbol, which scenarios lack
    source = getattr(event, "source", None) or f"bundled scenario {name}"
    note = getattr(event, "note", None)
    return Vote.model_validate(
        {
            "symbol": symbol,
            "kind": TextKind.DRAFT,
            "date": snapshot.day,
            "draft": symbol,
            "meeting": getattr(event, "meeting", None),
            "modality": Modality.RECORDED,
            "procedural": result.procedural,
            "ballots": dict(result.ballots),
            "source": f"{source} (bundled scenario {name})",
            "notes": (f"scenario note on the vote: {note}",) if note else (),
        }
    )


STAGING_DRAFT_COLUMNS = (
    "date",
    "draft_symbol",
    "meeting",
    "agenda",
    "outcome",
    "vetoed_by",
    "yes",
    "no",
    "abstain",
    "not_voting",
    "ballots",
    "source",
    "notes",
)
STAGING_BALLOT_COLUMNS = ("draft_symbol", "date", "member", "ballot", "source")


def staging_votes(folder: Path | None) -> tuple[list[Vote], str | None]:
    """The research tables of drafts not adopted 2000-2022, when present."""
    if folder is None:
        return [], None
    table = folder / STAGING_VOTES
    if not table.exists():
        return [], f"{table}: not present, not used"
    drafts = _staging_rows(table, STAGING_DRAFT_COLUMNS)
    cast: dict[tuple[str, str], dict[str, str]] = {}
    sources: dict[tuple[str, str], dict[str, str]] = {}
    for line, row in _staging_rows(folder / STAGING_BALLOTS, STAGING_BALLOT_COLUMNS):
        key = (row["draft_symbol"].strip(), row["date"].strip())
        member = row["member"].strip()
        if member in cast.setdefault(key, {}):
            raise SystemExit(f"{STAGING_BALLOTS}, line {line}: a second ballot of {member}")
        cast[key][member] = row["ballot"].strip()
        sources.setdefault(key, {})[member] = row["source"].strip()
    found: list[Vote] = []
    for line, row in drafts:
        key = (row["draft_symbol"].strip(), row["date"].strip())
        try:
            found.append(_staging_vote(row, cast.get(key, {}), sources.get(key, {})))
        except (ValueError, LookupError) as err:
            raise SystemExit(f"{table}, line {line}: {err}") from None
    return found, None


def _staging_rows(path: Path, columns: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise SystemExit(f"{path}: missing column {missing[0]!r}; expected {columns}")
        return [(reader.line_num, row) for row in reader]


def _staging_vote(row: dict[str, str], ballots: dict[str, str], sources: dict[str, str]) -> Vote:
    symbol = row["draft_symbol"].strip() or None
    outcome = row["outcome"].strip()
    meeting = row["meeting"].strip() or None
    label = f"({'vetoed' if outcome == 'vetoed' else 'failed'} draft, "
    label += f"{meeting}, {row['date'].strip()})" if meeting else f"{row['date'].strip()})"
    notes = [row["notes"].strip()] if row["notes"].strip() else []
    how = row["ballots"].strip()
    if how == "derived":
        notes.append("ballots: the members not named by a source derived from the counts")
    vote = Vote.model_validate(
        {
            "symbol": symbol or label,
            "kind": TextKind.DRAFT,
            "date": row["date"].strip(),
            "draft": symbol,
            "meeting": meeting,
            "agenda": row["agenda"].strip() or None,
            "ballots": ballots,
            "yes": int(row["yes"]),
            "no": int(row["no"]),
            "abstain": int(row["abstain"]),
            "non_voting": int(row["not_voting"]),
            "recorded_outcome": outcome,
            "recorded_vetoed_by": [name for name in row["vetoed_by"].split(";") if name.strip()],
            "source": row["source"].strip(),
            "notes": tuple(notes),
        }
    )
    codes = dict(zip(ballots, vote.ballots, strict=True))
    per_member = {codes[name]: source for name, source in sources.items()}
    distinct = set(per_member.values())
    if len(distinct) == 1:
        return vote.model_copy(update={"fact_sources": {"ballots": distinct.pop()}})
    return vote.model_copy(update={"ballot_sources": per_member})


def agenda_from_meeting(record: Votes) -> list[Vote]:
    """Votes with no agenda item take that of another vote at the same meeting, noted."""
    by_meeting: dict[str, Vote] = {}
    for vote in record:
        if vote.meeting and vote.agenda and vote.meeting not in by_meeting:
            by_meeting[vote.meeting] = vote
    out: list[Vote] = []
    for vote in record:
        other = by_meeting.get(vote.meeting or "")
        if vote.agenda or other is None:
            out.append(vote)
            continue
        note = f"agenda item: that of {other.symbol}, voted at the same meeting ({vote.meeting})"
        out.append(
            vote.model_copy(
                update={
                    "agenda": other.agenda,
                    "fact_sources": {**vote.fact_sources, "agenda": other.source_of("agenda")},
                    "notes": (*vote.notes, note),
                }
            )
        )
    return out


_ADOPTED_AS = re.compile(r"later adopted as resolution (\d+) \((\d{4})\)")


def link_amendments(record: Sequence[Vote]) -> list[Vote]:
    """An amendment whose veto record names the resolution its draft became is linked to that
    draft (``parent_text``), the draft's symbol taken from the resolution's own record."""
    by_symbol = {vote.symbol: vote for vote in record}
    out: list[Vote] = []
    for vote in record:
        found = _ADOPTED_AS.search(" ".join(vote.notes))
        if vote.kind is TextKind.AMENDMENT and vote.parent_text is None and found:
            adopted = by_symbol.get(f"S/RES/{found[1]} ({found[2]})")
            if adopted is not None and adopted.draft is not None:
                note = (
                    f"parent text: {adopted.draft}, the draft of {adopted.symbol} "
                    f"({adopted.source}), which the veto record names"
                )
                vote = vote.model_copy(
                    update={"parent_text": adopted.draft, "notes": (*vote.notes, note)}
                )
        out.append(vote)
    return out


def with_conflicts_noted(votes: Iterable[Vote]) -> list[Vote]:
    """Each vote's conflicts written into its notes, which the CSV format keeps."""
    out = []
    for vote in votes:
        if vote.conflicts:
            notes = tuple(f"sources disagree: {conflict}" for conflict in vote.conflicts)
            vote = vote.model_copy(update={"notes": (*vote.notes, *notes), "conflicts": ()})
        out.append(vote)
    return out


def collection_digest(folder: Path) -> str:
    """SHA-256 over the resolution and draft files (paths and bytes), naming the clone read."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.xml")):
        relative = path.relative_to(folder).as_posix()
        if "PRST" in relative.split("/")[0]:
            continue
        digest.update(relative.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _english(entry: str) -> bool:
    parts = entry.split(":", 1)[0]
    if "/PRST/" in parts or entry.endswith("is a presidential statement: left out"):
        return False
    return "/English/" in parts or "/Pre-2020/" in parts or not parts.startswith("/")


def summary(record: Sequence[Vote]) -> str:
    """Votes by year and kind, with and without ballots."""
    table: dict[tuple[int, str], Counter[str]] = {}
    for vote in record:
        table.setdefault((vote.date.year, vote.kind.value), Counter())[vote.coverage.value] += 1
    lines = ["year kind        votes ballots counts nothing no_vote"]
    for (year, kind), found in sorted(table.items()):
        lines.append(
            f"{year} {kind:<11} {sum(found.values()):>5} {found['ballots']:>7} "
            f"{found['counts']:>6} {found['nothing']:>7} {found['no_vote']:>7}"
        )
    totals = Counter(vote.coverage.value for vote in record)
    lines.append(f"all: {len(record)} votes, " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("collection", type=Path, help="a clone of github.com/UNxml/SCresolutions")
    parser.add_argument(
        "--staging",
        type=Path,
        default=Path(__file__).parent / "sources",
        help="folder of the research tables (default: scripts/sources)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"votes table (default {OUT})")
    args = parser.parse_args(argv)

    akn, skipped = collection_votes(args.collection)
    staged, absent = staging_votes(args.staging)
    if absent:
        skipped.append(absent)
    sources = [
        ("AKN4UN", akn),
        ("scenarios", scenario_votes(SCENARIOS)),
        ("staging", staged),
        ("veto record", votes_from_vetoes(vetoes())),
    ]
    record = merge(sources)
    final = with_conflicts_noted(link_amendments(agenda_from_meeting(record)))
    votes_file, ballots_file = write_votes(final, args.out)
    read_back = read_votes(votes_file, ballots_file)  # what is written must read back
    assert len(read_back) == len(final)

    print(f"wrote {votes_file} and {ballots_file}")
    print(f"collection digest (sha256 of the XML files read): {collection_digest(args.collection)}")
    print(summary(read_back))
    conflicts = list(dict.fromkeys([*akn.conflicts, *record.conflicts]))
    print(f"{len(conflicts)} conflicts between sources:")
    for conflict in conflicts:
        print(f"  {conflict}")
    # Files in other languages that the reader could not read are counted, not listed.
    shown = [entry for entry in skipped if _english(entry)]
    print(f"{len(skipped)} records or files left out, {len(skipped) - len(shown)} of them")
    print("presidential statements or files in other languages; the others:")
    for entry in shown:
        print(f"  {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
