"""Draft resolutions, their sponsors, and the resolutions adopted from them.

A draft in blue carries an S/ document symbol (``S/2016/846``), and a revision of it adds
``/Rev.n`` (``S/2016/846/Rev.1``) (PROCEDURE D6). A draft that has no symbol yet (a zero draft)
is known by an ``id`` of the user's choosing; otherwise ``id`` is the symbol. Sponsors may be
states that do not sit on the Council (D8, E19), and sponsorship changes over time: each
:class:`Sponsorship` records when the state joined, and whether the record of it was verified.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, model_validator

from . import views
from .checked import Checked, shown
from .dates import parse_when
from .errors import DraftError, UnscTrackerError
from .members import MemberState, member
from .wording import clip, day, plural

__all__ = [
    "DraftResolution",
    "MemberName",
    "Resolution",
    "Role",
    "Sponsorship",
    "When",
    "draft_symbol",
    "sponsors_in_brief",
]

_DRAFT_SYMBOL = re.compile(r"^S/(\d{4})/(\d{1,4})(?:/Rev\.([1-9]\d*))?$")
_RESOLUTION_SYMBOL = re.compile(r"^S/RES/([1-9]\d{0,5}) \((\d{4})\)$")


def _when(value: object) -> object:
    if isinstance(value, str):
        try:
            return parse_when(value)
        except UnscTrackerError as err:
            raise ValueError(str(err)) from None
    return value


When = Annotated[datetime | date, BeforeValidator(_when)]
"""A day, or a day and a time when the source gives one (ISO text or an English date)."""


def _member_name(value: str) -> str:
    # Errors of member() are LookupErrors; pydantic only collects ValueErrors with their place.
    try:
        return member(value).name
    except UnscTrackerError as err:
        raise ValueError(str(err)) from None


MemberName = Annotated[str, AfterValidator(_member_name)]
"""A member state given by any name :func:`~unsc_tracker.members.member` accepts, kept as its UN
short name so files stay readable."""


def draft_symbol(symbol: str) -> str:
    """Check a draft's S/ symbol (``S/2016/846`` or ``S/2016/846/Rev.1``) and return it.

    >>> draft_symbol("S/2016/846/Rev.1")
    'S/2016/846/Rev.1'
    >>> draft_symbol("S/PV.7785")
    Traceback (most recent call last):
    unsc_tracker.errors.DraftError: 'S/PV.7785' is not a draft symbol: expected S/<year>/<number>, ...
    """
    found = _DRAFT_SYMBOL.match(symbol) if isinstance(symbol, str) else None
    if not found or not 1946 <= int(found.group(1)) <= 2100 or int(found.group(2)) == 0:
        raise DraftError(
            f"{clip(repr(symbol), 60)} is not a draft symbol: expected S/<year>/<number>, optionally "
            "/Rev.<n>, as in S/2016/846 or S/2016/846/Rev.1"
        )
    return symbol


def base_symbol(symbol: str) -> str:
    """A draft symbol without its revision suffix.

    >>> base_symbol("S/2016/846/Rev.2")
    'S/2016/846'
    """
    return symbol.split("/Rev.", 1)[0]


DraftSymbol = Annotated[str, AfterValidator(draft_symbol)]


class Role(StrEnum):
    """A sponsor's part in a draft."""

    MAIN_SPONSOR = "main_sponsor"
    """A drafter (penholder or co-penholder): France and Spain for S/2016/846."""
    CO_SPONSOR = "co_sponsor"
    """A state that joins the text as a sponsor without drafting it."""

    @property
    def words(self) -> str:
        """The role as a sentence says it: "main sponsor", "co-sponsor"."""
        return "main sponsor" if self is Role.MAIN_SPONSOR else "co-sponsor"


