"""Griffe extension for the API reference: docstrings written for the terminal, read as Markdown.

The docstrings carry their examples as bare doctests, which Markdown would read as text (and
``['RUS']`` as a link), and name other objects with Sphinx roles (``:func:`tally```).
``mkdocs.yml`` loads this extension for mkdocstrings; it wraps each run of ``>>>`` lines and
their output in a ``pycon`` fence, and turns each role into the object's name as code. pytest imports this file too
(``--doctest-modules``), where griffe may be absent, hence the guarded import.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from griffe import Extension
except ImportError:  # only mkdocstrings needs the class to be a griffe Extension
    Extension = object  # type: ignore[assignment,misc]


ROLE = re.compile(r":(?:attr|class|data|exc|func|meth|mod|obj):`(~?)([^`]+)`")


def plain_roles(text: str) -> str:
    """Replace Sphinx roles by the name as code; ``~`` keeps only the last part, as in Sphinx.

    >>> plain_roles("see :func:`~unsc_tracker.voting.tally` and :class:`VoteResult`")
    'see `tally` and `VoteResult`'
    """
    return ROLE.sub(lambda m: f"`{m[2].rsplit('.', 1)[-1] if m[1] else m[2]}`", text)


def fence_doctests(text: str) -> str:
    r"""Wrap each doctest (a ``>>>`` line, to the next blank line) in a ``pycon`` fence.

    >>> fence_doctests("Example:\n>>> 1 + 1\n2\n\nMore.").splitlines()
    ['Example:', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    out: list[str] = []
    fence: str | None = None  # the indentation of the open doctest fence
    in_code = False
    for line in text.split("\n"):
        stripped = line.lstrip()
        if fence is not None and not stripped:
            out.append(f"{fence}```")
            fence = None
        elif fence is None and stripped.startswith("```"):
            in_code = not in_code
        elif fence is None and not in_code and stripped.startswith(">>>"):
            fence = line[: len(line) - len(stripped)]
            out.append(f"{fence}```pycon")
        out.append(line)
    if fence is not None:
        out.append(f"{fence}```")
    return "\n".join(out)


class DoctestFences(Extension):  # type: ignore[misc]
    """Fence the doctests and plain the roles of every docstring before mkdocstrings renders it."""

    def on_object(self, *, obj: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(fence_doctests(obj.docstring.value))
