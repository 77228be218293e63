"""Render the documentation's figures into ``docs/figures`` (or the directory given).

Run by hand (``python scripts/render_figures.py [OUT_DIR]``), or from the docs build, which
imports this file and calls :func:`main`. Needs the ``plot`` extra (matplotlib).

- ``aleppo-vote-s-2016-846.png``: the vote on S/2016/846, 8 October 2016 (S/PV.7785), from the
  bundled ``aleppo-2016`` scenario;
- ``aleppo-timeline-s-2016-846.png``: that draft's life, from its first record to the vote;
- ``vetoes-by-year.png``: every bundled veto record, per year and permanent seat;
- ``agreement-2023.png``: how often each pair of the fifteen members of 2023 voted alike, from
  the bundled vote record (needs pandas too);
- ``ballots-by-year-permanent.png``: the five permanent members' ballots year by year since
  2000, from the bundled vote record.
"""

from __future__ import annotations

import sys
from pathlib import Path

from unsc_tracker.history import vetoes
from unsc_tracker.plot import (
    agreement_heatmap,
    ballots_by_year,
    timeline,
    vetoes_by_year,
    vote_chart,
)
from unsc_tracker.record import votes
from unsc_tracker.scenarios import load_scenario

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "figures"
DRAFT = "S/2016/846"


def main(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    """Write the figures into ``out_dir`` (created if missing); return their paths."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    replay = load_scenario("aleppo-2016").replay(DRAFT)
    result = replay.final.result
    if result is None:
        raise RuntimeError(f"the bundled aleppo-2016 scenario holds no vote on {DRAFT}")
    figures = {
        "aleppo-vote-s-2016-846.png": vote_chart(replay),
        "aleppo-timeline-s-2016-846.png": timeline(replay),
        "vetoes-by-year.png": vetoes_by_year(vetoes()),
        "agreement-2023.png": agreement_heatmap(
            votes(since="2023-01-01", until="2023-12-31"),
            title="Voting coincidence of the Council of 2023: identical ballots, per cent",
        ),
        "ballots-by-year-permanent.png": ballots_by_year(
            votes(since="2000-01-01"),
            ["China", "France", "Russian Federation", "United Kingdom", "United States"],
            title="The permanent members' ballots on record, year by year since 2000",
        ),
    }
    written = []
    for name, figure in figures.items():
        path = out_dir / name
        FigureCanvasAgg(figure)
        # Fixed metadata, so an unchanged figure renders to the same bytes.
        figure.savefig(path, dpi=110, metadata={"Software": None})
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT):
        print(path)
