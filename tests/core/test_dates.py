import datetime as dt

import pytest
from hypothesis import given, strategies as st

from loyaldesk.core.dates import from_db, parse_date
from loyaldesk.core.errors import ValidationError


@pytest.mark.parametrize("text", ["2023-04-01", "2023/4/1", "2023.04.01", "2023年4月1日", "20230401", "２０２３－０４－０１", " 2023/04/01 "])
def test_accepted_forms(text):
    assert parse_date(text) == dt.date(2023, 4, 1)


@pytest.mark.parametrize("text", ["2023-02-30", "2023/13/01", "yesterday", "2023-4", "0000-01-01"])
def test_impossible_dates_rejected(text):
    with pytest.raises(ValidationError) as info:
        parse_date(text)
    assert text in info.value.message


def test_empty_is_none():
    assert parse_date("") is None and parse_date(None) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_round_trip(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day
    assert from_db(day.isoformat() + "T10:00:00") == day
