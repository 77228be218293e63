"""Figures of the vote record (``unsc_tracker.plot.record``): rendered to PNG with the Agg canvas
and checked element by element against the record they draw."""

from __future__ import annotations

import io
import struct
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from unsc_tracker.errors import MissingExtraError, RecordQueryError
from unsc_tracker.plot import agreement_heatmap, ballots_by_year
from unsc_tracker.record import agreement, votes
from unsc_tracker.voting import Ballot

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def agg() -> Callable[[Any], bytes]:
    backend = pytest.importorskip("matplotlib.backends.backend_agg")
    pytest.importorskip("pandas")

    def render(figure: Any) -> bytes:
        buffer = io.BytesIO()
        backend.FigureCanvasAgg(figure).print_png(buffer)
        return buffer.getvalue()

    return render


def check_png(data: bytes, figure: Any) -> None:
    assert data[:8] == PNG_MAGIC
    width, height = struct.unpack(">II", data[16:24])
    expected = figure.get_size_inches() * figure.dpi
    assert (width, height) == (round(expected[0]), round(expected[1]))


def cells(figure: Any) -> dict[str, str]:
    return {
        text.get_gid().removeprefix("cell:"): text.get_text()
        for text in figure.axes[0].texts
        if (text.get_gid() or "").startswith("cell:")
    }


# --- agreement_heatmap --------------------------------------------------------------------------


def test_heatmap_of_the_council_of_2023_cell_by_cell(agg: Callable[[Any], bytes]) -> None:
    year = votes(since="2023-01-01", until="2023-12-31")
    table = agreement(year)
    figure = agreement_heatmap(year)
    check_png(agg(figure), figure)
    drawn = cells(figure)
    assert len(drawn) == 15 * 15  # one Council all year: every pair has a share
    for row in table.index:
        for column in table.columns:
            assert drawn[f"{row}:{column}"] == f"{100 * table.loc[row, column]:.0f}"
    axes = figure.axes[0]
    assert [label.get_text() for label in axes.get_xticklabels()] == list(table.columns)
    assert axes.get_yticklabels()[2].get_text() == "Russian Federation (RUS)"
    assert (
        axes.get_title(loc="left") == "Voting coincidence: identical ballots (yes, no or abstain)"
    )
    [image] = [artist for artist in axes.get_images() if artist.get_gid() == "agreement"]
    assert image.get_clim() == (0.0, 1.0)
    assert len(figure.axes) == 2  # the heat map and its colour bar
    assert figure.axes[1].get_ylabel() == "share of votes on which the two agreed"


def test_heatmap_leaves_members_who_never_sat_together_empty(
    agg: Callable[[Any], bytes],
) -> None:
    chosen = votes(since="2016-01-01", until="2017-12-31")
    figure = agreement_heatmap(chosen, ["Venezuela", "Sweden", "Russia"], method="yes_no")
    check_png(agg(figure), figure)
    drawn = cells(figure)
    assert "VEN:SWE" not in drawn
    assert "SWE:VEN" not in drawn
    assert drawn["VEN:VEN"] == "100"
    table = agreement(chosen, ["Venezuela", "Sweden", "Russia"], method="yes_no")
    assert drawn["VEN:RUS"] == f"{100 * table.loc['VEN', 'RUS']:.0f}"
    assert "abstentions left out" in figure.axes[0].get_title(loc="left")


def test_heatmap_from_a_table_already_computed(agg: Callable[[Any], bytes]) -> None:
    table = agreement(votes(since="2016-10-08", until="2016-10-08"), ["China", "Russia", "US"])
    figure = agreement_heatmap(table, title="8 October 2016")
    check_png(agg(figure), figure)
    assert cells(figure) == {
        "CHN:CHN": "100",
        "CHN:RUS": "50",
        "CHN:USA": "0",
        "RUS:CHN": "50",
        "RUS:RUS": "100",
        "RUS:USA": "0",
        "USA:CHN": "0",
        "USA:RUS": "0",
        "USA:USA": "100",
    }
    assert figure.axes[0].get_title(loc="left") == "8 October 2016"


def test_heatmap_of_a_computed_table_is_titled_by_how_it_was_counted() -> None:
    pytest.importorskip("matplotlib")
    table = agreement(votes(since="2016-10-08", until="2016-10-08"), method="lijphart")
    figure = agreement_heatmap(table)
    assert "Lijphart" in figure.axes[0].get_title(loc="left")


def test_heatmap_of_votes_without_ballots_is_refused() -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    with pytest.raises(RecordQueryError, match="no vote with ballots"):
        agreement_heatmap(votes(until="1946-12-31"))


# --- ballots_by_year ----------------------------------------------------------------------------


def test_ballots_by_year_bar_by_bar(agg: Callable[[Any], bytes]) -> None:
    chosen = votes(since="2011-01-01")
    members = ["China", "Russia", "United States"]
    figure = ballots_by_year(chosen, members, title="Permanent members since 2011")
    check_png(agg(figure), figure)
    assert len(figure.axes) == 3
    for axes, code in zip(figure.axes, ["CHN", "RUS", "USA"], strict=True):
        expected: Counter[tuple[int, str]] = Counter(
            (vote.date.year, vote.ballots[code].value) for vote in chosen if code in vote.ballots
        )
        drawn: Counter[tuple[int, str]] = Counter()
        bottoms: dict[int, float] = {}
        for patch in axes.patches:
            gid = patch.get_gid()
            assert gid.startswith(f"{code}:")
            year = round(patch.get_x() + patch.get_width() / 2)
            drawn[(year, gid.split(":")[1])] += round(patch.get_height())
            assert patch.get_y() == bottoms.get(year, 0.0) or patch.get_y() > 0
            bottoms[year] = max(bottoms.get(year, 0.0), patch.get_y() + patch.get_height())
        assert drawn == expected
        for year, top in bottoms.items():  # each stack is the year's ballots
            assert top == sum(n for (y, _), n in expected.items() if y == year)
    assert figure.axes[1].get_title(loc="left") == "Russian Federation"
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert legend[:3] == ["yes", "no", "abstain"]
    assert figure.texts[0].get_text() == "Permanent members since 2011"


def test_ballots_by_year_colours_follow_the_ballots(agg: Callable[[Any], bytes]) -> None:
    from matplotlib.colors import to_hex

    from unsc_tracker.plot import BALLOT_COLOURS

    figure = ballots_by_year(votes(since="2016-01-01", until="2017-12-31"), "Russia")
    check_png(agg(figure), figure)
    for patch in figure.axes[0].patches:
        ballot = Ballot(patch.get_gid().split(":")[1])
        assert to_hex(patch.get_facecolor()) == BALLOT_COLOURS[ballot].lower()


def test_ballots_by_year_for_a_member_without_ballots() -> None:
    pytest.importorskip("matplotlib")
    with pytest.raises(RecordQueryError, match="Brazil has no ballot among the votes given"):
        ballots_by_year(votes(since="2016-01-01", until="2016-12-31"), "Brazil")


@pytest.mark.parametrize(
    ("function", "feature"),
    [
        (lambda: agreement_heatmap(votes(since="2016-10-08", until="2016-10-08")), "agreement"),
        (lambda: ballots_by_year(votes(since="2016-01-01"), "Russia"), "ballots_by_year"),
    ],
)
def test_missing_matplotlib_names_the_plot_extra(
    monkeypatch: pytest.MonkeyPatch, function: Callable[[], object], feature: str
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'unsc-tracker\[plot\]'") as error:
        function()
    assert str(error.value).startswith(feature)
