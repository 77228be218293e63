"""The XML of an AKN4UN file and its safety: bytes to a parsed document, or an ``AknError``.

A document is decoded before it is parsed, so that the parser never chooses an encoding of its
own: a byte-order mark, or for a file without one the way its first ``<`` is written (XML 1.0,
appendix F: UTF-16 and UTF-32 need no mark), or the encoding its XML declaration names, else
UTF-8. The text is then searched for a DOCTYPE or ENTITY declaration, which AKN4UN documents never
carry: one is refused before parsing, so no entity is expanded and nothing is fetched, in whatever
encoding the file is written. Only the standard library's ``xml.etree.ElementTree`` parses.

The reader walks the parsed document by its known structure (children of known elements), never
by searching whole subtrees, so that a document nested thousands of levels deep costs time in
proportion to its size.
"""

from __future__ import annotations

import codecs
import os
import re
import xml.etree.ElementTree as ET
from itertools import islice
from pathlib import Path
from xml.parsers import expat

from ..errors import AknError

__all__ = [
    "AKN4UN_NAMESPACE",
    "AKN_NAMESPACE",
    "agenda_keywords",
    "child",
    "children",
    "encoding",
    "local",
    "parse",
    "peek_language",
    "read_bytes",
    "shown",
    "text",
]

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NAMESPACE = "http://un.org/akn4un"
A = "{" + AKN_NAMESPACE + "}"

