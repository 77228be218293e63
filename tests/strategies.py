"""Hypothesis strategies shared by the tests: drafts, events, whole event logs, and for fuzzing\nanything a user might give: names, ballots, dates, phrases and scenario files, good or bad."""

from __future__ import annotations

import copy
import csv
import io
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st
from pydantic import TypeAdapter

from unsc_tracker.council import FIRST_MEETING, RECORD_END, council
from unsc_tracker.datafiles import Table
from unsc_tracker.drafts import DraftResolution
from unsc_tracker.events import Event, EventKind
from unsc_tracker.lifecycle import MOVES, START, Stage
from unsc_tracker.members import all_states
from unsc_tracker.scenarios import Scenario
from unsc_tracker.voting import Ballot, Outcome, tally

EVENT = TypeAdapter(Event)
YEAR_START = date(2016, 1, 4)
SEATED_2016 = tuple(state.name for state in council(on=date(2016, 6, 1)).members)
OTHER_STATES = ("Germany", "Canada", "Brazil", "India", "South Africa")
STANCES = ("support", "oppose", "abstain", "undecided")
BALLOTS = ("yes", "no", "abstain", "absent", "not_voting")
OFFSETS = st.sampled_from((None, UTC, timezone(timedelta(hours=-5))))
"""No UTC offset, or that of UTC, or that of New York in winter."""

# Any text a user might put in a note: quotes, backslashes, newlines, Arabic, control characters.
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=30,
)
optional_texts = st.none() | texts


def _fields(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """The kind-specific fields of one event."""
    if kind == "circulated":
        return {"audience": draw(st.sampled_from(("P3", "P5", "friends", "all15")))}
    if kind in ("silence_started", "silence_extended"):
        return {
            "deadline": draw(st.none() | st.datetimes(datetime(2016, 1, 1), datetime(2016, 12, 1)))
        }
    if kind == "silence_broken":
        return {"by": draw(st.none() | st.sampled_from(SEATED_2016))}
    if kind == "vote_scheduled":
        return {"meeting": draw(st.none() | st.just("S/PV.7785"))}
    if kind == "vote_held":
        ballots = {name: draw(st.sampled_from(BALLOTS)) for name in SEATED_2016}
        return {"ballots": ballots, "procedural": draw(st.booleans())}
    if kind == "withdrawn":
        return {"by": draw(st.none() | st.sampled_from(SEATED_2016))}
    if kind == "revived":
        symbol = draw(st.none() | st.just("S/2016/901"))
        return {"by": [draw(st.sampled_from(SEATED_2016 + OTHER_STATES))], "symbol": symbol}
    if kind == "vote_postponed":
        return {"by": draw(st.none() | st.sampled_from(SEATED_2016))}
    if kind == "ga_debate_held":
        return {"meeting": draw(st.none() | st.just("A/71/PV.100"))}
    if kind == "position_stated":
        who = draw(st.sampled_from(SEATED_2016 + OTHER_STATES))
        return {"member": who, "stance": draw(st.sampled_from(STANCES))}
    if kind == "diplomatic_contact":
        return {"parties": [draw(texts), draw(texts)], "place": draw(optional_texts)}
    if kind == "statement":
        return {"by": draw(optional_texts)}
    if kind == "retracted":
        return {"seq": draw(st.integers(1, 12)), "reason": draw(texts.filter(bool))}
    return {}


_AFTER_VOTE = {
    Outcome.ADOPTED: Stage.ADOPTED,
    Outcome.VETOED: Stage.VETOED,
    Outcome.FAILED: Stage.FAILED,
}


@st.composite
def event_logs(draw: st.DrawFn, max_events: int = 25) -> list[Event]:
    """A valid log: every event allowed in the stage the previous ones reached. The log of a draft
    with a symbol may begin in blue (then no event of the life before blue comes first)."""
    stage = Stage.IN_BLUE if draw(st.booleans()) else START
    offset = draw(OFFSETS)  # one log gives its times with an offset, or none
    day = YEAR_START
    sponsors: set[str] = {"France"}
    log: list[Event] = []
    for _ in range(draw(st.integers(1, max_events))):
        kind = draw(st.sampled_from(sorted(MOVES[stage])))
        day += timedelta(days=draw(st.integers(0, 3)))
        when: date = day
        if draw(st.booleans()):
            when = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)), tzinfo=offset)
        fields = _fields(draw, kind)
        if kind == "sponsor_joined":
            fields["members"] = [draw(st.sampled_from(SEATED_2016 + OTHER_STATES))]
        if kind == "sponsor_left":
            if not sponsors:
                continue
            fields["members"] = [draw(st.sampled_from(sorted(sponsors)))]
        data = {"kind": kind, "date": when, "note": draw(optional_texts), **fields}
        data["source"] = draw(optional_texts)
        event = EVENT.validate_python({k: v for k, v in data.items() if v is not None})
        if kind == "sponsor_joined":
            sponsors.update(event.members)  # type: ignore[union-attr]
        if kind == "sponsor_left":
            sponsors.difference_update(event.members)  # type: ignore[union-attr]
        targets = MOVES[stage][kind]
        if kind == "circulated":
            stage = targets[-1] if data["audience"] == "all15" else targets[0]
        elif kind == "vote_held":
            outcome = tally(fields["ballots"], on=day, procedural=fields["procedural"]).outcome
            stage = _AFTER_VOTE[outcome]
        elif targets:
            stage = targets[0]
        log.append(event)
        if kind == "revived":
            sponsors.update(event.by)  # type: ignore[union-attr]
    return log