class Sponsorship(Checked):
    """One state sponsoring a draft: its role, when it joined, and how sure the record is.

    A sponsorship that is not verified must say why in ``note``.

    >>> Sponsorship(member="France", role="main_sponsor").member
    'France'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = DraftError

    member: MemberName
    role: Role = Role.CO_SPONSOR
    joined: When | None = Field(default=None, description="when the state joined, if recorded")
    verified: bool = True
    source: str | None = Field(default=None, description="document symbol or address")
    note: str | None = None

    @model_validator(mode="after")
    def _reason(self) -> Sponsorship:
        if not self.verified and not self.note:
            raise ValueError(
                f"sponsorship of {self.member} is marked verified = false: give the reason in note"
            )
        return self

    @property
    def state(self) -> MemberState:
        return member(self.member)

    def __str__(self) -> str:
        """``Spain (main sponsor, joined 2016-10-05)``; unverified records say so."""
        details = [self.role.words]
        if self.joined is not None:
            details.append(f"joined {day(self.joined)}")
        if not self.verified:
            details.append("unverified")
        return f"{self.member} ({', '.join(details)})"

    def __repr__(self) -> str:
        """``<Sponsorship Spain (main sponsor, joined 2016-10-05)>``."""
        return f"<Sponsorship {self}>"


def sponsors_in_brief(sponsors: Sequence[Sponsorship], limit: int = 3) -> str:
    """How many sponsors, and the first few names: the main sponsors when there are any.

    >>> sponsors_in_brief([Sponsorship(member="Spain"), Sponsorship(member="France",
    ...                    role="main_sponsor")])
    '2 sponsors: France'
    """
    main = [s.member for s in sponsors if s.role is Role.MAIN_SPONSOR]
    shown = main or [s.member for s in sponsors]
    names = ", ".join(shown[:limit]) + (", …" if len(shown) > limit else "")
    return plural(len(sponsors), "sponsor") + (f": {names}" if names else "")


class DraftResolution(Checked):
    """A draft resolution: symbol (or an id before it has one), title, sponsors, rivals.

    ``chapter`` and ``dispute_parties`` feed the Article 27(3) proviso: a party to a dispute
    voting on a Chapter VI decision draws a warning (PROCEDURE V7).

    >>> d = DraftResolution(symbol="S/2016/847", title="The situation in the Middle East",
    ...                     sponsors=[Sponsorship(member="Russia", role="main_sponsor")],
    ...                     rivals=["S/2016/846"])
    >>> d.id, d.sponsors[0].member, d.rivals
    ('S/2016/847', 'Russian Federation', ('S/2016/846',))
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = DraftError

    id: str = Field(default="", description="how the draft is known; defaults to its symbol")
    symbol: DraftSymbol | None = Field(default=None, description="the S/ symbol once in blue")
    title: str | None = None
    agenda_item: str | None = Field(default=None, description="the Council's agenda item")
    penholder: MemberName | None = None
    sponsors: tuple[Sponsorship, ...] = Field(
        default=(), description="sponsors from the start; later ones join by events"
    )
    rivals: tuple[DraftSymbol, ...] = Field(default=(), description="symbols of rival drafts")
    chapter: Literal["VI", "VII", "VIII"] | None = Field(
        default=None, description="Charter chapter the decision is taken under"
    )
    dispute_parties: tuple[MemberName, ...] = Field(
        default=(), description="members party to the dispute (Art. 27(3) proviso)"
    )
    expected_vote: When | None = Field(default=None, description="when the vote is expected")
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _identity(self) -> DraftResolution:
        if not self.id:
            if self.symbol is None:
                raise ValueError("a draft needs a symbol (S/2016/846) or, before it has one, an id")
            object.__setattr__(self, "id", self.symbol)
        seen: set[str] = set()
        for sponsorship in self.sponsors:
            if sponsorship.member in seen:
                raise ValueError(f"sponsors lists {sponsorship.member} twice")
            seen.add(sponsorship.member)
        if self.symbol is not None and base_symbol(self.symbol) in map(base_symbol, self.rivals):
            raise ValueError(f"rivals names the draft itself ({self.symbol})")
        return self

    def __str__(self) -> str:
        """``S/2016/846: The situation in the Middle East`` (the id alone without a title)."""
        return f"{self.id}: {self.title}" if self.title else self.id

    def __repr__(self) -> str:
        """``<DraftResolution S/2016/846 "title": 2 sponsors: France, Spain>``."""
        title = f' "{clip(self.title, 50)}"' if self.title else ""
        return f"<{type(self).__name__} {self.id}{title}: {sponsors_in_brief(self.sponsors)}>"

    def _repr_html_(self) -> str:
        return views.html(self) or views.fallback(self)


class Resolution(Checked):
    """An adopted resolution: number and year, as in ``S/RES/2334 (2016)``, and its draft.

    >>> r = Resolution.parse("S/RES/2334 (2016)")
    >>> r.number, r.year, str(r)
    (2334, 2016, 'S/RES/2334 (2016)')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    error: ClassVar[type[UnscTrackerError]] = DraftError

    number: int = Field(ge=1)
    year: int = Field(ge=1946, le=2100)
    draft: DraftSymbol | None = Field(default=None, description="the draft it was adopted from")
    adopted: date | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _same_year(self) -> Resolution:
        if self.adopted is not None and self.adopted.year != self.year:
            raise ValueError(
                f"resolution {self.symbol} is dated {self.adopted.isoformat()}, not in {self.year}"
            )
        return self

    @classmethod
    def parse(cls, symbol: str, **fields: object) -> Resolution:
        """A resolution from its symbol, ``S/RES/<number> (<year>)``, and other ``fields``.

        Raises :class:`~unsc_tracker.errors.DraftError` (a ``ValueError``) for a symbol or a
        field that does not read, and ``TypeError`` for a symbol that is not text.

        >>> Resolution.parse("S/RES/2334 (1945)")
        Traceback (most recent call last):
        unsc_tracker.errors.DraftError: S/RES/2334 (1945): field year: Input should be greater ...
        """
        if not isinstance(symbol, str):
            raise TypeError(
                f"a resolution symbol is text (str), not {type(symbol).__name__}: {shown(symbol)}"
            )
        found = _RESOLUTION_SYMBOL.match(symbol.strip())
        if not found:
            raise DraftError(
                f"{clip(repr(symbol), 60)} is not a resolution symbol: expected "
                "S/RES/<number> (<year>), as in S/RES/2334 (2016)"
            )
        data = {"number": int(found.group(1)), "year": int(found.group(2)), **fields}
        return cls.checked(data, symbol.strip())

    @property
    def symbol(self) -> str:
        return f"S/RES/{self.number} ({self.year})"

    def __str__(self) -> str:
        return self.symbol

    def __repr__(self) -> str:
        """``<Resolution S/RES/2334 (2016), adopted 2016-12-23>``, naming the draft when known."""
        source = f" from {self.draft}" if self.draft else ""
        adopted = f", adopted {self.adopted.isoformat()}" if self.adopted is not None else ""
        return f"<Resolution {self.symbol}{source}{adopted}>"