# Byte-order marks, longest first (UTF-32 LE begins with UTF-16 LE's mark).
_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""^<\?xml[^>]{0,200}?\sencoding\s*=\s*["']([A-Za-z][\w.:-]{0,39})["']""")
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARATION_BYTES = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# Encodings the parser is handed as bytes: ASCII-compatible, one the parser reads itself.
_AS_BYTES = frozenset({"utf-8", "utf-8-sig", "ascii"})
_PARSE_POSITION = re.compile(r":\s*line \d+, column \d+$")
_BODY = re.compile(rb"<(?:preamble|mainBody|body|conclusions|attachments)\b")
_START = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_LANGUAGE = re.compile(rb"<FRBRlanguage\s[^>]{0,80}?language=\"([a-z]{2,3})\"")
_TEXT_LIMIT = 4000  # characters kept of an element's text: a symbol, a date, a title


def read_bytes(path: Path) -> bytes:
    """The bytes of a file, or an ``AknError`` naming it: missing, a directory, unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise AknError(f"{shown(path)}: no such file") from None
    except IsADirectoryError:
        raise AknError(f"{shown(path)}: is a directory, not an AKN4UN file") from None
    except OSError as err:
        raise AknError(f"{shown(path)}: cannot be read: {err.strerror}") from None


def shown(path: str | os.PathLike[str]) -> str:
    r"""A path as messages print it: bytes of a file name that are not UTF-8 written ``\xNN``.

    >>> shown(os.fsdecode(b"S_RES_\xff.xml"))
    'S_RES_\\xff.xml'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def encoding(data: bytes, source: str) -> str:
    """The codec a document is written in: its byte-order mark, its first bytes, its declaration.

    >>> encoding('<a>é</a>'.encode("utf-16-le"), "x.xml")
    'utf-16-le'
    >>> encoding(b'<?xml version="1.0" encoding="UTF-16"?><a/>', "x.xml")
    Traceback (most recent call last):
    unsc_tracker.errors.AknError: x.xml: declares the encoding 'UTF-16' but is not written in it
    """
    codec = next((name for mark, name in _MARKS if data.startswith(mark)), None)
    if codec is not None:
        return codec
    # A zero byte first or second is how the parser itself would guess UTF-16 or UTF-32.
    if data[:3] == b"\x00\x00\x00":
        return "utf-32-be"
    if data[1:4] == b"\x00\x00\x00":
        return "utf-32-le"
    if data[:1] == b"\x00":
        return "utf-16-be"
    if data[1:2] == b"\x00":
        return "utf-16-le"
    declared = _DECLARED.match(data)
    if declared is None:
        return "utf-8"
    name = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise AknError(f"{source}: declares the unknown encoding {name!r}") from None
    if codec.startswith(("utf-16", "utf-32")):
        raise AknError(f"{source}: declares the encoding {name!r} but is not written in it")
    return codec


def parse(data: bytes | str, source: str) -> ET.Element:
    """The document element (``<statement>``) of an AKN4UN document, refusing declarations.

    Raises :class:`~unsc_tracker.errors.AknError`, naming ``source``: text that cannot be
    decoded, a DOCTYPE or ENTITY declaration (refused before parsing), XML that is not
    well-formed (with the parser's line, column and reason), a root other than
    ``<akomaNtoso>``, or an empty one.
    """
    document: bytes | str = data
    if isinstance(data, bytes):
        codec = encoding(data, source)
        if codec not in _AS_BYTES:
            # The parser is handed text, which it reads as decoded here, whatever the file says.
            try:
                document = data.decode(codec)
            except UnicodeDecodeError as err:
                line = data.count(b"\n", 0, err.start) + 1
                raise AknError(
                    f"{source}: not {codec.upper()} text: byte {err.start + 1} (line {line}) "
                    f"cannot be decoded ({err.reason})"
                ) from None
    if isinstance(document, str):
        found = _DECLARATION.search(document)
        line = document.count("\n", 0, found.start()) + 1 if found else 0
        word = found.group(1).upper() if found else ""
    else:
        found_bytes = _DECLARATION_BYTES.search(document)
        line = document.count(b"\n", 0, found_bytes.start()) + 1 if found_bytes else 0
        word = found_bytes.group(1).upper().decode("ascii") if found_bytes else ""
    if word:
        article = "an" if word == "ENTITY" else "a"
        raise AknError(
            f"{source}: refused: {article} {word} declaration at line {line}; "
            "AKN4UN documents have none, and entities are not expanded"
        )
    checker = expat.ParserCreate(namespace_separator="}")
    try:
        checker.Parse(document, True)
    except expat.ExpatError as err:
        reason = _PARSE_POSITION.sub("", str(err))
        raise AknError(
            f"{source}: not well-formed XML at line {err.lineno}, column {err.offset + 1}: {reason}"
        ) from None
    root = _head(document) if isinstance(document, bytes) else ET.fromstring(document)
    if local(root.tag) != "akomaNtoso":
        raise AknError(f"{source}: not an AKN4UN document: the root element is <{local(root.tag)}>")
    statement = next(iter(root), None)
    if statement is None:
        raise AknError(f"{source}: not an AKN4UN document: <akomaNtoso> is empty")
    return statement


def _head(document: bytes) -> ET.Element:
    """The element tree of a well-formed document, built up to its body only when that is safe.

    The reader needs the metadata, the cover page and the preface; the body is about half of a
    resolution. The text before the first body element after the cover page, closed with the end
    tags of the root and the document element, is parsed alone: if that is well-formed, the cut
    fell between children of the document element and nothing before it is lost; otherwise (a
    body tag inside a comment, an unexpected layout) the whole document is parsed.
    """
    after = document.find(b"</coverPage>")
    found = _BODY.search(document, after) if after >= 0 else None
    cut = found.start() if found is not None else -1
    if cut > 0:
        starts = [start.group(1) for start in islice(_START.finditer(document, 0, cut), 2)]
        if len(starts) == 2:
            try:
                return ET.fromstring(document[:cut] + b"</%s></%s>" % (starts[1], starts[0]))
            except ET.ParseError:
                pass
    return ET.fromstring(document)


def peek_language(data: bytes) -> str | None:
    """The three-letter ``FRBRlanguage`` of a UTF-8 document, from its first 16 kB, or None.

    A shortcut for reading one language of a collection: a file this names in another language
    need not be parsed. None when the head does not say (another encoding, another layout).
    """
    found = _LANGUAGE.search(data, 0, 16384)
    return found.group(1).decode("ascii") if found is not None else None


def local(tag: str) -> str:
    """A tag without its namespace: ``{...akn/3.0}docNumber`` is ``docNumber``."""
    return tag.rsplit("}", 1)[-1]


def child(element: ET.Element | None, name: str) -> ET.Element | None:
    """The first child of ``element`` with this local name, in the AKN namespace or none."""
    if element is None:
        return None
    found = element.find(A + name)
    return found if found is not None else element.find(name)


def children(element: ET.Element | None, name: str) -> list[ET.Element]:
    """The children of ``element`` with this name, in the AKN namespace or none (never
    grandchildren)."""
    if element is None:
        return []
    tags = (A + name, name)
    return [found for found in element if found.tag in tags]


def text(element: ET.Element) -> str:
    """An element's text with whitespace collapsed, cut at a length no symbol or title reaches."""
    if not len(element):  # no children: a voter's name, a symbol
        return " ".join((element.text or "")[:_TEXT_LIMIT].split())
    parts: list[str] = []
    size = 0
    for part in element.itertext():
        parts.append(part)
        size += len(part)
        if size > _TEXT_LIMIT:
            break
    return " ".join("".join(parts)[:_TEXT_LIMIT].split())


def _example_document() -> str:
    """A small AKN4UN document with the vote on S/2023/506 (S/PV.9371), for the examples."""
    council = {
        "inFavour": "ALBANIA ECUADOR FRANCE GABON GHANA JAPAN MALTA MOZAMBIQUE SWITZERLAND "
        "UNITED_ARAB_EMIRATES UNITED_KINGDOM UNITED_STATES BRAZIL",
        "against": "RUSSIAN_FEDERATION",
        "abstaining": "CHINA",
    }
    counts = "".join(
        f'<count value="{len(names.split()):03d}" refersTo="{option}"><akn4un:voters>'
        + "".join(f"<organization>{n.replace('_', ' ')}</organization>" for n in names.split())
        + "</akn4un:voters></count>"
        for option, names in council.items()
    )
    return (
        f'<akomaNtoso xmlns="{AKN_NAMESPACE}" xmlns:akn4un="{AKN4UN_NAMESPACE}">'
        '<statement name="draftResolution"><meta><identification><FRBRWork>'
        '<FRBRdate date="2023-07-11" name="voting"/></FRBRWork><FRBRExpression>'
        '<FRBRlanguage language="eng"/></FRBRExpression></identification>'
        '<workflow><step date="2023-07-11" outcome="draftResolution" by="Brazil and Switzerland"/>'
        '<step date="0001-01-01" outcome="draftResolutionAdditionalSponsors" by=""/>'
        '<step date="2023-07-11" outcome="veto" as="S/PV.9371" by="The draft resolution was not '
        "adopted due to the negative vote of a permanent member of the Security Council "
        '(Russian Federation)."/></workflow>'
        f"<analysis><parliamentary><voting>{counts}</voting></parliamentary></analysis></meta>"
        '<coverPage><p><docNumber refersTo="#symbol">S/2023/506</docNumber></p></coverPage>'
        "</statement></akomaNtoso>"
    )


def agenda_keywords(meta: ET.Element | None) -> tuple[str | None, tuple[str, ...]]:
    """The agenda item (the first keyword of the Council's own list, dictionary ``S/``) and the
    other subject headings, as a document's ``<keyword refersTo="agenda">`` show them."""
    item: str | None = None
    subjects: list[str] = []
    for classification in children(meta, "classification"):
        for keyword in classification:
            shown_as = (keyword.get("showAs") or "").strip().rstrip(".")
            if keyword.get("refersTo") != "agenda" or not shown_as:
                continue
            if keyword.get("dictionary") == "S/" and item is None:
                item = shown_as
            else:
                subjects.append(shown_as)
    return item, tuple(dict.fromkeys(subjects))