@st.composite
def any_event_logs(draw: st.DrawFn, max_events: int = 12) -> list[Event]:
    """Events of any kind in any order: most such logs are illegal somewhere."""
    log: list[Event] = []
    day = YEAR_START
    for _ in range(draw(st.integers(1, max_events))):
        kind = draw(st.sampled_from([k.value for k in EventKind]))
        day += timedelta(days=draw(st.integers(0, 2)))
        when: date = day
        if draw(st.booleans()):  # a time, with or without an offset, whatever the others have
            when = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)))
            when = when.replace(tzinfo=draw(OFFSETS))
        fields = _fields(draw, kind)
        if kind in ("sponsor_joined", "sponsor_left"):
            fields["members"] = [draw(st.sampled_from(SEATED_2016 + OTHER_STATES))]
        if kind == "vote_held" and draw(st.integers(0, 3)) == 0:
            fields["ballots"][draw(st.sampled_from(OTHER_STATES))] = "yes"  # not on the Council
        data = {"kind": kind, "date": when, **fields}
        log.append(EVENT.validate_python({k: v for k, v in data.items() if v is not None}))
    return log


def draft_for_logs() -> DraftResolution:
    """The draft the random logs belong to."""
    return DraftResolution.model_validate(
        {
            "symbol": "S/2016/900",
            "sponsors": [{"member": "France", "role": "main_sponsor"}],
            "chapter": "VI",
            "dispute_parties": ["Egypt"],
        }
    )


@st.composite
def tracker_inputs(draw: st.DrawFn) -> list[Event]:
    """What a user might type into a tracker for one draft: a valid log with events of any kind
    and retractions mixed in at random places; many of them are refused."""
    valid = draw(event_logs(max_events=10))
    noise = draw(any_event_logs(max_events=6))
    mixed: list[Event] = []
    while valid or noise:
        source = valid if valid and (not noise or draw(st.booleans())) else noise
        mixed.append(source.pop(0))
        if draw(st.integers(0, 4)) == 0:  # a correction of an event entered so far
            seq = draw(st.integers(1, len(mixed)))
            reason = draw(texts.filter(bool))
            data = {"kind": "retracted", "date": mixed[-1].day, "seq": seq, "reason": reason}
            mixed.append(EVENT.validate_python(data))
    return mixed


# -- fuzzing: anything a user might pass or write, good or bad ---------------------------------

