"""The HTML every view is built from: one scoped stylesheet, escaped text, tables, source links.

Every view is a ``<div class="unsc-tracker ut-KIND">`` holding the stylesheet once and its
parts. The stylesheet's selectors all start inside that ``div`` and name the table's own class
(``table.ut-table``), so that they outrank the stylesheets of the page around them: JupyterLab
right-aligns every cell of an HTML output with ``:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon
td`` (specificity 0-2-1), the classic Notebook with ``.rendered_html td`` (0-1-1); a cell here is
``div.unsc-tracker table.ut-table td`` (0-2-3). Text cells are left-aligned, numbers right-aligned
(``ut-num``), dates and counts never wrap (``ut-date``, ``ut-nowrap``). Colours are greys with transparency, so a view reads
on a light page and a dark one.

Every piece of text passes through :func:`escape`; only ``http`` and ``https`` addresses in a
source or a note become links (:func:`source_html`). Every element is closed, so a view parses as XML too.

>>> source_html("UN press release, https://press.un.org/en/2016/sc12545.doc.htm; S/PV.7785")
'UN press release, <a href="https://press.un.org/en/2016/sc12545.doc.htm" title="https://press.un.org/en/2016/sc12545.doc.htm" target="_blank" rel="noopener noreferrer">press.un.org/en/2016/sc12545.doc.htm</a>; S/PV.7785'
>>> source_html("javascript:alert(1) <b>")
'javascript:alert(1) &lt;b&gt;'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape as _html_escape
from urllib.parse import urlsplit

from ..wording import clip

__all__ = [
    "STYLE",
    "Cell",
    "cell",
    "date_cell",
    "escape",
    "facts",
    "items",
    "nowrap_cell",
    "num_cell",
    "source_cell",
    "source_html",
    "table",
    "wrap",
]

_SCOPE = "div.unsc-tracker"
_CELLS = f"{_SCOPE} table.ut-table th,{_SCOPE} table.ut-table td"

STYLE = (
    "<style>"
    f"{_SCOPE}{{text-align:left;line-height:1.4}}"
    f"{_SCOPE} .ut-title{{margin:0.3em 0;font-size:1.05em;font-weight:bold}}"
    f"{_SCOPE} p.ut-line{{margin:0.2em 0;text-align:left}}"
    f"{_SCOPE} table.ut-table{{border-collapse:collapse;margin:0.3em 0;table-layout:auto;"
    "width:auto;max-width:100%}"
    f"{_CELLS}{{border:1px solid rgba(128,128,128,0.45);padding:2px 6px;text-align:left;"
    "vertical-align:top;white-space:normal;max-width:36em}"
    f"{_SCOPE} table.ut-table thead th{{background:rgba(128,128,128,0.14);font-weight:bold}}"
    f"{_SCOPE} table.ut-table tbody th{{font-weight:bold;background:none}}"
    f"{_SCOPE} table.ut-table td.ut-num{{text-align:right;font-variant-numeric:tabular-nums}}"
    f"{_SCOPE} table.ut-table .ut-date,{_SCOPE} table.ut-table .ut-nowrap{{white-space:nowrap}}"
    f"{_SCOPE} table.ut-table td.ut-source{{min-width:20em;max-width:30em;overflow-wrap:anywhere}}"
    f"{_SCOPE} table.ut-table td.ut-wide{{min-width:11em}}"
    f"{_SCOPE} .ut-permanent{{font-weight:bold}}"
    f"{_SCOPE} .ut-why{{font-style:italic}}"
    f"{_SCOPE} .ut-note{{font-size:0.9em;opacity:0.8}}"
    f"{_SCOPE} .ut-warning{{color:#b45309}}"
    f"{_SCOPE} ul.ut-list{{margin:0.2em 0;padding-left:1.4em;text-align:left}}"
    "</style>"
)
"""The stylesheet every view carries once, in its outermost ``div``."""

# Characters neither HTML nor XML allows in text: C0 controls other than tab, newline and return,
# lone surrogates and the two noncharacters U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

# An address: http or https, up to a space, a quote or an angle bracket.
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?"


def escape(text: str) -> str:
    """Text made safe for HTML: :func:`html.escape`, and characters no page may hold replaced."""
    return _html_escape(_UNPRINTABLE.sub("\ufffd", text))


def _link(url: str) -> str:
    parts = urlsplit(url)
    shown = clip(parts.netloc + parts.path.rstrip("/") if parts.path != "/" else parts.netloc, 48)
    href = escape(url)
    return (
        f'<a href="{href}" title="{href}" target="_blank" rel="noopener noreferrer">'
        f"{escape(shown)}</a>"
    )


def _address(found: str) -> tuple[str, str]:
    """The address in ``found`` and what follows it: trailing punctuation, an unmatched ``)``."""
    url = found.rstrip(_TRAILING)
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(_TRAILING)
    return url, found[len(url) :]


def source_html(text: str) -> str:
    """A source or a note as HTML: its ``http``/``https`` addresses as links (showing host and
    path), the rest as escaped text. Document symbols (``S/PV.7785``) and other schemes stay
    text."""
    out: list[str] = []
    at = 0
    for found in _URL.finditer(text):
        url, rest = _address(found.group())
        out.append(escape(text[at : found.start()]))
        out.append(_link(url) if urlsplit(url).netloc else escape(url))
        out.append(escape(rest))
        at = found.end()
    out.append(escape(text[at:]))
    return "".join(out)


class Cell(str):
    """A table cell's HTML, with the class its ``<td>`` takes (``ut-num``, ``ut-date``)."""

    css: str = ""

    def __new__(cls, html: str, css: str = "") -> Cell:
        made = super().__new__(cls, html)
        made.css = css
        return made


