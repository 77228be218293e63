"""Hypothesis strategies shared by the tests: drafts, events, whole event logs, and for fuzzing
anything a user might give: names, ballots, dates, phrases, scenario files and command lines,
good or bad."""

from __future__ import annotations

import argparse
import copy
import csv
import io
import json
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from hypothesis import reject
from hypothesis import strategies as st
from pydantic import TypeAdapter

from unsc_tracker.council import FIRST_MEETING, RECORD_END, council
from unsc_tracker.datafiles import Table
from unsc_tracker.drafts import DraftResolution
from unsc_tracker.events import Event, EventKind
from unsc_tracker.formats import dumps_toml
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


# -- scenario files: as another program might have written them ------------------------------

SUFFIXES = (".toml", ".json", ".yaml")


def _iso(value: object) -> str:
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value if v is not None]
    return value


def render(data: Any, suffix: str, ascii_only: bool) -> str:
    """The text of a file holding ``data``, as another program might have written it."""
    if suffix == ".json":
        return json.dumps(data, default=_iso, ensure_ascii=ascii_only)
    if suffix == ".toml":
        return dumps_toml(_without_none(data))
    return str(yaml.safe_dump(data, allow_unicode=not ascii_only))


@st.composite
def scenario_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A suffix and the bytes of a scenario file: most of them valid UTF-8, some saved in
    Windows-1252, cut short, or with bytes inserted."""
    data = draw(scenario_data())
    suffix = draw(st.sampled_from(SUFFIXES))
    try:
        text = render(data, suffix, draw(st.booleans()))
    except (ValueError, TypeError, RecursionError, yaml.YAMLError):
        reject()  # data no file of this format can hold
    content = text.encode("utf-8", "surrogatepass")
    damage = draw(st.integers(0, 9))
    if damage == 0:
        content = text.encode("cp1252", "replace")
    elif damage == 1:
        content = content[: draw(st.integers(0, len(content)))]
    elif damage == 2:
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.binary(min_size=1, max_size=4)) + content[at:]
    return suffix, content


# -- the command line: argument lists from the real commands and options -------------------------

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, repr=False)
class FileArg:
    """A file named on a command line, which the test writes in its own folder before the run:
    its name and its bytes (``None``: the file does not exist)."""

    name: str
    content: bytes | None

    def __repr__(self) -> str:
        size = "missing" if self.content is None else f"{len(self.content)} bytes"
        head = "" if not self.content else f", {self.content[:60]!r}"
        return f"FileArg({self.name!r}, {size}{head})"


# What argv can hold: any text but NUL (no process can be given one), and the lone surrogates
# Python makes of bytes that are not UTF-8 (U+DC80 to U+DCFF).
arg_texts = st.text(
    st.characters(exclude_characters="\x00")
    | st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),
    max_size=20,
)
_CLI_DAYS = st.sampled_from(
    ["today", "2016-10-08", "2016-10", "2016", "8 October 2016", "Oct 2016", "last month",
     "2016-10-08T15:00", "1945-01-01", "2030-01-01", "8/10/2016", "0/5/2016"]
)  # fmt: skip
_SYMBOLS = st.sampled_from(["S/2016/846", "S/2016/847", "S/2016/1026", "S/2016/900", "zero draft"])
_BALLOT_FILE_TEXTS = st.sampled_from(
    ['{"Russia":"no","Russia":"yes"}', '{"Russia": "\\ud800"}', "[]", "{}", '{"Russia": 1}',
     'Russia = "no"\nChina = "yes"\n', '{"Russia": ' + "[" * 40 + "]" * 40 + "}"]
)  # fmt: skip


@st.composite
def _ballot_files(draw: st.DrawFn) -> FileArg:
    ballots = draw(st.dictionaries(names.filter(bool), ballot_words, max_size=15))
    suffix = draw(st.sampled_from([".json", ".toml", ".txt", ".yaml"]))
    try:
        text = json.dumps(ballots) if suffix == ".json" else dumps_toml(ballots)
    except (ValueError, TypeError):
        text = draw(_BALLOT_FILE_TEXTS)
    if draw(st.integers(0, 3)) == 0:
        text = draw(_BALLOT_FILE_TEXTS)
    content = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 5)) == 0:
        content = text.encode("cp1252", "replace")
    return FileArg(f"ballots{suffix}", content)


@st.composite
def _scenario_file_args(draw: st.DrawFn) -> FileArg:
    suffix, content = draw(scenario_files())
    return FileArg(f"scenario{suffix}", content)


def _tracker_log() -> bytes:
    """A tracker log holding the two drafts of the bundled aleppo-2016 scenario."""
    from unsc_tracker.scenarios import load_scenario
    from unsc_tracker.tracker import Tracker

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.sqlite"
        with Tracker(path) as log:
            log.import_scenario(load_scenario("aleppo-2016"))
        return path.read_bytes()


_LOG = _tracker_log()
_MISSING = st.builds(FileArg, st.sampled_from(["missing.toml", "no/such/folder/x.json"]), st.none())
_XML_FILES = sorted(str(path) for path in (DATA / "akn4un").glob("*/*.xml"))
_PATHS = {
    "votes": st.sampled_from(
        [str(DATA / "votes" / "votes.csv"), str(DATA / "undl" / "sc_voting_sample.csv"),
         str(DATA / "akn4un" / "not-adopted"), "bundled", "-"]
    ),
    "akn4un": st.sampled_from([*_XML_FILES, str(DATA / "akn4un" / "faults"), "-"]),
    "schema": st.sampled_from(["-", "schema.json"])
    | st.builds(FileArg, st.just("schema.json"), st.binary(max_size=20)),
}  # fmt: skip
_FIELDS = st.sampled_from(
    ["audience", "members", "by", "role", "ballots.Russia", "ballots.China", "procedural",
     "date.report", "date.day", "member", "stance", "deadline", "symbol", "seq", "reason", "x"]
)  # fmt: skip
_FIELD_VALUES = st.one_of(
    st.sampled_from(["all15", "P3", "France", "co_sponsor", "no", "yes", "true", "oppose",
                     "2016-10-05", "Monday", "S/2016/846", "1", '["France", "Spain"]',
                     '{"a": 1, "a": 2}', '["\\ud800"]', "[1,", "[" * 40 + "]" * 40]),
    day_texts,
    names,
    arg_texts,
)  # fmt: skip


def _values(command: str, dest: str, metavar: str | None) -> st.SearchStrategy[Any]:
    """The values an argument may be given: those that read, near misses, and anything."""
    if metavar == "DATE":
        return _CLI_DAYS | day_texts | arg_texts
    if metavar == "SYMBOL":
        return _SYMBOLS | arg_texts
    if metavar == "NAME_OR_FILE" or dest == "files":
        return st.sampled_from(["aleppo-2016", "nosuch", "-"]) | _scenario_file_args() | _MISSING
    if dest == "log":
        return st.builds(
            FileArg, st.just("log.sqlite"), st.sampled_from([_LOG, None, b"not sqlite"])
        )
    if dest == "file" and command == "track export":
        return st.sampled_from(["-", "out.toml", "out.yaml", "out.json", "out.txt"]) | _MISSING
    if metavar == "F":
        return _ballot_files() | st.just("-") | _MISSING
    if metavar == "NAME=WORD":
        return (
            st.builds("{}={}".format, names, st.sampled_from(BALLOT_WORDS) | arg_texts) | arg_texts
        )
    if metavar == "MEMBER":
        return names.filter(lambda name: "\x00" not in name)
    if metavar == "PATH":
        return _PATHS[command] | _MISSING | arg_texts
    if metavar == "LANG":
        return st.sampled_from(["en", "fr", "ru", "xx", ""]) | arg_texts
    if metavar == "KIND":
        return st.sampled_from([kind.value for kind in EventKind]) | arg_texts
    if metavar == "FIELD=VALUE":
        return st.builds("{}={}".format, _FIELDS, _FIELD_VALUES) | arg_texts
    if metavar == "SEQ":
        return st.integers(-1, 30).map(str) | arg_texts
    if metavar == "TEXT":
        return st.sampled_from(["Aleppo", "Syria", "withdrawn in protest"]) | arg_texts
    return arg_texts


def _leaves(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[Any]:
    """Each command (``track add`` is one) with its parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return [
                leaf
                for name, sub in action.choices.items()
                for leaf in _leaves(sub, (*prefix, name))
            ]
    return [(prefix, parser)]


