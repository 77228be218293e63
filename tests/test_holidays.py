"""UN working days at Headquarters: the holidays skipped, and the years the record has no list for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from unsc_tracker import datafiles
from unsc_tracker.holidays import add_un_working_days, un_holidays


def test_every_holiday_row_has_a_source_and_a_weekday() -> None:
    for row in datafiles.rows("un_holidays"):
        assert row["source"], row.place
        assert date.fromisoformat(row["date"]).weekday() < 5, row.place


def test_memorial_day_2020_is_skipped() -> None:
    # ST/IC/2019/23 (via ask.un.org/faq/112514): Memorial Day 25 May, Eid al-Fitr 26 May 2020.
    found = add_un_working_days(date(2020, 5, 22), 1)
    assert found.day == date(2020, 5, 27)
    assert [h.name for h in found.holidays] == ["Memorial Day", "Eid al-Fitr"]
    assert found.caveat is None


def test_a_year_without_a_list_counts_weekdays_and_says_so() -> None:
    # No holiday list for 2022 was found: the veto of 26 May 2022 (S/2022/431) counts Monday to
    # Friday, and the caveat names the year.
    assert un_holidays(2022) is None
    found = add_un_working_days(date(2022, 5, 26), 10)
    assert found.day == date(2022, 6, 9)
    assert found.years_without_list == (2022,)
    assert found.caveat is not None
    assert "2022" in found.caveat


def test_a_user_holiday_list_is_counted(tmp_path: Path) -> None:
    (tmp_path / "un_holidays_2022.csv").write_text(
        "date,name,source\n2022-05-30,Memorial Day,my copy of the 2022 circular\n"
    )
    datafiles.use_data(tmp_path)
    try:
        found = add_un_working_days(date(2022, 5, 26), 10)
        assert found.day == date(2022, 6, 10)
        assert found.caveat is None
    finally:
        datafiles.forget_data()


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="days: expected a count of days from 0, got -1"):
        add_un_working_days(date(2022, 5, 26), -1)
