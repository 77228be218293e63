"""The stages and the transition table drawn as an SVG image, top to bottom, readable at page width.

The Mermaid text of :func:`unsc_tracker.lifecycle.mermaid` needs a script to be drawn, and its
automatic layout of some forty transitions leaves labels a few pixels high. This drawing is laid
out for the shape the table has, and computed from it, so that it always shows the table the code
runs:

- the stages before the vote in one column, in the order of :class:`~unsc_tracker.lifecycle.Stage`,
  each move to the next stage a straight arrow with its events beside it, the events that leave a
  stage where it is written inside its box;
- moves that skip stages down the column run in lanes on the left, moves back up in lanes on the
  right, each lane carrying its events along it;
- a stage that most others can reach and that leads on to one stage at most (withdrawn, not put
  to vote) is a tall box at a side, which each such stage joins with a short arrow; what leads
  out of it (``revived``) is an arrow back;
- the ends (adopted, vetoed, failed) in a row at the bottom.

With a ``path`` (the stages a draft went through, as :func:`~unsc_tracker.replay.replay_path`
gives them), the stages on it are tinted and its last stage is filled, its name in white.

>>> svg = stage_diagram_svg()
>>> svg.startswith("<svg") and svg.count("<rect") > 12
True
>>> 'class="current"' in stage_diagram_svg(["concept", "negotiation", "in_blue", "scheduled", "vetoed"])
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from ..lifecycle import END_STAGES, START, TRANSITIONS, Stage

__all__ = ["stage_diagram_svg"]

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
W, H, PITCH = 220, 50, 96  # main boxes: width, height; rows: distance between tops
SIDE_W, END_W, END_GAP = 150, 150, 20  # side boxes, bottom end boxes and the gap between them
LANE = 26  # distance between lanes
INK, LINE, MUTED = "#111827", "#4b5563", "#6b7280"
FILL = {"plain": "#ffffff", "ending": "#f3f4f6", "visited": "#dbeafe", "current": "#1d4ed8"}
STROKE = {"plain": "#374151", "ending": "#6b7280", "visited": "#1d4ed8", "current": "#1e3a8a"}
SIDE_NOTES = {Stage.WITHDRAWN: ("not an end: a seconder", "may require a vote", "(rule 35)")}


def _words(text: str) -> str:
    return text.replace("_", " ")


def _width(text: str, size: float) -> float:
    """A generous estimate of the width of ``text`` in the sans-serif font at ``size`` pixels."""
    return 0.58 * size * len(text)


def _wrapped(units: list[str], width: float, size: float = 12) -> list[str]:
    """``units`` (kept whole) joined by ", " into lines that fit ``width`` pixels."""
    lines: list[str] = []
    for unit in units:
        if lines and _width(f"{lines[-1]}, {unit}", size) <= width:
            lines[-1] += f", {unit}"
        else:
            lines[-1:] = [f"{lines[-1]},", unit] if lines else [unit]
    return lines


@dataclass
class _Box:
    x: float
    y: float
    w: float
    h: float
    ports: dict[str, list[str]] = field(default_factory=lambda: {"left": [], "right": []})

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    def port(self, side: str, key: str) -> float:
        """The height at which connection ``key`` meets this side, ports spread evenly."""
        keys = self.ports[side]
        index = keys.index(key)
        return self.y + self.h * (index + 1) / (len(keys) + 1)


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def line(self, points: list[tuple[float, float]], *, arrow: bool = True) -> None:
        d = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        end = ' marker-end="url(#arrow)"' if arrow else ""
        self.parts.append(f'<polyline points="{d}" fill="none" stroke="{LINE}"{end}/>')

    def dot(self, x: float, y: float) -> None:
        self.parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{LINE}"/>')

    def text(
        self,
        x: float,
        y: float,
        words: str,
        *,
        size: float = 13,
        anchor: str = "start",
        weight: str = "normal",
        colour: str = INK,
        rotate: bool = False,
        halo: bool = True,
        css: str = "",
    ) -> None:
        turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
        glow = ' stroke="#ffffff" stroke-width="4" paint-order="stroke"' if halo else ""
        cls = f' class="{css}"' if css else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{colour}"{glow}{turn}{cls}>{escape(words)}</text>'
        )

    def box(self, box: _Box, kind: str, stage: Stage) -> None:
        self.parts.append(
            f'<rect class="{kind}" data-stage="{stage.value}" x="{box.x:.1f}" y="{box.y:.1f}" '
            f'width="{box.w:.1f}" height="{box.h:.1f}" rx="8" fill="{FILL[kind]}" '
            f'stroke="{STROKE[kind]}" stroke-width="{3 if kind == "current" else 1.5}"/>'
        )


def _edge(box: _Box, side: str) -> float:
    return box.x if side == "left" else box.x + box.w


def _moves() -> dict[tuple[Stage, Stage], list[str]]:
    """(from, to) -> the events that make that move, in the table's order."""
    found: dict[tuple[Stage, Stage], list[str]] = {}
    for stage, moves in TRANSITIONS.items():
        for kind, targets in moves.items():
            for target in targets:
                found.setdefault((stage, target), []).append(_words(kind.value))
    return found


