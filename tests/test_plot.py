"""Figures (``unsc_tracker.plot``): rendered to PNG with the Agg canvas, and checked element by
element; and, without matplotlib, a clear error naming the ``plot`` extra."""

from __future__ import annotations

import importlib.util
import io
import struct
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import unsc_tracker as ut
from unsc_tracker.drafts import DraftResolution, Sponsorship
from unsc_tracker.errors import BallotError, DateOutOfRecordError, MissingExtraError, VetoQueryError
from unsc_tracker.events import Circulated, PositionStated, Withdrawn
from unsc_tracker.history import vetoes
from unsc_tracker.plot import timeline, vetoes_by_year, vote_chart
from unsc_tracker.replay import Replay
from unsc_tracker.scenarios import load_scenario
from unsc_tracker.voting import Ballot, VoteResult, tally

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def agg() -> Callable[[Any], bytes]:
    """Render a figure to PNG bytes with the Agg canvas; skips when matplotlib is missing."""
    backend = pytest.importorskip("matplotlib.backends.backend_agg")

    def render(figure: Any) -> bytes:
        buffer = io.BytesIO()
        backend.FigureCanvasAgg(figure).print_png(buffer)
        return buffer.getvalue()

    return render


def check_png(data: bytes, figure: Any) -> None:
    """PNG magic bytes, and the pixel size the figure asks for."""
    assert data[:8] == PNG_MAGIC
    width, height = struct.unpack(">II", data[16:24])  # IHDR, the first chunk
    expected = figure.get_size_inches() * figure.dpi
    assert (width, height) == (round(expected[0]), round(expected[1]))
    assert len(data) > 10_000


def aleppo_result(symbol: str) -> VoteResult:
    result = load_scenario("aleppo-2016").replay(symbol).final.result
    assert result is not None
    return result


def member_bars(figure: Any) -> dict[str, Any]:
    return {
        patch.get_gid().removeprefix("member:"): patch
        for patch in figure.axes[0].patches
        if (patch.get_gid() or "").startswith("member:")
    }


def legend_labels(legend: Any) -> list[str]:
    return [text.get_text() for text in legend.get_texts()]


def texts(figure: Any) -> list[str]:
    from matplotlib.text import Text

    return [text.get_text() for text in figure.findobj(Text)]


# --- vote_chart ------------------------------------------------------------------------------


def test_vote_chart_s_2016_846_vetoed_by_russia(agg: Callable[[Any], bytes]) -> None:
    # S/PV.7785, 8 October 2016: 11-2-2, vetoed by the Russian Federation.
    figure = vote_chart(aleppo_result("S/2016/846"), title="S/2016/846")
    check_png(agg(figure), figure)
    assert "S/2016/846" in texts(figure)  # the title
    bars = member_bars(figure)
    assert len(bars) == 15
    hatched = {code for code, bar in bars.items() if bar.get_hatch()}
    assert hatched == {"RUS"}
    assert legend_labels(figure.legends[0]) == ["yes", "no", "abstain", "veto"]
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert labels[:2] == ["Permanent members", "People's Republic of China"]
    assert "Elected members" in labels
    assert "Venezuela (Bolivarian Republic of)" in labels
    assert "9 yes needed" in texts(figure)
    counts = {patch.get_height() for patch in figure.axes[1].patches}
    assert counts == {11, 2}


def test_vote_chart_s_2016_847_failed_with_no_veto(agg: Callable[[Any], bytes]) -> None:
    # S/PV.7785: 4-9-2; France, the UK and the US voted no below the threshold, no veto.
    result = aleppo_result("S/2016/847")
    figure = vote_chart(result)
    check_png(agg(figure), figure)
    # the default title: a bare result knows no symbol, and says so
    assert f"Vote (symbol not given), 8 October 2016: {result}" in texts(figure)
    bars = member_bars(figure)
    assert len(bars) == 15
    assert not any(bar.get_hatch() for bar in bars.values())
    assert "veto" not in legend_labels(figure.legends[0])
    assert not any("(veto)" in text for text in texts(figure))


def test_vote_chart_titles_of_two_drafts_voted_the_same_day_name_them(
    agg: Callable[[Any], bytes],
) -> None:
    # S/2016/846 and S/2016/847 were both put to the vote at S/PV.7785 on 8 October 2016.
    scenario = load_scenario("aleppo-2016")
    titles = []
    for symbol in ("S/2016/846", "S/2016/847"):
        figure = vote_chart(scenario.replay(symbol))
        check_png(agg(figure), figure)
        titles.append(figure.texts[0].get_text())
    assert titles == [
        "S/2016/846, 8 October 2016 (S/PV.7785): vetoed by Russian Federation (11-2-2)",
        "S/2016/847, 8 October 2016 (S/PV.7785): failed: 4 in favour, 9 required (4-9-2)",
    ]
    record = ut.votes(agenda="Aleppo", kind="draft")[0]
    figure = vote_chart(record)
    assert figure.texts[0].get_text().startswith(f"{record.symbol}, 8 October 2016")
    given = vote_chart(aleppo_result("S/2016/846"), symbol="S/2016/846", meeting="S/PV.7785")
    assert given.texts[0].get_text() == titles[0]


