"""Checks shared by the tests of the notebook views: the HTML is balanced, parses as XML, and its
text read without the stylesheet."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser


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