def stage_diagram_svg(path: Iterable[Stage | str] | None = None) -> str:
    """The stages and every transition of :data:`~unsc_tracker.lifecycle.TRANSITIONS` as an SVG
    document (text), laid out top to bottom; the stages of ``path`` marked as visited and its last
    stage as current. Raises ``ValueError`` for a word in ``path`` that is not a stage."""
    stages = [Stage(stage) for stage in path] if path is not None else []
    visited, current = set(stages), stages[-1] if stages else None
    moves = _moves()
    # Side boxes: stages most others can reach and that lead on to one stage at most (withdrawn,
    # not put to vote); the column: the other stages before the end; the bottom row: the ends.
    came_from = {stage: {s for (s, t) in moves if t is stage and s is not stage} for stage in Stage}
    onward = {stage: {t for (s, t) in moves if s is stage and t is not stage} for stage in Stage}
    sides = [s for s in Stage if len(came_from[s]) >= 3 and len(onward[s]) <= 1 and s is not START]
    if len(sides) > 2:
        raise ValueError(f"the layout has room for two side boxes, not {len(sides)}")
    main = [stage for stage in Stage if stage not in END_STAGES and stage not in sides]
    row = {stage: index for index, stage in enumerate(main)}
    reached = {stage: {s for s in came_from[stage] if s in row} for stage in sides}
    bottom = [stage for stage in Stage if stage in END_STAGES and stage not in sides]
    right_side, left_side = [*sides, None, None][:2]

    # Lanes: moves that skip down the column (left) or go back up (right), one per target and
    # events; nearer lanes for shorter spans.
    lanes: dict[str, list[tuple[Stage, str, list[Stage]]]] = {"left": [], "right": []}
    straight: dict[Stage, str] = {}
    loops: dict[Stage, str] = {}
    for (source, target), events in moves.items():
        label = " / ".join(events)
        if source is target:
            loops[source] = label
        elif source in row and target in row:
            if row[target] == row[source] + 1:
                straight[source] = label
            else:
                side = "left" if row[target] > row[source] else "right"
                lane = next((lane for lane in lanes[side] if lane[:2] == (target, label)), None)
                if lane is None:
                    lanes[side].append((target, label, [source]))
                else:
                    lane[2].append(source)
    for side in lanes:
        lanes[side].sort(key=lambda lane: max(abs(row[lane[0]] - row[s]) for s in lane[2]))

    left_w = (SIDE_W + 40 if left_side else 0) + 30 + LANE * len(lanes["left"])
    x0, top = 20 + left_w, 70
    boxes = {stage: _Box(x0, top + row[stage] * PITCH, W, H) for stage in main}
    right_x = x0 + W + 30 + LANE * len(lanes["right"])
    span = {side: sorted(reached[side], key=row.__getitem__) for side in sides}
    for stage in sides:
        first_row, last_row = row[span[stage][0]], row[span[stage][-1]]
        side_x = right_x + 10 if stage is right_side else 20
        boxes[stage] = _Box(
            side_x, top + first_row * PITCH, SIDE_W, (last_row - first_row) * PITCH + H
        )
    bottom_w = len(bottom) * END_W + (len(bottom) - 1) * END_GAP
    bottom_y = top + len(main) * PITCH + 40
    for index, stage in enumerate(bottom):
        x = x0 + W / 2 - bottom_w / 2 + index * (END_W + END_GAP)
        boxes[stage] = _Box(x, bottom_y, END_W, H)

    # Ports: where each connection meets the sides of the main boxes.
    for side in ("left", "right"):
        for target, label, sources in lanes[side]:
            boxes[target].ports[side].append(f"in {label}")
            for source in sources:
                boxes[source].ports[side].append(f"out {label} {target.value}")
    for stage in sides:
        side = "right" if stage is right_side else "left"
        for source in span[stage]:
            boxes[source].ports[side].append(f"to {stage.value}")
        for (source, target), _ in moves.items():
            if source is stage and target in row:
                boxes[target].ports[side].append(f"from {stage.value}")

    canvas = _Canvas()
    # the start
    start = boxes[START]
    canvas.parts.append(f'<circle cx="{start.cx:.1f}" cy="{top - 40}" r="8" fill="{INK}"/>')
    canvas.line([(start.cx, top - 32), (start.cx, start.y)])
    # straight moves down the column
    for source, label in straight.items():
        a, b = boxes[source], boxes[main[row[source] + 1]]
        canvas.line([(a.cx, a.y + a.h), (b.cx, b.y)])
        canvas.text(a.cx + 8, (a.y + a.h + b.y) / 2 + 4, label)
    # lanes
    for side in ("left", "right"):
        for index, (target, label, sources) in enumerate(lanes[side]):
            x = x0 - 30 - LANE * index if side == "left" else x0 + W + 30 + LANE * index
            goal = boxes[target]
            ys = [goal.port(side, f"in {label}")]
            for source in sources:
                y = boxes[source].port(side, f"out {label} {target.value}")
                ys.append(y)
                canvas.line([(_edge(boxes[source], side), y), (x, y)], arrow=False)
                canvas.dot(x, y)
            canvas.line([(x, min(ys)), (x, max(ys))], arrow=False)
            canvas.line([(x, ys[0]), (_edge(goal, side), ys[0])])
            middle = (min(ys) + max(ys)) / 2 + _width(label, 12) / 2
            canvas.text(x - 5 if side == "left" else x + 14, middle, label, size=12, rotate=True)
    # side ends
    for stage in sides:
        box, side = boxes[stage], "right" if stage is right_side else "left"
        events = sorted({e for (s, t), found in moves.items() if t is stage for e in found})
        for source in span[stage]:
            y = boxes[source].port(side, f"to {stage.value}")
            start_x = boxes[source].x + W if side == "right" else boxes[source].x
            end_x = box.x if side == "right" else box.x + box.w
            canvas.line([(start_x, y), (end_x, y)])
        for (source, target), found in moves.items():
            if source is stage and target in row:
                y = boxes[target].port(side, f"from {stage.value}")
                begin = box.x if side == "right" else box.x + box.w
                end = boxes[target].x + W if side == "right" else boxes[target].x
                canvas.line([(begin, y), (end, y)])
                canvas.text((begin + end) / 2, y - 5, " / ".join(found), size=12, anchor="middle")
    # the vote: from the stages before it to the ends at the bottom
    for source in main:
        ends = [stage for stage in bottom if (source, stage) in moves]
        if not ends:
            continue
        origin = boxes[source]
        held = sorted({e for stage in ends for e in moves[(source, stage)]})
        for stage in ends:
            canvas.line([(origin.cx, origin.y + origin.h), (boxes[stage].cx, boxes[stage].y)])
        middle = (origin.y + origin.h + bottom_y) / 2 + 4
        canvas.text(origin.cx, middle, " / ".join(held), anchor="middle")

    # the boxes and their words, drawn over the lines
    for stage, box in boxes.items():
        kind = (
            "current"
            if stage is current
            else "visited"
            if stage in visited
            else "ending"
            if stage in END_STAGES
            else "plain"
        )
        canvas.box(box, kind, stage)
        colour = "#ffffff" if kind == "current" else INK
        lines = [_words(stage.value)]
        if stage in sides:
            events = sorted({e for (s, t), found in moves.items() if t is stage for e in found})
            units = [f"on: {events[0]}", *events[1:]]
            notes = [*_wrapped(units, box.w - 16), *SIDE_NOTES.get(stage, ())]
            y = box.y + box.h / 2 - 8 * len(notes)
            canvas.text(box.cx, y, lines[0], size=15, anchor="middle", weight="bold",
                        colour=colour, halo=False)  # fmt: skip
            for index, note in enumerate(notes):
                canvas.text(box.cx, y + 20 + 16 * index, note, size=12, anchor="middle",
                            colour="#ffffff" if kind == "current" else MUTED, halo=False)  # fmt: skip
            continue
        middle = box.y + box.h / 2 + (0 if stage in loops else 5)
        canvas.text(box.cx, middle, lines[0], size=15, anchor="middle", weight="bold",
                    colour=colour, halo=False)  # fmt: skip
        if stage in loops:
            canvas.text(box.cx, middle + 16, f"↻ {loops[stage]}", size=12, anchor="middle",
                        colour="#ffffff" if kind == "current" else MUTED, halo=False)  # fmt: skip

    width = max(box.x + box.w for box in boxes.values()) + 20
    height = bottom_y + H + (50 if stages else 20)
    if stages:
        legend_y = bottom_y + H + 30
        for index, (kind, words) in enumerate((("visited", "on the draft's path"),
                                               ("current", "where it stands"))):  # fmt: skip
            x = 20 + index * 200
            canvas.parts.append(
                f'<rect x="{x}" y="{legend_y - 12}" width="16" height="16" rx="3" '
                f'fill="{FILL[kind]}" stroke="{STROKE[kind]}"/>'
            )
            canvas.text(x + 24, legend_y + 1, words, size=12)
    title = "Stages of a draft resolution and the events that move it"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{title}" '
        f'font-family="{escape(FONT)}">'
        f"<title>{title}</title>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        f'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{LINE}"/></marker></defs>'
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(canvas.parts) + "</svg>\n"
    )
