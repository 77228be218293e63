"""Checks shared by the tests of the notebook views: the HTML is balanced, parses as XML, and its
text read without the stylesheet."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from unsc_tracker import akn4un
from unsc_tracker.council import council
from unsc_tracker.history import vetoes
from unsc_tracker.record import votes
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.voting import VoteRecord

FOLDER = Path(__file__).parent / "data" / "akn4un"


class Balanced(HTMLParser):
    """Checks that every tag is closed in order, and keeps the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if "style" not in self.open:
            self.text.append(data)


def parsed(page: str) -> Balanced:
    """The page checked as balanced HTML and as XML; returns the parser with the page's text."""
    checker = Balanced()
    checker.feed(page)
    checker.close()
    assert checker.open == [], f"unclosed: {checker.open}"
    ET.fromstring(f"<root>{page}</root>")
    return checker


def text_of(page: str) -> str:
    return " ".join(" ".join(parsed(page).text).split())


def every_view() -> dict[str, str]:
    """One page per model that has a view, built from real data."""
    aleppo = load_scenario("aleppo-2016")
    replay = aleppo.replay("S/2016/846")
    result = replay.final.result
    assert result is not None
    record = VoteRecord(
        date=date(2016, 10, 8), symbol="S/2016/846", meeting="S/PV.7785", ballots=result.ballots
    )
    return {
        "council": council(on=date(2016, 10, 8))._repr_html_(),
        "draft": replay.draft._repr_html_(),
        "vote_result": result._repr_html_(),
        "vote_record": record._repr_html_(),
        "snapshot": replay.final._repr_html_(),
        "replay": replay._repr_html_(),
        "scenario": aleppo._repr_html_(),
        "veto": vetoes(agenda="Aleppo")[0]._repr_html_(),
        "vetoes": vetoes(by="Russia", since=date(2011, 1, 1))._repr_html_(),
        "folder_report": akn4un.load_folder(FOLDER, progress=False)._repr_html_(),
        "vote": votes(agenda="Aleppo", kind="draft")[0]._repr_html_(),
        "votes": votes(since=date(2016, 1, 1), until=date(2016, 12, 31))._repr_html_(),
    }
