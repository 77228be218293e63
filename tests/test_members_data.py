"""The bundled member-state file keeps its rules: codes, names, aliases and translations."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

MEMBERS_JSON = Path(__file__).parents[1] / "unsc_tracker/data/members.json"
LANGUAGES = ("ar", "zh", "fr", "ru", "es")


@cache
def states() -> tuple[dict[str, Any], ...]:
    data = json.loads(MEMBERS_JSON.read_text(encoding="utf-8"))
    return tuple(data["states"])


def by_code(code: str) -> dict[str, Any]:
    return next(state for state in states() if state["code"] == code)


def normalise(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    unmarked = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unmarked.casefold()
    spaced = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in folded)
    return " ".join(spaced.split()).removeprefix("the ")


def owners() -> dict[str, set[str]]:
    """Normalised English name -> codes of the states it names."""
    found: dict[str, set[str]] = {}
    for state in states():
        for name in [state["name"], *state["aliases"]]:
            found.setdefault(normalise(name), set()).add(state["code"])
    return found


def test_193_current_and_5_former_states() -> None:
    assert len(states()) == 198
    assert {"SUN", "YUG", "CSK", "DDR", "YMD"} <= {state["code"] for state in states()}
    # Yugoslavia's membership has no single end date, so its "dissolved" is null.
    ended = {state["code"] for state in states() if state["dissolved"] is not None}
    assert ended == {"SUN", "CSK", "DDR", "YMD"}


def test_codes_are_unique_upper_case_alpha_3() -> None:
    codes = [state["code"] for state in states()]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch("[A-Z]{3}", code) for code in codes)
    assert codes == sorted(codes)


def test_no_name_or_alias_names_two_states() -> None:
    shared = {name: codes for name, codes in owners().items() if len(codes) > 1}
    assert shared == {}


def test_every_state_has_all_five_translations() -> None:
    for state in states():
        assert set(state["translations"]) == set(LANGUAGES), state["code"]
        for lang in LANGUAGES:
            names = state["translations"][lang]
            assert names, f"{state['code']} has no {lang} name"
            assert all(isinstance(name, str) and name.strip() for name in names)


def test_arabic_names_of_the_aleppo_report() -> None:
    expected = {
        "RUS": "روسيا",
        "FRA": "فرنسا",
        "ESP": "إسبانيا",
        "CHN": "الصين",
        "USA": "الولايات المتحدة",
        "GBR": "المملكة المتحدة",
    }
    for code, arabic in expected.items():
        assert arabic in by_code(code)["translations"]["ar"], code


def test_ussr_continued_by_russian_federation() -> None:
    ussr = by_code("SUN")
    assert ussr["successor"] == "RUS"
    assert ussr["dissolved"] == "1991-12-24"
    assert by_code("RUS")["successor"] is None


def test_successors_are_states_in_the_file() -> None:
    codes = {state["code"] for state in states()}
    for state in states():
        assert state["successor"] is None or state["successor"] in codes


def test_names_resolve_to_the_right_membership() -> None:
    index = owners()
    expected = {
        "Russia": "RUS",
        "USSR": "SUN",
        "UNITED KINGDOM": "GBR",
        "United States": "USA",
        "Republic of China": "CHN",
        "Zaire": "COD",
        "Congo": "COG",
        "Cote d'Ivoire": "CIV",
        "Czech Republic": "CZE",
        "Turkey": "TUR",
        "Netherlands": "NLD",
        "Democratic Yemen": "YMD",
        "Yemen": "YEM",
        "East Germany": "DDR",
        "Federal Republic of Germany": "DEU",
        "Venezuela (Bolivarian Republic of)": "VEN",
    }
    for name, code in expected.items():
        assert index.get(normalise(name)) == {code}, name


def test_taiwan_is_not_a_name_of_china() -> None:
    assert normalise("Taiwan") not in owners()
