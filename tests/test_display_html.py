"""Notebook HTML (the display package): what each view shows, sources as links, escaping.

How the views look under JupyterLab's stylesheet in a real browser is test_browser.py.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from html_check import every_view, parsed, text_of
from pydantic import TypeAdapter

from unsc_tracker import akn4un, display
from unsc_tracker.council import council
from unsc_tracker.drafts import DraftResolution, Sponsorship
from unsc_tracker.events import Event
from unsc_tracker.history import vetoes
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.voting import Outcome, VoteRecord, VoteResult, tally

ALEPPO = load_scenario("aleppo-2016")
S_2016_846 = ALEPPO.replay("S/2016/846")
S_2016_847 = ALEPPO.replay("S/2016/847")
COUNCIL_2016 = council(on=date(2016, 10, 8))
EVENT: TypeAdapter[Event] = TypeAdapter(Event)
FOLDER = Path(__file__).parent / "data" / "akn4un"


VIEWS = every_view()


class _Cells(HTMLParser):
    """The header cells of every ``thead`` and the classes and text of every ``td``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.head: list[str] = []
        self.cells: list[tuple[str, str]] = []
        self._text: list[str] | None = None
        self._css = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        if tag in ("th", "td"):
            self._text, self._css = [], dict(attrs).get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()
        if tag in ("th", "td") and self._text is not None:
            text = "".join(self._text).strip()
            if tag == "th" and "thead" in self.open:
                self.head.append(text)
            elif tag == "td":
                self.cells.append((self._css, text))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def cells(page: str) -> _Cells:
    found = _Cells()
    found.feed(page)
    return found


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_view_parses_and_carries_the_style_once(name: str) -> None:
    page = VIEWS[name]
    parsed(page)
    assert page.startswith(f'<div class="unsc-tracker ut-{name.replace("_", "-")}"><style>')
    assert page.count("<style>") == 1


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_no_view_has_an_empty_header_cell(name: str) -> None:
    head = cells(VIEWS[name]).head
    assert head, name
    assert all(head), f"{name}: empty header cell in {head}"


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_date_cell_is_a_date_that_does_not_wrap(name: str) -> None:
    iso = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?)?")
    for css, text in cells(VIEWS[name]).cells:
        if re.fullmatch(iso, text):
            assert css == "ut-date", f"{name}: {text} in a cell of class {css!r}"
        if css == "ut-date":
            assert text == "" or re.fullmatch(iso, text), text


def test_every_selector_of_the_style_is_scoped_to_the_view() -> None:
    rules = re.findall(r"([^{}]+)\{[^{}]*\}", display.STYLE.removeprefix("<style>"))
    assert rules
    for rule in rules:
        for selector in rule.split(","):
            assert selector.startswith("div.unsc-tracker"), selector


def test_vote_result_html_lists_the_fifteen_and_the_reason() -> None:
    page = VIEWS["vote_result"]
    text = text_of(page)
    for state in COUNCIL_2016.members:
        assert state.name in text
    assert page.count('<span class="ut-permanent">') == 5
    assert text.count("elected") == 10
    assert "vetoed by Russian Federation (11-2-2)" in text
    assert "the Russian Federation, a permanent member, voted no: vetoed" in text
    row = re.search(r"<tr><td><span class=\"ut-permanent\">Russian Federation</span>.*?</tr>", page)
    assert row is not None
    assert "<td>no</td>" in row.group()


def test_vote_result_html_without_member_ballots() -> None:
    bare = VoteResult(Outcome.ADOPTED, 15, 0, 0, 0, 0, 9, False, date(2016, 12, 23))
    assert "not recorded member by member" in text_of(bare._repr_html_())


def test_vote_record_html_shows_the_meeting_and_the_result() -> None:
    result = S_2016_847.final.result
    assert result is not None
    record = VoteRecord(
        date=date(2016, 10, 8), symbol="S/2016/847", meeting="S/PV.7785", ballots=result.ballots
    )
    text = text_of(record._repr_html_())
    assert "S/2016/847 at S/PV.7785 on 2016-10-08" in text
    assert "failed: 4 in favour, 9 required (4-9-2)" in text
    assert "Malaysia" in text


def test_council_html_1971_names_the_republic_of_china() -> None:
    # The ROC held China's seat until 25 October 1971 (GA res. 2758 (XXVI)).
    text = text_of(council(on=date(1971, 1, 1))._repr_html_())
    assert "Republic of China CHN permanent" in text
    assert "USSR" in text or "Union of Soviet Socialist Republics" in text
    assert "15 members" in text
    assert "a decision needs 9 affirmative votes" in text
    assert "Russian Federation RUS permanent president" in text_of(VIEWS["council"])


