"""Drafts, sponsorships and resolutions: symbols and metadata validated on the model."""

from __future__ import annotations

import pytest

from unsc_tracker.drafts import DraftResolution, Resolution, Role, Sponsorship
from unsc_tracker.errors import DraftError


def test_s_2016_846_and_its_rival() -> None:
    draft = DraftResolution(
        symbol="S/2016/846",
        penholder="France",
        sponsors=[Sponsorship(member="France", role=Role.MAIN_SPONSOR)],
        rivals=["S/2016/847"],
    )
    assert draft.id == "S/2016/846"
    assert draft.sponsors[0].state.code == "FRA"
    assert draft.rivals == ("S/2016/847",)


def test_revision_symbol_is_accepted() -> None:
    assert DraftResolution(symbol="S/2016/846/Rev.1").symbol == "S/2016/846/Rev.1"


@pytest.mark.parametrize("symbol", ["S/PV.7785", "S/2016/846/Rev.0", "S/16/846", "S/2016/0"])
def test_bad_symbol_names_the_field_and_value(symbol: str) -> None:
    with pytest.raises(DraftError, match=f"field symbol: {symbol!r} is not a draft symbol"):
        DraftResolution(symbol=symbol)


def test_zero_draft_needs_an_id() -> None:
    assert DraftResolution(id="aleppo-zero-draft").symbol is None
    with pytest.raises(DraftError, match="a draft needs a symbol"):
        DraftResolution()


def test_non_member_sponsor_and_unverified_needs_reason() -> None:
    assert Sponsorship(member="Andorra", verified=False, note="unverified list").member == "Andorra"
    with pytest.raises(DraftError, match="Andorra is marked verified = false: give the reason"):
        Sponsorship(member="Andorra", verified=False)


def test_unknown_sponsor_is_named() -> None:
    with pytest.raises(DraftError, match=r"field member: unknown member state 'Frankreich-Land'"):
        Sponsorship(member="Frankreich-Land")


def test_sponsor_twice_and_self_rivalry() -> None:
    with pytest.raises(DraftError, match="sponsors lists France twice"):
        DraftResolution(
            symbol="S/2016/846", sponsors=[Sponsorship(member="France"), Sponsorship(member="FRA")]
        )
    with pytest.raises(DraftError, match=r"rivals names the draft itself \(S/2016/846\)"):
        DraftResolution(symbol="S/2016/846", rivals=["S/2016/846/Rev.1"])


def test_chapter_and_dispute_parties() -> None:
    draft = DraftResolution(id="x", chapter="VI", dispute_parties=["Egypt"])
    assert draft.dispute_parties == ("Egypt",)
    with pytest.raises(DraftError, match="chapter"):
        DraftResolution(id="x", chapter="V")  # type: ignore[arg-type]


def test_resolution_2334_symbol() -> None:
    resolution = Resolution.parse("S/RES/2334 (2016)", adopted="2016-12-23")
    assert (resolution.number, resolution.year, resolution.symbol) == (
        2334,
        2016,
        "S/RES/2334 (2016)",
    )
    with pytest.raises(DraftError, match=r"'S/RES/2334' is not a resolution symbol"):
        Resolution.parse("S/RES/2334")
    with pytest.raises(DraftError, match=r"S/RES/2334 \(2016\) is dated 2017-01-01, not in 2016"):
        Resolution(number=2334, year=2016, adopted="2017-01-01")  # type: ignore[arg-type]