# Any text, lone surrogates included (a JSON "\ud800" escape reads as one).
any_texts = st.text(st.characters() | st.characters(categories=["Cs"]), max_size=30)
# Values of a Python type no argument takes.
wrong_types = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=4),
    st.lists(st.integers(), max_size=2),
)
hashable_wrong_types = st.one_of(st.none(), st.integers(), st.floats(), st.binary(max_size=4))


def _name_list() -> list[str]:
    found = set()
    for state in all_states():
        found |= {state.code, state.name, *state.aliases}
        found |= {name for _, names in state.translations for name in names}
    return sorted(found)


ALL_NAMES = _name_list()


def _misspelt(name: str, cut: int, how: int) -> str:
    """A name as a user might type it: cased, spaced, a letter dropped or doubled."""
    cut %= max(1, len(name))
    return (
        name.upper(),
        name.lower(),
        f"  {name} ",
        name[:cut] + name[cut + 1 :],
        name[:cut] + name[cut:][:1] * 2 + name[cut + 1 :],
    )[how % 5]


names = st.one_of(
    st.sampled_from(ALL_NAMES),
    st.builds(_misspelt, st.sampled_from(ALL_NAMES), st.integers(0, 40), st.integers(0, 4)),
    any_texts,
)
"""Member names: every name the library knows, misspellings of them, and any text."""

BALLOT_WORDS = (*BALLOTS, "present_not_voting", "Not voting", " YES ", "present-not-voting")
ballot_words = st.one_of(
    st.sampled_from(BALLOT_WORDS), any_texts, st.sampled_from(list(Ballot)), hashable_wrong_types
)


@st.composite
def ballot_sets(draw: st.DrawFn) -> tuple[object, object, object, object]:
    """Ballots, a day, ``procedural`` and ``threshold``, as a user might give them to ``tally``:
    most of them the Council of that day with words that read, the rest anything at all."""
    day = draw(st.dates(FIRST_MEETING, RECORD_END))
    procedural = draw(
        st.sampled_from([None, True, False])
        if draw(st.integers(0, 9))
        else st.sampled_from(["no", 1, 0.0])
    )
    threshold = draw(st.none() if draw(st.integers(0, 3)) else st.integers(-2, 20) | st.just("9"))
    if draw(st.integers(0, 3)):
        seated = [state.name for state in council(on=day).members]
        words = st.sampled_from(BALLOT_WORDS) if draw(st.booleans()) else ballot_words
        ballots: object = {who: draw(words) for who in seated if draw(st.integers(0, 9))}
    else:
        ballots = draw(
            st.dictionaries(names | hashable_wrong_types, ballot_words, max_size=16)
            | st.lists(st.tuples(names, ballot_words), max_size=3)
            | wrong_types
        )
    return ballots, day, procedural, threshold


_NUMERIC_DAYS = st.builds(
    "{}{}{}{}{}".format,
    st.integers(0, 40),
    st.sampled_from("/.-"),
    st.integers(0, 40),
    st.sampled_from("/.-"),
    st.sampled_from(["2016", "16", "0", "0000", "9999", "10000", "99999999999999999999"]),
)
day_texts = st.one_of(
    st.dates().map(date.isoformat),
    st.datetimes().map(datetime.isoformat),
    _NUMERIC_DAYS,
    st.builds(
        "{} {} {}".format,
        st.integers(0, 40),
        st.sampled_from(["October", "Oct", "February", "Febr", "octobre"]),
        st.integers(0, 10000),
    ),
    st.sampled_from(["Thu 6 Oct 2016 15:00", "Sat 8 Oct 2016 3 p.m.", "Monday 1 January 1"]),
    any_texts,
)
"""How a day may be written: ISO, numbers in any order, English words, and anything else."""

days = st.one_of(st.dates(), st.datetimes(), day_texts)
"""Days as arguments: dates and datetimes over the whole calendar (1 to 9999), or text."""

