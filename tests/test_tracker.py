"""The tracker: an append-only SQLite log of drafts followed live, checked before each write."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

import unsc_tracker as ut
from unsc_tracker.errors import IllegalEventError, TrackerError
from unsc_tracker.events import PositionStated, PutInBlue
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.tracker import Entry, Tracker


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[Tracker]:
    with Tracker(tmp_path / "drafts.sqlite") as opened:
        yield opened


def rows(path: Path) -> list[str]:
    """Every row of the file, as SQL, read through a connection of its own."""
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def test_exported_from_the_package(tmp_path: Path) -> None:
    with ut.Tracker(tmp_path / "t.sqlite") as tracker:
        assert isinstance(tracker, Tracker)
        assert repr(tracker) == f"<Tracker {tmp_path / 't.sqlite'}: 0 drafts, 0 events>"


def test_an_event_three_ways(tracker: Tracker) -> None:
    model = PutInBlue(kind="put_in_blue", date=datetime(2026, 11, 30, 11, 20))
    by_kind = tracker.add("S/2026/123", "put_in_blue", date="2026-11-30T11:20")
    by_mapping = tracker.add("S/2026/124", {"kind": "put_in_blue", "date": "2026-11-30T11:20"})
    by_model = tracker.add("S/2026/125", model)
    assert by_kind.event == by_mapping.event == by_model.event == model
    assert by_kind.stage is ut.Stage.IN_BLUE
    assert by_kind.symbol == "S/2026/123"
    assert tracker.drafts() == ("S/2026/123", "S/2026/124", "S/2026/125")


def test_add_returns_the_snapshot_of_the_event_even_back_dated(tracker: Tracker) -> None:
    tracker.add("S/2016/846", "circulated", date="2016-10-03", audience="all15")
    tracker.add(
        "S/2016/846", "position_stated", date="2016-10-05", member="China", stance="support"
    )
    earlier = tracker.add(
        "S/2016/846", "position_stated", date="2016-10-04", member="Russia", stance="oppose"
    )
    assert isinstance(earlier.event, PositionStated)
    assert earlier.event.member == "Russian Federation"
    assert earlier.day == date(2016, 10, 4)
    replay = tracker.replay("S/2016/846")
    assert [s.day.isoformat() for s in replay] == ["2016-10-03", "2016-10-04", "2016-10-05"]
    assert replay[1] == earlier


def test_an_illegal_event_is_refused_and_nothing_is_written(
    tracker: Tracker, tmp_path: Path
) -> None:
    tracker.import_scenario("aleppo-2016")
    before = rows(tracker.path)
    with pytest.raises(
        IllegalEventError,
        match=r"drafts\.sqlite: S/2016/846: vote_held on 2016-10-09 cannot happen while the "
        "draft is vetoed",
    ):
        tracker.add("S/2016/846", "vote_held", date="2016-10-09", ballots={"France": "yes"})
    assert rows(tracker.path) == before
    # A new draft whose first event is refused is not recorded either.
    with pytest.raises(IllegalEventError, match="S/2026/1: vote_held"):
        tracker.add("S/2026/1", "vote_held", date="2026-01-05", ballots={"France": "yes"})
    assert rows(tracker.path) == before
    assert "S/2026/1" not in tracker.drafts()


def test_a_malformed_event_names_file_draft_field_and_value(tracker: Tracker) -> None:
    with pytest.raises(
        TrackerError,
        match=r"drafts\.sqlite: S/2026/123: put_in_blue event: field date: date 'soon' cannot "
        r"be read as a date .* \(value 'soon'\)",
    ):
        tracker.add("S/2026/123", "put_in_blue", date="soon")
    with pytest.raises(TrackerError, match="unknown event kind 'put_in_bleu'; kinds: circulated"):
        tracker.add("S/2026/123", "put_in_bleu", date="2026-11-30")
    with pytest.raises(TrackerError, match="field member: unknown member state 'Atlantis'"):
        tracker.add("S/2026/123", "position_stated", date="2026-11-30", member="Atlantis",
                    stance="oppose")  # fmt: skip
    with pytest.raises(TrackerError, match="give fields with a kind"):
        tracker.add("S/2026/123", PutInBlue(kind="put_in_blue", date=date(2026, 11, 30)), note="x")
    assert tracker.drafts() == ()


def test_retraction_is_a_new_event(tracker: Tracker) -> None:
    tracker.add("S/2016/846", "circulated", date="2016-10-03", audience="all15")
    tracker.add("S/2016/846", "position_stated", date="2016-10-05", member="China", stance="oppose")
    replay = tracker.retract("S/2016/846", 2, reason="it was Russia", date="2016-10-06")
    assert "China" not in replay.final.positions
    assert len(replay) == 1
    history = tracker.history("S/2016/846")
    assert [(e.seq, e.event.kind, e.withdrawn_by) for e in history] == [
        (1, "circulated", None),
        (2, "position_stated", 3),
        (3, "retracted", None),
    ]
    assert all(isinstance(e, Entry) and e.recorded.tzinfo is not None for e in history)
    # Withdrawing the retraction restores the event.
    restored = tracker.retract("S/2016/846", 3, reason="it was China after all")
    assert str(restored.final.positions["China"]) == "oppose"
    with pytest.raises(TrackerError, match=r"tracker\.retract\(symbol, seq, reason=\.\.\.\)"):
        tracker.add("S/2016/846", "retracted", date="2016-10-07", seq=1, reason="x")


def test_a_retraction_that_breaks_the_log_is_refused(tracker: Tracker) -> None:
    tracker.add("S/2016/846", "circulated", date="2016-10-03", audience="all15")
    tracker.add("S/2016/846", "silence_started", date="2016-10-07")
    before = rows(tracker.path)
    # Without being circulated to all fifteen, the text could not have been put under silence.
    with pytest.raises(IllegalEventError, match="silence_started on 2016-10-07 cannot happen"):
        tracker.retract("S/2016/846", 1, reason="not circulated yet")
    with pytest.raises(IllegalEventError, match="names event 5, which is not an earlier event"):
        tracker.retract("S/2016/846", 5, reason="no such event")
    with pytest.raises(TrackerError, match="field reason: String should have at least 1"):
        tracker.retract("S/2016/846", 2, reason="")
    assert rows(tracker.path) == before


def test_the_log_is_append_only_in_the_file(tracker: Tracker) -> None:
    tracker.add("S/2016/846", "put_in_blue", date="2016-10-07")
    tracker.describe_log(title="Drafts followed in 2016")
    with sqlite3.connect(tracker.path) as db:
        for statement in (
            "UPDATE events SET kind = 'withdrawn'",
            "DELETE FROM events",
            "DELETE FROM drafts",
            "UPDATE header SET header = '{}'",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                db.execute(statement)
    assert len(tracker.history("S/2016/846")) == 1


def test_draft_metadata_is_recorded_and_checked(tracker: Tracker) -> None:
    tracker.add("zero draft on Aleppo", "circulated", date="2016-09-30", audience="P5")
    draft = tracker.describe(
        "zero draft on Aleppo",
        title="The situation in the Middle East",
        penholder="France",
        sponsors=[{"member": "France", "role": "main_sponsor"}],
    )
    assert draft.id == "zero draft on Aleppo"
    assert draft.penholder == "France"
    tracker.describe("zero draft on Aleppo", symbol="S/2016/846")
    # Known by its symbol too, once it has one.
    assert tracker.draft("S/2016/846").title == "The situation in the Middle East"
    tracker.add("S/2016/846", "sponsor_left", date="2016-10-01", members=["France"])
    assert tracker.replay("S/2016/846").final.sponsors == ()
    with pytest.raises(TrackerError, match="field penholder: unknown member state 'Gaul'"):
        tracker.describe("S/2016/846", penholder="Gaul")
    with pytest.raises(TrackerError, match="a draft's id is the key of its log"):
        tracker.describe("S/2016/846", id="another")
    # Dropping France from the initial sponsors would make its leaving impossible.
    with pytest.raises(IllegalEventError, match="names France, not a sponsor"):
        tracker.describe("S/2016/846", sponsors=[])
    with pytest.raises(TrackerError, match=r"no draft 'S/1999/1' in the log; it holds: zero"):
        tracker.replay("S/1999/1")
    # A draft described before its first event is recorded once, as described.
    tracker.describe("S/2016/847", penholder="Russia")
    with sqlite3.connect(tracker.path) as db:
        assert db.execute("SELECT count(*) FROM drafts WHERE id = 'S/2016/847'").fetchone() == (1,)
    assert tracker.draft("S/2016/847").penholder == "Russian Federation"
    both = tracker.scenario("S/2016/847", "zero draft on Aleppo", "S/2016/846")
    assert [d.id for d in both.drafts] == ["S/2016/847", "zero draft on Aleppo"]


def test_export_and_import_are_lossless(tracker: Tracker, tmp_path: Path) -> None:
    aleppo = load_scenario("aleppo-2016")
    assert tracker.import_scenario("aleppo-2016") == ("S/2016/846", "S/2016/847")
    assert tracker.scenario() == aleppo
    for suffix in (".toml", ".json"):
        again = load_scenario(tracker.export(tmp_path / f"aleppo{suffix}"))
        assert again == aleppo
        for draft in aleppo.drafts:
            assert list(again.replay(draft.id)) == list(tracker.replay(draft.id))
    one = load_scenario(tracker.export(tmp_path / "one.toml", "S/2016/847", title="One draft"))
    assert [d.id for d in one.drafts] == ["S/2016/847"]
    assert one.title == "One draft"
    assert one.sources == aleppo.sources


def test_import_again_adds_only_what_is_new(tracker: Tracker, tmp_path: Path) -> None:
    tracker.import_scenario("aleppo-2016")
    before = rows(tracker.path)
    tracker.import_scenario("aleppo-2016")
    assert rows(tracker.path) == before
    tracker.add("S/2016/847", "statement", date="2016-10-10", by="Russian Federation")
    longer = tracker.export(tmp_path / "longer.json")
    with Tracker(tmp_path / "other.sqlite") as other:
        other.import_scenario("aleppo-2016")
        other.import_scenario(longer)
        assert other.scenario() == tracker.scenario()
        other.retract("S/2016/847", 4, reason="a different log", date="2016-10-11")
        unchanged = rows(other.path)
        with pytest.raises(
            TrackerError, match="S/2016/847: the log differs from the scenario's at event 6"
        ):
            other.import_scenario(longer)
        assert rows(other.path) == unchanged


def test_the_header_is_the_log_s_own(tracker: Tracker) -> None:
    assert tracker.header == {"title": None, "description": None, "sources": (), "notice": None}
    tracker.describe_log(title="Drafts on Syria", sources=["https://press.un.org/"])
    tracker.import_scenario("aleppo-2016")  # the log's header stays
    assert tracker.header["title"] == "Drafts on Syria"
    assert tracker.scenario().sources == ("https://press.un.org/",)
    with pytest.raises(TrackerError, match="the log's header: field colour: no such field here"):
        tracker.describe_log(colour="blue")


def test_a_file_that_is_not_a_tracker_log(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database at all, just some text " * 50, encoding="utf-8")
    with pytest.raises(TrackerError, match=r"notes\.sqlite: not an unsc-tracker log"):
        Tracker(text)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(TrackerError, match=r"other\.sqlite: not an unsc-tracker log"):
        Tracker(other)
    with pytest.raises(TrackerError, match="cannot open"):
        Tracker(tmp_path / "no" / "such" / "folder.sqlite")


def test_a_log_read_by_a_second_tracker(tracker: Tracker) -> None:
    tracker.add("S/2016/846", "circulated", date="2016-10-03", audience="all15")
    with Tracker(tracker.path) as second:
        second.add("S/2016/846", "put_in_blue", date="2016-10-07")
    # The first tracker's cached log is brought up to date inside its next write.
    snapshot = tracker.add("S/2016/846", "vote_scheduled", date="2016-10-07")
    assert [e.seq for e in tracker.history("S/2016/846")] == [1, 2, 3]
    assert snapshot.stage is ut.Stage.SCHEDULED


def test_in_memory_log(tmp_path: Path) -> None:
    with Tracker(":memory:") as tracker:
        tracker.add("S/2016/846", "put_in_blue", date="2016-10-07")
        assert len(tracker.replay("S/2016/846")) == 1