def source_cell(text: str | None) -> Cell:
    """A source: its addresses as links (:func:`source_html`), long words broken to fit."""
    return Cell(source_html(text) if text else "", "ut-source")


def cell(value: object) -> Cell:
    """A text cell: ``value`` as escaped text, empty for ``None``."""
    return Cell("" if value is None else escape(str(value)))


def num_cell(value: int | None) -> Cell:
    """A number, right-aligned; empty for ``None``."""
    return Cell("" if value is None else str(value), "ut-num")


def nowrap_cell(value: object) -> Cell:
    """Text that never wraps, such as counts (``11-2-2``); empty for ``None``."""
    return Cell("" if value is None else escape(str(value)), "ut-nowrap")


def date_cell(value: object) -> Cell:
    """A date or time in ISO 8601 that never wraps; empty for ``None``."""
    isoformat = getattr(value, "isoformat", None)
    text = "" if value is None else str(isoformat()) if callable(isoformat) else str(value)
    return Cell(escape(text), "ut-date")


def table(head: Sequence[str], rows: Iterable[Sequence[str]], kind: str = "") -> str:
    """A table with a header row; cells are HTML already (:func:`cell` and its kin)."""
    top = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in rows)
    css = f"ut-table {kind}".strip()
    return f'<table class="{css}"><thead><tr>{top}</tr></thead><tbody>{body}</tbody></table>'


def facts(pairs: Iterable[tuple[str, str]], kind: str = "ut-facts") -> str:
    """A table of name and value, one row each, with no header row; values are HTML already.
    Pairs whose value is empty are left out."""
    body = "".join(
        f'<tr><th scope="row">{escape(name)}</th>{_td(value)}</tr>'
        for name, value in pairs
        if value
    )
    return f'<table class="ut-table {kind}"><tbody>{body}</tbody></table>' if body else ""


def _td(value: str) -> str:
    css = getattr(value, "css", "")
    return f'<td class="{css}">{value}</td>' if css else f"<td>{value}</td>"


def items(texts: Iterable[str], kind: str = "") -> str:
    """A bulleted list of texts (escaped); nothing when there are none."""
    lines = "".join(f"<li>{escape(text)}</li>" for text in texts)
    css = f"ut-list {kind}".strip()
    return f'<ul class="{css}">{lines}</ul>' if lines else ""


def wrap(kind: str, *parts: str) -> str:
    """The outermost element of a view, carrying the stylesheet once."""
    return f'<div class="unsc-tracker ut-{kind}">{STYLE}{"".join(parts)}</div>'