PHRASES = (
    "today", "tomorrow", "yesterday", "the day after tomorrow", "next Monday", "last Friday",
    "this Saturday", "Friday next week", "Sunday at 3 p.m.", "6 October", "next month",
    "last month", "غدا الخميس", "يوم الاثنين", "الشهر الماضي", "الجمعة المقبلة",
)  # fmt: skip
phrases = st.sampled_from(PHRASES) | any_texts
"""Relative days and months as reports write them, and any text."""

# Values a file may hold where another was expected: each type, at its edges.
junk = st.one_of(
    any_texts,
    st.integers(-(2**70), 2**70),
    st.sampled_from([10**40, 2**63, -(2**63) - 1, 0, -1]),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(),
    day_texts,
    names,
    st.sampled_from(BALLOT_WORDS),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(any_texts, st.integers(), max_size=2),
    st.integers(30, 40).map(lambda depth: _nested(depth)),
    st.just({"report": "9999-12-31", "day": "tomorrow"}),
)


def _nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _mutated(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with one value replaced, removed, or a key added, somewhere inside."""
    data = copy.deepcopy(data)
    path = draw(st.sampled_from(_paths(data)[1:] or [()]))
    if not path:
        return data
    *parents, last = path
    parent: Any = data
    for step in parents:
        parent = parent[step]
    action = draw(st.integers(0, 2))
    if action == 0 or isinstance(parent, list):
        parent[last] = draw(junk)
    elif action == 1:
        del parent[last]
    else:
        parent[draw(st.sampled_from(["kind", "date", "members", "ballots", "x"]) | any_texts)] = (
            draw(junk)
        )
    return data


@st.composite
def scenario_data(draw: st.DrawFn, mutations: int = 3) -> dict[str, Any]:
    """A scenario as a file holds it: a valid one (a random log of a draft), then up to
    ``mutations`` changes that most often make it invalid."""
    log = draw(event_logs(max_events=8))
    draft = draft_for_logs().model_dump(exclude_none=True, exclude_defaults=True)
    title = draw(optional_texts)
    fields = {"title": title} if title else {}
    scenario = Scenario.model_validate({**fields, "drafts": [{**draft, "events": log}]})
    data = scenario.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    for _ in range(draw(st.integers(0, mutations))):
        data = _mutated(draw, data)
    return data


@st.composite
def event_data(draw: st.DrawFn) -> dict[str, Any]:
    """One event as a mapping of its fields: half of them valid, the others changed somewhere."""
    (event,) = draw(any_event_logs(max_events=1))
    data: dict[str, Any] = event.model_dump(mode="json", exclude_none=True)
    return _mutated(draw, data) if draw(st.booleans()) else data


_CODES = sorted(state.code for state in all_states())
_CELLS: dict[str, st.SearchStrategy[str]] = {
    "year": st.integers(1946, 2040).map(str),
    "month": st.integers(1, 12).map(str),
    "date": st.dates(FIRST_MEETING, date(2040, 12, 31)).map(date.isoformat),
    "count": st.integers(0, 15).map(str),
    "yes/no": st.sampled_from(["yes", "no"]),
    "member": st.sampled_from(ALL_NAMES),
    "members": st.lists(st.sampled_from(_CODES), min_size=1, max_size=2).map(";".join),
    "code": st.sampled_from(_CODES),
    "text": st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
}


@st.composite
def data_tables(draw: st.DrawFn, table: Table) -> str:
    """The CSV text of a user's table: rows whose cells mostly read as their column needs, some
    not (any text, a cell missing or one too many)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.column_names)
    for _ in range(draw(st.integers(0, 4))):
        row = [
            draw(_CELLS.get(column.kind, _CELLS["text"]))
            if draw(st.integers(0, 15))
            else draw(any_texts | day_texts | names)
            for column in table.columns
        ]
        if not draw(st.integers(0, 15)):
            row = row[:-1] if draw(st.booleans()) else [*row, "extra"]
        writer.writerow(row)
    return out.getvalue()