def test_vote_chart_refuses_what_is_no_vote() -> None:
    pytest.importorskip("matplotlib")
    with pytest.raises(TypeError, match="not Snapshot"):
        vote_chart(load_scenario("aleppo-2016").replay("S/2016/846").final)  # type: ignore[arg-type]


def test_vote_chart_1950_eleven_members_names_of_the_time(agg: Callable[[Any], bytes]) -> None:
    # Resolution 83 (1950), 27 June 1950: 7-1-0, the USSR absent, Egypt and India not voting.
    result = tally(
        {
            "US": "yes",
            "UK": "yes",
            "France": "yes",
            "Republic of China": "yes",
            "Cuba": "yes",
            "Ecuador": "yes",
            "Norway": "yes",
            "Yugoslavia": "no",
            "Egypt": "not_voting",
            "India": "not_voting",
            "USSR": "absent",
        },
        on=date(1950, 6, 27),
    )
    figure = vote_chart(result)
    check_png(agg(figure), figure)
    assert len(member_bars(figure)) == 11
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert "Republic of China" in labels
    assert "Union of Soviet Socialist Republics" in labels
    assert legend_labels(figure.legends[0]) == ["yes", "no", "absent", "not voting"]
    assert "7 yes needed" in texts(figure)


def test_vote_chart_needs_ballots() -> None:
    result = replace(aleppo_result("S/2016/846"), ballots={})
    with pytest.raises(BallotError, match=r"2016-10-08 \(11-2-2\) carries no ballots"):
        vote_chart(result)


def test_vote_chart_ballots_must_match_counts() -> None:
    result = replace(aleppo_result("S/2016/846"), yes=10, abstain=3)
    with pytest.raises(BallotError, match="add up to 11-2-2, not to its counts 10-2-3"):
        vote_chart(result)


def test_vote_chart_ballot_from_a_state_not_on_the_council() -> None:
    base = aleppo_result("S/2016/846")
    result = replace(base, ballots={**base.ballots, "DEU": Ballot.YES})
    with pytest.raises(BallotError, match="ballots from Germany, not members"):
        vote_chart(result)


# --- timeline --------------------------------------------------------------------------------


def test_timeline_s_2016_846(agg: Callable[[Any], bytes]) -> None:
    replay = load_scenario("aleppo-2016").replay("S/2016/846")
    figure = timeline(replay)
    check_png(agg(figure), figure)
    events, expected = figure.axes
    assert events.get_title(loc="left") == "S/2016/846"
    labels = legend_labels(figure.legends[0])
    stages = ["concept", "zero draft", "negotiation", "in blue", "scheduled", "vetoed"]
    assert labels[: len(stages)] == stages
    assert {"stage change", "position: oppose", "position: support", "vote"} <= set(labels)
    marks = Counter(line.get_gid() for line in events.get_lines())
    kinds = Counter(snapshot.event.kind for snapshot in replay)
    assert marks["vote"] == 1
    assert marks["position"] == kinds["position_stated"]
    # each position dot says which member stated it, by ISO code, at the dot
    dots = [line for line in events.get_lines() if line.get_gid() == "position"]
    labels_at = {
        (round(float(t.xy[0]), 6), t.get_text())
        for t in events.texts
        if (t.get_gid() or "").startswith("position:")
    }
    stated = [s for s in replay if s.event.kind == "position_stated"]
    assert len(labels_at) == len(stated) == len(dots)
    assert {text for _, text in labels_at} == {"RUS", "FRA"}
    for dot in dots:
        x = round(float(dot.get_xdata()[0]), 6)
        assert any(at == x for at, _ in labels_at), x
    assert marks["stage"] == len(stages) - 2  # the first stage has no change; the vote is a star
    assert len(events.patches) == len(stages)  # one band per stage span
    assert "vetoed by Russian Federation (11-2-2)" in texts(figure)
    said = [t.get_text() for t in expected.texts if t.get_gid() == "expected-label"]
    assert said == [
        "open: 8 more needed",
        "expected: vetoed by Russian Federation",
        "vote: 11 in favour, 9 needed",
    ]


def test_timeline_s_2016_847_failed(agg: Callable[[Any], bytes]) -> None:
    figure = timeline(load_scenario("aleppo-2016").replay("S/2016/847"))
    check_png(agg(figure), figure)
    assert figure.axes[0].get_title(loc="left") == "S/2016/847"
    labels = legend_labels(figure.legends[0])
    assert "failed" in labels
    assert "vetoed" not in labels
    assert "failed: 4 in favour, 9 required (4-9-2)" in texts(figure)


