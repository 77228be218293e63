"""The stage diagram as SVG (display/diagram.py): every stage and every move of the table, readable
sizes, the path of a draft marked, and the images in docs/figures drawn from the code."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from unsc_tracker.display.diagram import stage_diagram_svg
from unsc_tracker.lifecycle import END_STAGES, TRANSITIONS, Stage
from unsc_tracker.replay import replay_path
from unsc_tracker.scenarios import load_scenario

SVG = "{http://www.w3.org/2000/svg}"
FIGURES = Path(__file__).parents[1] / "docs" / "figures"
S_2016_846 = load_scenario("aleppo-2016").replay("S/2016/846")


def texts(svg: str) -> list[str]:
    return [node.text or "" for node in ET.fromstring(svg).iter(f"{SVG}text")]


def boxes(svg: str) -> dict[str, str]:
    """Stage -> the class of its box."""
    return {
        node.attrib["data-stage"]: node.attrib["class"]
        for node in ET.fromstring(svg).iter(f"{SVG}rect")
        if "data-stage" in node.attrib
    }


def test_every_stage_has_a_box() -> None:
    found = boxes(stage_diagram_svg())
    assert set(found) == {stage.value for stage in Stage}
    assert {s for s, kind in found.items() if kind == "ending"} == {s.value for s in END_STAGES}
    words = texts(stage_diagram_svg())
    for stage in Stage:
        assert stage.value.replace("_", " ") in words


def test_every_event_of_the_table_is_written() -> None:
    written = " ".join(texts(stage_diagram_svg()))
    for moves in TRANSITIONS.values():
        for kind in moves:
            assert kind.value.replace("_", " ") in written, kind


def test_every_move_between_stages_before_the_vote_is_drawn() -> None:
    # Each move between two stages before the vote is a straight arrow labelled with its events,
    # a lane labelled with them, or a loop written in the box.
    svg = stage_diagram_svg()
    written = texts(svg)
    for stage, moves in TRANSITIONS.items():
        for kind, targets in moves.items():
            for target in targets:
                word = kind.value.replace("_", " ")
                if target is stage:
                    assert any(t.startswith("↻ ") and word in t for t in written), (stage, kind)
                elif target not in END_STAGES and stage not in END_STAGES:
                    assert any(word in t.split(" / ") for t in written), (stage, kind, target)
    assert svg.count('marker-end="url(#arrow)"') >= 25


def test_text_is_readable_and_the_drawing_fits_a_page() -> None:
    root = ET.fromstring(stage_diagram_svg())
    sizes = [float(node.attrib["font-size"]) for node in root.iter(f"{SVG}text")]
    assert min(sizes) >= 12
    assert float(root.attrib["width"]) <= 800


def test_the_path_of_s_2016_846_is_marked() -> None:
    # S/2016/846: concept to the veto of 8 October 2016 (S/PV.7785).
    found = boxes(stage_diagram_svg(replay_path(S_2016_846)))
    assert found["vetoed"] == "current"
    assert {s for s, kind in found.items() if kind == "visited"} == {
        "concept", "zero_draft", "negotiation", "in_blue", "scheduled",
    }  # fmt: skip
    current = re.search(r'<rect class="current"[^>]*>', stage_diagram_svg(["concept"]))
    assert current is not None
    assert 'fill="#1d4ed8"' in current.group()


def test_the_current_stage_is_written_in_white_on_its_dark_fill() -> None:
    svg = stage_diagram_svg(["concept", "negotiation"])
    label = re.search(r'<text[^>]*fill="([^"]+)"[^>]*>negotiation</text>', svg)
    assert label is not None
    assert label.group(1) == "#ffffff"


def test_an_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="'limbo'"):
        stage_diagram_svg(["concept", "limbo"])


@pytest.mark.parametrize(
    ("name", "path"),
    [("stages.svg", None), ("aleppo-stages-s-2016-846.svg", replay_path(S_2016_846))],
)
def test_the_docs_images_are_drawn_from_the_code(name: str, path: list[Stage] | None) -> None:
    assert (FIGURES / name).read_text(encoding="utf-8") == stage_diagram_svg(path)