def test_draft_html_escapes_and_lists_sponsors_with_their_sources() -> None:
    draft = DraftResolution(
        symbol="S/2016/846",
        title="<script>alert('x')</script> & Aleppo",
        penholder="France",
        sponsors=[
            Sponsorship(
                member="France",
                role="main_sponsor",
                joined=date(2016, 9, 29),
                source="https://onu.delegfrance.org/a?b=1&c=2",
            ),
            Sponsorship(member="Andorra", verified=False, note="listed <b>only</b> by the press"),
        ],
        rivals=["S/2016/847"],
    )
    page = draft._repr_html_()
    assert "<script>" not in page
    assert "<b>only" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Aleppo" in page
    assert "script" not in parsed(page).tags
    assert '<a href="https://onu.delegfrance.org/a?b=1&amp;c=2"' in page
    text = text_of(page)
    assert "<script>alert('x')</script> & Aleppo" in text
    assert "France main sponsor 2016-09-29 yes onu.delegfrance.org/a" in text
    assert "Andorra co-sponsor no listed <b>only</b> by the press" in text
    assert "S/2016/847" in text


def test_snapshot_html_shows_the_event_its_source_and_note() -> None:
    final = S_2016_846.final
    page = VIEWS["snapshot"]
    text = text_of(page)
    assert "S/2016/846 on 2016-10-08" in text
    assert "45 sponsors: France, Spain" in text
    assert "Russian Federation oppose" in text
    assert "the Russian Federation, a permanent member, voted no: vetoed" in text
    assert final.event.note is not None
    assert final.event.note.split()[0] in text
    assert final.event.source is not None
    assert f'<a href="{final.event.source}"' in page
    open_text = text_of(S_2016_846.as_of(date(2016, 10, 5))._repr_html_())
    assert "negotiation" in open_text
    assert "vetoed by Russian Federation (expected" in open_text


def _rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1]
    return re.findall(r"<tr>(.*?)</tr>", body)


def test_replay_html_is_a_timeline_with_sources_and_notes() -> None:
    page = VIEWS["replay"]
    rows = _rows(page)
    assert len(rows) == len(S_2016_846)
    assert cells(page).head == ["Date", "Event and note", "Stage", "Expected / result", "Source"]
    for snapshot, row in zip(S_2016_846, rows, strict=True):
        text = text_of(row)
        assert text.startswith(f"{snapshot.day.isoformat()} {snapshot.event.summary}")
        if snapshot.event.note:
            assert " ".join(snapshot.event.note.split()[:8]) in text
        addresses = re.findall(r"https?://[^\s;)]+", snapshot.event.source or "")
        source = re.search(r'<td class="ut-source">(.*?)</td>', row)
        assert source is not None
        assert len(re.findall(r"<a href=", source.group(1))) == len(addresses), source.group(1)
        if snapshot.event.note and "https://" in snapshot.event.note:
            assert '<div class="ut-note">' in row
            assert "<a href=" in row.split('<div class="ut-note">', 1)[1].split("</div>", 1)[0]
    vote = next(r for r, s in zip(rows, S_2016_846, strict=True) if s.result is not None)
    assert "<b>vetoed by Russian Federation (11-2-2)</b>" in vote
    assert "18 events; final stage: vetoed" in text_of(page)


def test_replay_html_shows_inferred_steps_and_warnings() -> None:
    ballots = {s.name: "yes" for s in council(on="2016-12-19").members}
    log = [
        EVENT.validate_python({"kind": "circulated", "date": "2016-12-19", "audience": "all15"}),
        EVENT.validate_python({"kind": "vote_held", "date": "2016-12-19", "ballots": ballots}),
    ]
    replay = Replay.from_events(DraftResolution(symbol="S/2016/1074"), log, infer=True)
    text = text_of(replay._repr_html_())
    assert "put_in_blue (inferred before vote_held" in text
    assert "adopted (15-0-0)" in text


def test_source_links_only_http_and_https_and_escape_everything() -> None:
    hostile = (
        "javascript:alert(1); ftp://files.example/x; data:text/html,<b>x</b>; "
        'https://example.org/a"onmouseover="alert(1); see <i>S/PV.7785</i> '
        "(https://en.wikipedia.org/wiki/Aleppo_(city)), https://press.un.org/x.htm."
    )
    page = display.source_html(hostile)
    parsed(page)
    links = re.findall(r'<a href="([^"]*)"', page)
    assert links == [
        "https://example.org/a",
        "https://en.wikipedia.org/wiki/Aleppo_(city)",
        "https://press.un.org/x.htm",
    ]
    assert "<b>" not in page
    assert "<i>" not in page
    assert "javascript:alert(1)" in page  # as text
    assert "&quot;onmouseover=&quot;alert(1)" in page
    assert page.endswith("</a>.")


