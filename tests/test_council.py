"""Council composition by date, against the bundled, sourced record."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import pytest

import unsc_tracker as ut
from unsc_tracker.council import FIRST_MEETING, RECORD_END


def codes(states: tuple[ut.MemberState, ...]) -> list[str]:
    return [state.code for state in states]


def test_council_of_the_aleppo_vote() -> None:
    # PROCEDURE.md C8; presidency from presidency.csv (October 2016: Russian Federation).
    c = ut.council(on=date(2016, 10, 8))
    assert c.size == 15
    assert c.threshold == 9
    assert codes(c.permanent) == ["CHN", "FRA", "RUS", "GBR", "USA"]
    assert sorted(codes(c.elected)) == sorted(
        ["AGO", "MYS", "NZL", "ESP", "VEN", "EGY", "JPN", "SEN", "UKR", "URY"]
    )
    assert c.president == ut.member("Russian Federation")
    assert c.president_source is not None
    assert "http" in c.president_source
    assert ut.member("Spain") in c
    assert "Germany" not in c


def test_presidency_2016_follows_the_bundled_table() -> None:
    presidents = [str(ut.council(on=date(2016, month, 15)).president) for month in range(1, 13)]
    assert presidents[8:] == ["New Zealand", "Russian Federation", "Senegal", "Spain"]


def test_eleven_members_before_1966_fifteen_after() -> None:
    assert ut.council(on="1965-12-31").size == 11
    assert ut.council(on="1966-01-01").size == 15
    assert ut.council(on="1965-12-31").threshold == 7
    assert ut.council(on="1966-01-01").threshold == 9


def test_china_seat_changes_government_on_25_october_1971() -> None:
    # GA res. 2758 (XXVI): same seat, same member, another government (C2, E14).
    before, after = ut.council(on="1971-10-24"), ut.council(on="1971-10-25")
    assert ut.member("China") in before
    assert ut.member("China") in after
    assert before.name_then("China") == "Republic of China"
    assert after.name_then("China") == "People's Republic of China"


def test_ussr_seat_held_by_russian_federation_from_24_december_1991() -> None:
    # Yeltsin's letter of 24 Dec 1991 (C3; https://ask.un.org/faq/378083).
    assert "SUN" in codes(ut.council(on="1991-12-23").permanent)
    assert "RUS" in codes(ut.council(on="1991-12-24").permanent)
    assert "SUN" not in codes(ut.council(on="1991-12-24").members)


def test_democratic_yemen_seat_passes_to_yemen_on_unification() -> None:
    assert "YMD" in codes(ut.council(on="1990-05-21").elected)
    assert "YEM" in codes(ut.council(on="1990-05-22").elected)
    assert ut.council(on="1990-05-22").size == 15


def test_split_term_italy_then_netherlands() -> None:
    # C6: Italy sat in 2017, the Netherlands in 2018, on one 2017-2018 term.
    assert "ITA" in codes(ut.council(on="2017-06-01").elected)
    assert "NLD" not in codes(ut.council(on="2017-06-01").elected)
    assert "NLD" in codes(ut.council(on="2018-06-01").elected)


# Days on which the Council had fewer members than its size, each with its record.
SHORT_DAYS = {
    # The 1979 election deadlocked between Cuba and Colombia; Mexico was elected on 7 January 1980.
    date(1980, 1, 1): 14,
}


def test_every_day_has_a_full_council() -> None:
    # 11 or 15 members, five permanent, on the first day of every month of the record.
    for year in range(1946, RECORD_END.year + 1):
        for month in range(1, 13):
            day = max(date(year, month, 1), FIRST_MEETING)
            c = ut.council(on=day)
            assert len(c.permanent) == 5, day
            assert c.size == SHORT_DAYS.get(day, 11 if year < 1966 else 15), day
            assert len(set(codes(c.members))) == c.size, day


def test_mexico_took_its_seat_late_in_1980() -> None:
    # Elected on 7 January 1980 after 155 rounds (term_dates.csv gives the sources).
    before, after = ut.council(on="1980-01-06"), ut.council(on="1980-01-07")
    assert (before.size, after.size) == (14, 15)
    assert "MEX" not in codes(before.elected)
    assert "MEX" in codes(after.elected)
    assert before.threshold == after.threshold == 9
    assert any("Mexico" in note and "1980-01-07" in note for note in before.notes)
    with pytest.raises(
        ut.NotOnCouncilError, match="Mexico was not a member of the Security Council on 1980-01-06"
    ):
        ut.tally({"Mexico": "yes"}, on="1980-01-06")
    (term,) = [t for t in ut.terms("Mexico") if t.label == "1980-1981"]
    assert (term.start, term.end) == (date(1980, 1, 7), date(1981, 12, 31))


def test_the_council_of_2027() -> None:
    # Elected on 3 June 2026 for 2027-2028; Bahrain, Colombia, the DRC, Latvia and Liberia stay.
    c = ut.council(on=date(2027, 1, 5))
    assert (c.size, c.threshold) == (15, 9)
    assert sorted(codes(c.elected)) == [
        "AUT",
        "BHR",
        "COD",
        "COL",
        "KGZ",
        "LBR",
        "LVA",
        "PRT",
        "TTO",
        "ZWE",
    ]
    assert date(2027, 12, 31) == RECORD_END


def test_record_end_is_the_last_year_of_the_tables() -> None:
    text = resources.files("unsc_tracker").joinpath("data/membership_2010_2027.csv").read_text()
    assert RECORD_END.year == max(int(row["year"]) for row in csv.DictReader(text.splitlines()))


def test_every_membership_row_keeps_its_source() -> None:
    for name in ["membership_1946_2009.csv", "membership_2010_2027.csv"]:
        text = resources.files("unsc_tracker").joinpath("data", name).read_text()
        for row in csv.DictReader(text.splitlines()):
            assert row["source"].strip(), (name, row["year"], row["member"])


def test_terms_span_years_and_keep_sources() -> None:
    (spain,) = [t for t in ut.terms("Spain") if t.label == "2015-2016"]
    assert (spain.start, spain.end) == (date(2015, 1, 1), date(2016, 12, 31))
    assert spain.sources
    assert not spain.permanent
    yemen = [t for t in ut.terms() if t.member.code in {"YMD", "YEM"}]
    assert [(t.member.code, t.start, t.end) for t in yemen] == [
        ("YMD", date(1990, 1, 1), date(1990, 5, 21)),
        ("YEM", date(1990, 5, 22), date(1991, 12, 31)),
    ]
    russia_seat = [t for t in ut.terms() if t.permanent and t.member.code in {"SUN", "RUS"}]
    assert next(t.end for t in russia_seat) == date(1991, 12, 23)


def test_notes_flag_unverified_2027_composition() -> None:
    assert any("not checked" in note for note in ut.council(on="2027-03-01").notes)
    assert not any("not checked" in note for note in ut.council(on="2026-03-01").notes)


def test_council_prints_members_with_permanent_marked() -> None:
    text = str(ut.council(on="1971-01-01"))
    assert text.startswith("Security Council on 1971-01-01: Republic of China (P), France (P)")


def test_error_before_first_meeting() -> None:
    with pytest.raises(
        ut.DateOutOfRecordError,
        match=r"^no Security Council on 1946-01-16: its first meeting was on 1946-01-17 \(S/PV.1\)$",
    ):
        ut.council(on=date(1946, 1, 16))


def test_error_after_the_record() -> None:
    with pytest.raises(
        ut.DateOutOfRecordError,
        match=r"no membership record for 2028-01-01: the record covers 1946-01-17 to 2027-12-31; "
        r"add the Council of 2028 from a file with ut.use_data\(folder\) or the UNSC_TRACKER_DATA",
    ):
        ut.council(on=date(2028, 1, 1))


def test_error_not_a_date() -> None:
    with pytest.raises(ut.DateOutOfRecordError, match=r"on: 'yesterday' is not a date"):
        ut.council(on="yesterday")
    with pytest.raises(TypeError, match=r"on: expected a date or ISO text \(YYYY-MM-DD\), got int"):
        ut.council(on=2016)  # type: ignore[arg-type]


def test_error_name_then_of_a_non_member() -> None:
    with pytest.raises(
        ut.NotOnCouncilError, match="Germany was not a member of the Security Council on 2016-10-08"
    ):
        ut.council(on="2016-10-08").name_then("Germany")


def test_composition_agrees_with_the_council_of_every_day() -> None:
    from datetime import timedelta

    from unsc_tracker.council import composition

    day = date(1946, 1, 17)
    days = []
    while day <= RECORD_END:  # every fifth day, and the days seats changed hands
        days.append(day)
        day += timedelta(days=5)
    days += [date(1971, 10, 24), date(1971, 10, 25), date(1991, 12, 23), date(1991, 12, 24)]
    days += [date(1990, 5, 21), date(1990, 5, 22)]
    for day in days:
        seated = ut.council(on=day)
        found = composition(day)
        assert found.codes == {state.code for state in seated.members}, day
        assert found.permanent == {state.code for state in seated.permanent}, day
        assert dict(found.names) == dict(seated.holders), day
        assert found.threshold == seated.threshold, day