def test_timeline_of_a_withdrawn_draft_over_months(agg: Callable[[Any], bytes]) -> None:
    draft = DraftResolution(symbol="S/2022/720", sponsors=[Sponsorship(member="France")])
    replay = Replay.from_events(
        draft,
        [
            Circulated(kind="circulated", date="2021-11-03", audience="all15"),
            PositionStated(
                kind="position_stated", date="2022-02-01", member="China", stance="abstain"
            ),
            Withdrawn(kind="withdrawn", date="2022-03-15"),
        ],
    )
    figure = timeline(replay)
    check_png(agg(figure), figure)
    events = figure.axes[0]
    marks = Counter(line.get_gid() for line in events.get_lines())
    assert marks == {"stage": 2, "position": 1}  # circulation and withdrawal change the stage
    assert legend_labels(figure.legends[0]) == [
        "negotiation",
        "withdrawn",
        "stage change",
        "position: abstain",
    ]
    left, right = events.get_xlim()
    assert left < 0.5 < 132.5 < right  # the marks at both ends are inside the axes


def test_timeline_of_an_empty_replay() -> None:
    draft = DraftResolution(symbol="S/2016/846")
    with pytest.raises(DateOutOfRecordError, match="S/2016/846: no events"):
        timeline(Replay(draft, []))


# --- vetoes_by_year --------------------------------------------------------------------------


def test_vetoes_by_year_all_records(agg: Callable[[Any], bytes]) -> None:
    records = vetoes()
    figure = vetoes_by_year()
    check_png(agg(figure), figure)
    (axes,) = figure.axes
    first, last = records[0].date.year, records[-1].date.year
    assert axes.get_title(loc="left") == f"Vetoes per year by permanent member, {first}\u2013{last}"
    expected: Counter[int] = Counter()
    for veto in records:
        expected[veto.date.year] += len(set(veto.vetoed_by))  # once per text per vetoer
    drawn: Counter[int] = Counter()
    for patch in axes.patches:
        drawn[round(patch.get_x() + patch.get_width() / 2)] += round(patch.get_height())
    assert drawn == expected
    assert all(patch.get_height() > 0 for patch in axes.patches)
    labels = legend_labels(axes.get_legend())
    assert "Union of Soviet Socialist Republics / Russian Federation" in labels
    assert len(labels) == 5
    colours = {tuple(container.patches[0].get_facecolor()) for container in axes.containers}
    assert len(colours) == 5  # one colour per seat


def test_vetoes_by_year_counts_a_joint_veto_once_per_member(
    agg: Callable[[Any], bytes],
) -> None:
    # S/2011/612, 4 October 2011: vetoed by China and the Russian Federation together.
    records = vetoes(since="2011-01-01", until="2011-12-31")
    figure = vetoes_by_year(records)
    check_png(agg(figure), figure)
    (axes,) = figure.axes
    heights = {
        patch.get_gid() or container.get_label(): [p.get_height() for p in container.patches]
        for container in axes.containers
        for patch in container.patches[:1]
    }
    assert heights == {"seat:CHN": [1], "seat:RUS": [1], "seat:USA": [1]}
    assert axes.get_title(loc="left").endswith(", 2011")


def test_vetoes_by_year_with_no_records() -> None:
    with pytest.raises(VetoQueryError, match="no veto records to plot"):
        vetoes_by_year(())


# --- the docs' figures ---------------------------------------------------------------------------


def load_render_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_figures", ROOT / "scripts" / "render_figures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_render_figures_main(tmp_path: Path, agg: Callable[[Any], bytes]) -> None:
    written = load_render_script().main(tmp_path / "figures")
    assert [path.name for path in written] == [
        "aleppo-vote-s-2016-846.png",
        "aleppo-timeline-s-2016-846.png",
        "vetoes-by-year.png",
        "agreement-2023.png",
        "ballots-by-year-permanent.png",
    ]
    for path in written:
        assert path.read_bytes()[:8] == PNG_MAGIC


# --- without matplotlib ----------------------------------------------------------------------


def test_importing_plot_draws_nothing_and_needs_no_matplotlib() -> None:
    code = (
        "import sys\n"
        "import unsc_tracker.plot\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'matplotlib'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("function", "feature"),
    [
        (lambda: vote_chart(aleppo_result("S/2016/846")), "vote_chart"),
        (lambda: timeline(load_scenario("aleppo-2016").replay("S/2016/846")), "timeline"),
        (lambda: vetoes_by_year(), "vetoes_by_year"),
    ],
)
def test_missing_matplotlib_names_the_plot_extra(
    monkeypatch: pytest.MonkeyPatch, function: Callable[[], object], feature: str
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'unsc-tracker\[plot\]'") as error:
        function()
    assert error.value.extra == "plot"
    assert str(error.value).startswith(f"{feature} needs matplotlib")