def test_scenario_html_lists_drafts_sources_and_notice() -> None:
    page = VIEWS["scenario"]
    text = text_of(page)
    assert "S/2016/846" in text
    assert "S/2016/847" in text
    assert "vetoed by Russian Federation (11-2-2)" in text
    assert "failed: 4 in favour, 9 required (4-9-2)" in text
    assert ALEPPO.notice is not None
    assert ALEPPO.notice[:40] in text
    assert len(re.findall(r"<a href=", page)) == len(ALEPPO.sources)


def test_vetoes_query_result_shows_as_one_table() -> None:
    records = vetoes(by="Russia", since=date(2011, 1, 1))
    assert isinstance(records, tuple)
    page = VIEWS["vetoes"]
    assert page.count("<tr>") == len(records) + 1
    assert f"{len(records)} vetoes" in text_of(page)
    assert records[:2] == tuple(records)[:2]
    assert repr(records).startswith("(<Veto 2011-10-04")


def test_veto_html_and_vetoes_html() -> None:
    aleppo = vetoes(agenda="Aleppo")
    one = text_of(VIEWS["veto"])
    assert (
        "2016-10-08 S/2016/846 S/PV.7785 Middle East (Syria) - Aleppo Russian Federation 11-2-2"
        in one
    )
    assert "press.un.org" in one or "research.un.org" in one or "un.org" in one
    page = display.vetoes_html(aleppo)
    assert page.count("<tr>") == 3
    assert "Russian Federation and People's Republic of China" in text_of(page)
    everything = display.vetoes_html(vetoes())
    parsed(everything)
    assert everything.count("<tr>") == len(vetoes()) + 1


def test_folder_report_html() -> None:
    report = akn4un.load_folder(FOLDER, progress=False)
    page = VIEWS["folder_report"]
    text = text_of(page)
    assert f"Resolutions and drafts {len(report.records)}" in text
    assert f"Unreadable files {len(report.unreadable)}" in text
    assert "Refused: the record contradicts itself (1)" in text
    assert "S/2023/638" in text
    assert "Language versions that differ from the English record (3)" in text
    assert "mismatched tag" in text


def test_html_replaces_characters_no_page_may_hold() -> None:
    draft = DraftResolution(symbol="S/2016/846", title="Aleppo\x00\x1b[31m \ud800 truce\ttext")
    page = draft._repr_html_()
    parsed(page)
    assert "Aleppo\ufffd\ufffd[31m \ufffd truce\ttext" in page


def test_html_escapes_every_field_of_a_veto() -> None:
    veto = vetoes(agenda="Aleppo")[0].model_copy(
        update={"agenda": "Aleppo <img src=x>", "source": "<script>https://x.org/</script>"}
    )
    page = veto._repr_html_()
    assert "<img" not in page
    assert "<script>" not in page
    assert "Aleppo &lt;img src=x&gt;" in page
    assert '<a href="https://x.org/"' in page


def test_explain_is_still_named_by_the_display_package() -> None:
    result = tally(dict.fromkeys((s.name for s in COUNCIL_2016.members), "yes"), on="2016-10-08")
    assert display.explain(result).endswith("adopted")


def test_vetoes_query_result_names_the_records_known_gaps() -> None:
    records = vetoes(since=date(2025, 1, 1))
    assert records.gaps
    text = text_of(records._repr_html_())
    assert "Known gaps in the record for this question" in text
    for gap in records.gaps:
        assert str(gap) in text


def test_vote_of_the_record_shows_its_sources_and_ballots() -> None:
    from unsc_tracker.record import votes

    vote = votes(agenda="Aleppo", kind="draft")[0]
    page = VIEWS["vote"]
    text = text_of(page)
    assert vote.symbol in text
    assert "vetoed by Russian Federation" in text
    assert "11-2-2" in text
    assert page.count('<span class="ut-permanent">') == 5
    assert '<a href="https://' in page


def test_votes_of_a_query_show_as_one_table() -> None:
    from unsc_tracker.record import votes

    found = votes(since=date(2016, 1, 1), until=date(2016, 12, 31))
    page = VIEWS["votes"]
    assert page.count("<tr>") == len(found) + 1
    assert f"{len(found)} votes" in text_of(page)
    everything = votes()
    shown = everything._repr_html_()
    assert shown.count("<tr>") == min(len(everything), 200) + 1
    assert f"the first {min(len(everything), 200)} shown" in text_of(shown)
