"""parse_timestamp: the ``published`` of offline files, as exports of other tools write it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from wirewatch_shared.clock import as_utc, parse_timestamp

TEN_UTC = datetime(2025, 12, 3, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "2025-12-03T10:00:00Z",
        "2025-12-03T10:00:00+00:00",
        "2025-12-03 10:00",  # naive: UTC
        " 2025-12-03T05:00:00-05:00 ",
        "Wed, 03 Dec 2025 10:00:00 GMT",  # a feed's RFC 2822 date
        "Wed, 03 Dec 2025 11:00:00 +0100",
        1764756000,  # Unix seconds
        1764756000.0,
    ],
)
def test_every_common_form_reads_as_the_same_instant(value: object) -> None:
    parsed = parse_timestamp(value)
    assert parsed == TEN_UTC and parsed.tzinfo is not None


def test_a_date_alone_is_its_utc_midnight_and_offsets_are_kept() -> None:
    assert parse_timestamp("2025-12-03") == datetime(2025, 12, 3, tzinfo=UTC)
    five_am_in_bogota = parse_timestamp("2025-12-03T05:00:00-05:00")
    assert five_am_in_bogota is not None
    assert five_am_in_bogota.tzinfo == timezone(timedelta(hours=-5))


@pytest.mark.parametrize("value", [None, ""])
def test_absent_is_none(value: object) -> None:
    assert parse_timestamp(value) is None


@pytest.mark.parametrize(
    "value",
    ["yesterday", "2025-13-45", True, [2025], {"d": 1}, 1e300, -1e300, float("nan"), float("inf")],
)
def test_anything_else_is_one_error_naming_the_value(value: object) -> None:
    with pytest.raises(ValueError, match="published") as caught:
        parse_timestamp(value)
    assert repr(value) in str(caught.value)


def test_as_utc_reads_a_naive_time_as_utc_and_converts_an_aware_one() -> None:
    naive = datetime(2026, 12, 8, 1, 2, 3, 456789)
    assert as_utc(naive) == naive.replace(tzinfo=UTC) and as_utc(naive).tzinfo is UTC
    madrid = datetime(2026, 12, 8, 2, 2, 3, tzinfo=timezone(timedelta(hours=1)))
    converted = as_utc(madrid)
    assert converted == madrid and converted.tzinfo is UTC and converted.hour == 1
