"""How the library's objects show themselves in a notebook, and why a vote came out as it did.

This package sits above every model, and no model imports it. The models word their own
``repr`` and ``str`` (with :mod:`unsc_tracker.wording`) and ask :mod:`unsc_tracker.views` for
their HTML; importing this package fills that registry (``@views.register(Model)``), one module
per family of models: :mod:`~unsc_tracker.display.votes` (the Council, votes, results, the veto
record), :mod:`~unsc_tracker.display.drafts` (drafts, snapshots, replays, scenarios) and
:mod:`~unsc_tracker.display.folder` (a folder of AKN4UN files) and
:mod:`~unsc_tracker.display.record` (the vote record: a vote, and the votes a query returns). The package names this one as
the registry's loader, so it is imported on the first ``_repr_html_``, not with the package.

All views share one scoped stylesheet and the escaping of :mod:`~unsc_tracker.display.markup`:
text cells left-aligned under JupyterLab's and the classic Notebook's own stylesheets, dates
that do not wrap, sources with their addresses as links. The Mermaid diagrams are drawn by the
lifecycle itself (:func:`unsc_tracker.lifecycle.mermaid`, :meth:`Replay.to_mermaid
<unsc_tracker.replay.Replay.to_mermaid>`); the same table as an SVG image, laid out top to bottom, is
:func:`stage_diagram_svg` (module :mod:`~unsc_tracker.display.diagram`).

>>> from datetime import date
>>> from unsc_tracker import tally
>>> result = tally({"Russia": "no", "Venezuela": "no", "Angola": "abstain", "China": "abstain",
...                 "France": "yes", "UK": "yes", "US": "yes", "Egypt": "yes", "Japan": "yes",
...                 "Malaysia": "yes", "New Zealand": "yes", "Senegal": "yes", "Spain": "yes",
...                 "Ukraine": "yes", "Uruguay": "yes"}, on=date(2016, 10, 8))
>>> result
<VoteResult vetoed by Russian Federation (11-2-2) on 2016-10-08>
>>> explain(result)
'11 in favour ≥ 9 required; the Russian Federation, a permanent member, voted no: vetoed'
"""

from __future__ import annotations

from ..lifecycle import mermaid
from ..replay import replay_path
from .diagram import stage_diagram_svg
from .drafts import draft_html, replay_html, scenario_html, snapshot_html
from .folder import folder_report_html
from .markup import STYLE, source_html
from .record import vote_html, votes_html
from .votes import council_html, veto_html, vetoes_html, vote_record_html, vote_result_html
from .why import explain

__all__ = [
    "STYLE",
    "council_html",
    "draft_html",
    "explain",
    "folder_report_html",
    "mermaid",
    "replay_html",
    "replay_path",
    "scenario_html",
    "snapshot_html",
    "source_html",
    "stage_diagram_svg",
    "veto_html",
    "vetoes_html",
    "vote_html",
    "vote_record_html",
    "vote_result_html",
    "votes_html",
]