def _commands() -> list[Any]:
    from unsc_tracker.cli import _parser

    return _leaves(_parser())


COMMANDS = _commands()
"""The commands of ``unsc-tracker``, each with its parser, read from the parser itself."""


@st.composite
def command_lines(draw: st.DrawFn) -> tuple[list[str | FileArg], bytes]:
    """An argument list for ``unsc_tracker.cli.main`` built from a real command's arguments, each
    given a value that reads, a near miss or anything (some left out, some given twice), and
    the bytes on standard input (read where ``-`` is given). ``--debug``, which adds the
    traceback on purpose, is never given."""
    prefix, parser = draw(st.sampled_from(COMMANDS))
    command = " ".join(prefix)
    positionals: list[str | FileArg] = []
    options: list[list[str | FileArg]] = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            if not draw(st.integers(0, 100)):
                options.append([action.option_strings[0]])
            continue
        if action.dest == "debug":  # a traceback on purpose: tests/test_cli_errors.py
            continue
        values = (
            st.sampled_from(action.choices) | arg_texts
            if action.choices
            else _values(command, action.dest, action.metavar)
        )
        if not action.option_strings:
            count = {"?": (0, 1), "*": (0, 3), "+": (1, 3)}.get(str(action.nargs), (1, 1))
            low = 0 if not draw(st.integers(0, 20)) else count[0]  # sometimes one is missing
            positionals += draw(st.lists(values, min_size=low, max_size=count[1]))
            continue
        for _ in range(
            draw(st.integers(0, 2) if draw(st.integers(0, 3)) == 0 else st.integers(0, 1))
        ):
            flag = draw(st.sampled_from(action.option_strings))
            if action.nargs == 0:
                options.append([flag])
            else:
                value = draw(values)
                options.append(
                    [f"{flag}={value}"]
                    if isinstance(value, str) and draw(st.integers(0, 5)) == 0
                    else [flag, value]
                )
    argv: list[str | FileArg] = [*prefix, *positionals]
    for chunk in options:  # each option before, among or after the positional arguments
        at = draw(st.integers(len(prefix), len(argv)))
        argv[at:at] = chunk
    if not draw(st.integers(0, 30)):
        argv.insert(0, draw(st.sampled_from(["--version", "--bogus"])))
    stdin = draw(
        st.one_of(
            _scenario_file_args().map(lambda file: file.content or b""),
            _ballot_files().map(lambda file: file.content or b""),
            st.sampled_from(_XML_FILES).map(lambda path: Path(path).read_bytes()),
            st.binary(max_size=40),
        )
    )
    return argv, stdin
