"""The registry of notebook views (views.py): lookup by class, the fallback, the lazy display layer."""

from __future__ import annotations

import subprocess
import sys

from unsc_tracker import views
from unsc_tracker.scenarios import load_scenario


class _Unshown:
    def __repr__(self) -> str:
        return "<Unshown <b>bold</b> & more>"


def test_an_object_without_a_view_has_no_html_and_an_escaped_fallback() -> None:
    assert views.html(_Unshown()) is None
    assert (
        views.fallback(_Unshown())
        == "<pre>&lt;Unshown &lt;b&gt;bold&lt;/b&gt; &amp; more&gt;</pre>"
    )


def test_a_subclass_is_shown_by_its_base_class_view() -> None:
    # ScenarioDraft has no view of its own: the DraftResolution view serves it.
    draft = load_scenario("aleppo-2016").draft("S/2016/846")
    page = draft._repr_html_()
    assert page.startswith('<div class="unsc-tracker ut-draft">')
    assert "S/2016/846" in page


def test_a_registered_view_is_found_for_instances_of_its_class() -> None:
    class Shown:
        pass

    @views.register(Shown)
    def shown_html(_: Shown) -> str:
        return "<p>shown</p>"

    assert views.html(Shown()) == "<p>shown</p>"


def test_display_layer_loads_on_the_first_html_not_on_import() -> None:
    probe = (
        "import sys\n"
        "import unsc_tracker as ut\n"
        "assert 'unsc_tracker.display' not in sys.modules\n"
        "seated = ut.council(on='2016-10-08')\n"
        "text = repr(seated) + str(seated)\n"
        "assert 'unsc_tracker.display' not in sys.modules, 'repr and str need no display layer'\n"
        "page = seated._repr_html_()\n"
        "assert 'unsc_tracker.display' in sys.modules\n"
        "assert page.startswith('<div class=\"unsc-tracker ut-council\">')\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "ok"
