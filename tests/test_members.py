"""Name lookup: every form a user or a UN record may use, and the error for the rest."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unsc_tracker as ut
from unsc_tracker.members import all_states, normalize_name


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RUS"),
        ("RUSSIAN FEDERATION", "RUS"),
        ("russian federation", "RUS"),
        ("UNITED KINGDOM", "GBR"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("UNITED STATES", "USA"),
        ("US", "USA"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("USSR", "SUN"),
        ("Union of Soviet Socialist Republics", "SUN"),
        ("Republic of China", "CHN"),
        ("Zaire", "COD"),
        ("Cote d'Ivoire", "CIV"),
        ("CÔTE D’IVOIRE", "CIV"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("Bolivarian Republic of Venezuela", "VEN"),
        ("the Netherlands", "NLD"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("RUS", "RUS"),
    ],
)
def test_english_forms(name: str, code: str) -> None:
    assert ut.member(name).code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # The Arabic report the project began from (Reuters, 5 Oct 2016) names these states so.
        ("روسيا", "RUS"),
        ("فرنسا", "FRA"),
        ("إسبانيا", "ESP"),
        ("اسبانيا", "ESP"),  # the same name written without the hamza
        ("الصين", "CHN"),
        ("الولايات المتحدة", "USA"),
        ("المملكة المتحدة", "GBR"),
        ("Россия", "RUS"),
        ("俄罗斯联邦", "RUS"),
        ("Russie", "RUS"),
        ("Rusia", "RUS"),
        ("Francia", "FRA"),
        ("Royaume-Uni", "GBR"),
        ("Espagne", "ESP"),
    ],
)
def test_other_un_languages(name: str, code: str) -> None:
    assert ut.member(name).code == code


def test_member_state_fields() -> None:
    russia = ut.member("Russia")
    assert russia.name == "Russian Federation"
    assert repr(russia) == "MemberState('RUS', 'Russian Federation')"
    assert ut.member(russia) is russia
    assert ut.member("USSR").successor_state() == russia
    assert russia.names_in("ar")
    assert russia.names_in("xx") == ()


def test_member_states_are_hashable_and_picklable() -> None:
    states = {ut.member("UK"), ut.member("United Kingdom"), ut.member("France")}
    assert len(states) == 2
    assert pickle.loads(pickle.dumps(ut.member("France"))) == ut.member("France")


def test_every_state_is_found_by_its_own_names() -> None:
    for state in all_states():
        for name in (state.code, state.name, *state.aliases):
            assert ut.member(name) is state, name
        for language in ("ar", "zh", "fr", "ru", "es"):
            for name in state.names_in(language):
                assert ut.member(name) is state, (language, name)


@given(
    st.sampled_from([s.name for s in all_states()]),
    st.sampled_from([str.upper, str.lower, str.title]),
)
def test_lookup_ignores_case(name: str, case: object) -> None:
    assert ut.member(case(name)) == ut.member(name)  # type: ignore[operator]


def test_normalize_name() -> None:
    assert normalize_name("  The   United-Kingdom ") == "united kingdom"
    assert normalize_name("Côte d’Ivoire") == "cote d ivoire"


def test_error_unknown_name_suggests_close_names() -> None:
    with pytest.raises(
        ut.UnknownMemberError,
        match=r"^unknown member state 'Rusia Federation'; did you mean 'Russian Federation'",
    ) as info:
        ut.member("Rusia Federation")
    assert "Russian Federation" in info.value.suggestions
    assert isinstance(info.value, LookupError)


def test_error_unknown_name_without_suggestion() -> None:
    with pytest.raises(ut.UnknownMemberError, match=r"^unknown member state 'Qwxz'$"):
        ut.member("Qwxz")


def test_error_not_a_string() -> None:
    with pytest.raises(TypeError, match="a member state is named by a string, not int: 643"):
        ut.member(643)  # type: ignore[arg-type]


def test_unknown_member_error_pickles() -> None:
    error = ut.UnknownMemberError("Narnia", ("Namibia",))
    assert str(pickle.loads(pickle.dumps(error))) == str(error)
